// The lab's three-node kind cluster with weave, as a StaticNetworkView over a
// proxy model built from a scenario: every endpoint in the scenario's slices is a
// pod listening on its endpoint ports.

import { Rng } from '../../core/rng';
import { nodeNetwork } from '../../net/render/node-network';
import type { KubeProxy } from '../../proxy/kube-proxy';
import { buildProxy } from '../../proxy/testing/build';
import type { Scenario } from '../../proxy/testing/scenarios';
import type { PacketEnv } from '../engine';
import { NetState } from '../state';
import { StaticNetworkView, type StaticPod } from '../static-view';

export const KIND_BRIDGES: Record<string, string> = {
  'kind-control-plane': '10.32.0.1',
  'kind-worker': '10.40.0.0',
  'kind-worker2': '10.44.0.0',
};

export interface TestCluster {
  proxy: KubeProxy;
  view: StaticNetworkView;
  env: PacketEnv;
}

export function kindCluster(s: Scenario, seed = 'packets'): TestCluster {
  const proxy = buildProxy(s);
  const view = new StaticNetworkView(proxy);
  for (const n of s.nodes) {
    const pods = s.slices
      .flatMap((sl) => sl.endpoints ?? [])
      .filter((e) => e.nodeName === n.name && e.addresses[0] !== n.ip)
      .map((e) => ({ namespace: e.targetRef?.namespace ?? 'default', name: e.targetRef?.name ?? e.addresses[0], ip: e.addresses[0], uid: e.targetRef?.uid ?? e.addresses[0] }));
    const unique = [...new Map(pods.map((p) => [p.ip, p])).values()];
    view.addNode(nodeNetwork({ name: n.name, ip: n.ip, bridgeIP: KIND_BRIDGES[n.name] ?? '10.46.0.0', pods: unique }), ['10250/tcp']);
  }
  const pods = new Map<string, StaticPod>();
  for (const sl of s.slices) {
    for (const e of sl.endpoints ?? []) {
      const ip = e.addresses[0];
      if (s.nodes.some((n) => n.ip === ip)) continue;
      const pod = pods.get(ip) ?? { namespace: e.targetRef?.namespace ?? 'default', name: e.targetRef?.name ?? ip, ip, node: e.nodeName ?? '', listens: [] };
      for (const p of sl.ports ?? []) pod.listens.push(`${p.port}/${(p.protocol ?? 'TCP').toLowerCase()}`);
      pods.set(ip, pod);
    }
  }
  for (const pod of pods.values()) view.addPod(pod);
  const env: PacketEnv = { view, state: new NetState(), rng: new Rng(seed), now: Date.UTC(2026, 0, 1) };
  return { proxy, view, env };
}
