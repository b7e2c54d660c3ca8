// kubectl apply -f and kubectl create -f: every object of every file, in order;
// one success line per object on stdout as it happens; errors after, in the
// single-error or sourced form kubectl uses.

import { cloneJson } from '../../../sim/core/clone';
import type { KubeObject } from '../../../sim/api/types';
import { resourceForManifest, qualifiedKind, qualifiedPlural } from '../../../sim/api/kinds';
import { StatusError } from '../../../sim/api/errors';
import { sameJson } from '../../../sim/api/store';
import { decodeStrict } from '../../../sim/api/schema';
import type { FlagSpec } from '../flags';
import type { KubectlEnv } from '../env';
import { KubectlError, errorText, formatSourcedError } from '../errors';
import { readManifests, type SourcedObject } from './files';
import { LAST_APPLIED, lastAppliedFor, threeWayMerge, withLastApplied } from '../apply-merge';
import { parseOutputFormat, printObjects } from '../output';
import { toCompactJson } from '../../text/json-emit';
import { dryRunMode, dryRunFlag, dryRunSuffix, type DryRun } from '../dry-run';

export const applyFlags: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  dryRunFlag,
  { name: 'validate', type: 'string', noOptDefault: 'strict' },
  { name: 'server-side', type: 'bool' },
  { name: 'force-conflicts', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  { name: 'overwrite', type: 'bool' },
  { name: 'prune', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'save-config', type: 'bool' },
  { name: 'wait', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'show-managed-fields', type: 'bool' },
];

interface Failure {
  error: unknown;
  verb: string;
  source: string;
}

/** An error from the server while `verb`ing one object (creating, patching). */
class ObjectFailure {
  constructor(
    readonly error: unknown,
    readonly verb: string,
  ) {}
}

function attempt<T>(verb: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new ObjectFailure(e, verb);
  }
}

type Mode = 'apply' | 'create';

export async function runApplyOrCreate(env: KubectlEnv, mode: Mode): Promise<number> {
  const f = env.flags;
  const files = f.list('filename');
  if (f.str('kustomize')) throw new KubectlError('error: kustomize directories are not available in this playground');
  if (files.length === 0) throw new KubectlError(mode === 'apply' ? 'error: must specify one of -f and -k' : 'error: must specify one of -f and -k');
  const dryRun = dryRunMode(env);
  const format = f.str('output') ? parseOutputFormat(f.str('output'), false) : undefined;
  const { objects, error: readError } = readManifests(env, files, f.bool('recursive'), f.str('validate') !== 'false' && f.str('validate') !== 'ignore');
  if (objects.length === 0 && readError) throw readError;
  if (objects.length === 0) throw new KubectlError(`error: no objects passed to ${mode}`);

  const failures: Failure[] = [];
  const printed: KubeObject[] = [];
  for (const so of objects) {
    try {
      const result = mode === 'apply' ? applyOne(env, so, dryRun) : createOne(env, so, dryRun);
      if (format) printed.push(result.obj);
      else env.out(`${qualifiedKind(env.store.info(result.obj.kind))}/${result.obj.metadata.name} ${result.verb}${dryRunSuffix(dryRun)}\n`);
    } catch (e) {
      if (e instanceof ObjectFailure) failures.push({ error: e.error, verb: e.verb, source: so.source });
      else failures.push({ error: e, verb: 'creating', source: so.source });
    }
  }
  // Several objects are printed one by one (YAML documents joined by ---), not as a List.
  if (format) env.out(printed.map((o) => printObjects(format, o, [o])).join(format.kind === 'yaml' ? '---\n' : ''));
  if (failures.length === 1) {
    const { error, verb, source } = failures[0];
    if (error instanceof StatusError && !(error.reason === 'Invalid' && error.details?.causes?.length)) env.err(formatSourcedError(error, verb, source) + '\n');
    else env.err(errorText(error) + '\n');
  } else {
    for (const { error, verb, source } of failures) {
      env.err((error instanceof StatusError ? formatSourcedError(error, verb, source) : errorText(error)) + '\n');
    }
  }
  if (readError) env.err(readError.text + '\n');
  return failures.length || readError ? 1 : 0;
}

interface Outcome {
  obj: KubeObject;
  verb: string;
}

/** Resolve kind and namespace the way kubectl's resource mapper and namespace rules do. */
function target(env: KubectlEnv, so: SourcedObject): { obj: KubeObject; namespace: string | undefined } {
  const obj = so.obj;
  const name = obj.metadata?.name ?? '';
  const info = resourceForManifest(obj.apiVersion, obj.kind);
  if (!info) {
    throw new KubectlError(
      `error: resource mapping not found for name: "${name}" namespace: "${obj.metadata?.namespace ?? ''}" from "${so.source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`,
    );
  }
  let namespace: string | undefined;
  if (info.namespaced) {
    const own = obj.metadata?.namespace;
    if (own && env.explicitNamespace && own !== env.namespace) {
      throw new KubectlError(
        `error: the namespace from the provided object "${own}" does not match the namespace "${env.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
      );
    }
    namespace = own || env.namespace;
  }
  const bad = decodeStrict(obj, info.kind);
  if (bad) throw bad;
  return { obj, namespace };
}

function createOne(env: KubectlEnv, so: SourcedObject, dryRun: DryRun): Outcome {
  const { obj, namespace } = target(env, so);
  const toCreate: KubeObject = { ...cloneJson(obj), metadata: { ...cloneJson(obj.metadata), ...(namespace ? { namespace } : {}) } };
  if (env.flags.bool('save-config')) {
    const ann = lastAppliedFor(obj as never, namespace, (v) => toCompactJson(v));
    Object.assign(toCreate, withLastApplied(toCreate as never, namespace, ann));
  }
  // Client dry-run never asks the server.
  if (dryRun === 'client') return { obj: toCreate, verb: 'created' };
  return attempt('creating', () => ({ obj: env.store.create(toCreate, { dryRun: dryRun === 'server' }), verb: 'created' }));
}

function applyOne(env: KubectlEnv, so: SourcedObject, dryRun: DryRun): Outcome {
  const { obj, namespace } = target(env, so);
  const info = env.store.info(obj.kind);
  const annotation = lastAppliedFor(obj as never, namespace, (v) => toCompactJson(v));
  const desired = withLastApplied(obj as never, namespace, annotation) as unknown as KubeObject;
  const live = env.store.get(obj.kind, namespace, obj.metadata.name!);
  if (!live) {
    if (dryRun === 'client') return { obj: desired, verb: 'created' };
    return attempt('creating', () => ({ obj: env.store.create(desired, { dryRun: dryRun === 'server' }), verb: 'created' }));
  }
  const previous = live.metadata.annotations?.[LAST_APPLIED];
  if (previous === undefined) {
    env.err(
      `Warning: resource ${qualifiedPlural(info)}/${live.metadata.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  let lastObj: Record<string, never> | undefined;
  try {
    lastObj = previous ? JSON.parse(previous) : undefined;
  } catch {
    lastObj = undefined;
  }
  const merged = threeWayMerge(live as never, lastObj, desired as never) as unknown as KubeObject;
  if (sameJson(merged, live)) return { obj: live, verb: 'unchanged' };
  if (dryRun === 'client') return { obj: merged, verb: 'configured' };
  return attempt('patching', () => ({
    obj: env.store.update({ ...merged, metadata: { ...merged.metadata, resourceVersion: undefined } }, { dryRun: dryRun === 'server' }),
    verb: 'configured',
  }));
}
