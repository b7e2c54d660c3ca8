// The stub resolver inside a container: getaddrinfo and getnameinfo as the C
// library does them, over an injected DNS transport. It returns, besides the
// answer, every query it sent (each one a packet the diagram may animate) and
// how much virtual time the lookup took (timeouts cost seconds).
//
// Search list and ndots (resolv.conf):
//   glibc, uClibc   a trailing dot: the name only. Fewer dots than ndots: each
//                   search domain, then the name as is. Otherwise the name
//                   first, then the search domains. NXDOMAIN and NODATA move
//                   on, SERVFAIL too; a timeout ends the lookup.
//   musl (Alpine)   ndots or more dots, or a trailing dot: the name only, no
//                   search at all. Otherwise the search domains, then the name.
//                   NXDOMAIN moves on; NODATA, SERVFAIL and timeouts end it.
// Each candidate is asked for A and AAAA together (family "unspec", what
// getaddrinfo does for curl, Python, ping...).
//
// Timing: glibc tries each nameserver in turn, `attempts` rounds, waiting
// `timeout` seconds each, and notices ICMP port unreachable at once (connected
// UDP socket). musl sends to all nameservers at once, resends every
// timeout/attempts seconds and gives up after `timeout` seconds; it does not
// see ICMP errors (unconnected socket), so "refused" looks like silence.

import type { Rng } from '../core/rng';
import type { DnsQuery, DnsReply, DnsTransport, Question, QueryTrace, RRType } from './types';
import { type ResolvConf, resolverOptions } from './resolvconf';
import { type HostsEntry, hostsLookup, hostsReverse } from './hosts';
import { absolute, countDots, isIPv4, isIPv6, relative, reverseName, sameName } from './names';

export type Libc = 'glibc' | 'musl' | 'uclibc';

export type Family = 'inet' | 'inet6' | 'unspec';

/** getaddrinfo's failure kinds (EAI_NONAME, EAI_NODATA, EAI_AGAIN, EAI_FAIL). */
export type ResolveError = 'NONAME' | 'NODATA' | 'AGAIN' | 'FAIL';

export interface StubResolver {
  conf: ResolvConf;
  libc: Libc;
  /** The container's /etc/hosts (files are consulted before DNS). */
  hosts?: readonly HostsEntry[];
  transport: DnsTransport;
  /** Query IDs; without it IDs count up from a fixed start (still deterministic). */
  rng?: Rng;
}

export interface AddressLookup {
  ok: boolean;
  /** IPv4 addresses first, then IPv6, each in answer order. */
  addresses: string[];
  /** The name whose query answered (after the search list), without the final dot. */
  answeredName?: string;
  /** The end of the CNAME chain (the answered name when there was none), without the final dot. */
  canonicalName?: string;
  error?: ResolveError;
  source: 'numeric' | 'hosts' | 'dns';
  queries: QueryTrace[];
  elapsedMs: number;
}

export interface NameLookup {
  /** The host name for the address, without the final dot. */
  name?: string;
  error?: ResolveError;
  queries: QueryTrace[];
  elapsedMs: number;
}

/** The names a libc resolver tries, in order, absolute (with the final dot). */
export function searchCandidates(name: string, conf: ResolvConf, libc: Libc): string[] {
  if (name.endsWith('.')) return [name];
  const { ndots } = resolverOptions(conf);
  const dots = countDots(name);
  const expanded = conf.searches.map((s) => absolute(`${name}.${s}`));
  const bare = absolute(name);
  if (dots >= ndots) return libc === 'musl' ? [bare] : [bare, ...expanded];
  return [...expanded, bare];
}

function familyTypes(family: Family): RRType[] {
  return family === 'inet' ? ['A'] : family === 'inet6' ? ['AAAA'] : ['A', 'AAAA'];
}

class IdSource {
  private counter = 0x2f41;
  constructor(private readonly rng?: Rng) {}
  next(): number {
    if (this.rng) return this.rng.int(65536);
    this.counter = (this.counter + 0x3a7) & 0xffff;
    return this.counter;
  }
}

interface Round {
  replies: (DnsReply | undefined)[];
  failure?: 'timeout' | 'refused';
}

