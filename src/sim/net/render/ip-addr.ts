// `ip addr` and `ip link` of iproute2 6.1 (Debian 12): full, brief (-br) and
// one-line (-o) forms, -4/-6 filters, `show dev X`, and -s statistics.

import type { Address, Interface, NodeNetwork } from './node-network';

export interface IpShowOptions {
  /** only this device (`ip addr show dev eth0`) */
  dev?: string;
  family?: 'inet' | 'inet6';
  brief?: boolean;
  /** -o: each record on one line, its line breaks printed as `\` */
  oneline?: boolean;
  /** -s: the device's counters after each record */
  stats?: (i: Interface) => LinkStats;
}

export interface LinkStats {
  rxBytes: number;
  rxPackets: number;
  rxErrors: number;
  rxDropped: number;
  rxMissed: number;
  rxMcast: number;
  txBytes: number;
  txPackets: number;
  txErrors: number;
  txDropped: number;
  txCarrier: number;
  txCollisions: number;
}

/** print_link_stats64(): columns as wide as their header or their widest number; each number followed by a space. */
export function statsLines(s: LinkStats): string[] {
  const cols = [10, 7, 6, 7, 7, 7, 10];
  const size = (vals: number[]) => vals.forEach((v, k) => (cols[k] = Math.max(cols[k], String(v).length)));
  const rx = [s.rxBytes, s.rxPackets, s.rxErrors, s.rxDropped, s.rxMissed, s.rxMcast];
  const tx = [s.txBytes, s.txPackets, s.txErrors, s.txDropped, s.txCarrier, s.txCollisions];
  size(rx);
  size(tx);
  const header = (dir: string, names: string[]) =>
    `    ${dir}: ${'bytes'.padStart(cols[0] - 4)} ${names.map((n, k) => n.padStart(cols[k + 1])).join(' ')} ${''.padStart(cols[6])}`;
  const row = (vals: number[]) => `    ${vals.map((v, k) => `${String(v).padStart(cols[k])} `).join('')}`;
  return [header('RX', ['packets', 'errors', 'dropped', 'missed', 'mcast']), row(rx), header('TX', ['packets', 'errors', 'dropped', 'carrier', 'collsns']), row(tx)];
}

/** Join a record's lines: one per line, or on one line with `\` for -o. */
function record(lines: string[], oneline?: boolean): string {
  return oneline ? lines.join('\\') : lines.join('\n');
}

export interface IpResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

function ifName(i: Interface): string {
  if (i.peerName) return `${i.name}@${i.peerName}`;
  if (i.peerIndex !== undefined) return `${i.name}@if${i.peerIndex}`;
  return i.name;
}

function linkHeader(i: Interface, withMode: boolean): string {
  let s = `${i.index}: ${ifName(i)}: <${i.flags.join(',')}> mtu ${i.mtu} qdisc ${i.qdisc}`;
  if (i.master) s += ` master ${i.master}`;
  s += ` state ${i.state}`;
  if (withMode) s += ' mode DEFAULT';
  // iproute2 prints "group default " and then the queue length only when it is not 0.
  s += ' group default ';
  if (i.qlen) s += `qlen ${i.qlen}`;
  return s;
}

function netnsSuffix(i: Interface): string {
  if (i.linkNetns) return ` link-netns ${i.linkNetns}`;
  if (i.linkNetnsId !== undefined) return ` link-netnsid ${i.linkNetnsId}`;
  return '';
}

/**
 * `ip -6 addr` over all devices (iproute2 6.1) prints a reduced header: no qdisc, master
 * or group, and a peer in another namespace named after whatever local device has
 * the peer's index.
 */
function shortHeader(i: Interface, all: readonly Interface[]): string {
  let name = i.name;
  if (i.peerName) name += `@${i.peerName}`;
  else if (i.peerIndex !== undefined) name += `@${all.find((x) => x.index === i.peerIndex)?.name ?? `if${i.peerIndex}`}`;
  return `${i.index}: ${name}: <${i.flags.join(',')}> mtu ${i.mtu} state ${i.state} ${i.qlen ? `qlen ${i.qlen}` : ''}`;
}

function linkLayer(i: Interface): string {
  const brd = i.linkType === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff';
  return `    link/${i.linkType} ${i.mac} brd ${brd}${netnsSuffix(i)}`;
}

function addressLines(i: Interface, a: Address): string[] {
  const first =
    a.family === 'inet'
      ? `    inet ${a.address}/${a.prefix}${a.broadcast ? ` brd ${a.broadcast}` : ''} scope ${a.scope} ${i.name}`
      : `    inet6 ${a.address}/${a.prefix} scope ${a.scope} ${a.nodad ? 'nodad ' : ''}`;
  return [first, '       valid_lft forever preferred_lft forever'];
}

