// Endpoints of one service port as kube-proxy's EndpointSliceCache sees them:
// merged from all slices of the service, matched by port name and protocol,
// de-duplicated by `ip:port` and sorted by that string (so 10.244.0.10 comes
// before 10.244.0.5). The port is the slice's port, which resolves a named
// targetPort per group of pods.

import type { EndpointSlice } from '../api/types';
import { endpointChainName, endpointString } from './chain-names';
import { isIPv4 } from './ipv4';
import { usesClusterEndpoints, usesLocalEndpoints, type ServicePortInfo } from './service-port';

export interface EndpointInfo {
  ip: string;
  port: number;
  /** `ip:port` */
  str: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  nodeName: string;
  /** KUBE-SEP-… */
  chain: string;
  /** `ns/pod` from targetRef, '' when the endpoint has none */
  pod: string;
}

export function endpointsForPort(p: ServicePortInfo, slices: readonly EndpointSlice[]): EndpointInfo[] {
  const byStr = new Map<string, EndpointInfo>();
  for (const slice of slices) {
    if (slice.addressType !== 'IPv4') continue;
    for (const sp of slice.ports ?? []) {
      // kube-proxy skips slice ports without a name, number or protocol (the API defaults name to '').
      if (sp.port === undefined || sp.port === null) continue;
      if ((sp.name ?? '') !== p.portName) continue;
      if ((sp.protocol ?? 'TCP').toLowerCase() !== p.protocol) continue;
      for (const ep of slice.endpoints ?? []) {
        const ip = ep.addresses?.[0];
        if (!ip || !isIPv4(ip)) continue;
        const str = endpointString(ip, sp.port);
        const nodeName = ep.nodeName ?? '';
        const existing = byStr.get(str);
        if (existing && (existing.nodeName || !nodeName)) continue;
        const c = ep.conditions ?? {};
        byStr.set(str, {
          ip,
          port: sp.port,
          str,
          ready: c.ready === undefined || c.ready === null ? true : c.ready,
          serving: c.serving === undefined || c.serving === null ? true : c.serving,
          terminating: c.terminating === true,
          nodeName,
          chain: endpointChainName(p.spn, p.protocol, str),
          pod: ep.targetRef ? `${ep.targetRef.namespace}/${ep.targetRef.name}` : '',
        });
      }
    }
  }
  return [...byStr.values()].sort((a, b) => (a.str < b.str ? -1 : a.str > b.str ? 1 : 0));
}

export interface ClusterCategories {
  /** endpoints for Cluster policy: ready ones, else serving-and-terminating ones */
  cluster: EndpointInfo[];
  /** whether any usable endpoint exists anywhere */
  hasAny: boolean;
}

/** The node-independent half of kube-proxy's CategorizeEndpoints (topology hints are not modelled). */
export function clusterCategories(p: ServicePortInfo, all: readonly EndpointInfo[]): ClusterCategories {
  let cluster: EndpointInfo[] = [];
  let hasAny = false;
  if (usesClusterEndpoints(p)) {
    cluster = all.filter((e) => e.ready);
    if (cluster.length === 0) cluster = all.filter((e) => e.serving && e.terminating);
    hasAny = cluster.length > 0;
  }
  if (usesLocalEndpoints(p)) {
    for (const e of all) if (e.ready || (e.serving && e.terminating)) hasAny = true;
  }
  return { cluster, hasAny };
}

export interface NodeCategories {
  local: EndpointInfo[];
  /** every endpoint this node may DNAT to: one SEP chain each */
  reachable: EndpointInfo[];
}

/** The node-dependent half: Local policy endpoints of `node`, and the union that gets SEP chains. */
export function nodeCategories(
  p: ServicePortInfo,
  all: readonly EndpointInfo[],
  cc: ClusterCategories,
  node: string,
): NodeCategories {
  if (!usesLocalEndpoints(p)) return { local: [], reachable: cc.cluster };
  let local = all.filter((e) => e.nodeName === node && e.ready);
  let servingTerminating = false;
  if (local.length === 0) {
    local = all.filter((e) => e.nodeName === node && e.serving && e.terminating);
    servingTerminating = local.length > 0;
  }
  if (!usesClusterEndpoints(p)) return { local, reachable: local };
  // Without topology, Cluster endpoints hold every ready endpoint, so they cover the
  // ready local ones; only serving-terminating local endpoints need merging in.
  if (!servingTerminating) return { local, reachable: cc.cluster };
  const merged = new Map<string, EndpointInfo>();
  for (const e of cc.cluster) merged.set(e.str, e);
  for (const e of local) merged.set(e.str, e);
  return { local, reachable: [...merged.values()] };
}

/** Nodes whose rules for this port differ from a node without local endpoints. */
export function nodesWithLocalEndpoints(p: ServicePortInfo, all: readonly EndpointInfo[]): Set<string> {
  const nodes = new Set<string>();
  if (!usesLocalEndpoints(p)) return nodes;
  for (const e of all) if (e.nodeName && (e.ready || (e.serving && e.terminating))) nodes.add(e.nodeName);
  return nodes;
}
