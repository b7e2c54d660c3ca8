// A TCP connect() from where a command runs, as the kernel reports it to the
// program: connected (to which app, seen from where), refused (RST or
// kube-proxy's REJECT), unreachable (ENETUNREACH at once, or EHOSTUNREACH
// once ARP gives up), or silence (SYNs dropped: the kernel retries and gives
// up after SYN_GIVE_UP_MS unless the program's own timeout ends it first).
//
// Pods and nodes go through the packet engine (one trace per attempt, under
// `traces.cause`). A pod reaches its own IP and 127.0.0.1 over loopback. The
// learner's host is the docker host: node IPs are on its kind bridge, its own
// addresses lead to docker-proxy for published ports, and everything else
// (ClusterIPs, pod IPs) follows its default route out of the sandbox, where
// nothing answers.

import type { ExecContext } from '../../types';
import type { AppInstance } from '../../../sim/apps/types';
import { cidrContains, parseCidr } from '../../../sim/proxy/ipv4';
import { isIPv4 } from '../../../sim/dns/names';
import { HOST_HOSTS } from './resolve';
import { originOf, podPlace } from './where';
import { kindContainers, publishedPort, type KindContainer } from './docker-host';

/** Measured with Linux 6.x defaults (tcp_syn_retries=6): connect() fails with ETIMEDOUT after about 134 s. */
export const SYN_GIVE_UP_MS = 134_096;
/** Three unanswered ARP probes, one second apart: EHOSTUNREACH. */
export const ARP_GIVE_UP_MS = 3_071;

export type TcpAttempt =
  | {
      kind: 'connected';
      /** The app that accepted (undefined: a port the simulation runs no app on). */
      server: AppInstance | undefined;
      /** The client's address as the server sees it. */
      clientAddress: string;
      /** Where the connection landed after DNAT. */
      serverAddress: string;
      rttMs: number;
      /** docker-proxy accepted, but its own connection to the container failed: it hangs up at once. */
      hangsUp?: boolean;
      /** A TLS endpoint the simulation does not speak (the API server, the kubelet). */
      tls?: boolean;
    }
  | { kind: 'refused'; rttMs: number }
  | { kind: 'unreachable'; errno: 'EHOSTUNREACH' | 'ENETUNREACH'; afterMs: number }
  | { kind: 'timeout' };

/** Ports of node processes that only speak TLS. */
const TLS_PORTS = new Set([6443, 10250, 10257, 10259, 2379, 2380]);

/** A connection walked through the packet engine from a pod or node (or, with srcIP, from outside at a node). */
function viaEngine(ctx: ExecContext, origin: NonNullable<ReturnType<typeof originOf>>, ip: string, port: number, srcIP?: string): TcpAttempt {
  const r = ctx.sim.runtime.transports.tcpFrom(origin, srcIP).connect(ip, port);
  if (r.ok) {
    const tls = !r.server && TLS_PORTS.has(Number(r.serverAddress.split(':').pop()));
    return { kind: 'connected', server: r.server, clientAddress: r.clientAddress, serverAddress: r.serverAddress, rttMs: r.rttMs ?? 0.2, ...(tls ? { tls } : {}) };
  }
  if (r.error === 'refused') return { kind: 'refused', rttMs: 0.15 };
  if (r.error === 'timeout') return { kind: 'timeout' };
  const outcome = r.trace?.outcome;
  const arp = outcome?.kind === 'no-route' && /ARP/.test(outcome.reason);
  return arp ? { kind: 'unreachable', errno: 'EHOSTUNREACH', afterMs: ARP_GIVE_UP_MS } : { kind: 'unreachable', errno: 'ENETUNREACH', afterMs: 0 };
}

function isLoopback(ip: string): boolean {
  return ip === '::1' || (isIPv4(ip) && ip.startsWith('127.'));
}

/** Inside a pod: its own addresses stay on its loopback. */
function podLocal(ctx: ExecContext, ip: string, port: number): TcpAttempt | undefined {
  const p = podPlace(ctx);
  if (!p || p.hostNetwork) return undefined;
  if (!isLoopback(ip) && ip !== p.ip) return undefined;
  const server = ctx.sim.runtime.apps.tcpServer(p.namespace, p.pod, port);
  if (!server) return { kind: 'refused', rttMs: 0.03 };
  const from = isLoopback(ip) ? (ip === '::1' ? '[::1]' : '127.0.0.1') : p.ip;
  return { kind: 'connected', server, clientAddress: `${from}:${40000 + (port % 20000)}`, serverAddress: `${ip.includes(':') ? `[${ip}]` : ip}:${port}`, rttMs: 0.03 };
}

/** The learner's machine. */
function fromHost(ctx: ExecContext, ip: string, port: number): TcpAttempt {
  const gateway = ctx.sim.cluster.gateway;
  const own = isLoopback(ip) || ip === gateway || HOST_HOSTS.some((h) => h.ip === ip);
  if (own) {
    // IPv6 loopback: kind published on 0.0.0.0 only.
    const pub = ip === '::1' ? undefined : publishedPort(ctx, ip, port);
    if (!pub) return { kind: 'refused', rttMs: 0.02 };
    const backend = toContainer(ctx, pub.container, pub.mapping.containerPort);
    if (backend.kind !== 'connected') return { kind: 'connected', server: undefined, clientAddress: `${gateway}:0`, serverAddress: `${pub.container.ip}:${pub.mapping.containerPort}`, rttMs: 0.05, hangsUp: true };
    return { ...backend, rttMs: backend.rttMs + 0.05 };
  }
  const node = kindContainers(ctx).find((c) => c.ip === ip);
  if (node) return toContainer(ctx, node, port);
  const net = parseCidr(ctx.sim.cluster.nodeNetwork);
  if (net && isIPv4(ip) && cidrContains(net, ip)) return { kind: 'unreachable', errno: 'EHOSTUNREACH', afterMs: ARP_GIVE_UP_MS };
  if (!isIPv4(ip)) return { kind: 'unreachable', errno: 'ENETUNREACH', afterMs: 0 };
  return { kind: 'timeout' };
}

/** A packet from the host into a node container's eth0 (source: the host's address on the kind bridge). */
function toContainer(ctx: ExecContext, c: KindContainer, port: number): TcpAttempt {
  return viaEngine(ctx, { kind: 'external', node: c.name }, c.ip, port, ctx.sim.cluster.gateway);
}

/** connect(ip, port) where the command runs. */
export function tcpConnect(ctx: ExecContext, ip: string, port: number): TcpAttempt {
  if (ctx.location.kind === 'host') return fromHost(ctx, ip, port);
  const local = podLocal(ctx, ip, port);
  if (local) return local;
  const origin = originOf(ctx);
  if (!origin) return { kind: 'unreachable', errno: 'ENETUNREACH', afterMs: 0 };
  if (ip === '::1') ip = '127.0.0.1';
  if (!isIPv4(ip)) return { kind: 'unreachable', errno: 'ENETUNREACH', afterMs: 0 };
  return viaEngine(ctx, origin, ip, port);
}
