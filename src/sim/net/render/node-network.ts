// The network of a kind node running weave: its interfaces, addresses and
// routes, derived from plain inputs. The packet engine routes with the same
// model the `ip` / `route` renderers print, so what a learner reads is what
// packets do.
//
// Layout of a weave node (fastdp): eth0 is the docker veth into the kind network
// (index kept from the host side, `eth0@ifN`); weave adds the `datapath` (its Open
// vSwitch datapath), the `weave` bridge holding the node's /12 address, the veth
// pair vethwe-datapath/vethwe-bridge joining them, `vxlan-6784` towards the other
// peers, and one `vethwepl…@ifN` per local pod (the pod's eth0 is index N in the
// pod's network namespace).

import { cidrContains, intToIp, ipToInt, maskOf, parseCidr } from '../../proxy/ipv4';
import type { Cidr } from '../../proxy/rules/model';

export interface NodePodInput {
  namespace: string;
  name: string;
  ip: string;
  /** used to name the host-side veth as the weave CNI plugin does (vethwepl + 7 hex chars) */
  uid: string;
}

export interface NodeNetworkInput {
  name: string;
  /** eth0 address, e.g. 172.18.0.2 */
  ip: string;
  /** eth0 prefix length (the kind docker network is a /16) */
  prefix?: number;
  /** default gateway (the docker network's gateway) */
  gateway?: string;
  /** the node's IPv6 address on the kind network, if the network is dual-stack */
  ipv6?: string;
  bridgeIP: string;
  weaveCIDR?: string;
  /** ifindex of eth0 in the node and of its peer on the docker host */
  eth0Index?: number;
  eth0PeerIndex?: number;
  /** local (non-hostNetwork) pods in the order their sandboxes were created */
  pods: readonly NodePodInput[];
}

export interface Route {
  /** undefined for the default route */
  dst?: Cidr;
  via?: string;
  dev: string;
  protoKernel: boolean;
  scopeLink: boolean;
  src?: string;
}

export interface Address {
  family: 'inet' | 'inet6';
  address: string;
  prefix: number;
  broadcast?: string;
  scope: 'host' | 'global' | 'link';
  /** `nodad` on docker's IPv6 addresses */
  nodad?: boolean;
}

export interface Interface {
  index: number;
  name: string;
  /** `@peer` for a veth whose peer is in the same namespace, `@ifN` otherwise */
  peerName?: string;
  peerIndex?: number;
  /** the peer's namespace: a name (containerd's cni-… namespaces) or an id (unnamed, e.g. the docker host) */
  linkNetns?: string;
  linkNetnsId?: number;
  flags: string[];
  mtu: number;
  qdisc: string;
  master?: string;
  state: 'UP' | 'UNKNOWN' | 'DOWN';
  qlen: number;
  linkType: 'loopback' | 'ether';
  mac: string;
  addresses: Address[];
}

export interface NodeNetwork {
  name: string;
  ip: string;
  bridgeIP: string;
  weaveCIDR: Cidr;
  eth0Cidr: Cidr;
  gateway: string;
  interfaces: Interface[];
  routes: Route[];
}

const WEAVE_MTU = 1376;
const UP = ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'];

