// The diagram's view of the cluster: plain data, cheap to send to the UI.

import type { EndpointSlice, Node, Pod, Service } from './api/types';
import type { ClusterSnapshot, SnapshotEndpoint, SnapshotService } from '../worker/protocol';
import type { Simulation } from './simulation';
import { podStatusText, podReadyText } from './pod-status';

export function buildSnapshot(sim: Simulation, version: number): ClusterSnapshot {
  const { store } = sim;
  const nodes = store.list<Node>('Node').map((n) => ({
    name: n.metadata.name!,
    ip: n.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '',
    ready: n.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
    roles: Object.keys(n.metadata.labels ?? {})
      .filter((k) => k.startsWith('node-role.kubernetes.io/'))
      .map((k) => k.slice('node-role.kubernetes.io/'.length)),
    bridgeIP: sim.ipam.bridgeOf(n.metadata.name!) ?? '',
  }));
  const pods = store.list<Pod>('Pod').map((p) => {
    const ready = podReadyText(p);
    const [r, t] = ready.split('/');
    return {
      namespace: p.metadata.namespace!,
      name: p.metadata.name!,
      node: p.spec.nodeName ?? null,
      ip: p.status?.podIP ?? null,
      status: podStatusText(p),
      ready: r === t && t !== '0',
      labels: p.metadata.labels ?? {},
    };
  });
  const podByIP = new Map(pods.filter((p) => p.ip && !p.ip.startsWith('172.18.')).map((p) => [`${p.namespace}/${p.ip}`, p]));
  const services: SnapshotService[] = store.list<Service>('Service').map((s) => {
    const ns = s.metadata.namespace!;
    const endpoints: SnapshotEndpoint[] = [];
    for (const slice of store.listMatching<EndpointSlice>('EndpointSlice', ns, { 'kubernetes.io/service-name': s.metadata.name! })) {
      for (const e of slice.endpoints ?? []) {
        for (const port of slice.ports ?? [{ port: 0 }]) {
          const pod = podByIP.get(`${ns}/${e.addresses[0]}`);
          endpoints.push({ ip: e.addresses[0], port: port.port ?? 0, ready: e.conditions.ready !== false, pod: e.targetRef?.name ?? pod?.name ?? null, node: e.nodeName ?? null });
        }
      }
    }
    return {
      namespace: ns,
      name: s.metadata.name!,
      type: s.spec.type ?? 'ClusterIP',
      clusterIP: s.spec.clusterIP ?? null,
      externalIPs: s.spec.externalIPs ?? [],
      ports: (s.spec.ports ?? []).map((p) => ({
        name: p.name ?? null,
        port: p.port,
        targetPort: String(p.targetPort ?? p.port),
        nodePort: p.nodePort ?? null,
        protocol: p.protocol ?? 'TCP',
      })),
      selector: s.spec.selector ?? null,
      endpoints,
    };
  });
  return { time: sim.now(), version, currentNamespace: sim.currentNamespace, nodes, pods, services };
}
