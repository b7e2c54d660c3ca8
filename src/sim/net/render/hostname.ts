// `hostname -i` and `hostname -I` (Debian's hostname 3.23) on a kind node.

import type { NodeNetwork } from './node-network';

/** The node's /etc/hosts as docker writes it for a container on a user-defined network. */
export function etcHosts(name: string, ip: string, ipv6?: string): string {
  const lines = [
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'ff00::0\tip6-mcastprefix',
    'ff02::1\tip6-allnodes',
    'ff02::2\tip6-allrouters',
    `${ip}\t${name}`,
  ];
  if (ipv6) lines.push(`${ipv6}\t${name}`);
  return lines.join('\n') + '\n';
}

/**
 * `hostname -i`: the addresses the host name resolves to (getaddrinfo over /etc/hosts,
 * IPv6 first as glibc sorts a ULA before a private IPv4 address), space-separated.
 */
export function hostnameI(net: NodeNetwork): string {
  const eth0 = net.interfaces.find((i) => i.name === 'eth0');
  const v6 = eth0?.addresses.find((a) => a.family === 'inet6' && a.scope === 'global');
  return (v6 ? `${v6.address} ${net.ip}` : net.ip) + '\n';
}

/** `hostname -I`: every global address, IPv4 first, in interface order; a space after each. */
export function hostnameCapitalI(net: NodeNetwork): string {
  let s = '';
  for (const family of ['inet', 'inet6'] as const) {
    for (const i of net.interfaces) {
      if (i.name === 'lo') continue;
      for (const a of i.addresses) if (a.family === family && a.scope === 'global') s += `${a.address} `;
    }
  }
  return s + '\n';
}