/**
 * Send a set of questions that belong together (A and AAAA of one name) the way
 * the libc does, recording each datagram and advancing the lookup's clock.
 */
export class QuerySender {
  readonly queries: QueryTrace[] = [];
  elapsedMs = 0;
  private readonly ids: IdSource;

  constructor(
    private readonly resolver: StubResolver,
    private readonly servers: string[] = resolver.conf.nameservers,
  ) {
    this.ids = new IdSource(resolver.rng);
  }

  send(questions: Question[]): Round {
    const { timeout, attempts } = resolverOptions(this.resolver.conf);
    const servers = this.servers.length ? this.servers : ['127.0.0.1'];
    const replies: (DnsReply | undefined)[] = questions.map(() => undefined);
    if (this.resolver.libc === 'musl') {
      const interval = (timeout * 1000) / attempts;
      for (let t = 0; t < attempts; t++) {
        for (const server of servers) {
          questions.forEach((q, i) => {
            if (replies[i]) return;
            const r = this.one(server, q, this.elapsedMs);
            if (r.kind === 'reply') replies[i] = r.reply;
          });
        }
        if (replies.every(Boolean)) return { replies };
        this.elapsedMs += interval;
      }
      return { replies, failure: 'timeout' };
    }
    let sawTimeout = false;
    for (let t = 0; t < attempts; t++) {
      for (const server of servers) {
        let refused = false;
        questions.forEach((q, i) => {
          if (replies[i] || refused) return;
          const r = this.one(server, q, this.elapsedMs);
          if (r.kind === 'reply') replies[i] = r.reply;
          else if (r.kind === 'refused') refused = true;
        });
        if (replies.every(Boolean)) return { replies };
        if (!refused) {
          sawTimeout = true;
          this.elapsedMs += timeout * 1000;
        }
      }
    }
    return { replies, failure: sawTimeout ? 'timeout' : 'refused' };
  }

  private one(server: string, question: Question, at: number) {
    const query: DnsQuery = { id: this.ids.next(), question, rd: true };
    const r = this.resolver.transport.exchange(server, query);
    const trace: QueryTrace = { server, question, outcome: r.kind, sentAtMs: at };
    if (r.kind === 'reply') {
      trace.rcode = r.reply.rcode;
      trace.answers = r.reply.answer.length;
    }
    this.queries.push(trace);
    return r;
  }
}

/** Addresses of the requested type in a reply, following the CNAME chain from the question. */
export function addressesIn(reply: DnsReply, type: RRType): { addresses: string[]; canonical: string } {
  let canonical = reply.question.name;
  for (let i = 0; i < 16; i++) {
    const c = reply.answer.find((r) => r.type === 'CNAME' && sameName(r.name, canonical));
    if (!c) break;
    canonical = c.data as string;
  }
  const addresses = reply.answer.filter((r) => r.type === type && sameName(r.name, canonical)).map((r) => r.data as string);
  return { addresses, canonical };
}

