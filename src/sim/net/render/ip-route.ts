// `ip route show` and `ip route get` (iproute2 6.1): every line ends with a space.

import { isLocalAddress, lookupRoute, sourceAddressFor, type NodeNetwork, type Route } from './node-network';
import { isIPv4 } from '../../proxy/ipv4';
import type { IpResult } from './ip-addr';

export function routeLine(r: Route): string {
  let s = r.dst ? (r.dst.len === 32 ? r.dst.addr : `${r.dst.addr}/${r.dst.len}`) : 'default';
  if (r.via) s += ` via ${r.via}`;
  s += ` dev ${r.dev}`;
  if (r.protoKernel) s += ' proto kernel';
  if (r.scopeLink) s += ' scope link';
  if (r.src) s += ` src ${r.src}`;
  return `${s} `;
}

export function ipRouteShow(net: NodeNetwork): string {
  return net.routes.map((r) => routeLine(r) + '\n').join('');
}

/** `ip route get ADDR` as root (uid 0). */
export function ipRouteGet(net: NodeNetwork, dst: string): IpResult {
  if (!isIPv4(dst)) return { stdout: '', stderr: `Error: any valid prefix is expected rather than "${dst}".\n`, exitCode: 1 };
  if (isLocalAddress(net, dst)) {
    return { stdout: `local ${dst} dev lo src ${sourceAddressFor(net, dst)} uid 0 \n    cache <local> \n`, stderr: '', exitCode: 0 };
  }
  const r = lookupRoute(net, dst);
  if (!r) return { stdout: '', stderr: 'RTNETLINK answers: Network is unreachable\n', exitCode: 2 };
  const via = r.via ? ` via ${r.via}` : '';
  return { stdout: `${dst}${via} dev ${r.dev} src ${sourceAddressFor(net, dst)} uid 0 \n    cache \n`, stderr: '', exitCode: 0 };
}
