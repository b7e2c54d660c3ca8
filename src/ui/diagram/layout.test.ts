import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, SnapshotPod, SnapshotService } from '../../worker/protocol';
import { endpointEdgeId, HOST_ID, moreId, podId, serviceId } from './graph';
import { DiagramLayout, formatPorts, gatewayOf, graphBounds } from './layout';
import { hostEdges } from './net-edges';
import { SlotAllocator } from './slots';

const NODES = [
  { name: 'kind-worker2', ip: '172.18.0.4', ready: true, roles: [], bridgeIP: '10.44.0.0' },
  { name: 'kind-control-plane', ip: '172.18.0.2', ready: true, roles: ['control-plane'], bridgeIP: '10.32.0.1' },
  { name: 'kind-worker', ip: '172.18.0.3', ready: true, roles: [], bridgeIP: '10.40.0.0' },
];

function pod(ns: string, name: string, node: string | null, ready = true): SnapshotPod {
  return { namespace: ns, name, node, ip: node ? `10.40.0.${name.length}` : null, status: ready ? 'Running' : 'ContainerCreating', ready, labels: { app: 'vote' } };
}

function service(ns: string, name: string, pods: SnapshotPod[], extra: Partial<SnapshotService> = {}): SnapshotService {
  return {
    namespace: ns,
    name,
    type: 'NodePort',
    clusterIP: '10.96.10.10',
    externalIPs: [],
    ports: [{ name: null, port: 80, targetPort: '80', nodePort: 30000, protocol: 'TCP' }],
    selector: { app: 'vote' },
    endpoints: pods.map((p) => ({ ip: p.ip ?? '', port: 80, ready: p.ready, pod: p.name, node: p.node })),
    ...extra,
  };
}

function snapshot(pods: SnapshotPod[], services: SnapshotService[], currentNamespace = 'instavote'): ClusterSnapshot {
  return { time: 0, version: 1, currentNamespace, nodes: NODES, pods, services };
}

const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((n) => [n.id, n]));

