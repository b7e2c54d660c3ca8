// Which Services select a pod, without scanning every Service on every pod
// change: each Service with a selector is filed under one of its selector's
// `key=value` pairs; a pod's candidates are the Services filed under any of
// its own labels, then checked in full.

import type { Labels, Service } from '../api/types';
import type { ApiStore } from '../api/store';

export class ServiceSelectorIndex {
  /** namespace -> `k=v` -> service names */
  private readonly byPair = new Map<string, Map<string, Set<string>>>();
  private readonly filedUnder = new Map<string, string>();

  constructor(private readonly store: ApiStore) {
    for (const svc of store.list<Service>('Service')) this.add(svc);
    store.watch('Service', (e) => {
      if (e.old) this.remove(e.old as Service);
      if (e.type !== 'DELETED') this.add(e.object as Service);
    });
  }

  private key(svc: Service): string {
    return `${svc.metadata.namespace}/${svc.metadata.name}`;
  }

  private add(svc: Service): void {
    const sel = svc.spec.selector;
    if (!sel || Object.keys(sel).length === 0) return;
    const k = Object.keys(sel).sort()[0];
    const pair = `${k}=${sel[k]}`;
    const ns = svc.metadata.namespace!;
    let m = this.byPair.get(ns);
    if (!m) this.byPair.set(ns, (m = new Map()));
    let s = m.get(pair);
    if (!s) m.set(pair, (s = new Set()));
    s.add(svc.metadata.name!);
    this.filedUnder.set(this.key(svc), pair);
  }

  private remove(svc: Service): void {
    const pair = this.filedUnder.get(this.key(svc));
    if (!pair) return;
    this.byPair.get(svc.metadata.namespace!)?.get(pair)?.delete(svc.metadata.name!);
    this.filedUnder.delete(this.key(svc));
  }

  /** Services in `namespace` whose selector matches `labels`. */
  selecting(namespace: string, labels: Labels | undefined): Service[] {
    const m = this.byPair.get(namespace);
    if (!m || !labels) return [];
    const out: Service[] = [];
    for (const [k, v] of Object.entries(labels)) {
      for (const name of m.get(`${k}=${v}`) ?? []) {
        const svc = this.store.get<Service>('Service', namespace, name);
        if (svc && Object.entries(svc.spec.selector ?? {}).every(([sk, sv]) => labels[sk] === sv)) out.push(svc);
      }
    }
    return out;
  }
}
