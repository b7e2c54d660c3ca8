// Pieces shared by every describer: multi-line labels and annotations,
// tolerations and taints, the controller line, and the events section
// (including which events kubectl asks the server for).

import type { KubeEvent, KubeObject, Taint, Toleration } from '../../../../sim/api/types';
import { ageOf, humanDuration, timestampMs } from '../../../text/duration';
import type { ObjectLookup } from '../lookup';
import { LEVEL_0, LEVEL_1, type DescribeWriter } from './writer';

/** Never shown by describe (older kubectl printed it truncated). */
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;

function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Go's len(): UTF-8 bytes. */
function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** `Labels:<tab>a=b`, further labels on lines starting with a tab; `<none>` when empty. */
export function labelsMultiline(w: DescribeWriter, title: string, labels: Record<string, string> | undefined, initialIndent = ''): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort(byteCompare);
  if (keys.length === 0) {
    w.line('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}\t`);
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

/** Go's shorten: cut to `max` bytes and add `...`. */
function shorten(s: string, max: number): string {
  if (byteLength(s) <= max) return s;
  const bytes = new TextEncoder().encode(s).slice(0, max);
  return new TextDecoder().decode(bytes) + '...';
}

/** `Annotations:<tab>k: v`; long or multi-line values go on their own indented lines, cut at 138 bytes. */
export function annotationsMultiline(w: DescribeWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIPPED_ANNOTATIONS.has(k))
    .sort(byteCompare);
  if (keys.length === 0) {
    w.line('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key].replace(/\n$/, '');
    if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** `key=value:Effect op=Exists for 300s`, sorted by key. */
export function tolerationsMultiline(w: DescribeWriter, title: string, tolerations: Toleration[] | undefined, initialIndent = ''): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`);
  const list = [...(tolerations ?? [])].sort((a, b) => byteCompare(a.key ?? '', b.key ?? ''));
  if (list.length === 0) {
    w.line('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}\t`);
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

/** `key=value:Effect`, sorted by effect then key. */
export function taintsMultiline(w: DescribeWriter, title: string, taints: Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const list = [...(taints ?? [])].sort((a, b) => byteCompare(`${a.effect},${a.key}`, `${b.effect},${b.key}`));
  if (list.length === 0) {
    w.line('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`);
  });
}

/** `ReplicaSet/vote-6c8b9d7f5d` from the controller owner reference, or ''. */
export function controllerOf(obj: KubeObject): string {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

export interface EventQuery {
  /** Events are stored in the object's namespace; '' (cluster-scoped objects) searches every namespace. */
  namespace: string;
  name: string;
  /** Omitted for pods: kubectl clears the kind before searching. */
  kind?: string;
  uid?: string;
}

/** The events whose involvedObject matches the query, as the apiserver's field selector would select them. */
export function searchEvents(lookup: ObjectLookup, q: EventQuery): KubeEvent[] {
  const events = lookup.list('Event', q.namespace ? { namespace: q.namespace } : {}) as KubeEvent[];
  return events.filter((e) => {
    const io = e.involvedObject;
    return (
      io.name === q.name &&
      (io.namespace ?? '') === q.namespace &&
      (q.kind === undefined || io.kind === q.kind) &&
      (q.uid === undefined || (io.uid ?? '') === q.uid)
    );
  });
}

/** The usual search: the object's namespace, name, kind and uid. */
export function eventsFor(lookup: ObjectLookup, obj: KubeObject, opts: { withKind?: boolean } = {}): KubeEvent[] {
  return searchEvents(lookup, {
    namespace: obj.metadata.namespace ?? '',
    name: obj.metadata.name ?? '',
    kind: opts.withKind === false ? undefined : obj.kind,
    uid: obj.metadata.uid || undefined,
  });
}

interface EventView {
  eventTime?: string | null;
  series?: { count: number; lastObservedTime: string } | null;
}

/**
 * `Events:<tab><none>`, or a table oldest first (by lastTimestamp): Type,
 * Reason, Age (`2m (x12 over 5m)` for repeats), From, Message.
 */
export function describeEvents(w: DescribeWriter, events: KubeEvent[], now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  // kubectl flushes its tabwriter here; the `Events:` line has no tab, so the
  // table starts a new column block anyway.
  const last = (e: KubeEvent) => timestampMs(e.lastTimestamp) ?? Number.NEGATIVE_INFINITY;
  const sorted = [...events].sort((a, b) => (last(a) < last(b) ? -1 : last(a) > last(b) ? 1 : 0));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const view = e as unknown as EventView;
    const first = timestampMs(view.eventTime) !== undefined ? ageOf(view.eventTime, now) : ageOf(e.firstTimestamp, now);
    let interval: string;
    if (view.series) {
      const lastObserved = timestampMs(view.series.lastObservedTime);
      interval = `${lastObserved === undefined ? '<unknown>' : humanDuration(now - lastObserved)} (x${view.series.count} over ${first})`;
    } else if (e.count > 1) {
      interval = `${ageOf(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    } else {
      interval = first;
    }
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
