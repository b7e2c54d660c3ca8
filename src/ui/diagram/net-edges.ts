// The faint network edges packets need besides the endpoint edges: your host to
// every node (always drawn), and the hops a journey takes (node → Service, node
// to node over weave, pod → Service...), added while a packet uses them and
// removed a little later, so the diagram does not fill with lines.

import { createStore, type StoreApi } from 'zustand/vanilla';
import { clusterNodeId, type DiagramGraph, HOST_ID, type NetEdge } from './graph';
import { netEdge, type NetEdgeDef } from './journey-plan';

export interface NetEdgeState {
  edges: Record<string, NetEdgeDef>;
}

export function toFlowEdge(def: NetEdgeDef): NetEdge {
  return {
    id: def.id,
    type: 'net',
    source: def.source,
    target: def.target,
    sourceHandle: def.sourceHandle,
    data: { kind: def.kind },
    selectable: false,
    focusable: false,
  };
}

/** Your host to each drawn node. */
export function hostEdges(graph: DiagramGraph): NetEdgeDef[] {
  if (!graph.nodes.some((n) => n.id === HOST_ID)) return [];
  const out: NetEdgeDef[] = [];
  for (const n of graph.nodes) {
    if (n.type !== 'clusterNode' || n.data.unscheduled) continue;
    out.push(netEdge(HOST_ID, clusterNodeId(n.data.name)).def);
  }
  return out;
}

export class NetEdgeRegistry {
  readonly store: StoreApi<NetEdgeState> = createStore<NetEdgeState>()(() => ({ edges: {} }));
  private readonly users = new Map<string, number>();

  constructor(
    private readonly lingerMs = 2500,
    private readonly schedule: (cb: () => void, ms: number) => unknown = (cb, ms) => setTimeout(cb, ms),
  ) {}

  acquire(defs: readonly NetEdgeDef[]): void {
    let added: Record<string, NetEdgeDef> | null = null;
    for (const d of defs) {
      this.users.set(d.id, (this.users.get(d.id) ?? 0) + 1);
      if (!(d.id in this.store.getState().edges)) (added ??= {})[d.id] = d;
    }
    if (added) this.store.setState((s) => ({ edges: { ...s.edges, ...added } }));
  }

  release(defs: readonly NetEdgeDef[]): void {
    for (const d of defs) this.users.set(d.id, (this.users.get(d.id) ?? 1) - 1);
    this.schedule(() => this.sweep(), this.lingerMs);
  }

  clear(): void {
    this.users.clear();
    this.store.setState({ edges: {} });
  }

  private sweep(): void {
    const edges = this.store.getState().edges;
    const unused = Object.keys(edges).filter((id) => (this.users.get(id) ?? 0) <= 0);
    if (unused.length === 0) return;
    const next = { ...edges };
    for (const id of unused) {
      delete next[id];
      this.users.delete(id);
    }
    this.store.setState({ edges: next });
  }
}
