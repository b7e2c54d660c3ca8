// The three patch formats of `kubectl patch`: JSON merge patch (RFC 7386),
// strategic merge patch (lists merged by their patchMergeKey, as the
// apiserver's strategicpatch package does for the built-in kinds), and JSON
// patch (RFC 6902, with evanphx/json-patch v4's error texts).

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A failure while applying a patch; `text` is the Go error's Error(). */
export class PatchError extends Error {}

// ---------------------------------------------------------------- JSON merge patch

export function jsonMergePatch(target: Json, patch: Json): Json {
  if (!isObj(patch)) return patch;
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = jsonMergePatch(out[k] ?? null, v);
  }
  return out;
}

// ---------------------------------------------------------------- strategic merge patch

/**
 * The patchMergeKey of a list field, from the field path (object keys only):
 * undefined means the list is replaced as a whole (atomic, or no strategy).
 */
function mergeKeyFor(kind: string, path: string[]): string | undefined {
  const field = path[path.length - 1];
  const parent = path[path.length - 2];
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'volumes':
    case 'imagePullSecrets':
      return 'name';
    case 'env':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'volumeDevices':
      return 'devicePath';
    case 'hostAliases':
      return 'ip';
    case 'ownerReferences':
      return 'uid';
    case 'conditions':
      return 'type';
    case 'ports':
      if (parent === 'containers' || parent === 'initContainers' || parent === 'ephemeralContainers') return 'containerPort';
      if (kind === 'Service' && path.length === 2 && path[0] === 'spec') return 'port';
      return undefined;
    case 'topologySpreadConstraints':
      return 'topologyKey';
    case 'resourceClaims':
      return 'name';
    default:
      return undefined;
  }
}

/** Lists of scalars with patchStrategy merge (kept as a set). */
function isMergedScalarList(path: string[]): boolean {
  const field = path[path.length - 1];
  return field === 'finalizers' && path.length === 2 && path[0] === 'metadata';
}

/** Go's %v of a map[string]interface{} (keys sorted), as in SMP's merge-key error. */
function goValue(v: Json): string {
  if (isObj(v)) return `map[${Object.keys(v).sort().map((k) => `${k}:${goValue(v[k])}`).join(' ')}]`;
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (v === null) return '<nil>';
  return String(v);
}

const sameKey = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b);

function mergeKeyedList(kind: string, path: string[], original: Json[], patch: Json[], key: string): Json[] {
  for (const p of patch) {
    if (!isObj(p)) continue;
    if (!(key in p)) throw new PatchError(`map: ${goValue(p)} does not contain declared merge key: ${key}`);
  }
  const deleted = patch.filter((p) => isObj(p) && p['$patch'] === 'delete').map((p) => (p as Obj)[key]);
  const patchItems = patch.filter((p) => !(isObj(p) && p['$patch'] === 'delete')) as Obj[];
  const serverOrder = original.filter(isObj).map((o) => o[key]);
  // Patch items, merged into their originals, in patch order.
  const merged: Obj[] = patchItems.map((p) => {
    const o = original.find((x) => isObj(x) && sameKey(x[key], p[key]));
    return isObj(o) ? (strategicMerge(kind, path, o, p) as Obj) : (strategicMerge(kind, path, {}, p) as Obj);
  });
  const serverOnly = original.filter((o) => isObj(o) && !patchItems.some((p) => sameKey(p[key], o[key])) && !deleted.some((d) => sameKey(d, o[key]))) as Obj[];
  // strategicpatch's mergeSortedSlice: interleave by the live object's order where both are known.
  const idx = (o: Obj) => serverOrder.findIndex((k) => sameKey(k, o[key]));
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < merged.length) {
    if (j >= merged.length) out.push(serverOnly[i++]);
    else if (i >= serverOnly.length) out.push(merged[j++]);
    else {
      const li = idx(serverOnly[i]);
      const ri = idx(merged[j]);
      if (li >= 0 && ri >= 0 && li < ri) out.push(serverOnly[i++]);
      else out.push(merged[j++]);
    }
  }
  return out;
}

