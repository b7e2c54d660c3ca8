// Oracle test for DaemonSets and ConfigMaps: the objects of a simulated cluster
// (kind's kube-proxy and weave-net DaemonSets, kubeadm's ConfigMaps, a DaemonSet
// the learner created, with its events) are served to the real kubectl, and our
// describe and get printers must print the same bytes. Go ranges over a
// ConfigMap's data in random order, so multi-key ConfigMaps are compared with
// their key blocks sorted.

import { afterAll, beforeAll, describe as suite, expect, it } from 'vitest';
import { describe, getTableOutput } from '../../../src/shell/kubectl/printers';
import { serverTable } from '../../../src/shell/kubectl/printers/get/print';
import { allCategory, resolveResource } from '../../../src/sim/api/kinds';
import type { ConfigMap, DaemonSet, KubeObject } from '../../../src/sim/api/types';
import { Simulation } from '../../../src/sim/simulation';
import { startFakeApiserver, type FakeApiserver } from './fake-apiserver';
import { kubectlAvailable, runKubectl } from './run-kubectl';

const available = kubectlAvailable();

function cluster(): Simulation {
  const sim = new Simulation();
  const labels = { app: 'log-agent' };
  sim.store.create<DaemonSet>({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'log-agent', namespace: 'default', labels: { ...labels, tier: 'node' } },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [{ name: 'agent', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'], resources: { requests: { cpu: '10m' } } }],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        },
      },
    },
  });
  sim.store.create<ConfigMap>({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'app-config', namespace: 'default', labels: { app: 'vote' } },
    data: { 'nginx.conf': 'server {\n\tlisten 80;\n}\n', MODE: 'production' },
    binaryData: { 'logo.png': 'iVBORw0KGgo=' },
  });
  sim.advance(30_000);
  return sim;
}

const sim = cluster();
const objects: KubeObject[] = ['Namespace', 'Node', 'Pod', 'DaemonSet', 'ConfigMap', 'Event', 'Service', 'Deployment', 'ReplicaSet'].flatMap((k) => sim.store.list(k));

/** A describe text with the blocks of its `Data` section sorted by key. */
function sortDataBlocks(text: string): string {
  const start = text.indexOf('\nData\n====\n');
  const end = text.indexOf('\nBinaryData\n====\n');
  if (start < 0 || end < 0) return text;
  const body = text.slice(start + '\nData\n====\n'.length, end);
  const blocks = body.split(/(?=^[^\n]*:\n----\n)/m).filter((b) => b !== '');
  return text.slice(0, start + '\nData\n====\n'.length) + [...blocks].sort().join('') + text.slice(end);
}

interface Case {
  kind: 'DaemonSet' | 'ConfigMap';
  namespace: string;
  name: string;
}

const cases: Case[] = [
  { kind: 'DaemonSet', namespace: 'kube-system', name: 'kube-proxy' },
  { kind: 'DaemonSet', namespace: 'kube-system', name: 'weave-net' },
  { kind: 'DaemonSet', namespace: 'default', name: 'log-agent' },
  { kind: 'ConfigMap', namespace: 'kube-system', name: 'coredns' },
  { kind: 'ConfigMap', namespace: 'default', name: 'kube-root-ca.crt' },
  { kind: 'ConfigMap', namespace: 'kube-system', name: 'kube-proxy' },
  { kind: 'ConfigMap', namespace: 'kube-system', name: 'extension-apiserver-authentication' },
  { kind: 'ConfigMap', namespace: 'local-path-storage', name: 'local-path-config' },
  { kind: 'ConfigMap', namespace: 'default', name: 'app-config' },
];

suite.skipIf(!available)('kubectl describe/get oracle for DaemonSets and ConfigMaps (real kubectl v1.32)', () => {
  let server: FakeApiserver;
  const tableNow = sim.now();
  beforeAll(async () => {
    server = await startFakeApiserver(objects, { table: (kind, objs) => serverTable(kind, objs, tableNow) });
  });
  afterAll(async () => {
    await server?.close();
  });

  for (const c of cases) {
    it(`describe ${c.kind} ${c.namespace}/${c.name}`, async () => {
      const resource = c.kind === 'DaemonSet' ? 'ds' : 'cm';
      const before = Date.now();
      const real = await runKubectl(server.url, ['describe', resource, c.name, '-n', c.namespace]);
      const after = Date.now();
      expect(real.stderr).toBe('');
      expect(real.code).toBe(0);
      const obj = sim.store.get(c.kind, c.namespace, c.name)!;
      const readings = [after];
      for (let t = before; t < after; t += 1000) readings.push(t);
      const outputs = readings.map((t) => sortDataBlocks(describe(c.kind, obj, sim.store, t)));
      const want = sortDataBlocks(real.stdout);
      expect(outputs.find((o) => o === want) ?? outputs[0]).toBe(want);
    });
  }

  const gets: [string, string[]][] = [
    ['ds', ['-A', '-o', 'wide']],
    ['ds', ['-n', 'default', '--show-labels']],
    ['cm', ['-A']],
    ['all', ['-A']],
    ['all', ['-n', 'kube-system']],
    ['ds,cm', ['-n', 'kube-system', '-o', 'wide']],
  ];
  for (const [kinds, extra] of gets) {
    it(`get ${kinds} ${extra.join(' ')}`, async () => {
      const real = await runKubectl(server.url, ['get', kinds, ...extra]);
      const all = extra.includes('-A');
      const ns = all ? undefined : extra[extra.indexOf('-n') + 1];
      const types = kinds.split(',').flatMap((k) => (k === 'all' ? allCategory() : [resolveResource(k)!]));
      const lists = types.map((t) => ({ kind: t.kind, items: sim.store.list(t.kind, { namespace: t.namespaced ? ns : undefined }) }));
      const ours = getTableOutput(
        lists,
        { namespace: ns ?? 'default', allNamespaces: all, wide: extra.includes('wide'), withKind: types.length > 1, showLabels: extra.includes('--show-labels') },
        tableNow,
      );
      expect(ours.stdout).toBe(real.stdout);
      expect(ours.stderr).toBe(real.stderr);
    });
  }
});

if (!available) {
  it.skip('DaemonSet/ConfigMap oracle: /usr/bin/kubectl is not installed', () => {});
}
