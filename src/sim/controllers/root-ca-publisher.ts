// kube-controller-manager's root-ca-cert-publisher: every namespace gets the
// `kube-root-ca.crt` ConfigMap (the cluster CA that pods mount next to their
// service account token), including namespaces created later; a deleted or
// edited copy is put back.
//
// Its objects take their uids from the publisher's own random stream, so that
// publishing never shifts the apiserver's stream (the names of pods created
// after `kubectl create namespace`).

import type { ConfigMap, Namespace } from '../api/types';
import type { ControllerContext } from './context';
import { uuid } from '../core/ids';
import { sameJson } from '../api/store';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
export const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/** The ConfigMap's content as the publisher writes it. */
export function rootCaConfigMap(namespace: string, caPem: string): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: ROOT_CA_CONFIGMAP, namespace, annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION } },
    data: { 'ca.crt': caPem },
  };
}

export function startRootCaPublisher(ctx: ControllerContext, caPem: () => string): void {
  const { store } = ctx;
  const rng = ctx.rng('root-ca-cert-publisher');
  const enqueue = ctx.queue.register('root-ca-cert-publisher', sync);

  store.watch('Namespace', (e) => {
    if (e.type !== 'DELETED') enqueue(e.object.metadata.name!);
  });
  store.watch('ConfigMap', (e) => {
    if (e.object.metadata.name === ROOT_CA_CONFIGMAP && e.type !== 'ADDED') enqueue(e.object.metadata.namespace!);
  });

  function sync(namespace: string): void {
    const ns = store.get<Namespace>('Namespace', undefined, namespace);
    // A namespace being deleted takes no new content.
    if (!ns || ns.metadata.deletionTimestamp) return;
    const want = rootCaConfigMap(namespace, caPem());
    const have = store.get<ConfigMap>('ConfigMap', namespace, ROOT_CA_CONFIGMAP);
    if (!have) {
      store.create(want, { handOver: true, uid: uuid(rng) });
      return;
    }
    const annotations = { ...(have.metadata.annotations ?? {}), ...want.metadata.annotations };
    if (sameJson(have.data ?? null, want.data) && sameJson(have.metadata.annotations ?? null, annotations)) return;
    store.update({ ...have, metadata: { ...have.metadata, annotations }, data: want.data } as ConfigMap);
  }
}
