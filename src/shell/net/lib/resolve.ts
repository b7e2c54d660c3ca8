// Name resolution as a program at each location does it (getaddrinfo):
//  * in a pod: the container's /etc/hosts and /etc/resolv.conf (as the kubelet
//    wrote them, or as the learner edited them), the image's C library, and
//    DNS packets through the packet engine to CoreDNS;
//  * on a kind node: the node's files, glibc, and DNS to the docker network's
//    gateway, which kind points at Docker's embedded DNS: it knows the node
//    containers by name, and nothing inside the cluster (`redis` fails there);
//  * on the learner's host: /etc/hosts only (localhost and its own name); the
//    sandbox has no internet, so every other name fails.

import type { ExecContext } from '../../types';
import type { DnsExchangeResult, DnsQuery, DnsReply, DnsTransport, ResourceRecord } from '../../../sim/dns/types';
import { lookupAddresses, type AddressLookup, type Family, type Libc, type StubResolver } from '../../../sim/dns/resolver';
import { parseResolvConf, type ResolvConf } from '../../../sim/dns/resolvconf';
import { hostsLookup, type HostsEntry } from '../../../sim/dns/hosts';
import { isIPv4, isIPv6, relative, sameName } from '../../../sim/dns/names';
import { nodeIPv6 } from '../../../sim/runtime/network';
import { HOST_NAME } from '../../locations';
import { clusterNodes, nodeIP, originOf, podPlace } from './where';

/** /etc/hosts text -> entries (comments and blank lines skipped). */
export function parseHostsFile(text: string): HostsEntry[] {
  const out: HostsEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const [ip, ...names] = line.split(/\s+/);
    if (names.length) out.push({ ip, names });
  }
  return out;
}

/** The learner's host: a Debian machine called `playground`. */
export const HOST_HOSTS: HostsEntry[] = [
  { ip: '127.0.0.1', names: ['localhost'] },
  { ip: '127.0.1.1', names: [HOST_NAME] },
  { ip: '::1', names: ['localhost', 'ip6-localhost', 'ip6-loopback'] },
];

function fileText(ctx: ExecContext, path: string): string | undefined {
  try {
    return ctx.fs.read(path);
  } catch {
    return undefined;
  }
}

/**
 * Docker's embedded DNS as a kind node reaches it (the gateway, DNAT-ed by kind
 * to 127.0.0.11): A and AAAA records of the containers on the kind network;
 * anything else goes upstream, and the sandbox has no upstream.
 */
function dockerDnsAnswer(ctx: ExecContext, query: DnsQuery): DnsReply {
  const q = query.question;
  const answer: ResourceRecord[] = [];
  let known = false;
  for (const n of clusterNodes(ctx)) {
    const name = n.metadata.name!;
    if (!sameName(q.name, name)) continue;
    known = true;
    const ip = nodeIP(n);
    if (q.type === 'A') answer.push({ name: q.name, ttl: 600, type: 'A', data: ip });
    if (q.type === 'AAAA') answer.push({ name: q.name, ttl: 600, type: 'AAAA', data: nodeIPv6(ip) });
  }
  return { id: query.id, rcode: known ? 'NOERROR' : 'NXDOMAIN', aa: false, rd: true, ra: true, question: q, answer, authority: [], additional: [] };
}

/** The node's DNS: packets through the engine; the gateway's answers come from Docker's DNS. */
function nodeDnsTransport(ctx: ExecContext, base: DnsTransport): DnsTransport {
  const gateway = ctx.sim.cluster.gateway;
  return {
    exchange(server: string, query: DnsQuery): DnsExchangeResult {
      const r = base.exchange(server, query);
      if (r.kind === 'reply' || server !== gateway) return r;
      return { kind: 'reply', reply: dockerDnsAnswer(ctx, query), rttMs: 0.2 };
    },
  };
}

/** The stub resolver of a pod's container or of a node; undefined on the host. */
export function stubResolver(ctx: ExecContext): StubResolver | undefined {
  const origin = originOf(ctx);
  if (!origin) return undefined;
  const runtime = ctx.sim.runtime;
  const conf: ResolvConf = parseResolvConf(fileText(ctx, '/etc/resolv.conf') ?? '');
  const hosts = parseHostsFile(fileText(ctx, '/etc/hosts') ?? '');
  let libc: Libc = 'glibc';
  let transport = runtime.transports.dnsFrom(origin);
  const pod = podPlace(ctx);
  if (pod) {
    libc = pod.image.libc === 'none' ? 'glibc' : pod.image.libc;
    if (pod.hostNetwork) transport = nodeDnsTransport(ctx, transport);
  } else {
    transport = nodeDnsTransport(ctx, transport);
  }
  const where = ctx.location.kind === 'pod' ? `${ctx.location.namespace}/${ctx.location.pod}` : ctx.location.kind === 'node' ? ctx.location.node : 'host';
  return { conf, hosts, libc, transport, rng: ctx.sim.rng(`resolver/${where}`) };
}

/** getaddrinfo(name) where the command runs. */
export function resolveName(ctx: ExecContext, name: string, family: Family = 'unspec'): AddressLookup {
  const r = stubResolver(ctx);
  if (r) return lookupAddresses(name, family, r);
  const none = { queries: [], elapsedMs: 0 };
  if (isIPv4(name) || isIPv6(name)) {
    const ok = family === 'unspec' || (family === 'inet6') === isIPv6(name);
    return ok ? { ...none, ok: true, addresses: [name], source: 'numeric', answeredName: name, canonicalName: name } : { ...none, ok: false, addresses: [], source: 'numeric', error: 'NONAME' };
  }
  const fromHosts = hostsLookup(HOST_HOSTS, name, family);
  if (fromHosts.length) return { ...none, ok: true, addresses: fromHosts, source: 'hosts', answeredName: relative(name), canonicalName: relative(name) };
  return { ...none, ok: false, addresses: [], source: 'dns', error: 'NONAME' };
}
