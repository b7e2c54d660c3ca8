import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { CoreDns } from './coredns';
import { parsePingArgs, pingStatistics, runPing, type EchoFn } from './ping';
import type { StubResolver } from './resolver';
import type { ResolvConf } from './resolvconf';
import { formatResolvConf } from './resolvconf';
import { labStore } from '../../../test/fixtures/dns/cluster';
import { simTransport } from '../../../test/fixtures/dns/sim-transport';
import { oracleSkipReason, runWithSimulatedDns } from '../../../test/fixtures/dns/oracle';

const BANNER = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.';
const CONF: ResolvConf = {
  nameservers: ['10.96.0.10'],
  searches: ['instavote.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
  options: ['ndots:5'],
};

function resolver(libc: 'glibc' | 'musl' = 'glibc'): StubResolver {
  const dns = new CoreDns(labStore(), { rng: new Rng(9) });
  return { conf: CONF, libc, transport: simTransport({ servers: { '10.96.0.10': dns } }) };
}

/** Pod IPs answer; cluster IPs have no ICMP rule in iptables mode and stay silent. */
const echo: EchoFn = (ip, seq) => (ip.startsWith('10.244.') ? { ttl: 64, rttMs: [0.081, 0.062, 0.07][seq % 3] } : undefined);

describe('busybox ping', () => {
  it('resolves a service name, hears nothing from the cluster IP, exits 1', () => {
    const r = runPing(['-c', '3', 'redis'], resolver(), echo, BANNER);
    expect(r.stdout).toBe(
      'PING redis (10.104.128.34): 56 data bytes\n\n--- redis ping statistics ---\n3 packets transmitted, 0 packets received, 100% packet loss\n',
    );
    expect(r.exitCode).toBe(1);
    // Two intervals, then -W (10 s) for the last packet.
    expect(r.elapsedMs).toBe(12_000);
  });

  it('prints each reply of a pod and the round-trip summary (average rounded down to µs)', () => {
    const r = runPing(['-c', '3', '10.244.1.12'], resolver(), echo, BANNER);
    expect(r.stdout).toBe(
      'PING 10.244.1.12 (10.244.1.12): 56 data bytes\n' +
        '64 bytes from 10.244.1.12: seq=0 ttl=64 time=0.081 ms\n' +
        '64 bytes from 10.244.1.12: seq=1 ttl=64 time=0.062 ms\n' +
        '64 bytes from 10.244.1.12: seq=2 ttl=64 time=0.070 ms\n' +
        '\n--- 10.244.1.12 ping statistics ---\n3 packets transmitted, 3 packets received, 0% packet loss\nround-trip min/avg/max = 0.062/0.071/0.081 ms\n',
    );
    expect(r.exitCode).toBe(0);
  });

  it('runs until interrupted', () => {
    const r = runPing(['redis'], resolver(), echo, BANNER, 4500);
    expect(r.stdout.endsWith('5 packets transmitted, 0 packets received, 100% packet loss\n')).toBe(true);
  });

  it('says bad address when the name does not resolve', () => {
    const r = runPing(['-c', '1', 'nosuch'], resolver('musl'), echo, BANNER);
    expect(r.stderr).toBe("ping: bad address 'nosuch'\n");
    expect(r.stdout).toBe('');
    expect(r.exitCode).toBe(1);
  });

  it('parses options and rejects bad ones with the usage', () => {
    expect(parsePingArgs(['-c3', '-W', '1', '-q', 'redis'], BANNER)).toEqual({
      ok: true,
      host: 'redis',
      options: { count: 3, waitMs: 1000, intervalMs: 1000, size: 56, quiet: true },
    });
    const bad = parsePingArgs(['-c'], BANNER);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.stderr.startsWith(`ping: option requires an argument -- 'c'\n${BANNER}\n\nUsage: ping [OPTIONS] HOST\n`)).toBe(true);
    expect(pingStatistics('x', 4, [1])).toContain('4 packets transmitted, 1 packets received, 75% packet loss\n');
  });
});

const skip = oracleSkipReason({ namespace: true, tools: [['busybox', 'busybox'], ['iptables', 'iptables']] });
if (skip) describe('busybox ping against the real busybox', () => it.skip(`skipped: ${skip}`, () => {}));
describe.skipIf(!!skip)('busybox ping against the real busybox', () => {
  const normalise = (s: string) => s.replace(/time=\d+\.\d{3} ms/g, 'time=T ms').replace(/= [\d./]+ ms/, '= T ms');

  it('pings a name that resolves to an answering address', async () => {
    const realDns = new CoreDns(labStore(), { rng: new Rng(9) });
    const real = await runWithSimulatedDns({ server: realDns, resolvConf: formatResolvConf(CONF), command: ['busybox', 'ping', '-c', '2', 'kube-dns.kube-system'] });
    const sim = runPing(['-c', '2', 'kube-dns.kube-system'], resolver(), () => ({ ttl: 64, rttMs: 0.05 }), BANNER);
    expect(normalise(sim.stdout)).toBe(normalise(real.stdout));
    expect(sim.exitCode).toBe(real.code);
    expect(sim.queries.map((q) => `${q.question.type} ${q.question.name}`)).toEqual(real.questions.map((q) => `${q.type} ${q.name}`));
  });

  it('pings a name whose address never answers', async () => {
    const realDns = new CoreDns(labStore(), { rng: new Rng(9) });
    const real = await runWithSimulatedDns({
      server: realDns,
      resolvConf: formatResolvConf(CONF),
      extraAddresses: ['10.104.128.34'],
      setup: ['iptables -A INPUT -d 10.104.128.34 -p icmp -j DROP'],
      command: ['busybox', 'ping', '-c', '2', '-W', '1', 'redis'],
    });
    const sim = runPing(['-c', '2', '-W', '1', 'redis'], resolver(), echo, BANNER);
    expect(sim.stdout).toBe(real.stdout);
    expect(sim.stderr).toBe(real.stderr);
    expect(sim.exitCode).toBe(real.code);
  });

  it('says bad address like the real one', async () => {
    const realDns = new CoreDns(labStore(), { rng: new Rng(9) });
    const real = await runWithSimulatedDns({ server: realDns, resolvConf: formatResolvConf(CONF), command: ['busybox', 'ping', '-c', '1', 'nosuch'] });
    const sim = runPing(['-c', '1', 'nosuch'], resolver(), echo, BANNER);
    expect([sim.stdout, sim.stderr, sim.exitCode]).toEqual([real.stdout, real.stderr, real.code]);
    expect(sim.queries.map((q) => `${q.question.type} ${q.question.name}`)).toEqual(real.questions.map((q) => `${q.type} ${q.name}`));
  });
});
