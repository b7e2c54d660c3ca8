// The packet engine: one connection attempt walked through the cluster, hook by
// hook, as a Linux node with kube-proxy (iptables mode) and weave handles it.
//
// Per node the path is the kernel's: PREROUTING (mangle, nat) -> routing ->
// INPUT (mangle, filter, nat) or FORWARD (mangle, filter) -> POSTROUTING
// (mangle, nat); locally generated packets take OUTPUT (mangle, nat, filter),
// are rerouted after DNAT, then POSTROUTING. The nat table only sees the first
// packet of a connection; later packets and replies follow the conntrack entry.
// Between nodes, pod traffic rides weave (one flat /12 layer-2 network: every
// node routes 10.32.0.0/12 to its weave bridge, and the bridge reaches remote
// pods through the vxlan datapath); bridged packets still pass iptables on each
// node (br_netfilter). Weave's own WEAVE chain in nat POSTROUTING is not part of
// the kube-proxy tables; its MASQUERADE is applied here as an explicit step.

import type { Rng } from '../core/rng';
import { cidrContains, ipToInt } from '../proxy/ipv4';
import type { Chain, CtState, NodeTables, TableName } from '../proxy/rules/model';
import { isLocalAddress, lookupRoute, sourceAddressFor, type NodeNetwork, type Route } from '../net/render/node-network';
import { CT_TIMEOUT, inverse, tupleOf, type CtEntry } from './conntrack';
import type { MatchContext } from './match';
import type { NetState } from './state';
import { traverse, type TraverseSink, type Verdict } from './traverse';
import type {
  ConnectInput,
  CounterIncrement,
  Destination,
  Direction,
  Hook,
  Outcome,
  Packet,
  Trace,
  TraceStep,
} from './types';
import type { NetworkView, PodEndpoint } from './view';

export interface PacketEnv {
  view: NetworkView;
  state: NetState;
  /** the stream for statistic matches, ephemeral ports and NAT ports */
  rng: Rng;
  /** virtual time in ms */
  now: number;
}

const TCP_SYN_BYTES = 60;
const TCP_HEADER_BYTES = 52;
const UDP_HEADER_BYTES = 28;
const TCP_MSS = 1448;

/** Where a packet is, while it moves. */
type Position =
  | { at: 'pod'; pod: PodEndpoint }
  | { at: 'node-out'; node: string }
  | { at: 'arrive'; node: string; iface: string; bridged: boolean }
  | { at: 'external'; node: string };

interface CtRef {
  entry: CtEntry;
  reply: boolean;
  /** created by this packet, not yet confirmed */
  tentative: boolean;
}

interface Flight {
  packet: Packet;
  dir: Direction;
  ct?: CtRef;
  /** node whose conntrack `ct` belongs to */
  ctNode?: string;
}

type End =
  | { kind: 'delivered'; node: string; to: Destination; listening: boolean; packet: Packet }
  | { kind: 'dropped'; node: string; verdict: Verdict & { kind: 'drop' } }
  | { kind: 'rejected'; node: string; verdict: Verdict & { kind: 'reject' } }
  | { kind: 'unanswered'; node: string; reason: string }
  | { kind: 'no-route'; node: string; reason: string };

const HOPS_LIMIT = 16;

interface ChainTally {
  node: string;
  table: TableName;
  chain: Chain;
  /** per rule index */
  packets: number[];
  bytes: number[];
}

class Walk {
  /** counter increments per node and chain object (policies under the pseudo index -1) */
  private readonly tallies = new Map<string, Map<Chain, ChainTally>>();
  private readonly policies = new Map<string, CounterIncrement>();
  /** conntrack entries of this connection on every node it crossed */
  readonly entries = new Set<CtEntry>();

  constructor(
    private readonly env: PacketEnv,
    private steps: TraceStep[] | null,
  ) {}

  setRecording(steps: TraceStep[] | null): void {
    this.steps = steps;
  }

  private net(node: string): NodeNetwork {
    const n = this.env.view.node(node);
    if (!n) throw new Error(`unknown node ${node}`);
    return n;
  }

