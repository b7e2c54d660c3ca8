// Oracle test for `kubectl get` layout. The columns and cells of `get` come
// from the apiserver, so the fake apiserver serves Tables built by our own
// convertors; what real kubectl then adds is the layout: tab widths, NAMESPACE
// column, kind prefixes, -L / --show-labels, wide columns, headers, blank
// lines between kinds, cell cutting, "No resources found", -o name. Our
// printers must produce the same bytes on stdout and stderr.

import { afterAll, beforeAll, describe as suite, expect, it } from 'vitest';
import { getTableOutput, printNames } from '../../../src/shell/kubectl/printers';
import { serverTable } from '../../../src/shell/kubectl/printers/get/print';
import { DAY, HOUR, MIN, SEC, deployment, endpointSlice, endpoints, event, namespace, node, pod, replicaSet, service } from '../../../src/shell/kubectl/printers/testing/fixtures';
import { matchesSelector, parseSelectorString } from '../../../src/sim/api/selectors';
import { allCategory, resolveResource, resourceForKind } from '../../../src/sim/api/kinds';
import type { KubeObject } from '../../../src/sim/api/types';
import { startFakeApiserver, type FakeApiserver } from './fake-apiserver';
import { kubectlAvailable, runKubectl } from './run-kubectl';

// Cells are computed by the convertor with this clock, on the server and for our printer alike.
const now = Date.parse('2024-07-04T10:00:00Z');

function cluster(): KubeObject[] {
  const objects: KubeObject[] = [];
  const add = <T extends KubeObject>(o: T): T => {
    objects.push(o);
    return o;
  };
  for (const ns of ['default', 'instavote', 'kube-system', 'empty']) add(namespace(now, ns));
  const d = add(deployment(now, { name: 'vote', replicas: 3, ready: 2, containerPort: 80 }));
  const rs = add(replicaSet(now, { name: 'vote-6c8b9d7f5d', replicas: 3, ready: 2, labels: { app: 'vote' }, hash: '6c8b9d7f5d', owner: d }));
  const owner = { kind: 'ReplicaSet', name: rs.metadata.name!, uid: rs.metadata.uid! };
  const labels = { app: 'vote', 'pod-template-hash': '6c8b9d7f5d' };
  const p1 = add(pod(now, { name: 'vote-6c8b9d7f5d-7lq9m', labels, node: 'kind-worker', podIP: '10.244.1.5', owner, restarts: 2, lastRestartAgo: 3 * MIN + 10 * SEC }));
  add(pod(now, { name: 'vote-6c8b9d7f5d-m2x4p', labels, node: 'kind-worker2', hostIP: '172.18.0.4', podIP: '10.244.2.7', owner }));
  add(pod(now, { name: 'vote-6c8b9d7f5d-q8w7e', labels, state: 'Pending', owner, createdAgo: 3 * SEC }));
  add(pod(now, { name: 'standalone', labels: { 'app.kubernetes.io/tier': 'front', run: 'standalone' }, node: 'kind-worker', podIP: '10.244.1.9', createdAgo: 90 * SEC }));
  add(pod(now, { name: 'worker-86b9c7d4f-zz9x8', namespace: 'instavote', node: 'kind-worker', podIP: '10.244.1.30', state: 'CrashLoopBackOff', restarts: 5, lastRestartAgo: 41 * SEC, createdAgo: 4 * MIN + 2 * SEC }));
  add(pod(now, { name: 'result-7c9d8f6b5-q8w7e', namespace: 'instavote', node: 'kind-worker2', state: 'ContainerCreating', createdAgo: 5 * SEC }));
  add(pod(now, { name: 'coredns-76f75df574-8xw2l', namespace: 'kube-system', node: 'kind-control-plane', podIP: '10.244.0.2', createdAgo: 3 * DAY }));
  add(service(now, { name: 'kubernetes', clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443 }], createdAgo: 3 * DAY }));
  add(service(now, { name: 'vote', type: 'NodePort', selector: { app: 'vote' }, clusterIP: '10.102.45.167', ports: [{ port: 80, nodePort: 30000 }] }));
  add(service(now, { name: 'result', namespace: 'instavote', type: 'LoadBalancer', selector: { app: 'result' }, clusterIP: '10.98.12.201', ports: [{ port: 80, nodePort: 31451 }] }));
  add(service(now, { name: 'extdb', namespace: 'instavote', type: 'ExternalName', externalName: 'db.example.com' }));
  add(endpoints(now, { name: 'kubernetes', createdAgo: 3 * DAY, subsets: [{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }] }));
  add(endpoints(now, { name: 'vote', subsets: [{ addresses: [{ ip: '10.244.1.5' }, { ip: '10.244.2.7' }], notReadyAddresses: [{ ip: '10.244.2.9' }], ports: [{ port: 80, protocol: 'TCP' }] }] }));
  add(endpointSlice(now, { service: 'vote', endpoints: [{ ip: '10.244.1.5' }, { ip: '10.244.2.7' }, { ip: '10.244.2.9', ready: false }], ports: [{ port: 80 }] }));
  add(event(now, { involved: p1, reason: 'Started', message: 'Started container vote', component: 'kubelet', host: 'kind-worker', firstAgo: 12 * MIN, fieldPath: 'spec.containers{vote}' }));
  add(event(now, { involved: d, reason: 'ScalingReplicaSet', message: 'Scaled up replica set vote-6c8b9d7f5d from 0 to 3\nsecond line', component: 'deployment-controller', firstAgo: 12 * MIN + 30 * SEC }));
  add(node(now, { name: 'kind-control-plane', ip: '172.18.0.2', controlPlane: true, podCIDR: '10.244.0.0/24', createdAgo: 3 * DAY }));
  add(node(now, { name: 'kind-worker', ip: '172.18.0.3', createdAgo: 3 * DAY }));
  add(node(now, { name: 'kind-worker2', ip: '172.18.0.4', ready: false, unschedulable: true, createdAgo: 3 * DAY }));
  return objects;
}