describe('DiagramLayout', () => {
  it('draws nodes sorted by name with their pods inside, and services above them', () => {
    const pods = [pod('instavote', 'vote-a', 'kind-worker'), pod('instavote', 'vote-b', 'kind-worker2'), pod('kube-system', 'coredns-1', 'kind-control-plane')];
    const g = new DiagramLayout().compute(snapshot(pods, [service('instavote', 'vote', pods.slice(0, 2))]), 'current');
    const clusterNodes = g.nodes.filter((n) => n.type === 'clusterNode');
    expect(clusterNodes.map((n) => n.id)).toEqual(['node:kind-control-plane', 'node:kind-worker', 'node:kind-worker2']);
    const xs = clusterNodes.map((n) => n.position.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const nodes = byId(g.nodes);
    expect(nodes.get(podId('instavote', 'vote-a'))?.parentId).toBe('node:kind-worker');
    expect(nodes.has(podId('kube-system', 'coredns-1'))).toBe(false);
    const svc = nodes.get(serviceId('instavote', 'vote'))!;
    expect(svc.position.y).toBeLessThan(clusterNodes[0].position.y);
    expect(svc.data).toMatchObject({ ports: '80:30000/TCP', endpoints: 2, readyEndpoints: 2 });
  });

  it('puts your host on top, at the kind network gateway, with a faint edge to each node', () => {
    const pods = [pod('instavote', 'vote-a', 'kind-worker')];
    const g = new DiagramLayout().compute(snapshot(pods, [service('instavote', 'vote', pods)]), 'current');
    const host = g.nodes.find((n) => n.id === HOST_ID)!;
    expect(host).toMatchObject({ type: 'host', data: { ip: '172.18.0.1' } });
    const below = g.nodes.filter((n) => n.id !== HOST_ID && !n.parentId);
    for (const n of below) expect(n.position.y).toBeGreaterThanOrEqual(host.position.y + (host.height ?? 0));
    expect(hostEdges(g).map((e) => [e.id, e.kind])).toEqual([
      ['net:host->node:kind-control-plane', 'host'],
      ['net:host->node:kind-worker', 'host'],
      ['net:host->node:kind-worker2', 'host'],
    ]);
    expect(gatewayOf({ ...snapshot([], []), nodes: [] })).toBe('');
  });

  it('lists parents before their children, as React Flow requires', () => {
    const pods = Array.from({ length: 30 }, (_, i) => pod('instavote', `p${i}`, NODES[i % 3].name));
    const g = new DiagramLayout().compute(snapshot(pods, []), 'current');
    const seen = new Set<string>();
    for (const n of g.nodes) {
      if (n.parentId) expect(seen.has(n.parentId), `${n.id} before ${n.parentId}`).toBe(true);
      seen.add(n.id);
    }
    expect(g.counts).toMatchObject({ pods: 30, podsDrawn: 30 });
  });

  it('keeps every other pod in place when pods come and go', () => {
    const layout = new DiagramLayout();
    const pods = Array.from({ length: 10 }, (_, i) => pod('instavote', `vote-${i}`, 'kind-worker'));
    const before = byId(layout.compute(snapshot(pods, []), 'current').nodes);
    const without = pods.filter((p) => p.name !== 'vote-3');
    const after = byId(layout.compute(snapshot([...without, pod('instavote', 'vote-00', 'kind-worker')], []), 'current').nodes);
    for (const p of without) expect(after.get(podId('instavote', p.name))?.position).toEqual(before.get(podId('instavote', p.name))?.position);
    // The newcomer takes the freed slot.
    expect(after.get(podId('instavote', 'vote-00'))?.position).toEqual(before.get(podId('instavote', 'vote-3'))?.position);
  });

  it('styles edges by endpoint readiness and skips pods without endpoints', () => {
    const pods = [pod('instavote', 'vote-a', 'kind-worker'), pod('instavote', 'vote-b', 'kind-worker2', false), pod('instavote', 'redis', 'kind-worker')];
    const g = new DiagramLayout().compute(snapshot(pods, [service('instavote', 'vote', pods.slice(0, 2))]), 'current');
    const sid = serviceId('instavote', 'vote');
    expect(g.edges.map((e) => [e.id, e.source, e.target, e.data?.ready])).toEqual([
      [endpointEdgeId(sid, podId('instavote', 'vote-a')), sid, podId('instavote', 'vote-a'), true],
      [endpointEdgeId(sid, podId('instavote', 'vote-b')), sid, podId('instavote', 'vote-b'), false],
    ]);
  });

  it('links a host-network endpoint (the kubernetes Service) to its node', () => {
    const kubernetes = service('default', 'kubernetes', [], {
      type: 'ClusterIP',
      ports: [{ name: 'https', port: 443, targetPort: '6443', nodePort: null, protocol: 'TCP' }],
      selector: null,
      endpoints: [{ ip: '172.18.0.2', port: 6443, ready: true, pod: null, node: null }],
    });
    const g = new DiagramLayout().compute(snapshot([], [kubernetes], 'default'), 'current');
    expect(g.edges.map((e) => e.target)).toEqual(['node:kind-control-plane']);
    expect(formatPorts(kubernetes)).toBe('443/TCP');
  });

  it('shows all namespaces or one chosen namespace', () => {
    const pods = [pod('instavote', 'vote-a', 'kind-worker'), pod('kube-system', 'coredns-1', 'kind-worker')];
    const all = new DiagramLayout().compute(snapshot(pods, []), '*');
    expect(all.nodes.filter((n) => n.type === 'pod')).toHaveLength(2);
    expect(all.namespace).toBe('*');
    const ks = new DiagramLayout().compute(snapshot(pods, []), 'kube-system');
    expect(ks.nodes.filter((n) => n.type === 'pod').map((n) => n.id)).toEqual([podId('kube-system', 'coredns-1')]);
  });

  it('reports bounds that grow as a node box fills with pods', () => {
    const layout = new DiagramLayout();
    const empty = graphBounds(layout.compute(snapshot([], []), 'current'));
    const pods = Array.from({ length: 6 }, (_, i) => pod('instavote', `p${i}`, 'kind-worker'));
    const full = graphBounds(layout.compute(snapshot(pods, []), 'current'));
    expect(full.width).toBe(empty.width);
    expect(full.height).toBeGreaterThan(empty.height);
  });

  it('puts pods that are not scheduled in their own box', () => {
    const g = new DiagramLayout().compute(snapshot([pod('instavote', 'pending', null, false)], []), 'current');
    const p = g.nodes.find((n) => n.type === 'pod')!;
    expect(p.parentId).toBe('node:');
    expect(g.nodes.find((n) => n.id === 'node:')?.data).toMatchObject({ unscheduled: true, podCount: 1 });
  });

  it('caps what it draws on a huge cluster and routes hidden endpoints to "+N more"', () => {
    const nodes = Array.from({ length: 1000 }, (_, i) => ({ name: `node-${String(i).padStart(4, '0')}`, ip: `172.18.${i >> 8}.${i & 255}`, ready: true, roles: [], bridgeIP: '' }));
    const pods: SnapshotPod[] = [];
    for (let i = 0; i < 100_000; i++) pods.push(pod('default', `web-${i}`, nodes[i % 1000].name));
    const services = Array.from({ length: 10_000 }, (_, i) => service('default', `svc-${i}`, i === 0 ? pods.slice(0, 5000) : []));
    const snap: ClusterSnapshot = { time: 0, version: 1, currentNamespace: 'default', nodes, pods, services };
    const layout = new DiagramLayout();
    const t0 = performance.now();
    const g = layout.compute(snap, 'current');
    const ms = performance.now() - t0;
    expect(g.nodes.length).toBeLessThan(400);
    expect(g.nodes.find((n) => n.id === moreId('nodes'))?.data).toMatchObject({ count: 988 });
    expect(g.nodes.find((n) => n.id === moreId('services'))?.data).toMatchObject({ count: 10_000 - 24 });
    expect(g.nodes.find((n) => n.id === moreId('node-0000'))?.data).toMatchObject({ count: 100 - 16 });
    const fromFirst = g.edges.filter((e) => e.source === serviceId('default', 'svc-0'));
    expect(fromFirst.length).toBeLessThanOrEqual(64);
    expect(fromFirst.some((e) => e.target === moreId('node-0000'))).toBe(true);
    expect(g.counts.edgesHidden).toBeGreaterThan(0);
    // A generous bound: a regression to quadratic work would take minutes.
    expect(ms).toBeLessThan(5000);
  });
});

describe('SlotAllocator', () => {
  it('fills freed slots in key order and respects capacity', () => {
    const a = new SlotAllocator();
    expect([...a.assign('g', ['c', 'a', 'b'], 2)]).toEqual([['a', 0], ['b', 1]]);
    const next = a.assign('g', ['c', 'b'], 2);
    expect(next.get('b')).toBe(1);
    expect(next.get('c')).toBe(0);
  });

  it('forgets groups that are gone', () => {
    const a = new SlotAllocator();
    a.assign('x', ['k2', 'k1'], 5);
    a.retain(new Set(['y']));
    expect(a.assign('x', ['k2'], 5).get('k2')).toBe(0);
  });
});
