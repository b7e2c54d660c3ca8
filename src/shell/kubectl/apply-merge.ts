// kubectl apply's three-way merge (client-side apply): what the learner's file
// says now, what it said last time (the last-applied-configuration
// annotation), and what is live. Fields the file dropped since last time are
// removed; fields it sets win; fields others set (defaults, allocated IPs,
// controllers) stay. Lists with a strategic merge key (containers by name,
// service ports by port...) are merged item by item; other lists are replaced.

import { cloneJson } from '../../sim/core/clone';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Strategic merge keys of the lists in the kinds we serve, by the list's field name and parent. */
function mergeKeyFor(path: string[]): string | undefined {
  const field = path[path.length - 1];
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'env':
    case 'volumes':
    case 'imagePullSecrets':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'ports':
      // Container ports merge by containerPort, service ports by port.
      return path.includes('containers') || path.includes('initContainers') ? 'containerPort' : 'port';
    default:
      return undefined;
  }
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function merge(live: Json | undefined, last: Json | undefined, desired: Json, path: string[]): Json {
  if (isObj(desired)) {
    const result: Obj = isObj(live) ? { ...live } : {};
    if (isObj(last)) for (const k of Object.keys(last)) if (!(k in desired)) delete result[k];
    for (const [k, v] of Object.entries(desired)) {
      if (v === null) {
        delete result[k];
        continue;
      }
      result[k] = merge(isObj(live) ? live[k] : undefined, isObj(last) ? last[k] : undefined, v, [...path, k]);
    }
    return result;
  }
  if (Array.isArray(desired)) {
    const key = mergeKeyFor(path);
    if (!key || !Array.isArray(live) || !desired.every(isObj)) return desired;
    const keyOf = (x: Json) => (isObj(x) ? JSON.stringify(x[key] ?? null) : undefined);
    const lastKeys = new Set(Array.isArray(last) ? last.map(keyOf) : []);
    const out: Json[] = [];
    const used = new Set<string | undefined>();
    for (const d of desired) {
      const k = keyOf(d);
      used.add(k);
      const l = live.find((x) => keyOf(x) === k);
      const prev = Array.isArray(last) ? last.find((x) => keyOf(x) === k) : undefined;
      out.push(merge(l, prev, d, path));
    }
    // Items someone else added stay; items this file used to set and dropped go.
    for (const l of live) {
      const k = keyOf(l);
      if (!used.has(k) && !lastKeys.has(k)) out.push(l);
    }
    return out;
  }
  return desired;
}

/** The live object after applying `desired` (which already carries its new annotation). */
export function threeWayMerge(live: Obj, lastApplied: Obj | undefined, desired: Obj): Obj {
  return merge(live, lastApplied, desired, []) as Obj;
}

/**
 * The annotation kubectl stores: the object from the file with its namespace
 * filled in and the annotation itself removed (leaving `"annotations":{}`),
 * encoded as compact JSON with sorted keys and a trailing newline.
 */
export function lastAppliedFor(fileObj: Obj, namespace: string | undefined, encode: (v: unknown) => string): string {
  const copy = cloneJson(fileObj) as Obj;
  const meta = (isObj(copy.metadata) ? copy.metadata : (copy.metadata = {})) as Obj;
  if (namespace !== undefined) meta.namespace = namespace;
  const annotations = isObj(meta.annotations) ? { ...meta.annotations } : {};
  delete annotations[LAST_APPLIED];
  meta.annotations = annotations;
  return encode(copy) + '\n';
}

/** The object to send: the file's object with its annotations plus the new last-applied one. */
export function withLastApplied(fileObj: Obj, namespace: string | undefined, annotation: string): Obj {
  const copy = cloneJson(fileObj) as Obj;
  const meta = (isObj(copy.metadata) ? copy.metadata : (copy.metadata = {})) as Obj;
  if (namespace !== undefined) meta.namespace = namespace;
  meta.annotations = { ...(isObj(meta.annotations) ? meta.annotations : {}), [LAST_APPLIED]: annotation };
  return copy;
}
