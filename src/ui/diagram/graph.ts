// The diagram's graph as React Flow sees it: node and edge data, and the ids
// that tie Services, pods and edges together (packets address edges by id).

import type { Edge, Node } from '@xyflow/react';

export interface ClusterNodeData extends Record<string, unknown> {
  name: string;
  ip: string;
  roles: string[];
  ready: boolean;
  podCount: number;
  /** The pseudo-node for pods not yet scheduled. */
  unscheduled: boolean;
}

export interface PodData extends Record<string, unknown> {
  namespace: string;
  name: string;
  ip: string | null;
  status: string;
  ready: boolean;
  showNamespace: boolean;
}

export interface ServiceData extends Record<string, unknown> {
  namespace: string;
  name: string;
  type: string;
  clusterIP: string | null;
  externalIPs: string[];
  /** As kubectl's PORT(S) column: 80:30000/TCP,443/TCP. */
  ports: string;
  readyEndpoints: number;
  endpoints: number;
  showNamespace: boolean;
}

/** The learner's machine: the docker host the kind nodes run on, where the terminal and the browser are. */
export interface HostData extends Record<string, unknown> {
  /** Its address on the kind network (the bridge gateway), as pods and nodes see it. */
  ip: string;
}

export interface MoreData extends Record<string, unknown> {
  count: number;
  what: string;
}

export interface EndpointEdgeData extends Record<string, unknown> {
  ready: boolean;
}

export type ClusterNodeNode = Node<ClusterNodeData, 'clusterNode'>;
export type PodNode = Node<PodData, 'pod'>;
export type ServiceNode = Node<ServiceData, 'service'>;
export type MoreNode = Node<MoreData, 'more'>;
export type HostNode = Node<HostData, 'host'>;
export type DiagramNode = ClusterNodeNode | PodNode | ServiceNode | MoreNode | HostNode;
export type EndpointEdge = Edge<EndpointEdgeData, 'endpoint'>;

export interface NetEdgeData extends Record<string, unknown> {
  /** host: your host to a node; weave: node to node; net: any other hop a packet took. */
  kind: 'host' | 'weave' | 'net';
}

/** An edge for packets that are not Service → endpoint: drawn faintly, there to carry dots. */
export type NetEdge = Edge<NetEdgeData, 'net'>;

export interface DiagramGraph {
  nodes: DiagramNode[];
  edges: EndpointEdge[];
  /** The namespace shown ('*' for all). */
  namespace: string;
  counts: { pods: number; podsDrawn: number; services: number; servicesDrawn: number; edgesHidden: number };
}

export const HOST_ID = 'host';
export const podId = (ns: string, name: string) => `pod:${ns}/${name}`;
export const serviceId = (ns: string, name: string) => `svc:${ns}/${name}`;
export const clusterNodeId = (name: string) => `node:${name}`;
export const moreId = (group: string) => `more:${group}`;
export const endpointEdgeId = (svc: string, target: string) => `ep:${svc}->${target}`;
