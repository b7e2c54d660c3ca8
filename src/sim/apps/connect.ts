// An app's outgoing connection by host name, as its C library and socket code
// do it: getaddrinfo (search list, A and AAAA, the image's libc), then TCP to
// the first address. The outcome says where it failed, with the errno-style
// detail the apps turn into their own messages, and the virtual time it took.

import type { AppContext, AppInstance } from './types';
import { lookupAddresses, type ResolveError, type StubResolver } from '../dns/resolver';
import type { QueryTrace } from '../dns/types';

export type ConnectOutcome =
  | { ok: true; ip: string; server: AppInstance | undefined; clientAddress: string; serverAddress: string; queries: QueryTrace[]; elapsedMs: number }
  | { ok: false; stage: 'dns'; error: ResolveError; queries: QueryTrace[]; elapsedMs: number }
  | { ok: false; stage: 'tcp'; error: 'refused' | 'timeout' | 'unreachable'; ip: string; queries: QueryTrace[]; elapsedMs: number };

export function appResolver(ctx: AppContext): StubResolver {
  const libc = ctx.resolv.libc;
  return { conf: ctx.resolv.conf, hosts: ctx.resolv.hosts, libc, transport: ctx.net.dns, rng: ctx.rng };
}

/**
 * Resolve `host` and connect to `port`. A silent peer costs `connectTimeoutMs`
 * (the client's own timeout; the kernel's SYN retries take over two minutes).
 */
export function connectByName(ctx: AppContext, host: string, port: number, connectTimeoutMs: number): ConnectOutcome {
  const found = lookupAddresses(host, 'unspec', appResolver(ctx));
  if (!found.ok) return { ok: false, stage: 'dns', error: found.error ?? 'NONAME', queries: found.queries, elapsedMs: found.elapsedMs };
  const ip = found.addresses.find((a) => !a.includes(':')) ?? found.addresses[0];
  const r = ctx.net.tcp.connect(ip, port);
  if (!r.ok) {
    const extra = r.error === 'timeout' ? connectTimeoutMs : 0;
    return { ok: false, stage: 'tcp', error: r.error, ip, queries: found.queries, elapsedMs: found.elapsedMs + extra };
  }
  return {
    ok: true,
    ip,
    server: r.server,
    clientAddress: r.clientAddress,
    serverAddress: r.serverAddress,
    queries: found.queries,
    elapsedMs: found.elapsedMs + (r.rttMs ?? 0),
  };
}
