// The DaemonSet controller: one pod per eligible node (the node's labels match
// the template's nodeSelector and required node affinity, and its NoSchedule /
// NoExecute taints are tolerated), created with the node affinity and the
// default tolerations the real controller adds, and bound to that node; new
// nodes get a pod, pods on nodes that no longer qualify go. Template changes
// roll out per the update strategy (RollingUpdate within maxUnavailable, or
// maxSurge; OnDelete waits for the learner). Status counts nodes, as
// `kubectl get ds` shows them. The controller keeps a summary per node and a
// pass looks only at the nodes whose pods or node object changed, so a node
// joining a 1,000-node cluster does not cost a walk over all of them.
//
// It draws no random numbers of its own: pod names come from the apiserver's
// generateName (as a ReplicaSet's do) and binding needs no tie-break.

import { cloneJson } from '../core/clone';
import { canonicalJson } from '../api/store';
import type { DaemonSet, KubeObject, Node, NodeSelectorRequirement, Pod, PodSpec, Taint, Toleration } from '../api/types';
import { matchesSelector } from '../api/selectors';
import { templateGeneration } from '../api/strategies/workloads';
import { fnv32a, safeEncode } from '../core/ids';
import { parseRfc3339 } from '../core/time';
import type { ControllerContext } from './context';
import { nsKey, splitKey } from './queue';
import { controllerRef, isPodReady, isTerminating, ownerRefTo, podEndpointsOrOwnershipChanged } from './podutil';
import { bindPod, nodeReady, tolerates } from './scheduler';

const SOURCE = { component: 'daemonset-controller' };
export const REVISION_HASH_LABEL = 'controller-revision-hash';
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

/** The tolerations the DaemonSet controller adds to every daemon pod (util.AddOrUpdateDaemonPodTolerations), in its order. */
export function daemonPodTolerations(hostNetwork: boolean | undefined): Toleration[] {
  const t = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', effect });
  return [
    t('node.kubernetes.io/not-ready', 'NoExecute'),
    t('node.kubernetes.io/unreachable', 'NoExecute'),
    t('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    t('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    t('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    t('node.kubernetes.io/unschedulable', 'NoSchedule'),
    ...(hostNetwork ? [t('node.kubernetes.io/network-unavailable', 'NoSchedule')] : []),
  ];
}

/** v1helper.AddOrUpdateTolerationInPodSpec for each default toleration. */
function withDaemonTolerations(spec: PodSpec): Toleration[] {
  let list = [...(spec.tolerations ?? [])];
  for (const add of daemonPodTolerations(spec.hostNetwork)) {
    const same = (t: Toleration) => (t.key ?? '') === add.key && (t.effect ?? '') === add.effect && (t.operator ?? 'Equal') === add.operator && (t.value ?? '') === '';
    const i = list.findIndex(same);
    if (i < 0) list.push(add);
    else if (canonicalJson(list[i]) !== canonicalJson(add)) list = list.map((t, j) => (j === i ? add : t));
  }
  return list;
}

/** util.ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes "this node" (other affinity stays). */
function affinityFor(spec: PodSpec, node: string): NonNullable<PodSpec['affinity']> {
  const term = { matchFields: [{ key: 'metadata.name', operator: 'In' as const, values: [node] }] };
  const affinity = cloneJson(spec.affinity ?? {});
  affinity.nodeAffinity = { ...(affinity.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] } };
  return affinity;
}

/** The node a daemon pod is for: its binding, or the node its affinity names. */
export function daemonPodNode(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  for (const term of pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  }
  return undefined;
}

function nodeRequirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const n = Number(value);
      const bound = Number(values[0]);
      if (value === undefined || !Number.isInteger(n) || !Number.isInteger(bound)) return false;
      return r.operator === 'Gt' ? n > bound : n < bound;
    }
  }
}