  private step(s: TraceStep): void {
    this.steps?.push(s);
  }

  private sink(node: string, dir: Direction): TraverseSink {
    let perNode = this.tallies.get(node);
    if (!perNode) this.tallies.set(node, (perNode = new Map()));
    const chains = perNode;
    return {
      node,
      dir,
      steps: this.steps,
      count: (table: TableName, chain: string, index: number, bytes: number, chainObj?: Chain) => {
        if (index < 0 || !chainObj) {
          const key = `${node}\u0000${table}\u0000${chain}`;
          let c = this.policies.get(key);
          if (!c) this.policies.set(key, (c = { node, table, chain, index: -1, packets: 0, bytes: 0 }));
          c.packets++;
          c.bytes += bytes;
          return;
        }
        let t = chains.get(chainObj);
        if (!t) chains.set(chainObj, (t = { node, table, chain: chainObj, packets: [], bytes: [] }));
        t.packets[index] = (t.packets[index] ?? 0) + 1;
        t.bytes[index] = (t.bytes[index] ?? 0) + bytes;
      },
    };
  }

  /** Every increment, one entry per rule (or policy). */
  increments(): CounterIncrement[] {
    const out: CounterIncrement[] = [];
    for (const chains of this.tallies.values()) {
      for (const t of chains.values()) {
        t.packets.forEach((packets, index) => {
          if (packets) out.push({ node: t.node, table: t.table, chain: t.chain.name, index, packets, bytes: t.bytes[index] });
        });
      }
    }
    for (const p of this.policies.values()) out.push({ ...p });
    return out;
  }

  /** Add this walk's counters to the nodes' counters. */
  apply(): void {
    for (const chains of this.tallies.values()) {
      for (const t of chains.values()) {
        const counters = this.env.view.counters(t.node);
        t.packets.forEach((packets, index) => {
          if (packets) counters.addRule(t.table, t.chain, index, packets, t.bytes[index]);
        });
      }
    }
    for (const p of this.policies.values()) this.env.view.counters(p.node).addPolicy(p.table, p.chain, p.packets, p.bytes);
  }

  private matchContext(node: string, f: Flight, ct: ReadonlySet<CtState>): MatchContext {
    const net = this.net(node);
    return {
      packet: f.packet,
      srcInt: ipToInt(f.packet.src),
      dstInt: ipToInt(f.packet.dst),
      ctStates: ct,
      isLocal: (ip) => isLocalAddress(net, ip),
      recent: this.env.state.recent(node),
      rng: this.env.rng,
      now: this.env.now,
    };
  }

  private ctStates(f: Flight): Set<CtState> {
    const s = new Set<CtState>();
    if (!f.ct) {
      s.add('UNTRACKED');
      return s;
    }
    if (f.ct.reply || f.ct.entry.seenReply) s.add('ESTABLISHED');
    else s.add('NEW');
    if (f.ct.entry.dnat) s.add('DNAT');
    if (f.ct.entry.snat) s.add('SNAT');
    return s;
  }

  private run(node: string, f: Flight, tables: NodeTables, table: TableName, hook: Hook): Verdict {
    const t = tables[table];
    if (table !== 'mangle') this.step({ kind: 'hook', dir: f.dir, node, table, hook });
    return traverse(t, hook, this.matchContext(node, f, this.ctStates(f)), this.sink(node, f.dir));
  }

  /** Move a packet from a position until it is delivered or lost. */
  go(pos: Position, f: Flight): End {
    for (let hop = 0; hop < HOPS_LIMIT; hop++) {
      let next: Position | End;
      switch (pos.at) {
        case 'pod':
          next = this.leavePod(pos.pod, f);
          break;
        case 'node-out':
          next = this.output(pos.node, f);
          break;
        case 'arrive':
          next = this.arrive(pos.node, pos.iface, pos.bridged, f);
          break;
        case 'external':
          next = this.arrive(pos.node, 'eth0', false, f);
          break;
      }
      if ('kind' in next) return next;
      pos = next;
    }
    return { kind: 'no-route', node: '', reason: 'routing loop' };
  }

