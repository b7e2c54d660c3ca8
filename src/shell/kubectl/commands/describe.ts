// kubectl describe TYPE [NAME_PREFIX...]: exact names first, else every object
// whose name starts with the argument; all objects of the type without names.

import { notFound } from '../../../sim/api/errors';
import { qualifiedPlural } from '../../../sim/api/kinds';
import { parseSelectorString } from '../../../sim/api/selectors';
import type { KubeObject } from '../../../sim/api/types';
import type { FlagSpec } from '../flags';
import type { KubectlEnv } from '../env';
import { KubectlError, errorText } from '../errors';
import { parseResourceArgs } from '../resources';
import { describe, joinDescriptions, canDescribe } from '../printers';
import { objectsFromFiles } from './files';

export const describeFlags: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-events', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'chunk-size', type: 'int' },
];

export async function runDescribe(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const objs: KubeObject[] = [];
  const errors: string[] = [];
  if (f.list('filename').length) {
    for (const o of objectsFromFiles(env, f.list('filename'), f.bool('recursive'))) {
      const info = env.store.info(o.kind);
      const live = env.store.get(o.kind, info.namespaced ? o.metadata.namespace || env.namespace : undefined, o.metadata.name!);
      if (live) objs.push(live);
      else errors.push(errorText(notFound(qualifiedPlural(info), o.metadata.name!)));
    }
  } else {
    if (f.args.length === 0) {
      throw new KubectlError('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
    }
    const req = parseResourceArgs(f.args);
    const selector = f.str('selector') ? parseSelectorString(f.str('selector')) : undefined;
    req.types.forEach((r, i) => {
      const ns = r.namespaced ? (f.bool('all-namespaces') ? undefined : env.namespace) : undefined;
      const names = req.names.get(i);
      if (!names) {
        objs.push(...env.store.list(r.kind, { namespace: ns, labelSelector: selector }));
        return;
      }
      for (const n of names) {
        const exact = env.store.get(r.kind, ns, n);
        if (exact) {
          objs.push(exact);
          continue;
        }
        const prefixed = env.store.list(r.kind, { namespace: ns }).filter((o) => o.metadata.name!.startsWith(n));
        if (prefixed.length) objs.push(...prefixed);
        else errors.push(errorText(notFound(qualifiedPlural(r), n)));
      }
    });
    if (objs.length === 0 && errors.length === 0) {
      const namespaced = req.types.every((r) => r.namespaced) && !f.bool('all-namespaces');
      env.err(namespaced ? `No resources found in ${env.namespace} namespace.\n` : 'No resources found\n');
      return 0;
    }
  }
  const texts: string[] = [];
  for (const o of objs) {
    if (!canDescribe(o.kind)) continue;
    texts.push(describe(o.kind, o, env.store, env.now()));
  }
  if (texts.length) env.out(joinDescriptions(texts));
  for (const e of errors) env.err(`${e}\n`);
  return errors.length ? 1 : 0;
}
