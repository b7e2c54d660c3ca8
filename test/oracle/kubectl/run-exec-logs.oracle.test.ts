// The simulator's `kubectl run`, `exec` and `logs` against the real kubectl
// v1.32 for what kubectl decides itself: run's client-side dry run (Pod, and
// with --expose the Service first, `---` twice between the YAML documents; the
// namespace only when -n names it), which needs the API's discovery and so
// runs against the fake apiserver; and the usage errors, which need no server.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from '../../../src/cli/script';
import { startFakeApiserver, type FakeApiserver } from '../describe/fake-apiserver';
import { KUBECTL, kubectlAvailable, runKubectl } from '../describe/run-kubectl';

const home = mkdtempSync(join(tmpdir(), 'kubectl-oracle-run-'));
const kubeconfig = join(home, 'config');
writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n');

/** The real kubectl with no cluster at all (usage errors come before any request). */
function offline(args: string[]): { stdout: string; stderr: string; exit: number } {
  const r = spawnSync(KUBECTL, args, { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', KUBECONFIG: kubeconfig, HOME: home } });
  return { stdout: r.stdout, stderr: r.stderr, exit: r.status ?? -1 };
}

function q(a: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

const KLOG = /^([EWI])\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ /gm;
const mask = (s: string) => s.replace(KLOG, '$1MMDD hh:mm:ss.uuuuuu PID ');

async function ours(args: string[]): Promise<{ stdout: string; stderr: string; exit: number }> {
  const r = await runScript(['kubectl', ...args].map(q).join(' '), []);
  const s = r.results[0];
  return { stdout: s.stdout, stderr: mask(s.stderr), exit: s.exit };
}

const DRY_RUN: string[][] = [
  ['run', 'web', '--image=nginx', '--port=80', '--expose', '--dry-run=client', '-o', 'yaml'],
  ['run', 'web', '--image=nginx', '--port=80', '--expose', '--dry-run=client', '-o', 'json'],
  ['run', 'web', '--image=nginx', '--port=80', '--expose', '--dry-run=client', '-o', 'name'],
  ['run', 'web', '--image=nginx', '--port=80', '--expose', '--dry-run=client'],
  ['run', 'web', '--image=nginx', '--port=8080', '--expose', '-l', 'app=web,tier=front', '-n', 'shop', '--dry-run=client', '-o', 'yaml'],
  ['run', 'web', '--image=nginx', '--port=80', '--expose', '--dry-run=client', '-o', 'jsonpath={.kind}'],
  ['run', 'bb', '--image=busybox', '-n', 'dev', '--dry-run=client', '-o', 'yaml', '--', 'sleep', '3600'],
  ['run', 'bb', '--image=busybox', '--dry-run=client', '-o', 'yaml', '--restart=Never', '--annotations=a=b', '--', 'sh', '-c', 'echo hi'],
  ['run', 'x', '--image=nginx', '--restart=', '-i', '--attach=false', '--dry-run=client', '-o', 'yaml'],
  ['run', 'x', '--image=nginx', '--image-pull-policy=Always', '--privileged', '-i', '--attach=false', '--dry-run=client', '-o', 'json'],
  ['run', 'x', '--image=nginx', '--port=http', '--expose', '--dry-run=client', '-o', 'yaml'],
];

const USAGE: string[][] = [
  ['run', 'x', '--image=nginx', '--expose'],
  ['run', 'x', '--image=nginx', '-i', '--expose'],
  ['run', 'x', '--image=nginx', '-t'],
  ['run', 'x', '--image=nginx', '--rm'],
  ['run', 'x', '--image=nginx', '--attach=false', '-i', '--rm'],
  ['run', 'x', '--image=nginx', '-it', '--dry-run=client'],
  ['run', 'x', '--image=nginx', '--restart=Bad'],
  ['run', 'x', '--image=nginx', '--rm', '--restart=Bad'],
  ['run', 'x', '--image=nginx', '--image-pull-policy=Bad'],
  ['run', 'x', '--image=nginx', '--pod-running-timeout=0'],
  ['run', 'x', '--image=nginx', '--pod-running-timeout=5'],
  ['run', 'x', '--image=Bad_Image'],
  ['run', 'x', '--image='],
  ['run', '--image=nginx'],
  ['exec'],
  ['exec', '-it'],
  ['exec', '-c', 'bb'],
  ['exec', '--', 'ls'],
  ['exec', 'bb'],
  ['exec', 'bb', '--'],
  ['exec', 'bb', 'ls'],
  ['exec', 'bb', 'ls', 'x'],
  ['exec', 'bb', '--pod-running-timeout=0', '--', 'ls'],
  ['logs'],
  ['logs', '-p'],
  ['logs', 'a', 'b', 'c'],
  ['logs', 'a', 'b', 'c', 'd'],
  ['logs', '-l', 'app=x', 'a'],
  ['logs', '-l', 'app=x', 'a', 'b'],
  ['logs', 'a', '--pod-running-timeout=0'],
];

describe.skipIf(!kubectlAvailable())('kubectl run/exec/logs oracle (real kubectl v1.32)', () => {
  let server: FakeApiserver;
  beforeAll(async () => {
    server = await startFakeApiserver([]);
  });
  afterAll(async () => {
    await server?.close();
  });

  for (const args of DRY_RUN) {
    it(`kubectl ${args.join(' ')}`, async () => {
      const real = await runKubectl(server.url, args);
      const sim = await ours(args);
      expect(sim).toEqual({ stdout: real.stdout, stderr: mask(real.stderr), exit: real.code });
    });
  }

  for (const args of USAGE) {
    it(`kubectl ${args.join(' ')}`, async () => {
      const real = offline(args);
      const sim = await ours(args);
      expect(sim).toEqual({ stdout: real.stdout, stderr: mask(real.stderr), exit: real.exit });
    });
  }
});
