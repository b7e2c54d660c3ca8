// `route` of net-tools 2.10: the kernel's IPv4 routing table in fixed columns,
// flags U (up), G (gateway), H (host); -e and -ee add the MSS, window and
// initial RTT columns (all 0 on a node); -C shows the (always empty) cache.

import { netmaskText } from '../../proxy/ipv4';
import type { NodeNetwork } from './node-network';

export interface RouteOptions {
  /** -e given once (1) or twice (2); 3 and more print the title only */
  extend?: number;
  /** -C */
  cache?: boolean;
  /** how to print the default route's destination (`default` without -n) */
  defaultName?: string;
  /** how to print a gateway of 0.0.0.0 (busybox without -n: `*`) */
  noGateway?: string;
}

export function routeN(net: NodeNetwork, opts: RouteOptions = {}): string {
  const ext = opts.extend ?? 0;
  if (opts.cache) {
    const head = ext === 1 ? 'Flags   MSS Window  irtt Iface' : 'Flags Metric Ref    Use Iface';
    return ext >= 2 ? 'Kernel IP routing cache\n' : `Kernel IP routing cache\nSource          Destination     Gateway         ${head}\n`;
  }
  if (ext >= 3) return 'Kernel IP routing table\n';
  const lines = ['Kernel IP routing table'];
  if (ext === 1) lines.push('Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface');
  else if (ext === 2) lines.push('Destination     Gateway         Genmask         Flags Metric Ref    Use Iface    MSS   Window irtt');
  else lines.push('Destination     Gateway         Genmask         Flags Metric Ref    Use Iface');
  for (const r of net.routes) {
    const dst = r.dst ? r.dst.addr : (opts.defaultName ?? '0.0.0.0');
    const len = r.dst ? r.dst.len : 0;
    let flags = 'U';
    if (r.via) flags += 'G';
    if (len === 32) flags += 'H';
    const head = `${dst.padEnd(15)} ${(r.via ?? opts.noGateway ?? '0.0.0.0').padEnd(15)} ${netmaskText(len).padEnd(15)} ${flags.padEnd(5)}`;
    // net-tools: "%-5s %5d %-6d %5d %s" for -e; "%-5s %-6d %-2d %7d %-8s %-5d %-6d %d" for -ee.
    if (ext === 1) lines.push(`${head} ${'0'.padStart(5)} ${'0'.padEnd(6)} ${'0'.padStart(5)} ${r.dev}`);
    else if (ext === 2) lines.push(`${head} ${'0'.padEnd(6)} ${'0'.padEnd(2)} ${'0'.padStart(7)} ${r.dev.padEnd(8)} ${'0'.padEnd(5)} ${'0'.padEnd(6)} 0`);
    else lines.push(`${head} ${'0'.padEnd(6)} ${'0'.padEnd(2)} ${'0'.padStart(7)} ${r.dev}`);
  }
  return lines.join('\n') + '\n';
}
