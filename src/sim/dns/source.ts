// The read-only view of the API objects that CoreDNS and the environment
// builder need. ApiStore satisfies it as is (pass the store directly); tests
// can pass anything with the same shape.

import type { KubeObject, LabelSelector } from '../api/types';

export interface ObjectWatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
  old?: KubeObject;
}

export interface ObjectSource {
  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(kind: string, opts?: { namespace?: string; labelSelector?: LabelSelector }): KubeObject[];
  listMatching(kind: string, namespace: string, selector: Record<string, string>): KubeObject[];
  /** When present, indexes follow changes instead of being rebuilt. Returns an unsubscribe function. */
  watch?(kind: string, handler: (e: ObjectWatchEvent) => void): () => void;
}

/** The label the EndpointSlice controller puts on every slice of a service. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
