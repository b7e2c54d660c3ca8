// kubectl apply -f and kubectl create -f: every object of every file, in order;
// one success line per object on stdout as it happens; errors after, gathered
// as kubectl gathers them (create: its own errors, then the reading errors;
// apply: the reading errors, then its own) and printed by cmdutil.CheckErr's
// rules (a lone error in its single form, several one per line). apply prints
// -o yaml|json only when everything succeeded, several objects as one List.

import { cloneJson } from '../../../sim/core/clone';
import type { KubeObject } from '../../../sim/api/types';
import { resourceForManifest, qualifiedKind, qualifiedPlural } from '../../../sim/api/kinds';
import { sameJson } from '../../../sim/api/store';
import { matchesSelector, parseSelectorString } from '../../../sim/api/selectors';
import { decodeStrict } from '../../../sim/api/schema';
import type { FlagSpec } from '../flags';
import type { KubectlEnv } from '../env';
import { KubectlError, checkErrText, collapse, toGoError, type GoError } from '../errors';
import { readManifests, type SourcedObject } from './files';
import { LAST_APPLIED, lastAppliedFor, threeWayMerge, withLastApplied } from '../apply-merge';
import { parseOutputFormat, printObjects } from '../output';
import { toCompactJson, type KeyOrder } from '../../text/json-emit';
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

/** `kubectl create`'s own flags (create -f; its subcommands have theirs). */
export const createFlags: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  dryRunFlag,
  { name: 'validate', type: 'string', noOptDefault: 'strict' },
  { name: 'save-config', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  { name: 'edit', type: 'bool' },
  { name: 'raw', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'windows-line-endings', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'template', type: 'string' },
];

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

/** A failure while acting on one object, as the GoError kubectl gathers (server errors carry the file). */
function failure(e: unknown, source: string): GoError {
  if (e instanceof ObjectFailure) return toGoError(e.error, e.verb, source);
  return toGoError(e, 'creating', source);
}

type Mode = 'apply' | 'create';

/** apply prints several objects as one v1 List; encoding/json writes its fields in struct order. */
const LIST_SHAPE: KeyOrder = { struct: [['kind'], ['apiVersion'], ['metadata'], ['items', { list: undefined }]] };

