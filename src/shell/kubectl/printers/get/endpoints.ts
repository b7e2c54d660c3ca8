// The endpoints table (printEndpoints), and the `ip:port` list it shows.

import type { Endpoints } from '../../../../sim/api/types';
import { ageOf } from '../../../text/duration';
import type { KindTableConverter } from './table';

const MAX_SHOWN = 3;

/** net.JoinHostPort: IPv6 addresses get brackets. */
export function joinHostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/**
 * Ready addresses as `ip:port`, port-major within each subset, in stored order
 * (the endpoints controller stores addresses sorted as strings). At most three,
 * then ` + N more...`. No subsets: `<none>`; subsets without ready addresses: ``.
 * `portNames` restricts the ports (describe's legacy use); undefined means all.
 */
export function formatEndpoints(ep: Endpoints, portNames?: Set<string>): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  let more = false;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      // Headless services may have no ports: bare IPs.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX_SHOWN) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const p of ports) {
      if (portNames && !portNames.has(p.name ?? '')) continue;
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX_SHOWN) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, p.port));
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - MAX_SHOWN} more...` : text;
}

export const endpointsTable: KindTableConverter = {
  columns: [{ name: 'Name', isName: true }, { name: 'Endpoints' }, { name: 'Age' }],
  cells(obj, now) {
    const ep = obj as Endpoints;
    return [ep.metadata.name ?? '', formatEndpoints(ep), ageOf(ep.metadata.creationTimestamp, now)];
  },
};
