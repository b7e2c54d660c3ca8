// kubectl annotate: add, change (--overwrite) or remove (`key-`) annotations.

import type { KubeObject } from '../../../sim/api/types';
import { notFound } from '../../../sim/api/errors';
import { qualifiedKind, qualifiedPlural } from '../../../sim/api/kinds';
import { parseSelectorString } from '../../../sim/api/selectors';
import type { FlagSpec } from '../flags';
import type { KubectlEnv } from '../env';
import { KubectlError, errorText } from '../errors';
import { parseResourceArgs } from '../resources';
import { dryRunFlag, dryRunMode, dryRunSuffix } from '../dry-run';
import { parseOutputFormat, printObjects } from '../output';
import { objectsFromFiles } from './files';
import { namedOrSelected } from '../targets';

export const annotateFlags: FlagSpec[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'list', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'resource-version', type: 'string' },
  { name: 'field-manager', type: 'string' },
  dryRunFlag,
];

export async function runAnnotate(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  // cmdutil.GetResourcesAndPairs: resources first, then KEY=VAL / KEY- pairs.
  const resourceArgs: string[] = [];
  const changes: string[] = [];
  let first = true;
  for (const a of f.args) {
    if ((a.includes('=') || a.endsWith('-')) && !first) changes.push(a);
    else if (changes.length) throw new KubectlError(`error: all resources must be specified before annotation changes: ${a}`);
    else resourceArgs.push(a);
    first = false;
  }
  const fromFiles = f.list('filename').length > 0;
  if (resourceArgs.length === 0 && !fromFiles) throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (changes.length === 0 && !f.bool('list')) throw new KubectlError('error: at least one annotation update is required');
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const c of changes) {
    if (c.includes('=')) {
      const eq = c.indexOf('=');
      if (eq === 0) throw new KubectlError(`error: invalid annotation format: ${c}`);
      set[c.slice(0, eq)] = c.slice(eq + 1);
    } else if (c.endsWith('-')) remove.push(c.slice(0, -1));
    else throw new KubectlError(`error: invalid annotation format: ${c}`);
  }
  const both = remove.filter((k) => k in set);
  if (both.length) throw new KubectlError(`error: can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  const dryRun = dryRunMode(env);
  const format = f.str('output') ? parseOutputFormat(f.str('output'), false) : undefined;
  const selector = f.str('selector') ? parseSelectorString(f.str('selector')) : undefined;
  const targets: KubeObject[] = [];
  const errors: string[] = [];
  if (fromFiles) {
    for (const o of objectsFromFiles(env, f.list('filename'), f.bool('recursive'))) {
      const info = env.store.info(o.kind);
      const ns = info.namespaced ? o.metadata.namespace || env.namespace : undefined;
      const live = env.store.get(o.kind, ns, o.metadata.name ?? '');
      if (live) targets.push(live);
      else errors.push(errorText(notFound(qualifiedPlural(info), o.metadata.name ?? '')));
    }
  } else {
    const found = namedOrSelected(env, parseResourceArgs(resourceArgs), { selector, all: f.bool('all'), allNamespaces: f.bool('all-namespaces') });
    targets.push(...found.targets);
    errors.push(...found.errors);
  }
  for (const o of targets) {
    const info = env.store.info(o.kind);
    const annotations = { ...(o.metadata.annotations ?? {}) };
    if (f.bool('list')) {
      env.out(Object.keys(annotations).sort().map((k) => `${k}=${annotations[k]}\n`).join(''));
      continue;
    }
    if (!f.bool('overwrite')) {
      const found = Object.keys(set).filter((k) => k in annotations && k !== 'kubernetes.io/change-cause');
      if (found.length) {
        errors.push(`error: --overwrite is false but found the following declared annotation(s): ${found.map((k) => `'${k}' already has a value (${annotations[k]})`).join('; ')}`);
        continue;
      }
    }
    Object.assign(annotations, set);
    for (const k of remove) delete annotations[k];
    const metadata: KubeObject['metadata'] = { ...o.metadata, annotations };
    if (Object.keys(annotations).length === 0) delete metadata.annotations;
    if (f.str('resource-version')) metadata.resourceVersion = f.str('resource-version');
    try {
      let result: KubeObject = { ...o, metadata } as KubeObject;
      if (dryRun !== 'client') result = env.store.update(result, { dryRun: dryRun === 'server' });
      if (format) env.out(printObjects(format, result, [result]));
      else env.out(`${qualifiedKind(info)}/${o.metadata.name} annotated${dryRunSuffix(dryRun)}\n`);
    } catch (e) {
      errors.push(errorText(e));
    }
  }
  for (const e of errors) env.err(`${e}\n`);
  return errors.length ? 1 : 0;
}