function strategicMerge(kind: string, path: string[], original: Json, patch: Json): Json {
  if (!isObj(patch)) return patch;
  if (patch['$patch'] === 'replace') {
    const { $patch: _, ...rest } = patch;
    return stripDirectives(rest);
  }
  if (patch['$patch'] === 'delete') return null;
  const out: Obj = isObj(original) ? { ...original } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue; // $retainKeys, $setElementOrder/...: accepted, order/retention not modelled
    if (v === null) {
      delete out[k];
      continue;
    }
    const p = [...path, k];
    const cur = out[k];
    if (Array.isArray(v)) {
      const key = mergeKeyFor(kind, p);
      if (key && Array.isArray(cur)) out[k] = mergeKeyedList(kind, p, cur, v, key);
      else if (key) out[k] = mergeKeyedList(kind, p, [], v, key);
      else if (isMergedScalarList(p) && Array.isArray(cur)) out[k] = [...cur, ...v.filter((x) => !cur.some((c) => sameKey(c, x)))];
      else out[k] = stripDirectives(v);
    } else if (isObj(v)) {
      out[k] = strategicMerge(kind, p, cur ?? null, v);
    } else {
      out[k] = v;
    }
  }
  return out;
}

function stripDirectives(v: Json): Json {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) if (!k.startsWith('$')) out[k] = stripDirectives(x);
  return out;
}

export function strategicMergePatch(kind: string, original: Json, patch: Json): Json {
  return strategicMerge(kind, [], original, patch);
}

// ---------------------------------------------------------------- JSON patch

interface Op {
  op?: unknown;
  path?: unknown;
  from?: unknown;
  value?: Json;
}

/** jsonpatch.DecodePatch: the patch must be a JSON array (of objects). */
export function decodeJsonPatch(patch: Json): Op[] {
  if (!Array.isArray(patch)) {
    const what = isObj(patch) ? 'object' : patch === null ? 'null' : typeof patch === 'string' ? 'string' : typeof patch === 'number' ? 'number' : 'bool';
    if (patch === null) return [];
    throw new PatchError(`json: cannot unmarshal ${what} into Go value of type jsonpatch.Patch`);
  }
  return patch.map((o) => {
    if (!isObj(o)) throw new PatchError(`json: cannot unmarshal ${Array.isArray(o) ? 'array' : typeof o === 'string' ? 'string' : typeof o === 'number' ? 'number' : 'bool'} into Go value of type jsonpatch.Operation`);
    return o as Op;
  });
}

