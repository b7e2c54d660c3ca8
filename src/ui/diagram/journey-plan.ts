// A journey (trace-journey.ts) as hops along the diagram's edges: each stop
// becomes the element that stands for it on screen (a pod hidden behind "+N
// more", or in a namespace not shown, falls back to its node's card or box;
// a Service not shown is skipped), and each hop uses the endpoint edge when
// there is one, or a subtle network edge made for it. Pure.

import { clusterNodeId, type DiagramGraph, endpointEdgeId, HOST_ID, moreId, podId, serviceId } from './graph';
import type { Fate, Journey, Place } from './trace-journey';

export interface NetEdgeDef {
  id: string;
  source: string;
  target: string;
  /** 'arc' joins two elements of one row (node to node over weave, pod to pod) over their tops. */
  sourceHandle: 'arc' | null;
  kind: 'host' | 'weave' | 'net';
}

export interface PlannedHop {
  edgeId: string;
  /** The packet travels from the edge's target to its source. */
  reverse: boolean;
  /** The edge to add to the diagram for this hop (null: an endpoint edge that is drawn already). */
  net: NetEdgeDef | null;
}

export interface PacketPlan {
  traceId: number;
  /** Same key, same animation: used to merge bursts (a curl loop, a DNS search list). */
  key: string;
  hops: PlannedHop[];
  /** The weave crossing, played alongside hop `hop`. */
  crossing: { hop: number; edge: PlannedHop } | null;
  fate: Fate;
}

/** What is on screen, for planning. */
export interface DrawnIndex {
  elements: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export function drawnIndex(graph: DiagramGraph): DrawnIndex {
  return { elements: new Set(graph.nodes.map((n) => n.id)), edges: new Set(graph.edges.map((e) => e.id)) };
}

function rank(id: string): number {
  if (id === HOST_ID) return 0;
  if (id.startsWith('svc:') || id === moreId('services')) return 1;
  if (id.startsWith('node:') || id === moreId('nodes')) return 2;
  return 3;
}

export function netEdge(a: string, b: string): { def: NetEdgeDef; reverse: boolean } {
  const ra = rank(a);
  const rb = rank(b);
  const forward = ra < rb || (ra === rb && a < b);
  const [source, target] = forward ? [a, b] : [b, a];
  const sameRow = ra === rb;
  const kind = source === HOST_ID && target.startsWith('node:') ? 'host' : sameRow && source.startsWith('node:') ? 'weave' : 'net';
  return { def: { id: `net:${source}->${target}`, source, target, sourceHandle: sameRow ? 'arc' : null, kind }, reverse: !forward };
}

/** The drawn element standing for a place, or null when nothing on screen does. */
export function elementFor(place: Place, drawn: DrawnIndex): string | null {
  const has = (id: string) => drawn.elements.has(id);
  switch (place.kind) {
    case 'host':
      return has(HOST_ID) ? HOST_ID : null;
    case 'node': {
      const id = clusterNodeId(place.node);
      return has(id) ? id : has(moreId('nodes')) ? moreId('nodes') : null;
    }
    case 'service': {
      const id = serviceId(place.namespace, place.name);
      return has(id) ? id : null;
    }
    case 'pod': {
      const id = podId(place.namespace, place.name);
      if (has(id)) return id;
      if (place.node === null) return null;
      if (has(moreId(place.node))) return moreId(place.node);
      return elementFor({ kind: 'node', node: place.node }, drawn);
    }
  }
}

function hopBetween(a: string, b: string, drawn: DrawnIndex): PlannedHop {
  const down = endpointEdgeId(a, b);
  if (drawn.edges.has(down)) return { edgeId: down, reverse: false, net: null };
  const up = endpointEdgeId(b, a);
  if (drawn.edges.has(up)) return { edgeId: up, reverse: true, net: null };
  const { def, reverse } = netEdge(a, b);
  return { edgeId: def.id, reverse, net: def };
}

export function planJourney(journey: Journey, drawn: DrawnIndex): PacketPlan {
  const elements: string[] = [];
  /** For each stop, the index in `elements` of what stands for it (-1: nothing). */
  const at: number[] = [];
  for (const stop of journey.stops) {
    const id = elementFor(stop, drawn);
    if (id === null) {
      at.push(-1);
      continue;
    }
    if (elements[elements.length - 1] !== id) elements.push(id);
    at.push(elements.length - 1);
  }
  const hops: PlannedHop[] = [];
  for (let i = 1; i < elements.length; i++) hops.push(hopBetween(elements[i - 1], elements[i], drawn));

  let crossing: PacketPlan['crossing'] = null;
  const c = journey.crossing;
  if (c && hops.length > 0) {
    const from = elementFor({ kind: 'node', node: c.from }, drawn);
    const to = elementFor({ kind: 'node', node: c.to }, drawn);
    if (from !== null && to !== null && from !== to) {
      // Alongside the hop that arrives where the crossing leads (the pod), or the last one.
      const arrives = at[c.hop + 1] ?? -1;
      const hop = arrives > 0 ? arrives - 1 : hops.length - 1;
      const { def, reverse } = netEdge(from, to);
      crossing = { hop, edge: { edgeId: def.id, reverse, net: def } };
    }
  }
  const key = `${hops.map((h) => `${h.edgeId}${h.reverse ? '<' : '>'}`).join(' ')}|${crossing?.edge.edgeId ?? ''}|${journey.fate}`;
  return { traceId: journey.traceId, key, hops, crossing, fate: journey.fate };
}
