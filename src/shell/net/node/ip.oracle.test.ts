// Oracle: `ip route|addr|link|neigh` and `route` on a node against the real
// iproute2 6.1 and net-tools 2.10, in a network namespace built exactly like
// the simulator's model of kind-worker2 (test/oracle/iptables/node-netns.ts):
// route selectors and the fields they leave out, both tables and both
// families, -d, -o, -s (the real counters fed to the renderer), the neighbour
// table (the model's entries added by hand; the kernel lists them in hash
// order, so those lines are compared sorted) and route's -e/-ee/-C forms and
// usage texts.

import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Netns, oracleUnavailable } from '../../../../test/oracle/iptables/netns';
import { buildNodeNetns, datapathState, sh } from '../../../../test/oracle/iptables/node-netns';
import { nodeNetwork, type Interface } from '../../../sim/net/render/node-network';
import { ipv6DeviceOrder, ipv6Gateway } from '../../../sim/net/render/ip-route';
import { nodeNeighbours } from '../../../sim/net/render/ip-neigh';
import type { LinkStats } from '../../../sim/net/render/ip-addr';
import { ipMain, type IpEnv } from './ip';
import { routeMain } from './route';

const unavailable = oracleUnavailable(['ip', 'route']);
if (unavailable) console.warn(`ip/route oracle skipped: ${unavailable}`);

const tag = `${process.pid}`.padStart(4, '0').slice(-4);
const pods = [
  { namespace: 'default', name: 'web-1', ip: '10.44.0.1', uid: `5d1e2f3a-${tag}-4b5c-8d9e-0f1a2b3c4d5e` },
  { namespace: 'default', name: 'web-2', ip: '10.44.0.2', uid: `a7b8c9d0-${tag}-4e1f-9a2b-3c4d5e6f7a8b` },
];
const net = nodeNetwork({ name: 'kind-worker2', ip: '172.18.0.4', ipv6: 'fc00:f853:ccd:e793::4', bridgeIP: '10.44.0.0', pods });
const neighbours = nodeNeighbours(net, ['172.18.0.2', '172.18.0.3', '172.18.0.4']);

/** ip -s: the counters the real tool printed, per device, so the rendering can be compared byte for byte. */
function realCounters(text: string): Map<string, LinkStats> {
  const out = new Map<string, LinkStats>();
  const lines = text.split(/\n|\\/);
  let dev = '';
  for (let k = 0; k < lines.length; k++) {
    const m = /^\d+: ([^:@]+)[:@]/.exec(lines[k]);
    if (m) dev = m[1];
    if (!/^\s+RX: /.test(lines[k])) continue;
    const rx = lines[k + 1].trim().split(/\s+/).map(Number);
    const tx = lines[k + 3].trim().split(/\s+/).map(Number);
    out.set(dev, {
      rxBytes: rx[0], rxPackets: rx[1], rxErrors: rx[2], rxDropped: rx[3], rxMissed: rx[4], rxMcast: rx[5],
      txBytes: tx[0], txPackets: tx[1], txErrors: tx[2], txDropped: tx[3], txCarrier: tx[4], txCollisions: tx[5],
    });
  }
  return out;
}

