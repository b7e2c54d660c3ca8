// `POD` or `TYPE/NAME` as exec, attach and logs take it (kubectl's
// polymorphichelpers): a pod by name, or for a Service, Deployment or
// ReplicaSet the first pod its selector matches, in kubectl's order. Exec and
// attach want the most active pod (assigned, running, ready longest, fewest
// restarts, oldest); logs prefer the same but the most restarted. With no pod
// yet, kubectl watches for one until its timeout.

import type { Deployment, KubeObject, LabelSelector, Pod, ReplicaSet, Service } from '../../sim/api/types';
import { notFound } from '../../sim/api/errors';
import { isEmptySelector, labelSelectorFromMap } from '../../sim/api/selectors';
import { isPodReady } from '../../sim/controllers/podutil';
import { parseRfc3339 } from '../../sim/core/time';
import type { KubectlEnv } from './env';
import { KubectlError } from './errors';
import { parseResourceArgs } from './resources';

/** Which of kubectl's pod orders picks the pod: `attach` (exec, attach, run) or `logs`. */
export type PodPurpose = 'attach' | 'logs';

export interface PickedPod {
  pod: Pod;
  /** How many pods matched (logs says `Found N pods, using pod/NAME` when more than one). */
  count: number;
}

/** kubectl's error when waiting for a pod runs out of time (client-go's ErrWaitTimeout). */
export const WAIT_TIMEOUT = 'error: timed out waiting for the condition';

/** The pod for `ref`; waits (virtual time) up to `timeoutMs` for a matching pod to appear. */
export async function podFor(env: KubectlEnv, ref: string, purpose: PodPurpose, timeoutMs: number): Promise<PickedPod> {
  if (!ref.includes('/')) {
    const pod = env.store.get<Pod>('Pod', env.namespace, ref);
    if (!pod) throw notFound('pods', ref);
    return { pod, count: 1 };
  }
  const req = parseResourceArgs([ref]);
  const r = req.types[0];
  const name = req.names.get(0)![0];
  const obj = env.store.get(r.kind, env.namespace, name);
  if (!obj) throw notFound(r.group ? `${r.plural}.${r.group}` : r.plural, name);
  if (obj.kind === 'Pod') return { pod: obj as Pod, count: 1 };
  const selector = selectorOf(obj);
  if (typeof selector === 'string') {
    throw new KubectlError(`error: ${purpose === 'logs' ? 'cannot get the logs from' : 'cannot attach to'} ${goType(obj.kind)}: ${selector}`);
  }
  const ns = obj.metadata.namespace!;
  const deadline = env.now() + timeoutMs;
  for (;;) {
    const pods = env.store.list<Pod>('Pod', { namespace: ns, labelSelector: selector });
    if (pods.length > 0) {
      const sorted = [...pods].sort(purpose === 'logs' ? byLogging : mostActiveFirst);
      return { pod: sorted[0], count: pods.length };
    }
    if (env.ctx.signal.cancelled || env.now() >= deadline) throw new KubectlError(WAIT_TIMEOUT);
    await env.ctx.sleep(Math.min(250, deadline - env.now()));
  }
}

/** The Go type kubectl names in its errors (`*v1.Service`). */
function goType(kind: string): string {
  return `*v1.${kind}`;
}

/** SelectorsForObject: the label selector, or kubectl's reason why there is none. */
function selectorOf(obj: KubeObject): LabelSelector | string {
  switch (obj.kind) {
    case 'Service': {
      const s = obj as Service;
      if (!s.spec.selector || Object.keys(s.spec.selector).length === 0) return `invalid service '${s.metadata.name}': Service is defined without a selector`;
      return labelSelectorFromMap(s.spec.selector);
    }
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job': {
      const sel = (obj as Deployment | ReplicaSet).spec.selector as LabelSelector | undefined;
      // An empty selector selects everything (metav1.LabelSelectorAsSelector).
      return !sel || isEmptySelector(sel) ? {} : sel;
    }
    case 'ReplicationController':
      return labelSelectorFromMap(((obj as unknown as { spec: { selector?: Record<string, string> } }).spec.selector) ?? {});
    default:
      return `selector for ${goType(obj.kind)} not implemented`;
  }
}

const time = (t: string | null | undefined) => (t ? parseRfc3339(t) : 0);
const readyTime = (p: Pod) => time(p.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime);
const maxRestarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount));
/** afterOrZero(a, b): a zero time counts as later than any other. */
const afterOrZero = (a: number, b: number) => (a === 0 || b === 0 ? a === 0 : a > b);

/** sort.Reverse(podutils.ActivePods): the most active pod first. Ties keep list (name) order, as Go's insertion sort does. */
function mostActiveFirst(a: Pod, b: Pod): number {
  return lessActive(b, a) ? -1 : lessActive(a, b) ? 1 : 0;
}

function lessActive(a: Pod, b: Pod): boolean {
  const na = a.spec.nodeName ?? '';
  const nb = b.spec.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  const rank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
  const pa = rank[a.status?.phase ?? ''] ?? 0;
  const pb = rank[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  if (isPodReady(a) !== isPodReady(b)) return !isPodReady(a);
  if (isPodReady(a) && isPodReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(a), readyTime(b));
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const ca = time(a.metadata.creationTimestamp);
  const cb = time(b.metadata.creationTimestamp);
  if (ca !== cb) return afterOrZero(ca, cb);
  return false;
}

/** podutils.ByLogging: running and ready longest first, then the most restarted, then the oldest. */
function byLogging(a: Pod, b: Pod): number {
  return logsFirst(a, b) ? -1 : logsFirst(b, a) ? 1 : 0;
}

function logsFirst(a: Pod, b: Pod): boolean {
  const na = a.spec.nodeName ?? '';
  const nb = b.spec.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na !== '';
  const rank: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
  const pa = rank[a.status?.phase ?? ''] ?? 0;
  const pb = rank[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a);
  if (isPodReady(a) && isPodReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(b), readyTime(a));
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const ca = time(a.metadata.creationTimestamp);
  const cb = time(b.metadata.creationTimestamp);
  if (ca !== cb) return afterOrZero(cb, ca);
  return false;
}

/**
 * Headless runs have no Ctrl-C: a followed log stream ends after a quiet
 * minute of virtual time, or after a minute in all for a container that never
 * stops writing.
 */
const HEADLESS_FOLLOW_MS = 60_000;

/**
 * The pacing of a followed log stream. `wait(wroteSomething)` returns once
 * more may have been written: a quarter second later in the browser; headless,
 * at the clock's next event (at most `maxStepMs` ahead). It returns false when
 * a headless stream should end instead.
 */
export function logFollower(env: KubectlEnv, maxStepMs = Infinity): { wait(wroteSomething: boolean): Promise<boolean> } {
  const start = env.now();
  let idleSince = start;
  return {
    async wait(wroteSomething) {
      if (wroteSomething) idleSince = env.now();
      if (env.ctx.realtime) {
        await env.ctx.sleep(250);
        return true;
      }
      const next = env.sim.clock.nextDue();
      if (next === undefined || next - idleSince > HEADLESS_FOLLOW_MS || next - start > HEADLESS_FOLLOW_MS) return false;
      await env.ctx.sleep(Math.max(1, Math.min(maxStepMs, next - env.now())));
      return true;
    },
  };
}
