// Oracle tests: the real busybox (Debian's 1.35, same output code as 1.34+) and
// BIND 9.18 nslookup run in a private network namespace against the simulated
// CoreDNS; our implementation must print the same bytes, exit the same way and
// send the same questions in the same order. Needs root, util-linux (unshare),
// iproute2, busybox and bind9-dnsutils.

import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { CoreDns } from './coredns';
import { runNslookup, type NslookupFlavour } from './nslookup';
import { BUSYBOX_136_BANNER } from './nslookup-busybox';
import { formatResolvConf, type ResolvConf } from './resolvconf';
import { labStore } from '../../../test/fixtures/dns/cluster';
import { oracleSkipReason, runWithSimulatedDns } from '../../../test/fixtures/dns/oracle';
import { simTransport } from '../../../test/fixtures/dns/sim-transport';

const CONF: ResolvConf = {
  nameservers: ['10.96.0.10'],
  searches: ['instavote.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
  options: ['ndots:5'],
};


interface Case {
  args: string[];
  conf?: ResolvConf;
  refused?: boolean;
  /** Every datagram is lost. */
  silent?: boolean;
}

async function compare(flavour: NslookupFlavour, command: string[], c: Case) {
  const conf = c.conf ?? CONF;
  const store = labStore();
  // Two CoreDNS instances with the same seed: the same questions get the same shuffles.
  const realDns = new CoreDns(store, { rng: new Rng('oracle') });
  const simDns = new CoreDns(store, { rng: new Rng('oracle') });
  const real = await runWithSimulatedDns({
    server: realDns,
    resolvConf: formatResolvConf(conf),
    command: [...command, ...c.args],
    extraAddresses: c.refused ? [conf.nameservers[0]] : [],
    drop: c.silent ? () => true : undefined,
  });
  const transport = simTransport({
    servers: { '10.96.0.10': simDns },
    refused: c.refused ? [conf.nameservers[0]] : [],
    drop: c.silent ? () => true : undefined,
  });
  const sim = runNslookup(flavour, c.args, { conf, libc: 'glibc', transport });
  // Only the build banner of the usage text differs (Debian's 1.35 build versus busybox:1.36.1).
  const realStderr = real.stderr.replace(/^BusyBox v1\.35\.0 \(Debian [^)]*\) multi-call binary\./, BUSYBOX_136_BANNER);
  expect(sim.stdout).toBe(real.stdout);
  expect(sim.stderr).toBe(realStderr);
  expect(sim.exitCode).toBe(real.code);
  // Refused datagrams never reach the relay, so only answered setups can be compared query by query.
  if (!c.refused) {
    expect(sim.queries.map((q) => `${q.question.type} ${q.question.name}`)).toEqual(real.questions.map((q) => `${q.type} ${q.name}`));
  }
}

const refusedConf: ResolvConf = { ...CONF, nameservers: ['10.96.0.11'] };

const busyboxCases: Case[] = [
  { args: ['redis'] },
  { args: ['kubernetes.default'] },
  { args: ['kubernetes.default.svc.cluster.local'] },
  { args: ['redis.instavote'] },
  { args: ['db'] },
  { args: ['extdb'] },
  { args: ['nosuch'] },
  { args: ['example.com'] },
  { args: ['nosuch.example.org'] },
  { args: ['10.104.128.34'] },
  { args: ['10.244.1.12'] },
  { args: ['10.244.9.9'] },
  { args: ['-type=srv', '_postgres._tcp.db.instavote.svc.cluster.local'] },
  { args: ['-type=a', 'redis.instavote.svc.cluster.local'] },
  { args: ['-type=cname', 'extdb.instavote.svc.cluster.local'] },
  { args: ['-type=soa', 'cluster.local'] },
  { args: ['redis.instavote.svc.cluster.local', '10.96.0.10'] },
  { args: ['instavote.svc.cluster.local'] },
  { args: ['10-244-1-12.instavote.pod.cluster.local'] },
  { args: ['-type=bogus', 'redis'] },
  { args: [] },
  { args: ['redis'], conf: refusedConf, refused: true },
  { args: ['-timeout=1', 'redis'], silent: true },
  { args: ['-timeout=2', '-retry=1', 'redis.instavote.svc.cluster.local'], silent: true },
];

const busyboxSkip = oracleSkipReason({ namespace: true, tools: [['busybox', 'busybox']] });
if (busyboxSkip) describe('busybox 1.34+ nslookup against the real busybox', () => it.skip(`skipped: ${busyboxSkip}`, () => {}));
describe.skipIf(!!busyboxSkip)('busybox 1.34+ nslookup against the real busybox', () => {
  for (const c of busyboxCases) {
    it(`nslookup ${c.args.join(' ')}${c.refused ? ' (server refuses)' : ''}`, () => compare('busybox-1.36', ['busybox', 'nslookup'], c), 30_000);
  }
});

const bindCases: Case[] = [
  { args: ['redis'] },
  { args: ['kubernetes.default'] },
  { args: ['redis.instavote.svc.cluster.local'] },
  { args: ['db'] },
  { args: ['extdb'] },
  { args: ['nosuch'] },
  { args: ['example.com'] },
  { args: ['nosuch.example.org'] },
  { args: ['10.104.128.34'] },
  { args: ['10.104.128.34', '10.96.0.10'] },
  { args: ['10.244.9.9'] },
  { args: ['redis', '10.96.0.10'] },
  { args: ['-type=srv', '_postgres._tcp.db.instavote.svc.cluster.local'] },
  { args: ['-type=aaaa', 'redis'] },
  { args: ['-type=ptr', '34.128.104.10.in-addr.arpa'] },
  { args: ['instavote.svc.cluster.local'] },
  { args: ['redis'], conf: refusedConf, refused: true },
  { args: ['-timeout=1', '-retry=2', 'redis'], silent: true },
];

const bindSkip = oracleSkipReason({ namespace: true, tools: [['nslookup', 'bind9-dnsutils']] });
if (bindSkip) describe('BIND 9.18 nslookup against the real bind9-dnsutils', () => it.skip(`skipped: ${bindSkip}`, () => {}));
describe.skipIf(!!bindSkip)('BIND 9.18 nslookup against the real bind9-dnsutils', () => {
  for (const c of bindCases) {
    it(`nslookup ${c.args.join(' ')}${c.refused ? ' (server refuses)' : ''}`, () => compare('bind-9.18', ['nslookup'], c), 30_000);
  }
});

