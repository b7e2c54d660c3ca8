// `kubectl describe` for one object: picks the describer for its kind.

import type { ConfigMap, DaemonSet, Deployment, EndpointSlice, Endpoints, KubeObject, Namespace, Node, Pod, ReplicaSet, Service } from '../../../../sim/api/types';
import { describeConfigMap } from './configmap';
import type { ObjectLookup } from '../lookup';
import { describeEndpointSlice, describeEndpoints } from './endpoints';
import { describeNamespace } from './namespace';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeService } from './service';
import { describeDaemonSet, describeDeployment, describeReplicaSet } from './workloads';

type Describer = (obj: KubeObject, lookup: ObjectLookup, now: number) => string;

const DESCRIBERS: Record<string, Describer> = {
  Service: (o, l, n) => describeService(o as Service, l, n),
  Endpoints: (o, l, n) => describeEndpoints(o as Endpoints, l, n),
  EndpointSlice: (o, l, n) => describeEndpointSlice(o as EndpointSlice, l, n),
  Pod: (o, l, n) => describePod(o as Pod, l, n),
  Deployment: (o, l, n) => describeDeployment(o as Deployment, l, n),
  ReplicaSet: (o, l, n) => describeReplicaSet(o as ReplicaSet, l, n),
  DaemonSet: (o, l, n) => describeDaemonSet(o as DaemonSet, l, n),
  ConfigMap: (o, l, n) => describeConfigMap(o as ConfigMap, l, n),
  Node: (o, l, n) => describeNode(o as Node, l, n),
  Namespace: (o) => describeNamespace(o as Namespace),
};

export function canDescribe(kind: string): boolean {
  return kind in DESCRIBERS;
}

/**
 * The text `kubectl describe <kind> <name>` prints for `obj` (ending in a
 * newline). `lookup` supplies what kubectl would fetch besides the object:
 * events, endpoint slices, pods, replica sets, leases. `now` is epoch ms.
 */
export function describe(kind: string, obj: KubeObject, lookup: ObjectLookup, now: number): string {
  const describer = DESCRIBERS[kind];
  if (!describer) throw new Error(`no describer for kind ${kind}`);
  return describer(obj, lookup, now);
}

/** Several descriptions as one `kubectl describe` run prints them: separated by two blank lines. */
export function joinDescriptions(texts: string[]): string {
  return texts.join('\n\n');
}
