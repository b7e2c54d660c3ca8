// A pod's network namespace under weave, in the node model's terms (so the
// node renderers apply), and busybox's own renderings of it: `ip addr|link|
// route` (busybox's iproute: no `state`/`group`, no `proto kernel`, `qlen` only
// when not 0, `M-DOWN` for a peer it cannot see) and `ifconfig` (net-tools-like
// but busybox's). Checked against busybox 1.35 in a network namespace set up
// the same way (ip.oracle in src/shell/net/pod).
//
// What the weave CNI plugin (plugin/net/cni.go) sets up: eth0 with the IP from
// weave's IPAM as a /12 of the allocation range (no broadcast address), MTU
// 1376, and, since the config names no routes, one default route via the
// node's weave bridge IP. The kernel adds the /12's link route (proto kernel,
// scope link, src the pod IP).

import { intToIp, ipToInt, maskOf, netmaskText, parseCidr } from '../../proxy/ipv4';
import { linkLocalFromMac, loopback, macFrom, type Interface, type NodeNetwork, type Route } from './node-network';

export interface PodNetworkInput {
  /** pod name, for the model's name */
  name: string;
  ip: string;
  bridgeIP: string;
  weaveCIDR?: string;
  /** eth0's index in the pod (its index in the node before it moved) and its host-side peer's */
  index: number;
  peerIndex: number;
}

/** The MAC of a pod's eth0: locally administered, derived from the pod IP. */
export function podMac(ip: string): string {
  return macFrom(`pod-eth0/${ip}`);
}

export function podNetwork(p: PodNetworkInput): NodeNetwork {
  const weaveCIDR = parseCidr(p.weaveCIDR ?? '10.32.0.0/12')!;
  const mac = podMac(p.ip);
  const lo = loopback();
  const eth0: Interface = {
    index: p.index,
    name: 'eth0',
    peerIndex: p.peerIndex,
    linkNetnsId: 0,
    flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
    mtu: 1376,
    qdisc: 'noqueue',
    state: 'UP',
    qlen: 0,
    linkType: 'ether',
    mac,
    addresses: [
      { family: 'inet', address: p.ip, prefix: weaveCIDR.len, scope: 'global' },
      { family: 'inet6', address: linkLocalFromMac(mac), prefix: 64, scope: 'link' },
    ],
  };
  const net = intToIp((ipToInt(p.ip) & maskOf(weaveCIDR.len)) >>> 0);
  const routes: Route[] = [
    { via: p.bridgeIP, dev: 'eth0', protoKernel: false, scopeLink: false },
    { dst: parseCidr(`${net}/${weaveCIDR.len}`)!, dev: 'eth0', protoKernel: true, scopeLink: true, src: p.ip },
  ];
  return {
    name: p.name,
    ip: p.ip,
    bridgeIP: p.bridgeIP,
    weaveCIDR,
    eth0Cidr: parseCidr(`${net}/${weaveCIDR.len}`)!,
    gateway: p.bridgeIP,
    interfaces: [lo, eth0],
    routes,
  };
}

// ---- busybox `ip` ----------------------------------------------------------

function bbLinkHeader(i: Interface): string {
  // busybox cannot resolve the peer's index in this namespace: `@ifN` and the M-DOWN flag.
  const name = i.peerIndex !== undefined ? `${i.name}@if${i.peerIndex}` : i.name;
  const flags = [...i.flags, ...(i.peerIndex !== undefined ? ['M-DOWN'] : [])];
  return `${i.index}: ${name}: <${flags.join(',')}> mtu ${i.mtu} qdisc ${i.qdisc} ${i.qlen ? `qlen ${i.qlen}` : ''}`;
}

function bbLinkLayer(i: Interface): string {
  const brd = i.linkType === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff';
  return `    link/${i.linkType} ${i.mac} brd ${brd}`;
}

export interface BusyboxIpOptions {
  dev?: string;
  family?: 'inet' | 'inet6';
}

export type BbResult = { stdout: string; stderr: string; exitCode: number };

/** An unknown device: `ip addr` exits 1, `ip link` 2 (busybox 1.35). */
function selectDev(net: NodeNetwork, dev: string | undefined, missingExit = 1): Interface[] | BbResult {
  if (dev === undefined) return net.interfaces;
  const i = net.interfaces.find((x) => x.name === dev);
  if (!i) return { stdout: '', stderr: `ip: can't find device '${dev}'\n`, exitCode: missingExit };
  return [i];
}

