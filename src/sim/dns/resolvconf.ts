// A pod's /etc/resolv.conf, as the kubelet computes it (pkg/kubelet/network/dns)
// and containerd writes it: `search`, then `nameserver`, then `options`.
//
//   dnsPolicy ClusterFirst (default)   clusterDNS; `<ns>.svc.<domain> svc.<domain> <domain>` + the node's
//                                      search domains; options `ndots:5` only
//   ClusterFirst + hostNetwork         falls back to Default
//   ClusterFirstWithHostNet            ClusterFirst, with or without hostNetwork
//   Default                            the node's resolv.conf (servers, search, options)
//   None                               nothing but spec.dnsConfig
// spec.dnsConfig is appended in every case: nameservers and searches added
// without duplicates, options merged by name (the pod's value wins). Then the
// limits: at most 3 nameservers and 32 search domains / 2048 characters; what
// is cut is reported as the kubelet's DNSConfigForming warning.

import type { Pod } from '../api/types';

export interface ResolvConf {
  nameservers: string[];
  searches: string[];
  /** As written in the file: `ndots:5`, `edns0`, `timeout:2`... */
  options: string[];
}

export interface ClusterDnsSettings {
  /** kubelet `clusterDNS` (the kube-dns service IP). */
  clusterDNS: string[];
  /** kubelet `clusterDomain`. */
  clusterDomain: string;
  /** The node's own resolv.conf, used by Default and added to ClusterFirst's search list. */
  node: ResolvConf;
}

/**
 * What a kind node's resolv.conf holds (Docker's network gateway as resolver).
 * An assumption, not a capture: the lead may pass the real node file instead.
 */
export const KIND_NODE_RESOLV: ResolvConf = {
  nameservers: ['172.18.0.1'],
  searches: [],
  options: ['edns0', 'trust-ad', 'ndots:0'],
};

export const KUBEADM_DNS: ClusterDnsSettings = {
  clusterDNS: ['10.96.0.10'],
  clusterDomain: 'cluster.local',
  node: KIND_NODE_RESOLV,
};

export const MAX_NAMESERVERS = 3;
export const MAX_SEARCH_DOMAINS = 32;
export const MAX_SEARCH_CHARS = 2048;

export interface PodDnsResult {
  conf: ResolvConf;
  /** Messages of the kubelet's `DNSConfigForming` warning events, if limits were exceeded. */
  warnings: string[];
}

type DnsType = 'cluster' | 'host' | 'none';

