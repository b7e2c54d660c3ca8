// ICMP echo, which the packet engine does not walk (it models TCP and UDP):
// who answers a ping and with what TTL and round trip. Pods, nodes and the
// docker host answer; a ClusterIP never does in iptables mode, since no rule
// handles ICMP to it (the packet follows the default route and is lost);
// addresses outside the cluster get no answer in the sandbox.
//
// TTL: weave is one layer-2 network, so pod to pod and node to pod are 64;
// a pod reaching a node other than its own (or the docker host) crosses its
// node's routing: 63.
//
// An address on a directly connected network that nobody holds (an unused
// pod IP on weave, a free address of the kind network on eth0) gets no ARP
// answer: after the kernel's three probes the packet is dropped and an ICMP
// host unreachable comes back from the host that tried, with its address on
// that network (a pod's own IP; the node's weave address; for a pod's packet
// towards the kind network, the node's eth0 address, as weave masquerades it).

import type { ExecContext } from '../../types';
import { cidrContains, parseCidr } from '../../../sim/proxy/ipv4';
import { isIPv4 } from '../../../sim/dns/names';
import { nodeOf, originOf, podPlace } from './where';
import { lookupRoute, sourceAddressFor } from '../../../sim/net/render';

export interface EchoReply {
  ttl: number;
  rttMs: number;
}

/** A deterministic round trip: a base for the path plus a little jitter. */
function rtt(ctx: ExecContext, base: number): number {
  const r = ctx.sim.rng(`icmp/${ctx.location.kind === 'pod' ? ctx.location.pod : ctx.location.kind === 'node' ? ctx.location.node : 'host'}`);
  return base + r.next() * base * 0.6;
}

export type EchoOutcome = ({ kind: 'reply' } & EchoReply) | { kind: 'unreachable'; from: string } | { kind: 'lost' };

/** What happens to one echo request: a reply, a host unreachable error (no ARP answer), or nothing. */
export function icmpProbe(ctx: ExecContext, ip: string): EchoOutcome {
  const echo = icmpEcho(ctx, ip);
  if (echo) return { kind: 'reply', ...echo };
  const from = arpFailure(ctx, ip);
  return from ? { kind: 'unreachable', from } : { kind: 'lost' };
}

/** The address an ICMP host unreachable for `ip` comes from, when `ip` is on-link somewhere on the path and nobody holds it. */
function arpFailure(ctx: ExecContext, ip: string): string | undefined {
  if (!isIPv4(ip)) return undefined;
  const origin = originOf(ctx);
  const here = nodeOf(ctx);
  const net = here ? ctx.sim.runtime.network.node(here) : undefined;
  if (!origin || !net) return undefined;
  if (origin.kind === 'pod') {
    // A pod's eth0 is on the whole weave range; everything else goes via its node.
    if (cidrContains(net.weaveCIDR, ip)) return origin.ip;
    const r = lookupRoute(net, ip);
    return r && !r.via && r.dev === 'eth0' ? net.ip : undefined;
  }
  const r = lookupRoute(net, ip);
  return r && !r.via ? sourceAddressFor(net, ip) : undefined;
}

export function icmpEcho(ctx: ExecContext, ip: string): EchoReply | undefined {
  if (!isIPv4(ip)) return undefined;
  const origin = originOf(ctx);
  const here = nodeOf(ctx);
  if (!origin || !here) return undefined;
  const view = ctx.sim.runtime.network;
  const cluster = ctx.sim.cluster;
  const service = parseCidr(cluster.serviceCIDR);
  if (service && cidrContains(service, ip)) return undefined;
  const pod = podPlace(ctx);
  const fromPod = origin.kind === 'pod';
  if (ip.startsWith('127.') || (pod && ip === pod.ip)) return { ttl: 64, rttMs: rtt(ctx, 0.035) };
  const target = view.podByIP(ip);
  if (target) return { ttl: 64, rttMs: rtt(ctx, target.node === here ? 0.07 : 0.35) };
  const node = view.nodeByIP(ip) ?? view.nodeByBridgeIP(ip);
  if (node) {
    const same = node.name === here;
    return { ttl: fromPod && !same ? 63 : 64, rttMs: rtt(ctx, same ? 0.05 : 0.12) };
  }
  if (ip === cluster.gateway) return { ttl: fromPod ? 63 : 64, rttMs: rtt(ctx, 0.09) };
  return undefined;
}
