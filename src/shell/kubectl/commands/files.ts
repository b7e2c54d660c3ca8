// `-f FILE|DIR|-`: read manifests from the learner's files or stdin, in
// kubectl's order, with its errors for missing paths, bad YAML and missing
// kind/apiVersion.

import type { KubeObject } from '../../../sim/api/types';
import { parseManifestStream, validateManifest, decodeManifest } from '../../../sim/api/manifest';
import type { KubectlEnv } from '../env';
import { KubectlError } from '../errors';


export interface SourcedObject {
  obj: KubeObject;
  /** The path as the learner typed it (kubectl quotes it in errors), or `STDIN`. */
  source: string;
}

const MANIFEST_EXT = /\.(ya?ml|json)$/;

function readSources(env: KubectlEnv, paths: string[], recursive: boolean): { text: string; source: string }[] {
  const out: { text: string; source: string }[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push({ text: env.io.stdin, source: 'STDIN' });
      continue;
    }
    if (/^https?:\/\//.test(p)) {
      const host = p.replace(/^https?:\/\//, '').split('/')[0];
      throw new KubectlError(`error: unable to read URL "${p}", server reported dial tcp: lookup ${host}: no such host`);
    }
    const abs = env.ctx.fs.resolve(p);
    const fs = env.ctx.fs;
    if (fs.isDir(abs)) {
      const walk = (dir: string, display: string) => {
        for (const name of fs.list(dir).sort()) {
          const full = `${dir.replace(/\/$/, '')}/${name}`;
          const shown = `${display.replace(/\/$/, '')}/${name}`;
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
    const text = fs.read(abs);
    if (text === undefined) throw new KubectlError(`error: the path "${p}" does not exist`);
    out.push({ text, source: p });
  }
  return out;
}

/** What reading the files gave: the objects read, and the error that stopped reading, if any. */
export interface ManifestRead {
  objects: SourcedObject[];
  /** kubectl acts on the objects before a broken document, then reports it. */
  error?: KubectlError;
}

/**
 * Every object in the given files, in file and document order, up to the first
 * problem. `validate` applies kubectl's client-side check that kind and
 * apiVersion are set.
 */
export function readManifests(env: KubectlEnv, paths: string[], recursive: boolean, validate = true): ManifestRead {
  const objects: SourcedObject[] = [];
  for (const { text, source } of readSources(env, paths, recursive)) {
    const { documents, error } = parseManifestStream(text, source);
    for (const d of documents) {
      const problem = validate ? validateManifest(d.value, source) : decodeManifest(d, source);
      if (problem) return { objects, error: new KubectlError(`error: ${problem}`) };
      objects.push({ obj: d.value as unknown as KubeObject, source });
    }
    if (error) return { objects, error: new KubectlError(`error: ${error.message}`) };
  }
  return { objects };
}

/** Objects named by files, for get/describe/delete -f (a bad file is an error before anything happens). */
export function objectsFromFiles(env: KubectlEnv, paths: string[], recursive: boolean): KubeObject[] {
  const { objects, error } = readManifests(env, paths, recursive);
  if (error) throw error;
  return objects.map((s) => s.obj);
}
