// `POD` or `TYPE/NAME` as exec and logs take it: a pod by name, or the first
// pod of a Deployment, ReplicaSet or other owner, as kubectl picks it.

import type { Pod } from '../../sim/api/types';
import { notFound } from '../../sim/api/errors';
import { controllerRef } from '../../sim/controllers/podutil';
import type { KubectlEnv } from './env';
import { KubectlError } from './errors';
import { parseResourceArgs } from './resources';

export function podsOf(env: KubectlEnv, ref: string): Pod[] {
  if (!ref.includes('/')) {
    const pod = env.store.get<Pod>('Pod', env.namespace, ref);
    if (!pod) throw notFound('pods', ref);
    return [pod];
  }
  const req = parseResourceArgs([ref]);
  const r = req.types[0];
  const name = req.names.get(0)![0];
  const owner = env.store.get(r.kind, env.namespace, name);
  if (!owner) throw notFound(r.group ? `${r.plural}.${r.group}` : r.plural, name);
  if (r.kind === 'Pod') return [owner as Pod];
  const pods = env.store.list<Pod>('Pod', { namespace: env.namespace }).filter((p) => {
    const ref1 = controllerRef(p);
    if (ref1?.uid === owner.metadata.uid) return true;
    const rs = ref1 && env.store.get('ReplicaSet', env.namespace, ref1.name);
    return !!rs && controllerRef(rs)?.uid === owner.metadata.uid;
  });
  if (pods.length === 0) throw new KubectlError(`error: no pods found for ${ref}`);
  return pods;
}