describe.skipIf(!!unavailable)('iproute2 6.1 / net-tools 2.10 oracle: ip and route on a weave kind node', () => {
  const podNamespaces = net.interfaces.filter((i) => i.name.startsWith('vethwepl')).map((i) => i.linkNetns!);
  let ns: Netns;
  let counters = new Map<string, LinkStats>();
  const zero: LinkStats = { rxBytes: 0, rxPackets: 0, rxErrors: 0, rxDropped: 0, rxMissed: 0, rxMcast: 0, txBytes: 0, txPackets: 0, txErrors: 0, txDropped: 0, txCarrier: 0, txCollisions: 0 };
  const env: IpEnv = { net, neighbours, stats: (i: Interface) => counters.get(i.name) ?? zero };

  beforeAll(() => {
    ns = new Netns('simip');
    // No name server to wait for: `route` without -n looks the addresses up (a node's own resolver answers at once).
    mkdirSync(`/etc/netns/${ns.name}`, { recursive: true });
    writeFileSync(`/etc/netns/${ns.name}/resolv.conf`, 'nameserver 127.0.0.1\n');
    for (const p of podNamespaces) sh(['ip', 'netns', 'add', p]);
    buildNodeNetns(ns, net, podNamespaces);
    const ip = (...args: string[]) => sh(['ip', '-n', ns.name, ...args]);
    // The IPv6 routes the kernel adds per device, in the order the node's devices came up.
    const devs = ipv6DeviceOrder(net).map((i) => i.name);
    for (const d of devs) {
      spawnSync('ip', ['-n', ns.name, '-6', 'route', 'del', 'fe80::/64', 'dev', d]);
      spawnSync('ip', ['-n', ns.name, '-6', 'route', 'del', 'multicast', 'ff00::/8', 'dev', d, 'table', 'local']);
    }
    for (const d of devs) {
      ip('-6', 'route', 'append', 'fe80::/64', 'dev', d, 'proto', 'kernel', 'metric', '256');
      ip('-6', 'route', 'append', 'multicast', 'ff00::/8', 'dev', d, 'table', 'local', 'proto', 'kernel', 'metric', '256');
    }
    ip('-6', 'route', 'add', 'default', 'via', ipv6Gateway(net)!, 'dev', 'eth0');
    ns.must(['sysctl', '-qw', 'net.ipv4.neigh.eth0.base_reachable_time_ms=3600000']);
    for (const n of neighbours) ip('neigh', 'replace', n.address, 'lladdr', n.mac, 'dev', n.dev, 'nud', n.state.toLowerCase());
  });
  afterAll(() => {
    if (ns) rmSync(`/etc/netns/${ns.name}`, { recursive: true, force: true });
    ns?.destroy();
    for (const p of podNamespaces) spawnSync('ip', ['netns', 'del', p]);
  });

  const compare = (cmd: string[], sorted = false) => {
    const real = ns.run(cmd);
    // The kernel's counters move (router solicitations, MLD reports): the renderer gets the ones this run printed.
    if (cmd.includes('-s')) counters = realCounters(real.stdout);
    const sim = cmd[0] === 'route' ? routeMain(net, cmd.slice(1)) : ipMain(env, cmd.slice(1));
    const norm = (s: string) => (sorted ? s.split('\n').sort().join('\n') : s);
    const simErr = ('complaint' in sim && sim.complaint ? sim.complaint : '') + sim.stderr;
    expect({ out: norm(sim.stdout), err: simErr, status: sim.exitCode }).toEqual({
      out: norm(datapathState(real.stdout, net)),
      err: real.stderr,
      status: real.status,
    });
  };

  const routeCases: string[][] = [
    ['route', 'show', 'dev', 'weave'],
    ['route', 'show', 'dev', 'eth0'],
    ['r', 's', 'dev', 'lo'],
    ['route', 'show', '10.32.0.0/12'],
    ['route', 'show', '10.0.0.0/8'],
    ['route', 'show', '10.44.0.0'],
    ['route', 'show', 'root', '10.0.0.0/8'],
    ['route', 'show', 'to', 'root', '10.0.0.0/8'],
    ['route', 'show', 'match', '10.44.0.5'],
    ['route', 'show', 'exact', '10.32.0.0/12'],
    ['route', 'show', '10.32/12'],
    ['route', 'show', '10.32.0.0/255.240.0.0'],
    ['route', 'show', 'default'],
    ['route', 'show', 'proto', 'kernel'],
    ['route', 'show', 'proto', 'boot'],
    ['route', 'show', 'proto', 'static'],
    ['route', 'show', 'proto', 'all'],
    ['route', 'show', 'scope', 'link'],
    ['route', 'show', 'scope', 'global'],
    ['route', 'show', 'scope', 'all'],
    ['route', 'show', 'via', '172.18.0.1'],
    ['route', 'show', 'via', '172.18.0.0/16'],
    ['route', 'show', 'src', '10.44.0.0'],
    ['route', 'show', 'src', '10.44.0.0/12'],
    ['route', 'show', 'metric', '0'],
    ['route', 'show', 'proto', 'kernel', 'scope', 'link', 'dev', 'eth0'],
    ['route', 'show', 'table', 'all'],
    ['route', 'show', 'table', 'local'],
    ['route', 'show', 'table', 'main'],
    ['route', 'show', 'table', '255'],
    ['route', 'show', 'table', '0'],
    ['route', 'list', 'table', 'all', 'dev', 'eth0'],
    ['route', 'show', 'table', 'local', 'type', 'broadcast'],
    ['route', 'show', 'table', 'all', 'type', 'local'],
    ['route', 'show', 'table', 'local', 'dev', 'lo'],
    ['route', 'show', 'table', 'local', 'scope', 'host'],
    ['route', 'show', 'table', 'local', '10.44.0.0'],
    ['route', 'show', 'table', 'all', '127.0.0.0/8'],
    ['route', 'show', 'table', 'local', 'root', '127.0.0.0/8'],
    ['route', 'show', 'table', 'all', 'default'],
    ['route', 'show', 'type', 'unicast'],
    ['-o', 'route'],
    ['-4', 'route', 'show', 'table', 'all'],
    ['-6', 'route'],
    ['-6', 'route', 'show', 'table', 'local'],
    ['-6', 'route', 'show', 'table', 'all'],
    ['-6', 'route', 'show', 'dev', 'eth0'],
    ['-6', 'route', 'show', 'metric', '256'],
    ['-6', 'route', 'show', 'fe80::/64'],
    ['-d', 'route'],
    ['-d', 'route', 'show', 'table', 'all'],
    ['-6', '-d', 'route', 'show', 'table', 'all'],
    ['route', 'show', 'dev', 'nope'],
    ['route', 'show', 'dev'],
    ['route', 'show', 'foo'],
    ['-4', 'route', 'show', 'foo'],
    ['-6', 'route', 'show', '10.0.0.0/8'],
    ['route', 'show', '10.44.0.0/33'],
    ['route', 'show', 'table', 'nope'],
    ['route', 'show', 'table', '100'],
    ['-6', 'route', 'show', 'table', '100'],
    ['route', 'show', 'table', 'default'],
    ['route', 'show', 'type', 'nope'],
    ['route', 'show', 'scope', 'nope'],
    ['route', 'show', 'proto', 'nope'],
    ['route', 'show', 'table', 'cache'],
    ['route', 'show', 'cached'],
  ];
  for (const args of routeCases) it(`ip ${args.join(' ')}`, () => compare(['ip', ...args]));

  const addrCases: string[][] = [
    ['-o', 'addr'],
    ['-o', '-4', 'addr'],
    ['-o', '-6', 'a'],
    ['-o', 'addr', 'show', 'dev', 'eth0'],
    ['-o', 'link'],
    ['-o', 'link', 'show', 'eth0'],
  ];
  for (const args of addrCases) it(`ip ${args.join(' ')}`, () => compare(['ip', ...args]));

  it('ip -s link / -s addr: the counters in their columns', () => {
    for (const args of [['-s', 'link'], ['-s', 'link', 'show', 'eth0'], ['-s', 'addr', 'show', 'dev', 'eth0'], ['-s', 'addr'], ['-s', '-o', 'link', 'show', 'lo']]) {
      compare(['ip', ...args]);
    }
    // Wide numbers widen their column and its header.
    const eth0 = net.interfaces.find((i) => i.name === 'eth0')!;
    counters.set('eth0', { ...zero, rxBytes: 123456789012, rxPackets: 98765432, txBytes: 4567890123, txPackets: 12345678 });
    const sim = ipMain(env, ['-s', 'link', 'show', 'eth0']).stdout.split('\n').slice(2).join('\n');
    expect(sim).toBe(
      [
        '    RX:    bytes  packets errors dropped  missed   mcast           ',
        '    123456789012 98765432      0       0       0       0 ',
        '    TX:    bytes  packets errors dropped carrier collsns           ',
        '      4567890123 12345678      0       0       0       0 ',
        '',
      ].join('\n'),
    );
    expect(eth0.name).toBe('eth0');
  });

  const neighCases: string[][] = [
    ['neigh'],
    ['n'],
    ['neighbour', 'show'],
    ['neigh', 'list'],
    ['neigh', 'show', 'dev', 'eth0'],
    ['-4', 'neigh'],
    ['-6', 'neigh'],
    ['neigh', 'show', '172.18.0.1'],
    ['neigh', 'show', 'to', '172.18.0.0/16'],
    ['neigh', 'show', '10.44.0.0/12'],
    ['neigh', 'show', 'nud', 'stale'],
    ['neigh', 'show', 'nud', 'reachable'],
    ['neigh', 'show', 'nud', 'reachable', 'nud', 'stale'],
    ['-br', 'neigh'],
    ['-br', 'neigh', 'show', 'dev', 'eth0'],
    ['neigh', 'show', 'dev', 'nope'],
    ['neigh', 'show', 'dev'],
    ['neigh', 'show', 'foo'],
    ['neigh', 'show', 'nud', 'nope'],
    ['neigh', 'foo'],
  ];
  for (const args of neighCases) it(`ip ${args.join(' ')}`, () => compare(['ip', ...args], true));

  const netToolsCases: string[][] = [
    [],
    ['-n'],
    ['-e'],
    ['-n', '-e'],
    ['-en'],
    ['-ee'],
    ['-n', '-ee'],
    ['-nee'],
    ['-eee'],
    ['-C'],
    ['-C', '-n'],
    ['-eC'],
    ['-v'],
    ['-vn'],
    ['-N'],
    ['-F'],
    ['-n', '-F'],
    ['-4'],
    ['-A', 'inet'],
    ['--inet'],
    ['--numeric', '--extend'],
    ['--ex'],
    ['--extend', '--extend'],
    ['-x'],
    ['-h'],
    ['--help'],
    ['-V'],
    ['--version'],
    ['-n', 'extra'],
    ['-A', 'foo'],
    ['-A'],
  ];
  for (const args of netToolsCases) it(`route ${args.join(' ')}`, () => compare(['route', ...args]));
});
