// kubectl patch (TYPE NAME | -f FILE) -p PATCH [--type strategic|merge|json]
// [--subresource status]: the patch is applied to the live object the way the
// apiserver does, and the result goes through the store's update path (the
// same defaulting and validation as apply and edit).

import type { KubeObject } from '../../../sim/api/types';
import { StatusError, notFound } from '../../../sim/api/errors';
import { qualifiedKind, qualifiedPlural } from '../../../sim/api/kinds';
import { yamlTextToJson } from '../../../sim/api/manifest';
import { deepEqual } from '../../../sim/core/deep-equal';
import { cloneJson } from '../../../sim/core/clone';
import type { FlagSpec } from '../flags';
import type { KubectlEnv } from '../env';
import { KubectlError, errorText } from '../errors';
import { parseResourceArgs } from '../resources';
import { NO_RESOURCES } from '../usage';
import { dryRunFlag, dryRunMode } from '../dry-run';
import { parseOutputFormat, printObjects } from '../output';
import { objectsFromFiles } from './files';
import { PatchError, applyJsonPatch, decodeJsonPatch, jsonMergePatch, strategicMergePatch } from '../patch-merge';

export const patchFlags: FlagSpec[] = [
  { name: 'patch', short: 'p', type: 'string' },
  { name: 'patch-file', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'subresource', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  { name: 'record', type: 'bool' },
  dryRunFlag,
];

const PATCH_TYPES = ['json', 'merge', 'strategic'];
const SUBRESOURCES = ['status', 'scale'];

/** Go's %q of a string (enough for patch texts). */
function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

type Json = Parameters<typeof jsonMergePatch>[0];

/** What a patch can fail with, as the server (or, for --dry-run=client, kubectl) reports it. */
function patchFailure(e: PatchError, stage: 'decode' | 'apply' | 'smp', server: boolean): Error {
  if (!server) return new KubectlError(`error: ${e.message}`);
  if (stage === 'decode') return new StatusError('BadRequest', e.message);
  if (stage === 'apply') return new KubectlError('The request is invalid: the server rejected our request due to an error in our request');
  return new KubectlError(`Error from server: ${e.message}`);
}

export async function runPatch(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const patchText = f.str('patch');
  const patchFile = f.str('patch-file');
  if (patchText && patchFile) throw new KubectlError('error: cannot specify --patch and --patch-file together');
  if (!patchText && !patchFile) throw new KubectlError('error: must specify --patch or --patch-file containing the contents of the patch');
  if (f.bool('local') && f.args.length) throw new KubectlError('error: cannot specify --local and server resources');
  const typeArg = f.str('type');
  if (typeArg && !PATCH_TYPES.includes(typeArg.toLowerCase())) throw new KubectlError(`error: --type must be one of [${PATCH_TYPES.join(' ')}], not ${goQuote(typeArg)}`);
  const type = (typeArg || 'strategic').toLowerCase() as 'json' | 'merge' | 'strategic';
  const sub = f.str('subresource');
  if (sub && !SUBRESOURCES.includes(sub)) throw new KubectlError(`error: invalid subresource value: ${goQuote(sub)}. Must be one of [${SUBRESOURCES.join(' ')}]`);
  const dryRun = dryRunMode(env);
  if (f.bool('local') && dryRun === 'server') throw new KubectlError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  const format = f.str('output') ? parseOutputFormat(f.str('output'), false) : undefined;
  if (f.args.length === 0 && f.list('filename').length === 0) throw new KubectlError(NO_RESOURCES);

  let source = patchText;
  if (patchFile) {
    const text = env.ctx.fs.read(env.ctx.fs.resolve(patchFile));
    if (text === undefined) throw new KubectlError(`error: unable to read patch file: open ${patchFile}: no such file or directory`);
    source = text;
  }
  let patch: Json;
  try {
    patch = JSON.parse(source) as Json;
  } catch {
    const r = yamlTextToJson(source);
    if ('error' in r) throw new KubectlError(`error: unable to parse ${goQuote(patchText)}: ${r.error}`);
    patch = r.value as Json;
  }

  // The objects to patch: from files, or TYPE NAME arguments.
  const targets: { kind: string; namespace?: string; name: string; plural: string; fromFile?: KubeObject }[] = [];
  if (f.list('filename').length) {
    for (const o of objectsFromFiles(env, f.list('filename'), f.bool('recursive'))) {
      const info = env.store.info(o.kind);
      targets.push({ kind: o.kind, namespace: info.namespaced ? o.metadata.namespace || env.namespace : undefined, name: o.metadata.name ?? '', plural: qualifiedPlural(info), fromFile: o });
    }
  } else {
    const req = parseResourceArgs(f.args);
    req.types.forEach((r, i) => {
      const names = req.names.get(i);
      if (!names) throw new KubectlError('error: resource(s) were provided, but no name was specified');
      for (const n of names) targets.push({ kind: r.kind, namespace: r.namespaced ? env.namespace : undefined, name: n, plural: qualifiedPlural(r) });
    });
  }

  const errors: string[] = [];
  for (const t of targets) {
    try {
      const live = f.bool('local') ? t.fromFile : env.store.get(t.kind, t.namespace, t.name);
      if (!live) throw notFound(t.plural, t.name);
      const server = dryRun !== 'client' && !f.bool('local');
      const info = env.store.info(live.kind);
      if (sub === 'scale') throw new KubectlError(`error: the scale subresource is not available in this playground; use kubectl scale`);
      const before = cloneJson(live) as unknown as Json;
      let after: Json;
      if (type === 'json') {
        let ops;
        try {
          ops = decodeJsonPatch(patch);
        } catch (e) {
          if (e instanceof PatchError) throw patchFailure(e, 'decode', server);
          throw e;
        }
        try {
          after = applyJsonPatch(before, ops);
        } catch (e) {
          if (e instanceof PatchError) throw patchFailure(e, 'apply', server);
          throw e;
        }
      } else if (type === 'merge') {
        after = jsonMergePatch(before, patch);
      } else {
        if (patch !== null && (typeof patch !== 'object' || Array.isArray(patch))) {
          throw server ? new StatusError('BadRequest', 'invalid JSON document') : new KubectlError('error: invalid JSON document');
        }
        try {
          after = strategicMergePatch(live.kind, before, patch);
        } catch (e) {
          if (e instanceof PatchError) throw patchFailure(e, 'smp', server);
          throw e;
        }
      }
      let result: KubeObject;
      if (!server) {
        result = after as unknown as KubeObject;
      } else {
        const obj = after as unknown as KubeObject;
        if (!obj || typeof obj !== 'object' || !obj.metadata) throw new StatusError('BadRequest', 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml');
        // The apiserver patches the object it holds: the name, namespace and kind are not the patch's to change.
        const toWrite = { ...obj, kind: live.kind, apiVersion: live.apiVersion, metadata: { ...obj.metadata, name: live.metadata.name, namespace: live.metadata.namespace } } as KubeObject;
        if (obj.metadata.name !== live.metadata.name) throw new StatusError('BadRequest', `the name of the object (${obj.metadata.name}) does not match the name on the URL (${live.metadata.name})`);
        result = sub === 'status' ? env.store.update(toWrite, { subresource: 'status', dryRun: dryRun === 'server' }) : env.store.update(toWrite, { dryRun: dryRun === 'server' });
      }
      const didPatch = !deepEqual(live, result);
      if (format) env.out(printObjects(format, result, [result]));
      else env.out(`${qualifiedKind(info)}/${t.name} ${didPatch ? 'patched' : 'patched (no change)'}\n`);
    } catch (e) {
      errors.push(errorText(e));
    }
  }
  for (const e of errors) env.err(`${e}\n`);
  return errors.length ? 1 : 0;
}
