// IP -> names for PTR answers. The store indexes objects by name and label only,
// so finding "the service whose cluster IP is 10.104.128.34" would mean scanning
// every service. This index follows Service and EndpointSlice changes through the
// store's watch instead: each change costs the size of that one object.
//
// What CoreDNS answers for a reverse name (kubernetes plugin, serviceRecordForIP):
// a service's cluster IP first; otherwise every ready endpoint address of any
// service, named `<hostname or a-b-c-d>.<svc>.<ns>.svc.<zone>`. Pod IPs that back
// no service have no PTR (the query falls through to the upstream: NXDOMAIN).

import type { EndpointSlice, KubeObject, Service } from '../api/types';
import { SERVICE_NAME_LABEL, type ObjectSource, type ObjectWatchEvent } from './source';
import { dashedIp } from './names';
import { isEndpointReady } from './endpoints';

interface EndpointName {
  /** The first label of the record: the endpoint's hostname, or its dashed IP. */
  label: string;
  service: string;
  namespace: string;
}

export class ReverseIndex {
  /** ip -> `ns/name` of services with that cluster IP */
  private readonly serviceByIp = new Map<string, Set<string>>();
  /** `ns/slice` -> the (ip, name) pairs the slice contributed */
  private readonly sliceEntries = new Map<string, { ip: string; name: EndpointName }[]>();
  /** ip -> `ns/slice` keys that mention it */
  private readonly slicesByIp = new Map<string, Set<string>>();
  private readonly live: boolean;
  private lastChangeCount = 0;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly source: ObjectSource) {
    this.live = typeof source.watch === 'function';
    if (this.live) {
      this.unsubscribe.push(source.watch!('Service', (e) => this.onService(e)));
      this.unsubscribe.push(source.watch!('EndpointSlice', (e) => this.onSlice(e)));
      this.rebuild();
    }
  }

  /** Stop following the store. */
  dispose(): void {
    for (const u of this.unsubscribe.splice(0)) u();
  }

  /** How many changes the index has seen (CoreDNS derives its SOA serial from changes). */
  get changes(): number {
    return this.lastChangeCount;
  }

  /** Names for an IP, cluster IP first; empty when CoreDNS would fall through. */
  lookup(ip: string, zone: string): string[] {
    if (!this.live) this.rebuild();
    const services = this.serviceByIp.get(ip);
    if (services && services.size) {
      const [key] = [...services].sort();
      const [ns, name] = key.split('/');
      return [`${name}.${ns}.svc.${zone}`];
    }
    const out = new Set<string>();
    for (const sliceKey of [...(this.slicesByIp.get(ip) ?? [])].sort()) {
      for (const e of this.sliceEntries.get(sliceKey) ?? []) {
        if (e.ip === ip) out.add(`${e.name.label}.${e.name.service}.${e.name.namespace}.svc.${zone}`);
      }
    }
    return [...out];
  }

  private rebuild(): void {
    this.serviceByIp.clear();
    this.sliceEntries.clear();
    this.slicesByIp.clear();
    for (const s of this.source.list('Service')) this.addService(s as Service);
    for (const s of this.source.list('EndpointSlice')) this.addSlice(s as EndpointSlice);
  }

  private onService(e: ObjectWatchEvent): void {
    this.lastChangeCount++;
    if (e.old) this.removeService(e.old as Service);
    if (e.type !== 'DELETED') this.addService(e.object as Service);
    else this.removeService(e.object as Service);
  }

  private onSlice(e: ObjectWatchEvent): void {
    this.lastChangeCount++;
    this.removeSlice(e.object);
    if (e.type !== 'DELETED') this.addSlice(e.object as EndpointSlice);
  }

  private addService(s: Service): void {
    const key = `${s.metadata.namespace}/${s.metadata.name}`;
    for (const ip of clusterIPs(s)) {
      let set = this.serviceByIp.get(ip);
      if (!set) this.serviceByIp.set(ip, (set = new Set()));
      set.add(key);
    }
  }

  private removeService(s: Service): void {
    const key = `${s.metadata.namespace}/${s.metadata.name}`;
    for (const ip of clusterIPs(s)) {
      const set = this.serviceByIp.get(ip);
      if (!set) continue;
      set.delete(key);
      if (set.size === 0) this.serviceByIp.delete(ip);
    }
  }

  private addSlice(slice: EndpointSlice): void {
    const service = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!service || slice.addressType !== 'IPv4') return;
    const key = sliceKey(slice);
    const entries: { ip: string; name: EndpointName }[] = [];
    for (const ep of slice.endpoints ?? []) {
      if (!isEndpointReady(ep)) continue;
      for (const ip of ep.addresses) {
        entries.push({ ip, name: { label: ep.hostname || dashedIp(ip), service, namespace: slice.metadata.namespace! } });
        let set = this.slicesByIp.get(ip);
        if (!set) this.slicesByIp.set(ip, (set = new Set()));
        set.add(key);
      }
    }
    if (entries.length) this.sliceEntries.set(key, entries);
  }

  private removeSlice(slice: KubeObject): void {
    const key = sliceKey(slice);
    for (const e of this.sliceEntries.get(key) ?? []) {
      const set = this.slicesByIp.get(e.ip);
      if (!set) continue;
      set.delete(key);
      if (set.size === 0) this.slicesByIp.delete(e.ip);
    }
    this.sliceEntries.delete(key);
  }
}

function sliceKey(o: KubeObject): string {
  return `${o.metadata.namespace}/${o.metadata.name}`;
}

/** The service's allocated cluster IPs (none for headless and ExternalName services). */
export function clusterIPs(s: Service): string[] {
  if (s.spec.type === 'ExternalName') return [];
  const ips = s.spec.clusterIPs?.length ? s.spec.clusterIPs : s.spec.clusterIP ? [s.spec.clusterIP] : [];
  return ips.filter((ip) => ip && ip !== 'None');
}
