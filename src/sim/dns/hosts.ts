// A pod's /etc/hosts, as the kubelet writes it (the "Kubernetes-managed hosts
// file"), and lookups in it: the stub resolver reads it before asking DNS, which
// is why a pod resolves its own name, and why busybox 1.28's nslookup shows a
// headless endpoint's own line with the pod's hostname.

import type { Pod } from '../api/types';

export interface HostsEntry {
  ip: string;
  names: string[];
}

/** The pod's hostname: spec.hostname, else the pod name, cut to 63 characters as the kubelet does. */
export function podHostname(pod: Pod): string {
  let h = pod.spec.hostname || pod.metadata.name || '';
  if (h.length > 63) h = h.slice(0, 63).replace(/[-.]+$/, '');
  return h;
}

/** `<hostname>.<subdomain>.<ns>.svc.<domain>` when the pod sets a subdomain. */
export function podFqdn(pod: Pod, clusterDomain = 'cluster.local'): string | undefined {
  if (!pod.spec.subdomain) return undefined;
  return `${podHostname(pod)}.${pod.spec.subdomain}.${pod.metadata.namespace ?? 'default'}.svc.${clusterDomain}`;
}

const STATIC: HostsEntry[] = [
  { ip: '127.0.0.1', names: ['localhost'] },
  { ip: '::1', names: ['localhost', 'ip6-localhost', 'ip6-loopback'] },
  { ip: 'fe00::0', names: ['ip6-localnet'] },
  { ip: 'fe00::0', names: ['ip6-mcastprefix'] },
  { ip: 'fe00::1', names: ['ip6-allnodes'] },
  { ip: 'fe00::2', names: ['ip6-allrouters'] },
];

export interface HostAlias {
  ip: string;
  hostnames?: string[];
}

/** The entries of the managed hosts file (hostNetwork pods use the node's file instead). */
export function podHostsEntries(pod: Pod, clusterDomain = 'cluster.local'): HostsEntry[] {
  const entries = STATIC.map((e) => ({ ip: e.ip, names: [...e.names] }));
  const hostname = podHostname(pod);
  const fqdn = podFqdn(pod, clusterDomain);
  const ips = pod.status?.podIPs?.map((p) => p.ip) ?? (pod.status?.podIP ? [pod.status.podIP] : []);
  for (const ip of ips) entries.push({ ip, names: fqdn ? [fqdn, hostname] : [hostname] });
  for (const alias of hostAliases(pod)) entries.push({ ip: alias.ip, names: alias.hostnames ?? [] });
  return entries;
}

function hostAliases(pod: Pod): HostAlias[] {
  const spec = pod.spec as { hostAliases?: HostAlias[] };
  return spec.hostAliases ?? [];
}

/**
 * The kubelet's fixed lines (pkg/kubelet/kubelet_pods.go managedHostsFileContent):
 * a tab after the address, and the ::1 line's names separated by spaces.
 */
const MANAGED_HOSTS_HEADER =
  '# Kubernetes-managed hosts file.\n' +
  '127.0.0.1\tlocalhost\n' +
  '::1\tlocalhost ip6-localhost ip6-loopback\n' +
  'fe00::0\tip6-localnet\n' +
  'fe00::0\tip6-mcastprefix\n' +
  'fe00::1\tip6-allnodes\n' +
  'fe00::2\tip6-allrouters\n';

/** The file's text as the kubelet writes it: the fixed lines, then `IP\tHOSTNAME` (or `IP\tFQDN\tHOSTNAME`) per pod IP. */
export function formatPodHosts(pod: Pod, clusterDomain = 'cluster.local'): string {
  const all = podHostsEntries(pod, clusterDomain);
  const aliases = hostAliases(pod);
  const main = all.slice(STATIC.length, all.length - aliases.length);
  let out = MANAGED_HOSTS_HEADER;
  for (const e of main) out += `${e.ip}\t${e.names.join('\t')}\n`;
  if (aliases.length) {
    out += '\n# Entries added by HostAliases.\n';
    for (const a of aliases) out += `${a.ip}\t${(a.hostnames ?? []).join('\t')}\n`;
  }
  return out;
}

/** Addresses for a name (files before dns): exact, case-insensitive, no search list. */
export function hostsLookup(entries: readonly HostsEntry[], name: string, family: 'inet' | 'inet6' | 'unspec'): string[] {
  const lower = name.replace(/\.$/, '').toLowerCase();
  const out: string[] = [];
  for (const e of entries) {
    const v6 = e.ip.includes(':');
    if ((family === 'inet' && v6) || (family === 'inet6' && !v6)) continue;
    if (e.names.some((n) => n.toLowerCase() === lower) && !out.includes(e.ip)) out.push(e.ip);
  }
  return out;
}

/** The name for an address (getnameinfo consults the file first): the first name on its first line. */
export function hostsReverse(entries: readonly HostsEntry[], ip: string): string | undefined {
  return entries.find((e) => e.ip === ip && e.names.length > 0)?.names[0];
}
