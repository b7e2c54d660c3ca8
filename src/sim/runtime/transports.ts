// TCP and DNS for processes in pods, on nodes and on the learner's host, made
// of packet-engine walks: every connection is one trace, which updates the
// iptables counters, lands in the trace log for the diagram, and decides
// whether the app on the other end is reached.

import type { Clock } from './clock-like';
import { connect } from '../packet/engine';
import type { NetState } from '../packet/state';
import type { ConnectInput, Origin, Trace } from '../packet/types';
import type { Rng } from '../core/rng';
import type { CoreDns } from '../dns/coredns';
import type { DnsTransport, DnsExchangeResult } from '../dns/types';
import type { AppInstance, TcpConnectResult, TcpTransport } from '../apps/types';
import type { SimNetworkView } from './network';
import type { TraceLog } from './traces';

export interface ServerLookup {
  /** The app that accepts TCP on this pod and port. */
  tcpServer(namespace: string, pod: string, port: number): AppInstance | undefined;
  /** Is this pod a DNS server (CoreDNS)? */
  isDnsServer(namespace: string, pod: string): boolean;
}

/** Round-trip time of one exchange inside the kind network, for tools that print it. */
function rtt(trace: Trace, rng: Rng): number {
  const crossings = trace.steps.filter((s) => s.kind === 'arrive').length;
  return 0.05 + crossings * 0.04 + rng.next() * 0.05;
}

export class Transports {
  constructor(
    private readonly view: SimNetworkView,
    private readonly state: NetState,
    private readonly rng: Rng,
    private readonly clock: Clock,
    private readonly traces: TraceLog,
    private readonly servers: ServerLookup,
    private readonly dns: CoreDns,
  ) {}

  /** One connection (or datagram exchange), walked through the nodes and recorded. */
  connect(input: ConnectInput): Trace {
    const trace = connect({ view: this.view, state: this.state, rng: this.rng, now: this.clock.now() }, input);
    this.traces.add(this.clock.now(), trace);
    return trace;
  }

  tcpFrom(origin: Origin, srcIP?: string): TcpTransport {
    return {
      connect: (ip: string, port: number): TcpConnectResult => {
        const trace = this.connect({ origin, ...(srcIP ? { srcIP } : {}), dst: { ip, port }, protocol: 'tcp', exchange: { requestBytes: 120, responseBytes: 1500 } });
        const o = trace.outcome;
        if (o.kind === 'refused') return { ok: false, error: 'refused', trace };
        if (o.kind === 'timeout') return { ok: false, error: 'timeout', trace };
        if (o.kind === 'no-route') return { ok: false, error: 'unreachable', trace };
        const server = o.to.kind === 'pod' ? this.servers.tcpServer(o.to.namespace, o.to.name, o.seenAt.port) : undefined;
        return {
          trace,
          ok: true,
          server,
          clientAddress: `${o.seenFrom.ip}:${o.seenFrom.port}`,
          serverAddress: `${o.seenAt.ip}:${o.seenAt.port}`,
          rttMs: rtt(trace, this.rng),
        };
      },
    };
  }

  dnsFrom(origin: Origin): DnsTransport {
    return {
      exchange: (server, query): DnsExchangeResult => {
        const trace = this.connect({ origin, dst: { ip: server, port: 53 }, protocol: 'udp', exchange: { requestBytes: 60, responseBytes: 120 } });
        const o = trace.outcome;
        if (o.kind === 'refused') return { kind: 'refused' };
        if (o.kind !== 'delivered' || o.to.kind !== 'pod' || !this.servers.isDnsServer(o.to.namespace, o.to.name)) return { kind: 'timeout' };
        return { kind: 'reply', reply: this.dns.answer(query), rttMs: rtt(trace, this.rng) };
      },
    };
  }
}
