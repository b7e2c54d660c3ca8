// Connection tracking of one node: tuples in both directions, the NAT done to a
// connection, and expiry on the virtual clock.

import type { Packet, Protocol } from './types';

export interface Tuple {
  protocol: Protocol;
  src: string;
  sport: number;
  dst: string;
  dport: number;
}

export interface CtEntry {
  orig: Tuple;
  /** the tuple replies carry (after NAT) */
  reply: Tuple;
  dnat: boolean;
  snat: boolean;
  seenReply: boolean;
  /** virtual ms */
  expires: number;
}

/** Timeouts of the Linux defaults, in seconds. */
export const CT_TIMEOUT = {
  tcpSynSent: 120,
  tcpEstablished: 432000,
  tcpTimeWait: 120,
  udpUnreplied: 30,
  udpReplied: 120,
};

export function tupleOf(p: Packet): Tuple {
  return { protocol: p.protocol, src: p.src, sport: p.sport, dst: p.dst, dport: p.dport };
}

function key(t: Tuple): string {
  return `${t.protocol} ${t.src}:${t.sport} ${t.dst}:${t.dport}`;
}

export function inverse(t: Tuple): Tuple {
  return { protocol: t.protocol, src: t.dst, sport: t.dport, dst: t.src, dport: t.sport };
}

export class Conntrack {
  private readonly byKey = new Map<string, { entry: CtEntry; reply: boolean }>();

  /** The entry a packet belongs to, and whether it travels in the reply direction. */
  lookup(p: Packet, now: number): { entry: CtEntry; reply: boolean } | undefined {
    const hit = this.byKey.get(key(tupleOf(p)));
    if (!hit) return undefined;
    if (hit.entry.expires <= now) {
      this.remove(hit.entry);
      return undefined;
    }
    return hit;
  }

  /** Store a confirmed entry (at the end of POSTROUTING or INPUT). */
  confirm(entry: CtEntry): void {
    this.byKey.set(key(entry.orig), { entry, reply: false });
    this.byKey.set(key(entry.reply), { entry, reply: true });
  }

  /** Whether a tuple is in use in either direction (NAT picks ports that are not). */
  taken(t: Tuple, now: number): boolean {
    const hit = this.byKey.get(key(t));
    return !!hit && hit.entry.expires > now;
  }

  remove(entry: CtEntry): void {
    this.byKey.delete(key(entry.orig));
    this.byKey.delete(key(entry.reply));
  }

  /** Live entries (for a `conntrack -L`-like view). */
  entries(now: number): CtEntry[] {
    const out = new Set<CtEntry>();
    for (const { entry } of this.byKey.values()) if (entry.expires > now) out.add(entry);
    return [...out];
  }

  get size(): number {
    return this.byKey.size / 2;
  }
}
