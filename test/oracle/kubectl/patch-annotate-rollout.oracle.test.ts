// The simulator's `kubectl patch`, `annotate` and `rollout` against the real
// kubectl v1.32 for what kubectl decides itself: usage errors (no server
// needed), and the patch parsing and client-side (--dry-run=client) JSON patch
// failures, which need discovery and so run against the fake apiserver.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from '../../../src/cli/script';
import type { KubeObject } from '../../../src/sim/api/types';
import { startFakeApiserver, type FakeApiserver } from '../describe/fake-apiserver';
import { KUBECTL, kubectlAvailable, runKubectl } from '../describe/run-kubectl';

const home = mkdtempSync(join(tmpdir(), 'kubectl-oracle-patch-'));
const kubeconfig = join(home, 'config');
writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n');

function offline(args: string[]): { stdout: string; stderr: string; exit: number } {
  const r = spawnSync(KUBECTL, args, { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', KUBECONFIG: kubeconfig, HOME: home } });
  return { stdout: r.stdout, stderr: r.stderr, exit: r.status ?? -1 };
}

function q(a: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

/** Our kubectl after `setup` lines; the result of the last line. */
async function ours(args: string[], setup: string[] = []): Promise<{ stdout: string; stderr: string; exit: number }> {
  const r = await runScript([...setup, ['kubectl', ...args].map(q).join(' ')].join('\n') + '\n', []);
  const s = r.results[r.results.length - 1];
  return { stdout: s.stdout, stderr: s.stderr, exit: s.exit };
}

const USAGE: string[][] = [
  ['patch', 'svc', 'x'],
  ['patch', 'svc', 'x', '-p', '{}', '--type', 'foo'],
  ['patch', 'svc', 'x', '-p', '{}', '--patch-file', 'p.json'],
  ['patch', '-p', '{}'],
  ['annotate'],
  ['annotate', 'svc', 'x'],
  ['rollout', 'status'],
  ['rollout', 'restart'],
  ['rollout'],
  ['rollout', 'foo'],
];

const svc = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'vote', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: '2024-01-01T00:00:00Z' },
  spec: { type: 'ClusterIP', clusterIP: '10.96.1.1', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], selector: { app: 'vote' } },
  status: { loadBalancer: {} },
} as unknown as KubeObject;

const SERVER: string[][] = [
  ['patch', 'svc', 'vote', '-p', 'a: b: c'],
  ['patch', 'svc', 'vote', '-p', 'x:\n  - a\n b: c'],
  ['patch', 'svc', 'vote', '-p', '{}', '--dry-run=client'],
  ['patch', 'svc', 'vote', '--type=merge', '-p', '{"metadata":{"labels":{"a":"b"}}}', '--dry-run=client'],
  ['patch', 'svc', 'vote', '--type=json', '-p', '[{"op":"bad","path":"/spec"}]', '--dry-run=client'],
  ['patch', 'svc', 'vote', '--type=json', '-p', '[{"op":"test","path":"/spec/type","value":"NodePort"}]', '--dry-run=client'],
  ['patch', 'svc', 'vote', '--type=json', '-p', '[{"op":"remove","path":"/spec/foo"}]', '--dry-run=client'],
  ['rollout', 'status', 'svc/vote'],
  ['rollout', 'restart', 'svc/vote'],
];

describe.skipIf(!kubectlAvailable())('kubectl patch/annotate/rollout oracle (real kubectl v1.32)', () => {
  let server: FakeApiserver;
  beforeAll(async () => {
    server = await startFakeApiserver([svc]);
  });
  afterAll(async () => {
    await server?.close();
  });

  for (const args of USAGE) {
    it(`kubectl ${args.join(' ')}`, async () => {
      const real = offline(args);
      expect(await ours(args)).toEqual(real);
    });
  }

  for (const args of SERVER) {
    it(`kubectl ${args.join(' ')} (against a server)`, async () => {
      const real = await runKubectl(server.url, args);
      const sim = await ours(args, ['kubectl create service clusterip vote --tcp=80']);
      expect(sim).toEqual({ stdout: real.stdout, stderr: real.stderr, exit: real.code });
    });
  }
});
