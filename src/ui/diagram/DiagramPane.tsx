// The live cluster diagram (lazy chunk with React Flow). Reads the snapshot
// store; the layout keeps slots between snapshots so things stay in place.
// Packet traces from the worker become dots travelling the diagram (a few at a
// time), and the hop panel beside it lists them step by step.

import { type Edge, ReactFlow, ReactFlowProvider, Controls, useNodesInitialized, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { usePrefs, useServices, useSnapshot } from '../hooks';
import { ClusterNodeBox, HostCard, MoreCard, PodCard, ServiceCard } from './ClusterNodes';
import { EndpointEdge, PacketBoardContext } from './EndpointEdge';
import type { DiagramGraph } from './graph';
import { HopPanel } from './HopPanel';
import { type DrawnIndex, drawnIndex, type NetEdgeDef, planJourney } from './journey-plan';
import { DiagramLayout, graphBounds } from './layout';
import { hostEdges, NetEdgeRegistry, toFlowEdge } from './net-edges';
import { NetEdge } from './NetEdge';
import { PacketAnimator } from './packet-animator';
import { journeyOf } from './trace-journey';
import type { ClusterSnapshot, TraceRecord } from '../../worker/protocol';

const nodeTypes = { clusterNode: ClusterNodeBox, pod: PodCard, service: ServiceCard, more: MoreCard, host: HostCard };
const edgeTypes = { endpoint: EndpointEdge, net: NetEdge };

/** At most this many traces of one burst are considered for animation (the animator keeps fewer still). */
const BURST = 8;
const EMPTY_GRAPH: DiagramGraph = { nodes: [], edges: [], namespace: '', counts: { pods: 0, podsDrawn: 0, services: 0, servicesDrawn: 0, edgesHidden: 0 } };

function namespacesOf(snapshot: ClusterSnapshot | null): string[] {
  if (!snapshot) return [];
  const set = new Set<string>();
  for (const p of snapshot.pods) set.add(p.namespace);
  for (const s of snapshot.services) set.add(s.namespace);
  set.add(snapshot.currentNamespace);
  return [...set].sort();
}

const FIT = { padding: 0.08, maxZoom: 1.1 };

/**
 * Fit the view whenever what is drawn changes size (first data, pods filling a
 * node, another namespace), until the learner pans or zooms themselves; the
 * fit-view button hands control back.
 */
function AutoFit({ fitKey, paneKey, namespace, movedIn }: { fitKey: string; paneKey: string; namespace: string; movedIn: { current: string | null } }) {
  const rf = useReactFlow();
  const initialized = useNodesInitialized();
  useEffect(() => {
    if (initialized && movedIn.current !== namespace) void rf.fitView(FIT);
  }, [rf, initialized, fitKey, namespace, movedIn]);
  // The pane itself changed size (the hop panel opened or closed): fit once React Flow has measured it.
  const firstPane = useRef(true);
  useEffect(() => {
    if (firstPane.current) {
      firstPane.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => {
      if (movedIn.current !== namespace) void rf.fitView(FIT);
    });
    return () => cancelAnimationFrame(frame);
  }, [rf, paneKey, namespace, movedIn]);
  return null;
}

/** Graph edges plus the faint network edges (host → nodes, and those packets use now) whose ends are drawn. */
function withNetEdges(graph: DiagramGraph, active: Record<string, NetEdgeDef>, drawn: DrawnIndex): Edge[] {
  const defs = new Map<string, NetEdgeDef>();
  for (const d of hostEdges(graph)) defs.set(d.id, d);
  for (const d of Object.values(active)) if (drawn.elements.has(d.source) && drawn.elements.has(d.target)) defs.set(d.id, d);
  return [...graph.edges, ...[...defs.values()].map(toFlowEdge)];
}

export default function DiagramPane() {
  const services = useServices();
  const snapshot = useSnapshot((s) => s.snapshot);
  const filter = usePrefs((s) => s.namespaceFilter);
  const setFilter = usePrefs((s) => s.setNamespaceFilter);
  const theme = usePrefs((s) => s.theme);
  const hopPanel = usePrefs((s) => s.hopPanel);
  const setHopPanel = usePrefs((s) => s.setHopPanel);
  const traceCount = useStore(services.traces, (s) => s.records.length);
  const layout = useRef<DiagramLayout>(null);
  layout.current ??= new DiagramLayout();

  const graph = useMemo(() => (snapshot ? layout.current!.compute(snapshot, filter) : EMPTY_GRAPH), [snapshot, filter]);
  const namespaces = useMemo(() => namespacesOf(snapshot), [snapshot]);

  const latest = useRef(graph);
  latest.current = graph;
  const drawn = useMemo(() => drawnIndex(graph), [graph]);
  const latestDrawn = useRef(drawn);
  latestDrawn.current = drawn;

  const registry = useRef<NetEdgeRegistry>(null);
  registry.current ??= new NetEdgeRegistry();
  const animator = useRef<PacketAnimator>(null);
  animator.current ??= new PacketAnimator(services.packets, registry.current);
  const active = useStore(registry.current.store, (s) => s.edges);
  const edges = useMemo(() => withNetEdges(graph, active, drawn), [graph, active, drawn]);

  const replay = useMemo(
    () => (r: TraceRecord) => animator.current!.play(planJourney(journeyOf(r, services.latestSnapshot()), latestDrawn.current)),
    [services],
  );

  // New traces become packets on the diagram (not the ones from before it was shown).
  useEffect(() => {
    const start = services.traces.getState();
    let epoch = start.epoch;
    let seen = start.records.at(-1)?.id ?? 0;
    const unsubscribe = services.traces.subscribe((s) => {
      if (s.epoch !== epoch) {
        epoch = s.epoch;
        seen = 0;
        animator.current!.clear();
      }
      const fresh = s.records.filter((r) => r.id > seen);
      if (fresh.length === 0) return;
      seen = fresh[fresh.length - 1].id;
      const showDns = services.prefs.getState().showDns;
      for (const r of fresh.slice(-BURST)) {
        const journey = journeyOf(r, services.latestSnapshot());
        if (journey.dns && !showDns) continue;
        animator.current!.play(planJourney(journey, latestDrawn.current));
      }
    });
    return () => {
      unsubscribe();
      animator.current!.clear();
    };
  }, [services]);
  useEffect(() => {
    services.diagramGraph = () => latest.current;
    return () => {
      services.diagramGraph = null;
    };
  }, [services]);

  const bounds = graphBounds(graph);
  /** The namespace view the learner panned or zoomed in (auto-fit stays off there). */
  const movedIn = useRef<string | null>(null);
  const current = snapshot?.currentNamespace ?? 'default';
  const c = graph.counts;
  return (
    <section className="panel diagram-panel" aria-label="Cluster diagram">
      <div className="panel-header diagram-toolbar">
        <h2 className="panel-title">Cluster</h2>
        <select value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Namespace shown" data-testid="namespace-filter">
          <option value="current">current ({current})</option>
          <option value="*">all namespaces</option>
          {namespaces.map((ns) => (
            <option key={ns} value={ns}>
              {ns}
            </option>
          ))}
        </select>
        <span className="diagram-counts">
          {c.services} {c.services === 1 ? 'service' : 'services'} · {c.pods} {c.pods === 1 ? 'pod' : 'pods'}
          {c.podsDrawn < c.pods ? ` (${c.podsDrawn} drawn)` : ''}
        </span>
        <span className="spacer" />
        <button
          type="button"
          className={`btn btn-small${hopPanel ? ' btn-on' : ''}`}
          aria-pressed={hopPanel}
          onClick={() => setHopPanel(!hopPanel)}
          title="The packets the cluster saw, hop by hop"
          data-testid="hop-toggle"
        >
          Packets{traceCount > 0 ? ` (${traceCount})` : ''}
        </button>
      </div>
      <div className="panel-body diagram-body">
        <div className="diagram-flow" data-testid="diagram">
          <PacketBoardContext.Provider value={services.packets}>
            <ReactFlowProvider>
              <ReactFlow
                nodes={graph.nodes}
                edges={edges}
                nodeTypes={nodeTypes}
                edgeTypes={edgeTypes}
                colorMode={theme}
                nodesDraggable={false}
                nodesConnectable={false}
                elementsSelectable={false}
                minZoom={0.05}
                maxZoom={2}
                fitView
                fitViewOptions={FIT}
                // React Flow listens for keys on the whole document. Monaco's
                // EditContext input is a plain div, so Space (pan) would be
                // swallowed while typing in the editor. The diagram needs no keys.
                panActivationKeyCode={null}
                deleteKeyCode={null}
                selectionKeyCode={null}
                multiSelectionKeyCode={null}
                zoomActivationKeyCode={null}
                onMoveStart={(event) => {
                  // Only the learner's own pan or zoom comes with an input event.
                  if (event) movedIn.current = latest.current.namespace;
                }}
              >
                <Controls showInteractive={false} fitViewOptions={FIT} onFitView={() => (movedIn.current = null)} />
                <AutoFit fitKey={`${bounds.width}x${bounds.height}`} paneKey={hopPanel ? 'with-hops' : 'alone'} namespace={graph.namespace} movedIn={movedIn} />
              </ReactFlow>
            </ReactFlowProvider>
          </PacketBoardContext.Provider>
        </div>
        {hopPanel && <HopPanel onReplay={replay} />}
      </div>
    </section>
  );
}
