// Oracle test for `kubectl get --watch` layout: the first listing, then one
// row per watch event, each flushed on its own through a tab writer that
// remembers column widths. The fake apiserver streams the events and then
// closes the watch, which ends kubectl.

import { afterAll, beforeAll, describe as suite, expect, it } from 'vitest';
import { createWatchTablePrinter, serverTable } from '../../../src/shell/kubectl/printers/get/print';
import { MIN, SEC, namespace, pod, service } from '../../../src/shell/kubectl/printers/testing/fixtures';
import type { KubeObject } from '../../../src/sim/api/types';
import { startFakeApiserver, type FakeApiserver, type WatchEvent } from './fake-apiserver';
import { kubectlAvailable, runKubectl } from './run-kubectl';

const now = Date.parse('2024-07-04T10:00:00Z');

const objects: KubeObject[] = [
  namespace(now, 'default'),
  namespace(now, 'empty'),
  pod(now, { name: 'vote-6c8b9d7f5d-7lq9m', node: 'kind-worker', podIP: '10.244.1.5' }),
  pod(now, { name: 'redis', node: 'kind-worker2', podIP: '10.244.2.3' }),
  service(now, { name: 'vote', type: 'NodePort', selector: { app: 'vote' }, clusterIP: '10.102.45.167', ports: [{ port: 80, nodePort: 30000 }] }),
];

const events: WatchEvent[] = [
  { type: 'ADDED', object: pod(now, { name: 'vote-6c8b9d7f5d-a-much-longer-name', state: 'ContainerCreating', node: 'kind-worker', createdAgo: 1 * SEC }) },
  { type: 'MODIFIED', object: pod(now, { name: 'redis', node: 'kind-worker2', state: 'CrashLoopBackOff', restarts: 1, lastRestartAgo: 5 * SEC }) },
  { type: 'DELETED', object: pod(now, { name: 'vote-6c8b9d7f5d-7lq9m', node: 'kind-worker', deletionTimestamp: '2024-07-04T10:00:30Z' }) },
  { type: 'ADDED', object: pod(now, { name: 'newcomer', namespace: 'empty', state: 'Pending', createdAgo: 2 * SEC }) },
  { type: 'ADDED', object: service(now, { name: 'redis', selector: { app: 'redis' }, clusterIP: '10.104.128.34', ports: [{ port: 6379 }], createdAgo: 1 * MIN }) },
];

interface WatchCase {
  title: string;
  args: string[];
  kind: string;
  namespace?: string;
  all?: boolean;
  wide?: boolean;
  noHeaders?: boolean;
  name?: string;
}

const cases: WatchCase[] = [
  { title: 'get pods -w', args: ['get', 'pods', '-w'], kind: 'Pod' },
  { title: 'get pods -w -A', args: ['get', 'pods', '-w', '-A'], kind: 'Pod', all: true },
  { title: 'get pods -w -o wide', args: ['get', 'pods', '-w', '-o', 'wide'], kind: 'Pod', wide: true },
  { title: 'get pods -w --no-headers', args: ['get', 'pods', '-w', '--no-headers'], kind: 'Pod', noHeaders: true },
  { title: 'get pods -w on an empty namespace: the header comes with the first event', args: ['get', 'pods', '-w', '-n', 'empty'], kind: 'Pod', namespace: 'empty' },
  { title: 'get svc -w', args: ['get', 'svc', '-w'], kind: 'Service' },
  { title: 'get pod redis -w: the synthetic first event of a named watch is not printed', args: ['get', 'pod', 'redis', '-w'], kind: 'Pod', name: 'redis' },
];

/** What our kubectl does: print the list, then each event of the kind (skipping the first for a named watch). */
function ours(c: WatchCase): string {
  const printer = createWatchTablePrinter(c.kind, { allNamespaces: c.all, wide: c.wide, noHeaders: c.noHeaders });
  const ns = c.namespace ?? 'default';
  const inScope = (o: KubeObject) => o.kind === c.kind && (c.all || o.metadata.namespace === ns) && (!c.name || o.metadata.name === c.name);
  const key = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  let out = printer.print(objects.filter(inScope).sort((a, b) => (key(a) < key(b) ? -1 : 1)), now);
  const stream = events.filter((e) => inScope(e.object));
  for (const e of c.name ? stream.slice(1) : stream) out += printer.print([e.object], now);
  return out;
}

suite.skipIf(!kubectlAvailable())('kubectl get --watch layout oracle', () => {
  let server: FakeApiserver;
  beforeAll(async () => {
    server = await startFakeApiserver(objects, { table: (kind, items) => serverTable(kind, items, now), watch: events });
  });
  afterAll(async () => {
    await server?.close();
  });

  for (const c of cases) {
    it(c.title, async () => {
      const real = await runKubectl(server.url, c.args);
      expect(real.stderr).toBe('');
      expect(ours(c)).toBe(real.stdout);
    });
  }
});
