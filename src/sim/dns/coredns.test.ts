import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { CoreDns } from './coredns';
import type { DnsReply, RRType } from './types';
import type { ObjectSource } from './source';
import { endpoint, labStore, service, slice } from '../../../test/fixtures/dns/cluster';

function ask(dns: CoreDns, name: string, type: RRType = 'A'): DnsReply {
  return dns.answer({ id: 7, rd: true, question: { name, type } });
}

function data(r: DnsReply): string[] {
  return r.answer.map((rr) => `${rr.type} ${typeof rr.data === 'string' ? rr.data : JSON.stringify(rr.data)}`);
}

describe('CoreDNS kubernetes plugin', () => {
  const store = labStore();
  const dns = new CoreDns(store, { rng: new Rng(1) });

  it('answers a ClusterIP service with its cluster IP, authoritative, TTL 30, even without endpoints', () => {
    const r = ask(dns, 'redis.instavote.svc.cluster.local.');
    expect(r.rcode).toBe('NOERROR');
    expect(r.aa).toBe(true);
    expect(r.ra).toBe(false);
    expect(r.id).toBe(7);
    expect(r.answer).toEqual([{ name: 'redis.instavote.svc.cluster.local.', ttl: 30, type: 'A', data: '10.104.128.34' }]);
  });

  it('gives NODATA with the zone SOA for AAAA on an IPv4 cluster', () => {
    const r = ask(dns, 'redis.instavote.svc.cluster.local.', 'AAAA');
    expect(r.rcode).toBe('NOERROR');
    expect(r.answer).toEqual([]);
    expect(r.authority[0].type).toBe('SOA');
    expect(r.authority[0].name).toBe('cluster.local.');
  });

  it('answers a headless service with its ready endpoints only, shuffled per query', () => {
    const orders = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const r = ask(dns, 'db.instavote.svc.cluster.local.');
      expect(data(r).sort()).toEqual(['A 10.244.1.12', 'A 10.244.2.14']);
      orders.add(data(r).join(','));
    }
    expect(orders.size).toBe(2);
  });

  it('returns NXDOMAIN for a headless service without ready endpoints', () => {
    const s = labStore();
    s.create(service('instavote', 'empty', { clusterIP: 'None', ports: [{ port: 80 }] }));
    s.create(slice('instavote', 'empty', [endpoint('10.244.1.99', { ready: false })], [{ port: 80 }]));
    const d = new CoreDns(s, { rng: new Rng(1) });
    expect(ask(d, 'empty.instavote.svc.cluster.local.').rcode).toBe('NXDOMAIN');
  });

  it('answers endpoint names: the hostname, or the dashed IP', () => {
    const s = labStore();
    s.create(service('default', 'nginx', { clusterIP: 'None', ports: [{ name: 'web', port: 80 }] }));
    s.create(slice('default', 'nginx', [endpoint('10.244.1.20', { hostname: 'web-0' }), endpoint('10.244.2.21', { hostname: 'web-1' })], [{ name: 'web', port: 80 }]));
    const d = new CoreDns(s, { rng: new Rng(1) });
    expect(data(ask(d, 'web-0.nginx.default.svc.cluster.local.'))).toEqual(['A 10.244.1.20']);
    expect(data(ask(d, '10-244-1-12.db.instavote.svc.cluster.local.'))).toEqual(['A 10.244.1.12']);
    expect(ask(d, 'web-9.nginx.default.svc.cluster.local.').rcode).toBe('NXDOMAIN');
    expect(ask(d, '10-244-2-20.db.instavote.svc.cluster.local.').rcode).toBe('NXDOMAIN');
  });

  it('answers ExternalName with a CNAME followed by the target records when it resolves', () => {
    const r = ask(dns, 'extdb.instavote.svc.cluster.local.');
    expect(data(r)).toEqual(['CNAME db.example.com.', 'A 203.0.113.10']);
    expect(r.answer[1].name).toBe('db.example.com.');
    expect(r.aa).toBe(true);
    expect(data(ask(dns, 'extdb.instavote.svc.cluster.local.', 'AAAA'))).toEqual(['CNAME db.example.com.']);
    const s = labStore();
    s.create(service('instavote', 'nowhere', { type: 'ExternalName', externalName: 'nothing.invalid' }));
    s.create(service('instavote', 'alias', { type: 'ExternalName', externalName: 'redis.instavote.svc.cluster.local' }));
    const d = new CoreDns(s, { rng: new Rng(1) });
    expect(data(ask(d, 'nowhere.instavote.svc.cluster.local.'))).toEqual(['CNAME nothing.invalid.']);
    expect(data(ask(d, 'alias.instavote.svc.cluster.local.'))).toEqual(['CNAME redis.instavote.svc.cluster.local.', 'A 10.104.128.34']);
  });

  it('answers SRV for named ports: the service for a ClusterIP, each endpoint for a headless service', () => {
    const r = ask(dns, '_dns._udp.kube-dns.kube-system.svc.cluster.local.', 'SRV');
    expect(data(r)).toEqual([`SRV ${JSON.stringify({ priority: 0, weight: 100, port: 53, target: 'kube-dns.kube-system.svc.cluster.local.' })}`]);
    expect(r.additional).toEqual([{ name: 'kube-dns.kube-system.svc.cluster.local.', ttl: 30, type: 'A', data: '10.96.0.10' }]);
    const h = ask(dns, '_postgres._tcp.db.instavote.svc.cluster.local.', 'SRV');
    expect(h.answer.map((rr) => (rr.type === 'SRV' ? `${rr.data.weight} ${rr.data.port} ${rr.data.target}` : '')).sort()).toEqual([
      '50 5432 10-244-1-12.db.instavote.svc.cluster.local.',
      '50 5432 10-244-2-14.db.instavote.svc.cluster.local.',
    ]);
    expect(ask(dns, '_http._tcp.redis.instavote.svc.cluster.local.', 'SRV').rcode).toBe('NXDOMAIN');
  });

  it('answers PTR for cluster IPs and endpoint IPs; other reverse names fall through to the upstream', () => {
    expect(data(ask(dns, '34.128.104.10.in-addr.arpa.', 'PTR'))).toEqual(['PTR redis.instavote.svc.cluster.local.']);
    expect(data(ask(dns, '10.0.96.10.in-addr.arpa.', 'PTR'))).toEqual(['PTR kube-dns.kube-system.svc.cluster.local.']);
    expect(data(ask(dns, '12.1.244.10.in-addr.arpa.', 'PTR'))).toEqual(['PTR 10-244-1-12.db.instavote.svc.cluster.local.']);
    expect(data(ask(dns, '5.1.244.10.in-addr.arpa.', 'PTR'))).toEqual(['PTR 10-244-1-5.vote.instavote.svc.cluster.local.']);
    const miss = ask(dns, '20.2.244.10.in-addr.arpa.', 'PTR');
    expect(miss.rcode).toBe('NXDOMAIN');
    expect(miss.aa).toBe(false);
  });

  it('answers pods insecure: any dashed address in a pod name', () => {
    expect(data(ask(dns, '10-244-1-5.default.pod.cluster.local.'))).toEqual(['A 10.244.1.5']);
    expect(data(ask(dns, '10-244-9-9.instavote.pod.cluster.local.'))).toEqual(['A 10.244.9.9']);
    expect(ask(dns, '10-244-1.default.pod.cluster.local.').rcode).toBe('NXDOMAIN');
  });

  it('gives NODATA for an existing namespace and NXDOMAIN for everything unknown in the zone', () => {
    const ns = ask(dns, 'instavote.svc.cluster.local.');
    expect([ns.rcode, ns.answer.length]).toEqual(['NOERROR', 0]);
    expect(ask(dns, 'nosuch.svc.cluster.local.').rcode).toBe('NXDOMAIN');
    expect(ask(dns, 'nosuch.instavote.svc.cluster.local.').rcode).toBe('NXDOMAIN');
    expect(ask(dns, 'redis.cluster.local.').rcode).toBe('NXDOMAIN');
    expect(ask(dns, 'redis.svc.cluster.local.').rcode).toBe('NXDOMAIN');
    expect(ask(dns, 'redis.nosuch.svc.cluster.local.').rcode).toBe('NXDOMAIN');
  });

  it('forwards names outside the zone to the upstream (not authoritative, recursion available)', () => {
    const r = ask(dns, 'example.com.');
    expect([r.rcode, r.aa, r.ra]).toEqual(['NOERROR', false, true]);
    expect(data(r)).toEqual(['A 93.184.216.34']);
    expect(ask(dns, 'redis.').rcode).toBe('NXDOMAIN');
  });

  it('matches names case-insensitively and answers in the case asked', () => {
    const r = ask(dns, 'REDIS.Instavote.svc.cluster.local.');
    expect(r.answer[0].name).toBe('REDIS.Instavote.svc.cluster.local.');
    expect(r.answer[0].data).toBe('10.104.128.34');
  });

  it('follows changes: a new service resolves at once, a deleted one is gone, PTRs follow', () => {
    const s = labStore();
    const d = new CoreDns(s, { rng: new Rng(1) });
    expect(ask(d, 'web.instavote.svc.cluster.local.').rcode).toBe('NXDOMAIN');
    s.create(service('instavote', 'web', { clusterIP: '10.96.44.44', ports: [{ port: 80 }] }));
    expect(data(ask(d, 'web.instavote.svc.cluster.local.'))).toEqual(['A 10.96.44.44']);
    expect(data(ask(d, '44.44.96.10.in-addr.arpa.', 'PTR'))).toEqual(['PTR web.instavote.svc.cluster.local.']);
    s.delete('Service', 'instavote', 'web');
    expect(ask(d, 'web.instavote.svc.cluster.local.').rcode).toBe('NXDOMAIN');
    expect(ask(d, '44.44.96.10.in-addr.arpa.', 'PTR').rcode).toBe('NXDOMAIN');
  });

  it('answers PTR queries from its index, never by listing objects', () => {
    const s = labStore();
    let lists = 0;
    const counting: ObjectSource = {
      get: (k, ns, n) => s.get(k, ns, n),
      list: (k, o) => {
        lists++;
        return s.list(k, o);
      },
      listMatching: (k, ns, sel) => s.listMatching(k, ns, sel),
      watch: (k, h) => s.watch(k, h),
    };
    const d = new CoreDns(counting, { rng: new Rng(1) });
    const before = lists;
    for (let i = 0; i < 100; i++) ask(d, '34.128.104.10.in-addr.arpa.', 'PTR');
    for (let i = 0; i < 100; i++) ask(d, 'redis.instavote.svc.cluster.local.');
    expect(lists).toBe(before);
  });
});
