// The simulated apiserver's storage and its request pipeline: create / update /
// delete go through defaulting, validation and allocation (per-kind strategies),
// get a uid, resourceVersion and creationTimestamp, and are announced to
// watchers. Stored objects are treated as immutable: writers always store a new
// object, so readers (kubectl, controllers, the UI) may hold references safely.

import { cloneJson } from '../core/clone';
import type { KubeObject, LabelSelector } from './types';
import { resourceForKind, qualifiedPlural, type ResourceInfo } from './kinds';
import { StatusError, notFound, alreadyExists, invalidError, type FieldError } from './errors';
import { rfc3339 } from '../core/time';
import { uuid, randomSuffix } from '../core/ids';
import { deepEqual } from '../core/deep-equal';
import type { Rng } from '../core/rng';
import { matchesSelector, labelSelectorFromMap } from './selectors';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: WatchEventType;
  object: T;
  /** The previous version (MODIFIED and DELETED). */
  old?: T;
}

export type WatchHandler = (e: WatchEvent) => void;

/** Per-kind behaviour of the apiserver's registry (defaults, validation, allocation). */
export interface KindStrategy {
  /** Fill defaults on create. May read the store (e.g. to pick a default). */
  prepareForCreate?(obj: KubeObject, ctx: StrategyContext): void;
  /** Carry over and default fields on update (e.g. keep an allocated clusterIP). */
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): void;
  validate?(obj: KubeObject, ctx: StrategyContext): FieldError[];
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): FieldError[];
  /** Reserve cluster-wide resources (IPs, ports). Throws StatusError; must not leave partial reservations. */
  allocate?(obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext): void;
  /** Give back what `allocate` reserved for `obj` (on delete, or the old values after an update). */
  release?(obj: KubeObject, replacement: KubeObject | undefined, ctx: StrategyContext): void;
  /** Does a change to this object count as a spec change (bumps metadata.generation)? */
  tracksGeneration?: boolean;
}

export interface StrategyContext {
  store: ApiStore;
  dryRun: boolean;
}

export interface WriteOptions {
  dryRun?: boolean;
  /**
   * The caller built this object for the write and will not touch it again (the
   * controllers): the store keeps it instead of copying it. Clients' input is
   * always copied.
   */
  handOver?: boolean;
  /**
   * `status`: update only status (spec and metadata changes are ignored).
   * `binding`: the scheduler's pods/binding: set spec.nodeName and nothing else.
   */
  subresource?: 'status' | 'binding';
  /**
   * Create only, for components inside the simulation: the uid the object gets.
   * The bootstrap (objects that existed before the session began) and the
   * root-CA publisher bring their own, drawn from their own random streams, so
   * that adding such objects never shifts the apiserver's stream (pod names).
   */
  uid?: string;
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: LabelSelector;
}

interface KindTable {
  /** namespace ('' for cluster-scoped) -> name -> object */
  byNs: Map<string, Map<string, KubeObject>>;
  /** namespace -> `key=value` -> names, for label-selector lists without scans */
  labels: Map<string, Map<string, Set<string>>>;
  watchers: Set<WatchHandler>;
  count: number;
}

export class ApiStore {
  private readonly tables = new Map<string, KindTable>();
  private readonly strategies = new Map<string, KindStrategy>();
  private readonly anyWatchers = new Set<WatchHandler>();
  /** owner uid -> `kind/namespace/name` of its dependents (garbage collector and controllers use it). */
  private readonly dependents = new Map<string, Set<string>>();
  private rv = 1000;

  constructor(
    private readonly now: () => number,
    private readonly rng: Rng,
  ) {}

  registerStrategy(kind: string, strategy: KindStrategy): void {
    this.strategies.set(kind, strategy);
  }

  get resourceVersion(): string {
    return String(this.rv);
  }

