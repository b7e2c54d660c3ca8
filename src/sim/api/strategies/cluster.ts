// Registries for the cluster-level and controller-written kinds: Namespace,
// Node, Endpoints, EndpointSlice, Event.

import type { Namespace } from '../types';
import type { KindStrategy } from '../store';

export const namespaceStrategy: KindStrategy = {
  prepareForCreate(obj) {
    const ns = obj as Namespace;
    // The apiserver labels every namespace with its own name (since v1.21).
    ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name! };
    ns.spec = { finalizers: ['kubernetes'] };
    ns.status = { phase: 'Active' };
  },
  prepareForUpdate(obj, old) {
    const ns = obj as Namespace;
    ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name! };
    ns.spec = (old as Namespace).spec;
  },
};

export const plainStrategy: KindStrategy = {};
