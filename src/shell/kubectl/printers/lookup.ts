// What printers may read besides the object they print: a read-only view of the
// API, shaped so that ApiStore can be passed as it is. Printers never write.

import type { KubeObject, LabelSelector } from '../../../sim/api/types';

export interface ObjectLookup {
  /** One object; `namespace` is undefined for cluster-scoped kinds. */
  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined;
  /** Objects of a kind in storage order, optionally in one namespace and matching a label selector. */
  list(kind: string, opts?: { namespace?: string; labelSelector?: LabelSelector }): KubeObject[];
}
