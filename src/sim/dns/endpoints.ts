// A service's endpoints as CoreDNS sees them: the EndpointSlices labelled with
// the service's name, IPv4 ones only, ready endpoints only.

import type { EndpointSlice, SliceEndpoint } from '../api/types';
import { SERVICE_NAME_LABEL, type ObjectSource } from './source';

/** An unset `ready` condition means "unknown", which consumers treat as ready. */
export function isEndpointReady(ep: SliceEndpoint): boolean {
  return ep.conditions?.ready !== false;
}

export interface DnsEndpoint {
  ip: string;
  hostname?: string;
  /** The slice's ports: name (may be empty) -> port number and protocol. */
  ports: { name: string; port: number; protocol: 'TCP' | 'UDP' | 'SCTP' }[];
}

/** Ready IPv4 endpoints of one service, each address once, in slice order. */
export function readyEndpoints(source: ObjectSource, namespace: string, service: string): DnsEndpoint[] {
  const slices = source.listMatching('EndpointSlice', namespace, { [SERVICE_NAME_LABEL]: service }) as EndpointSlice[];
  const seen = new Set<string>();
  const out: DnsEndpoint[] = [];
  for (const slice of slices) {
    if (slice.addressType !== 'IPv4') continue;
    const ports = (slice.ports ?? [])
      .filter((p) => p.port !== undefined)
      .map((p) => ({ name: p.name ?? '', port: p.port!, protocol: p.protocol ?? 'TCP' }));
    for (const ep of slice.endpoints ?? []) {
      if (!isEndpointReady(ep)) continue;
      for (const ip of ep.addresses) {
        if (seen.has(ip)) continue;
        seen.add(ip);
        out.push({ ip, hostname: ep.hostname, ports });
      }
    }
  }
  return out;
}
