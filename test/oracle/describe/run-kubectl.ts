// Run the real kubectl against a fake apiserver, isolated from any kubeconfig,
// cache or credentials of the machine it runs on.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const KUBECTL = '/usr/bin/kubectl';

export function kubectlAvailable(): boolean {
  return existsSync(KUBECTL);
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number;
}

const home = mkdtempSync(join(tmpdir(), 'kubectl-oracle-'));

export function runKubectl(server: string, args: string[]): Promise<KubectlResult> {
  const argv = [`--server=${server}`, `--cache-dir=${join(home, 'cache')}`, ...args];
  return new Promise((resolve) => {
    execFile(
      KUBECTL,
      argv,
      {
        // No kubeconfig and a private HOME: the oracle must not see the machine's clusters.
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, KUBECONFIG: join(home, 'none'), TZ: 'UTC', LANG: 'C' },
        timeout: 30000,
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ stdout, stderr, code });
      },
    );
  });
}
