// The rules kube-proxy (v1.32, iptables mode) writes for one service port on one
// node, following the order of its sync loop: capture rules for the cluster IP,
// external IPs, load-balancer IPs and node port; the filter rules for missing
// endpoints; then the SVC/SVL masquerade rule, EXT, FW, SVC, SVL and SEP chains.

import type { EndpointInfo, ClusterCategories, NodeCategories } from './endpoints';
import { cidrContains, cidrText } from './ipv4';
import { kubeProxyProbability, storedProbability } from './probability';
import { addr, comment, jump, port, rule } from './rules/build';
import type { Chain, Cidr, Match, Rule, Target } from './rules/model';
import type { ServicePortInfo } from './service-port';

export const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ';

export interface PortRuleContext {
  /** the cluster CIDR given to kube-proxy; without it there are no "pod traffic" rules */
  clusterCIDR?: Cidr;
  masqueradeAll: boolean;
  /** more than 1000 endpoints in total: comments are dropped from SEP chains and SVC-to-SEP rules */
  largeCluster: boolean;
  nodeIP: string;
}

export interface PortRules {
  natServices: Rule[];
  natNodePorts: Rule[];
  filterServices: Rule[];
  filterExternal: Rule[];
  filterNodePorts: Rule[];
  filterFirewall: Rule[];
  /** SVC/SVL/EXT/FW/SEP chains owned by this port on this node */
  natChains: Chain[];
}

