// Oracle: a network namespace is built exactly like the simulator's model of a
// weave kind node (interfaces, indices, MACs, MTUs, addresses, routes; see
// node-netns.ts), then the real iproute2 6.1, net-tools and hostname print it
// and must equal the simulator's renderings. More `ip` and `route` forms are
// compared in src/shell/net/node/ip.oracle.test.ts.

import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { etcHosts, hostnameCapitalI, hostnameI } from '../../../src/sim/net/render/hostname';
import { ipAddr, ipLink } from '../../../src/sim/net/render/ip-addr';
import { ipRouteGet, ipRouteShow } from '../../../src/sim/net/render/ip-route';
import { nodeNetwork } from '../../../src/sim/net/render/node-network';
import { routeN } from '../../../src/sim/net/render/route-n';
import { Netns, oracleUnavailable } from './netns';
import { buildNodeNetns, datapathState, sh } from './node-netns';

const unavailable = oracleUnavailable(['ip', 'route', 'hostname', 'unshare']);
if (unavailable) console.warn(`node network oracle skipped: ${unavailable}`);

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
    buildNodeNetns(ns, net, podNamespaces);
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
