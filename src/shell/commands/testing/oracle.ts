// Oracle tests: run one command line through the real tools (bash, GNU
// coreutils, grep, sed, mawk) in a temporary directory holding the same files
// as our VFS home, and through our interpreter, then compare byte for byte.

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { genericCommands } from '../index';
import { fakeShell, type RunOutput } from '../../interp/testing/fake-shell';

export interface OracleCase {
  /** Files relative to the home directory. */
  files?: Record<string, string>;
  stdin?: string;
  /** Locale for both sides (default C.UTF-8, as on a learner's machine). */
  locale?: 'C' | 'C.UTF-8';
  /** Modification time (ms) of every file and directory; ours then runs at `now`. */
  mtime?: number;
  now?: number;
  /** Run ours with stdout as a terminal of this width; the real line runs under script(1). */
  ttyColumns?: number;
}

export interface Outcome {
  stdout: string;
  stderr: string;
  status: number;
}

const available = new Map<string, boolean>();

/** Whether a program is installed (oracle tests skip with a message when it is not). */
export function hasTool(name: string): boolean {
  let ok = available.get(name);
  if (ok === undefined) {
    ok = spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
    available.set(name, ok);
  }
  return ok;
}

/** Run `line` with real bash in a scratch directory populated with `files`. */
export async function runReal(line: string, c: OracleCase = {}): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'shell-oracle-'));
  try {
    for (const [name, content] of Object.entries(c.files ?? {})) {
      const p = join(dir, name);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
    }
    if (c.mtime !== undefined) {
      spawnSync('sh', ['-c', `find . -exec touch -h -d @${Math.floor(c.mtime / 1000)} {} +`], { cwd: dir });
    }
    const env: Record<string, string> = {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: dir, LC_ALL: c.locale ?? 'C.UTF-8', TZ: 'UTC',
    };
    if (c.ttyColumns !== undefined) env.COLUMNS = String(c.ttyColumns);
    const argv = c.ttyColumns === undefined
      ? ['bash', ['--norc', '--noprofile', '-c', line]] as const
      : ['script', ['-qec', `bash --norc --noprofile -c ${shellQuote(line)}`, '/dev/null']] as const;
    const r = await run(argv[0], [...argv[1]], dir, c.stdin ?? '', env);
    const stdout = c.ttyColumns === undefined ? r.stdout : r.stdout.replace(/\r\n/g, '\n');
    return {
      stdout: stdout.split(dir).join('/root'),
      // bash -c says `bash: line 1: x`; the interactive shell the learner types into says `bash: x`
      stderr: r.stderr.split(dir).join('/root').replace(/^bash: line \d+: /gm, 'bash: '),
      status: r.status,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], cwd: string, input: string, env: Record<string, string>): Promise<{ stdout: string; stderr: string; status: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, status: code ?? -1 }));
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

/** Run `line` in our interpreter with the same files under /root. */
export async function runOurs(line: string, c: OracleCase = {}): Promise<Outcome> {
  const sh = fakeShell({
    commands: genericCommands,
    files: Object.entries(c.files ?? {}).map(([name, content]) => ({ path: `/root/${name}`, content })),
    env: { LC_ALL: c.locale ?? 'C.UTF-8' },
    now: c.mtime,
  });
  if (c.now !== undefined && c.mtime !== undefined) await sh.ctx.sleep(c.now - c.mtime);
  const r: RunOutput = await sh.run(line, { stdin: c.stdin ?? '', tty: c.ttyColumns !== undefined, columns: c.ttyColumns });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
