// A NetworkView over plain maps, filled by the caller: what tests and benchmarks
// use, and a reference for wiring the engine into the simulation.

import { ClusterCounters, type NodeCounters } from '../proxy/counters';
import type { KubeProxy } from '../proxy/kube-proxy';
import type { NodeTables, Protocol } from '../proxy/rules/model';
import type { NodeNetwork } from '../net/render/node-network';
import type { NetworkView, PodEndpoint } from './view';

export interface StaticPod extends PodEndpoint {
  /** `port/protocol` strings, e.g. `80/tcp` */
  listens: string[];
}

export class StaticNetworkView implements NetworkView {
  private readonly nodes = new Map<string, NodeNetwork>();
  private readonly byIP = new Map<string, NodeNetwork>();
  private readonly byBridge = new Map<string, NodeNetwork>();
  private readonly pods = new Map<string, StaticPod>();
  private readonly hostPorts = new Map<string, Set<string>>();
  readonly clusterCounters = new ClusterCounters();
  externalAnswer?: (ip: string, port: number, protocol: Protocol) => 'accept' | 'refuse' | 'drop';

  constructor(private readonly proxy: KubeProxy) {}

  addNode(net: NodeNetwork, hostListens: string[] = []): void {
    this.nodes.set(net.name, net);
    this.byIP.set(net.ip, net);
    this.byBridge.set(net.bridgeIP, net);
    this.hostPorts.set(net.name, new Set(hostListens));
  }

  addPod(pod: StaticPod): void {
    this.pods.set(pod.ip, pod);
  }

  removePod(ip: string): void {
    this.pods.delete(ip);
  }

  node(name: string): NodeNetwork | undefined {
    return this.nodes.get(name);
  }

  nodeByIP(ip: string): NodeNetwork | undefined {
    return this.byIP.get(ip);
  }

  nodeByBridgeIP(ip: string): NodeNetwork | undefined {
    return this.byBridge.get(ip);
  }

  podByIP(ip: string): PodEndpoint | undefined {
    return this.pods.get(ip);
  }

  podListens(pod: PodEndpoint, port: number, protocol: Protocol): boolean {
    return this.pods.get(pod.ip)?.listens.includes(`${port}/${protocol}`) ?? false;
  }

  hostListens(node: string, port: number, protocol: Protocol): boolean {
    return this.hostPorts.get(node)?.has(`${port}/${protocol}`) ?? false;
  }

  tables(node: string): NodeTables {
    return this.proxy.tables(node);
  }

  counters(node: string): NodeCounters {
    return this.clusterCounters.node(node);
  }

  external(ip: string, port: number, protocol: Protocol): 'accept' | 'refuse' | 'drop' {
    return this.externalAnswer?.(ip, port, protocol) ?? 'drop';
  }
}
