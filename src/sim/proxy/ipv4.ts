// IPv4 helpers for rule matching and rendering. Addresses are unsigned 32-bit numbers.

import type { Cidr } from './rules/model';

export function ipToInt(ip: string): number {
  // Hand-rolled: this runs for every endpoint of every sync and every packet.
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return NaN;
      n = n * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      part = part * 10 + (c - 48);
      digits++;
      if (part > 255) return NaN;
    } else {
      return NaN;
    }
  }
  if (dots !== 3 || digits === 0) return NaN;
  return n * 256 + part;
}

export function intToIp(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export function isIPv4(s: string): boolean {
  return !Number.isNaN(ipToInt(s));
}

export function maskOf(len: number): number {
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

/** `a.b.c.d/n` (or a bare address, /32) to the network it names, host bits cleared as iptables does. */
export function parseCidr(text: string): Cidr | undefined {
  const [addr, lenText] = text.split('/');
  const ip = ipToInt(addr);
  if (Number.isNaN(ip)) return undefined;
  const len = lenText === undefined ? 32 : Number(lenText);
  if (!Number.isInteger(len) || len < 0 || len > 32) return undefined;
  return { addr: intToIp((ip & maskOf(len)) >>> 0), len };
}

export function cidrContains(c: Cidr, ip: string): boolean {
  const m = maskOf(c.len);
  return ((ipToInt(ip) & m) >>> 0) === ((ipToInt(c.addr) & m) >>> 0);
}

export function cidrText(c: Cidr): string {
  return `${c.addr}/${c.len}`;
}

/** Dotted netmask of a prefix length: 12 -> 255.240.0.0 */
export function netmaskText(len: number): string {
  return intToIp(maskOf(len));
}
