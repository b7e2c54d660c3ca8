// The garbage collector (background propagation): when an owner is deleted,
// its dependents go too; pods are deleted gracefully so the kubelet stops them.
// Also the namespace controller: a namespace marked for deletion is emptied,
// then removed.

import type { Namespace, Pod } from '../api/types';
import type { ControllerContext } from './context';
import { RESOURCES } from '../api/kinds';

export function startGarbageCollector(ctx: ControllerContext): void {
  const { store } = ctx;
  const collect = ctx.queue.register('garbage-collector', (uid) => {
    for (const [kind, ns, name] of store.dependentsOf(uid)) {
      const obj = store.get(kind, ns, name);
      if (!obj) continue;
      const stillOwned = (obj.metadata.ownerReferences ?? []).some((r) => r.uid !== uid && ownerExists(r.kind, ns, r.name, r.uid));
      if (stillOwned) continue;
      deleteObject(kind, ns, name);
    }
  });

  function ownerExists(kind: string, ns: string | undefined, name: string, uid: string): boolean {
    const o = store.get(kind, ns, name);
    return !!o && o.metadata.uid === uid;
  }

  function deleteObject(kind: string, ns: string | undefined, name: string): void {
    if (kind === 'Pod') {
      const pod = store.get<Pod>('Pod', ns, name)!;
      store.markDeleting('Pod', ns, name, pod.spec.terminationGracePeriodSeconds ?? 30);
    } else {
      store.delete(kind, ns, name);
    }
  }

  store.watchAll((e) => {
    if (e.type === 'DELETED' && e.object.metadata.uid) collect(e.object.metadata.uid);
  });

  // Namespace deletion: everything in it goes, then the namespace itself.
  const finalize = ctx.queue.register('namespace', (name) => {
    const ns = store.get<Namespace>('Namespace', undefined, name);
    if (!ns || !ns.metadata.deletionTimestamp) return;
    let remaining = 0;
    for (const r of RESOURCES) {
      if (!r.namespaced) continue;
      for (const obj of store.list(r.kind, { namespace: name })) {
        remaining++;
        if (obj.metadata.deletionTimestamp) continue;
        deleteObject(r.kind, name, obj.metadata.name!);
      }
    }
    if (remaining === 0) store.delete('Namespace', undefined, name);
  });
  store.watch('Namespace', (e) => {
    if (e.type !== 'DELETED' && e.object.metadata.deletionTimestamp) finalize(e.object.metadata.name!);
  });
  store.watchAll((e) => {
    if (e.type !== 'DELETED' || e.object.kind === 'Namespace') return;
    const ns = e.object.metadata.namespace;
    if (ns && store.get('Namespace', undefined, ns)?.metadata.deletionTimestamp) finalize(ns);
  });
}
