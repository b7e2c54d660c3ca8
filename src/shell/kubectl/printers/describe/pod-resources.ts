// A pod's effective requests and limits (what the scheduler and describe node
// count) and its QoS class, as kubectl's resource helpers compute them.

import type { Container, Pod } from '../../../../sim/api/types';
import { isRestartableInit } from '../extra-fields';
import { addQuantity, compareQuantity, parseQuantity, type Quantity } from '../quantity';

export type ResourceTotals = Map<string, Quantity>;

function addList(into: ResourceTotals, list: Record<string, string> | ResourceTotals | undefined): void {
  if (!list) return;
  const entries: [string, Quantity][] =
    list instanceof Map ? [...list.entries()] : Object.entries(list).map(([k, v]) => [k, parseQuantity(v)] as [string, Quantity]);
  for (const [name, q] of entries) {
    const have = into.get(name);
    into.set(name, have ? addQuantity(have, q) : q);
  }
}

function maxList(into: ResourceTotals, list: ResourceTotals): void {
  for (const [name, q] of list) {
    const have = into.get(name);
    if (!have || compareQuantity(q, have) > 0) into.set(name, q);
  }
}

/**
 * Sum over app containers, then the max with init containers (sidecars add up
 * and also count towards later init containers), plus pod overhead.
 */
function podTotals(pod: Pod, pick: (c: Container) => Record<string, string> | undefined): ResourceTotals {
  const totals: ResourceTotals = new Map();
  for (const c of pod.spec.containers) addList(totals, pick(c));
  const sidecars: ResourceTotals = new Map();
  const initMax: ResourceTotals = new Map();
  for (const c of pod.spec.initContainers ?? []) {
    let effective: ResourceTotals;
    if (isRestartableInit(c)) {
      addList(totals, pick(c));
      addList(sidecars, pick(c));
      effective = sidecars;
    } else {
      effective = new Map();
      addList(effective, pick(c));
      addList(effective, sidecars);
    }
    maxList(initMax, effective);
  }
  maxList(totals, initMax);
  addList(totals, (pod.spec as { overhead?: Record<string, string> }).overhead);
  return totals;
}

export function podRequests(pod: Pod): ResourceTotals {
  return podTotals(pod, (c) => c.resources?.requests);
}

export function podLimits(pod: Pod): ResourceTotals {
  return podTotals(pod, (c) => c.resources?.limits);
}

const QOS_RESOURCES = new Set(['cpu', 'memory']);

/** status.qosClass when the kubelet set it, else computed from cpu/memory requests and limits. */
export function podQOSClass(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests: ResourceTotals = new Map();
  const limits: ResourceTotals = new Map();
  let guaranteed = true;
  for (const c of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
    for (const [name, v] of Object.entries(c.resources?.requests ?? {})) {
      const q = parseQuantity(v);
      if (QOS_RESOURCES.has(name) && q.nanos > 0n) addList(requests, new Map([[name, q]]));
    }
    const found = new Set<string>();
    for (const [name, v] of Object.entries(c.resources?.limits ?? {})) {
      const q = parseQuantity(v);
      if (QOS_RESOURCES.has(name) && q.nanos > 0n) {
        found.add(name);
        addList(limits, new Map([[name, q]]));
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareQuantity(lim, req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