/** The template's nodeSelector and required node affinity (its own terms; ORed), as the scheduler's filter applies them. */
function fitsNode(spec: PodSpec, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  if (spec.nodeSelector) for (const k in spec.nodeSelector) if (labels[k] !== spec.nodeSelector[k]) return false;
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return true;
  return terms.some(
    (term) =>
      ((term.matchExpressions ?? []).length > 0 || (term.matchFields ?? []).length > 0) &&
      (term.matchExpressions ?? []).every((r) => nodeRequirementMatches(r, labels[r.key])) &&
      (term.matchFields ?? []).every((r) => nodeRequirementMatches(r, r.key === 'metadata.name' ? node.metadata.name : undefined)),
  );
}

/** The taints the scheduler sees on a node (a node that is not Ready carries the not-ready taint). */
const NOT_READY: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' };
const NO_TAINTS: Taint[] = [];

function effectiveTaints(node: Node): Taint[] {
  const taints = node.spec.taints ?? NO_TAINTS;
  if (nodeReady(node) || taints.some((t) => t.key === NOT_READY.key)) return taints;
  return [...taints, NOT_READY];
}

/**
 * NodeShouldRunDaemonPod: should a daemon pod be created on the node, and may
 * one already there keep running (an untolerated NoSchedule taint stops new
 * pods only; NoExecute evicts)?
 */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet, tolerations = withDaemonTolerations(ds.spec.template.spec)): NodeVerdict {
  const spec = ds.spec.template.spec;
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return NO;
  if (!fitsNode(spec, node)) return NO;
  let noExecute = false;
  let untolerated = false;
  for (const t of effectiveTaints(node)) {
    if ((t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(tolerations, t)) {
      untolerated = true;
      if (t.effect === 'NoExecute') noExecute = true;
    }
  }
  if (!untolerated) return YES;
  return noExecute ? NO : KEEP;
}

export interface NodeVerdict {
  shouldRun: boolean;
  shouldContinueRunning: boolean;
}
const YES: NodeVerdict = { shouldRun: true, shouldContinueRunning: true };
const NO: NodeVerdict = { shouldRun: false, shouldContinueRunning: false };
const KEEP: NodeVerdict = { shouldRun: false, shouldContinueRunning: true };

/** The revision hash of a template (the real one hashes its ControllerRevision; same shape: a 32-bit FNV in SafeEncodeString form). */
export function daemonSetTemplateHash(ds: DaemonSet): string {
  return safeEncode(String(fnv32a(canonicalJson({ spec: { template: ds.spec.template } }))));
}

const readySince = new WeakMap<Pod, number | null>();

/** When the pod became Ready (ms), or null when it is not (memoised: stored objects never change). */
function readyAt(pod: Pod): number | null {
  let at = readySince.get(pod);
  if (at === undefined) {
    const c = pod.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True');
    at = c ? parseRfc3339(c.lastTransitionTime) : null;
    readySince.set(pod, at);
  }
  return at;
}

/** Ready for minReadySeconds (podutil.IsPodAvailable). */
function isAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const at = readyAt(pod);
  return at !== null && at + minReadySeconds * 1000 <= now;
}

/** podByCreationTimestampAndPhase: bound pods first, then oldest, then by name. */
function byCreation(a: Pod, b: Pod): number {
  const boundA = a.spec.nodeName ? 0 : 1;
  const boundB = b.spec.nodeName ? 0 : 1;
  if (boundA !== boundB) return boundA - boundB;
  const ta = parseRfc3339(a.metadata.creationTimestamp ?? '');
  const tb = parseRfc3339(b.metadata.creationTimestamp ?? '');
  if (ta !== tb) return ta - tb;
  return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0;
}

/** An int-or-percent of the desired count (percentages round up, as the DaemonSet controller scales them). */
function scaled(v: number | string | undefined, desired: number): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^[0-9]+%$/.test(v)) return Math.ceil((Number(v.slice(0, -1)) * desired) / 100);
  return 0;
}

