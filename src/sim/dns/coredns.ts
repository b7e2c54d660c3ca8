// What a kubeadm cluster's CoreDNS answers. Its Corefile:
//
//   .:53 {
//       errors
//       health { lameduck 5s }
//       ready
//       kubernetes cluster.local in-addr.arpa ip6.arpa {
//          pods insecure
//          fallthrough in-addr.arpa ip6.arpa
//          ttl 30
//       }
//       prometheus :9153
//       forward . /etc/resolv.conf { max_concurrent 1000 }
//       cache 30
//       loop
//       reload
//       loadbalance
//   }
//
// The `kubernetes` plugin answers cluster.local from the API objects (services,
// EndpointSlices, namespaces) and is authoritative for it; reverse names it does
// not know fall through to `forward`, like every name outside the zone. Lookups
// by name go through the store's own indexes (get by name, slices by label);
// PTR answers use a watch-maintained IP index, so 10,000 services cost nothing
// per query. The cache is a separate wrapper (cache.ts).

import type { Service } from '../api/types';
import type { Rng } from '../core/rng';
import type { DnsQuery, DnsReply, DnsServer, Question, ResourceRecord, RRType } from './types';
import type { ObjectSource } from './source';
import { absolute, dashedIp, ipFromDashed, ipFromReverseName, isIPv4 } from './names';
import { ReverseIndex, clusterIPs } from './reverse-index';
import { readyEndpoints, type DnsEndpoint } from './endpoints';
import { UpstreamDns } from './upstream';

export interface CoreDnsOptions {
  /** Shuffles multi-record answers (the `loadbalance` plugin). */
  rng: Rng;
  /** The cluster domain (kubelet `clusterDomain`). */
  zone?: string;
  ttl?: number;
  /** Where `forward` sends everything else (the node's resolver). */
  upstream?: DnsServer;
  /** Virtual time in ms, for the SOA serial (CoreDNS uses the time of the last API change). */
  now?: () => number;
}

type Lookup =
  | { kind: 'records'; records: ResourceRecord[]; additional?: ResourceRecord[] }
  | { kind: 'nodata' }
  | { kind: 'nxdomain' };

const NODATA: Lookup = { kind: 'nodata' };
const NXDOMAIN: Lookup = { kind: 'nxdomain' };

/** A CNAME chain through ExternalName services stops here (CoreDNS limits it too). */
const MAX_CNAME_DEPTH = 8;

