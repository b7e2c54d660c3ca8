// Manifest text to JSON objects, as `kubectl apply|create -f` reads it, with
// kubectl v1.32's messages. A stream that starts with `{` is JSON; anything
// else is YAML, split on `---` lines and parsed document by document with
// go-yaml v2 semantics (YAML 1.1 booleans, octal, merge keys...).

import type { JsonValue } from './json-value';
import { isJsonObject } from './json-value';
import { splitYamlDocuments } from './split';
import { readJsonStream } from './json-stream';
import { parseFirstDocument, YamlComposeError } from './go-yaml/parser';
import { YamlSyntaxError } from './go-yaml/scanner';
import { yamlNodeToJson, YamlToJsonError } from './go-yaml/to-json';
import { toCompactJson } from '../../../shell/text/json-emit';

export interface ManifestDocument {
  /** The document as JSON: what kubectl sends to the server. */
  value: JsonValue;
  /**
   * The JSON text kubectl holds for the document (go-yaml's output for YAML,
   * the document's own text for JSON); it is quoted in some decode errors.
   */
  raw: string;
}

/**
 * The stream could not be read past some point. `message` is kubectl's error
 * without the `error: ` prefix, e.g. `error parsing vote.yaml: error converting
 * YAML to JSON: yaml: line 3: mapping values are not allowed in this context`.
 * `documents` holds what was read before the failure: kubectl has already
 * validated and sent those when it reaches the error.
 */
export class ManifestError extends Error {
  constructor(
    message: string,
    readonly documents: JsonValue[] = [],
  ) {
    super(message);
  }
}

/**
 * Every non-empty document of a manifest file, in order. Empty documents and
 * comment-only documents are skipped (a file of nothing else gives []; kubectl
 * then says `no objects passed to apply|create`). `source` is the path as the
 * learner typed it. Throws ManifestError (see parseManifestStream for the
 * documents before the error).
 */
export function parseManifests(text: string, source: string): JsonValue[] {
  const { documents, error } = parseManifestStream(text, source);
  if (error) throw error;
  return documents.map((d) => d.value);
}

/** parseManifests, keeping each document's raw JSON and returning the error instead of throwing it. */
export function parseManifestStream(text: string, source: string): { documents: ManifestDocument[]; error?: ManifestError } {
  const documents: ManifestDocument[] = [];
  const fail = (problem: string) => ({ documents, error: new ManifestError(`error parsing ${source}: ${problem}`, documents.map((d) => d.value)) });

  if (looksLikeJson(text)) {
    const { values, error } = readJsonStream(text);
    for (const v of values) if (v.value !== null) documents.push(v);
    return error ? fail(error.message) : { documents };
  }

  for (const chunk of splitYamlDocuments(text)) {
    if ('badSeparator' in chunk) return fail(`invalid Yaml document separator: ${chunk.badSeparator}`);
    let value: JsonValue;
    try {
      value = yamlToJson(chunk.text);
    } catch (e) {
      if (e instanceof YamlSyntaxError || e instanceof YamlComposeError) return fail(`error converting YAML to JSON: yaml: ${goYamlProblem(e)}`);
      if (e instanceof YamlToJsonError) return fail(`error converting YAML to JSON: ${e.message}`);
      throw e;
    }
    if (value === null) continue;
    documents.push(yamlDocument(value));
  }
  return { documents };
}

/** A YAML document: its raw JSON (go-yaml's json.Marshal output) is only worked out if asked for. */
function yamlDocument(value: JsonValue): ManifestDocument {
  let raw: string | undefined;
  return {
    value,
    get raw() {
      raw ??= toCompactJson(value, 'sorted');
      return raw;
    },
  };
}

/** Go's decoder picks JSON when the first non-space character is `{`. */
function looksLikeJson(text: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*\{/.test(text);
}

/** go-yaml's reader accepts only these characters (YAML's printable set plus tab and line breaks). */
const READER_REJECTS = /[^\t\n\r\u0020-\u007e\u0085\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

function yamlToJson(text: string): JsonValue {
  if (READER_REJECTS.test(text)) throw new YamlComposeError('control characters are not allowed');
  const node = parseFirstDocument(text);
  return node === undefined ? null : yamlNodeToJson(node);
}

/**
 * go-yaml's wording of a failure: `line N: problem`. Scanner errors count lines
 * from 1, parser errors from 0 (their line is the one before the offending
 * token); a failure on the first line falls back to the context's line, and
 * without any line there is no prefix.
 */
function goYamlProblem(e: YamlSyntaxError | YamlComposeError): string {
  if (e instanceof YamlComposeError) return e.message;
  let line = 0;
  if (e.problemMark && e.problemMark.line !== 0) {
    line = e.problemMark.line + (e.stage === 'scanner' ? 1 : 0);
  } else if (e.contextMark && e.contextMark.line !== 0) {
    line = e.contextMark.line;
  }
  return line !== 0 ? `line ${line}: ${e.problem}` : e.problem;
}

// ---------------------------------------------------------------- after parsing

const VALIDATE_HINT = 'if you choose to ignore these errors, turn validation off with --validate=false';

/**
 * kubectl's client-side check of one document (on by default; `--validate=false`
 * skips it): apiVersion and kind must be set and be strings. Returns kubectl's
 * message without the `error: ` prefix, or undefined when the check passes.
 */
export function validateManifest(doc: JsonValue, source: string): string | undefined {
  const problems: string[] = [];
  if (!isJsonObject(doc)) {
    problems.push('invalid object to validate');
  } else {
    for (const field of ['apiVersion', 'kind'] as const) {
      const v = doc[field];
      if (v === undefined || v === null) problems.push(`${field} not set`);
      else if (typeof v !== 'string') problems.push(`${field} isn't string type`);
    }
  }
  if (problems.length === 0) return undefined;
  const what = problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`;
  return `error validating "${source}": error validating data: ${what}; ${VALIDATE_HINT}`;
}

/**
 * The decode step every document goes through (after validateManifest when
 * validation is on): it needs an object with a non-empty string kind. Returns
 * kubectl's message without `error: `, e.g. `unable to decode "x.yaml": Object
 * 'Kind' is missing in '{"metadata":{"name":"x"}}'`, or undefined.
 */
export function decodeManifest(doc: ManifestDocument, source: string): string | undefined {
  const v = doc.value;
  if (!isJsonObject(v)) {
    const type = Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : 'string';
    return `unable to decode "${source}": json: cannot unmarshal ${type} into Go value of type unstructured.detector`;
  }
  if (typeof v.kind !== 'string' || v.kind === '') return `unable to decode "${source}": Object 'Kind' is missing in '${doc.raw}'`;
  return undefined;
}

/** What kubectl says when the files held no objects at all. */
export function noObjectsMessage(verb: 'apply' | 'create'): string {
  return `no objects passed to ${verb}`;
}

/**
 * sigs.k8s.io/yaml's ToJSON on one document (what `kubectl patch -p` does with
 * its patch): the JSON value, or go-yaml's error text (`yaml: line 2: ...`).
 */
export function yamlTextToJson(text: string): { value: JsonValue } | { error: string } {
  try {
    return { value: yamlToJson(text) };
  } catch (e) {
    if (e instanceof YamlSyntaxError || e instanceof YamlComposeError) return { error: `yaml: ${goYamlProblem(e)}` };
    if (e instanceof YamlToJsonError) return { error: e.message };
    throw e;
  }
}