  private leavePod(pod: PodEndpoint, f: Flight): Position {
    const net = this.net(pod.node);
    this.step({ kind: 'leave-pod', dir: f.dir, node: pod.node, pod: `${pod.namespace}/${pod.name}`, iface: 'eth0', packet: { ...f.packet } });
    // Inside the weave /12 the pod talks layer 2 through the bridge; elsewhere it routes via the bridge IP.
    const bridged = cidrContains(net.weaveCIDR, f.packet.dst) && f.packet.dst !== net.bridgeIP;
    f.ct = undefined;
    return { at: 'arrive', node: pod.node, iface: 'weave', bridged };
  }

  /** Conntrack lookup on arrival at a node (or at OUTPUT). Applies NAT of known connections. */
  private track(node: string, f: Flight): 'new' | 'orig' | 'reply' {
    if (f.ct && f.ctNode === node) return f.ct.reply ? 'reply' : 'orig';
    const hit = this.env.state.conntrack(node).lookup(f.packet, this.env.now);
    if (!hit) {
      const orig = tupleOf(f.packet);
      f.ct = { entry: { orig, reply: inverse(orig), dnat: false, snat: false, seenReply: false, expires: 0 }, reply: false, tentative: true };
      f.ctNode = node;
      this.entries.add(f.ct.entry);
      this.step({ kind: 'conntrack', dir: f.dir, node, state: 'NEW', note: 'no conntrack entry: the nat table decides' });
      return 'new';
    }
    f.ct = { entry: hit.entry, reply: hit.reply, tentative: false };
    f.ctNode = node;
    this.entries.add(hit.entry);
    if (hit.reply) {
      hit.entry.seenReply = true;
      this.step({ kind: 'conntrack', dir: f.dir, node, state: 'REPLY', note: 'reply of a tracked connection: NAT is undone, the nat table is skipped' });
      return 'reply';
    }
    this.step({
      kind: 'conntrack',
      dir: f.dir,
      node,
      state: hit.entry.seenReply ? 'ESTABLISHED' : 'NEW',
      note: 'packet of a tracked connection: its NAT is reused, the nat table is skipped',
    });
    return 'orig';
  }

  /** DNAT of a tracked connection in the original direction, or un-SNAT of a reply. */
  private applyDstNat(node: string, f: Flight, kind: 'new' | 'orig' | 'reply'): void {
    const e = f.ct!.entry;
    const before = { ...f.packet };
    if (kind === 'orig' && e.dnat && (f.packet.dst !== e.reply.src || f.packet.dport !== e.reply.sport)) {
      f.packet.dst = e.reply.src;
      f.packet.dport = e.reply.sport;
      this.step({ kind: 'rewrite', dir: f.dir, node, what: 'DNAT', by: 'conntrack', before, after: { ...f.packet } });
    } else if (kind === 'reply' && e.snat && (f.packet.dst !== e.orig.src || f.packet.dport !== e.orig.sport)) {
      f.packet.dst = e.orig.src;
      f.packet.dport = e.orig.sport;
      this.step({ kind: 'rewrite', dir: f.dir, node, what: 'un-SNAT', by: 'conntrack', before, after: { ...f.packet } });
    }
  }

  /** SNAT of a tracked connection, or un-DNAT of a reply (POSTROUTING side). */
  private applySrcNat(node: string, f: Flight, kind: 'new' | 'orig' | 'reply'): void {
    const e = f.ct!.entry;
    const before = { ...f.packet };
    if (kind === 'orig' && e.snat && (f.packet.src !== e.reply.dst || f.packet.sport !== e.reply.dport)) {
      f.packet.src = e.reply.dst;
      f.packet.sport = e.reply.dport;
      this.step({ kind: 'rewrite', dir: f.dir, node, what: 'MASQUERADE', by: 'conntrack', before, after: { ...f.packet } });
    } else if (kind === 'reply' && e.dnat && (f.packet.src !== e.orig.dst || f.packet.sport !== e.orig.dport)) {
      f.packet.src = e.orig.dst;
      f.packet.sport = e.orig.dport;
      this.step({ kind: 'rewrite', dir: f.dir, node, what: 'un-DNAT', by: 'conntrack', before, after: { ...f.packet } });
    }
  }