/** getaddrinfo(name): numeric, then /etc/hosts, then DNS through the search list. */
export function lookupAddresses(name: string, family: Family, resolver: StubResolver): AddressLookup {
  const base = { queries: [] as QueryTrace[], elapsedMs: 0 };
  if (isIPv4(name) || isIPv6(name)) {
    const v6 = isIPv6(name);
    const ok = family === 'unspec' || (family === 'inet6') === v6;
    return ok
      ? { ...base, ok: true, addresses: [name], source: 'numeric', canonicalName: name, answeredName: name }
      : { ...base, ok: false, addresses: [], source: 'numeric', error: 'NONAME' };
  }
  const fromHosts = hostsLookup(resolver.hosts ?? [], name, family);
  if (fromHosts.length) {
    return { ...base, ok: true, addresses: fromHosts, source: 'hosts', canonicalName: relative(name), answeredName: relative(name) };
  }
  const sender = new QuerySender(resolver);
  const types = familyTypes(family);
  let gotNodata = false;
  let gotServfail = false;
  let timedOut = false;
  const candidates = searchCandidates(name, resolver.conf, resolver.libc);
  const bareIndex = candidates.indexOf(absolute(name));
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i];
    const round = sender.send(types.map((type) => ({ name: candidate, type })));
    const done = { queries: sender.queries, elapsedMs: sender.elapsedMs, source: 'dns' as const, addresses: [] };
    if (round.failure) {
      // glibc ends the search list on a timeout but still tries the name as is, if it has not yet.
      if (resolver.libc !== 'musl' && bareIndex > i) {
        timedOut = true;
        i = bareIndex - 1;
        continue;
      }
      return { ...done, ok: false, error: 'AGAIN' };
    }
    const replies = round.replies as DnsReply[];
    const addresses: string[] = [];
    let canonical = candidate;
    types.forEach((type, i) => {
      if (replies[i].rcode !== 'NOERROR') return;
      const found = addressesIn(replies[i], type);
      if (found.addresses.length && addresses.length === 0) canonical = found.canonical;
      addresses.push(...found.addresses);
    });
    if (addresses.length) {
      return { ...done, ok: true, addresses, answeredName: relative(candidate), canonicalName: relative(canonical) };
    }
    const rcodes = replies.map((r) => r.rcode);
    if (resolver.libc === 'musl') {
      if (rcodes.includes('NXDOMAIN')) continue;
      if (rcodes.some((c) => c !== 'NOERROR')) return { ...done, ok: false, error: rcodes.includes('SERVFAIL') ? 'AGAIN' : 'FAIL' };
      return { ...done, ok: false, error: 'NODATA' };
    }
    if (rcodes.every((c) => c === 'NXDOMAIN')) continue;
    if (rcodes.includes('SERVFAIL')) {
      gotServfail = true;
      continue;
    }
    if (rcodes.some((c) => c !== 'NOERROR' && c !== 'NXDOMAIN')) {
      return { ...done, ok: false, error: 'FAIL' };
    }
    gotNodata = true;
  }
  const error: ResolveError = timedOut || gotServfail ? 'AGAIN' : gotNodata ? 'NODATA' : 'NONAME';
  return { ok: false, addresses: [], error, source: 'dns', queries: sender.queries, elapsedMs: sender.elapsedMs };
}

/** getnameinfo(ip, NI_NAMEREQD): /etc/hosts, then a PTR query (absolute name, no search). */
export function lookupName(ip: string, resolver: StubResolver): NameLookup {
  const fromHosts = hostsReverse(resolver.hosts ?? [], ip);
  if (fromHosts) return { name: fromHosts, queries: [], elapsedMs: 0 };
  if (!isIPv4(ip)) return { error: 'NONAME', queries: [], elapsedMs: 0 };
  const sender = new QuerySender(resolver);
  const round = sender.send([{ name: reverseName(ip), type: 'PTR' }]);
  const done = { queries: sender.queries, elapsedMs: sender.elapsedMs };
  if (round.failure) return { ...done, error: 'AGAIN' };
  const reply = round.replies[0]!;
  const ptr = reply.answer.find((r) => r.type === 'PTR');
  if (reply.rcode === 'NOERROR' && ptr) return { ...done, name: relative(ptr.data as string) };
  return { ...done, error: reply.rcode === 'NXDOMAIN' ? 'NONAME' : reply.rcode === 'NOERROR' ? 'NODATA' : 'AGAIN' };
}

/** getaddrinfo's negative error numbers, as Python's socket.gaierror carries them. */
export const GAI_ERRNO: Record<ResolveError, number> = { NONAME: -2, AGAIN: -3, FAIL: -4, NODATA: -5 };

/** gai_strerror() of each C library. */
export function gaiStrerror(error: ResolveError, libc: Libc): string {
  if (libc === 'musl') {
    return { NONAME: 'Name does not resolve', AGAIN: 'Try again', FAIL: 'Non-recoverable error', NODATA: 'Name has no usable address' }[error];
  }
  return {
    NONAME: 'Name or service not known',
    AGAIN: 'Temporary failure in name resolution',
    FAIL: 'Non-recoverable failure in name resolution',
    NODATA: 'No address associated with hostname',
  }[error];
}