export async function runApplyOrCreate(env: KubectlEnv, mode: Mode): Promise<number> {
  const f = env.flags;
  if (mode === 'create' && f.args.length) throw new KubectlError(`error: Unexpected args: [${f.args.join(' ')}]\nSee 'kubectl create -h' for help and examples`);
  const files = f.list('filename');
  if (f.str('kustomize')) throw new KubectlError('error: kustomize directories are not available in this playground');
  if (mode === 'create' && (f.changed('edit') || f.changed('raw'))) throw new KubectlError(`error: kubectl create --${f.changed('edit') ? 'edit' : 'raw'} is not available in this playground`);
  if (files.length === 0) throw new KubectlError('error: must specify one of -f and -k');
  const dryRun = dryRunMode(env);
  const format = f.str('output') ? parseOutputFormat(f.str('output'), false) : undefined;
  const read = readManifests(env, files, f.bool('recursive'), f.str('validate') !== 'false' && f.str('validate') !== 'ignore');
  const readError = read.error;
  // -l keeps the objects whose labels match.
  const selector = f.str('selector') ? parseSelectorString(f.str('selector')) : undefined;
  const objects = selector ? read.objects.filter((so) => matchesSelector(selector, so.obj.metadata?.labels)) : read.objects;
  const report = (err: GoError | undefined): number => {
    if (!err) return 0;
    env.err(checkErrText(err) + '\n');
    return 1;
  };
  const line = (o: KubeObject, verb: string) => `${qualifiedKind(env.store.info(o.kind))}/${o.metadata.name} ${verb}${dryRunSuffix(dryRun)}\n`;

  if (mode === 'create') {
    // create acts on each object as it is read; the reading errors come after its own.
    const errs: GoError[] = [];
    let count = 0;
    for (const so of objects) {
      try {
        const { obj } = createOne(env, so, dryRun);
        count++;
        if (!format) env.out(line(obj, 'created'));
        else if (format.kind === 'yaml') env.out((count > 1 ? '---\n' : '') + printObjects(format, obj, [obj]));
        else env.out(printObjects(format, obj, [obj]));
      } catch (e) {
        errs.push(failure(e, so.source));
      }
    }
    if (readError) errs.push(readError);
    const err = collapse(errs);
    if (err) return report(err);
    if (count === 0) throw new KubectlError('error: no objects passed to create');
    return 0;
  }

  // apply reads everything (namespaces checked) before it applies anything.
  const errs: GoError[] = [];
  const targets: { so: SourcedObject; namespace: string | undefined }[] = [];
  const readErrs: GoError[] = [];
  for (const so of objects) {
    try {
      targets.push({ so, namespace: targetNamespace(env, so) });
    } catch (e) {
      readErrs.push(toGoError(e));
    }
  }
  if (readError) readErrs.push(readError);
  const gathered = collapse(readErrs);
  if (gathered) errs.push(gathered);
  if (targets.length === 0 && errs.length === 0) throw new KubectlError('error: no objects passed to apply');
  const applied: KubeObject[] = [];
  for (const { so, namespace } of targets) {
    try {
      const result = applyOne(env, so, namespace, dryRun);
      applied.push(result.obj);
      // -o name prints each object as it goes; yaml and json print them all at the end.
      if (!format) env.out(line(result.obj, result.verb));
      else if (format.kind === 'name') env.out(printObjects(format, result.obj, [result.obj]));
    } catch (e) {
      errs.push(failure(e, so.source));
    }
  }
  if (errs.length) return report(collapse(errs));
  if (format && format.kind !== 'name' && applied.length) {
    if (applied.length === 1) env.out(printObjects(format, applied[0], applied));
    else {
      const list = { kind: 'List', apiVersion: 'v1', metadata: {}, items: applied } as unknown as KubeObject;
      env.out(printObjects(format, list, [], { order: LIST_SHAPE }));
    }
  }
  return 0;
}

interface Outcome {
  obj: KubeObject;
  verb: string;
}

/** The namespace kubectl's builder gives an object (SetNamespace, and RequireNamespace when -n was given). */
function targetNamespace(env: KubectlEnv, so: SourcedObject): string | undefined {
  const obj = so.obj;
  const info = resourceForManifest(obj.apiVersion, obj.kind)!;
  if (!info.namespaced) return undefined;
  const own = obj.metadata?.namespace;
  if (own && env.explicitNamespace && own !== env.namespace) {
    throw new KubectlError(
      `error: the namespace from the provided object "${own}" does not match the namespace "${env.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
    );
  }
  return own || env.namespace;
}

/** The server's strict decoding of the object (unknown fields); a client dry run never meets it. */
function decodeOrThrow(obj: KubeObject, dryRun: DryRun): void {
  if (dryRun === 'client') return;
  const bad = decodeStrict(obj, resourceForManifest(obj.apiVersion, obj.kind)!.kind);
  if (bad) throw bad;
}

function createOne(env: KubectlEnv, so: SourcedObject, dryRun: DryRun): Outcome {
  const obj = so.obj;
  const namespace = targetNamespace(env, so);
  decodeOrThrow(obj, dryRun);
  const toCreate: KubeObject = { ...cloneJson(obj), metadata: { ...cloneJson(obj.metadata), ...(namespace ? { namespace } : {}) } };
  if (env.flags.bool('save-config')) {
    const ann = lastAppliedFor(obj as never, namespace, (v) => toCompactJson(v));
    Object.assign(toCreate, withLastApplied(toCreate as never, namespace, ann));
  }
  // Client dry-run never asks the server.
  if (dryRun === 'client') return { obj: toCreate, verb: 'created' };
  return attempt('creating', () => ({ obj: env.store.create(toCreate, { dryRun: dryRun === 'server' }), verb: 'created' }));
}

function applyOne(env: KubectlEnv, so: SourcedObject, namespace: string | undefined, dryRun: DryRun): Outcome {
  const obj = so.obj;
  decodeOrThrow(obj, dryRun);
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