  private doDnat(node: string, f: Flight, v: Verdict & { kind: 'dnat' }): void {
    const before = { ...f.packet };
    f.packet.dst = v.ip;
    f.packet.dport = v.port;
    const e = f.ct!.entry;
    e.dnat = true;
    e.reply = { ...e.reply, src: v.ip, sport: v.port };
    this.step({ kind: 'rewrite', dir: f.dir, node, what: 'DNAT', by: v.rule, before, after: { ...f.packet } });
  }

  private arrive(node: string, iface: string, bridged: boolean, f: Flight): Position | End {
    const net = this.net(node);
    const tables = this.env.view.tables(node);
    this.step({ kind: 'arrive', dir: f.dir, node, iface, packet: { ...f.packet }, bridged });
    const kind = this.track(node, f);
    this.run(node, f, tables, 'mangle', 'PREROUTING');
    if (kind === 'new') {
      const v = this.run(node, f, tables, 'nat', 'PREROUTING');
      if (v.kind === 'dnat') this.doDnat(node, f, v);
    } else {
      this.applyDstNat(node, f, kind);
    }

    if (isLocalAddress(net, f.packet.dst)) {
      this.step({ kind: 'route', dir: f.dir, node, decision: 'local', route: `local ${f.packet.dst} dev ${localDev(net, f.packet.dst)} table local`, iface: localDev(net, f.packet.dst) });
      return this.input(node, f, kind);
    }
    const route = lookupRoute(net, f.packet.dst);
    if (!route) return { kind: 'no-route', node, reason: `no route to ${f.packet.dst}` };
    this.step({ kind: 'route', dir: f.dir, node, decision: 'forward', route: routeText(route), iface: route.dev });
    this.run(node, f, tables, 'mangle', 'FORWARD');
    const v = this.run(node, f, tables, 'filter', 'FORWARD');
    const blocked = this.blocked(node, f, v);
    if (blocked) return blocked;
    return this.postrouting(node, f, route, kind);
  }

  private input(node: string, f: Flight, kind: 'new' | 'orig' | 'reply'): End {
    const tables = this.env.view.tables(node);
    this.run(node, f, tables, 'mangle', 'INPUT');
    const v = this.run(node, f, tables, 'filter', 'INPUT');
    const blocked = this.blocked(node, f, v);
    if (blocked) return blocked;
    if (kind === 'new') this.run(node, f, tables, 'nat', 'INPUT');
    if (kind === 'reply') this.applySrcNat(node, f, kind);
    this.confirm(node, f);
    const listening = f.dir === 'reply' || this.env.view.hostListens(node, f.packet.dport, f.packet.protocol);
    const to: Destination = { kind: 'host', node };
    this.step({ kind: 'deliver', dir: f.dir, node, to, packet: { ...f.packet }, listening });
    return { kind: 'delivered', node, to, listening, packet: { ...f.packet } };
  }

