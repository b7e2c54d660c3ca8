// `kubectl describe deployment`, `kubectl describe replicaset` and `kubectl describe daemonset`.

import type { DaemonSet, Deployment, Pod, PodTemplateSpec, ReplicaSet } from '../../../../sim/api/types';
import { formatLabelSelector, formatLabels, selectorString } from '../labels';
import type { ObjectLookup } from '../lookup';
import { annotationsMultiline, controllerOf, describeEvents, eventsFor, labelsMultiline } from './common';
import { describePodTemplate } from './pod-template';
import { rfc1123z } from './time';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from './writer';

function isControlledBy(obj: { metadata: { ownerReferences?: { controller?: boolean; uid: string }[] } }, uid: string | undefined): boolean {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  return !!ref && ref.uid === uid;
}

/** Semantic deep equality as apimachinery sees it: nil and empty maps or slices are equal. */
function semanticEqual(a: unknown, b: unknown): boolean {
  const isEmpty = (v: unknown) =>
    v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => semanticEqual(x, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object' && a && b) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!semanticEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
    return true;
  }
  return a === b;
}

/** Templates equal once the pod-template-hash label is ignored (how a deployment recognises its new RS). */
function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  const strip = (t: PodTemplateSpec) => {
    const labels = { ...(t.metadata?.labels ?? {}) };
    delete labels['pod-template-hash'];
    return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
  };
  return semanticEqual(strip(a), strip(b));
}

/** The deployment's replica sets: the new one (template matches, oldest first) and all others in list order. */
export function replicaSetsOf(d: Deployment, lookup: ObjectLookup): { oldRSs: ReplicaSet[]; newRS?: ReplicaSet } {
  const all = (lookup.list('ReplicaSet', { namespace: d.metadata.namespace, labelSelector: d.spec.selector }) as ReplicaSet[]).filter((rs) =>
    isControlledBy(rs, d.metadata.uid),
  );
  const byAge = [...all].sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb) return Date.parse(ta) - Date.parse(tb);
    return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
  });
  const newRS = byAge.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
  return { oldRSs: all.filter((rs) => rs !== newRS), newRS };
}

function replicaSetsText(list: ReplicaSet[]): string {
  if (list.length === 0) return '<none>';
  return list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 0} replicas created)`).join(', ');
}

function intOrString(v: number | string | undefined): string {
  return v === undefined || v === null ? '<nil>' : String(v);
}

export function describeDeployment(d: Deployment, lookup: ObjectLookup, now: number): string {
  const st = d.status ?? {};
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${d.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  labelsMultiline(w, 'Labels', d.metadata.labels);
  annotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${selectorString(d.spec.selector)}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${d.spec.replicas ?? 0} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(LEVEL_0, `StrategyType:\t${d.spec.strategy?.type ?? ''}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  const ru = d.spec.strategy?.rollingUpdate;
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`);
  describePodTemplate(w, d.spec.template);
  if (st.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(LEVEL_1, '----\t------\t------\n');
    for (const c of st.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  const { oldRSs, newRS } = replicaSetsOf(d, lookup);
  if (oldRSs.length > 0 || newRS) {
    w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsText(oldRSs)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsText(newRS ? [newRS] : [])}\n`);
  }
  describeEvents(w, eventsFor(lookup, d), now);
  return w.toString();
}

/** Running / Waiting (Pending) / Succeeded / Failed counts of the pods the controller owns among those its selector matches. */
export function podPhaseCounts(lookup: ObjectLookup, namespace: string | undefined, selector: ReplicaSet['spec']['selector'], uid: string | undefined): string {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 } as Record<string, number>;
  for (const pod of lookup.list('Pod', { namespace, labelSelector: selector }) as Pod[]) {
    if (!isControlledBy(pod, uid)) continue;
    const phase = pod.status?.phase ?? '';
    if (phase in counts) counts[phase]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

export function describeReplicaSet(rs: ReplicaSet, lookup: ObjectLookup, now: number): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${rs.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
  labelsMultiline(w, 'Labels', rs.metadata.labels);
  annotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const controlledBy = controllerOf(rs);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 0} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${podPhaseCounts(lookup, rs.metadata.namespace, rs.spec.selector, rs.metadata.uid)}\n`);
  describePodTemplate(w, rs.spec.template);
  const conditions = (rs.status as { conditions?: { type: string; status: string; reason?: string }[] } | undefined)?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(LEVEL_1, '----\t------\t------\n');
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  describeEvents(w, eventsFor(lookup, rs), now);
  return w.toString();
}

/**
 * DaemonSetDescriber: the node counts are printed without a tab, so they break
 * the column block (the `Pods Status:` line aligns on its own).
 */
export function describeDaemonSet(ds: DaemonSet, lookup: ObjectLookup, now: number): string {
  const st = ds.status;
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${ds.metadata.name ?? ''}\n`);
  // kubectl v1.32 prints no Namespace line for DaemonSets (later releases do).
  w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec.selector)}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec.template.spec.nodeSelector)}\n`);
  labelsMultiline(w, 'Labels', ds.metadata.labels);
  annotationsMultiline(w, 'Annotations', ds.metadata.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
  w.write(LEVEL_0, `Pods Status:\t${podPhaseCounts(lookup, ds.metadata.namespace, ds.spec.selector, ds.metadata.uid)}\n`);
  describePodTemplate(w, ds.spec.template);
  describeEvents(w, eventsFor(lookup, ds), now);
  return w.toString();
}
