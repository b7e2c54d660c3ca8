// Small facts about pods that several controllers share.

import type { KubeObject, OwnerReference, Pod } from '../api/types';
import { parseRfc3339 } from '../core/time';

export function controllerRef(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}

export function isTerminating(obj: KubeObject): boolean {
  return !!obj.metadata.deletionTimestamp;
}

/** Counts towards a ReplicaSet's replicas: not finished and not being deleted. */
export function isActivePod(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !isTerminating(pod) && phase !== 'Succeeded' && phase !== 'Failed';
}

export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Ready for at least minReadySeconds (what AVAILABLE counts). */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
  if (!ready) return false;
  if (!minReadySeconds) return true;
  return parseRfc3339(ready.lastTransitionTime) + minReadySeconds * 1000 <= now;
}

/** When a ready pod becomes available, for scheduling a re-check. */
export function availableAt(pod: Pod, minReadySeconds: number): number | undefined {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
  return ready ? parseRfc3339(ready.lastTransitionTime) + minReadySeconds * 1000 : undefined;
}

/**
 * Did a pod change in a way its controllers and Services care about (address,
 * readiness, phase, labels, placement, deletion, ownership)? Kubelet status
 * writes about image pulls and container states mostly do not, and the real
 * controllers skip those updates too.
 */
export function podEndpointsOrOwnershipChanged(a: Pod | undefined, b: Pod | undefined): boolean {
  if (!a || !b) return true;
  if (a.status?.podIP !== b.status?.podIP || a.status?.phase !== b.status?.phase) return true;
  if (isPodReady(a) !== isPodReady(b)) return true;
  if (a.metadata.deletionTimestamp !== b.metadata.deletionTimestamp) return true;
  if (a.spec.nodeName !== b.spec.nodeName || a.spec.hostname !== b.spec.hostname || a.spec.subdomain !== b.spec.subdomain) return true;
  if (!sameMap(a.metadata.labels, b.metadata.labels)) return true;
  if (controllerRef(a)?.uid !== controllerRef(b)?.uid) return true;
  // Restarts change a ReplicaSet's availability accounting only through readiness, already covered.
  return false;
}

function sameMap(x: Record<string, string> | undefined, y: Record<string, string> | undefined): boolean {
  const a = x ?? {};
  const b = y ?? {};
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k]) return false;
  return true;
}

export function ownerRefTo(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}