  /** Locally generated packet: OUTPUT, reroute after DNAT, then POSTROUTING. */
  private output(node: string, f: Flight): Position | End {
    const net = this.net(node);
    const tables = this.env.view.tables(node);
    this.step({ kind: 'originate', dir: f.dir, node, packet: { ...f.packet }, note: 'locally generated on the node' });
    const kind = this.track(node, f);
    this.run(node, f, tables, 'mangle', 'OUTPUT');
    if (kind === 'new') {
      const v = this.run(node, f, tables, 'nat', 'OUTPUT');
      if (v.kind === 'dnat') this.doDnat(node, f, v);
    } else {
      this.applyDstNat(node, f, kind);
    }
    const v = this.run(node, f, tables, 'filter', 'OUTPUT');
    const blocked = this.blocked(node, f, v);
    if (blocked) return blocked;
    if (isLocalAddress(net, f.packet.dst)) {
      const dev = localDev(net, f.packet.dst);
      this.step({ kind: 'route', dir: f.dir, node, decision: 'output', route: `local ${f.packet.dst} dev ${dev} table local`, iface: 'lo' });
      this.run(node, f, tables, 'mangle', 'POSTROUTING');
      if (kind === 'new') this.run(node, f, tables, 'nat', 'POSTROUTING');
      this.confirm(node, f);
      // Through the loopback device and back in: PREROUTING (conntrack known), then INPUT.
      this.step({ kind: 'arrive', dir: f.dir, node, iface: 'lo', packet: { ...f.packet }, bridged: false });
      this.run(node, f, tables, 'mangle', 'PREROUTING');
      return this.input(node, f, kind === 'new' ? 'orig' : kind);
    }
    const route = lookupRoute(net, f.packet.dst);
    if (!route) return { kind: 'no-route', node, reason: `no route to ${f.packet.dst}` };
    this.step({ kind: 'route', dir: f.dir, node, decision: 'output', route: routeText(route), iface: route.dev });
    return this.postrouting(node, f, route, kind);
  }

  private postrouting(node: string, f: Flight, route: Route, kind: 'new' | 'orig' | 'reply'): Position | End {
    const net = this.net(node);
    const tables = this.env.view.tables(node);
    this.run(node, f, tables, 'mangle', 'POSTROUTING');
    if (kind === 'new') {
      const v = this.run(node, f, tables, 'nat', 'POSTROUTING');
      if (v.kind === 'masquerade') {
        this.masquerade(node, f, route.dev === 'weave' ? net.bridgeIP : net.ip, v.randomFully, v.rule);
      } else {
        this.weaveMasquerade(node, f, route);
      }
    } else {
      this.applySrcNat(node, f, kind);
    }
    this.confirm(node, f);
    return this.transmit(node, f, route);
  }

  /** weave's WEAVE chain (nat POSTROUTING, after kube-proxy's jump): traffic entering or leaving the /12. */
  private weaveMasquerade(node: string, f: Flight, route: Route): void {
    const net = this.net(node);
    const p = f.packet;
    const srcIn = cidrContains(net.weaveCIDR, p.src);
    const dstIn = cidrContains(net.weaveCIDR, p.dst);
    if (!srcIn && dstIn && route.dev === 'weave') {
      const pod = this.env.view.podByIP(p.dst);
      // weaver-no-masq-local: no SNAT towards containers on this node (keeps client IPs for Local policies).
      if (pod && pod.node === node) return;
      this.masquerade(node, f, net.bridgeIP, false, `weave: -A WEAVE ! -s ${cidrStr(net)} -d ${cidrStr(net)} -j MASQUERADE`);
    } else if (srcIn && !dstIn && route.dev === 'eth0') {
      this.masquerade(node, f, net.ip, false, `weave: -A WEAVE -s ${cidrStr(net)} ! -d ${cidrStr(net)} -j MASQUERADE`);
    }
  }

  private masquerade(node: string, f: Flight, addr: string, randomFully: boolean, rule: string): void {
    const before = { ...f.packet };
    const ct = this.env.state.conntrack(node);
    let port = f.packet.sport;
    const clash = (p: number) => ct.taken(inverse({ ...f.packet, src: addr, sport: p }), this.env.now);
    if (randomFully || clash(port)) {
      // NF_NAT_RANGE_PROTO_RANDOM_FULLY: a random port in 1024-65535.
      do port = 1024 + this.env.rng.int(65536 - 1024);
      while (clash(port));
    }
    f.packet.src = addr;
    f.packet.sport = port;
    const e = f.ct!.entry;
    e.snat = true;
    e.reply = { ...e.reply, dst: addr, dport: port };
    this.step({ kind: 'rewrite', dir: f.dir, node, what: 'MASQUERADE', by: rule, before, after: { ...f.packet } });
  }

