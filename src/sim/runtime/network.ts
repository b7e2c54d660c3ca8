// The cluster's network as the packet engine sees it, kept in step with the
// API store: each node's interfaces and routes (weave), which pod owns which
// IP, who listens on what, and each node's iptables from kube-proxy.

import type { ApiStore } from '../api/store';
import type { Node, Pod } from '../api/types';
import type { ClusterConfig } from '../cluster/config';
import type { WeaveIpam } from '../net/weave-ipam';
import { nodeNetwork, type NodeNetwork } from '../net/render/node-network';
import type { NetworkView, PodEndpoint } from '../packet/view';
import type { NodeTables, Protocol } from '../proxy/rules/model';
import type { NodeCounters } from '../proxy/counters';
import type { KubeProxyRunner } from './kube-proxy-runner';

/** Ports the node's own processes hold (kubelet, kube-proxy, weave; the control plane on its node). */
const NODE_PORTS: Record<string, number[]> = {
  all: [10250, 10256, 6783, 6784],
  'control-plane': [6443, 2379, 2380, 10257, 10259],
};

/** kind's docker network is dual-stack: each node also has an address in fc00:f853:ccd:e793::/64. */
export function nodeIPv6(ip: string): string {
  return `fc00:f853:ccd:e793::${Number(ip.split('.')[3])}`;
}

export interface ListenerLookup {
  /** Does some container of this pod accept connections on the port? */
  podListens(namespace: string, pod: string, port: number, protocol: Protocol): boolean;
}

export class SimNetworkView implements NetworkView {
  private readonly pods = new Map<string, PodEndpoint & { uid: string }>();
  private readonly nets = new Map<string, NodeNetwork>();
  private readonly byIP = new Map<string, string>();
  private readonly byBridge = new Map<string, string>();

  constructor(
    private readonly store: ApiStore,
    private readonly cluster: ClusterConfig,
    private readonly ipam: WeaveIpam,
    private readonly proxy: KubeProxyRunner,
    private readonly listeners: ListenerLookup,
  ) {
    for (const p of store.list<Pod>('Pod')) this.track(p);
    store.watch('Pod', (e) => {
      if (e.old) this.untrack(e.old as Pod);
      if (e.type !== 'DELETED') this.track(e.object as Pod);
    });
    store.watch('Node', () => this.nets.clear());
  }

  private track(p: Pod): void {
    const ip = p.status?.podIP;
    if (!ip || p.spec.hostNetwork || !p.spec.nodeName) return;
    this.pods.set(ip, { namespace: p.metadata.namespace!, name: p.metadata.name!, ip, node: p.spec.nodeName, uid: p.metadata.uid! });
    this.nets.delete(p.spec.nodeName);
  }

  private untrack(p: Pod): void {
    const ip = p.status?.podIP;
    if (!ip || p.spec.hostNetwork) return;
    if (this.pods.get(ip)?.uid === p.metadata.uid) this.pods.delete(ip);
    if (p.spec.nodeName) this.nets.delete(p.spec.nodeName);
  }

  private nodeIP(n: Node): string {
    return n.status.addresses.find((a) => a.type === 'InternalIP')!.address;
  }

  node(name: string): NodeNetwork | undefined {
    let net = this.nets.get(name);
    if (net) return net;
    const n = this.store.get<Node>('Node', undefined, name);
    if (!n) return undefined;
    const ip = this.nodeIP(n);
    const local = [...this.pods.values()].filter((p) => p.node === name).sort((a, b) => (a.ip < b.ip ? -1 : 1));
    net = nodeNetwork({
      name,
      ip,
      bridgeIP: this.ipam.bridgeOf(name) ?? '',
      pods: local.map((p) => ({ namespace: p.namespace, name: p.name, ip: p.ip, uid: p.uid })),
      ipv6: nodeIPv6(ip),
      gateway: this.cluster.gateway,
      weaveCIDR: this.cluster.podCIDR,
    });
    this.nets.set(name, net);
    this.byIP.set(ip, name);
    if (net.bridgeIP) this.byBridge.set(net.bridgeIP, name);
    return net;
  }

  private ensureIndexes(): void {
    if (this.byIP.size >= this.store.count('Node')) return;
    for (const n of this.store.list<Node>('Node')) this.node(n.metadata.name!);
  }

  nodeByIP(ip: string): NodeNetwork | undefined {
    this.ensureIndexes();
    const name = this.byIP.get(ip);
    return name ? this.node(name) : undefined;
  }

  nodeByBridgeIP(ip: string): NodeNetwork | undefined {
    this.ensureIndexes();
    const name = this.byBridge.get(ip);
    return name ? this.node(name) : undefined;
  }

  podByIP(ip: string): PodEndpoint | undefined {
    return this.pods.get(ip);
  }

  podListens(pod: PodEndpoint, port: number, protocol: Protocol): boolean {
    return this.listeners.podListens(pod.namespace, pod.name, port, protocol);
  }

  hostListens(node: string, port: number, _protocol: Protocol): boolean {
    const n = this.store.get<Node>('Node', undefined, node);
    if (!n) return false;
    if (NODE_PORTS.all.includes(port)) return true;
    const cp = 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {});
    return cp && NODE_PORTS['control-plane'].includes(port);
  }

  tables(node: string): NodeTables {
    return this.proxy.tables(node);
  }

  counters(node: string): NodeCounters {
    return this.proxy.nodeCounters(node);
  }

  /**
   * Outside the cluster. The docker network's gateway is the learner's host: it
   * answers DNS for the nodes (docker's resolver) and refuses other ports. The
   * internet is out of reach: packets towards it go unanswered.
   */
  external(ip: string, port: number, protocol: Protocol): 'accept' | 'refuse' | 'drop' {
    if (ip === this.cluster.gateway) return port === 53 && protocol === 'udp' ? 'accept' : 'refuse';
    return 'drop';
  }
}