export class CoreDns implements DnsServer {
  readonly zone: string;
  private readonly zoneDot: string;
  private readonly ttl: number;
  private readonly rng: Rng;
  private readonly upstream: DnsServer;
  private readonly reverse: ReverseIndex;
  private readonly now: () => number;
  private modifiedAt: number;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly source: ObjectSource,
    opts: CoreDnsOptions,
  ) {
    this.zone = (opts.zone ?? 'cluster.local').replace(/\.$/, '').toLowerCase();
    this.zoneDot = `${this.zone}.`;
    this.ttl = opts.ttl ?? 30;
    this.rng = opts.rng;
    this.upstream = opts.upstream ?? new UpstreamDns();
    this.now = opts.now ?? (() => 0);
    this.modifiedAt = this.now();
    this.reverse = new ReverseIndex(source);
    if (source.watch) {
      const touch = () => (this.modifiedAt = this.now());
      for (const kind of ['Service', 'EndpointSlice', 'Namespace']) this.unsubscribe.push(source.watch(kind, touch));
    }
  }

  /** Stop following the store (a CoreDNS that is thrown away). */
  dispose(): void {
    this.reverse.dispose();
    for (const u of this.unsubscribe.splice(0)) u();
  }

  answer(query: DnsQuery): DnsReply {
    return this.resolve(query, 0);
  }

  private resolve(query: DnsQuery, depth: number): DnsReply {
    const q = query.question;
    const lower = absolute(q.name).toLowerCase();
    const inZone = lower === this.zoneDot || lower.endsWith(`.${this.zoneDot}`);
    if (!inZone) {
      if (lower.endsWith('.in-addr.arpa.') && q.type === 'PTR') {
        const ip = ipFromReverseName(lower);
        const names = ip ? this.reverse.lookup(ip, this.zoneDot) : [];
        if (names.length) {
          const records = names.map((n): ResourceRecord => ({ name: absolute(q.name), ttl: this.ttl, type: 'PTR', data: n }));
          return this.reply(query, { kind: 'records', records });
        }
      }
      // `fallthrough in-addr.arpa ip6.arpa`, then `forward . /etc/resolv.conf`.
      return this.upstream.answer(query);
    }
    const result = this.lookupInZone(q, lower, depth);
    return this.reply(query, result);
  }

  private reply(query: DnsQuery, result: Lookup): DnsReply {
    // Object literals, not spreads: this runs for every query.
    const found = result.kind === 'records';
    return {
      id: query.id,
      rcode: result.kind === 'nxdomain' ? 'NXDOMAIN' : 'NOERROR',
      aa: true,
      rd: query.rd,
      ra: false,
      question: query.question,
      answer: found ? this.loadbalance(result.records) : [],
      authority: found ? [] : [this.soa()],
      additional: found ? (result.additional ?? []) : [],
    };
  }

  /** `loadbalance`: shuffle the address records, keep CNAMEs (and everything else) in front. */
  private loadbalance(records: ResourceRecord[]): ResourceRecord[] {
    const addresses = records.filter((r) => r.type === 'A' || r.type === 'AAAA');
    if (addresses.length < 2) return records;
    for (let i = addresses.length - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      [addresses[i], addresses[j]] = [addresses[j], addresses[i]];
    }
    return [...records.filter((r) => r.type !== 'A' && r.type !== 'AAAA'), ...addresses];
  }

  soa(): ResourceRecord {
    return {
      name: this.zoneDot,
      ttl: this.ttl,
      type: 'SOA',
      data: {
        mname: `ns.dns.${this.zoneDot}`,
        rname: `hostmaster.${this.zoneDot}`,
        serial: Math.floor(this.modifiedAt / 1000),
        refresh: 7200,
        retry: 1800,
        expire: 86400,
        minimum: this.ttl,
      },
    };
  }

  private lookupInZone(q: Question, lower: string, depth: number): Lookup {
    if (lower === this.zoneDot) {
      if (q.type === 'SOA') return { kind: 'records', records: [{ ...this.soa(), name: absolute(q.name) }] };
      if (q.type === 'NS') return { kind: 'records', records: [this.rr(q.name, 'NS', `ns.dns.${this.zoneDot}`)] };
      return NODATA;
    }
    const labels = lower.slice(0, -this.zoneDot.length - 1).split('.');
    const kind = labels[labels.length - 1];
    const rest = labels.slice(0, -1);
    if (kind === 'svc') return this.lookupService(q, rest, depth);
    if (kind === 'pod') return this.lookupPod(q, rest);
    if (kind === 'dns' && rest.length <= 1) {
      if (rest.length === 0) return NODATA;
      if (rest[0] !== 'ns') return NXDOMAIN;
      // ns.dns.<zone>: the DNS service's own address.
      const dns = this.source.get('Service', 'kube-system', 'kube-dns') as Service | undefined;
      const ip = dns ? clusterIPs(dns)[0] : undefined;
      if (!ip) return NXDOMAIN;
      return q.type === 'A' ? { kind: 'records', records: [this.rr(q.name, 'A', ip)] } : NODATA;
    }
    return NXDOMAIN;
  }

  private namespaceExists(ns: string): boolean {
    return this.source.get('Namespace', undefined, ns) !== undefined;
  }

  private lookupPod(q: Question, labels: string[]): Lookup {
    if (labels.length === 0) return NODATA;
    if (labels.length === 1) return this.namespaceExists(labels[0]) ? NODATA : NXDOMAIN;
    if (labels.length !== 2) return NXDOMAIN;
    // `pods insecure`: any well-formed dashed address answers, without looking for the pod.
    const ip = ipFromDashed(labels[0]);
    if (!ip) return NXDOMAIN;
    return q.type === 'A' ? { kind: 'records', records: [this.rr(q.name, 'A', ip)] } : NODATA;
  }

  private lookupService(q: Question, labels: string[], depth: number): Lookup {
    if (labels.length === 0) return NODATA;
    if (labels.length === 1) return this.namespaceExists(labels[0]) ? NODATA : NXDOMAIN;
    if (labels.length > 4) return NXDOMAIN;
    const [ns, name] = [labels[labels.length - 1], labels[labels.length - 2]];
    const svc = this.source.get('Service', ns, name) as Service | undefined;
    if (!svc) return NXDOMAIN;
    if (labels.length === 2) return this.serviceRecords(q, svc, depth);
    if (labels.length === 3) return this.endpointRecords(q, svc, labels[0]);
    return this.portRecords(q, svc, labels[0], labels[1]);
  }

  private serviceRecords(q: Question, svc: Service, depth: number): Lookup {
    if (svc.spec.type === 'ExternalName') return this.externalName(q, svc, depth);
    const ips = clusterIPs(svc);
    if (ips.length === 0) {
      // Headless: the ready endpoints themselves, NXDOMAIN while there are none.
      const eps = readyEndpoints(this.source, svc.metadata.namespace!, svc.metadata.name!);
      if (eps.length === 0) return NXDOMAIN;
      if (q.type === 'A') return { kind: 'records', records: eps.map((e) => this.rr(q.name, 'A', e.ip)) };
      if (q.type === 'SRV') return this.srvRecords(q, svc, eps, undefined);
      return NODATA;
    }
    if (q.type === 'A') {
      const v4 = ips.filter(isIPv4);
      return v4.length ? { kind: 'records', records: v4.map((ip) => this.rr(q.name, 'A', ip)) } : NODATA;
    }
    if (q.type === 'AAAA') {
      const v6 = ips.filter((ip) => !isIPv4(ip));
      return v6.length ? { kind: 'records', records: v6.map((ip) => this.rr(q.name, 'AAAA', ip)) } : NODATA;
    }
    if (q.type === 'SRV') return this.srvRecords(q, svc, undefined, undefined);
    return NODATA;
  }

  private externalName(q: Question, svc: Service, depth: number): Lookup {
    const target = absolute(svc.spec.externalName ?? '');
    const cname = this.rr(q.name, 'CNAME', target);
    if (q.type !== 'A' && q.type !== 'AAAA') return q.type === 'CNAME' || q.type === 'ANY' ? { kind: 'records', records: [cname] } : NODATA;
    if (depth >= MAX_CNAME_DEPTH) return { kind: 'records', records: [cname] };
    // The target's records follow the CNAME when they resolve (through the zone or the upstream).
    const follow = this.resolve({ id: 0, rd: true, question: { name: target, type: q.type } }, depth + 1);
    const tail = follow.rcode === 'NOERROR' ? follow.answer : [];
    return { kind: 'records', records: [cname, ...tail] };
  }

  private endpointRecords(q: Question, svc: Service, label: string): Lookup {
    if (svc.spec.type === 'ExternalName') return NXDOMAIN;
    const eps = readyEndpoints(this.source, svc.metadata.namespace!, svc.metadata.name!);
    const matches = eps.filter((e) => (e.hostname || dashedIp(e.ip)) === label);
    if (matches.length === 0) return NXDOMAIN;
    if (q.type === 'A') return { kind: 'records', records: matches.map((e) => this.rr(q.name, 'A', e.ip)) };
    return NODATA;
  }

  /** `_<port>._<proto>.<svc>.<ns>.svc.<zone>`: SRV for a named port. */
  private portRecords(q: Question, svc: Service, portLabel: string, protoLabel: string): Lookup {
    if (!portLabel.startsWith('_') || !protoLabel.startsWith('_')) return NXDOMAIN;
    const portName = portLabel.slice(1);
    const proto = protoLabel.slice(1).toUpperCase();
    const port = (svc.spec.ports ?? []).find((p) => (p.name ?? '').toLowerCase() === portName && (p.protocol ?? 'TCP') === proto);
    if (!port || svc.spec.type === 'ExternalName') return NXDOMAIN;
    const headless = clusterIPs(svc).length === 0;
    const eps = headless ? readyEndpoints(this.source, svc.metadata.namespace!, svc.metadata.name!) : undefined;
    if (headless && eps!.length === 0) return NXDOMAIN;
    if (q.type === 'SRV') return this.srvRecords(q, svc, eps, port.name);
    if (q.type === 'A') {
      const ips = headless ? eps!.map((e) => e.ip) : clusterIPs(svc).filter(isIPv4);
      return { kind: 'records', records: ips.map((ip) => this.rr(q.name, 'A', ip)) };
    }
    return NODATA;
  }

  /**
   * SRV records: one per port for a service with a cluster IP (target: the
   * service name), one per endpoint and port for a headless one (target: the
   * endpoint's name). Priority 0; weight 100 split evenly, as CoreDNS does.
   */
  private srvRecords(q: Question, svc: Service, eps: DnsEndpoint[] | undefined, portName: string | undefined): Lookup {
    const ns = svc.metadata.namespace!;
    const name = svc.metadata.name!;
    const base = `${name}.${ns}.svc.${this.zoneDot}`;
    const ports = (svc.spec.ports ?? []).filter((p) => portName === undefined || p.name === portName);
    const targets: { port: number; target: string; ip: string }[] = [];
    if (!eps) {
      const ip = clusterIPs(svc).find(isIPv4)!;
      for (const p of ports) targets.push({ port: p.port, target: base, ip });
    } else {
      for (const e of eps) {
        for (const p of ports) {
          const epPort = e.ports.find((ep) => ep.name === (p.name ?? ''))?.port ?? p.port;
          targets.push({ port: epPort, target: `${e.hostname || dashedIp(e.ip)}.${base}`, ip: e.ip });
        }
      }
    }
    if (targets.length === 0) return NODATA;
    const weight = Math.floor(100 / targets.length);
    const records = targets.map((t): ResourceRecord => ({
      name: absolute(q.name),
      ttl: this.ttl,
      type: 'SRV',
      data: { priority: 0, weight, port: t.port, target: t.target },
    }));
    const seen = new Set<string>();
    const additional: ResourceRecord[] = [];
    for (const t of targets) {
      if (seen.has(t.target)) continue;
      seen.add(t.target);
      additional.push({ name: t.target, ttl: this.ttl, type: 'A', data: t.ip });
    }
    return { kind: 'records', records, additional };
  }

  private rr(name: string, type: 'A' | 'AAAA' | 'CNAME' | 'NS' | 'PTR', data: string): ResourceRecord {
    return { name: absolute(name), ttl: this.ttl, type, data } as ResourceRecord;
  }
}

/** Convenience for callers that only have a name and a type. */
export function question(name: string, type: RRType): Question {
  return { name: absolute(name), type };
}