/** A MAC address from a seed string: locally administered, unicast, stable across runs. */
export function macFrom(seed: string): string {
  let h = 2166136261;
  const bytes: number[] = [];
  for (let round = 0; round < 6; round++) {
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
    h = Math.imul(h ^ round, 16777619);
    bytes.push((h >>> 16) & 255);
  }
  bytes[0] = (bytes[0] & 0xfc) | 0x02;
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** Docker's classic MAC for a container address: 02:42 followed by the IPv4 bytes. */
export function dockerMac(ip: string): string {
  return ['02', '42', ...ip.split('.').map((p) => Number(p).toString(16).padStart(2, '0'))].join(':');
}

/** The EUI-64 link-local address the kernel derives from a MAC. */
export function linkLocalFromMac(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  const words = [(b[0] ^ 2) << 8 | b[1], (b[2] << 8) | 0xff, 0xfe00 | b[3], (b[4] << 8) | b[5]];
  return `fe80::${words.map((w) => w.toString(16)).join(':')}`;
}

/** The host-side veth name the weave CNI plugin gives a pod: vethwepl + the first 7 hex digits of its id. */
export function weaveVethName(uid: string): string {
  const hex = uid.toLowerCase().replace(/[^0-9a-f]/g, '');
  if (hex.length >= 7) return `vethwepl${hex.slice(0, 7)}`;
  let h = 2166136261;
  for (let i = 0; i < uid.length; i++) h = Math.imul(h ^ uid.charCodeAt(i), 16777619);
  return `vethwepl${(h >>> 0).toString(16).padStart(8, '0').slice(0, 7)}`;
}

/** containerd names pod network namespaces /var/run/netns/cni-<uuid>; `ip` shows that name. */
export function cniNetnsName(uid: string): string {
  const hex: string[] = [];
  let h = 2166136261;
  for (let round = 0; hex.length < 32; round++) {
    for (let i = 0; i < uid.length; i++) h = Math.imul(h ^ uid.charCodeAt(i), 16777619);
    h = Math.imul(h ^ round, 16777619);
    hex.push(...(h >>> 0).toString(16).padStart(8, '0'));
  }
  const x = hex.slice(0, 32).join('');
  return `cni-${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

function broadcastOf(ip: string, prefix: number): string {
  return intToIp((ipToInt(ip) | ~maskOf(prefix)) >>> 0);
}

/** `lo` as every network namespace has it. */
export function loopback(): Interface {
  return {
    index: 1,
    name: 'lo',
    flags: ['LOOPBACK', 'UP', 'LOWER_UP'],
    mtu: 65536,
    qdisc: 'noqueue',
    state: 'UNKNOWN',
    qlen: 1000,
    linkType: 'loopback',
    mac: '00:00:00:00:00:00',
    addresses: [
      { family: 'inet', address: '127.0.0.1', prefix: 8, scope: 'host' },
      { family: 'inet6', address: '::1', prefix: 128, scope: 'host' },
    ],
  };
}

export function nodeNetwork(n: NodeNetworkInput): NodeNetwork {
  const prefix = n.prefix ?? 16;
  const gateway = n.gateway ?? intToIp(((ipToInt(n.ip) & maskOf(prefix)) + 1) >>> 0);
  const weaveCIDR = parseCidr(n.weaveCIDR ?? '10.32.0.0/12')!;
  const eth0Cidr = parseCidr(`${n.ip}/${prefix}`)!;
  const lastOctet = ipToInt(n.ip) & 255;
  const eth0Index = n.eth0Index ?? 2 * lastOctet + 4;
  const eth0PeerIndex = n.eth0PeerIndex ?? eth0Index + 1;
  const linkLocal = (mac: string): Address => ({ family: 'inet6', address: linkLocalFromMac(mac), prefix: 64, scope: 'link' });

  const interfaces: Interface[] = [];
  interfaces.push(loopback());

  // Indices handed out in the node's namespace, skipping eth0's (kept from the host side).
  let next = 2;
  const take = (): number => {
    if (next === eth0Index) next++;
    return next++;
  };
  const mac = (what: string) => macFrom(`${n.name}/${what}`);

  const datapathMac = mac('datapath');
  interfaces.push({
    index: take(),
    name: 'datapath',
    flags: UP,
    mtu: WEAVE_MTU,
    qdisc: 'noqueue',
    state: 'UNKNOWN',
    qlen: 1000,
    linkType: 'ether',
    mac: datapathMac,
    addresses: [linkLocal(datapathMac)],
  });
  const weaveMac = mac('weave');
  interfaces.push({
    index: take(),
    name: 'weave',
    flags: UP,
    mtu: WEAVE_MTU,
    qdisc: 'noqueue',
    state: 'UP',
    qlen: 1000,
    linkType: 'ether',
    mac: weaveMac,
    addresses: [
      { family: 'inet', address: n.bridgeIP, prefix: weaveCIDR.len, broadcast: broadcastOf(n.bridgeIP, weaveCIDR.len), scope: 'global' },
      linkLocal(weaveMac),
    ],
  });
  // veth_newlink registers the peer first: vethwe-datapath gets the lower index.
  const dpIndex = take();
  const brIndex = take();
  const vdMac = mac('vethwe-datapath');
  const vbMac = mac('vethwe-bridge');
  interfaces.push({
    index: dpIndex,
    name: 'vethwe-datapath',
    peerName: 'vethwe-bridge',
    flags: UP,
    mtu: WEAVE_MTU,
    qdisc: 'noqueue',
    master: 'datapath',
    state: 'UP',
    qlen: 0,
    linkType: 'ether',
    mac: vdMac,
    addresses: [linkLocal(vdMac)],
  });
  interfaces.push({
    index: brIndex,
    name: 'vethwe-bridge',
    peerName: 'vethwe-datapath',
    flags: UP,
    mtu: WEAVE_MTU,
    qdisc: 'noqueue',
    master: 'weave',
    state: 'UP',
    qlen: 0,
    linkType: 'ether',
    mac: vbMac,
    addresses: [linkLocal(vbMac)],
  });
  const vxMac = mac('vxlan-6784');
  interfaces.push({
    index: take(),
    name: 'vxlan-6784',
    flags: UP,
    mtu: 65535,
    qdisc: 'noqueue',
    master: 'datapath',
    state: 'UNKNOWN',
    qlen: 1000,
    linkType: 'ether',
    mac: vxMac,
    addresses: [linkLocal(vxMac)],
  });

  interfaces.push({
    index: eth0Index,
    name: 'eth0',
    peerIndex: eth0PeerIndex,
    linkNetnsId: 0,
    flags: UP,
    mtu: 1500,
    qdisc: 'noqueue',
    state: 'UP',
    qlen: 0,
    linkType: 'ether',
    mac: dockerMac(n.ip),
    addresses: [
      { family: 'inet', address: n.ip, prefix, broadcast: broadcastOf(n.ip, prefix), scope: 'global' },
      ...(n.ipv6 ? [{ family: 'inet6' as const, address: n.ipv6, prefix: 64, scope: 'global' as const, nodad: true }] : []),
      linkLocal(dockerMac(n.ip)),
    ],
  });

  n.pods.forEach((pod) => {
    // The pod end is created first (index k in the node, kept when moved into the pod).
    const podIndex = take();
    const hostIndex = take();
    const m = mac(`pod/${pod.uid}`);
    interfaces.push({
      index: hostIndex,
      name: weaveVethName(pod.uid),
      peerIndex: podIndex,
      linkNetns: cniNetnsName(pod.uid),
      flags: UP,
      mtu: WEAVE_MTU,
      qdisc: 'noqueue',
      master: 'weave',
      state: 'UP',
      qlen: 0,
      linkType: 'ether',
      mac: m,
      addresses: [linkLocal(m)],
    });
  });
  interfaces.sort((a, b) => a.index - b.index);

  const routes: Route[] = [
    { via: gateway, dev: 'eth0', protoKernel: false, scopeLink: false },
    { dst: weaveCIDR, dev: 'weave', protoKernel: true, scopeLink: true, src: n.bridgeIP },
    { dst: eth0Cidr, dev: 'eth0', protoKernel: true, scopeLink: true, src: n.ip },
  ];
  routes.sort(routeOrder);
  return { name: n.name, ip: n.ip, bridgeIP: n.bridgeIP, weaveCIDR, eth0Cidr, gateway, interfaces, routes };
}

/** Kernel FIB dump order for the main table: by network address, then prefix length. */
function routeOrder(a: Route, b: Route): number {
  const an = a.dst ? ipToInt(a.dst.addr) : 0;
  const bn = b.dst ? ipToInt(b.dst.addr) : 0;
  if (an !== bn) return an - bn;
  return (a.dst?.len ?? 0) - (b.dst?.len ?? 0);
}

/** Longest-prefix match in the main table. */
export function lookupRoute(net: NodeNetwork, dst: string): Route | undefined {
  let best: Route | undefined;
  let bestLen = -1;
  for (const r of net.routes) {
    const len = r.dst ? r.dst.len : 0;
    if (len > bestLen && (!r.dst || cidrContains(r.dst, dst))) {
      best = r;
      bestLen = len;
    }
  }
  return best;
}

/** Addresses of the local table: what `-m addrtype --*-type LOCAL` matches. */
export function isLocalAddress(net: NodeNetwork, ip: string): boolean {
  if ((ipToInt(ip) >>> 24) === 127) return true;
  return ip === net.ip || ip === net.bridgeIP;
}

/** Source address the kernel picks for a locally generated packet to `dst`. */
export function sourceAddressFor(net: NodeNetwork, dst: string): string {
  if ((ipToInt(dst) >>> 24) === 127) return '127.0.0.1';
  if (dst === net.ip || dst === net.bridgeIP) return dst;
  const r = lookupRoute(net, dst);
  if (r?.src) return r.src;
  return r?.dev === 'weave' ? net.bridgeIP : net.ip;
}
