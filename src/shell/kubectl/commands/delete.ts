// kubectl delete: `kind "name" deleted` per object, then (by default) wait until
// the objects are really gone, which for pods means the kubelet has stopped
// them. Waiting moves virtual time in headless runs and real time in the browser.

import type { KubeObject } from '../../../sim/api/types';
import { notFound } from '../../../sim/api/errors';
import { qualifiedKind, qualifiedPlural, resourceForManifest } from '../../../sim/api/kinds';
import { parseSelectorString } from '../../../sim/api/selectors';
import type { FlagSpec } from '../flags';
import type { KubectlEnv } from '../env';
import { NO_RESOURCES } from '../usage';
import { KubectlError, checkErrText, collapse, errorText, toGoError, type GoError } from '../errors';
import { parseResourceArgs } from '../resources';
import { readManifests } from './files';
import { dryRunFlag, dryRunMode, dryRunSuffix } from '../dry-run';

export const deleteFlags: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'force', type: 'bool' },
  { name: 'now', type: 'bool' },
  { name: 'wait', type: 'bool' },
  { name: 'timeout', type: 'string' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'cascade', type: 'string', noOptDefault: 'background' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'field-selector', type: 'string' },
  dryRunFlag,
];


export async function runDelete(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const dryRun = dryRunMode(env);
  const targets: KubeObject[] = [];
  const errors: string[] = [];
  /** Errors about objects from files, in kubectl's order: per object as visited, then the reading errors. */
  const fileErrors: GoError[] = [];
  const sources = new Map<KubeObject, string>();
  let readError: GoError | undefined;
  if (f.list('filename').length) {
    const read = readManifests(env, f.list('filename'), f.bool('recursive'), false);
    readError = read.error;
    for (const { obj, source } of read.objects) {
      const info = resourceForManifest(obj.apiVersion, obj.kind)!;
      const own = obj.metadata?.namespace;
      if (info.namespaced && own && env.explicitNamespace && own !== env.namespace) {
        fileErrors.push({
          plain: `the namespace from the provided object "${own}" does not match the namespace "${env.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
        });
        continue;
      }
      const ns = info.namespaced ? own || env.namespace : undefined;
      const live = env.store.get(info.kind, ns, obj.metadata.name!);
      if (live) {
        targets.push(live);
        sources.set(live, source);
      } else if (!f.bool('ignore-not-found')) fileErrors.push(toGoError(notFound(qualifiedPlural(info), obj.metadata.name!), 'deleting', source));
    }
  } else {
    if (f.args.length === 0) throw new KubectlError(NO_RESOURCES);
    const req = parseResourceArgs(f.args);
    const selector = f.str('selector') ? parseSelectorString(f.str('selector')) : undefined;
    req.types.forEach((r, i) => {
      const names = req.names.get(i);
      const ns = r.namespaced ? (f.bool('all-namespaces') ? undefined : env.namespace) : undefined;
      if (names) {
        for (const n of names) {
          const o = env.store.get(r.kind, ns, n);
          if (o) targets.push(o);
          else if (!f.bool('ignore-not-found')) errors.push(errorText(notFound(qualifiedPlural(r), n)));
        }
      } else if (selector || f.bool('all')) {
        targets.push(...env.store.list(r.kind, { namespace: ns, labelSelector: selector }));
      } else {
        throw new KubectlError('error: resource(s) were provided, but no name was specified');
      }
    });
    if (targets.length === 0 && errors.length === 0 && (selector || f.bool('all'))) {
      env.err(f.bool('all-namespaces') ? 'No resources found\n' : `No resources found in ${env.namespace} namespace.\n`);
      return 0;
    }
  }

  const force = f.bool('force');
  let grace = f.changed('grace-period') ? f.int('grace-period', -1) : -1;
  if (f.bool('now')) grace = 1;
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (force && grace === 0 && targets.length) {
    env.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  }
  const deleted: KubeObject[] = [];
  for (const o of targets) {
    const info = env.store.info(o.kind);
    try {
      env.store.requestDelete(o.kind, o.metadata.namespace, o.metadata.name!, { gracePeriodSeconds: grace >= 0 ? grace : undefined, dryRun: dryRun !== 'none' });
      deleted.push(o);
      if (f.str('output') === 'name') env.out(`${qualifiedKind(info)}/${o.metadata.name}\n`);
      else env.out(`${qualifiedKind(info)} "${o.metadata.name}" ${force && grace === 0 ? 'force deleted' : 'deleted'}${dryRunSuffix(dryRun)}\n`);
    } catch (e) {
      const source = sources.get(o);
      if (source) fileErrors.push(toGoError(e, 'deleting', source));
      else errors.push(errorText(e));
    }
  }
  for (const e of errors) env.err(`${e}\n`);
  if (readError) fileErrors.push(readError);
  const fileError = collapse(fileErrors);
  if (fileError) env.err(checkErrText(fileError) + '\n');
  const wait = f.changed('wait') ? f.bool('wait') : true;
  if (wait && dryRun === 'none') await waitGone(env, deleted);
  return errors.length || fileError ? 1 : 0;
}

/** Block until every object (by uid) has left the store, or Ctrl-C. */
export async function waitGone(env: KubectlEnv, objs: KubeObject[]): Promise<void> {
  const present = () =>
    objs.some((o) => {
      const cur = env.store.get(o.kind, o.metadata.namespace, o.metadata.name!);
      return cur && cur.metadata.uid === o.metadata.uid;
    });
  while (present() && !env.ctx.signal.cancelled) await env.ctx.sleep(250);
}
