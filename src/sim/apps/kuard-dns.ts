// kuard's DNS page (`POST /dns/api {"type":"A","name":"redis"}`): it reads
// resolv.conf itself (miekg/dns), tries the name with every search domain and
// then as is (it ignores ndots), stops at the first reply that has answers,
// and returns the reply as miekg's Msg.String() prints it (a dig-like text).

import type { DnsReply, QueryTrace, RRType, ResourceRecord } from '../dns/types';
import type { StubResolver } from '../dns/resolver';
import { QuerySender } from '../dns/resolver';
import { absolute } from '../dns/names';

const TYPES: RRType[] = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'PTR', 'SOA', 'SRV', 'TXT', 'ANY'];

function rrString(rr: ResourceRecord): string {
  const head = `${rr.name}\t${rr.ttl}\tIN\t${rr.type}\t`;
  switch (rr.type) {
    case 'A':
    case 'AAAA':
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return head + rr.data;
    case 'TXT':
      return `${head}"${rr.data}"`;
    case 'MX':
      return `${head}${rr.data.preference} ${rr.data.exchange}`;
    case 'SRV':
      return `${head}${rr.data.priority} ${rr.data.weight} ${rr.data.port} ${rr.data.target}`;
    case 'SOA':
      return `${head}${rr.data.mname} ${rr.data.rname} ${rr.data.serial} ${rr.data.refresh} ${rr.data.retry} ${rr.data.expire} ${rr.data.minimum}`;
  }
}

/** miekg/dns Msg.String(). */
export function miekgMsgString(reply: DnsReply): string {
  const flags = ['qr', reply.aa && 'aa', reply.rd && 'rd', reply.ra && 'ra'].filter(Boolean).join(' ');
  let s = `;; opcode: QUERY, status: ${reply.rcode}, id: ${reply.id}\n`;
  s += `;; flags: ${flags}; QUERY: 1, ANSWER: ${reply.answer.length}, AUTHORITY: ${reply.authority.length}, ADDITIONAL: ${reply.additional.length}\n`;
  s += `\n;; QUESTION SECTION:\n;${reply.question.name}\tIN\t ${reply.question.type}\n`;
  const section = (title: string, rrs: ResourceRecord[]) => (rrs.length ? `\n;; ${title} SECTION:\n${rrs.map((r) => `${rrString(r)}\n`).join('')}` : '');
  s += section('ANSWER', reply.answer);
  s += section('AUTHORITY', reply.authority);
  s += section('ADDITIONAL', reply.additional);
  return s;
}

export type KuardDnsResult =
  | { ok: true; result: string; queries: QueryTrace[]; elapsedMs: number }
  | { ok: false; status: 400; error: string; queries: QueryTrace[]; elapsedMs: number };

/** `local` is the client's `ip:port`, which Go prints in its timeout error. */
export function kuardDnsQuery(type: string, name: string, resolver: StubResolver, local: string): KuardDnsResult {
  const qtype = TYPES.find((t) => t === type.toUpperCase());
  if (!qtype) return { ok: false, status: 400, error: `Unknown DNS type: ${type}`, queries: [], elapsedMs: 0 };
  const n = name || '.';
  const names = n.endsWith('.') ? [n] : [...resolver.conf.searches.map((s) => absolute(`${n}.${s}`)), absolute(n)];
  const server = resolver.conf.nameservers[0] ?? '127.0.0.1';
  // miekg's client: one try, 2 s read timeout.
  const sender = new QuerySender({ ...resolver, conf: { ...resolver.conf, options: ['timeout:2', 'attempts:1'] }, libc: 'glibc' }, [server]);
  let last: DnsReply | undefined;
  for (const candidate of names) {
    const round = sender.send([{ name: candidate, type: qtype }]);
    if (round.failure) {
      return { ok: false, status: 400, error: `read udp ${local}->${server}:53: i/o timeout`, queries: sender.queries, elapsedMs: sender.elapsedMs };
    }
    last = round.replies[0]!;
    if (last.answer.length > 0) break;
  }
  return { ok: true, result: miekgMsgString(last!), queries: sender.queries, elapsedMs: sender.elapsedMs };
}
