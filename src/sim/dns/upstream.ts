// The world outside the cluster, as far as DNS goes: a small fixed table that
// stands in for the node's resolver (CoreDNS forwards everything outside
// cluster.local there, and pods with dnsPolicy Default ask it directly).
// It is deterministic on purpose: the same name always gives the same answer.
//
// The table (A / AAAA):
//   example.com, www.example.com   93.184.216.34 / 2606:2800:220:1:248:1893:25c8:1946
//   db.example.com                 203.0.113.10   (documentation range, stands in for an external database)
//   database.example.com           203.0.113.20
//   api.example.com                203.0.113.30
//   google.com                     142.250.185.78  / 2a00:1450:4001:82f::200e
//   www.google.com                 142.250.185.100 / 2a00:1450:4001:830::2004
// Every other name gets NXDOMAIN with the root zone's SOA, as a recursive
// resolver returns it. Answers are not authoritative and have recursion
// available set. TTLs are 30, what CoreDNS's `cache 30` caps them to.

import type { DnsQuery, DnsReply, DnsServer, ResourceRecord } from './types';
import { absolute } from './names';

interface UpstreamEntry {
  a?: string[];
  aaaa?: string[];
}

const TABLE: Record<string, UpstreamEntry> = {
  'example.com.': { a: ['93.184.216.34'], aaaa: ['2606:2800:220:1:248:1893:25c8:1946'] },
  'www.example.com.': { a: ['93.184.216.34'], aaaa: ['2606:2800:220:1:248:1893:25c8:1946'] },
  'db.example.com.': { a: ['203.0.113.10'] },
  'database.example.com.': { a: ['203.0.113.20'] },
  'api.example.com.': { a: ['203.0.113.30'] },
  'google.com.': { a: ['142.250.185.78'], aaaa: ['2a00:1450:4001:82f::200e'] },
  'www.google.com.': { a: ['142.250.185.100'], aaaa: ['2a00:1450:4001:830::2004'] },
};

export const UPSTREAM_TTL = 30;

const ROOT_SOA: ResourceRecord = {
  name: '.',
  ttl: UPSTREAM_TTL,
  type: 'SOA',
  data: {
    mname: 'a.root-servers.net.',
    rname: 'nstld.verisign-grs.com.',
    serial: 2026011200,
    refresh: 1800,
    retry: 900,
    expire: 604800,
    minimum: 86400,
  },
};

/** NODATA answers carry the SOA of the name's registered domain (`example.com.` for `db.example.com.`). */
function domainSoa(name: string): ResourceRecord {
  const domain = `${absolute(name).toLowerCase().split('.').slice(-3).join('.')}`;
  return {
    name: domain,
    ttl: UPSTREAM_TTL,
    type: 'SOA',
    data: { mname: `ns1.${domain}`, rname: `hostmaster.${domain}`, serial: 2026010101, refresh: 7200, retry: 3600, expire: 1209600, minimum: 3600 },
  };
}

/** Is this name one the upstream table knows (whatever the record type)? */
export function upstreamKnows(name: string): boolean {
  return absolute(name).toLowerCase() in TABLE;
}

/** Records of one type for a name outside the cluster, in the case the question used. */
export function upstreamRecords(name: string, type: 'A' | 'AAAA'): ResourceRecord[] | undefined {
  const entry = TABLE[absolute(name).toLowerCase()];
  if (!entry) return undefined;
  const list = (type === 'A' ? entry.a : entry.aaaa) ?? [];
  return list.map((ip) => ({ name: absolute(name), ttl: UPSTREAM_TTL, type, data: ip }));
}

/** The node's resolver (and what CoreDNS's `forward . /etc/resolv.conf` reaches). */
export class UpstreamDns implements DnsServer {
  answer(query: DnsQuery): DnsReply {
    const q = query.question;
    const known = upstreamKnows(q.name);
    const records = known && (q.type === 'A' || q.type === 'AAAA') ? upstreamRecords(q.name, q.type)! : [];
    return {
      id: query.id,
      rcode: known ? 'NOERROR' : 'NXDOMAIN',
      aa: false,
      rd: query.rd,
      ra: true,
      question: q,
      answer: records,
      authority: !known ? [ROOT_SOA] : records.length ? [] : [domainSoa(q.name)],
      additional: [],
    };
  }
}