function select(net: NodeNetwork, opts: IpShowOptions): Interface[] | IpResult {
  if (opts.dev === undefined) return net.interfaces;
  const i = net.interfaces.find((x) => x.name === opts.dev);
  if (!i) return { stdout: '', stderr: `Device "${opts.dev}" does not exist.\n`, exitCode: 1 };
  return [i];
}

export function ipAddr(net: NodeNetwork, opts: IpShowOptions = {}): IpResult {
  const sel = select(net, opts);
  if (!Array.isArray(sel)) return sel;
  const lines: string[] = [];
  for (const i of sel) {
    const addrs = i.addresses.filter((a) => !opts.family || a.family === opts.family);
    if (opts.oneline && !opts.brief) {
      // -o: one line per address, after the device's index and plain name.
      for (const a of addrs) {
        const [first, ...rest] = addressLines(i, a);
        lines.push(record([`${i.index}: ${i.name}    ${first.trimStart()}`, ...rest], true));
      }
      continue;
    }
    if (opts.brief) {
      let s = `${ifName(i).padEnd(16)} ${i.state.padEnd(14)} `;
      for (const a of addrs) s += `${a.address}/${a.prefix} `;
      lines.push(s);
      continue;
    }
    // With -4/-6, interfaces without such addresses are left out, and so is the link line
    // (whose link-netns part then ends up on the header).
    if (opts.family && addrs.length === 0) continue;
    const block: string[] = [];
    if (opts.family === 'inet6' && opts.dev === undefined) block.push(shortHeader(i, net.interfaces));
    else if (opts.family) block.push(linkHeader(i, false) + netnsSuffix(i));
    else block.push(linkHeader(i, false), linkLayer(i));
    for (const a of addrs) block.push(...addressLines(i, a));
    if (opts.stats && !opts.family) block.push(...statsLines(opts.stats(i)));
    lines.push(record(block));
  }
  return { stdout: lines.length ? lines.join('\n') + '\n' : '', stderr: '', exitCode: 0 };
}

export function ipLink(net: NodeNetwork, opts: IpShowOptions = {}): IpResult {
  const sel = select(net, opts);
  if (!Array.isArray(sel)) return sel;
  const lines: string[] = [];
  for (const i of sel) {
    if (opts.brief) {
      lines.push(`${ifName(i).padEnd(16)} ${i.state.padEnd(14)} ${i.mac} <${i.flags.join(',')}> `);
      continue;
    }
    const block = [linkHeader(i, true), linkLayer(i)];
    if (opts.stats) block.push(...statsLines(opts.stats(i)));
    lines.push(record(block, opts.oneline));
  }
  return { stdout: lines.length ? lines.join('\n') + '\n' : '', stderr: '', exitCode: 0 };
}

/** A stable number in [0, 1) from a string. */
function unit(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
}

/**
 * Counters for `ip -s`: the simulator does not count frames, so these grow
 * steadily with the node's uptime at rates typical of a small kind node
 * (loopback and eth0 busy with the control plane's chatter, weave's devices
 * with its peers' heartbeats, each pod's veth with a trickle), a little
 * different on each node and device.
 */
export function plausibleLinkStats(node: string, i: Interface, uptimeS: number, controlPlane: boolean): LinkStats {
  const [rxRate, rxSize, txRate, txSize] =
    i.name === 'lo'
      ? controlPlane
        ? [420, 520, 420, 520]
        : [28, 310, 28, 310]
      : i.name === 'eth0'
        ? controlPlane
          ? [95, 380, 110, 1150]
          : [60, 1020, 52, 420]
        : i.name === 'weave' || i.name === 'datapath'
          ? [2.2, 110, 1.4, 96]
          : i.name.startsWith('vethwe') || i.name === 'vxlan-6784'
            ? [1.6, 104, 1.6, 104]
            : [0.4, 92, 0.5, 88];
  const j = 0.85 + 0.3 * unit(`${node}/${i.name}`);
  const t = Math.max(0, uptimeS);
  const rxPackets = Math.floor(rxRate * j * t);
  const txPackets = i.name === 'lo' ? rxPackets : Math.floor(txRate * j * t);
  return {
    rxBytes: Math.floor(rxPackets * rxSize),
    rxPackets,
    rxErrors: 0,
    rxDropped: 0,
    rxMissed: 0,
    rxMcast: 0,
    txBytes: i.name === 'lo' ? Math.floor(rxPackets * rxSize) : Math.floor(txPackets * txSize),
    txPackets,
    txErrors: 0,
    txDropped: 0,
    txCarrier: 0,
    txCollisions: 0,
  };
}
