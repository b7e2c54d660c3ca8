// What the packet engine needs to know about the cluster, supplied by the
// simulation: nodes and their networks, who owns an IP, who listens where, each
// node's iptables tables and counters.

import type { NodeCounters } from '../proxy/counters';
import type { NodeTables, Protocol } from '../proxy/rules/model';
import type { NodeNetwork } from '../net/render/node-network';

export interface PodEndpoint {
  namespace: string;
  name: string;
  ip: string;
  node: string;
}

export interface NetworkView {
  /** every node, by name */
  node(name: string): NodeNetwork | undefined;
  /** the node whose eth0 (InternalIP) has this address */
  nodeByIP(ip: string): NodeNetwork | undefined;
  /** the node whose weave bridge has this address */
  nodeByBridgeIP(ip: string): NodeNetwork | undefined;
  /** the pod (not hostNetwork) that has this IP, if any */
  podByIP(ip: string): PodEndpoint | undefined;
  /** whether a process in the pod listens on the port */
  podListens(pod: PodEndpoint, port: number, protocol: Protocol): boolean;
  /** whether a process in the node's own network namespace listens (hostNetwork pods, kubelet, apiserver...) */
  hostListens(node: string, port: number, protocol: Protocol): boolean;
  /** the node's iptables as of the last kube-proxy sync */
  tables(node: string): NodeTables;
  counters(node: string): NodeCounters;
  /** an address outside the cluster: what answers a new connection to it (default: nothing) */
  external?(ip: string, port: number, protocol: Protocol): 'accept' | 'refuse' | 'drop';
}
