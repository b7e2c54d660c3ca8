// The live cluster diagram (lazy chunk with React Flow). Reads the snapshot
// store; the layout keeps slots between snapshots so things stay in place.

import { ReactFlow, ReactFlowProvider, Controls, useNodesInitialized, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef } from 'react';
import { usePrefs, useServices, useSnapshot } from '../hooks';
import { ClusterNodeBox, MoreCard, PodCard, ServiceCard } from './ClusterNodes';
import { EndpointEdge, PacketBoardContext } from './EndpointEdge';
import type { DiagramGraph } from './graph';
import { DiagramLayout, graphBounds } from './layout';
import type { ClusterSnapshot } from '../../worker/protocol';

const nodeTypes = { clusterNode: ClusterNodeBox, pod: PodCard, service: ServiceCard, more: MoreCard };
const edgeTypes = { endpoint: EndpointEdge };
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
function AutoFit({ fitKey, namespace, movedIn }: { fitKey: string; namespace: string; movedIn: { current: string | null } }) {
  const rf = useReactFlow();
  const initialized = useNodesInitialized();
  useEffect(() => {
    if (initialized && movedIn.current !== namespace) void rf.fitView(FIT);
  }, [rf, initialized, fitKey, namespace, movedIn]);
  return null;
}

export default function DiagramPane() {
  const services = useServices();
  const snapshot = useSnapshot((s) => s.snapshot);
  const filter = usePrefs((s) => s.namespaceFilter);
  const setFilter = usePrefs((s) => s.setNamespaceFilter);
  const theme = usePrefs((s) => s.theme);
  const layout = useRef<DiagramLayout>(null);
  layout.current ??= new DiagramLayout();

  const graph = useMemo(() => (snapshot ? layout.current!.compute(snapshot, filter) : EMPTY_GRAPH), [snapshot, filter]);
  const namespaces = useMemo(() => namespacesOf(snapshot), [snapshot]);

  const latest = useRef(graph);
  latest.current = graph;
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
      </div>
      <div className="panel-body">
        <div className="diagram-flow" data-testid="diagram">
          <PacketBoardContext.Provider value={services.packets}>
            <ReactFlowProvider>
              <ReactFlow
                nodes={graph.nodes}
                edges={graph.edges}
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
                <AutoFit fitKey={`${bounds.width}x${bounds.height}`} namespace={graph.namespace} movedIn={movedIn} />
              </ReactFlow>
            </ReactFlowProvider>
          </PacketBoardContext.Provider>
        </div>
      </div>
    </section>
  );
}
