// A packet trace as a journey across the things the diagram draws: where the
// first packet came from (your host, a pod, a node), the node it entered, the
// Service whose DNAT picked the endpoint, the pod that got it, and the weave
// crossing between nodes. Only the request's way is a journey; the hop panel
// lists the reply's steps too. Pure: the trace and the latest snapshot in,
// plain data out.

import type { Trace, TraceStep } from '../../sim/packet/types';
import type { ClusterSnapshot, TraceRecord } from '../../worker/protocol';

export type Place =
  | { kind: 'host' }
  | { kind: 'node'; node: string }
  | { kind: 'service'; namespace: string; name: string }
  | { kind: 'pod'; namespace: string; name: string; node: string | null };

export type Fate = 'delivered' | 'refused' | 'timeout' | 'no-route';

export interface Journey {
  traceId: number;
  /** Where the packet was, in order; each consecutive pair is one hop. */
  stops: Place[];
  /** The node-to-node crossing, and the hop (index into stops - 1) that carries the packet across. */
  crossing: { from: string; to: string; hop: number } | null;
  fate: Fate;
  /** A DNS query (port 53). */
  dns: boolean;
}

type Step<K extends TraceStep['kind']> = Extract<TraceStep, { kind: K }>;

function first<K extends TraceStep['kind']>(trace: Trace, kind: K): Step<K> | undefined {
  return trace.steps.find((s): s is Step<K> => s.kind === kind && s.dir === 'request');
}

function last<K extends TraceStep['kind']>(trace: Trace, kind: K): Step<K> | undefined {
  for (let i = trace.steps.length - 1; i >= 0; i--) {
    const s = trace.steps[i];
    if (s.kind === kind && s.dir === 'request') return s as Step<K>;
  }
  return undefined;
}

/** The Service a kube-proxy rule is for, from its comment: `"default/vote:80"`, `"default/redis:6379 has no endpoints"`. */
export function serviceOfRule(spec: string | undefined): { namespace: string; name: string } | null {
  const comment = spec ? /--comment "([^"]*)"/.exec(spec)?.[1] : undefined;
  const m = comment ? /^([a-z0-9-]+)\/([a-z0-9-]+)(?::[^\s]*)?(?:\s|$)/.exec(comment) : null;
  return m ? { namespace: m[1], name: m[2] } : null;
}

/** The Service an address was for, when no rule comment says: a cluster IP, an external IP, or a node port. */
function serviceByAddress(ip: string, port: number, snapshot: ClusterSnapshot | null): { namespace: string; name: string } | null {
  if (!snapshot) return null;
  const isNode = snapshot.nodes.some((n) => n.ip === ip);
  for (const s of snapshot.services) {
    for (const p of s.ports) {
      if (isNode && p.nodePort === port) return s;
      if (p.port === port && (s.clusterIP === ip || s.externalIPs.includes(ip))) return s;
    }
  }
  return null;
}

function podPlace(ref: string, node: string | null): Place {
  const slash = ref.indexOf('/');
  return { kind: 'pod', namespace: ref.slice(0, slash), name: ref.slice(slash + 1), node };
}

function samePlace(a: Place, b: Place): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'host') return true;
  if (a.kind === 'node') return a.node === (b as typeof a).node;
  const o = b as typeof a;
  return a.namespace === o.namespace && a.name === o.name;
}

export function journeyOf(record: TraceRecord, snapshot: ClusterSnapshot | null): Journey {
  const { trace } = record;
  const stops: Place[] = [];
  const push = (p: Place) => {
    if (stops.length === 0 || !samePlace(stops[stops.length - 1], p)) stops.push(p);
  };

  const origin = trace.input.origin;
  const leave = first(trace, 'leave-pod');
  if (origin.kind === 'external') {
    push({ kind: 'host' });
    push({ kind: 'node', node: origin.node });
  } else if (origin.kind === 'pod') {
    push(leave ? podPlace(leave.pod, leave.node) : { kind: 'node', node: trace.outcome.node });
  } else {
    push({ kind: 'node', node: origin.node });
  }

  const rewrite = trace.steps.find((s): s is Step<'rewrite'> => s.kind === 'rewrite' && s.dir === 'request' && s.what === 'DNAT');
  const outcome = trace.outcome;
  let service = rewrite ? (serviceOfRule(rewrite.by) ?? serviceByAddress(rewrite.before.dst, rewrite.before.dport, snapshot)) : null;
  // Rejected or dropped for a Service (no endpoints): from a pod, the packet is
  // shown reaching the Service it asked for; from outside, it stops at the node.
  const fromPod = stops[stops.length - 1].kind === 'pod';
  if (!service && fromPod && outcome.kind !== 'delivered' && 'rule' in outcome) service = serviceOfRule(outcome.rule);
  if (service) push({ kind: 'service', namespace: service.namespace, name: service.name });

  let fate: Fate = 'delivered';
  if (outcome.kind === 'delivered') {
    const to = outcome.to;
    if (to.kind === 'pod') push({ kind: 'pod', namespace: to.namespace, name: to.name, node: outcome.node });
    else if (to.kind === 'host') push({ kind: 'node', node: to.node });
    else if (origin.kind !== 'external' && to.ip === trace.input.srcIP) push({ kind: 'host' });
  } else {
    fate = outcome.kind;
    // No listener: the packet reached its pod (or node), which answered with a reset.
    const deliver = last(trace, 'deliver');
    if (deliver?.to.kind === 'pod') push({ kind: 'pod', namespace: deliver.to.namespace, name: deliver.to.name, node: deliver.node });
    else if (!service) push({ kind: 'node', node: outcome.node });
  }

  const wire = trace.steps.find((s): s is Step<'wire'> => s.kind === 'wire' && s.dir === 'request' && s.from !== s.to);
  const crossing = wire && stops.length > 1 ? { from: wire.from, to: wire.to, hop: stops.length - 2 } : null;
  const dns = trace.input.dst.port === 53;
  return { traceId: record.id, stops, crossing, fate, dns };
}