/** What one node contributes to a DaemonSet's status (and whether it still has pods of an older revision). */
interface NodeSummary {
  desired: number;
  current: number;
  misscheduled: number;
  ready: number;
  available: number;
  updated: number;
  /** Pods of an older revision that are not being deleted. */
  old: number;
}

const ZERO: NodeSummary = { desired: 0, current: 0, misscheduled: 0, ready: 0, available: 0, updated: 0, old: 0 };

function addSummary(total: NodeSummary, s: NodeSummary, sign: 1 | -1): void {
  total.desired += sign * s.desired;
  total.current += sign * s.current;
  total.misscheduled += sign * s.misscheduled;
  total.ready += sign * s.ready;
  total.available += sign * s.available;
  total.updated += sign * s.updated;
  total.old += sign * s.old;
}

/**
 * What the controller remembers of one DaemonSet between passes: the per-node
 * summaries its status sums up, valid for one template, revision and
 * minReadySeconds. A pass looks only at the nodes something happened on
 * (their pods or the node changed), so a node joining a big cluster costs one
 * node's work, not a walk over every node.
 */
interface DsState {
  spec: PodSpec;
  hash: string;
  gen: string;
  minReady: number;
  /** Look at every node next pass. */
  all: boolean;
  dirty: Set<string>;
  summaries: Map<string, NodeSummary>;
  totals: NodeSummary;
  /** node -> when its pod becomes available (ready, but not yet for minReadySeconds). */
  waiting: Map<string, number>;
}

