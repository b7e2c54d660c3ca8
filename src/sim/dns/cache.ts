// CoreDNS's `cache 30` in front of a server: positive and negative answers are
// kept for their TTL, at most 30 seconds, and served with the remaining TTL.
// One cache per CoreDNS replica (each pod has its own memory), so two replicas
// can disagree for up to 30 s after a change, as in a real cluster: a name
// looked up just before its Service was created keeps failing until the
// negative entry expires.
//
// In CoreDNS the cache sits before `loadbalance` in the plugin chain, so a
// cached multi-record answer comes back in the order it was stored.

import type { DnsQuery, DnsReply, DnsServer, ResourceRecord } from './types';

interface Entry {
  reply: DnsReply;
  storedAt: number;
  ttl: number;
}

export class DnsCache implements DnsServer {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly inner: DnsServer,
    private readonly now: () => number,
    private readonly maxTtl = 30,
  ) {}

  answer(query: DnsQuery): DnsReply {
    const key = `${query.question.name.toLowerCase()}|${query.question.type}`;
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit) {
      const age = Math.floor((now - hit.storedAt) / 1000);
      if (age < hit.ttl) return rewrite(hit.reply, query, age);
      this.entries.delete(key);
    }
    const reply = this.inner.answer(query);
    const ttl = cacheTtl(reply, this.maxTtl);
    if (ttl > 0) this.entries.set(key, { reply, storedAt: now, ttl });
    return reply;
  }

  /** Forget everything (a CoreDNS pod restart). */
  clear(): void {
    this.entries.clear();
  }
}

function cacheTtl(reply: DnsReply, max: number): number {
  if (reply.rcode !== 'NOERROR' && reply.rcode !== 'NXDOMAIN') return 0;
  const records = reply.answer.length ? reply.answer : reply.authority;
  if (records.length === 0) return 0;
  let ttl = max;
  for (const r of records) {
    ttl = Math.min(ttl, r.ttl);
    if (r.type === 'SOA' && reply.answer.length === 0) ttl = Math.min(ttl, r.data.minimum);
  }
  return ttl;
}

function rewrite(reply: DnsReply, query: DnsQuery, age: number): DnsReply {
  const dec = (rs: ResourceRecord[]) => rs.map((r) => ({ ...r, ttl: Math.max(0, r.ttl - age) }) as ResourceRecord);
  return {
    ...reply,
    id: query.id,
    rd: query.rd,
    question: query.question,
    answer: dec(reply.answer).map((r) => (r.name.toLowerCase() === query.question.name.toLowerCase() ? { ...r, name: query.question.name } : r)),
    authority: dec(reply.authority),
    additional: dec(reply.additional),
  };
}
