// kubectl label: add, change (--overwrite) or remove (`key-`) labels.

import type { KubeObject } from '../../../sim/api/types';
import { qualifiedKind } from '../../../sim/api/kinds';
import { parseSelectorString } from '../../../sim/api/selectors';
import { validateLabels } from '../../../sim/api/store';
import { formatFieldError } from '../../../sim/api/errors';
import type { FlagSpec } from '../flags';
import type { KubectlEnv } from '../env';
import { KubectlError, errorText } from '../errors';
import { parseResourceArgs } from '../resources';
import { dryRunFlag, dryRunMode, dryRunSuffix } from '../dry-run';
import { namedOrSelected } from '../targets';

export const labelFlags: FlagSpec[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'list', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'resource-version', type: 'string' },
  dryRunFlag,
];

export async function runLabel(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const args = f.args;
  const firstChange = args.findIndex((a, i) => i > 0 && (a.includes('=') || a.endsWith('-')));
  const resourceArgs = firstChange < 0 ? args : args.slice(0, firstChange);
  const changes = firstChange < 0 ? [] : args.slice(firstChange);
  if (resourceArgs.length === 0) throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (changes.length === 0 && !f.bool('list')) throw new KubectlError('error: at least one label update is required');
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const c of changes) {
    if (c.endsWith('-') && !c.includes('=')) remove.push(c.slice(0, -1));
    else {
      const eq = c.indexOf('=');
      if (eq < 0) throw new KubectlError(`error: invalid label spec: ${c}`);
      set[c.slice(0, eq)] = c.slice(eq + 1);
    }
  }
  const bad = validateLabels(set, 'metadata.labels');
  if (bad.length) throw new KubectlError(`error: invalid label value: "${Object.entries(set).map(([k, v]) => `${k}=${v}`).join(',')}": ${formatFieldError(bad[0]).replace(/^metadata\.labels: Invalid value: "[^"]*": /, '')}`);
  const dryRun = dryRunMode(env);
  const req = parseResourceArgs(resourceArgs);
  const selector = f.str('selector') ? parseSelectorString(f.str('selector')) : undefined;
  const { targets, errors } = namedOrSelected(env, req, { selector, all: f.bool('all'), allNamespaces: f.bool('all-namespaces') });
  for (const o of targets) {
    const info = env.store.info(o.kind);
    const labels = { ...(o.metadata.labels ?? {}) };
    if (f.bool('list')) {
      env.out(Object.keys(labels).sort().map((k) => `${k}=${labels[k]}\n`).join(''));
      continue;
    }
    let conflict: string | undefined;
    for (const [k, v] of Object.entries(set)) {
      if (k in labels && labels[k] !== v && !f.bool('overwrite')) conflict = `error: '${k}' already has a value (${labels[k]}), and --overwrite is false`;
    }
    if (conflict) {
      errors.push(conflict);
      continue;
    }
    const before = JSON.stringify(labels);
    Object.assign(labels, set);
    for (const k of remove) delete labels[k];
    const changed = before !== JSON.stringify(labels);
    const verb = !changed ? 'not labeled' : remove.length && Object.keys(set).length === 0 ? 'unlabeled' : 'labeled';
    try {
      if (changed && dryRun !== 'client') {
        const metadata: KubeObject['metadata'] = { ...o.metadata, labels };
        if (Object.keys(labels).length === 0) delete metadata.labels;
        env.store.update({ ...o, metadata }, { dryRun: dryRun === 'server' });
      }
      env.out(`${qualifiedKind(info)}/${o.metadata.name} ${verb}${dryRunSuffix(dryRun)}\n`);
    } catch (e) {
      errors.push(errorText(e));
    }
  }
  for (const e of errors) env.err(`${e}\n`);
  return errors.length ? 1 : 0;
}
