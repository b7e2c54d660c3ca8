// The apiserver's decoding of a request body into its Go type, with strict
// field validation (what kubectl asks for by default): a value of the wrong
// JSON type is a BadRequest naming the Go struct field
// (`json: cannot unmarshal string into Go struct field Service.spec of type
// v1.ServiceSpec`), and unknown fields are listed together
// (`strict decoding error: unknown field "spec.prots", unknown field "spec.selectr"`).
//
// Go's decoder walks the JSON text in order. kubectl sends objects with sorted
// keys, so this walks keys in sorted order. It keeps the first type error and
// carries on; errors raised inside custom decoders (quantities, times,
// int-or-string) stop it at once. A type error wins over unknown fields.

import { StatusError } from '../errors';
import { compareUtf8 } from '../manifest/json-value';
import { goTypeName, type TypeSpec } from './model';
import { simulatedKind } from './simulated-kinds';

class HardError extends Error {}

interface Context {
  /** The innermost Go struct being decoded, e.g. `ServiceSpec`. */
  struct: string;
  /** JSON field names from the root, as Go's type errors print them (`spec.ports.port`). */
  fields: string[];
  /** The path strict errors print, with list indices (`spec.ports[0].prot`). */
  strictPath: string;
}

class Walk {
  typeError: string | undefined;
  readonly unknown: string[] = [];

  value(v: unknown, t: TypeSpec, ctx: Context): void {
    if (v === null || v === undefined) return;
    switch (t.kind) {
      case 'string':
        if (typeof v !== 'string') this.mismatch(v, goTypeName(t), ctx);
        return;
      case 'boolean':
        if (typeof v !== 'boolean') this.mismatch(v, 'bool', ctx);
        return;
      case 'integer':
        this.integer(v, t.go, ctx, false);
        return;
      case 'intOrString':
        if (typeof v !== 'string') this.integer(v, 'int32', ctx, true);
        return;
      case 'quantity':
        checkQuantity(v);
        return;
      case 'time':
        checkTime(v, ctx);
        return;
      case 'opaque':
        if (!isObject(v)) this.mismatch(v, goTypeName(t), ctx);
        return;
      case 'map':
        if (!isObject(v)) return this.mismatch(v, goTypeName(t), ctx);
        for (const k of Object.keys(v).sort(compareUtf8)) this.value(v[k], t.value, { ...ctx, strictPath: join(ctx.strictPath, k) });
        return;
      case 'list':
        if (!Array.isArray(v)) return this.mismatch(v, goTypeName(t), ctx);
        v.forEach((item, i) => this.value(item, t.item, { ...ctx, strictPath: `${ctx.strictPath}[${i}]` }));
        return;
      case 'struct': {
        if (!isObject(v)) return this.mismatch(v, goTypeName(t), ctx);
        const struct = t.go.replace(/^[a-z0-9]+\./, '');
        for (const k of Object.keys(v).sort(compareUtf8)) {
          const f = t.fields[k];
          const strictPath = join(ctx.strictPath, k);
          if (!f) {
            this.unknown.push(`unknown field "${strictPath}"`);
            continue;
          }
          this.value(v[k], f.type, { struct, fields: [...ctx.fields, k], strictPath });
        }
        return;
      }
    }
  }

  private integer(v: unknown, go: 'int32' | 'int64', ctx: Context, hard: boolean): void {
    if (typeof v !== 'number') return this.mismatch(v, go, ctx, hard);
    const limit = go === 'int32' ? 2 ** 31 : 2 ** 63;
    if (!Number.isInteger(v) || v < -limit || v >= limit) this.mismatch(v, go, ctx, hard, `number ${String(v)}`);
  }

  /** Go's UnmarshalTypeError: the first one is kept, unless it comes from a custom decoder, which stops at once. */
  private mismatch(v: unknown, goType: string, ctx: Context, hard = false, what = jsonKind(v)): void {
    const where = ctx.fields.length ? `Go struct field ${ctx.struct}.${ctx.fields.join('.')}` : 'Go value';
    const text = `json: cannot unmarshal ${what} into ${where} of type ${goType}`;
    if (hard) throw new HardError(text);
    this.typeError ??= text;
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

/** resource.Quantity's parser, as far as its error texts go. */
function checkQuantity(v: unknown): void {
  const text = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
  const m = QUANTITY.exec(text);
  if (!m) throw new HardError("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  if (!SUFFIXES.has(m[2]) && !/^[eE][-+]?[0-9]+$/.test(m[2])) throw new HardError("unable to parse quantity's suffix");
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(m[1])) throw new HardError("unable to parse quantity's numeric value");
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** metav1.Time: null or an RFC 3339 string. */
function checkTime(v: unknown, ctx: Context): void {
  if (typeof v !== 'string') {
    throw new HardError(`json: cannot unmarshal ${jsonKind(v)} into Go struct field ${ctx.struct}.${ctx.fields.join('.')} of type string`);
  }
  if (!RFC3339.test(v)) {
    throw new HardError(`parsing time ${JSON.stringify(v)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(v)} as "2006"`);
  }
}

/**
 * Decode `obj` as the apiserver would for `kind` with strict field validation.
 * Returns the BadRequest it would answer, or undefined when the object decodes.
 * Kinds the playground does not simulate are not checked.
 */
export function decodeStrict(obj: unknown, kind: string): StatusError | undefined {
  const k = simulatedKind(kind);
  if (!k) return undefined;
  const version = k.apiVersion.split('/').pop() ?? k.apiVersion;
  const prefix = `${kind} in version "${version}" cannot be handled as a ${kind}: `;
  const walk = new Walk();
  try {
    walk.value(obj, k.type, { struct: kind, fields: [], strictPath: '' });
  } catch (e) {
    if (e instanceof HardError) return new StatusError('BadRequest', prefix + e.message);
    throw e;
  }
  if (walk.typeError) return new StatusError('BadRequest', prefix + walk.typeError);
  if (walk.unknown.length) return new StatusError('BadRequest', `${prefix}strict decoding error: ${walk.unknown.join(', ')}`);
  return undefined;
}
