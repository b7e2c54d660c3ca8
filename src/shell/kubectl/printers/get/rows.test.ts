// Cell rules of each kind's table, one rule at a time.

import { describe, expect, it } from 'vitest';
import type { ContainerStatus, EndpointSlice, KubeObject, Namespace, Pod } from '../../../../sim/api/types';
import { HOUR, MIN, SEC, ago, container, endpointSlice, endpoints, event, namespace, node, pod, service } from '../testing/fixtures';
import { endpointsTable } from './endpoints';
import { endpointSliceTable } from './endpointslices';
import { eventTable } from './events';
import { namespaceTable, nodeTable } from './nodes';
import { podReadyText, podRestartsText, podStatusText, podTable } from './pods';
import { printGetTables } from './print';
import { serviceTable } from './services';

const now = Date.parse('2024-07-04T10:00:00Z');

function withStatuses(p: Pod, statuses: Partial<ContainerStatus>[], extra: Partial<NonNullable<Pod['status']>> = {}): Pod {
  const base = p.status!.containerStatuses![0];
  return { ...p, status: { ...p.status, ...extra, containerStatuses: statuses.map((s) => ({ ...base, ...s })) } };
}

describe('pod STATUS', () => {
  const running = pod(now, { name: 'web', node: 'kind-worker', podIP: '10.244.1.5' });

  it('is the phase when containers run', () => {
    expect(podStatusText(running)).toBe('Running');
    expect(podStatusText(pod(now, { name: 'p', state: 'Pending' }))).toBe('Pending');
  });

  it('is the last container waiting or terminated reason', () => {
    for (const state of ['ContainerCreating', 'CrashLoopBackOff', 'ErrImagePull', 'ImagePullBackOff', 'Completed', 'Error'] as const) {
      expect(podStatusText(pod(now, { name: 'p', node: 'n', state }))).toBe(state);
    }
  });

  it('takes the reason of the first container when it is the one not running (containers are scanned backwards)', () => {
    const two = withStatuses(running, [
      { name: 'a', state: { waiting: { reason: 'CrashLoopBackOff' } }, ready: false },
      { name: 'b', state: { running: { startedAt: ago(now, MIN) } }, ready: true },
    ]);
    two.spec = { ...two.spec, containers: [container('a', 'x:1'), container('b', 'y:1')] };
    expect(podStatusText(two)).toBe('CrashLoopBackOff');
    expect(podReadyText(two)).toBe('1/2');
  });

  it('prints ExitCode:N or Signal:N for a termination without reason', () => {
    expect(podStatusText(withStatuses(running, [{ state: { terminated: { exitCode: 137 } } }]))).toBe('ExitCode:137');
    expect(podStatusText(withStatuses(running, [{ state: { terminated: { exitCode: 0, signal: 9 } as never } }]))).toBe('Signal:9');
    expect(podStatusText(withStatuses(running, [{ state: { terminated: { exitCode: 137, reason: 'OOMKilled' } } }]))).toBe('OOMKilled');
  });

  it('turns Completed back into Running (or NotReady) while another container still runs', () => {
    const mixed = withStatuses(running, [
      { name: 'a', state: { running: { startedAt: ago(now, MIN) } }, ready: true },
      { name: 'b', state: { terminated: { exitCode: 0, reason: 'Completed' } }, ready: false },
    ]);
    mixed.spec = { ...mixed.spec, containers: [container('a', 'x:1'), container('b', 'y:1')] };
    expect(podStatusText(mixed)).toBe('Running');
    const notReady = { ...mixed, status: { ...mixed.status, conditions: mixed.status!.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' as const } : c)) } };
    expect(podStatusText(notReady)).toBe('NotReady');
  });

  it('reports init containers: Init:N/M, Init:<reason>, Init:ExitCode:N, PodInitializing', () => {
    const base = pod(now, { name: 'p', node: 'n', state: 'ContainerCreating' });
    base.spec.initContainers = [container('init-a', 'busybox:1.28'), container('init-b', 'busybox:1.28')];
    const init = (states: ContainerStatus['state'][], extra: object = {}) =>
      ({
        ...base,
        status: {
          ...base.status,
          conditions: base.status!.conditions!.map((c) => (c.type === 'Initialized' ? { ...c, status: 'False' as const } : c)),
          initContainerStatuses: states.map((state, i) => ({ name: `init-${'ab'[i]}`, image: 'busybox:1.28', imageID: '', ready: false, restartCount: 0, state, lastState: {}, ...extra })),
          containerStatuses: [{ ...base.status!.containerStatuses![0], state: { waiting: { reason: 'PodInitializing' } } }],
        },
      }) as Pod;
    expect(podStatusText(init([{ terminated: { exitCode: 0, reason: 'Completed' } }, { running: { startedAt: ago(now, MIN) } }]))).toBe('Init:1/2');
    expect(podStatusText(init([{ waiting: { reason: 'CrashLoopBackOff' } }, { waiting: { reason: 'PodInitializing' } }]))).toBe('Init:CrashLoopBackOff');
    expect(podStatusText(init([{ terminated: { exitCode: 3 } }, { waiting: { reason: 'PodInitializing' } }]))).toBe('Init:ExitCode:3');
    expect(podStatusText(init([{ terminated: { exitCode: 1, reason: 'Error' } }, { waiting: { reason: 'PodInitializing' } }]))).toBe('Init:Error');
    expect(podStatusText(init([{ waiting: { reason: 'PodInitializing' } }, { waiting: { reason: 'PodInitializing' } }]))).toBe('Init:0/2');
    // All init containers done, the app container still waiting: its reason shows.
    const done = init([{ terminated: { exitCode: 0, reason: 'Completed' } }, { terminated: { exitCode: 0, reason: 'Completed' } }]);
    expect(podStatusText(done)).toBe('PodInitializing');
  });

  it('counts sidecars (restartable init containers) in READY', () => {
    const p = pod(now, { name: 'p', node: 'n', podIP: '10.244.1.9' });
    p.spec.initContainers = [{ ...container('proxy', 'envoy:1'), restartPolicy: 'Always' } as never];
    p.status = {
      ...p.status,
      initContainerStatuses: [{ name: 'proxy', image: 'envoy:1', imageID: '', ready: true, started: true, restartCount: 1, state: { running: { startedAt: ago(now, MIN) } }, lastState: { terminated: { exitCode: 1, finishedAt: ago(now, 2 * MIN) } } }],
    } as Pod['status'];
    expect(podReadyText(p)).toBe('2/2');
    expect(podRestartsText(p, now)).toBe('1 (2m ago)');
  });

  it('is SchedulingGated, Terminating or Unknown when those apply', () => {
    const gated = pod(now, { name: 'p', state: 'Pending' });
    gated.status!.conditions = [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', lastProbeTime: null, lastTransitionTime: ago(now, MIN) }];
    expect(podStatusText(gated)).toBe('SchedulingGated');
    const deleting = pod(now, { name: 'p', node: 'n', deletionTimestamp: ago(now, -20 * SEC) });
    expect(podStatusText(deleting)).toBe('Terminating');
    const done = pod(now, { name: 'p', node: 'n', state: 'Completed', deletionTimestamp: ago(now, -20 * SEC) });
    expect(podStatusText(done)).toBe('Completed');
    const lost = { ...deleting, status: { ...deleting.status, reason: 'NodeLost' } };
    expect(podStatusText(lost)).toBe('Unknown');
  });

  it('shows status.reason (e.g. Evicted) when containers say nothing', () => {
    const evicted = pod(now, { name: 'p', state: 'Pending' });
    evicted.status = { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' };
    expect(podStatusText(evicted)).toBe('Evicted');
  });
});

describe('pod RESTARTS and wide cells', () => {
  it('shows the last restart time only when one is known', () => {
    const p = pod(now, { name: 'p', node: 'n', restarts: 3, lastRestartAgo: 90 * SEC });
    expect(podRestartsText(p, now)).toBe('3 (90s ago)');
    const noTime = withStatuses(p, [{ lastState: {} }]);
    expect(podRestartsText(noTime, now)).toBe('3');
  });

  it('fills IP, NODE, NOMINATED NODE and READINESS GATES', () => {
    const p = pod(now, { name: 'p', node: 'kind-worker', podIP: '10.244.1.5' });
    (p.spec as { readinessGates?: unknown }).readinessGates = [{ conditionType: 'example.com/ready' }, { conditionType: 'example.com/lb' }];
    (p.status!.conditions as unknown[]).push({ type: 'example.com/ready', status: 'True' });
    (p.status as { nominatedNodeName?: string }).nominatedNodeName = 'kind-worker2';
    expect(podTable.cells(p, now).slice(5)).toEqual(['10.244.1.5', 'kind-worker', 'kind-worker2', '1/2']);
  });
});

describe('service cells', () => {
  const cells = (o: Parameters<typeof service>[1]) => serviceTable.cells(service(now, o), now);

  it('EXTERNAL-IP of ClusterIP and NodePort: external IPs or <none>', () => {
    expect(cells({ name: 's', clusterIP: '10.96.5.5', ports: [{ port: 80 }] })[3]).toBe('<none>');
    expect(cells({ name: 's', type: 'NodePort', clusterIP: '10.96.5.5', externalIPs: ['1.2.3.4', '5.6.7.8'], ports: [{ port: 80, nodePort: 30001 }] })[3]).toBe('1.2.3.4,5.6.7.8');
  });

  it('EXTERNAL-IP of LoadBalancer: sorted unique ingress IPs or hostnames, then external IPs; <pending> without', () => {
    const lb = { name: 's', type: 'LoadBalancer' as const, clusterIP: '10.96.5.5', ports: [{ port: 80, nodePort: 30001 }] };
    expect(cells(lb)[3]).toBe('<pending>');
    expect(cells({ ...lb, ingress: [{ ip: '172.18.255.201' }, { ip: '172.18.255.200' }, { ip: '172.18.255.201' }] })[3]).toBe('172.18.255.200,172.18.255.201');
    expect(cells({ ...lb, ingress: [{ hostname: 'a-very-long-load-balancer-name.elb.amazonaws.com' }] })[3]).toBe('a-very-long-load-balancer-name.elb.amazonaws.com');
    expect(cells({ ...lb, ingress: [{ ip: '172.18.255.200' }], externalIPs: ['9.9.9.9'] })[3]).toBe('172.18.255.200,9.9.9.9');
  });

  it('ExternalName: CLUSTER-IP <none>, EXTERNAL-IP the name; no ports prints <none>', () => {
    expect(cells({ name: 's', type: 'ExternalName', externalName: 'db.example.com' }).slice(2, 5)).toEqual(['<none>', 'db.example.com', '<none>']);
  });

  it('PORT(S) joins every port, UDP included, without spaces; SELECTOR sorted', () => {
    const c = cells({ name: 's', clusterIP: '10.96.0.10', selector: { tier: 'b', app: 'a' }, ports: [{ port: 53, protocol: 'UDP' }, { port: 53 }, { port: 9153, nodePort: 30153 }] });
    expect(c[4]).toBe('53/UDP,53/TCP,9153:30153/TCP');
    expect(c[6]).toBe('app=a,tier=b');
  });
});

describe('endpoints cells', () => {
  const cell = (subsets: Parameters<typeof endpoints>[1]['subsets']) => endpointsTable.cells(endpoints(now, { name: 'e', subsets }), now)[1];

  it('is port-major: every address for the first port, then for the next', () => {
    expect(cell([{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], ports: [{ name: 'a', port: 80 }, { name: 'b', port: 443 }] }])).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...');
  });

  it('lists bare IPs for a headless service without ports, and brackets IPv6', () => {
    expect(cell([{ addresses: [{ ip: '10.0.0.1' }] }])).toBe('10.0.0.1');
    expect(cell([{ addresses: [{ ip: 'fd00::1' }], ports: [{ port: 80 }] }])).toBe('[fd00::1]:80');
  });

  it('counts across subsets for + N more...', () => {
    expect(
      cell([
        { addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], ports: [{ port: 80 }] },
        { addresses: [{ ip: '10.0.1.1' }, { ip: '10.0.1.2' }, { ip: '10.0.1.3' }], ports: [{ port: 8080 }] },
      ]),
    ).toBe('10.0.0.1:80,10.0.0.2:80,10.0.1.1:8080 + 2 more...');
  });

  it('is <none> without subsets and empty when no address is ready', () => {
    expect(cell(undefined)).toBe('<none>');
    expect(cell([{ notReadyAddresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }])).toBe('');
  });
});

describe('endpointslice cells', () => {
  const cells = (s: EndpointSlice) => endpointSliceTable.cells(s, now);

  it('shows port numbers and every address, ready or not', () => {
    const s = endpointSlice(now, { service: 'web', endpoints: [{ ip: '10.244.1.5' }, { ip: '10.244.2.7', ready: false }], ports: [{ name: 'http', port: 8080 }, { name: 'm', port: 9090 }] });
    expect(cells(s).slice(0, 4)).toEqual(['web-x7k2p', 'IPv4', '8080,9090', '10.244.1.5,10.244.2.7']);
  });

  it('prints <unset> for no ports or no endpoints, and + N more... past three', () => {
    const empty = endpointSlice(now, { service: 'redis', endpoints: [], ports: null });
    expect(cells(empty).slice(2, 4)).toEqual(['<unset>', '<unset>']);
    const many = endpointSlice(now, { service: 'vote', endpoints: ['1', '2', '3', '4', '5'].map((n) => ({ ip: `10.244.1.${n}` })), ports: [80, 81, 82, 83].map((port) => ({ name: `p${port}`, port })) });
    expect(cells(many).slice(2, 4)).toEqual(['80,81,82 + 1 more...', '10.244.1.1,10.244.1.2,10.244.1.3 + 2 more...']);
  });

  it('shows a port name when the port has no number', () => {
    const s = endpointSlice(now, { service: 'x', endpoints: [], ports: [] });
    s.ports = [{ name: 'dynamic' }, {}];
    expect(cells(s)[2]).toBe('dynamic,*');
  });
});

describe('node and namespace cells', () => {
  it('roles come from node-role labels and the legacy kubernetes.io/role label, sorted', () => {
    const n = node(now, { name: 'n', ip: '10.0.0.1' });
    n.metadata.labels = { ...n.metadata.labels, 'node-role.kubernetes.io/worker': '', 'kubernetes.io/role': 'ingress', 'node-role.kubernetes.io/': '' };
    expect(nodeTable.cells(n, now)[2]).toBe('ingress,worker');
  });

  it('STATUS is Unknown without a Ready condition; empty system info prints <unknown> in wide', () => {
    const n = node(now, { name: 'n', ip: '10.0.0.1' });
    n.status = { ...n.status, conditions: [], nodeInfo: { ...n.status.nodeInfo, osImage: '', kernelVersion: '', containerRuntimeVersion: '' } };
    const c = nodeTable.cells(n, now);
    expect(c[1]).toBe('Unknown');
    expect(c.slice(5)).toEqual(['10.0.0.1', '<none>', '<unknown>', '<unknown>', '<unknown>']);
  });

  it('namespace STATUS is the phase', () => {
    const ns: Namespace = { ...namespace(now, 'old', 5 * MIN), status: { phase: 'Terminating' } };
    expect(namespaceTable.cells(ns, now)).toEqual(['old', 'Terminating', '5m']);
  });
});

describe('events table (kubectl get events)', () => {
  const p = pod(now, { name: 'vote-6c8b9d7f5d-7lq9m', node: 'kind-worker' });
  const backoff = event(now, {
    involved: p,
    reason: 'BackOff',
    message: 'Back-off restarting failed container vote\n',
    type: 'Warning',
    component: 'kubelet',
    host: 'kind-worker',
    firstAgo: 5 * MIN,
    lastAgo: 2 * MIN,
    count: 12,
    fieldPath: 'spec.containers{vote}',
    name: 'vote-6c8b9d7f5d-7lq9m.17de1a2b3c4d5e6f',
  });
  const scaled = event(now, { involved: node(now, { name: 'kind-worker', ip: '1.1.1.1' }), reason: 'NodeReady', message: 'Node kind-worker status is now: NodeReady', component: 'kubelet', host: 'kind-worker', firstAgo: 3 * HOUR, name: 'kind-worker.17de' });

  it('prints LAST SEEN, TYPE, REASON, OBJECT and the trimmed MESSAGE', () => {
    expect(printGetTables([{ kind: 'Event', items: [backoff, scaled] }], {}, now)).toBe(
      [
        'LAST SEEN   TYPE      REASON      OBJECT                      MESSAGE',
        '2m          Warning   BackOff     pod/vote-6c8b9d7f5d-7lq9m   Back-off restarting failed container vote',
        '3h          Normal    NodeReady   node/kind-worker            Node kind-worker status is now: NodeReady',
        '',
      ].join('\n'),
    );
  });

  it('adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME with -o wide', () => {
    expect(eventTable.cells(backoff, now)).toEqual([
      '2m',
      'Warning',
      'BackOff',
      'pod/vote-6c8b9d7f5d-7lq9m',
      'spec.containers{vote}',
      'kubelet, kind-worker',
      'Back-off restarting failed container vote',
      '5m',
      '12',
      'vote-6c8b9d7f5d-7lq9m.17de1a2b3c4d5e6f',
    ]);
  });

  it('falls back to the event time for new-style events, and counts singletons as 1', () => {
    const newStyle = { ...scaled, firstTimestamp: null, lastTimestamp: null, count: 0, eventTime: ago(now, 90 * SEC) } as unknown as KubeObject;
    const c = eventTable.cells(newStyle, now);
    expect([c[0], c[7], c[8]]).toEqual(['90s', '90s', '1']);
  });
});

describe('label columns', () => {
  const pods = [pod(now, { name: 'a', labels: { app: 'vote', 'app.kubernetes.io/tier': 'front' } }), pod(now, { name: 'b', labels: { app: 'redis' } })];

  it('-L adds one column per key, named after its last path segment, empty when missing, before LABELS', () => {
    expect(printGetTables([{ kind: 'Pod', items: pods }], { labelColumns: ['app', 'app.kubernetes.io/tier'], showLabels: true }, now)).toBe(
      [
        'NAME   READY   STATUS    RESTARTS   AGE   APP     TIER    LABELS',
        'a      1/1     Running   0          12m   vote    front   app.kubernetes.io/tier=front,app=vote',
        'b      1/1     Running   0          12m   redis           app=redis',
        '',
      ].join('\n'),
    );
  });

  it('cuts cells at a newline', () => {
    const multi = event(now, { involved: pods[0], reason: 'Custom', message: 'first line\nsecond line', component: 'me', firstAgo: MIN });
    expect(printGetTables([{ kind: 'Event', items: [multi] }], {}, now)).toBe('LAST SEEN   TYPE     REASON   OBJECT   MESSAGE\n60s         Normal   Custom   pod/a    first line...\n');
  });
});
