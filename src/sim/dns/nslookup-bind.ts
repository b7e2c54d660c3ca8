// BIND's `nslookup` (dnsutils / bind-tools images). Two generations:
//   bind-9.18  netshoot, current Debian/Alpine: asks A then AAAA, prints
//              `;; Got recursion not available from <server>` for every reply
//              without the RA bit when the server came from resolv.conf (CoreDNS
//              answers for cluster.local never set it), prints no server block
//              for reverse lookups of an address, reports timeouts per try.
//   bind-9.9   jessie-dnsutils, tutum/dnsutils: A only, no recursion warning
//              with a single server, the classic timeout line.
// Both follow resolv.conf's search list and ndots like the C library, print
// the first answer that is not NXDOMAIN, `Name:` with the full name, and
// targets with their final dot. Checked against bind9-dnsutils 9.18 talking to
// the simulated CoreDNS (test/dns/nslookup-oracle.test.ts).

import type { DnsQuery, DnsReply, RRType } from './types';
import type { StubResolver } from './resolver';
import { addressesIn, searchCandidates } from './resolver';
import { isIPv4, isIPv6, reverseName, reverseName6 } from './names';
import { OutputBuilder, type ToolResult } from './tool-output';
import { formatAnswerRecord } from './record-format';

export type BindVersion = 'bind-9.9' | 'bind-9.18';

const TYPES: RRType[] = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'PTR', 'SOA', 'SRV', 'TXT', 'ANY'];

interface Settings {
  type?: RRType;
  port: number;
  timeout: number;
  tries: number;
  search: boolean;
  recurse: boolean;
}

export function bindNslookup(args: string[], resolver: StubResolver, version: BindVersion = 'bind-9.18'): ToolResult {
  const out = new OutputBuilder();
  const s: Settings = { port: 53, timeout: 5, tries: 3, search: true, recurse: true };
  const rest: string[] = [];
  for (const a of args) {
    if (!a.startsWith('-')) {
      rest.push(a);
      continue;
    }
    const [key, val = ''] = a.slice(1).split('=');
    const k = key.toLowerCase();
    if (['type', 'ty', 'querytype', 'query', 'qu', 'q'].includes(k)) {
      const t = TYPES.find((x) => x.toLowerCase() === val.toLowerCase());
      if (t) s.type = t;
      else out.out(`unknown query type: ${val}\n`);
    } else if (k === 'port' || k === 'po') s.port = Number.parseInt(val, 10) || 53;
    else if (k === 'timeout' || k === 'ti') s.timeout = Math.max(1, Number.parseInt(val, 10) || 1);
    else if (k === 'retry' || k === 'ret') s.tries = Math.max(1, Number.parseInt(val, 10) || 1);
    else if (k === 'nosearch') s.search = false;
    else if (k === 'search') s.search = true;
    else if (k === 'norecurse') s.recurse = false;
    else if (k === 'recurse') s.recurse = true;
    else out.out(`*** Invalid option: ${a.slice(1)}\n`);
  }
  const [host, serverArg] = rest;
  if (!host) {
    // Interactive mode is not simulated: behave like a closed stdin.
    return out.done(0);
  }
  const fromResolv = serverArg === undefined;
  const servers = serverArg ? [serverArg] : resolver.conf.nameservers.length ? resolver.conf.nameservers : ['127.0.0.1'];
  const modern = version === 'bind-9.18';
  let nextId = 0x6b1d;
  let headerDone = false;
  const header = (server: string) => {
    if (headerDone) return;
    headerDone = true;
    out.out(`Server:\t\t${server}\nAddress:\t${server}#${s.port}\n\n`);
  };

  /** One question, with tries, timeouts and the RA check; undefined when no server answered. */
  const ask = (name: string, type: RRType): { reply: DnsReply; server: string } | undefined => {
    let serverIndex = 0;
    for (let attempt = 0; attempt < s.tries * servers.length; attempt++) {
      const server = servers[serverIndex % servers.length];
      const query: DnsQuery = { id: (nextId = (nextId + 0x2c5) & 0xffff), question: { name, type }, rd: s.recurse };
      const r = resolver.transport.exchange(server, query);
      out.queries.push({
        server,
        question: query.question,
        outcome: r.kind,
        sentAtMs: out.elapsedMs,
        ...(r.kind === 'reply' ? { rcode: r.reply.rcode, answers: r.reply.answer.length } : {}),
      });
      if (r.kind === 'timeout') {
        out.elapsedMs += s.timeout * 1000;
        if (modern) out.out(`;; communications error to ${server}#${s.port}: timed out\n`);
        serverIndex++;
        continue;
      }
      if (r.kind === 'refused') {
        if (modern) out.out(`;; communications error to ${server}#${s.port}: connection refused\n`);
        serverIndex++;
        continue;
      }
      const more = serverIndex + 1 < servers.length;
      if (fromResolv && s.recurse && !r.reply.ra && (modern || more)) {
        out.out(`;; Got recursion not available from ${server}${more ? ', trying next server' : ''}\n`);
        if (more) {
          serverIndex++;
          attempt = serverIndex * s.tries - 1;
          continue;
        }
      }
      return { reply: r.reply, server };
    }
    return undefined;
  };

  const unreachable = () => {
    out.out(modern ? ';; no servers could be reached\n\n' : ';; connection timed out; no servers could be reached\n\n');
    return out.done(1);
  };

  // An address: a reverse lookup, no search list.
  if (!s.type && (isIPv4(host) || isIPv6(host))) {
    const name = isIPv4(host) ? reverseName(host) : reverseName6(host);
    const got = ask(name, 'PTR');
    if (!got) return unreachable();
    if (!modern) header(got.server);
    if (got.reply.rcode !== 'NOERROR') {
      out.out(`** server can't find ${name.slice(0, -1)}: ${got.reply.rcode}\n\n`);
      return out.done(1);
    }
    if (!got.reply.aa) out.out('Non-authoritative answer:\n');
    for (const rr of got.reply.answer) out.out(formatAnswerRecord(rr, 'bind'));
    out.out('\n');
    return out.done(0);
  }

  const type = s.type ?? 'A';
  const candidates = s.search ? searchCandidates(host, resolver.conf, 'glibc') : [host.endsWith('.') ? host : `${host}.`];
  let printedNonAuth = false;
  let answers = 0;
  for (let c = 0; c < candidates.length; c++) {
    const got = ask(candidates[c], type);
    if (!got) return unreachable();
    const { reply, server } = got;
    const last = c === candidates.length - 1;
    if (reply.rcode === 'NXDOMAIN' && !last) continue;
    header(server);
    if (reply.rcode !== 'NOERROR') {
      out.out(`** server can't find ${host}: ${reply.rcode}\n\n`);
      return out.done(1);
    }
    const print = (r: DnsReply) => {
      if (r.answer.length === 0) return;
      if (!r.aa && !printedNonAuth) {
        out.out('Non-authoritative answer:\n');
        printedNonAuth = true;
      }
      for (const rr of r.answer) out.out(formatAnswerRecord(rr, 'bind'));
      answers += r.answer.length;
    };
    print(reply);
    if (!s.type && modern) {
      // Then AAAA, for the end of the CNAME chain the A answer followed.
      const target = addressesIn(reply, 'A').canonical;
      const six = ask(target, 'AAAA');
      if (six && six.reply.rcode === 'NOERROR') print(six.reply);
    }
    if (answers === 0) out.out(`*** Can't find ${host}: No answer\n`);
    out.out('\n');
    return out.done(0);
  }
  return out.done(1);
}