function dnsType(pod: Pod): DnsType {
  switch (pod.spec.dnsPolicy ?? 'ClusterFirst') {
    case 'None':
      return 'none';
    case 'ClusterFirstWithHostNet':
      return 'cluster';
    case 'ClusterFirst':
      return pod.spec.hostNetwork ? 'host' : 'cluster';
    default:
      return 'host';
  }
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/** Merge options by name; existing entries keep their place, the pod's value wins. */
function mergeOptions(existing: string[], pod: { name: string; value?: string }[]): string[] {
  const order: string[] = [];
  const values = new Map<string, string>();
  const put = (name: string, value: string) => {
    if (!values.has(name)) order.push(name);
    values.set(name, value);
  };
  for (const op of existing) {
    const i = op.indexOf(':');
    if (i >= 0) put(op.slice(0, i), op.slice(i + 1));
    else put(op, '');
  }
  for (const op of pod) put(op.name, op.value ?? '');
  return order.map((n) => (values.get(n) ? `${n}:${values.get(n)}` : n));
}

/** The resolv.conf the kubelet hands to containerd for this pod. */
export function podResolvConf(pod: Pod, settings: ClusterDnsSettings = KUBEADM_DNS): PodDnsResult {
  const type = dnsType(pod);
  let conf: ResolvConf = { nameservers: [], searches: [], options: [] };
  if (type === 'cluster' && settings.clusterDNS.length > 0) {
    const ns = pod.metadata.namespace ?? 'default';
    const d = settings.clusterDomain;
    conf = {
      nameservers: [...settings.clusterDNS],
      searches: unique([`${ns}.svc.${d}`, `svc.${d}`, d, ...settings.node.searches]),
      options: ['ndots:5'],
    };
  } else if (type !== 'none') {
    // Default, hostNetwork with ClusterFirst, or a kubelet without clusterDNS.
    conf = { nameservers: [...settings.node.nameservers], searches: [...settings.node.searches], options: [...settings.node.options] };
  }
  const extra = pod.spec.dnsConfig;
  if (extra) {
    conf = {
      nameservers: unique([...conf.nameservers, ...(extra.nameservers ?? [])]),
      searches: unique([...conf.searches, ...(extra.searches ?? [])]),
      options: mergeOptions(conf.options, extra.options ?? []),
    };
  }
  return fitLimits(conf);
}

function fitLimits(conf: ResolvConf): PodDnsResult {
  const warnings: string[] = [];
  let { nameservers, searches } = conf;
  if (nameservers.length > MAX_NAMESERVERS) {
    nameservers = nameservers.slice(0, MAX_NAMESERVERS);
    warnings.push(
      `Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: ${nameservers.join(' ')}`,
    );
  }
  let chars = searches.join(' ').length;
  if (searches.length > MAX_SEARCH_DOMAINS || chars > MAX_SEARCH_CHARS) {
    const kept: string[] = [];
    chars = 0;
    for (const s of searches) {
      const add = kept.length ? s.length + 1 : s.length;
      if (kept.length >= MAX_SEARCH_DOMAINS || chars + add > MAX_SEARCH_CHARS) break;
      kept.push(s);
      chars += add;
    }
    searches = kept;
    warnings.push(`Search Line limits were exceeded, some search paths have been omitted, the applied search line is: ${searches.join(' ')}`);
  }
  return { conf: { nameservers, searches, options: conf.options }, warnings };
}

/** The file as containerd writes it: search, nameserver(s), options; empty sections left out. */
export function formatResolvConf(conf: ResolvConf): string {
  let out = '';
  if (conf.searches.length) out += `search ${conf.searches.join(' ')}\n`;
  for (const ns of conf.nameservers) out += `nameserver ${ns}\n`;
  if (conf.options.length) out += `options ${conf.options.join(' ')}\n`;
  return out;
}

/** The Docker-era layout (dockershim, v1.23 and older, the lab's 2018 samples): nameserver first. */
export function formatResolvConfDockershim(conf: ResolvConf): string {
  let out = '';
  for (const ns of conf.nameservers) out += `nameserver ${ns}\n`;
  if (conf.searches.length) out += `search ${conf.searches.join(' ')}\n`;
  if (conf.options.length) out += `options ${conf.options.join(' ')}\n`;
  return out;
}

/** Parse a resolv.conf text (a learner may edit the file in a pod shell). Later `search` lines replace earlier ones. */
export function parseResolvConf(text: string): ResolvConf {
  const conf: ResolvConf = { nameservers: [], searches: [], options: [] };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    if (!line) continue;
    const [key, ...rest] = line.split(/\s+/);
    if (key === 'nameserver' && rest[0]) conf.nameservers.push(rest[0]);
    else if (key === 'search' || key === 'domain') conf.searches = rest;
    else if (key === 'options') conf.options.push(...rest);
  }
  return conf;
}

export interface ResolverOptions {
  ndots: number;
  /** Seconds to wait for a reply before retrying (libc default 5). */
  timeout: number;
  /** Tries per nameserver (libc default 2). */
  attempts: number;
}

/** The options a stub resolver acts on, with libc defaults and libc's caps (ndots 15, timeout 30, attempts 5). */
export function resolverOptions(conf: ResolvConf): ResolverOptions {
  const out: ResolverOptions = { ndots: 1, timeout: 5, attempts: 2 };
  for (const op of conf.options) {
    const [name, value] = op.split(':');
    const n = Number.parseInt(value ?? '', 10);
    if (Number.isNaN(n)) continue;
    if (name === 'ndots') out.ndots = Math.min(Math.max(n, 0), 15);
    else if (name === 'timeout') out.timeout = Math.min(Math.max(n, 1), 30);
    else if (name === 'attempts') out.attempts = Math.min(Math.max(n, 1), 5);
  }
  return out;
}
