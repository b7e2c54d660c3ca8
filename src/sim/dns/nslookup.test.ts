// The samples of dns-and-env.md, byte for byte (tabs included).

import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { CoreDns } from './coredns';
import { runNslookup } from './nslookup';
import type { StubResolver } from './resolver';
import type { ResolvConf } from './resolvconf';
import type { HostsEntry } from './hosts';
import { labStore, newStore, service } from '../../../test/fixtures/dns/cluster';
import { simTransport } from '../../../test/fixtures/dns/sim-transport';

const CONF: ResolvConf = {
  nameservers: ['10.96.0.10'],
  searches: ['instavote.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
  options: ['ndots:5'],
};

function podResolver(opts: { store?: ReturnType<typeof labStore>; hosts?: HostsEntry[]; silent?: boolean; libc?: 'glibc' | 'musl' | 'uclibc' } = {}): StubResolver {
  const dns = new CoreDns(opts.store ?? labStore(), { rng: new Rng(5) });
  return {
    conf: CONF,
    libc: opts.libc ?? 'uclibc',
    hosts: opts.hosts,
    transport: simTransport({ servers: { '10.96.0.10': dns }, drop: opts.silent ? () => true : undefined }),
  };
}

describe('busybox 1.28 nslookup (section 3)', () => {
  it('resolves a service through the search list', () => {
    const r = runNslookup('busybox-1.28', ['redis'], podResolver());
    expect(r.stdout).toBe(
      'Server:    10.96.0.10\n' +
        'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n' +
        '\n' +
        'Name:      redis\n' +
        'Address 1: 10.104.128.34 redis.instavote.svc.cluster.local\n',
    );
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('prints the server block, then fails on stderr with exit status 1 (no redis service yet)', () => {
    const store = newStore();
    store.create(service('kube-system', 'kube-dns', { clusterIP: '10.96.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] }));
    const r = runNslookup('busybox-1.28', ['redis'], podResolver({ store }));
    expect(r.stdout).toBe('Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n');
    expect(r.stderr).toBe("nslookup: can't resolve 'redis'\n");
    expect(r.chunks.map((c) => c.stream)).toEqual(['stdout', 'stderr']);
    expect(r.exitCode).toBe(1);
  });

  it('works for redis.instavote, kubernetes.default and full names', () => {
    for (const [name, line] of [
      ['redis.instavote', 'Address 1: 10.104.128.34 redis.instavote.svc.cluster.local\n'],
      ['kubernetes.default', 'Address 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n'],
      ['redis.instavote.svc.cluster.local', 'Address 1: 10.104.128.34 redis.instavote.svc.cluster.local\n'],
    ]) {
      const r = runNslookup('busybox-1.28', [name], podResolver());
      expect(r.stdout.endsWith(`Name:      ${name}\n${line}`)).toBe(true);
      expect(r.exitCode).toBe(0);
    }
  });

  it('lists each ready endpoint of a headless service with its reverse name', () => {
    const r = runNslookup('busybox-1.28', ['db'], podResolver());
    const lines = r.stdout.split('\n');
    expect(lines[3]).toBe('Name:      db');
    expect(lines.slice(4, 6).map((l) => l.replace(/^Address \d: /, '')).sort()).toEqual([
      '10.244.1.12 10-244-1-12.db.instavote.svc.cluster.local',
      '10.244.2.14 10-244-2-14.db.instavote.svc.cluster.local',
    ]);
    expect(lines[4].startsWith('Address 1: ')).toBe(true);
    expect(lines[5].startsWith('Address 2: ')).toBe(true);
  });

  it('shows the pod own line with its hostname from /etc/hosts', () => {
    const r = runNslookup('busybox-1.28', ['db'], podResolver({ hosts: [{ ip: '10.244.2.14', names: ['db-1'] }] }));
    expect(r.stdout).toMatch(/Address \d: 10\.244\.2\.14 db-1\n/);
  });

  it('follows an ExternalName to its target; an address without PTR ends after the IP', () => {
    const r = runNslookup('busybox-1.28', ['extdb'], podResolver());
    expect(r.stdout.endsWith('Name:      extdb\nAddress 1: 203.0.113.10\n')).toBe(true);
  });

  it('prints the bare server address and fails when no DNS server answers', () => {
    const r = runNslookup('busybox-1.28', ['redis'], podResolver({ silent: true }));
    expect(r.stdout).toBe('Server:    10.96.0.10\nAddress 1: 10.96.0.10\n\n');
    expect(r.stderr).toBe("nslookup: can't resolve 'redis'\n");
    expect(r.exitCode).toBe(1);
    expect(r.elapsedMs).toBeGreaterThanOrEqual(20_000);
  });

  it('uses a server given on the command line', () => {
    const r = runNslookup('busybox-1.28', ['kubernetes.default', '10.96.0.10'], podResolver());
    expect(r.stdout.startsWith('Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      kubernetes.default\n')).toBe(true);
    expect(r.queries.every((q) => q.server === '10.96.0.10')).toBe(true);
  });

  it('prints the usage for options and extra arguments', () => {
    const r = runNslookup('busybox-1.28', ['-type=a', 'redis'], podResolver());
    expect(r.stderr.startsWith('BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n')).toBe(true);
    expect(r.exitCode).toBe(1);
  });
});

describe('busybox 1.36 nslookup (section 4)', () => {
  it('prints the idealised sample for nslookup redis and exits 1', () => {
    const r = runNslookup('busybox-1.36', ['redis'], podResolver());
    expect(r.stdout).toBe(
      'Server:\t\t10.96.0.10\n' +
        'Address:\t10.96.0.10:53\n' +
        '\n' +
        'Name:\tredis.instavote.svc.cluster.local\n' +
        'Address: 10.104.128.34\n' +
        '\n' +
        "** server can't find redis.svc.cluster.local: NXDOMAIN\n" +
        '\n' +
        "** server can't find redis.cluster.local: NXDOMAIN\n" +
        '\n' +
        '\n' +
        "** server can't find redis.svc.cluster.local: NXDOMAIN\n" +
        '\n' +
        "** server can't find redis.cluster.local: NXDOMAIN\n" +
        '\n',
    );
    expect(r.exitCode).toBe(1);
    expect(r.queries).toHaveLength(6);
  });

  it('sends names with a dot literally: kubernetes.default fails', () => {
    const r = runNslookup('busybox-1.36', ['kubernetes.default'], podResolver());
    expect(r.stdout).toBe(
      "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find kubernetes.default: NXDOMAIN\n\n** server can't find kubernetes.default: NXDOMAIN\n\n",
    );
    expect(r.exitCode).toBe(1);
  });

  it('resolves a full name with exit status 0; the empty AAAA reply is its own blank line', () => {
    // The reference's sample shows one blank line after the address; real busybox
    // (checked in the oracle test) prints two: one per reply, the AAAA one empty.
    const r = runNslookup('busybox-1.36', ['kubernetes.default.svc.cluster.local'], podResolver());
    expect(r.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n\n');
    expect(r.exitCode).toBe(0);
  });

  it('prints the ExternalName CNAME and the target', () => {
    const r = runNslookup('busybox-1.36', ['extdb.instavote.svc.cluster.local'], podResolver());
    expect(r.stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        'extdb.instavote.svc.cluster.local\tcanonical name = db.example.com\nName:\tdb.example.com\nAddress: 203.0.113.10\n\n' +
        'extdb.instavote.svc.cluster.local\tcanonical name = db.example.com\n\n',
    );
  });

  it('reports an unreachable server', () => {
    const r = runNslookup('busybox-1.36', ['redis'], podResolver({ silent: true }));
    expect(r.stdout).toBe(';; connection timed out; no servers could be reached\n\n');
    expect(r.exitCode).toBe(1);
    expect(r.elapsedMs).toBe(5000);
    expect(r.queries).toHaveLength(12);
  });
});

describe('BIND nslookup of the dnsutils images (section 4)', () => {
  it('bind-9.9 prints the reference sample: #53, no AAAA query', () => {
    const r = runNslookup('bind-9.9', ['kubernetes.default'], podResolver({ libc: 'glibc' }));
    expect(r.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n');
    expect(r.queries.map((q) => q.question.type)).toEqual(['A', 'A']);
  });

  it('fails with ** server can\'t find', () => {
    const r = runNslookup('bind-9.9', ['foo'], podResolver({ libc: 'glibc' }));
    expect(r.stdout).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find foo: NXDOMAIN\n\n");
    expect(r.exitCode).toBe(1);
  });

  it('bind-9.18 warns about the missing recursion-available bit of CoreDNS answers', () => {
    const r = runNslookup('bind-9.18', ['redis'], podResolver({ libc: 'glibc' }));
    expect(r.stdout).toBe(
      ';; Got recursion not available from 10.96.0.10\nServer:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n' +
        'Name:\tredis.instavote.svc.cluster.local\nAddress: 10.104.128.34\n;; Got recursion not available from 10.96.0.10\n\n',
    );
  });
});