const objects = cluster();

interface GetArgs {
  kinds: string;
  namespace?: string;
  all?: boolean;
  wide?: boolean;
  name?: boolean;
  showLabels?: boolean;
  labelColumns?: string[];
  noHeaders?: boolean;
  selector?: string;
  names?: string[];
}

function kubectlArgs(a: GetArgs): string[] {
  return [
    'get',
    a.kinds,
    ...(a.names ?? []),
    ...(a.all ? ['-A'] : ['-n', a.namespace ?? 'default']),
    ...(a.wide ? ['-o', 'wide'] : a.name ? ['-o', 'name'] : []),
    ...(a.showLabels ? ['--show-labels'] : []),
    ...(a.labelColumns ?? []).flatMap((k) => ['-L', k]),
    ...(a.noHeaders ? ['--no-headers'] : []),
    ...(a.selector ? ['-l', a.selector] : []),
  ];
}

/** What our kubectl would hand to the printers: one list per requested kind, filtered like the server filters. */
function ours(a: GetArgs): { stdout: string; stderr: string } {
  const requested = a.kinds.split(',').flatMap((k) => (k === 'all' ? allCategory().map((r) => r.kind) : [resolveResource(k)!.kind]));
  const ns = a.namespace ?? 'default';
  const sel = a.selector ? parseSelectorString(a.selector) : undefined;
  const lists = requested.map((kind) => {
    const namespaced = resourceForKind(kind)!.namespaced;
    const items = objects
      .filter((o) => o.kind === kind && (!namespaced || a.all || o.metadata.namespace === ns) && (!sel || matchesSelector(sel, o.metadata.labels)))
      .filter((o) => !a.names || a.names.includes(o.metadata.name!))
      .sort((x, y) => ((x.metadata.namespace ?? '') + '/' + x.metadata.name! < (y.metadata.namespace ?? '') + '/' + y.metadata.name! ? -1 : 1));
    // Named objects come back in the order they were asked for.
    if (a.names) items.sort((x, y) => a.names!.indexOf(x.metadata.name!) - a.names!.indexOf(y.metadata.name!));
    return { kind, items };
  });
  if (a.name) return { stdout: printNames(lists.flatMap((l) => l.items)), stderr: '' };
  return getTableOutput(
    lists,
    { namespace: ns, allNamespaces: a.all, wide: a.wide, showLabels: a.showLabels, labelColumns: a.labelColumns, noHeaders: a.noHeaders, withKind: requested.length > 1 },
    now,
  );
}

