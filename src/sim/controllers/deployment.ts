// The Deployment controller: one ReplicaSet per pod template (named
// `<deployment>-<pod-template-hash>`), rolling updates within maxSurge /
// maxUnavailable or Recreate, revision annotations, history cleanup, status
// and conditions.

import { cloneJson } from '../core/clone';
import type { Deployment, Pod, PodTemplateSpec, ReplicaSet } from '../api/types';
import { canonicalJson } from '../api/store';
import type { ControllerContext } from './context';
import { nsKey, splitKey } from './queue';
import { controllerRef, isTerminating, ownerRefTo } from './podutil';
import { fnv32a, safeEncode } from '../core/ids';
import { parseRfc3339, rfc3339 } from '../core/time';

const SOURCE = { component: 'deployment-controller' };
const HASH_LABEL = 'pod-template-hash';
const REVISION = 'deployment.kubernetes.io/revision';

const hashes = new WeakMap<PodTemplateSpec, string>();

/** pod-template-hash: a 32-bit hash of the template, in rand.SafeEncodeString form (stored objects never change, so memoised). */
export function podTemplateHash(t: PodTemplateSpec, collisionCount = 0): string {
  if (collisionCount === 0) {
    const hit = hashes.get(t);
    if (hit) return hit;
    const h = computeTemplateHash(t, 0);
    hashes.set(t, h);
    return h;
  }
  return computeTemplateHash(t, collisionCount);
}

function computeTemplateHash(t: PodTemplateSpec, collisionCount: number): string {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[HASH_LABEL];
  const h = fnv32a(canonicalJson({ ...t, metadata: { ...t.metadata, labels } }) + (collisionCount ? `#${collisionCount}` : ''));
  return safeEncode(String(h));
}

/** maxSurge rounds up, maxUnavailable rounds down; both zero means one may be unavailable. */
export function resolveFenceposts(d: Deployment): { surge: number; unavailable: number } {
  const desired = d.spec.replicas ?? 1;
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  const scaled = (v: number | string | undefined, dflt: string, roundUp: boolean) => {
    const x = v ?? dflt;
    if (typeof x === 'number') return x;
    const pct = Number(x.replace('%', ''));
    const raw = (pct * desired) / 100;
    return roundUp ? Math.ceil(raw) : Math.floor(raw);
  };
  const surge = scaled(ru.maxSurge, '25%', true);
  let unavailable = scaled(ru.maxUnavailable, '25%', false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable: Math.min(unavailable, desired) };
}

