// Throw-away network namespaces for oracle tests against the real iptables and
// iproute2 of Debian 12 (iptables 1.8.9, iproute2 6.1, net-tools 2.10).

import { execFileSync, spawnSync } from 'node:child_process';

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number;
}

let counter = 0;

/** Why the oracle cannot run here, or undefined when it can. */
export function oracleUnavailable(tools: string[] = ['ip', 'iptables', 'iptables-save', 'iptables-restore']): string | undefined {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'not root (network namespaces need CAP_SYS_ADMIN)';
  for (const tool of tools) {
    const r = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
    if (r.status !== 0) return `${tool} is not installed (apt-get install -y iptables iproute2 net-tools)`;
  }
  if (tools.includes('iptables')) {
    const v = spawnSync('iptables', ['-V'], { encoding: 'utf8' });
    if (!/^iptables v1\.8\.9 \(nf_tables\)/.test(v.stdout)) return `iptables is not 1.8.9 (nf_tables): ${v.stdout.trim()}`;
  }
  const name = `simprobe${process.pid}`;
  const add = spawnSync('ip', ['netns', 'add', name], { encoding: 'utf8' });
  if (add.status !== 0) return `ip netns add failed: ${add.stderr.trim()}`;
  spawnSync('ip', ['netns', 'del', name]);
  return undefined;
}

export class Netns {
  readonly name: string;

  constructor(prefix: string) {
    this.name = `${prefix}${process.pid}x${counter++}`;
    execFileSync('ip', ['netns', 'add', this.name]);
    this.run(['ip', 'link', 'set', 'lo', 'up']);
  }

  /** Run a command inside the namespace (TZ=UTC, C locale). */
  run(cmd: string[], input?: string): RunResult {
    const r = spawnSync('ip', ['netns', 'exec', this.name, ...cmd], {
      input,
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' },
      maxBuffer: 256 * 1024 * 1024,
    });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
  }

  /** Run and insist on success. */
  must(cmd: string[], input?: string): string {
    const r = this.run(cmd, input);
    if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed (${r.status}): ${r.stderr}`);
    return r.stdout;
  }

  destroy(): void {
    spawnSync('ip', ['netns', 'del', this.name]);
  }
}
