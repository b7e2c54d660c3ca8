import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { CoreDns } from './coredns';
import { DnsCache } from './cache';
import { labStore, service } from '../../../test/fixtures/dns/cluster';

describe('CoreDNS cache 30', () => {
  it('keeps a negative answer until its TTL runs out, then sees the new service', () => {
    const store = labStore();
    let now = 0;
    const dns = new DnsCache(new CoreDns(store, { rng: new Rng(1) }), () => now);
    const ask = (id: number) => dns.answer({ id, rd: true, question: { name: 'web.instavote.svc.cluster.local.', type: 'A' } });
    expect(ask(1).rcode).toBe('NXDOMAIN');
    store.create(service('instavote', 'web', { clusterIP: '10.96.44.44', ports: [{ port: 80 }] }));
    now = 12_000;
    const stale = ask(2);
    expect([stale.rcode, stale.id, stale.authority[0].ttl]).toEqual(['NXDOMAIN', 2, 18]);
    now = 30_000;
    const fresh = ask(3);
    expect(fresh.rcode).toBe('NOERROR');
    expect(fresh.answer[0]).toMatchObject({ data: '10.96.44.44', ttl: 30 });
    now = 31_500;
    expect(ask(4).answer[0].ttl).toBe(29);
  });
});
