// ClusterSnapshot → React Flow nodes and edges. Deterministic, no physics:
// Services sit in rows at the top, cluster nodes in a grid below with their pods
// in a two-column grid inside. Pods and Services keep their slots while they
// exist (SlotAllocator). Everything drawn is capped, so a cluster of 100,000
// pods still yields a few hundred React Flow elements ("+N more" cards).

import type { ClusterSnapshot, SnapshotEndpoint, SnapshotPod, SnapshotService } from '../../worker/protocol';
import type { NamespaceFilter } from '../stores/prefs-store';
import {
  clusterNodeId,
  type DiagramGraph,
  HOST_ID,
  type DiagramNode,
  type EndpointEdge,
  endpointEdgeId,
  moreId,
  podId,
  serviceId,
} from './graph';
import { SlotAllocator } from './slots';

export const SIZES = {
  podW: 196,
  podH: 58,
  podGap: 10,
  podColumns: 2,
  nodePad: 12,
  nodeHeader: 58,
  nodeGap: 48,
  svcW: 196,
  svcH: 70,
  svcGap: 24,
  svcToNodes: 110,
  hostW: 240,
  hostH: 46,
  hostToSvc: 56,
} as const;

export const NODE_W = SIZES.podColumns * SIZES.podW + (SIZES.podColumns - 1) * SIZES.podGap + 2 * SIZES.nodePad;

export interface DiagramLimits {
  maxNodes: number;
  nodesPerRow: number;
  maxPodsPerNode: number;
  maxServices: number;
  maxEdgesPerService: number;
}

export const DEFAULT_LIMITS: DiagramLimits = {
  maxNodes: 12,
  nodesPerRow: 4,
  maxPodsPerNode: 16,
  maxServices: 24,
  maxEdgesPerService: 64,
};

const UNSCHEDULED = '';

/** kubectl's PORT(S) column for one Service. */
export function formatPorts(s: SnapshotService): string {
  if (s.ports.length === 0) return '<none>';
  return s.ports.map((p) => `${p.port}${p.nodePort !== null ? `:${p.nodePort}` : ''}/${p.protocol}`).join(',');
}

function inScope(ns: string, namespace: string): boolean {
  return namespace === '*' || ns === namespace;
}

export function resolveNamespace(filter: NamespaceFilter, snapshot: ClusterSnapshot): string {
  return filter === 'current' ? snapshot.currentNamespace : filter;
}

function podRows(slotCount: number): number {
  return Math.max(1, Math.ceil(slotCount / SIZES.podColumns));
}

function nodeHeight(slotCount: number): number {
  return SIZES.nodeHeader + podRows(slotCount) * (SIZES.podH + SIZES.podGap) - SIZES.podGap + SIZES.nodePad;
}

function slotPosition(slot: number): { x: number; y: number } {
  return {
    x: SIZES.nodePad + (slot % SIZES.podColumns) * (SIZES.podW + SIZES.podGap),
    y: SIZES.nodeHeader + Math.floor(slot / SIZES.podColumns) * (SIZES.podH + SIZES.podGap),
  };
}

/** Keeps slot assignments between snapshots; one per diagram view. */
export class DiagramLayout {
  private readonly podSlots = new SlotAllocator();
  private readonly serviceSlots = new SlotAllocator();

  constructor(private readonly limits: DiagramLimits = DEFAULT_LIMITS) {}

