// Oracle: a network namespace is built exactly like the simulator's model of a
// weave kind node (interfaces, indices, MACs, MTUs, addresses, routes), then the
// real iproute2 6.1, net-tools and hostname print it and must equal the
// simulator's renderings. The `datapath` device is an Open vSwitch datapath on a
// real node; here it is a bridge, so only its state word is taken from the model.

import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { etcHosts, hostnameCapitalI, hostnameI } from '../../../src/sim/net/render/hostname';
import { ipAddr, ipLink } from '../../../src/sim/net/render/ip-addr';
import { ipRouteGet, ipRouteShow } from '../../../src/sim/net/render/ip-route';
import { nodeNetwork, type NodeNetwork } from '../../../src/sim/net/render/node-network';
import { routeN } from '../../../src/sim/net/render/route-n';
import { Netns, oracleUnavailable } from './netns';

const unavailable = oracleUnavailable(['ip', 'route', 'hostname', 'unshare']);
if (unavailable) console.warn(`node network oracle skipped: ${unavailable}`);

function sh(cmd: string[]): void {
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd.join(' ')}: ${r.stderr}`);
}

/** Recreate the model in a namespace. */
function build(ns: Netns, net: NodeNetwork, podNamespaces: string[]): void {
  const ip = (...args: string[]) => sh(['ip', '-n', ns.name, ...args]);
  ns.must(['sysctl', '-qw', 'net.ipv6.conf.all.accept_dad=0', 'net.ipv6.conf.default.accept_dad=0']);
  const byName = new Map(net.interfaces.map((i) => [i.name, i]));
  const dp = byName.get('datapath')!;
  const weave = byName.get('weave')!;
  const vd = byName.get('vethwe-datapath')!;
  const vb = byName.get('vethwe-bridge')!;
  const vx = byName.get('vxlan-6784')!;
  const eth0 = byName.get('eth0')!;
  ip('link', 'add', 'datapath', 'index', String(dp.index), 'type', 'bridge');
  ip('link', 'add', 'weave', 'index', String(weave.index), 'type', 'bridge');
  ip('link', 'add', 'vethwe-bridge', 'index', String(vb.index), 'type', 'veth', 'peer', 'name', 'vethwe-datapath', 'index', String(vd.index));
  ip('link', 'add', 'vxlan-6784', 'index', String(vx.index), 'type', 'vxlan', 'id', '1', 'dstport', '6784');
  // eth0's peer lives in this process's own (unnamed from the node's view) namespace.
  ip('link', 'add', 'eth0', 'index', String(eth0.index), 'type', 'veth', 'peer', 'name', `h${ns.name}`.slice(0, 15), 'index', String(eth0.peerIndex), 'netns', String(process.pid));
  const pods = net.interfaces.filter((i) => i.name.startsWith('vethwepl'));
  pods.forEach((p, k) => {
    ip('link', 'add', p.name, 'index', String(p.index), 'type', 'veth', 'peer', 'name', 'eth0', 'index', String(p.peerIndex), 'netns', podNamespaces[k]);
    sh(['ip', '-n', podNamespaces[k], 'link', 'set', 'eth0', 'up']);
  });
  sh(['ip', 'link', 'set', `h${ns.name}`.slice(0, 15), 'up']);
  for (const i of net.interfaces) {
    if (i.name === 'lo') continue;
    ip('link', 'set', 'dev', i.name, 'address', i.mac, 'mtu', String(i.mtu), 'txqueuelen', String(i.qlen));
    if (i.master) ip('link', 'set', 'dev', i.name, 'master', i.master);
  }
  for (const i of net.interfaces) {
    if (i.name === 'lo') continue;
    ip('link', 'set', 'dev', i.name, 'up');
    for (const a of i.addresses) {
      if (a.scope === 'link') continue;
      if (a.family === 'inet') ip('addr', 'add', `${a.address}/${a.prefix}`, 'brd', '+', 'dev', i.name);
      else ip('-6', 'addr', 'add', `${a.address}/${a.prefix}`, 'dev', i.name, ...(a.nodad ? ['nodad'] : []));
    }
  }
  ip('route', 'add', 'default', 'via', net.gateway);
}

/** Where the model says `UNKNOWN` for the OVS datapath, a bridge says `UP`. */
function datapathState(real: string, net: NodeNetwork): string {
  const dp = net.interfaces.find((i) => i.name === 'datapath')!;
  return real.replace(/^(\d+: datapath: .* state )UP( .*)$/m, `$1${dp.state}$2`).replace(/^(datapath\s+)UP(\s+)/m, (_, a: string, b: string) => a + dp.state.padEnd(2) + b.slice(dp.state.length - 2));
}

describe.skipIf(!!unavailable)('iproute2 6.1 / net-tools oracle: weave kind node', () => {
  const tag = `${process.pid}`;
  const pods = [
    { namespace: 'default', name: 'web-1', ip: '10.32.0.4', uid: `3f0c9a1e-${tag.padStart(4, '0').slice(-4)}-4c1d-9a55-0e6f1b2c3d4e` },
    { namespace: 'default', name: 'web-2', ip: '10.32.0.5', uid: `8b7d6c5a-${tag.padStart(4, '0').slice(-4)}-4e3f-8a1b-2c3d4e5f6a7b` },
  ];
  const net = nodeNetwork({ name: 'kind-control-plane', ip: '172.18.0.2', ipv6: 'fc00:f853:ccd:e793::2', bridgeIP: '10.32.0.1', pods });
  const podNamespaces = net.interfaces.filter((i) => i.name.startsWith('vethwepl')).map((i) => i.linkNetns!);
  let ns: Netns;

  beforeAll(() => {
    ns = new Netns('simnode');
    for (const p of podNamespaces) sh(['ip', 'netns', 'add', p]);
    build(ns, net, podNamespaces);
    mkdirSync(`/etc/netns/${ns.name}`, { recursive: true });
    writeFileSync(`/etc/netns/${ns.name}/hosts`, etcHosts('kind-control-plane', '172.18.0.2', 'fc00:f853:ccd:e793::2'));
  });
  afterAll(() => {
    ns?.destroy();
    for (const p of podNamespaces) spawnSync('ip', ['netns', 'del', p]);
    rmSync(`/etc/netns/${ns?.name}`, { recursive: true, force: true });
  });

  const cases: [string[], () => { stdout: string; stderr?: string; exitCode?: number }][] = [
    [['ip', 'addr'], () => ipAddr(net)],
    [['ip', 'a'], () => ipAddr(net)],
    [['ip', '-4', 'addr'], () => ipAddr(net, { family: 'inet' })],
    [['ip', '-6', 'a'], () => ipAddr(net, { family: 'inet6' })],
    [['ip', 'addr', 'show', 'dev', 'eth0'], () => ipAddr(net, { dev: 'eth0' })],
    [['ip', 'a', 's', 'weave'], () => ipAddr(net, { dev: 'weave' })],
    [['ip', 'a', 's', 'nope'], () => ipAddr(net, { dev: 'nope' })],
    [['ip', '-br', 'a'], () => ipAddr(net, { brief: true })],
    [['ip', 'link'], () => ipLink(net)],
    [['ip', 'link', 'show', 'eth0'], () => ipLink(net, { dev: 'eth0' })],
    [['ip', '-br', 'link'], () => ipLink(net, { brief: true })],
    [['ip', 'route'], () => ({ stdout: ipRouteShow(net) })],
    [['ip', 'route', 'show'], () => ({ stdout: ipRouteShow(net) })],
    [['route', '-n'], () => ({ stdout: routeN(net) })],
    [['ip', 'route', 'get', '10.40.0.2'], () => ipRouteGet(net, '10.40.0.2')],
    [['ip', 'route', 'get', '10.32.0.4'], () => ipRouteGet(net, '10.32.0.4')],
    [['ip', 'route', 'get', '172.18.0.3'], () => ipRouteGet(net, '172.18.0.3')],
    [['ip', 'route', 'get', '10.96.0.1'], () => ipRouteGet(net, '10.96.0.1')],
    [['ip', 'route', 'get', '10.32.0.1'], () => ipRouteGet(net, '10.32.0.1')],
    [['ip', 'route', 'get', '172.18.0.2'], () => ipRouteGet(net, '172.18.0.2')],
    [['ip', 'route', 'get', '127.0.0.1'], () => ipRouteGet(net, '127.0.0.1')],
    [['ip', 'route', 'get', 'kind-worker'], () => ipRouteGet(net, 'kind-worker')],
  ];

  for (const [cmd, sim] of cases) {
    it(cmd.join(' '), () => {
      const real = ns.run(cmd);
      const s = sim();
      expect({ out: s.stdout, err: s.stderr ?? '', status: s.exitCode ?? 0 }).toEqual({
        out: datapathState(real.stdout, net),
        err: real.stderr,
        status: real.status,
      });
    });
  }

  it('hostname -i and -I', () => {
    const run = (flag: string) => ns.run(['unshare', '-u', 'sh', '-c', `hostname kind-control-plane && hostname ${flag}`]).stdout;
    expect(hostnameI(net)).toBe(run('-i'));
    expect(hostnameCapitalI(net)).toBe(run('-I'));
  });
});
