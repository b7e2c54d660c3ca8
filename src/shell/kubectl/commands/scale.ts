// kubectl scale: set spec.replicas of Deployments and ReplicaSets.

import { notFound } from '../../../sim/api/errors';
import { qualifiedKind, qualifiedPlural } from '../../../sim/api/kinds';
import { parseSelectorString } from '../../../sim/api/selectors';
import type { KubeObject } from '../../../sim/api/types';
import type { FlagSpec } from '../flags';
import type { KubectlEnv } from '../env';
import { KubectlError, errorText, klogRequired } from '../errors';
import { parseResourceArgs } from '../resources';
import { NO_RESOURCES } from '../usage';
import { dryRunFlag, dryRunMode, dryRunSuffix } from '../dry-run';

export const scaleFlags: FlagSpec[] = [
  { name: 'replicas', type: 'int' },
  { name: 'current-replicas', type: 'int' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'timeout', type: 'string' },
  dryRunFlag,
];

const SCALABLE = new Set(['Deployment', 'ReplicaSet']);

export async function runScale(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  if (!f.changed('replicas')) throw klogRequired(env, 'replicas');
  const replicas = f.int('replicas', 0);
  if (replicas < 0) throw new KubectlError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (f.args.length === 0 && f.list('filename').length === 0) throw new KubectlError(NO_RESOURCES);
  if (f.args.length === 0) throw new KubectlError('error: required resource not specified');
  const dryRun = dryRunMode(env);
  const req = parseResourceArgs(f.args);
  const selector = f.str('selector') ? parseSelectorString(f.str('selector')) : undefined;
  const targets: KubeObject[] = [];
  const errors: string[] = [];
  req.types.forEach((r, i) => {
    const names = req.names.get(i);
    if (names) {
      for (const n of names) {
        const o = env.store.get(r.kind, env.namespace, n);
        if (o) targets.push(o);
        else errors.push(errorText(notFound(qualifiedPlural(r), n)));
      }
    } else if (selector || f.bool('all')) {
      targets.push(...env.store.list(r.kind, { namespace: env.namespace, labelSelector: selector }));
    } else {
      throw new KubectlError('error: resource(s) were provided, but no name was specified');
    }
  });
  for (const o of targets) {
    const info = env.store.info(o.kind);
    if (!SCALABLE.has(o.kind)) {
      errors.push(`error: no scaler has been implemented for {"${info.group}" "${o.kind}"}`);
      continue;
    }
    const spec = o.spec as { replicas?: number };
    const cur = spec.replicas ?? 1;
    if (f.changed('current-replicas') && f.int('current-replicas', -1) !== cur) {
      errors.push(`error: Expected replicas to be ${f.int('current-replicas', -1)}, was ${cur}`);
      continue;
    }
    try {
      if (dryRun !== 'client') env.store.update({ ...o, spec: { ...spec, replicas } } as KubeObject, { dryRun: dryRun === 'server' });
      env.out(`${qualifiedKind(info)}/${o.metadata.name} scaled${dryRunSuffix(dryRun)}\n`);
    } catch (e) {
      errors.push(errorText(e));
    }
  }
  for (const e of errors) env.err(`${e}\n`);
  return errors.length ? 1 : 0;
}