  // ------------------------------------------------------------------ reads

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    const t = this.tables.get(kind);
    return t?.byNs.get(namespace ?? '')?.get(name) as T | undefined;
  }

  /** Objects in storage-key order: namespace, then name, compared as bytes. */
  list<T extends KubeObject = KubeObject>(kind: string, opts: ListOptions = {}): T[] {
    const t = this.tables.get(kind);
    if (!t) return [];
    const namespaces = opts.namespace !== undefined ? [opts.namespace] : [...t.byNs.keys()].sort(byteCompare);
    const out: KubeObject[] = [];
    for (const ns of namespaces) {
      const objs = t.byNs.get(ns);
      if (!objs) continue;
      const candidates = this.candidates(t, ns, objs, opts.labelSelector);
      const names = [...candidates].sort(byteCompare);
      for (const n of names) {
        const o = objs.get(n)!;
        if (!opts.labelSelector || matchesSelector(opts.labelSelector, o.metadata.labels)) out.push(o);
      }
    }
    return out as T[];
  }

  /** Objects of `kind` whose ownerReferences name `ownerUid`, in key order. */
  listOwnedBy<T extends KubeObject = KubeObject>(kind: string, ownerUid: string): T[] {
    const out: T[] = [];
    for (const ref of this.dependents.get(ownerUid) ?? []) {
      const [k, ns, name] = ref.split('/');
      if (k !== kind) continue;
      const o = this.get<T>(k, ns || undefined, name);
      if (o) out.push(o);
    }
    return out.sort((a, b) => byteCompare(`${a.metadata.namespace}/${a.metadata.name}`, `${b.metadata.namespace}/${b.metadata.name}`));
  }

  /** Every dependent of an owner, any kind, as [kind, namespace, name]. */
  dependentsOf(ownerUid: string): [string, string | undefined, string][] {
    return [...(this.dependents.get(ownerUid) ?? [])].map((ref) => {
      const [k, ns, name] = ref.split('/');
      return [k, ns || undefined, name];
    });
  }

  count(kind: string): number {
    return this.tables.get(kind)?.count ?? 0;
  }

  /** Names worth checking against a selector: the smallest label-index bucket among its matchLabels. */
  private candidates(t: KindTable, ns: string, objs: Map<string, KubeObject>, sel?: LabelSelector): Iterable<string> {
    const pairs = sel?.matchLabels ? Object.entries(sel.matchLabels) : [];
    if (pairs.length === 0) return objs.keys();
    const idx = t.labels.get(ns);
    let best: Set<string> | undefined;
    for (const [k, v] of pairs) {
      const bucket = idx?.get(`${k}=${v}`);
      if (!bucket) return [];
      if (!best || bucket.size < best.size) best = bucket;
    }
    return best ?? [];
  }

  /** Shorthand for a map selector (a Service's spec.selector). */
  listMatching<T extends KubeObject = KubeObject>(kind: string, namespace: string, selector: Record<string, string>): T[] {
    return this.list<T>(kind, { namespace, labelSelector: labelSelectorFromMap(selector) });
  }

  // ------------------------------------------------------------------ watch

  watch(kind: string, handler: WatchHandler): () => void {
    const t = this.table(kind);
    t.watchers.add(handler);
    return () => t.watchers.delete(handler);
  }

  /** Every change of every kind (the UI's change feed). */
  watchAll(handler: WatchHandler): () => void {
    this.anyWatchers.add(handler);
    return () => this.anyWatchers.delete(handler);
  }

  // ------------------------------------------------------------------ writes

  create<T extends KubeObject>(input: T, opts: WriteOptions = {}): T {
    const info = this.info(input.kind);
    const obj = (opts.handOver ? { ...input, metadata: { ...input.metadata } } : cloneJson(input)) as KubeObject;
    obj.metadata = obj.metadata ?? {};
    const meta = obj.metadata;
    const ctx: StrategyContext = { store: this, dryRun: !!opts.dryRun };

    if (info.namespaced) {
      meta.namespace = meta.namespace || 'default';
    } else {
      delete meta.namespace;
    }
    if (!meta.name && meta.generateName) {
      meta.name = this.generateName(info, meta.namespace, meta.generateName);
    }
    if (!meta.name) {
      throw invalidError(info.kind, '', info.group, [{ type: 'Required', field: 'metadata.name', detail: 'name or generateName is required' }]);
    }
    if (info.namespaced && info.kind !== 'Event') {
      const ns = this.get('Namespace', undefined, meta.namespace!);
      if (!ns) throw notFound('namespaces', meta.namespace!);
      if (ns.metadata.deletionTimestamp) {
        throw new StatusError('Forbidden', `${info.plural} "${meta.name}" is forbidden: unable to create new content in namespace ${meta.namespace} because it is being terminated`);
      }
    }
    if (this.get(info.kind, meta.namespace, meta.name)) throw alreadyExists(qualifiedPlural(info), meta.name);

    const strategy = this.strategies.get(info.kind) ?? {};
    // Server-set metadata: clients cannot choose these.
    delete meta.uid;
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    meta.creationTimestamp = rfc3339(this.now());
    if (strategy.tracksGeneration) meta.generation = 1;
    else delete meta.generation;
    strategy.prepareForCreate?.(obj, ctx);
    const errs = [...validateObjectMeta(obj, info), ...(strategy.validate?.(obj, ctx) ?? [])];
    if (errs.length) throw invalidError(info.kind, meta.name, info.group, errs);
    strategy.allocate?.(obj, undefined, ctx);
    if (opts.dryRun) {
      strategy.release?.(obj, undefined, ctx);
      meta.uid = opts.uid ?? uuid(this.rng);
      return obj as T;
    }
    meta.uid = opts.uid ?? uuid(this.rng);
    meta.resourceVersion = this.nextRv();
    this.put(info, obj);
    this.emit(info.kind, { type: 'ADDED', object: obj });
    return obj as T;
  }

  update<T extends KubeObject>(input: T, opts: WriteOptions = {}): T {
    const info = this.info(input.kind);
    const ns = info.namespaced ? input.metadata.namespace || 'default' : undefined;
    const name = input.metadata.name ?? '';
    const old = this.get(info.kind, ns, name);
    if (!old) throw notFound(qualifiedPlural(info), name);
    if (input.metadata.resourceVersion && input.metadata.resourceVersion !== old.metadata.resourceVersion) {
      throw new StatusError(
        'Conflict',
        `Operation cannot be fulfilled on ${qualifiedPlural(info)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      );
    }
    const ctx: StrategyContext = { store: this, dryRun: !!opts.dryRun };
    const strategy = this.strategies.get(info.kind) ?? {};
    let obj: KubeObject;
    if (opts.subresource === 'status') {
      obj = { ...old, status: opts.handOver ? (input as KubeObject).status : cloneJson((input as KubeObject).status) };
      obj.metadata = { ...old.metadata };
    } else if (opts.subresource === 'binding') {
      const nodeName = (input as unknown as { spec: { nodeName?: string } }).spec.nodeName;
      const oldSpec = (old as unknown as { spec: { nodeName?: string } }).spec;
      if (oldSpec.nodeName) throw new StatusError('Conflict', `pod ${name} is already assigned to node "${oldSpec.nodeName}"`);
      obj = { ...old, spec: { ...oldSpec, nodeName }, metadata: { ...old.metadata } };
    } else {
      obj = (opts.handOver ? { ...input, metadata: { ...input.metadata } } : cloneJson(input)) as KubeObject;
      // Keep server-owned metadata and the status (status changes need the subresource).
      obj.metadata = {
        ...obj.metadata,
        namespace: old.metadata.namespace,
        uid: old.metadata.uid,
        creationTimestamp: old.metadata.creationTimestamp,
        deletionTimestamp: old.metadata.deletionTimestamp,
        generation: old.metadata.generation,
      };
      if (obj.metadata.deletionTimestamp === undefined) delete obj.metadata.deletionTimestamp;
      if (obj.metadata.generation === undefined) delete obj.metadata.generation;
      if (!info.namespaced) delete obj.metadata.namespace;
      if ('status' in old) obj.status = old.status;
      else delete obj.status;
      strategy.prepareForUpdate?.(obj, old, ctx);
      const errs = [
        ...validateObjectMeta(obj, info),
        ...(strategy.validate?.(obj, ctx) ?? []),
        ...(strategy.validateUpdate?.(obj, old, ctx) ?? []),
      ];
      if (errs.length) throw invalidError(info.kind, name, info.group, errs);
      if (strategy.tracksGeneration && !deepEqual(specOf(obj), specOf(old))) {
        obj.metadata.generation = (old.metadata.generation ?? 1) + 1;
      }
    }
    if (deepEqual({ ...obj, metadata: { ...obj.metadata, resourceVersion: undefined } }, { ...old, metadata: { ...old.metadata, resourceVersion: undefined } })) {
      // A no-op write does not bump resourceVersion and sends no event, as etcd would not change.
      return old as T;
    }
    if (!opts.subresource) strategy.allocate?.(obj, old, ctx);
    if (opts.dryRun) {
      if (!opts.subresource) strategy.release?.(obj, old, ctx);
      return obj as T;
    }
    if (!opts.subresource) strategy.release?.(old, obj, ctx);
    obj.metadata.resourceVersion = this.nextRv();
    this.put(info, obj, old);
    this.emit(info.kind, { type: 'MODIFIED', object: obj, old });
    return obj as T;
  }

  /**
   * Remove an object from storage now. Graceful deletion (pods, finalizers) is a
   * controller concern: they set deletionTimestamp with `markDeleting` first.
   */
  delete(kind: string, namespace: string | undefined, name: string, opts: WriteOptions = {}): KubeObject {
    const info = this.info(kind);
    const ns = info.namespaced ? namespace || 'default' : undefined;
    const old = this.get(kind, ns, name);
    if (!old) throw notFound(qualifiedPlural(info), name);
    if (opts.dryRun) return old;
    const strategy = this.strategies.get(kind);
    strategy?.release?.(old, undefined, { store: this, dryRun: false });
    const t = this.table(kind);
    const nsKey = ns ?? '';
    t.byNs.get(nsKey)!.delete(name);
    if (t.byNs.get(nsKey)!.size === 0) t.byNs.delete(nsKey);
    this.unindexLabels(t, nsKey, name, old.metadata.labels);
    const ref = `${kind}/${nsKey}/${name}`;
    for (const o of old.metadata.ownerReferences ?? []) {
      const s = this.dependents.get(o.uid);
      s?.delete(ref);
      if (s?.size === 0) this.dependents.delete(o.uid);
    }
    t.count--;
    this.rv++;
    this.emit(kind, { type: 'DELETED', object: old, old });
    return old;
  }

  /**
   * DELETE as the apiserver handles it: pods are deleted gracefully (the kubelet
   * finishes the job) unless unscheduled, finished or forced with grace 0;
   * namespaces enter Terminating and the namespace controller empties them;
   * everything else goes at once.
   */
  requestDelete(kind: string, namespace: string | undefined, name: string, opts: { gracePeriodSeconds?: number; dryRun?: boolean } = {}): KubeObject {
    const info = this.info(kind);
    const ns = info.namespaced ? namespace || 'default' : undefined;
    const obj = this.get(kind, ns, name);
    if (!obj) throw notFound(qualifiedPlural(info), name);
    if (opts.dryRun) return obj;
    if (kind === 'Namespace') {
      if (['default', 'kube-system', 'kube-public'].includes(name)) {
        throw new StatusError('Forbidden', `namespaces "${name}" is forbidden: this namespace may not be deleted`);
      }
      const marked = this.markDeleting(kind, undefined, name, 0);
      return this.update({ ...marked, status: { phase: 'Terminating' } }, { subresource: 'status' });
    }
    if (kind === 'Pod') {
      const pod = obj as KubeObject & { spec: { nodeName?: string; terminationGracePeriodSeconds?: number }; status?: { phase?: string } };
      const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      const grace = opts.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
      if (grace > 0 && pod.spec.nodeName && !finished) return this.markDeleting(kind, ns, name, grace);
    }
    return this.delete(kind, ns, name);
  }

  /** Set deletionTimestamp (graceful deletion has begun); the object stays until its owner removes it. */
  markDeleting(kind: string, namespace: string | undefined, name: string, gracePeriodSeconds: number): KubeObject {
    const old = this.get(kind, namespace, name);
    if (!old) throw notFound(qualifiedPlural(this.info(kind)), name);
    if (old.metadata.deletionTimestamp) return old;
    const obj = {
      ...old,
      metadata: {
        ...old.metadata,
        deletionTimestamp: rfc3339(this.now() + gracePeriodSeconds * 1000),
        deletionGracePeriodSeconds: gracePeriodSeconds,
        resourceVersion: this.nextRv(),
      },
    };
    this.put(this.info(kind), obj, old);
    this.emit(kind, { type: 'MODIFIED', object: obj, old });
    return obj;
  }

  // ------------------------------------------------------------------ internals

  info(kind: string): ResourceInfo {
    const info = resourceForKind(kind);
    if (!info) throw new StatusError('NotFound', `the server could not find the requested resource (kind ${kind})`);
    return info;
  }

  private generateName(info: ResourceInfo, ns: string | undefined, prefix: string): string {
    for (;;) {
      const name = prefix + randomSuffix(this.rng);
      if (!this.get(info.kind, ns, name)) return name;
    }
  }

  private nextRv(): string {
    this.rv++;
    return String(this.rv);
  }

  private table(kind: string): KindTable {
    let t = this.tables.get(kind);
    if (!t) {
      t = { byNs: new Map(), labels: new Map(), watchers: new Set(), count: 0 };
      this.tables.set(kind, t);
    }
    return t;
  }

  private put(info: ResourceInfo, obj: KubeObject, old?: KubeObject): void {
    const t = this.table(info.kind);
    const nsKey = info.namespaced ? obj.metadata.namespace! : '';
    let objs = t.byNs.get(nsKey);
    if (!objs) {
      objs = new Map();
      t.byNs.set(nsKey, objs);
    }
    if (!objs.has(obj.metadata.name!)) t.count++;
    objs.set(obj.metadata.name!, obj);
    if (old) this.unindexLabels(t, nsKey, old.metadata.name!, old.metadata.labels);
    this.indexLabels(t, nsKey, obj.metadata.name!, obj.metadata.labels);
    const ref = `${info.kind}/${nsKey}/${obj.metadata.name}`;
    for (const o of old?.metadata.ownerReferences ?? []) this.dependents.get(o.uid)?.delete(ref);
    for (const o of obj.metadata.ownerReferences ?? []) {
      let s = this.dependents.get(o.uid);
      if (!s) this.dependents.set(o.uid, (s = new Set()));
      s.add(ref);
    }
  }

  private indexLabels(t: KindTable, ns: string, name: string, labels?: Record<string, string>): void {
    if (!labels) return;
    let idx = t.labels.get(ns);
    if (!idx) {
      idx = new Map();
      t.labels.set(ns, idx);
    }
    for (const [k, v] of Object.entries(labels)) {
      const key = `${k}=${v}`;
      let s = idx.get(key);
      if (!s) {
        s = new Set();
        idx.set(key, s);
      }
      s.add(name);
    }
  }

  private unindexLabels(t: KindTable, ns: string, name: string, labels?: Record<string, string>): void {
    if (!labels) return;
    const idx = t.labels.get(ns);
    if (!idx) return;
    for (const [k, v] of Object.entries(labels)) {
      const key = `${k}=${v}`;
      const s = idx.get(key);
      if (!s) continue;
      s.delete(name);
      if (s.size === 0) idx.delete(key);
    }
  }

  private emit(kind: string, e: WatchEvent): void {
    const t = this.tables.get(kind);
    if (t) for (const h of t.watchers) h(e);
    for (const h of this.anyWatchers) h(e);
  }
}

export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function specOf(o: KubeObject): unknown {
  const { metadata: _m, status: _s, ...rest } = o;
  return rest;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return deepEqual(a, b);
}

/** JSON with sorted keys and no undefined, for comparisons. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, val) => {
    if (val && typeof val === 'object' && !Array.isArray(val)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(val).sort()) if (val[k] !== undefined) out[k] = val[k];
      return out;
    }
    return val;
  });
}

// ------------------------------------------------------------------ metadata validation

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

export const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
export const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

/** Which name rule each kind's apiserver validation applies to metadata.name. */
const NAME_RULES: Record<string, 'label' | 'subdomain' | 'dns1035'> = {
  Namespace: 'label',
  Service: 'dns1035',
  Pod: 'subdomain',
  Deployment: 'subdomain',
  ReplicaSet: 'subdomain',
  DaemonSet: 'subdomain',
  ConfigMap: 'subdomain',
  Node: 'subdomain',
  Endpoints: 'subdomain',
  EndpointSlice: 'subdomain',
  Event: 'subdomain',
};

export function validateName(kind: string, name: string, field = 'metadata.name'): FieldError[] {
  const rule = NAME_RULES[kind] ?? 'subdomain';
  const errs: FieldError[] = [];
  if (rule === 'dns1035') {
    if (name.length > 63) errs.push({ type: 'Invalid', field, value: name, detail: 'must be no more than 63 characters' });
    if (!DNS1035_LABEL.test(name)) errs.push({ type: 'Invalid', field, value: name, detail: DNS1035_LABEL_MSG });
  } else if (rule === 'label') {
    if (name.length > 63) errs.push({ type: 'Invalid', field, value: name, detail: 'must be no more than 63 characters' });
    if (!DNS1123_LABEL.test(name)) errs.push({ type: 'Invalid', field, value: name, detail: DNS1123_LABEL_MSG });
  } else {
    if (name.length > 253) errs.push({ type: 'Invalid', field, value: name, detail: 'must be no more than 253 characters' });
    if (!DNS1123_SUBDOMAIN.test(name)) errs.push({ type: 'Invalid', field, value: name, detail: DNS1123_SUBDOMAIN_MSG });
  }
  return errs;
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
export const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
export const LABEL_NAME_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

export function validateLabels(labels: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    const slash = k.lastIndexOf('/');
    const namePart = slash >= 0 ? k.slice(slash + 1) : k;
    const prefix = slash >= 0 ? k.slice(0, slash) : undefined;
    if (namePart.length === 0 || namePart.length > 63 || !LABEL_NAME.test(namePart)) {
      errs.push({ type: 'Invalid', field, value: k, detail: namePart.length > 63 ? 'name part must be no more than 63 characters' : LABEL_NAME_MSG });
    }
    if (prefix !== undefined && !DNS1123_SUBDOMAIN.test(prefix)) {
      errs.push({ type: 'Invalid', field, value: k, detail: `prefix part ${DNS1123_SUBDOMAIN_MSG}` });
    }
    if (typeof v !== 'string') {
      errs.push({ type: 'Invalid', field: `${field}`, value: v, detail: 'must be a string' });
    } else if (v.length > 63) {
      errs.push({ type: 'Invalid', field, value: v, detail: 'must be no more than 63 characters' });
    } else if (!LABEL_VALUE.test(v)) {
      errs.push({ type: 'Invalid', field, value: v, detail: LABEL_VALUE_MSG });
    }
  }
  return errs;
}

function validateObjectMeta(obj: KubeObject, info: ResourceInfo): FieldError[] {
  const errs = validateName(info.kind, obj.metadata.name ?? '');
  errs.push(...validateLabels(obj.metadata.labels, 'metadata.labels'));
  return errs;
}