  compute(snapshot: ClusterSnapshot, filter: NamespaceFilter): DiagramGraph {
    const L = this.limits;
    const namespace = resolveNamespace(filter, snapshot);
    const showNamespace = namespace === '*';

    // Pods in scope, grouped by node ('' = not scheduled yet).
    const podsByNode = new Map<string, SnapshotPod[]>();
    let podsInScope = 0;
    for (const p of snapshot.pods) {
      if (!inScope(p.namespace, namespace)) continue;
      podsInScope++;
      const group = p.node ?? UNSCHEDULED;
      let list = podsByNode.get(group);
      if (!list) podsByNode.set(group, (list = []));
      list.push(p);
    }

    const nodeNames = snapshot.nodes.map((n) => n.name).sort();
    const drawnNodes = nodeNames.slice(0, L.maxNodes);
    const groups = [...drawnNodes];
    if (podsByNode.has(UNSCHEDULED)) groups.push(UNSCHEDULED);
    const hiddenNodes = nodeNames.length - drawnNodes.length;
    const nodeInfo = new Map(snapshot.nodes.map((n) => [n.name, n]));

    // Assign pod slots per group and work out box heights.
    const groupSlots = new Map<string, { slots: Map<string, number>; pods: Map<string, SnapshotPod>; overflow: number }>();
    for (const g of groups) {
      const pods = podsByNode.get(g) ?? [];
      const byKey = new Map(pods.map((p) => [`${p.namespace}/${p.name}`, p]));
      const slots = this.podSlots.assign(g, [...byKey.keys()], L.maxPodsPerNode);
      groupSlots.set(g, { slots, pods: byKey, overflow: pods.length - slots.size });
    }
    this.podSlots.retain(new Set(groups));

    // Services in scope, in stable slots.
    const services = snapshot.services.filter((s) => inScope(s.namespace, namespace));
    const svcByKey = new Map(services.map((s) => [`${s.namespace}/${s.name}`, s]));
    const svcSlots = this.serviceSlots.assign(namespace, [...svcByKey.keys()], L.maxServices);
    this.serviceSlots.retain(new Set([namespace]));

    const columns = Math.min(L.nodesPerRow, Math.max(1, groups.length + (hiddenNodes > 0 ? 1 : 0)));
    const contentWidth = columns * NODE_W + (columns - 1) * SIZES.nodeGap;
    const svcPerRow = Math.max(1, Math.floor((contentWidth + SIZES.svcGap) / (SIZES.svcW + SIZES.svcGap)));
    const hiddenServices = services.length - svcSlots.size;
    const svcSlotCount = Math.max(1, ...[...svcSlots.values()].map((s) => s + 1), hiddenServices > 0 ? L.maxServices + 1 : 0);
    const svcRows = Math.ceil(svcSlotCount / svcPerRow);
    // Your host on top (packets from the terminal and the browser start there), then Services, then nodes.
    const svcTop = SIZES.hostH + SIZES.hostToSvc;
    const nodesTop = svcTop + svcRows * (SIZES.svcH + SIZES.svcGap) - SIZES.svcGap + SIZES.svcToNodes;

    const nodes: DiagramNode[] = [
      {
        id: HOST_ID,
        type: 'host',
        position: { x: Math.max(0, (contentWidth - SIZES.hostW) / 2), y: 0 },
        width: SIZES.hostW,
        height: SIZES.hostH,
        draggable: false,
        selectable: false,
        data: { ip: gatewayOf(snapshot) },
      },
    ];
    const svcPos = (slot: number) => ({
      x: (slot % svcPerRow) * (SIZES.svcW + SIZES.svcGap),
      y: svcTop + Math.floor(slot / svcPerRow) * (SIZES.svcH + SIZES.svcGap),
    });

    // Cluster nodes in a grid; each row as tall as its tallest box.
    const boxes = groups.map((g) => {
      const info = groupSlots.get(g)!;
      const used = Math.max(0, ...[...info.slots.values()].map((s) => s + 1));
      return { g, info, height: nodeHeight(info.overflow > 0 ? L.maxPodsPerNode + 1 : used) };
    });
    let rowTop = nodesTop;
    const drawnPods = new Set<string>();
    const cellCount = boxes.length + (hiddenNodes > 0 ? 1 : 0);
    for (let rowStart = 0; rowStart < cellCount; rowStart += columns) {
      const row = boxes.slice(rowStart, rowStart + columns);
      let rowHeight = nodeHeight(0);
      row.forEach((box, i) => {
        const x = i * (NODE_W + SIZES.nodeGap);
        rowHeight = Math.max(rowHeight, box.height);
        const n = box.g === UNSCHEDULED ? undefined : nodeInfo.get(box.g);
        const id = clusterNodeId(box.g);
        nodes.push({
          id,
          type: 'clusterNode',
          position: { x, y: rowTop },
          width: NODE_W,
          height: box.height,
          draggable: false,
          selectable: false,
          data: {
            name: box.g === UNSCHEDULED ? 'not scheduled' : box.g,
            ip: n?.ip ?? '',
            roles: n?.roles ?? [],
            ready: n?.ready ?? false,
            podCount: box.info.pods.size,
            unscheduled: box.g === UNSCHEDULED,
          },
        });
        const ordered = [...box.info.slots.entries()].sort((a, b) => a[1] - b[1]);
        for (const [key, slot] of ordered) {
          const p = box.info.pods.get(key)!;
          const pid = podId(p.namespace, p.name);
          drawnPods.add(pid);
          nodes.push({
            id: pid,
            type: 'pod',
            parentId: id,
            position: slotPosition(slot),
            width: SIZES.podW,
            height: SIZES.podH,
            draggable: false,
            selectable: false,
            data: { namespace: p.namespace, name: p.name, ip: p.ip, status: p.status, ready: p.ready, showNamespace },
          });
        }
        if (box.info.overflow > 0) {
          nodes.push({
            id: moreId(box.g),
            type: 'more',
            parentId: id,
            position: slotPosition(L.maxPodsPerNode),
            width: SIZES.podW,
            height: SIZES.podH,
            draggable: false,
            selectable: false,
            data: { count: box.info.overflow, what: box.info.overflow === 1 ? 'pod' : 'pods' },
          });
        }
      });
      if (rowStart + columns > boxes.length && hiddenNodes > 0) {
        const i = boxes.length - rowStart;
        nodes.push({
          id: moreId('nodes'),
          type: 'more',
          position: { x: i * (NODE_W + SIZES.nodeGap), y: rowTop },
          width: NODE_W,
          height: SIZES.podH,
          draggable: false,
          selectable: false,
          data: { count: hiddenNodes, what: hiddenNodes === 1 ? 'node' : 'nodes' },
        });
      }
      rowTop += rowHeight + SIZES.nodeGap;
    }

    // Services and their endpoint edges.
    const nodeByIp = new Map(snapshot.nodes.filter((n) => drawnNodes.includes(n.name)).map((n) => [n.ip, n.name]));
    const edges: EndpointEdge[] = [];
    let edgesHidden = 0;
    for (const [key, slot] of [...svcSlots.entries()].sort((a, b) => a[1] - b[1])) {
      const s = svcByKey.get(key)!;
      const sid = serviceId(s.namespace, s.name);
      const readyEndpoints = s.endpoints.filter((e) => e.ready).length;
      nodes.push({
        id: sid,
        type: 'service',
        position: svcPos(slot),
        width: SIZES.svcW,
        height: SIZES.svcH,
        draggable: false,
        selectable: false,
        data: {
          namespace: s.namespace,
          name: s.name,
          type: s.type,
          clusterIP: s.clusterIP,
          externalIPs: s.externalIPs,
          ports: formatPorts(s),
          readyEndpoints,
          endpoints: s.endpoints.length,
          showNamespace,
        },
      });
      const targets = new Map<string, boolean>();
      for (const ep of s.endpoints) {
        const target = endpointTarget(ep, s.namespace, drawnPods, groupSlots, nodeByIp);
        if (target === null) {
          edgesHidden++;
          continue;
        }
        targets.set(target, (targets.get(target) ?? false) || ep.ready);
      }
      let drawn = 0;
      for (const [target, ready] of targets) {
        if (drawn >= L.maxEdgesPerService) {
          edgesHidden++;
          continue;
        }
        drawn++;
        edges.push({
          id: endpointEdgeId(sid, target),
          type: 'endpoint',
          source: sid,
          target,
          data: { ready },
          selectable: false,
          focusable: false,
        });
      }
    }
    if (hiddenServices > 0) {
      nodes.push({
        id: moreId('services'),
        type: 'more',
        position: svcPos(L.maxServices),
        width: SIZES.svcW,
        height: SIZES.svcH,
        draggable: false,
        selectable: false,
        data: { count: hiddenServices, what: hiddenServices === 1 ? 'service' : 'services' },
      });
    }

    return {
      nodes,
      edges,
      namespace,
      counts: {
        pods: podsInScope,
        podsDrawn: drawnPods.size,
        services: services.length,
        servicesDrawn: svcSlots.size,
        edgesHidden,
      },
    };
  }
}