export function buildPortRules(
  p: ServicePortInfo,
  cc: ClusterCategories,
  nc: NodeCategories,
  ctx: PortRuleContext,
): PortRules {
  const out: PortRules = {
    natServices: [],
    natNodePorts: [],
    filterServices: [],
    filterExternal: [],
    filterNodePorts: [],
    filterFirewall: [],
    natChains: [],
  };
  const proto = p.protocol;
  const spn = p.spn;
  const { svc: clusterPolicyChain, svl: localPolicyChain, ext: externalTrafficChain, fw: fwChain } = p.chains;

  const hasEndpoints = cc.hasAny;
  const usesClusterPolicyChain = cc.cluster.length > 0 && (!p.internalLocal || p.externallyAccessible);
  const usesLocalPolicyChain = nc.local.length > 0 && (p.internalLocal || p.externalLocal);

  const internalTrafficChain = p.internalLocal ? localPolicyChain : clusterPolicyChain;
  const hasInternalEndpoints = p.internalLocal ? hasEndpoints && nc.local.length > 0 : hasEndpoints;
  const externalPolicyChain = p.externalLocal ? localPolicyChain : clusterPolicyChain;
  const hasExternalEndpoints = p.externalLocal ? hasEndpoints && nc.local.length > 0 : hasEndpoints;
  const usesExternalTrafficChain = hasEndpoints && p.externallyAccessible;
  const usesFWChain = hasEndpoints && p.loadBalancerIPs.length > 0 && p.sourceRanges.length > 0;
  const loadBalancerTrafficChain = usesFWChain ? fwChain : externalTrafficChain;

  let internalFilter: Target | undefined;
  let internalFilterComment = '';
  let externalFilter: Target | undefined;
  let externalFilterComment = '';
  if (!hasEndpoints) {
    internalFilter = { kind: 'REJECT', with: 'icmp-port-unreachable' };
    internalFilterComment = `${spn} has no endpoints`;
    externalFilter = internalFilter;
    externalFilterComment = internalFilterComment;
  } else {
    if (!hasInternalEndpoints) {
      internalFilter = { kind: 'DROP' };
      internalFilterComment = `${spn} has no local endpoints`;
    }
    if (!hasExternalEndpoints) {
      externalFilter = { kind: 'DROP' };
      externalFilterComment = `${spn} has no local endpoints`;
    }
  }

  const capture = (text: string, ip: string, dport: number, target: Target): Rule =>
    rule({ dst: addr(ip), protocol: proto, matches: [comment(text), port(proto, dport)], target });

  // Cluster IP.
  if (hasInternalEndpoints) {
    out.natServices.push(capture(`${spn} cluster IP`, p.clusterIP, p.port, jump(internalTrafficChain)));
  } else if (internalFilter) {
    out.filterServices.push(capture(internalFilterComment, p.clusterIP, p.port, internalFilter));
  }

  // External IPs.
  for (const ip of p.externalIPs) {
    if (hasEndpoints) out.natServices.push(capture(`${spn} external IP`, ip, p.port, jump(externalTrafficChain)));
    if (!hasExternalEndpoints && externalFilter) {
      out.filterExternal.push(capture(externalFilterComment, ip, p.port, externalFilter));
    }
  }

  // Load-balancer ingress IPs.
  for (const ip of p.loadBalancerIPs) {
    if (hasEndpoints) {
      out.natServices.push(capture(`${spn} loadbalancer IP`, ip, p.port, jump(loadBalancerTrafficChain)));
    }
    if (usesFWChain) {
      out.filterFirewall.push(capture(`${spn} traffic not accepted by ${fwChain}`, ip, p.port, { kind: 'DROP' }));
    }
  }
  if (!hasExternalEndpoints && externalFilter) {
    for (const ip of p.loadBalancerIPs) {
      out.filterExternal.push(capture(externalFilterComment, ip, p.port, externalFilter));
    }
  }

  // Node port.
  if (p.nodePort !== 0) {
    if (hasEndpoints) {
      out.natNodePorts.push(
        rule({ protocol: proto, matches: [comment(spn), port(proto, p.nodePort)], target: jump(externalTrafficChain) }),
      );
    }
    if (!hasExternalEndpoints && externalFilter) {
      out.filterExternal.push(
        rule({
          protocol: proto,
          matches: [comment(externalFilterComment), { kind: 'addrtype', dstType: 'LOCAL' }, port(proto, p.nodePort)],
          target: externalFilter,
        }),
      );
    }
  }

  // Health check node port: accepted whether or not this node has endpoints.
  if (p.healthCheckNodePort !== 0) {
    out.filterNodePorts.push(
      rule({
        protocol: 'tcp',
        matches: [comment(`${spn} health check node port`), port('tcp', p.healthCheckNodePort)],
        target: { kind: 'ACCEPT' },
      }),
    );
  }

  // Rules of the per-service chains, collected per chain in write order.
  const chainRules = new Map<string, Rule[]>();
  const chainOrder: string[] = [];
  const add = (chain: string, r: Rule): void => {
    let rules = chainRules.get(chain);
    if (!rules) {
      rules = [];
      chainRules.set(chain, rules);
      chainOrder.push(chain);
    }
    rules.push(r);
  };
  const declare = (chain: string): void => {
    if (!chainRules.has(chain)) {
      chainRules.set(chain, []);
      chainOrder.push(chain);
    }
  };

  // Masquerade off-cluster traffic to the cluster IP.
  if (hasInternalEndpoints) {
    const masqMatches: Match[] = [comment(`${spn} cluster IP`), port(proto, p.port)];
    if (ctx.masqueradeAll) {
      add(internalTrafficChain, rule({ dst: addr(p.clusterIP), protocol: proto, matches: masqMatches, target: jump(KUBE_MARK_MASQ) }));
    } else if (ctx.clusterCIDR) {
      add(
        internalTrafficChain,
        rule({
          src: addr(cidrText(ctx.clusterCIDR), true),
          dst: addr(p.clusterIP),
          protocol: proto,
          matches: masqMatches,
          target: jump(KUBE_MARK_MASQ),
        }),
      );
    }
  }

  if (usesExternalTrafficChain) {
    declare(externalTrafficChain);
    if (!p.externalLocal) {
      add(
        externalTrafficChain,
        rule({ matches: [comment(`masquerade traffic for ${spn} external destinations`)], target: jump(KUBE_MARK_MASQ) }),
      );
    } else {
      if (ctx.clusterCIDR) {
        add(
          externalTrafficChain,
          rule({
            src: addr(cidrText(ctx.clusterCIDR)),
            matches: [comment(`pod traffic for ${spn} external destinations`)],
            target: jump(clusterPolicyChain),
          }),
        );
      }
      add(
        externalTrafficChain,
        rule({
          matches: [comment(`masquerade LOCAL traffic for ${spn} external destinations`), { kind: 'addrtype', srcType: 'LOCAL' }],
          target: jump(KUBE_MARK_MASQ),
        }),
      );
      add(
        externalTrafficChain,
        rule({
          matches: [comment(`route LOCAL traffic for ${spn} external destinations`), { kind: 'addrtype', srcType: 'LOCAL' }],
          target: jump(clusterPolicyChain),
        }),
      );
    }
    if (hasExternalEndpoints) add(externalTrafficChain, rule({ target: jump(externalPolicyChain) }));
  }

  if (usesFWChain) {
    declare(fwChain);
    const fwComment = comment(`${spn} loadbalancer IP`);
    let allowFromNode = false;
    for (const range of p.sourceRanges) {
      add(fwChain, rule({ src: addr(cidrText(range)), matches: [fwComment], target: jump(externalTrafficChain) }));
      if (ctx.nodeIP && cidrContains(range, ctx.nodeIP)) allowFromNode = true;
    }
    if (allowFromNode) {
      for (const ip of p.loadBalancerIPs) {
        add(fwChain, rule({ src: addr(ip), matches: [fwComment], target: jump(externalTrafficChain) }));
      }
    }
    add(fwChain, rule({ matches: [comment(`other traffic to ${spn} will be dropped by KUBE-PROXY-FIREWALL`)] }));
  }

  if (usesClusterPolicyChain) {
    declare(clusterPolicyChain);
    for (const r of serviceToEndpointRules(p, cc.cluster, ctx)) add(clusterPolicyChain, r);
  }
  if (usesLocalPolicyChain) {
    declare(localPolicyChain);
    for (const r of serviceToEndpointRules(p, nc.local, ctx)) add(localPolicyChain, r);
  }

  for (const ep of nc.reachable) {
    declare(ep.chain);
    const epComment: Match[] = ctx.largeCluster ? [] : [comment(spn)];
    add(ep.chain, rule({ src: addr(ep.ip), matches: epComment, target: jump(KUBE_MARK_MASQ) }));
    const dnatMatches: Match[] = [...epComment];
    if (p.affinitySeconds > 0) dnatMatches.push({ kind: 'recent', mode: 'set', name: ep.chain });
    dnatMatches.push(port(proto));
    add(ep.chain, rule({ protocol: proto, matches: dnatMatches, target: { kind: 'DNAT', ip: ep.ip, port: ep.port } }));
  }

  for (const name of chainOrder) out.natChains.push({ name, rules: chainRules.get(name)! });
  return out;
}

function serviceToEndpointRules(p: ServicePortInfo, endpoints: readonly EndpointInfo[], ctx: PortRuleContext): Rule[] {
  const rules: Rule[] = [];
  const epComment = (ep: EndpointInfo): Match[] => (ctx.largeCluster ? [] : [comment(`${p.spn} -> ${ep.str}`)]);
  if (p.affinitySeconds > 0) {
    for (const ep of endpoints) {
      rules.push(
        rule({
          matches: [...epComment(ep), { kind: 'recent', mode: 'rcheck', name: ep.chain, seconds: p.affinitySeconds, reap: true }],
          target: jump(ep.chain),
        }),
      );
    }
  }
  const n = endpoints.length;
  endpoints.forEach((ep, i) => {
    const matches = epComment(ep);
    if (i < n - 1) matches.push({ kind: 'statistic', stored: storedProbability(kubeProxyProbability(n - i)) });
    rules.push(rule({ matches, target: jump(ep.chain) }));
  });
  return rules;
}
