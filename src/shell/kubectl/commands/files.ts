// `-f FILE|DIR|-`: read manifests from the learner's files or stdin, in
// kubectl's order, with its errors for missing paths, bad YAML and missing
// kind/apiVersion.

import type { KubeObject } from '../../../sim/api/types';
import { parseManifests, ManifestError } from '../../../sim/api/manifest';
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

/**
 * Every object in the given files, in file and document order. `validate`
 * applies kubectl's client-side check that kind and apiVersion are set.
 */
export function readManifests(env: KubectlEnv, paths: string[], recursive: boolean, validate = true): SourcedObject[] {
  const out: SourcedObject[] = [];
  for (const { text, source } of readSources(env, paths, recursive)) {
    let docs: unknown[];
    try {
      docs = parseManifests(text, source);
    } catch (e) {
      if (e instanceof ManifestError) throw new KubectlError(e.message);
      throw e;
    }
    for (const d of docs) {
      const obj = d as KubeObject;
      if (validate) {
        const missing: string[] = [];
        if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
          throw new KubectlError(`error: error validating "${source}": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false`);
        }
        if (!obj.apiVersion) missing.push('apiVersion not set');
        if (!obj.kind) missing.push('kind not set');
        if (missing.length) {
          const what = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
          throw new KubectlError(`error: error validating "${source}": error validating data: ${what}; if you choose to ignore these errors, turn validation off with --validate=false`);
        }
      }
      out.push({ obj, source });
    }
  }
  return out;
}

/** Objects named by files, for get/describe/delete -f. */
export function objectsFromFiles(env: KubectlEnv, paths: string[], recursive: boolean): KubeObject[] {
  return readManifests(env, paths, recursive).map((s) => s.obj);
}
