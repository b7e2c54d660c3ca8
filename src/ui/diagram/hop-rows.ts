// A trace as the hop panel lists it: one section per node the packet is on
// (request, then reply), with what happened there in order: arrival, conntrack,
// every iptables rule that matched (as `iptables -S` prints it), NAT rewrites as
// before ⇒ after, the routing decision, the weave crossing, delivery. Pure text.

import type { Outcome, Packet, Trace, TraceStep } from '../../sim/packet/types';
import type { TraceRecord } from '../../worker/protocol';

export type HopRow =
  | { kind: 'section'; node: string; dir: 'request' | 'reply' }
  | { kind: 'hook'; text: string }
  | { kind: 'note'; text: string; packet?: string }
  | { kind: 'rule'; chain: string; table: string; spec: string; action: string }
  | { kind: 'rewrite'; what: string; before: string; after: string; by: string }
  | { kind: 'wire'; text: string; packet: string }
  | { kind: 'end'; text: string; ok: boolean };

export function formatPacket(p: Packet): string {
  return `${p.src}:${p.sport} → ${p.dst}:${p.dport}`;
}

function stepNode(s: TraceStep): string | null {
  return s.kind === 'wire' ? null : s.node;
}

function destination(to: Extract<TraceStep, { kind: 'deliver' }>['to']): string {
  if (to.kind === 'pod') return `pod ${to.namespace}/${to.name}`;
  if (to.kind === 'host') return `node ${to.node}`;
  return to.ip;
}

function row(s: TraceStep): HopRow | null {
  switch (s.kind) {
    case 'leave-pod':
      return { kind: 'note', text: `leaves pod ${s.pod} through its ${s.iface}`, packet: formatPacket(s.packet) };
    case 'originate':
      return { kind: 'note', text: s.note, packet: formatPacket(s.packet) };
    case 'arrive':
      return { kind: 'note', text: `arrives on ${s.iface}${s.bridged ? ' (bridged)' : ''}`, packet: formatPacket(s.packet) };
    case 'conntrack':
      return { kind: 'note', text: `conntrack ${s.state}: ${s.note}` };
    case 'hook':
      return { kind: 'hook', text: `${s.table} ${s.hook}` };
    case 'rule':
      return { kind: 'rule', chain: s.chain, table: s.table, spec: s.spec, action: s.action };
    case 'policy':
      return { kind: 'note', text: `end of ${s.chain}: policy ${s.policy}` };
    case 'rewrite':
      return { kind: 'rewrite', what: s.what, before: formatPacket(s.before), after: formatPacket(s.after), by: s.by };
    case 'route':
      return { kind: 'note', text: `route (${s.decision}) out of ${s.iface}: ${s.route}` };
    case 'wire':
      return {
        kind: 'wire',
        text: s.via === 'weave-vxlan' ? `over weave (VXLAN) from ${s.from} to ${s.to}` : `over eth0 from ${s.from} to ${s.to}`,
        packet: formatPacket(s.packet),
      };
    case 'deliver':
      return { kind: 'end', text: `${s.listening ? 'delivered to' : 'nothing listens on this port in'} ${destination(s.to)}: ${formatPacket(s.packet)}`, ok: s.listening };
    case 'drop':
      return { kind: 'end', text: `dropped: ${s.reason}`, ok: false };
  }
}

export function hopRows(trace: Trace, withReply: boolean): HopRow[] {
  const rows: HopRow[] = [];
  let at = '';
  for (const s of trace.steps) {
    if (s.dir === 'reply' && !withReply) break;
    const node = stepNode(s);
    if (node !== null && `${s.dir}:${node}` !== at) {
      at = `${s.dir}:${node}`;
      rows.push({ kind: 'section', node, dir: s.dir });
    }
    const r = row(s);
    if (r) rows.push(r);
  }
  return rows;
}

export function describeOutcome(o: Outcome): { text: string; ok: boolean } {
  switch (o.kind) {
    case 'delivered': {
      const to = o.to.kind === 'pod' ? `pod ${o.to.namespace}/${o.to.name}` : o.to.kind === 'host' ? `node ${o.to.node}` : o.to.ip;
      return { ok: true, text: `delivered to ${to} on ${o.node} at ${o.seenAt.ip}:${o.seenAt.port}; it sees the client as ${o.seenFrom.ip}:${o.seenFrom.port}` };
    }
    case 'refused':
      return { ok: false, text: o.by === 'reject-rule' ? `refused on ${o.node} by ${o.rule ?? 'a REJECT rule'}` : `refused on ${o.node}: nothing listens there (TCP reset)` };
    case 'timeout':
      return { ok: false, text: `no answer (${o.node}): ${o.reason}${o.rule ? ` — ${o.rule}` : ''}` };
    case 'no-route':
      return { ok: false, text: `no route on ${o.node}: ${o.reason}` };
  }
}

/** One line for the list: the connection as the client opened it. */
export function connectionOf(record: TraceRecord): string {
  const { input, packet } = record.trace;
  return `${packet.src} → ${input.dst.ip}:${input.dst.port}/${input.protocol}`;
}

/** Short outcome for the list. */
export function shortOutcome(o: Outcome): string {
  if (o.kind === 'delivered') return o.to.kind === 'pod' ? o.to.name : o.to.kind === 'host' ? o.to.node : o.to.ip;
  return o.kind === 'no-route' ? 'no route' : o.kind;
}
