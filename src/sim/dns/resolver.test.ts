import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { CoreDns } from './coredns';
import { gaiStrerror, lookupAddresses, lookupName, searchCandidates, type Libc, type StubResolver } from './resolver';
import type { ResolvConf } from './resolvconf';
import { labStore } from '../../../test/fixtures/dns/cluster';
import { simTransport } from '../../../test/fixtures/dns/sim-transport';

const conf = (ns: string): ResolvConf => ({
  nameservers: ['10.96.0.10'],
  searches: [`${ns}.svc.cluster.local`, 'svc.cluster.local', 'cluster.local'],
  options: ['ndots:5'],
});

function resolver(ns = 'instavote', libc: Libc = 'glibc', opts: { silent?: boolean; refused?: boolean } = {}): StubResolver {
  const dns = new CoreDns(labStore(), { rng: new Rng(3) });
  const transport = simTransport({
    servers: { '10.96.0.10': dns },
    drop: opts.silent ? () => true : undefined,
    refused: opts.refused ? ['10.96.0.10'] : [],
  });
  return { conf: conf(ns), libc, transport };
}

const names = (r: { queries: { question: { name: string; type: string } }[] }) => r.queries.map((q) => `${q.question.type} ${q.question.name}`);

describe('search list and ndots (dns-and-env.md section 2)', () => {
  it('lists candidates in libc order', () => {
    const c = conf('instavote');
    expect(searchCandidates('redis', c, 'glibc')).toEqual(['redis.instavote.svc.cluster.local.', 'redis.svc.cluster.local.', 'redis.cluster.local.', 'redis.']);
    expect(searchCandidates('redis.instavote.svc.cluster.local.', c, 'glibc')).toEqual(['redis.instavote.svc.cluster.local.']);
    expect(searchCandidates('a.b.c.d.e.f', c, 'glibc')[0]).toBe('a.b.c.d.e.f.');
    expect(searchCandidates('a.b.c.d.e.f', c, 'musl')).toEqual(['a.b.c.d.e.f.']);
  });

  const table: [string, string, string[], string | undefined][] = [
    ['instavote', 'redis', ['redis.instavote.svc.cluster.local.'], '10.104.128.34'],
    ['instavote', 'redis.instavote', ['redis.instavote.instavote.svc.cluster.local.', 'redis.instavote.svc.cluster.local.'], '10.104.128.34'],
    ['instavote', 'kubernetes.default', ['kubernetes.default.instavote.svc.cluster.local.', 'kubernetes.default.svc.cluster.local.'], '10.96.0.1'],
    [
      'instavote',
      'redis.instavote.svc.cluster.local',
      [
        'redis.instavote.svc.cluster.local.instavote.svc.cluster.local.',
        'redis.instavote.svc.cluster.local.svc.cluster.local.',
        'redis.instavote.svc.cluster.local.cluster.local.',
        'redis.instavote.svc.cluster.local.',
      ],
      '10.104.128.34',
    ],
    ['instavote', 'redis.instavote.svc.cluster.local.', ['redis.instavote.svc.cluster.local.'], '10.104.128.34'],
    ['default', 'redis', ['redis.default.svc.cluster.local.', 'redis.svc.cluster.local.', 'redis.cluster.local.', 'redis.'], undefined],
    ['instavote', 'example.com', ['example.com.instavote.svc.cluster.local.', 'example.com.svc.cluster.local.', 'example.com.cluster.local.', 'example.com.'], '93.184.216.34'],
  ];
  for (const [ns, name, tried, result] of table) {
    it(`${name} from a pod in ${ns}`, () => {
      const r = lookupAddresses(name, 'unspec', resolver(ns));
      // A and AAAA for each candidate, in the table's order.
      expect(names(r)).toEqual(tried.flatMap((t) => [`A ${t}`, `AAAA ${t}`]));
      if (result) {
        expect(r.ok).toBe(true);
        expect(r.addresses[0]).toBe(result);
      } else {
        expect(r).toMatchObject({ ok: false, error: 'NONAME' });
      }
    });
  }

  it('musl sends a name with ndots or more dots only as is', () => {
    const r = lookupAddresses('a.b.c.d.e.example.com', 'unspec', resolver('instavote', 'musl'));
    expect(names(r)).toEqual(['A a.b.c.d.e.example.com.', 'AAAA a.b.c.d.e.example.com.']);
  });

  it('musl stops at NODATA, glibc moves on', () => {
    const musl = lookupAddresses('instavote', 'unspec', resolver('default', 'musl'));
    expect(names(musl)).toEqual([
      'A instavote.default.svc.cluster.local.',
      'AAAA instavote.default.svc.cluster.local.',
      'A instavote.svc.cluster.local.',
      'AAAA instavote.svc.cluster.local.',
    ]);
    expect(musl.error).toBe('NODATA');
    const glibc = lookupAddresses('instavote', 'unspec', resolver('default', 'glibc'));
    expect(glibc.queries).toHaveLength(8);
    expect(glibc.error).toBe('NODATA');
  });

  it('follows an ExternalName CNAME to the target address', () => {
    const r = lookupAddresses('extdb', 'unspec', resolver());
    expect(r).toMatchObject({ ok: true, addresses: ['203.0.113.10'], answeredName: 'extdb.instavote.svc.cluster.local', canonicalName: 'db.example.com' });
  });

  it('reads /etc/hosts first: no query for the pod own name', () => {
    const r = lookupAddresses('vote-abc12', 'unspec', { ...resolver(), hosts: [{ ip: '10.244.1.5', names: ['vote-abc12'] }] });
    expect(r).toMatchObject({ ok: true, addresses: ['10.244.1.5'], source: 'hosts' });
    expect(r.queries).toEqual([]);
  });

  it('times out like glibc: two tries of 5 s, the search stops but the bare name is still tried', () => {
    const r = lookupAddresses('redis', 'unspec', resolver('instavote', 'glibc', { silent: true }));
    expect(names(r)).toEqual([
      'A redis.instavote.svc.cluster.local.',
      'AAAA redis.instavote.svc.cluster.local.',
      'A redis.instavote.svc.cluster.local.',
      'AAAA redis.instavote.svc.cluster.local.',
      'A redis.',
      'AAAA redis.',
      'A redis.',
      'AAAA redis.',
    ]);
    expect(r).toMatchObject({ ok: false, error: 'AGAIN', elapsedMs: 20_000 });
    expect(r.queries.map((q) => q.sentAtMs)).toEqual([0, 0, 5000, 5000, 10000, 10000, 15000, 15000]);
  });

  it('times out like musl: two rounds within 5 s, then gives up', () => {
    const r = lookupAddresses('redis', 'unspec', resolver('instavote', 'musl', { silent: true }));
    expect(r.queries).toHaveLength(4);
    expect(r).toMatchObject({ ok: false, error: 'AGAIN', elapsedMs: 5000 });
  });

  it('glibc notices ICMP port unreachable at once', () => {
    const r = lookupAddresses('redis', 'unspec', resolver('instavote', 'glibc', { refused: true }));
    expect(r).toMatchObject({ ok: false, error: 'AGAIN', elapsedMs: 0 });
  });

  it('looks up names for addresses with PTR queries', () => {
    expect(lookupName('10.96.0.10', resolver())).toMatchObject({ name: 'kube-dns.kube-system.svc.cluster.local' });
    const miss = lookupName('10.244.9.9', resolver());
    expect([miss.name, miss.error, miss.queries.length]).toEqual([undefined, 'NONAME', 1]);
    expect(lookupName('10.244.1.5', { ...resolver(), hosts: [{ ip: '10.244.1.5', names: ['vote-abc12'] }] })).toMatchObject({ name: 'vote-abc12', queries: [] });
  });

  it('words errors like each C library', () => {
    expect(gaiStrerror('NONAME', 'musl')).toBe('Name does not resolve');
    expect(gaiStrerror('NONAME', 'glibc')).toBe('Name or service not known');
    expect(gaiStrerror('AGAIN', 'glibc')).toBe('Temporary failure in name resolution');
  });
});