export function startDaemonSetController(ctx: ControllerContext): void {
  const { store, clock, events } = ctx;
  const enqueue = ctx.queue.register('daemonset', reconcile);
  /** `uid/templateGeneration` -> controller-revision-hash (the ControllerRevisions the real controller keeps). */
  const revisions = new Map<string, string>();
  const recheckAt = new Map<string, number>();
  /** DaemonSets that may have orphans to adopt. */
  const adoptionPending = new Set<string>();
  /** DaemonSet uid -> node -> its pods there by `namespace/name`, kept from the pod watch. */
  const podIndex = new Map<string, Map<string, Map<string, Pod>>>();
  const states = new Map<string, DsState>();
  /** The nodes in list order (and by name), until a node changes. */
  let nodeList: Node[] | undefined;
  let nodesByName: Map<string, Node> | undefined;
  const verdictCache = new WeakMap<Node, WeakMap<PodSpec, NodeVerdict>>();

  const dsKey = (o: KubeObject) => nsKey(o.metadata.namespace, o.metadata.name!);

  function markDirty(uid: string, node: string): void {
    states.get(uid)?.dirty.add(node);
  }

  function indexPod(uid: string, node: string, podKey: string, pod: Pod | undefined): void {
    let byNode = podIndex.get(uid);
    if (!pod) {
      const bucket = byNode?.get(node);
      bucket?.delete(podKey);
      if (bucket?.size === 0) byNode!.delete(node);
      return;
    }
    if (!byNode) podIndex.set(uid, (byNode = new Map()));
    let bucket = byNode.get(node);
    if (!bucket) byNode.set(node, (bucket = new Map()));
    bucket.set(podKey, pod);
  }

  store.watch('DaemonSet', (e) => {
    const uid = e.object.metadata.uid!;
    if (e.type === 'DELETED') {
      recheckAt.delete(dsKey(e.object));
      adoptionPending.delete(dsKey(e.object));
      podIndex.delete(uid);
      states.delete(uid);
      return;
    }
    // Our own status writes change nothing we act on.
    const o = e.old;
    if (e.type === 'MODIFIED' && o && o.metadata.generation === e.object.metadata.generation && o.metadata.deletionTimestamp === e.object.metadata.deletionTimestamp && canonicalJson(o.metadata.labels ?? {}) === canonicalJson(e.object.metadata.labels ?? {})) return;
    const st = states.get(uid);
    if (st) st.all = true;
    adoptionPending.add(dsKey(e.object));
    enqueue(dsKey(e.object));
  });

  store.watch('Pod', (e) => {
    const pod = e.object as Pod;
    const old = e.old as Pod | undefined;
    const ns = pod.metadata.namespace;
    const ref = controllerRef(pod);
    const oldRef = old && controllerRef(old);
    const podKey = nsKey(ns, pod.metadata.name!);
    const relevant = e.type !== 'MODIFIED' || podEndpointsOrOwnershipChanged(old, pod);
    if (oldRef?.kind === 'DaemonSet') {
      const node = daemonPodNode(old!) ?? '';
      indexPod(oldRef.uid, node, podKey, undefined);
      if (relevant) markDirty(oldRef.uid, node);
    }
    if (e.type !== 'DELETED' && ref?.kind === 'DaemonSet') {
      const node = daemonPodNode(pod) ?? '';
      indexPod(ref.uid, node, podKey, pod);
      if (relevant) markDirty(ref.uid, node);
    }
    if (!relevant) return;
    if (ref?.kind === 'DaemonSet') enqueue(nsKey(ns, ref.name));
    if (oldRef?.kind === 'DaemonSet' && oldRef.name !== ref?.name) enqueue(nsKey(ns, oldRef.name));
    if (!ref && e.type !== 'DELETED') {
      // An orphan: a DaemonSet whose selector matches may adopt it.
      for (const ds of store.list<DaemonSet>('DaemonSet', { namespace: ns })) {
        if (!isTerminating(ds) && matchesSelector(ds.spec.selector, pod.metadata.labels)) {
          adoptionPending.add(dsKey(ds));
          enqueue(dsKey(ds));
        }
      }
    }
  });

  store.watch('Node', (e) => {
    nodeList = undefined;
    nodesByName = undefined;
    if (e.type === 'MODIFIED' && e.old) {
      const a = e.old as Node;
      const b = e.object as Node;
      const same =
        canonicalJson(a.metadata.labels ?? {}) === canonicalJson(b.metadata.labels ?? {}) &&
        canonicalJson(a.spec.taints ?? []) === canonicalJson(b.spec.taints ?? []) &&
        nodeReady(a) === nodeReady(b);
      if (same) return;
    }
    const name = e.object.metadata.name!;
    for (const st of states.values()) st.dirty.add(name);
    for (const ds of store.list<DaemonSet>('DaemonSet')) enqueue(dsKey(ds));
  });

  function podsOn(uid: string, node: string): Pod[] {
    const bucket = podIndex.get(uid)?.get(node);
    if (!bucket) return [];
    const list = [...bucket.values()];
    if (list.length > 1) list.sort(byCreation);
    return list;
  }

  /** The current revision's hash: the one the pods of this template generation already carry, else the template's own. */
  function revisionHash(ds: DaemonSet, gen: string): string {
    const key = `${ds.metadata.uid}/${gen}`;
    let hash = revisions.get(key);
    if (!hash) {
      search: for (const bucket of podIndex.get(ds.metadata.uid!)?.values() ?? []) {
        for (const p of bucket.values()) {
          const h = p.metadata.labels?.[TEMPLATE_GENERATION_LABEL] === gen ? p.metadata.labels?.[REVISION_HASH_LABEL] : undefined;
          if (h) {
            hash = h;
            break search;
          }
        }
      }
      hash ??= daemonSetTemplateHash(ds);
      revisions.set(key, hash);
    }
    return hash;
  }

  /** Adopt matching orphans (when one may exist): the adopted pods enter the index through the pod watch. */
  function adoptOrphans(ds: DaemonSet, key: string): void {
    if (!adoptionPending.delete(key)) return;
    for (const pod of store.list<Pod>('Pod', { namespace: ds.metadata.namespace, labelSelector: ds.spec.selector })) {
      if (controllerRef(pod) || isTerminating(pod)) continue;
      store.update({ ...pod, metadata: { ...pod.metadata, ownerReferences: [...(pod.metadata.ownerReferences ?? []), ownerRefTo(ds)] } });
    }
  }

  /** Owned pods whose labels no longer match are released (they leave the index through the pod watch). */
  function releaseUnmatched(ds: DaemonSet, pods: Pod[]): Pod[] {
    const uid = ds.metadata.uid!;
    return pods.filter((pod) => {
      if (matchesSelector(ds.spec.selector, pod.metadata.labels)) return true;
      if (!isTerminating(pod)) {
        const refs = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        const metadata: Pod['metadata'] = { ...pod.metadata, ownerReferences: refs };
        if (refs.length === 0) delete metadata.ownerReferences;
        store.update({ ...pod, metadata });
      }
      return false;
    });
  }

  function verdictFor(node: Node | undefined, ds: DaemonSet, tolerations: () => Toleration[]): NodeVerdict {
    if (!node) return NO;
    const spec = ds.spec.template.spec;
    // Nodes and templates are immutable objects: a verdict holds until either is replaced.
    let perSpec = verdictCache.get(node);
    if (!perSpec) verdictCache.set(node, (perSpec = new WeakMap()));
    let v = perSpec.get(spec);
    if (!v) perSpec.set(spec, (v = nodeShouldRunDaemonPod(node, ds, tolerations())));
    return v;
  }

  function reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const ds = store.get<DaemonSet>('DaemonSet', ns, name);
    if (!ds || isTerminating(ds)) return;
    const uid = ds.metadata.uid!;
    adoptOrphans(ds, key);
    const spec = ds.spec.template.spec;
    const gen = String(templateGeneration(ds));
    const hash = revisionHash(ds, gen);
    const minReady = ds.spec.minReadySeconds ?? 0;
    let st = states.get(uid);
    if (!st || st.spec !== spec || st.hash !== hash || st.gen !== gen || st.minReady !== minReady) {
      st = { spec, hash, gen, minReady, all: true, dirty: new Set(), summaries: new Map(), totals: { ...ZERO }, waiting: new Map() };
      states.set(uid, st);
    }
    const isUpdated = (p: Pod) => p.metadata.labels?.[REVISION_HASH_LABEL] === hash || p.metadata.labels?.[TEMPLATE_GENERATION_LABEL] === gen;
    const now = clock.now();
    const available = (p: Pod) => isAvailable(p, minReady, now);
    const strategy = ds.spec.updateStrategy ?? {};
    const rolling = strategy.type !== 'OnDelete';
    const nodes = (nodeList ??= store.list<Node>('Node'));
    const byName = (nodesByName ??= new Map(nodes.map((n) => [n.metadata.name!, n])));
    let tolerations: Toleration[] | undefined;
    const tolerationsOf = () => (tolerations ??= withDaemonTolerations(spec));

    // Which nodes to look at: all of them (and nodes gone that still have pods), or those something happened on.
    let visit: string[];
    if (st.all) {
      visit = nodes.map((n) => n.metadata.name!);
      for (const node of podIndex.get(uid)?.keys() ?? []) if (node !== '' && !byName.has(node)) visit.push(node);
    } else {
      visit = [...st.dirty].filter((n) => n !== '').sort();
    }
    st.all = false;
    st.dirty = new Set();

    const desired = st.totals.desired + visit.reduce((d, n) => d - (st!.summaries.get(n)?.desired ?? 0) + (verdictFor(byName.get(n), ds, tolerationsOf).shouldRun ? 1 : 0), 0);
    const maxSurge = rolling ? scaled(strategy.rollingUpdate?.maxSurge, desired) : 0;
    const maxUnavailable = rolling ? scaled(strategy.rollingUpdate?.maxUnavailable, desired) : 0;
    const surge = maxSurge > 0;

    // manage: create where missing, delete failed, extra and misplaced pods; summarise each node for the status.
    const create: string[] = [];
    const remove = new Set<Pod>();
    for (const nodeName of visit) {
      const node = byName.get(nodeName);
      const { shouldRun, shouldContinueRunning } = verdictFor(node, ds, tolerationsOf);
      const list = releaseUnmatched(ds, podsOn(uid, nodeName));
      summarise(st, nodeName, node, shouldRun, list, isUpdated, now);
      if (list.length === 0) {
        if (shouldRun) create.push(nodeName);
        continue;
      }
      if (shouldContinueRunning) {
        const running: Pod[] = [];
        for (const p of list) {
          if (isTerminating(p)) continue;
          const phase = p.status?.phase;
          if (phase === 'Failed' || phase === 'Succeeded') {
            if (phase === 'Failed') events.record(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${nodeName}, will try to kill it`, SOURCE);
            remove.add(p);
          } else running.push(p);
        }
        if (!surge) {
          for (const p of running.slice(1)) remove.add(p);
        } else {
          let oldestNew: Pod | undefined;
          let oldestOld: Pod | undefined;
          for (const p of running) {
            if (p.metadata.labels?.[REVISION_HASH_LABEL] === hash) {
              if (!oldestNew) {
                oldestNew = p;
                continue;
              }
            } else if (!oldestOld) {
              oldestOld = p;
              continue;
            }
            remove.add(p);
          }
          if (oldestNew && oldestOld && (!isPodReady(oldestOld) || available(oldestNew))) remove.add(oldestOld);
        }
      } else {
        // Not for this node (or the node is gone): every pod there goes.
        for (const p of list) if (!isTerminating(p)) remove.add(p);
      }
    }

    // rollingUpdate: replace pods of older revisions, at the strategy's pace. Like
    // the real controller (its expectations), not in a pass that already created
    // or deleted pods: the next pass sees those pods and counts them.
    if (rolling && create.length === 0 && remove.size === 0 && st.totals.old > 0) {
      const names = [...(podIndex.get(uid)?.keys() ?? [])].filter((n) => byName.has(n)).sort();
      const onNode = (n: string) => {
        let newPod: Pod | undefined;
        let oldPod: Pod | undefined;
        for (const p of podsOn(uid, n)) {
          if (isTerminating(p)) continue;
          if (isUpdated(p)) {
            if (newPod) return undefined;
            newPod = p;
          } else {
            if (oldPod) return undefined;
            oldPod = p;
          }
        }
        return { newPod, oldPod };
      };
      if (!surge) {
        let unavailable = 0;
        const replace: Pod[] = [];
        const candidates: Pod[] = [];
        for (const n of names) {
          const found = onNode(n);
          if (!found) {
            unavailable++;
            continue;
          }
          const { newPod, oldPod } = found;
          if ((!oldPod && !newPod) || (oldPod && newPod)) unavailable++;
          else if (newPod) {
            if (!available(newPod)) unavailable++;
          } else if (oldPod) {
            if (!available(oldPod)) replace.push(oldPod);
            else if (unavailable < maxUnavailable) candidates.push(oldPod);
          }
        }
        const budget = Math.min(Math.max(maxUnavailable - unavailable, 0), candidates.length);
        for (const p of [...replace, ...candidates.slice(0, budget)]) remove.add(p);
      } else {
        let surged = 0;
        for (const n of names) {
          const found = onNode(n);
          if (!found) {
            surged++;
            continue;
          }
          const { newPod, oldPod } = found;
          if (!oldPod) continue;
          if (!newPod) {
            if (!available(oldPod)) create.push(n);
            else if (surged < maxSurge) {
              surged++;
              create.push(n);
            }
          } else if (!available(newPod)) surged++;
          else remove.add(oldPod);
        }
      }
    }

    // The pod events of these writes bring the DaemonSet back for another pass, which counts them.
    for (const node of create) createPod(ds, node, hash);
    for (const p of remove) {
      store.markDeleting('Pod', p.metadata.namespace, p.metadata.name!, p.spec.terminationGracePeriodSeconds ?? 30);
      events.record(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, SOURCE);
    }
    updateStatus(key, ds, st);
  }

  /** Replace one node's summary (updateDaemonSetStatus's per-node counting). */
  function summarise(st: DsState, nodeName: string, node: Node | undefined, shouldRun: boolean, list: Pod[], isUpdated: (p: Pod) => boolean, now: number): void {
    // Terminal pods being deleted do not count (getNodesToDaemonPods); the oldest counts for the node.
    let pod: Pod | undefined;
    for (const p of list) {
      if (isTerminating(p) && (p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded')) continue;
      pod = p;
      break;
    }
    const s: NodeSummary = { ...ZERO };
    st.waiting.delete(nodeName);
    for (const p of list) if (!isTerminating(p) && !isUpdated(p)) s.old++;
    if (node && !shouldRun && pod) s.misscheduled = 1;
    if (node && shouldRun) {
      s.desired = 1;
      if (pod) {
        s.current = 1;
        const since = readyAt(pod);
        if (since !== null) {
          s.ready = 1;
          const at = since + st.minReady * 1000;
          if (at <= now) s.available = 1;
          else st.waiting.set(nodeName, at);
        }
        if (isUpdated(pod)) s.updated = 1;
      }
    }
    const prev = st.summaries.get(nodeName);
    if (prev) addSummary(st.totals, prev, -1);
    addSummary(st.totals, s, 1);
    if (s.desired || s.misscheduled || s.old) st.summaries.set(nodeName, s);
    else st.summaries.delete(nodeName);
  }

  function createPod(ds: DaemonSet, node: string, hash: string): void {
    const t = ds.spec.template;
    const spec = cloneJson(t.spec);
    spec.affinity = affinityFor(spec, node);
    spec.tolerations = withDaemonTolerations(spec);
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${ds.metadata.name}-`,
        namespace: ds.metadata.namespace,
        labels: { ...(t.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash, [TEMPLATE_GENERATION_LABEL]: String(templateGeneration(ds)) },
        ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
        ownerReferences: [ownerRefTo(ds)],
      },
      spec,
    };
    const created = store.create(pod);
    events.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, SOURCE);
    // The pod's affinity leaves the scheduler one node: bind it there.
    bindPod(ctx, created, node);
  }

  function updateStatus(key: string, ds: DaemonSet, st: DsState): void {
    const now = clock.now();
    // Pods that are ready but not yet available: look at their nodes again when they will be.
    let next: number | undefined;
    for (const at of st.waiting.values()) if (at > now && (next === undefined || at < next)) next = at;
    if (next !== undefined && recheckAt.get(key) !== next) {
      recheckAt.set(key, next);
      const uid = ds.metadata.uid!;
      clock.at(next, () => {
        const s = states.get(uid);
        if (!s) return;
        for (const [node, at] of s.waiting) if (at <= clock.now()) s.dirty.add(node);
        enqueue(key);
      });
    }
    const t = st.totals;
    const status: NonNullable<DaemonSet['status']> = {
      currentNumberScheduled: t.current,
      numberMisscheduled: t.misscheduled,
      desiredNumberScheduled: t.desired,
      numberReady: t.ready,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: t.updated,
      numberAvailable: t.available,
      numberUnavailable: t.desired - t.available,
    };
    // omitempty: the API leaves these out at zero.
    for (const k of ['updatedNumberScheduled', 'numberAvailable', 'numberUnavailable'] as const) if (!status[k]) delete status[k];
    const conditions = ds.status?.conditions;
    if (conditions) status.conditions = conditions;
    const live = store.get<DaemonSet>('DaemonSet', ds.metadata.namespace, ds.metadata.name!);
    if (live) store.update({ ...live, status }, { subresource: 'status', handOver: true });
  }
}