const cases: [string, GetArgs][] = [
  ['get pods', { kinds: 'pods' }],
  ['get pods -o wide', { kinds: 'pods', wide: true }],
  ['get pods -A', { kinds: 'pods', all: true }],
  ['get pods --show-labels -L app -L app.kubernetes.io/tier', { kinds: 'pods', showLabels: true, labelColumns: ['app', 'app.kubernetes.io/tier'] }],
  ['get pods -l app=vote -o wide --show-labels', { kinds: 'pods', selector: 'app=vote', wide: true, showLabels: true }],
  ['get pod with two names (one kind: no prefix)', { kinds: 'pod', names: ['vote-6c8b9d7f5d-q8w7e', 'standalone'] }],
  ['get pods,svc', { kinds: 'pods,svc' }],
  ['get pods,svc --no-headers', { kinds: 'pods,svc', noHeaders: true }],
  ['get all', { kinds: 'all' }],
  ['get all -n instavote', { kinds: 'all', namespace: 'instavote' }],
  ['get all -A', { kinds: 'all', all: true }],
  ['get all in an empty namespace', { kinds: 'all', namespace: 'empty' }],
  ['get pods in a namespace that does not exist', { kinds: 'pods', namespace: 'nope' }],
  ['get deploy,rs -o wide', { kinds: 'deploy,rs', wide: true }],
  ['get svc,ep -o wide', { kinds: 'svc,ep', wide: true }],
  ['get svc -A -o wide', { kinds: 'svc', all: true, wide: true }],
  ['get endpointslices', { kinds: 'endpointslices' }],
  ['get nodes', { kinds: 'nodes' }],
  ['get nodes -o wide --show-labels', { kinds: 'nodes', wide: true, showLabels: true }],
  ['get ns', { kinds: 'ns' }],
  ['get pods,nodes -A (NAMESPACE sticks to the later cluster-scoped table)', { kinds: 'pods,nodes', all: true }],
  ['get nodes,pods -A', { kinds: 'nodes,pods', all: true }],
  ['get ns,nodes -A', { kinds: 'ns,nodes', all: true }],
  ['get nodes -l nothing=here', { kinds: 'nodes', selector: 'nothing=here' }],
  ['get events', { kinds: 'events' }],
  ['get events -A -o wide', { kinds: 'events', all: true, wide: true }],
  ['get pods -o name', { kinds: 'pods', name: true }],
  ['get all -o name', { kinds: 'all', name: true }],
  ['get pods -o name in an empty namespace', { kinds: 'pods', namespace: 'empty', name: true }],
];

suite.skipIf(!kubectlAvailable())('kubectl get layout oracle (real kubectl v1.32 laying out our server-side tables)', () => {
  let server: FakeApiserver;
  beforeAll(async () => {
    server = await startFakeApiserver(objects, { table: (kind, items) => serverTable(kind, items, now) });
  });
  afterAll(async () => {
    await server?.close();
  });

  for (const [title, a] of cases) {
    it(title, async () => {
      const real = await runKubectl(server.url, kubectlArgs(a));
      expect(real.code).toBe(0);
      expect(ours(a)).toEqual({ stdout: real.stdout, stderr: real.stderr });
    });
  }
});

void HOUR;