/**
 * The host's address on the kind network: docker's bridge gateway, the .1 of
 * the nodes' /16 (172.18.0.1 for nodes at 172.18.0.x). Traffic from the
 * terminal and the browser comes from there.
 */
export function gatewayOf(snapshot: ClusterSnapshot): string {
  const ip = snapshot.nodes[0]?.ip;
  const parts = ip?.split('.');
  return parts && parts.length === 4 ? `${parts[0]}.${parts[1]}.0.1` : '';
}

/** Size of what is drawn (top-level elements), to know when the view should be fitted again. */
export function graphBounds(graph: DiagramGraph): { width: number; height: number } {
  let width = 0;
  let height = 0;
  for (const n of graph.nodes) {
    if (n.parentId) continue;
    width = Math.max(width, n.position.x + (n.width ?? 0));
    height = Math.max(height, n.position.y + (n.height ?? 0));
  }
  return { width, height };
}

/** Which drawn element an endpoint points at: its pod, its node's "+N more" card, or a node (host-network endpoints). */
function endpointTarget(
  ep: SnapshotEndpoint,
  namespace: string,
  drawnPods: ReadonlySet<string>,
  groupSlots: ReadonlyMap<string, { overflow: number }>,
  nodeByIp: ReadonlyMap<string, string>,
): string | null {
  if (ep.pod !== null) {
    const pid = podId(namespace, ep.pod);
    if (drawnPods.has(pid)) return pid;
    const group = ep.node ?? null;
    if (group !== null && (groupSlots.get(group)?.overflow ?? 0) > 0) return moreId(group);
    return null;
  }
  const node = nodeByIp.get(ep.ip);
  return node !== undefined ? clusterNodeId(node) : null;
}
