// A container's environment, fixed when it starts:
//  * the kubelet's part (pkg/kubelet/kubelet_pods.go, pkg/kubelet/envvars):
//    the container's `env` (with $(VAR) expansion and fieldRef), then the
//    service variables of every service that exists *now* in the pod's
//    namespace with a cluster IP (if enableServiceLinks, the default) plus
//    `kubernetes` from default (always); an explicit entry wins over a
//    service variable of the same name;
//  * containerd's part: PATH and HOSTNAME first, then the image's ENV, then
//    the kubelet's list (same names replace in place), HOME last when unset.
//
// Order: the kubelet builds the service part from maps, so the real order is
// random from one container to the next. We use a fixed, realistic-looking one:
// explicit `env` entries in spec order, then services sorted by name, each
// service's variables in the kubelet's own order (SERVICE_HOST, SERVICE_PORT,
// SERVICE_PORT_<NAME>..., PORT, then PORT_<n>_<PROTO>, _PROTO, _PORT, _ADDR per
// port). Tests must not depend on the order across services.

import type { Container, EnvVar, Pod, Service } from '../api/types';
import type { ObjectSource } from './source';

export interface EnvEntry {
  name: string;
  value: string;
}

function hasClusterIP(s: Service): boolean {
  const ip = s.spec.clusterIP;
  return s.spec.type !== 'ExternalName' && !!ip && ip !== 'None';
}

/** `vote-api` -> `VOTE_API` */
export function envVariableName(name: string): string {
  return name.replace(/-/g, '_').toUpperCase();
}

function hostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** The variables for a list of services, in the kubelet's per-service order. */
export function serviceEnvVars(services: readonly Service[]): EnvEntry[] {
  const out: EnvEntry[] = [];
  for (const s of services) {
    const ports = s.spec.ports ?? [];
    if (!hasClusterIP(s) || ports.length === 0) continue;
    const prefix = envVariableName(s.metadata.name!);
    const ip = s.spec.clusterIP!;
    out.push({ name: `${prefix}_SERVICE_HOST`, value: ip });
    out.push({ name: `${prefix}_SERVICE_PORT`, value: String(ports[0].port) });
    for (const p of ports) if (p.name) out.push({ name: `${prefix}_SERVICE_PORT_${envVariableName(p.name)}`, value: String(p.port) });
    ports.forEach((p, i) => {
      const proto = p.protocol ?? 'TCP';
      const url = `${proto.toLowerCase()}://${hostPort(ip, p.port)}`;
      if (i === 0) out.push({ name: `${prefix}_PORT`, value: url });
      const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
      out.push({ name: pp, value: url });
      out.push({ name: `${pp}_PROTO`, value: proto.toLowerCase() });
      out.push({ name: `${pp}_PORT`, value: String(p.port) });
      out.push({ name: `${pp}_ADDR`, value: ip });
    });
  }
  return out;
}

/**
 * The services whose variables a container starting now gets: same namespace
 * (when service links are enabled) and `kubernetes` from default, with a
 * cluster IP, sorted by name. A same-namespace service named `kubernetes`
 * takes the place of the default one, as in the kubelet.
 */
export function servicesForEnv(source: ObjectSource, namespace: string, enableServiceLinks = true): Service[] {
  const byName = new Map<string, Service>();
  const master = source.get('Service', 'default', 'kubernetes') as Service | undefined;
  if (master && hasClusterIP(master)) byName.set('kubernetes', master);
  if (enableServiceLinks) {
    for (const s of source.list('Service', { namespace }) as Service[]) {
      if (hasClusterIP(s)) byName.set(s.metadata.name!, s);
    }
  }
  return [...byName.values()].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0));
}

/** Kubernetes' $(VAR) expansion: defined references are replaced, `$$` escapes, unknown ones stay. */
export function expandEnvReferences(value: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c !== '$' || i === value.length - 1) {
      out += c;
      continue;
    }
    const next = value[i + 1];
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '(') {
      const end = value.indexOf(')', i + 2);
      if (end < 0) {
        out += value.slice(i);
        break;
      }
      const name = value.slice(i + 2, end);
      const v = lookup(name);
      out += v ?? `$(${name})`;
      i = end;
    } else {
      out += c;
    }
  }
  return out;
}