function decodePointer(path: string): string[] {
  if (path === '') return [];
  return path
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** evanphx findObject: the container of the last segment, or undefined. */
function findContainer(doc: Json, path: string): { con: Obj | Json[]; key: string } | undefined {
  const parts = decodePointer(path);
  if (parts.length === 0) return undefined;
  let cur: Json = doc;
  for (const part of parts.slice(0, -1)) {
    if (Array.isArray(cur)) {
      const i = Number(part);
      if (!/^\d+$/.test(part) || i >= cur.length) return undefined;
      cur = cur[i];
    } else if (isObj(cur)) {
      if (!(part in cur)) return undefined;
      cur = cur[part];
    } else return undefined;
    if (cur === null || typeof cur !== 'object') return undefined;
  }
  return { con: cur as Obj | Json[], key: parts[parts.length - 1] };
}

const clone = (v: Json): Json => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

function arrayIndex(arr: Json[], key: string, forAdd: boolean, path: string): number {
  if (forAdd && key === '-') return arr.length;
  if (!/^-?\d+$/.test(key)) throw new PatchError(`strconv.Atoi: parsing "${key}": invalid syntax`);
  let i = Number(key);
  const max = forAdd ? arr.length : arr.length - 1;
  if (i < -arr.length || i > max) throw new PatchError(`Unable to access invalid index: ${i}: invalid index referenced`);
  if (i < 0) i += arr.length;
  void path;
  return i;
}

function getAt(con: Obj | Json[], key: string): Json | undefined {
  if (Array.isArray(con)) {
    if (!/^\d+$/.test(key) || Number(key) >= con.length) return undefined;
    return con[Number(key)];
  }
  return Object.hasOwn(con, key) ? con[key] : undefined;
}

function addAt(con: Obj | Json[], key: string, value: Json, path: string): void {
  if (Array.isArray(con)) con.splice(arrayIndex(con, key, true, path), 0, value);
  else con[key] = value;
}

function removeAt(con: Obj | Json[], key: string, path: string): Json {
  if (Array.isArray(con)) {
    const i = arrayIndex(con, key, false, path);
    return con.splice(i, 1)[0];
  }
  if (!Object.hasOwn(con, key)) throw new PatchError(`error in remove for path: '${path}': Unable to remove nonexistent key: ${key}: missing value`);
  const v = con[key];
  delete con[key];
  return v;
}

export function applyJsonPatch(docIn: Json, ops: Op[]): Json {
  let doc = clone(docIn);
  for (const op of ops) {
    const kind = typeof op.op === 'string' ? op.op : 'unknown';
    const path = typeof op.path === 'string' ? op.path : undefined;
    if (!['add', 'remove', 'replace', 'move', 'copy', 'test'].includes(kind)) throw new PatchError(`Unexpected kind: ${kind}`);
    if (path === undefined) throw new PatchError(`${kind} operation missing path: missing value`);
    if (kind === 'add' || kind === 'replace' || kind === 'test') {
      if (!('value' in op)) throw new PatchError(`${kind} operation, missing value field: missing value`);
    }
    if (path === '' && (kind === 'add' || kind === 'replace')) {
      doc = clone(op.value ?? null);
      continue;
    }
    const at = findContainer(doc, path);
    switch (kind) {
      case 'add':
        if (!at) throw new PatchError(`add operation does not apply: doc is missing path: "${path}": missing value`);
        addAt(at.con, at.key, clone(op.value ?? null), path);
        break;
      case 'remove':
        if (!at) throw new PatchError(`remove operation does not apply: doc is missing path: "${path}": missing value`);
        removeAt(at.con, at.key, path);
        break;
      case 'replace': {
        if (!at) throw new PatchError(`replace operation does not apply: doc is missing path: ${path}: missing value`);
        if (Array.isArray(at.con)) {
          const i = arrayIndex(at.con, at.key, false, path);
          at.con[i] = clone(op.value ?? null);
        } else at.con[at.key] = clone(op.value ?? null);
        break;
      }
      case 'move':
      case 'copy': {
        const from = typeof op.from === 'string' ? op.from : undefined;
        if (from === undefined) throw new PatchError(`${kind} operation missing from path: missing value`);
        const src = findContainer(doc, from);
        if (!src) throw new PatchError(`${kind} operation does not apply: doc is missing from path: ${from}: missing value`);
        const v = getAt(src.con, src.key);
        if (v === undefined) throw new PatchError(`${kind} operation does not apply: doc is missing from path: ${from}: missing value`);
        const value = kind === 'move' ? removeAt(src.con, src.key, from) : clone(v);
        const dst = findContainer(doc, path);
        if (!dst) throw new PatchError(`${kind} operation does not apply: doc is missing destination path: ${path}: missing value`);
        addAt(dst.con, dst.key, value, path);
        break;
      }
      case 'test': {
        const cur = path === '' ? doc : at ? getAt(at.con, at.key) : undefined;
        if (path !== '' && !at) throw new PatchError(`test operation does not apply: is missing path: ${path}: missing value`);
        if (JSON.stringify(canon(cur ?? null)) !== JSON.stringify(canon(op.value ?? null))) throw new PatchError(`testing value ${path} failed: test failed`);
        break;
      }
    }
  }
  return doc;
}

function canon(v: Json): Json {
  if (Array.isArray(v)) return v.map(canon);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const k of Object.keys(v).sort()) out[k] = canon(v[k]);
  return out;
}
