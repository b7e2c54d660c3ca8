// kube-proxy's chain names (v1.19+ spelling): base32(sha256(text))[:16] behind a
// prefix. The service port name `ns/svc[:port]` plus the lower-case protocol is
// hashed for SVC/SVL/EXT/FW; the endpoint `ip:port` is appended for SEP.

import { base32 } from './hash/base32';
import { sha256 } from './hash/sha256';

export type Protocol = 'tcp' | 'udp' | 'sctp';

const encoder = new TextEncoder();

// Hashing dominates a full sync of 100,000 endpoints; the same strings come back
// at every sync, so remember them. Bounded so a long session cannot grow it forever.
const MAX_CACHE = 400_000;
const hashCache = new Map<string, string>();

export function hashSuffix(text: string): string {
  let h = hashCache.get(text);
  if (h === undefined) {
    h = base32(sha256(encoder.encode(text))).slice(0, 16);
    if (hashCache.size >= MAX_CACHE) hashCache.clear();
    hashCache.set(text, h);
  }
  return h;
}

/** `ns/svc` or `ns/svc:portName`: the text of rule comments and the hash input. */
export function servicePortName(namespace: string, service: string, portName: string | undefined): string {
  return portName ? `${namespace}/${service}:${portName}` : `${namespace}/${service}`;
}

export interface ServiceChainNames {
  svc: string;
  svl: string;
  ext: string;
  fw: string;
}

export function serviceChainNames(spn: string, protocol: Protocol): ServiceChainNames {
  const h = hashSuffix(spn + protocol);
  return { svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` };
}

/** `ip:port`, bracketing IPv6 addresses as Go's net.JoinHostPort does. */
export function endpointString(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export function endpointChainName(spn: string, protocol: Protocol, endpoint: string): string {
  return `KUBE-SEP-${hashSuffix(spn + protocol + endpoint)}`;
}
