// The ReplicaSet controller: keeps `spec.replicas` active pods that match the
// selector, adopting matching orphans (the K104 stand-alone `vote` pod) and
// releasing pods whose labels no longer match, and reports status.

import { cloneJson } from '../core/clone';
import type { KubeObject, Pod, ReplicaSet } from '../api/types';
import { matchesSelector } from '../api/selectors';
import type { ControllerContext } from './context';
import { nsKey, splitKey } from './queue';
import { availableAt, controllerRef, isActivePod, isPodAvailable, isPodReady, isTerminating, ownerRefTo, podEndpointsOrOwnershipChanged } from './podutil';
import { parseRfc3339 } from '../core/time';

const SOURCE = { component: 'replicaset-controller' };

export function startReplicaSetController(ctx: ControllerContext): void {
  const { store, clock, events } = ctx;
  const enqueue = ctx.queue.register('replicaset', reconcile);
  const recheckAt = new Map<string, number>();

  store.watch('ReplicaSet', (e) => {
    // Our own status writes change nothing we act on.
    if (e.type === 'MODIFIED' && e.old && e.old.metadata.generation === e.object.metadata.generation && sameLabelsAndOwners(e.old, e.object)) return;
    enqueue(nsKey(e.object.metadata.namespace, e.object.metadata.name!));
  });
  store.watch('Pod', (e) => {
    if (e.type === 'MODIFIED' && !podEndpointsOrOwnershipChanged(e.old as Pod, e.object as Pod)) return;
    const pod = e.object as Pod;
    const ref = controllerRef(pod);
    const oldRef = e.old && controllerRef(e.old);
    if (ref?.kind === 'ReplicaSet') enqueue(nsKey(pod.metadata.namespace, ref.name));
    if (oldRef?.kind === 'ReplicaSet' && oldRef.name !== ref?.name) enqueue(nsKey(pod.metadata.namespace, oldRef.name));
    if (!ref && e.type !== 'DELETED') {
      // An orphan: any ReplicaSet whose selector matches may adopt it.
      for (const rs of store.list<ReplicaSet>('ReplicaSet', { namespace: pod.metadata.namespace })) {
        if (!isTerminating(rs) && matchesSelector(rs.spec.selector, pod.metadata.labels)) enqueue(nsKey(rs.metadata.namespace, rs.metadata.name!));
      }
    }
  });

  function reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const rs = store.get<ReplicaSet>('ReplicaSet', ns, name);
    if (!rs || isTerminating(rs)) return;
    const owned: Pod[] = [];
    for (const pod of store.listOwnedBy<Pod>('Pod', rs.metadata.uid!)) {
      if (controllerRef(pod)?.uid !== rs.metadata.uid) continue;
      if (matchesSelector(rs.spec.selector, pod.metadata.labels)) owned.push(pod);
      else release(pod);
    }
    // Orphans that match: the label index keeps this to pods carrying the selector's labels.
    for (const pod of store.list<Pod>('Pod', { namespace: ns, labelSelector: rs.spec.selector })) {
      if (!controllerRef(pod) && !isTerminating(pod)) owned.push(adopt(pod, rs));
    }
    const active = owned.filter(isActivePod);
    const want = rs.spec.replicas ?? 1;
    if (active.length < want) {
      for (let i = active.length; i < want; i++) {
        const pod = createPod(rs);
        active.push(pod);
        owned.push(pod);
      }
    } else if (active.length > want) {
      const victims = [...active].sort(deletionRank).slice(0, active.length - want);
      for (const pod of victims) {
        store.markDeleting('Pod', ns, pod.metadata.name!, pod.spec.terminationGracePeriodSeconds ?? 30);
        events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
      }
    }
    updateStatus(key, rs);
  }

  function adopt(pod: Pod, rs: ReplicaSet): Pod {
    return store.update({ ...pod, metadata: { ...pod.metadata, ownerReferences: [...(pod.metadata.ownerReferences ?? []), ownerRefTo(rs)] } });
  }

  function release(pod: Pod): void {
    const refs = (pod.metadata.ownerReferences ?? []).filter((r) => !r.controller);
    const metadata: Pod['metadata'] = { ...pod.metadata, ownerReferences: refs };
    if (refs.length === 0) delete metadata.ownerReferences;
    store.update({ ...pod, metadata });
  }

  function createPod(rs: ReplicaSet): Pod {
    const t = rs.spec.template;
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${rs.metadata.name}-`,
        namespace: rs.metadata.namespace,
        labels: { ...(t.metadata?.labels ?? {}) },
        ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
        ownerReferences: [ownerRefTo(rs)],
      },
      spec: cloneJson(t.spec),
    };
    const created = store.create(pod);
    events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, SOURCE);
    return created;
  }

  function updateStatus(key: string, rs: ReplicaSet): void {
    const now = clock.now();
    const minReady = rs.spec.minReadySeconds ?? 0;
    const pods = store.listOwnedBy<Pod>('Pod', rs.metadata.uid!).filter((p) => controllerRef(p)?.uid === rs.metadata.uid && isActivePod(p));
    const ready = pods.filter(isPodReady);
    const available = ready.filter((p) => isPodAvailable(p, minReady, now));
    // Pods that are ready but not yet available: look again when they will be.
    let next: number | undefined;
    for (const p of ready) {
      const at = availableAt(p, minReady);
      if (at !== undefined && at > now && (next === undefined || at < next)) next = at;
    }
    if (next !== undefined && recheckAt.get(key) !== next) {
      recheckAt.set(key, next);
      clock.at(next, () => enqueue(key));
    }
    const status = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.length,
      readyReplicas: ready.length,
      availableReplicas: available.length,
      observedGeneration: rs.metadata.generation,
    };
    const clean: NonNullable<ReplicaSet['status']> = { ...status };
    // The API omits zero counts (omitempty) except `replicas`.
    for (const k of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'] as const) if (!clean[k]) delete clean[k];
    const current = store.get<ReplicaSet>('ReplicaSet', rs.metadata.namespace, rs.metadata.name!);
    if (current) store.update({ ...current, status: clean }, { subresource: 'status', handOver: true });
  }
}

function sameLabelsAndOwners(a: KubeObject, b: KubeObject): boolean {
  return JSON.stringify(a.metadata.labels ?? null) === JSON.stringify(b.metadata.labels ?? null) && a.metadata.deletionTimestamp === b.metadata.deletionTimestamp && controllerRef(a)?.uid === controllerRef(b)?.uid;
}

/** The real controller's deletion preference: unscheduled, pending, not ready, then newest first. */
function deletionRank(a: Pod, b: Pod): number {
  const assigned = (p: Pod) => (p.spec.nodeName ? 1 : 0);
  const phase = (p: Pod) => (p.status?.phase === 'Pending' ? 0 : p.status?.phase === 'Unknown' ? 1 : 2);
  const ready = (p: Pod) => (isPodReady(p) ? 1 : 0);
  const created = (p: Pod) => parseRfc3339(p.metadata.creationTimestamp ?? '');
  return assigned(a) - assigned(b) || phase(a) - phase(b) || ready(a) - ready(b) || created(b) - created(a) || (a.metadata.name! < b.metadata.name! ? 1 : -1);
}
