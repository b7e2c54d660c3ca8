// busybox 1.34 and later `nslookup` (busybox:latest is 1.36; Alpine 3.17+),
// which has its own resolver:
//  * without -type it asks A and AAAA (PTR when the argument is an address);
//  * the search list applies only to names without any dot, and the bare name
//    is then never asked; names with a dot are sent literally;
//  * all queries go out at once (A for each search name, then AAAA for each),
//    resent after timeout/retry seconds, given up after `timeout` seconds;
//  * the server block is printed with the first reply, then every reply in
//    arrival order (here: query order), each followed by a blank line, an
//    empty (NODATA) reply being only that blank line;
//  * exit status 1 when any reply carried an error code, or nothing answered.
// Checked byte for byte against Debian's busybox 1.35 talking to the simulated
// CoreDNS (test/dns/nslookup-oracle.test.ts).

import type { DnsQuery, DnsReply, Question, RRType } from './types';
import type { StubResolver } from './resolver';
import { resolverOptions } from './resolvconf';
import { absolute, isIPv4, isIPv6, relative, reverseName, reverseName6 } from './names';
import { OutputBuilder, type ToolResult } from './tool-output';
import { formatAnswerRecord } from './record-format';

export const BUSYBOX_136_BANNER = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.';

const USAGE =
  '\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\n' +
  'Query DNS about HOST\n\n' +
  'QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n';

/** The order busybox keeps its type table in (queries for several -type options follow it). */
const TYPE_ORDER: RRType[] = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'PTR', 'SRV', 'ANY'];

const RCODE_TEXT: Record<string, string> = {
  NOERROR: 'NOERROR',
  FORMERR: 'FORMERR',
  SERVFAIL: 'SERVFAIL',
  NXDOMAIN: 'NXDOMAIN',
  NOTIMP: 'NOTIMP',
  REFUSED: 'REFUSED',
};

export interface BusyboxNslookupOptions {
  /** The first line of the usage text (the build banner). */
  banner?: string;
}

export function busyboxNslookup(args: string[], resolver: StubResolver, opts: BusyboxNslookupOptions = {}): ToolResult {
  const out = new OutputBuilder();
  const usage = () => {
    out.err(`${opts.banner ?? BUSYBOX_136_BANNER}\n${USAGE}`);
    return out.done(1);
  };
  const types = new Set<RRType>();
  let port = 53;
  let timeout = resolverOptions(resolver.conf).timeout;
  let retry = 2;
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    const arg = args[i].slice(1);
    const eq = arg.indexOf('=');
    const key = eq >= 0 ? arg.slice(0, eq) : arg;
    const val = eq >= 0 ? arg.slice(eq + 1) : '';
    if (key === 'type' || key === 'querytype') {
      const t = TYPE_ORDER.find((x) => x.toLowerCase() === val.toLowerCase());
      if (!t) {
        out.err(`nslookup: invalid query type "${val}"\n`);
        return out.done(1);
      }
      types.add(t);
    } else if (key === 'port') port = Number.parseInt(val, 10) || 53;
    else if (key === 'retry') retry = Math.max(1, Number.parseInt(val, 10) || 1);
    else if (key === 'timeout' || key === 't') timeout = Math.max(1, Number.parseInt(val, 10) || 1);
    else if (key !== 'debug') return usage();
  }
  const host = args[i];
  const serverArg = args[i + 1];
  if (!host || args.length > i + 2) return usage();

  const questions = buildQuestions(host, [...types], resolver.conf.searches);
  const servers = serverArg ? [serverArg] : resolver.conf.nameservers.length ? resolver.conf.nameservers : ['127.0.0.1'];
  let nextId = 0x4a3d;
  let anyError = false;
  for (const server of servers) {
    const replies: (DnsReply | undefined)[] = questions.map(() => undefined);
    let refused = false;
    const interval = (timeout * 1000) / retry;
    const startedAt = out.elapsedMs;
    for (let round = 0; round < retry && !refused; round++) {
      const sentAt = startedAt + round * interval;
      for (let q = 0; q < questions.length; q++) {
        if (replies[q]) continue;
        const query: DnsQuery = { id: (nextId = (nextId + 0x1f3) & 0xffff), question: questions[q], rd: true };
        const r = resolver.transport.exchange(server, query);
        out.queries.push({
          server,
          question: questions[q],
          outcome: r.kind,
          sentAtMs: sentAt,
          ...(r.kind === 'reply' ? { rcode: r.reply.rcode, answers: r.reply.answer.length } : {}),
        });
        if (r.kind === 'refused') {
          // The ICMP error surfaces on the connected socket's next write.
          out.err(`nslookup: write to '${server}': Connection refused\n`);
          refused = true;
          break;
        }
        if (r.kind === 'reply') replies[q] = r.reply;
      }
      if (replies.every(Boolean)) break;
    }
    const answered = replies.filter(Boolean).length;
    out.elapsedMs = answered === questions.length || refused ? startedAt : startedAt + timeout * 1000;
    if (answered === 0) continue;
    out.out(`Server:\t\t${server}\nAddress:\t${server}:${port}\n\n`);
    replies.forEach((reply, q) => {
      if (!reply) return;
      if (reply.rcode !== 'NOERROR') {
        anyError = true;
        out.out(`** server can't find ${relative(questions[q].name)}: ${RCODE_TEXT[reply.rcode]}\n\n`);
        return;
      }
      if (!reply.aa) out.out('Non-authoritative answer:\n');
      for (const rr of reply.answer) out.out(formatAnswerRecord(rr, 'busybox'));
      out.out('\n');
    });
    const missing = questions.filter((_, q) => !replies[q]);
    for (const m of missing) out.out(`*** Can't find ${relative(m.name)}: No answer\n`);
    if (missing.length) out.out('\n');
    return out.done(anyError || missing.length ? 1 : 0);
  }
  out.out(';; connection timed out; no servers could be reached\n\n');
  return out.done(1);
}

/** The questions busybox sends for one HOST argument. */
export function buildQuestions(host: string, types: RRType[], searches: string[]): Question[] {
  if (types.length === 0) {
    if (isIPv4(host)) return [{ name: reverseName(host), type: 'PTR' }];
    if (isIPv6(host)) return [{ name: reverseName6(host), type: 'PTR' }];
    types = ['A', 'AAAA'];
  }
  const names = !host.includes('.') && searches.length ? searches.map((s) => absolute(`${host}.${s}`)) : [absolute(host)];
  const ordered = TYPE_ORDER.filter((t) => types.includes(t));
  const out: Question[] = [];
  for (const type of ordered) for (const name of names) out.push({ name, type });
  return out;
}
