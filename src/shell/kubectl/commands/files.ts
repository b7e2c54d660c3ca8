// `-f FILE|DIR|-`: read manifests from the learner's files or stdin the way
// kubectl's resource builder does with ContinueOnError and Flatten (apply,
// create, delete): every file is read; a document that does not parse or
// validate stops its own file, one that does not decode or map is skipped;
// `List`s (`kubectl get -o yaml` output) are flattened into their items. The
// errors come back gathered, as kubectl's EagerVisitorList gathers them.

import type { KubeObject } from '../../../sim/api/types';
import { resourceForManifest } from '../../../sim/api/kinds';
import { parseManifestStream, validateManifest, decodeManifest, type JsonValue } from '../../../sim/api/manifest';
import type { KubectlEnv } from '../env';
import { KubectlError, aggregate, checkErrText, type GoError } from '../errors';

export interface SourcedObject {
  obj: KubeObject;
  /** The path as the learner typed it (kubectl quotes it in errors), or `STDIN`. */
  source: string;
}

const MANIFEST_EXT = /\.(ya?ml|json)$/;

/** Go's path.Clean. */
export function goClean(p: string): string {
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

type Source = { text: string; source: string } | { error: GoError };

function readSources(env: KubectlEnv, paths: string[], recursive: boolean): Source[] {
  const fs = env.ctx.fs;
  // The builder checks every path first; any missing one means nothing is read.
  const missing = paths.filter((p) => p !== '-' && !/^https?:\/\//.test(p) && !fs.isDir(fs.resolve(p)) && fs.read(fs.resolve(p)) === undefined);
  if (missing.length) throw new KubectlError(checkErrText(aggregate(missing.map((p) => ({ plain: `the path "${p}" does not exist` })))!));
  const out: Source[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push({ text: env.io.stdin, source: 'STDIN' });
      continue;
    }
    if (/^https?:\/\//.test(p)) {
      const host = p.replace(/^https?:\/\//, '').split('/')[0];
      out.push({ error: { plain: `unable to read URL "${p}", server reported dial tcp: lookup ${host}: no such host` } });
      continue;
    }
    const abs = fs.resolve(p);
    if (fs.isDir(abs)) {
      // filepath.Walk: names in byte order, each shown as filepath.Join(dir, name).
      const walk = (dir: string, display: string) => {
        for (const name of fs.list(dir).sort()) {
          const full = `${dir.replace(/\/$/, '')}/${name}`;
          const shown = goClean(`${display}/${name}`);
          if (fs.isDir(full)) {
            if (recursive) walk(full, shown);
          } else if (MANIFEST_EXT.test(name)) {
            out.push({ text: fs.read(full) ?? '', source: shown });
          }
        }
      };
      walk(abs, p);
      continue;
    }
    out.push({ text: fs.read(abs) ?? '', source: p });
  }
  return out;
}

/** What reading the files gave: the objects read, in order, and the errors met on the way. */
export interface ManifestRead {
  objects: SourcedObject[];
  /** Every reading error (an aggregate), or undefined. */
  error?: GoError;
}

const isObject = (v: unknown): v is Record<string, JsonValue> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The unstructured decoder takes any object with an `items` field for a list. */
function isList(doc: JsonValue): doc is Record<string, JsonValue> {
  return isObject(doc) && (Array.isArray(doc.items) || doc.items === null);
}

/**
 * kubectl's client-side check of a v1 `List` (the openapi validator checks each
 * item's apiVersion and kind; identical problems are reported once).
 */
function validateList(doc: Record<string, JsonValue>, source: string): string | undefined {
  if (doc.apiVersion !== 'v1' || doc.kind !== 'List') return validateManifest(doc, source);
  const problems: string[] = [];
  for (const item of (doc.items as JsonValue[] | null) ?? []) {
    const m = validateManifest(item, source);
    if (!m) continue;
    const what = /error validating data: (.*); if you choose/s.exec(m)?.[1] ?? m;
    for (const p of what.replace(/^\[(.*)\]$/s, '$1').split(', ')) if (!problems.includes(p)) problems.push(p);
  }
  if (problems.length === 0) return undefined;
  const what = problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`;
  return `error validating "${source}": error validating data: ${what}; if you choose to ignore these errors, turn validation off with --validate=false`;
}

/** resource.FlattenListVisitor: the items of a list, each typed and mapped on its own; its errors as one aggregate. */
function flatten(list: Record<string, JsonValue>, source: string, objects: SourcedObject[]): GoError | undefined {
  const listKind = typeof list.kind === 'string' ? list.kind : '';
  const errs: GoError[] = [];
  for (const raw of (list.items as JsonValue[] | null) ?? []) {
    const item = { ...(raw as Record<string, JsonValue>) };
    const kind = typeof item.kind === 'string' ? item.kind : '';
    const apiVersion = typeof item.apiVersion === 'string' ? item.apiVersion : '';
    // Items without kind and apiVersion take them from the list (`ServiceList` items are Services).
    if (!kind && !apiVersion) {
      item.kind = listKind.replace(/List$/, '');
      item.apiVersion = list.apiVersion ?? '';
    }
    const typeInfo = 'unable to get type info from the object "*unstructured.Unstructured": ';
    if (typeof item.kind !== 'string' || item.kind === '') {
      errs.push({ plain: `${typeInfo}Object 'Kind' is missing in 'object has no kind field '` });
      continue;
    }
    if (typeof item.apiVersion !== 'string' || item.apiVersion === '') {
      errs.push({ plain: `${typeInfo}Object 'apiVersion' is missing in 'object has no apiVersion field'` });
      continue;
    }
    if (!resourceForManifest(item.apiVersion, item.kind)) {
      errs.push({ plain: `unable to recognize no matches for kind "${item.kind}" in version "${item.apiVersion}"` });
      continue;
    }
    objects.push({ obj: item as unknown as KubeObject, source });
  }
  return aggregate(errs);
}

/**
 * Every object in the given files, in file and document order, lists
 * flattened, with the errors met. `validate` applies kubectl's client-side
 * check that kind and apiVersion are set. A missing path throws at once
 * (kubectl then reads nothing).
 */
export function readManifests(env: KubectlEnv, paths: string[], recursive: boolean, validate = true): ManifestRead {
  const objects: SourcedObject[] = [];
  const errs: GoError[] = [];
  for (const src of readSources(env, paths, recursive)) {
    if ('error' in src) {
      errs.push(src.error);
      continue;
    }
    const { text, source } = src;
    const { documents, error } = parseManifestStream(text, source);
    let stopped = false;
    for (const d of documents) {
      const v = d.value;
      const invalid = validate ? (isList(v) ? validateList(v, source) : validateManifest(v, source)) : undefined;
      if (invalid) {
        // A document that fails validation ends its file.
        errs.push({ plain: invalid });
        stopped = true;
        break;
      }
      const undecodable = decodeManifest(d, source);
      if (undecodable) {
        errs.push({ plain: undecodable });
        continue;
      }
      if (isList(v)) {
        const bad = ((v.items as JsonValue[] | null) ?? []).find((i) => !isObject(i));
        if (bad !== undefined) {
          const type = Array.isArray(bad) ? 'array' : typeof bad === 'number' ? 'number' : typeof bad === 'boolean' ? 'bool' : bad === null ? 'null' : 'string';
          errs.push({ plain: `unable to decode "${source}": json: cannot unmarshal ${type} into Go value of type map[string]interface {}` });
          continue;
        }
        const listErr = flatten(v, source, objects);
        if (listErr) errs.push(listErr);
        continue;
      }
      const obj = v as unknown as KubeObject;
      if (!resourceForManifest(obj.apiVersion, obj.kind)) {
        errs.push({
          plain: `resource mapping not found for name: "${obj.metadata?.name ?? ''}" namespace: "${obj.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion ?? ''}"\nensure CRDs are installed first`,
        });
        continue;
      }
      objects.push({ obj, source });
    }
    if (error && !stopped) errs.push({ plain: error.message });
  }
  return { objects, error: aggregate(errs) };
}

/** Objects named by files, for get/describe -f (a reading error is an error before anything happens). */
export function objectsFromFiles(env: KubectlEnv, paths: string[], recursive: boolean): KubeObject[] {
  const { objects, error } = readManifests(env, paths, recursive);
  if (error) throw new KubectlError(checkErrText(error));
  return objects.map((s) => s.obj);
}
