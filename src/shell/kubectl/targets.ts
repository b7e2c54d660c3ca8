// The objects a label/annotate-style command acts on: TYPE NAME… pairs, or
// every object of the types matching -l / --all (across namespaces with -A).

import type { KubeObject } from '../../sim/api/types';
import { notFound } from '../../sim/api/errors';
import { qualifiedPlural } from '../../sim/api/kinds';
import type { LabelSelector } from '../../sim/api/types';
import type { KubectlEnv } from './env';
import { KubectlError, errorText } from './errors';
import type { parseResourceArgs } from './resources';

export function namedOrSelected(
  env: KubectlEnv,
  req: ReturnType<typeof parseResourceArgs>,
  opts: { selector?: LabelSelector; all: boolean; allNamespaces: boolean },
): { targets: KubeObject[]; errors: string[] } {
  const targets: KubeObject[] = [];
  const errors: string[] = [];
  req.types.forEach((r, i) => {
    const names = req.names.get(i);
    if (names) {
      for (const n of names) {
        const o = env.store.get(r.kind, r.namespaced ? env.namespace : undefined, n);
        if (o) targets.push(o);
        else errors.push(errorText(notFound(qualifiedPlural(r), n)));
      }
    } else if (opts.selector || opts.all) {
      const ns = r.namespaced && !opts.allNamespaces ? env.namespace : undefined;
      targets.push(...env.store.list(r.kind, { namespace: ns, labelSelector: opts.selector }));
    } else {
      throw new KubectlError('error: resource(s) were provided, but no name was specified');
    }
  });
  return { targets, errors };
}
