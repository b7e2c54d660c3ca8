// kube-scheduler, reduced to what shapes a lab cluster: nodes must be Ready and
// schedulable, taints tolerated (kind's control plane is tainted NoSchedule),
// nodeSelector satisfied; among the nodes that fit, pods of one owner spread
// out, then the least loaded node wins, ties broken at random (seeded), as the
// real scheduler samples among equal scores.

import type { Node, Pod, Taint, Toleration } from '../api/types';
import type { ControllerContext } from './context';
import { nsKey, splitKey } from './queue';
import { controllerRef, isTerminating } from './podutil';
import { rfc3339 } from '../core/time';

const SOURCE = { component: 'default-scheduler' };

export function tolerates(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

export function nodeReady(n: Node): boolean {
  return n.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

export function startScheduler(ctx: ControllerContext): void {
  const { store, events, clock } = ctx;
  const rng = ctx.rng('scheduler');
  const enqueue = ctx.queue.register('scheduler', schedule);
  /** node -> number of pods bound to it; owner uid -> node -> count (for spreading). */
  const load = new Map<string, number>();
  const ownerLoad = new Map<string, Map<string, number>>();
  const unschedulable = new Set<string>();

  /**
   * Filtering depends only on the nodes and on the pod's tolerations and
   * nodeSelector, which all replicas of a workload share: keep the outcome per
   * such signature until a node changes. Scoring then walks the fitting nodes
   * by index over arrays (load, and this owner's pods per node), so a pod costs
   * one cheap pass over the nodes even with a thousand of them.
   */
  let nodes: { list: Node[]; index: Map<string, number>; load: Int32Array; same: Int32Array } | undefined;
  const filtered = new Map<string, { fits: Int32Array; reasons: Map<string, number> }>();

  function nodeTable(): NonNullable<typeof nodes> {
    if (!nodes) {
      const list = store.list<Node>('Node');
      const index = new Map(list.map((n, i) => [n.metadata.name!, i]));
      nodes = { list, index, load: Int32Array.from(list, (n) => load.get(n.metadata.name!) ?? 0), same: new Int32Array(list.length) };
    }
    return nodes;
  }

  const account = (pod: Pod, delta: number) => {
    const node = pod.spec.nodeName;
    if (!node) return;
    load.set(node, (load.get(node) ?? 0) + delta);
    const i = nodes?.index.get(node);
    if (i !== undefined) nodes!.load[i] += delta;
    const owner = controllerRef(pod)?.uid;
    if (owner) {
      let m = ownerLoad.get(owner);
      if (!m) ownerLoad.set(owner, (m = new Map()));
      const n = (m.get(node) ?? 0) + delta;
      if (n) m.set(node, n);
      else m.delete(node);
      if (m.size === 0) ownerLoad.delete(owner);
    }
  };

  store.watch('Pod', (e) => {
    const pod = e.object as Pod;
    if (e.old) account(e.old as Pod, -1);
    if (e.type !== 'DELETED') account(pod, +1);
    if (e.type !== 'DELETED' && !pod.spec.nodeName && !isTerminating(pod)) enqueue(nsKey(pod.metadata.namespace, pod.metadata.name!));
    // Capacity freed or nodes changed: retry pods that did not fit.
    if (e.type === 'DELETED') for (const k of unschedulable) enqueue(k);
  });
  store.watch('Node', () => {
    nodes = undefined;
    filtered.clear();
    for (const k of unschedulable) enqueue(k);
  });

  function filter(pod: Pod): { fits: Int32Array; reasons: Map<string, number> } {
    const signature = JSON.stringify([pod.spec.tolerations ?? [], pod.spec.nodeSelector ?? {}]);
    let f = filtered.get(signature);
    if (!f) {
      const fits: number[] = [];
      const reasons = new Map<string, number>();
      nodeTable().list.forEach((n, i) => {
        const why = unfit(pod, n);
        if (why) reasons.set(why, (reasons.get(why) ?? 0) + 1);
        else fits.push(i);
      });
      f = { fits: Int32Array.from(fits), reasons };
      filtered.set(signature, f);
    }
    return f;
  }

  function schedule(key: string): void {
    const [ns, name] = splitKey(key);
    const pod = store.get<Pod>('Pod', ns, name);
    if (!pod || pod.spec.nodeName || isTerminating(pod)) {
      unschedulable.delete(key);
      return;
    }
    const table = nodeTable();
    const { fits, reasons } = filter(pod);
    if (fits.length === 0) {
      const total = table.list.length;
      const wasKnown = unschedulable.has(key);
      unschedulable.add(key);
      const detail = [...reasons.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([r, n]) => `${n} ${r}`).join(', ');
      const message = `0/${total} nodes are available: ${detail}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
      const cond = { type: 'PodScheduled' as const, status: 'False' as const, lastProbeTime: null, lastTransitionTime: rfc3339(clock.now()), reason: 'Unschedulable', message };
      const prev = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
      if (!prev || prev.message !== message) {
        store.update({ ...pod, status: { ...pod.status, conditions: [{ ...cond, lastTransitionTime: prev?.lastTransitionTime ?? cond.lastTransitionTime }] } }, { subresource: 'status' });
      }
      if (!wasKnown || prev?.message !== message) events.record(pod, 'Warning', 'FailedScheduling', message, SOURCE);
      return;
    }
    unschedulable.delete(key);
    // Spread replicas of one owner first, then prefer the least loaded node.
    const owned = ownerLoad.get(controllerRef(pod)?.uid ?? '');
    const { load: loads, same, index } = table;
    for (const [node, n] of owned ?? []) {
      const i = index.get(node);
      if (i !== undefined) same[i] = n;
    }
    const best: number[] = [];
    let bestScore = -Infinity;
    for (const i of fits) {
      const score = -same[i] * 1000 - loads[i];
      if (score > bestScore) {
        bestScore = score;
        best.length = 0;
        best.push(i);
      } else if (score === bestScore) best.push(i);
    }
    for (const [node] of owned ?? []) {
      const i = index.get(node);
      if (i !== undefined) same[i] = 0;
    }
    const chosen = table.list[best[rng.int(best.length)]];
    bind(pod, chosen.metadata.name!);
  }

  function unfit(pod: Pod, node: Node): string | undefined {
    if (!nodeReady(node)) return "node(s) had untolerated taint {node.kubernetes.io/not-ready: }";
    if (node.spec.unschedulable) return 'node(s) were unschedulable';
    for (const t of node.spec.taints ?? []) {
      if ((t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod.spec.tolerations, t)) {
        return `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`;
      }
    }
    for (const [k, v] of Object.entries(pod.spec.nodeSelector ?? {})) {
      if (node.metadata.labels?.[k] !== v) return "node(s) didn't match Pod's node affinity/selector";
    }
    return undefined;
  }

  function bind(pod: Pod, node: string): void {
    bindPod(ctx, pod, node);
  }
}

/**
 * The scheduler's pods/binding and what follows it: PodScheduled and the
 * `Scheduled` event. Also used for DaemonSet pods, whose node affinity leaves
 * the scheduler exactly one node (so no random tie-break is drawn for them).
 */
export function bindPod(ctx: Pick<ControllerContext, 'store' | 'events' | 'clock'>, pod: Pod, node: string): Pod {
  const { store, events, clock } = ctx;
  const now = rfc3339(clock.now());
  const bound = store.update({ ...pod, spec: { ...pod.spec, nodeName: node } }, { subresource: 'binding' });
  const conditions = [{ type: 'PodScheduled' as const, status: 'True' as const, lastProbeTime: null, lastTransitionTime: now }];
  const withStatus = store.update({ ...bound, status: { ...bound.status, conditions } }, { subresource: 'status' });
  events.record(bound, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`, SOURCE);
  return withStatus;
}
