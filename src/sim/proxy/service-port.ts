// What kube-proxy takes from a Service: one entry per port, with the addresses
// it captures and the policies that shape its chains. Services kube-proxy does
// not proxy (headless, ExternalName, no cluster IP) yield nothing.

import type { Service } from '../api/types';
import { serviceChainNames, servicePortName, type Protocol, type ServiceChainNames } from './chain-names';
import { isIPv4, parseCidr } from './ipv4';
import type { Cidr } from './rules/model';

export const DEFAULT_AFFINITY_SECONDS = 10800;

export interface ServicePortInfo {
  /** `ns/name` of the service */
  service: string;
  /** `ns/name:portName` or `ns/name`: the rule comment text */
  spn: string;
  /** portName as it matches EndpointSlice ports ('' when unnamed) */
  portName: string;
  protocol: Protocol;
  clusterIP: string;
  port: number;
  /** 0 when the port has no node port */
  nodePort: number;
  externalIPs: string[];
  loadBalancerIPs: string[];
  sourceRanges: Cidr[];
  /** 0 when there is none */
  healthCheckNodePort: number;
  /** 0 without ClientIP affinity */
  affinitySeconds: number;
  internalLocal: boolean;
  externalLocal: boolean;
  externallyAccessible: boolean;
  chains: ServiceChainNames;
}

export function servicePorts(svc: Service): ServicePortInfo[] {
  const spec = svc.spec;
  const clusterIP = spec.clusterIP ?? '';
  if (!clusterIP || clusterIP === 'None' || spec.type === 'ExternalName' || !isIPv4(clusterIP)) return [];
  const namespace = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name ?? '';
  const service = `${namespace}/${name}`;

  const externalIPs = (spec.externalIPs ?? []).filter(isIPv4);
  const isLB = spec.type === 'LoadBalancer';
  const loadBalancerIPs = isLB
    ? (svc.status?.loadBalancer?.ingress ?? [])
        // ipMode Proxy means the load balancer delivers to the node itself; kube-proxy then skips the VIP.
        .filter((ing) => ing.ip && ing.ipMode !== 'Proxy' && isIPv4(ing.ip))
        .map((ing) => ing.ip as string)
    : [];
  const sourceRanges = isLB
    ? (spec.loadBalancerSourceRanges ?? []).map((r) => parseCidr(r.trim())).filter((c): c is Cidr => !!c)
    : [];
  const affinitySeconds =
    spec.sessionAffinity === 'ClientIP'
      ? spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS
      : 0;
  const internalLocal = spec.internalTrafficPolicy === 'Local';

  return (spec.ports ?? []).map((p) => {
    const protocol = (p.protocol ?? 'TCP').toLowerCase() as Protocol;
    const portName = p.name ?? '';
    const spn = servicePortName(namespace, name, portName);
    const nodePort = spec.type === 'NodePort' || isLB ? p.nodePort ?? 0 : 0;
    const externallyAccessible = nodePort !== 0 || loadBalancerIPs.length > 0 || externalIPs.length > 0;
    const externalLocal = externallyAccessible && spec.externalTrafficPolicy === 'Local';
    return {
      service,
      spn,
      portName,
      protocol,
      clusterIP,
      port: p.port,
      nodePort,
      externalIPs,
      loadBalancerIPs,
      sourceRanges,
      healthCheckNodePort: isLB && spec.externalTrafficPolicy === 'Local' ? spec.healthCheckNodePort ?? 0 : 0,
      affinitySeconds,
      internalLocal,
      externalLocal,
      externallyAccessible,
      chains: serviceChainNames(spn, protocol),
    };
  });
}

/** Cluster policy endpoints are needed for internal Cluster, and for short-circuiting external traffic. */
export function usesClusterEndpoints(p: ServicePortInfo): boolean {
  return !p.internalLocal || p.externallyAccessible;
}

export function usesLocalEndpoints(p: ServicePortInfo): boolean {
  return p.internalLocal || p.externalLocal;
}