export function busyboxIpAddr(net: NodeNetwork, o: BusyboxIpOptions = {}): BbResult {
  const sel = selectDev(net, o.dev);
  if (!Array.isArray(sel)) return sel;
  let out = '';
  for (const i of sel) {
    const addrs = i.addresses.filter((a) => !o.family || a.family === o.family);
    if (o.family && !addrs.length) continue;
    out += bbLinkHeader(i) + '\n';
    if (!o.family) out += bbLinkLayer(i) + '\n';
    for (const a of addrs) {
      out +=
        a.family === 'inet'
          ? `    inet ${a.address}/${a.prefix}${a.broadcast ? ` brd ${a.broadcast}` : ''} scope ${a.scope} ${i.name}\n`
          : `    inet6 ${a.address}/${a.prefix} scope ${a.scope} \n`;
      out += '       valid_lft forever preferred_lft forever\n';
    }
  }
  return { stdout: out, stderr: '', exitCode: 0 };
}

export function busyboxIpLink(net: NodeNetwork, o: BusyboxIpOptions = {}): BbResult {
  const sel = selectDev(net, o.dev, 2);
  if (!Array.isArray(sel)) return sel;
  return { stdout: sel.map((i) => `${bbLinkHeader(i)}\n${bbLinkLayer(i)}\n`).join(''), stderr: '', exitCode: 0 };
}

/** busybox's print_route(): `proto kernel` left out, two spaces before `src`. */
export function busyboxIpRoute(net: NodeNetwork): BbResult {
  // "scope link " + " src X " prints as "scope link  src X ".
  const lines = net.routes.map((r) => {
    let s = r.dst ? (r.dst.len === 32 ? r.dst.addr : `${r.dst.addr}/${r.dst.len}`) : 'default';
    if (r.via) s += ` via ${r.via}`;
    s += ` dev ${r.dev} `;
    if (r.scopeLink) s += 'scope link ';
    if (r.src) s += ` src ${r.src} `;
    return s + '\n';
  });
  return { stdout: lines.join(''), stderr: '', exitCode: 0 };
}

// ---- busybox `ifconfig` ----------------------------------------------------

export interface IfStats {
  rxPackets: number;
  txPackets: number;
  rxBytes: number;
  txBytes: number;
}

/** busybox's print_bytes_scaled(): `N (I.F UNIT)` with binary units. */
function scaled(n: number): string {
  let int = n;
  let frac = 0;
  const units = ['', 'Ki', 'Mi', 'Gi', 'Ti'];
  let u = 0;
  for (let k = 0; k < 4; k++) {
    if (int >= 1024) {
      frac = Math.floor(((int % 1024) * 10) / 1024);
      int = Math.floor(int / 1024);
      u++;
    }
  }
  return `${n} (${int}.${frac} ${units[u]}B)`;
}

function ifconfigBlock(i: Interface, s: IfStats): string {
  const lines: string[] = [];
  const encap = i.linkType === 'loopback' ? 'Local Loopback  ' : `Ethernet  HWaddr ${i.mac.toUpperCase()}  `;
  lines.push(`${i.name.padEnd(10)}Link encap:${encap}`);
  for (const a of i.addresses) {
    if (a.family !== 'inet') continue;
    const mask = netmaskText(a.prefix);
    lines.push(
      i.linkType === 'loopback'
        ? `          inet addr:${a.address}  Mask:${mask}`
        : `          inet addr:${a.address}  Bcast:${a.broadcast ?? '0.0.0.0'}  Mask:${mask}`,
    );
  }
  for (const a of i.addresses) {
    if (a.family !== 'inet6') continue;
    lines.push(`          inet6 addr: ${a.address}/${a.prefix} Scope:${a.scope === 'host' ? 'Host' : a.scope === 'link' ? 'Link' : 'Global'}`);
  }
  const flags = i.linkType === 'loopback' ? 'UP LOOPBACK RUNNING' : 'UP BROADCAST RUNNING MULTICAST';
  lines.push(`          ${flags}  MTU:${i.mtu}  Metric:1`);
  lines.push(`          RX packets:${s.rxPackets} errors:0 dropped:0 overruns:0 frame:0`);
  lines.push(`          TX packets:${s.txPackets} errors:0 dropped:0 overruns:0 carrier:0`);
  lines.push(`          collisions:0 txqueuelen:${i.qlen} `);
  lines.push(`          RX bytes:${scaled(s.rxBytes)}  TX bytes:${scaled(s.txBytes)}`);
  return lines.join('\n') + '\n\n';
}

/** `ifconfig [-a] [IFACE]`: every device up (eth0 before lo, /proc/net/dev's order in a pod), or one. */
export function busyboxIfconfig(net: NodeNetwork, stats: (i: Interface) => IfStats, dev?: string): BbResult {
  if (dev !== undefined) {
    const i = net.interfaces.find((x) => x.name === dev);
    if (!i) return { stdout: '', stderr: `ifconfig: ${dev}: error fetching interface information: Device not found\n`, exitCode: 1 };
    return { stdout: ifconfigBlock(i, stats(i)), stderr: '', exitCode: 0 };
  }
  const order = [...net.interfaces.filter((i) => i.name !== 'lo'), ...net.interfaces.filter((i) => i.name === 'lo')];
  return { stdout: order.map((i) => ifconfigBlock(i, stats(i))).join(''), stderr: '', exitCode: 0 };
}
