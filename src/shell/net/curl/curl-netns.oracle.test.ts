// Our curl against the real curl 7.88.1 where the network itself fails: a
// network namespace with a black hole (SYNs vanish), an address nobody
// answers ARP for, and no route at all. Needs root and `ip netns`; the kernel
// gives up on SYNs after one retry there (net.ipv4.tcp_syn_retries=1), so the
// waits are seconds, and the numbers of milliseconds are masked.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { curlMain } from './index';
import { VirtualFs } from '../../fs/vfs';
import { scriptedApp, scriptedNet } from './testing/scripted-server';
import type { TcpAttempt } from '../lib/tcp';

const NS = `curl-oracle-${process.pid}`;
const CURL = process.env.CURL_PATH ?? '/usr/bin/curl';

function sh(cmd: string): boolean {
  return spawnSync('sh', ['-c', cmd], { stdio: 'ignore' }).status === 0;
}

const version = spawnSync(CURL, ['--version'], { encoding: 'utf8' }).stdout ?? '';
let skip = '';
if (!version.startsWith('curl 7.88.1')) skip = `${CURL} is not curl 7.88.1`;
else if (process.getuid?.() !== 0) skip = 'needs root for ip netns';
else if (!sh('command -v ip')) skip = 'iproute2 (ip) is missing';
if (skip) console.warn(`skipping curl network-namespace oracle tests: ${skip}`);

beforeAll(() => {
  if (skip) return;
  const ok =
    sh(`ip netns add ${NS}`) &&
    sh(`ip netns exec ${NS} ip link set lo up`) &&
    sh(`ip netns exec ${NS} ip link add v0 type veth peer name v1`) &&
    sh(`ip netns exec ${NS} ip addr add 10.9.9.1/24 dev v0`) &&
    sh(`ip netns exec ${NS} ip link set v0 up`) &&
    sh(`ip netns exec ${NS} ip link set v1 up`) &&
    // 10.9.9.9 has a neighbour entry but nothing behind it: a black hole. 10.9.9.8 answers no ARP.
    sh(`ip netns exec ${NS} ip neigh add 10.9.9.9 lladdr 02:00:00:00:00:09 dev v0`) &&
    sh(`ip netns exec ${NS} sysctl -qw net.ipv4.tcp_syn_retries=1`);
  if (!ok) skip = 'could not set up the network namespace';
});

afterAll(() => {
  sh(`ip netns del ${NS}`);
});

function realCurl(args: string[]): Promise<{ stdout: string; stderr: string; exit: number }> {
  return new Promise((resolve) => {
    const p = spawn('ip', ['netns', 'exec', NS, CURL, ...args]);
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ stdout, stderr, exit: code ?? -1 }));
  });
}

const NETWORK: Record<string, TcpAttempt> = {
  '10.9.9.9:80': { kind: 'timeout' },
  '10.9.9.8:80': { kind: 'unreachable', errno: 'EHOSTUNREACH', afterMs: 3071 },
  '10.77.0.1:80': { kind: 'unreachable', errno: 'ENETUNREACH', afterMs: 0 },
};

async function simCurl(args: string[]): Promise<{ stdout: string; stderr: string; exit: number }> {
  let stdout = '';
  let stderr = '';
  const io = { stdin: '', stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t) };
  const ctx = { fs: new VirtualFs({ now: () => 0 }), signal: { cancelled: false }, sleep: async () => {} };
  const exit = await curlMain(args, scriptedNet(1, scriptedApp({}), NETWORK), io, ctx, false);
  return { stdout, stderr, exit };
}

const mask = (s: string) =>
  s
    .replace(/after \d+ ms/g, 'after N ms')
    .replace(/after \d+ milliseconds/g, 'after N milliseconds')
    .replace(/after \d+ms, move on/g, 'after Nms, move on')
    .replace(/\r[ \d]{3} [ \dk.M]{5} .*?(?=\r|\n|$)/g, '\r<meter>');

const CASES: [string, string[]][] = [
  ['SYNs dropped: the kernel gives up', ['-v', '-s', 'http://10.9.9.9/']],
  ['SYNs dropped, -sS', ['-sS', 'http://10.9.9.9/']],
  ['--connect-timeout', ['-v', '-s', '--connect-timeout', '1', 'http://10.9.9.9/']],
  ['--connect-timeout, -sS', ['-sS', '--connect-timeout', '1', 'http://10.9.9.9/']],
  ['-m while connecting', ['-v', '-s', '-m', '1', 'http://10.9.9.9/']],
  ['-m while connecting, -sS', ['-sS', '-m', '1', 'http://10.9.9.9/']],
  ['no route', ['-v', '-s', 'http://10.77.0.1/']],
  ['no route, -sS', ['-sS', 'http://10.77.0.1/']],
];

describe.skipIf(!!skip)('curl against the real curl when the network fails', () => {
  for (const [name, args] of CASES) {
    it(name, async () => {
      const real = await realCurl(args);
      const sim = await simCurl(args);
      expect(mask(sim.stderr)).toBe(mask(real.stderr));
      expect(sim.stdout).toBe(real.stdout);
      expect(sim.exit).toBe(real.exit);
    });
  }
});
