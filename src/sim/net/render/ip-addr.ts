// `ip addr` and `ip link` of iproute2 6.1 (Debian 12): full and brief (-br)
// forms, -4/-6 filters and `show dev X`.

import type { Address, Interface, NodeNetwork } from './node-network';

export interface IpShowOptions {
  /** only this device (`ip addr show dev eth0`) */
  dev?: string;
  family?: 'inet' | 'inet6';
  brief?: boolean;
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
    if (opts.brief) {
      let s = `${ifName(i).padEnd(16)} ${i.state.padEnd(14)} `;
      for (const a of addrs) s += `${a.address}/${a.prefix} `;
      lines.push(s);
      continue;
    }
    // With -4/-6, interfaces without such addresses are left out, and so is the link line
    // (whose link-netns part then ends up on the header).
    if (opts.family && addrs.length === 0) continue;
    if (opts.family === 'inet6' && opts.dev === undefined) lines.push(shortHeader(i, net.interfaces));
    else if (opts.family) lines.push(linkHeader(i, false) + netnsSuffix(i));
    else lines.push(linkHeader(i, false), linkLayer(i));
    for (const a of addrs) lines.push(...addressLines(i, a));
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
    lines.push(linkHeader(i, true), linkLayer(i));
  }
  return { stdout: lines.length ? lines.join('\n') + '\n' : '', stderr: '', exitCode: 0 };
}
