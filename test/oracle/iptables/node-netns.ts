// A network namespace built exactly like the simulator's model of a weave kind
// node (interfaces, indices, MACs, MTUs, addresses, routes), for the oracle
// tests that run the real iproute2, net-tools and iputils against the model.
// The `datapath` device is an Open vSwitch datapath on a real node; here it is
// a bridge, so only its state word is taken from the model.

import { spawnSync } from 'node:child_process';
import type { NodeNetwork } from '../../../src/sim/net/render/node-network';
import type { Netns } from './netns';

export function sh(cmd: string[]): void {
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd.join(' ')}: ${r.stderr}`);
}

/**
 * Recreate the model in `ns`; each pod's end of its veth goes to the namespace
 * of the same index in `podNamespaces` (which must exist). eth0's peer goes to
 * `eth0PeerNetns` (a namespace name or a pid; default: this process's own).
 */
export function buildNodeNetns(ns: Netns, net: NodeNetwork, podNamespaces: string[], eth0PeerNetns: string = String(process.pid)): string {
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
  // eth0's peer lives in another (unnamed from the node's view) namespace.
  const peer = `h${ns.name}`.slice(0, 15);
  ip('link', 'add', 'eth0', 'index', String(eth0.index), 'type', 'veth', 'peer', 'name', peer, 'index', String(eth0.peerIndex), 'netns', eth0PeerNetns);
  const pods = net.interfaces.filter((i) => i.name.startsWith('vethwepl'));
  pods.forEach((p, k) => {
    ip('link', 'add', p.name, 'index', String(p.index), 'type', 'veth', 'peer', 'name', 'eth0', 'index', String(p.peerIndex), 'netns', podNamespaces[k]);
    sh(['ip', '-n', podNamespaces[k], 'link', 'set', 'eth0', 'up']);
  });
  const inPeerNs = /^\d+$/.test(eth0PeerNetns) && Number(eth0PeerNetns) === process.pid ? ['ip'] : ['ip', '-n', eth0PeerNetns];
  sh([...inPeerNs, 'link', 'set', peer, 'up']);
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
  return peer;
}

/** Where the model says `UNKNOWN` for the OVS datapath, a bridge says `UP`. */
export function datapathState(real: string, net: NodeNetwork): string {
  const dp = net.interfaces.find((i) => i.name === 'datapath')!;
  return real.replace(/^(\d+: datapath: .* state )UP( .*)$/m, `$1${dp.state}$2`).replace(/^(datapath\s+)UP(\s+)/m, (_, a: string, b: string) => a + dp.state.padEnd(2) + b.slice(dp.state.length - 2));
}
