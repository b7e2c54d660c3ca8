// The kinds the playground simulates, with the one apiVersion each is served at.

import type { TypeSpec } from './model';
import { pod } from './types-pod';
import { endpointSlice, endpoints, namespace, service } from './types-service';
import { daemonSet, deployment, replicaSet } from './types-workloads';
import { configMap } from './types-config';

export interface SimulatedKind {
  kind: string;
  apiVersion: string;
  type: TypeSpec;
  description: string;
}

export const SIMULATED_KINDS: readonly SimulatedKind[] = [
  { kind: 'Namespace', apiVersion: 'v1', type: namespace, description: 'A namespace: a scope for names. Service DNS names include it.' },
  { kind: 'Pod', apiVersion: 'v1', type: pod, description: 'A pod: one or more containers sharing an IP address.' },
  {
    kind: 'Service',
    apiVersion: 'v1',
    type: service,
    description: 'A Service: a stable virtual IP and DNS name in front of the pods its selector matches.',
  },
  {
    kind: 'ReplicaSet',
    apiVersion: 'apps/v1',
    type: replicaSet,
    description: 'A ReplicaSet keeps a number of identical pods running.',
  },
  {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    type: deployment,
    description: 'A Deployment manages ReplicaSets to roll out new versions of its pods.',
  },
  {
    kind: 'DaemonSet',
    apiVersion: 'apps/v1',
    type: daemonSet,
    description: 'A DaemonSet runs one copy of a pod on every eligible node (kube-proxy and the CNI run this way).',
  },
  {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    type: configMap,
    description: 'A ConfigMap holds configuration (keys and values) that pods read as environment variables or files.',
  },
  {
    kind: 'Endpoints',
    apiVersion: 'v1',
    type: endpoints,
    description: 'The addresses behind a Service (kept up to date by the cluster for Services with a selector).',
  },
  {
    kind: 'EndpointSlice',
    apiVersion: 'discovery.k8s.io/v1',
    type: endpointSlice,
    description: 'A slice of a Service\'s endpoints (what kube-proxy reads).',
  },
];

export function simulatedKind(kind: string): SimulatedKind | undefined {
  return SIMULATED_KINDS.find((k) => k.kind === kind);
}