/** The value of `valueFrom.fieldRef` for the downward API fields pods use most. */
export function fieldRefValue(pod: Pod, fieldPath: string): string {
  const labels = /^metadata\.labels\['(.+)'\]$/.exec(fieldPath);
  if (labels) return pod.metadata.labels?.[labels[1]] ?? '';
  const annotations = /^metadata\.annotations\['(.+)'\]$/.exec(fieldPath);
  if (annotations) return pod.metadata.annotations?.[annotations[1]] ?? '';
  switch (fieldPath) {
    case 'metadata.name':
      return pod.metadata.name ?? '';
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'spec.nodeName':
      return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec.serviceAccountName ?? 'default';
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.podIPs':
      return (pod.status?.podIPs ?? []).map((p) => p.ip).join(',');
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    case 'status.hostIPs':
      return (pod.status?.hostIPs ?? []).map((p) => p.ip).join(',');
    default:
      return '';
  }
}

function explicitValue(pod: Pod, v: EnvVar, lookup: (name: string) => string | undefined): string {
  if (v.value) return expandEnvReferences(v.value, lookup);
  const from = v.valueFrom as { fieldRef?: { fieldPath?: string } } | undefined;
  if (from?.fieldRef?.fieldPath) return fieldRefValue(pod, from.fieldRef.fieldPath);
  return '';
}

/**
 * The kubelet's environment for one container: its `env` then the service
 * variables (`services` is what existed at start: see servicesForEnv).
 */
export function kubeletEnv(pod: Pod, container: Container, services: readonly Service[]): EnvEntry[] {
  const serviceVars = serviceEnvVars(services);
  const serviceMap = new Map(serviceVars.map((e) => [e.name, e.value]));
  const explicit = new Map<string, string>();
  const order: string[] = [];
  const lookup = (name: string) => explicit.get(name) ?? serviceMap.get(name);
  for (const v of container.env ?? []) {
    const value = explicitValue(pod, v, lookup);
    if (!explicit.has(v.name)) order.push(v.name);
    explicit.set(v.name, value);
  }
  const out: EnvEntry[] = order.map((name) => ({ name, value: explicit.get(name)! }));
  for (const e of serviceVars) if (!explicit.has(e.name)) out.push(e);
  return out;
}

/** containerd's default PATH, for images that set none. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface ProcessEnvInput {
  /** The image's ENV lines (`KEY=value`), in image order. */
  imageEnv: readonly string[];
  hostname: string;
  kubelet: readonly EnvEntry[];
  /** The user's home directory (from the image's /etc/passwd): `/root` for root. */
  home: string;
}

/** What the container's processes see (`env`, `/proc/1/environ`, kuard's /-/env). */
export function processEnv(input: ProcessEnvInput): EnvEntry[] {
  const list: EnvEntry[] = [
    { name: 'PATH', value: DEFAULT_PATH },
    { name: 'HOSTNAME', value: input.hostname },
  ];
  const put = (name: string, value: string) => {
    const i = list.findIndex((e) => e.name === name);
    if (i >= 0) list[i] = { name, value };
    else list.push({ name, value });
  };
  for (const line of input.imageEnv) {
    const eq = line.indexOf('=');
    put(eq < 0 ? line : line.slice(0, eq), eq < 0 ? '' : line.slice(eq + 1));
  }
  for (const e of input.kubelet) put(e.name, e.value);
  if (!list.some((e) => e.name === 'HOME')) list.push({ name: 'HOME', value: input.home });
  return list;
}

/** `env` / `printenv` output. */
export function formatEnv(entries: readonly EnvEntry[]): string {
  return entries.map((e) => `${e.name}=${e.value}\n`).join('');
}