  private confirm(node: string, f: Flight): void {
    if (!f.ct || !f.ct.tentative) return;
    const e = f.ct.entry;
    e.expires = this.env.now + 1000 * (f.packet.protocol === 'udp' ? CT_TIMEOUT.udpUnreplied : CT_TIMEOUT.tcpSynSent);
    this.env.state.conntrack(node).confirm(e);
    f.ct.tentative = false;
  }

  private blocked(node: string, f: Flight, v: Verdict): End | undefined {
    if (v.kind === 'drop') {
      this.step({ kind: 'drop', dir: f.dir, node, reason: v.rule ? `dropped by ${v.rule}` : `dropped by the policy of ${v.chain}` });
      return { kind: 'dropped', node, verdict: v };
    }
    if (v.kind === 'reject') {
      this.step({ kind: 'drop', dir: f.dir, node, reason: `rejected (ICMP port unreachable) by ${v.rule}` });
      return { kind: 'rejected', node, verdict: v };
    }
    return undefined;
  }

  private transmit(node: string, f: Flight, route: Route): Position | End {
    const net = this.net(node);
    const view = this.env.view;
    const p = f.packet;
    if (route.dev === 'weave') {
      const pod = view.podByIP(p.dst);
      if (pod) {
        if (pod.node === node) return this.deliverPod(node, pod, f);
        this.step({ kind: 'wire', dir: f.dir, from: node, to: pod.node, via: 'weave-vxlan', packet: { ...p } });
        return { at: 'arrive', node: pod.node, iface: 'weave', bridged: true };
      }
      const owner = view.nodeByBridgeIP(p.dst);
      if (owner && owner.name !== node) {
        this.step({ kind: 'wire', dir: f.dir, from: node, to: owner.name, via: 'weave-vxlan', packet: { ...p } });
        return { at: 'arrive', node: owner.name, iface: 'weave', bridged: false };
      }
      const reason = `no host answers ARP for ${p.dst} on the weave network`;
      this.step({ kind: 'drop', dir: f.dir, node, reason });
      return { kind: 'no-route', node, reason };
    }
    // eth0: on-link neighbours or the docker network's gateway.
    const peer = view.nodeByIP(p.dst);
    if (peer && peer.name !== node) {
      this.step({ kind: 'wire', dir: f.dir, from: node, to: peer.name, via: 'eth0', packet: { ...p } });
      return { at: 'arrive', node: peer.name, iface: 'eth0', bridged: false };
    }
    const to: Destination = { kind: 'external', ip: p.dst };
    if (f.dir === 'reply') {
      // Back to the outside client that opened the connection.
      this.step({ kind: 'deliver', dir: f.dir, node, to, packet: { ...p }, listening: true });
      return { kind: 'delivered', node, to, listening: true, packet: { ...p } };
    }
    // An on-link address that is neither a node nor the gateway: nobody answers ARP.
    if (cidrContains(net.eth0Cidr, p.dst) && p.dst !== net.gateway) {
      const reason = `no host answers ARP for ${p.dst} on eth0`;
      this.step({ kind: 'drop', dir: f.dir, node, reason });
      return { kind: 'no-route', node, reason };
    }
    const answer = view.external?.(p.dst, p.dport, p.protocol) ?? 'drop';
    if (answer === 'drop') {
      const reason = `left the cluster towards ${p.dst}; nothing answers`;
      this.step({ kind: 'drop', dir: f.dir, node, reason });
      return { kind: 'unanswered', node, reason };
    }
    this.step({ kind: 'deliver', dir: f.dir, node, to, packet: { ...p }, listening: answer === 'accept' });
    return { kind: 'delivered', node, to, listening: answer === 'accept', packet: { ...p } };
  }

  private deliverPod(node: string, pod: PodEndpoint, f: Flight): End {
    const listening = f.dir === 'reply' || this.env.view.podListens(pod, f.packet.dport, f.packet.protocol);
    const to: Destination = { kind: 'pod', namespace: pod.namespace, name: pod.name, ip: pod.ip };
    this.step({ kind: 'deliver', dir: f.dir, node, to, packet: { ...f.packet }, listening });
    return { kind: 'delivered', node, to, listening, packet: { ...f.packet } };
  }