export function startDeploymentController(ctx: ControllerContext): void {
  const { store, clock, events } = ctx;
  const enqueue = ctx.queue.register('deployment', reconcile);

  store.watch('Deployment', (e) => {
    // Status writes (ours) and annotation updates change nothing to act on; spec changes bump the generation.
    if (e.type === 'MODIFIED' && e.old?.metadata.generation === e.object.metadata.generation && e.old?.metadata.deletionTimestamp === e.object.metadata.deletionTimestamp) return;
    enqueue(nsKey(e.object.metadata.namespace, e.object.metadata.name!));
  });
  store.watch('ReplicaSet', (e) => {
    const ref = controllerRef(e.object);
    if (ref?.kind === 'Deployment') enqueue(nsKey(e.object.metadata.namespace, ref.name));
  });
  // Recreate waits for old pods to be gone.
  store.watch('Pod', (e) => {
    if (e.type !== 'DELETED') return;
    const rsRef = controllerRef(e.object);
    if (rsRef?.kind !== 'ReplicaSet') return;
    const rs = store.get<ReplicaSet>('ReplicaSet', e.object.metadata.namespace, rsRef.name);
    const dRef = rs && controllerRef(rs);
    if (dRef?.kind === 'Deployment') enqueue(nsKey(rs!.metadata.namespace, dRef.name));
  });

  function reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const d = store.get<Deployment>('Deployment', ns, name);
    if (!d || isTerminating(d)) return;
    const owned = store
      .listOwnedBy<ReplicaSet>('ReplicaSet', d.metadata.uid!)
      .filter((rs) => controllerRef(rs)?.uid === d.metadata.uid)
      .sort((a, b) => parseRfc3339(a.metadata.creationTimestamp ?? '') - parseRfc3339(b.metadata.creationTimestamp ?? '') || (a.metadata.name! < b.metadata.name! ? -1 : 1));
    const hash = podTemplateHash(d.spec.template);
    let newRS = owned.find((rs) => rs.metadata.labels?.[HASH_LABEL] === hash);
    const oldRSs = owned.filter((rs) => rs !== newRS);
    const desired = d.spec.replicas ?? 1;
    const { surge, unavailable } = resolveFenceposts(d);
    const maxRevision = Math.max(0, ...owned.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0)));

    if (d.spec.paused) {
      updateStatus(d, newRS, oldRSs);
      return;
    }
    if (!newRS) {
      const oldTotal = oldRSs.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
      let replicas = desired;
      if (oldTotal > 0) replicas = d.spec.strategy?.type === 'Recreate' ? 0 : Math.max(0, Math.min(desired, desired + surge - oldTotal));
      newRS = createReplicaSet(d, hash, replicas, maxRevision + 1, surge);
    } else if (newRS.metadata.annotations?.[REVISION] !== String(maxRevision) && oldRSs.length && Number(newRS.metadata.annotations?.[REVISION] ?? 0) < maxRevision) {
      // A rollback to an old template: it becomes the newest revision.
      newRS = store.update({ ...newRS, metadata: { ...newRS.metadata, annotations: { ...newRS.metadata.annotations, [REVISION]: String(maxRevision + 1) } } });
    }
    setDeploymentRevision(d, newRS.metadata.annotations?.[REVISION] ?? '1');

    if (d.spec.strategy?.type === 'Recreate') {
      for (const rs of oldRSs) if ((rs.spec.replicas ?? 0) > 0) scale(d, rs, 0, surge);
      const oldPodsLeft = oldRSs.some((rs) => store.listOwnedBy<Pod>('Pod', rs.metadata.uid!).length > 0);
      if (!oldPodsLeft && (newRS.spec.replicas ?? 0) !== desired) scale(d, newRS, desired, surge);
    } else {
      rollingUpdate(d, newRS, oldRSs, desired, surge, unavailable);
    }
    cleanupHistory(d, oldRSs);
    updateStatus(d, store.get<ReplicaSet>('ReplicaSet', ns, newRS.metadata.name!), oldRSs.map((rs) => store.get<ReplicaSet>('ReplicaSet', ns, rs.metadata.name!)).filter((x): x is ReplicaSet => !!x));
  }

  function rollingUpdate(d: Deployment, newRS: ReplicaSet, oldRSs: ReplicaSet[], desired: number, surge: number, unavailable: number): void {
    const replicasOf = (rs: ReplicaSet) => rs.spec.replicas ?? 0;
    const oldTotal = oldRSs.reduce((n, rs) => n + replicasOf(rs), 0);
    if (oldTotal === 0) {
      if (replicasOf(newRS) !== desired) scale(d, newRS, desired, surge);
      return;
    }
    // Scale the new ReplicaSet up within maxSurge.
    const total = replicasOf(newRS) + oldTotal;
    const maxTotal = desired + surge;
    if (total < maxTotal && replicasOf(newRS) < desired) {
      newRS = scale(d, newRS, Math.min(desired, replicasOf(newRS) + maxTotal - total), surge);
    }
    // Scale old ReplicaSets down while keeping desired - maxUnavailable available.
    const minAvailable = desired - unavailable;
    const all = [newRS, ...oldRSs];
    const available = all.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
    const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
    let budget = all.reduce((n, rs) => n + replicasOf(rs), 0) - minAvailable - newUnavailable;
    // First drop old pods that are not available anyway.
    for (const rs of oldRSs) {
      if (budget <= 0) break;
      const unhealthy = replicasOf(rs) - (rs.status?.availableReplicas ?? 0);
      const cut = Math.min(unhealthy, budget);
      if (cut > 0) {
        scale(d, rs, replicasOf(rs) - cut, surge);
        budget -= cut;
        rs.spec.replicas = replicasOf(rs) - cut;
      }
    }
    let canDrop = available - minAvailable;
    for (const rs of oldRSs) {
      if (canDrop <= 0) break;
      const current = store.get<ReplicaSet>('ReplicaSet', rs.metadata.namespace, rs.metadata.name!)!;
      const cut = Math.min(replicasOf(current), canDrop);
      if (cut > 0) {
        scale(d, current, replicasOf(current) - cut, surge);
        canDrop -= cut;
      }
    }
  }

  function createReplicaSet(d: Deployment, hash: string, replicas: number, revision: number, surge: number): ReplicaSet {
    const template = cloneJson(d.spec.template);
    template.metadata = { ...template.metadata, labels: { ...(template.metadata?.labels ?? {}), [HASH_LABEL]: hash } };
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: { ...(d.spec.template.metadata?.labels ?? {}), [HASH_LABEL]: hash },
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(d.spec.replicas ?? 1),
          'deployment.kubernetes.io/max-replicas': String((d.spec.replicas ?? 1) + surge),
          [REVISION]: String(revision),
        },
        ownerReferences: [ownerRefTo(d)],
      },
      spec: {
        replicas,
        ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
        selector: {
          ...d.spec.selector,
          matchLabels: { ...(d.spec.selector.matchLabels ?? {}), [HASH_LABEL]: hash },
        },
        template,
      },
    };
    const created = store.create(rs);
    if (replicas > 0) events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`, SOURCE);
    return created;
  }

  function scale(d: Deployment, rs: ReplicaSet, to: number, surge: number): ReplicaSet {
    const from = rs.spec.replicas ?? 0;
    const annotations = {
      ...rs.metadata.annotations,
      'deployment.kubernetes.io/desired-replicas': String(d.spec.replicas ?? 1),
      'deployment.kubernetes.io/max-replicas': String((d.spec.replicas ?? 1) + surge),
    };
    const current = store.get<ReplicaSet>('ReplicaSet', rs.metadata.namespace, rs.metadata.name!)!;
    const updated = store.update({ ...current, metadata: { ...current.metadata, annotations }, spec: { ...current.spec, replicas: to } });
    if (from !== to) {
      events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${to}`, SOURCE);
    }
    return updated;
  }

  function setDeploymentRevision(d: Deployment, revision: string): void {
    if (d.metadata.annotations?.[REVISION] === revision) return;
    const current = store.get<Deployment>('Deployment', d.metadata.namespace, d.metadata.name!)!;
    store.update({ ...current, metadata: { ...current.metadata, annotations: { ...current.metadata.annotations, [REVISION]: revision } } });
  }

  function cleanupHistory(d: Deployment, oldRSs: ReplicaSet[]): void {
    const limit = d.spec.revisionHistoryLimit ?? 10;
    const idle = oldRSs.filter((rs) => {
      const cur = store.get<ReplicaSet>('ReplicaSet', rs.metadata.namespace, rs.metadata.name!);
      return cur && (cur.spec.replicas ?? 0) === 0 && (cur.status?.replicas ?? 0) === 0;
    });
    const excess = idle.length - limit;
    for (let i = 0; i < excess; i++) store.delete('ReplicaSet', idle[i].metadata.namespace, idle[i].metadata.name!);
  }

  function updateStatus(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
    const all = [...(newRS ? [newRS] : []), ...oldRSs];
    const sum = (f: (rs: ReplicaSet) => number | undefined) => all.reduce((n, rs) => n + (f(rs) ?? 0), 0);
    const desired = d.spec.replicas ?? 1;
    const replicas = sum((rs) => rs.status?.replicas);
    const updated = newRS?.status?.replicas ?? 0;
    const ready = sum((rs) => rs.status?.readyReplicas);
    const available = sum((rs) => rs.status?.availableReplicas);
    const { unavailable: maxUnavailable } = resolveFenceposts(d);
    const now = rfc3339(clock.now());
    const current = store.get<Deployment>('Deployment', d.metadata.namespace, d.metadata.name!)!;
    const prev = current.status?.conditions ?? [];
    const cond = (type: string, status: string, reason: string, message: string) => {
      const old = prev.find((c) => c.type === type);
      const transition = old && old.status === status ? old.lastTransitionTime : now;
      const unchanged = old && old.status === status && old.reason === reason && old.message === message;
      return { type, status, lastUpdateTime: unchanged ? old.lastUpdateTime : now, lastTransitionTime: transition, reason, message };
    };
    const isAvailable = available >= desired - maxUnavailable;
    const complete = newRS && updated === desired && (newRS.status?.availableReplicas ?? 0) === desired && replicas === desired;
    const progressing = newRS
      ? complete
        ? cond('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${newRS.metadata.name}" has successfully progressed.`)
        : prev.find((c) => c.type === 'Progressing')
          ? cond('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${newRS.metadata.name}" is progressing.`)
          : cond('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${newRS.metadata.name}"`)
      : undefined;
    const conditions = [
      isAvailable
        ? cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.')
        : cond('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'),
      ...(progressing ? [progressing] : []),
    ];
    const status: Deployment['status'] = {
      observedGeneration: current.metadata.generation,
      replicas,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: available,
      unavailableReplicas: Math.max(0, (desired > replicas ? desired : replicas) - available),
      conditions,
    };
    for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'] as const) if (!status[k]) delete status[k];
    store.update({ ...current, status }, { subresource: 'status', handOver: true });
  }

}
