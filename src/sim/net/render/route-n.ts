// `route -n` of net-tools 2.10: fixed columns, flags U (up), G (gateway), H (host).

import { netmaskText } from '../../proxy/ipv4';
import type { NodeNetwork } from './node-network';

export function routeN(net: NodeNetwork): string {
  const lines = ['Kernel IP routing table', 'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface'];
  for (const r of net.routes) {
    const dst = r.dst ? r.dst.addr : '0.0.0.0';
    const len = r.dst ? r.dst.len : 0;
    let flags = 'U';
    if (r.via) flags += 'G';
    if (len === 32) flags += 'H';
    lines.push(
      `${dst.padEnd(15)} ${(r.via ?? '0.0.0.0').padEnd(15)} ${netmaskText(len).padEnd(15)} ${flags.padEnd(5)} ${'0'.padEnd(6)} ${'0'.padEnd(2)} ${'0'.padStart(7)} ${r.dev}`,
    );
  }
  return lines.join('\n') + '\n';
}