  /** Set the conntrack lifetime of the connection's confirmed entries once the exchange is over. */
  settle(seconds: number): void {
    for (const e of this.entries) if (e.expires > 0) e.expires = this.env.now + seconds * 1000;
  }
}

function cidrStr(net: NodeNetwork): string {
  return `${net.weaveCIDR.addr}/${net.weaveCIDR.len}`;
}

function localDev(net: NodeNetwork, ip: string): string {
  if (ip === net.ip) return 'eth0';
  if (ip === net.bridgeIP) return 'weave';
  return 'lo';
}

/** A route as `ip route get` would name it (without the trailing space of `ip route show`). */
function routeText(r: Route): string {
  const dst = r.dst ? `${r.dst.addr}/${r.dst.len}` : 'default';
  let s = dst;
  if (r.via) s += ` via ${r.via}`;
  s += ` dev ${r.dev}`;
  if (r.protoKernel) s += ' proto kernel';
  if (r.scopeLink) s += ' scope link';
  if (r.src) s += ` src ${r.src}`;
  return s;
}

/** Packets after the first, as (direction, IP length). */
function laterPackets(input: ConnectInput): { dir: Direction; bytes: number }[] {
  // UDP: the first datagram and its answer are all there is.
  if (input.protocol !== 'tcp') return [];
  const out: { dir: Direction; bytes: number }[] = [{ dir: 'request', bytes: TCP_HEADER_BYTES }];
  if (!input.exchange) return out;
  const { requestBytes, responseBytes } = input.exchange;
  for (let left = requestBytes; left > 0; left -= TCP_MSS) out.push({ dir: 'request', bytes: TCP_HEADER_BYTES + Math.min(TCP_MSS, left) });
  out.push({ dir: 'reply', bytes: TCP_HEADER_BYTES });
  let segments = 0;
  for (let left = responseBytes; left > 0; left -= TCP_MSS) {
    out.push({ dir: 'reply', bytes: TCP_HEADER_BYTES + Math.min(TCP_MSS, left) });
    if (++segments % 2 === 0) out.push({ dir: 'request', bytes: TCP_HEADER_BYTES });
  }
  if (segments % 2 === 1) out.push({ dir: 'request', bytes: TCP_HEADER_BYTES });
  out.push({ dir: 'request', bytes: TCP_HEADER_BYTES }, { dir: 'reply', bytes: TCP_HEADER_BYTES }, { dir: 'request', bytes: TCP_HEADER_BYTES });
  return out;
}

/**
 * Walk one connection attempt: the first packet from its origin to its fate, the
 * reply back when it was delivered, and (for counters) the packets that follow.
 * Mutates `env.state` (conntrack, recent lists) and the nodes' counters.
 */
