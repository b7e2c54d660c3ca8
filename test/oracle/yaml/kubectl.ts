// Run the real kubectl v1.32 offline as an oracle: only commands that need no
// server (`create … --dry-run=client -o yaml|json|jsonpath`, `create -f` parse
// errors). Isolated from the machine's kubeconfig, cache and credentials.

import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const KUBECTL = '/usr/bin/kubectl';
export const kubectlMissing = !existsSync(KUBECTL);
export const SKIP_REASON = `real kubectl not found at ${KUBECTL}: oracle tests skipped`;

export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number;
}

const home = mkdtempSync(join(tmpdir(), 'kubectl-yaml-oracle-'));

const ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, KUBECONFIG: join(home, 'none'), TZ: 'UTC', LANG: 'C' };

function argv(args: string[], server: string | undefined): string[] {
  // Port 9 (discard) refuses connections at once: commands that need no server never notice.
  return [`--server=${server ?? 'http://127.0.0.1:9'}`, `--cache-dir=${join(home, 'cache')}`, ...args];
}

/** Run kubectl and wait for it (blocks the event loop: not for use with an in-process server). */
export function kubectl(args: string[], opts: { cwd?: string; server?: string } = {}): KubectlResult {
  const r = spawnSync(KUBECTL, argv(args, opts.server), { cwd: opts.cwd, encoding: 'utf8', env: ENV, timeout: 60000 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? 1 };
}

/** Run kubectl without blocking, so that a fake server in this process can answer it. */
export function kubectlAsync(args: string[], opts: { cwd?: string; server?: string } = {}): Promise<KubectlResult> {
  return new Promise((resolve) => {
    execFile(KUBECTL, argv(args, opts.server), { cwd: opts.cwd, env: ENV, timeout: 60000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ stdout, stderr, code: err ? (typeof err.code === 'number' ? err.code : 1) : 0 });
    });
  });
}

/** The line kubectl printed as its error, without klog noise from failed discovery. */
export function errorLines(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => !/^[EWI]\d{4} /.test(l))
    .join('\n');
}

/** Run `f` over `items` with at most `limit` at a time, keeping the order of the results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