export function connect(env: PacketEnv, input: ConnectInput): Trace {
  const steps: TraceStep[] = [];
  const walk = new Walk(env, steps);
  const view = env.view;

  let start: Position;
  let srcIP = input.srcIP;
  switch (input.origin.kind) {
    case 'pod': {
      const pod = view.podByIP(input.origin.ip);
      if (!pod) throw new Error(`no pod has IP ${input.origin.ip}`);
      srcIP ??= pod.ip;
      start = { at: 'pod', pod };
      break;
    }
    case 'node': {
      const net = view.node(input.origin.node);
      if (!net) throw new Error(`unknown node ${input.origin.node}`);
      srcIP ??= sourceAddressFor(net, input.dst.ip);
      start = { at: 'node-out', node: net.name };
      break;
    }
    case 'external':
      if (!srcIP) throw new Error('an external origin needs srcIP');
      start = { at: 'external', node: input.origin.node };
      break;
  }
  const firstBytes = input.protocol === 'tcp' ? TCP_SYN_BYTES : UDP_HEADER_BYTES + (input.exchange?.requestBytes ?? 0);
  const packet: Packet = {
    src: srcIP,
    sport: input.srcPort ?? ephemeralPort(env, start, srcIP, input),
    dst: input.dst.ip,
    dport: input.dst.port,
    protocol: input.protocol,
    bytes: firstBytes,
    mark: 0,
  };
  const first: Flight = { packet: { ...packet }, dir: 'request' };
  const end = walk.go(start, first);
  const outcome = outcomeOf(end);

  let replied = false;
  if (end.kind === 'delivered' && end.listening) {
    const replyBytes = input.protocol === 'tcp' ? TCP_SYN_BYTES : UDP_HEADER_BYTES + (input.exchange?.responseBytes ?? 0);
    const replyStart = serverPosition(view, end);
    const reply = (bytes: number): Flight => ({
      packet: { src: end.packet.dst, sport: end.packet.dport, dst: end.packet.src, dport: end.packet.sport, protocol: input.protocol, bytes, mark: 0 },
      dir: 'reply',
    });
    const back = walk.go(replyStart, reply(replyBytes));
    replied = back.kind === 'delivered';

    if (replied) {
      // Later packets: counted, not recorded.
      walk.setRecording(null);
      for (const later of laterPackets(input)) {
        const f: Flight = later.dir === 'request' ? { packet: { ...packet, bytes: later.bytes }, dir: 'request' } : reply(later.bytes);
        walk.go(later.dir === 'request' ? start : replyStart, f);
      }
      const closed = input.protocol === 'tcp' && !!input.exchange;
      walk.settle(input.protocol === 'udp' ? CT_TIMEOUT.udpReplied : closed ? CT_TIMEOUT.tcpTimeWait : CT_TIMEOUT.tcpEstablished);
    }
  } else if (end.kind === 'delivered' && input.protocol === 'tcp') {
    // Answered with a RST: conntrack keeps the closed connection for 10 s.
    walk.settle(10);
  }
  walk.apply();
  return { input, packet, steps, outcome, replied, counters: walk.increments() };
}

/**
 * A client port from Linux's ip_local_port_range (32768-60999) whose connection is
 * not tracked yet on the first node, as the client's kernel avoids 4-tuples in use.
 */
function ephemeralPort(env: PacketEnv, start: Position, src: string, input: ConnectInput): number {
  const node = start.at === 'pod' ? start.pod.node : start.node;
  const ct = env.state.conntrack(node);
  for (let attempt = 0; ; attempt++) {
    const port = 32768 + env.rng.int(61000 - 32768);
    const tuple = { protocol: input.protocol, src, sport: port, dst: input.dst.ip, dport: input.dst.port };
    if (attempt >= 64 || !ct.taken(tuple, env.now)) return port;
  }
}

function serverPosition(view: NetworkView, end: End & { kind: 'delivered' }): Position {
  switch (end.to.kind) {
    case 'pod': {
      const pod = view.podByIP(end.to.ip)!;
      return { at: 'pod', pod };
    }
    case 'host':
      return { at: 'node-out', node: end.to.node };
    case 'external':
      return { at: 'arrive', node: end.node, iface: 'eth0', bridged: false };
  }
}

function outcomeOf(end: End): Outcome {
  switch (end.kind) {
    case 'delivered':
      if (!end.listening) return { kind: 'refused', node: end.node, by: 'no-listener' };
      return {
        kind: 'delivered',
        to: end.to,
        node: end.node,
        seenFrom: { ip: end.packet.src, port: end.packet.sport },
        seenAt: { ip: end.packet.dst, port: end.packet.dport },
      };
    case 'rejected':
      return { kind: 'refused', node: end.node, by: 'reject-rule', rule: end.verdict.rule };
    case 'dropped':
      return {
        kind: 'timeout',
        node: end.node,
        by: 'drop-rule',
        rule: end.verdict.rule,
        reason: end.verdict.rule ? `dropped by ${end.verdict.rule}` : `dropped by the policy of ${end.verdict.chain}`,
      };
    case 'unanswered':
      return { kind: 'timeout', node: end.node, by: 'unanswered', reason: end.reason };
    case 'no-route':
      return { kind: 'no-route', node: end.node, reason: end.reason };
  }
}
