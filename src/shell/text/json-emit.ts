// `kubectl -o json`: Go's encoding/json, indented with four spaces, with Go's
// escaping (`<`, `>`, `&`, U+2028 and U+2029 as \u escapes, other control
// characters as \u00XX) and Go's key order: map keys sorted byte-wise, struct
// fields in declaration order. Objects kubectl reads from a server are maps
// (sorted); objects `kubectl create --dry-run=client` builds are Go structs.

import { compareUtf8 } from '../../sim/api/manifest/json-value';

import type { GoShape } from '../../sim/api/schema/go-field-order';

export type { GoShape };

/**
 * How object keys are ordered: `'sorted'` like a Go map (what kubectl prints
 * for objects from the server), `'insertion'` as the JavaScript object holds
 * them, or a GoShape (see src/sim/api/schema/go-field-order.ts).
 */
export type KeyOrder = 'sorted' | 'insertion' | GoShape;

/** Thrown for values Go cannot encode (NaN, Infinity): kubectl prints `error: ` and the message. */
export class JsonEmitError extends Error {}

/**
 * json.MarshalIndent(v, "", "    "), which is what `kubectl -o json` prints
 * before its final newline (the caller adds that newline).
 */
export function toJson(value: unknown, order: KeyOrder = 'sorted'): string {
  const out: string[] = [];
  encode(value, order, '\n', '    ', out);
  return out.join('');
}

/** json.Marshal: compact, Go's escaping and key order (how JSONPath prints a map or list result). */
export function toCompactJson(value: unknown, order: KeyOrder = 'sorted'): string {
  const out: string[] = [];
  encode(value, order, '', '', out);
  return out.join('');
}

/** A Go JSON string literal, with encoding/json's HTML-safe escaping. */
export function goJsonString(s: string): string {
  if (!JSON_SPECIAL.test(s)) return '"' + s + '"';
  let r = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x20) {
      esc = CONTROL_ESCAPES[c] ?? '\\u00' + c.toString(16).padStart(2, '0');
    } else if (c === 0x22) esc = '\\"';
    else if (c === 0x5c) esc = '\\\\';
    else if (c === 0x3c) esc = '\\u003c';
    else if (c === 0x3e) esc = '\\u003e';
    else if (c === 0x26) esc = '\\u0026';
    else if (c === 0x2028) esc = '\\u2028';
    else if (c === 0x2029) esc = '\\u2029';
    else if (c >= 0xd800 && c <= 0xdfff) {
      const pair = c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) {
        i++;
        continue;
      }
      // A lone surrogate is not valid UTF-8; Go writes the replacement character.
      esc = '\\ufffd';
    }
    if (esc === undefined) continue;
    r += s.slice(start, i) + esc;
    start = i + 1;
  }
  return r + s.slice(start) + '"';
}

/** Characters goJsonString has to look at; most strings have none. */
const JSON_SPECIAL = /[\u0000-\u001f"\\<>&\u2028\u2029\ud800-\udfff]/;

/** Keys whose UTF-16 order may differ from Go's UTF-8 order. */
const ASTRAL = /[\ud800-\udfff]/;

function sortGo(keys: string[]): string[] {
  return keys.some((k) => ASTRAL.test(k)) ? keys.sort(compareUtf8) : keys.sort();
}

const CONTROL_ESCAPES: Record<number, string> = { 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0c: '\\f', 0x0d: '\\r' };

/** Go's float64 encoding: like JavaScript's, except that NaN and infinities are errors. */
export function goJsonNumber(n: number): string {
  if (!Number.isFinite(n)) throw new JsonEmitError(`json: unsupported value: ${Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf'}`);
  return Object.is(n, -0) ? '0' : String(n);
}

function keysInOrder(o: Record<string, unknown>, order: KeyOrder): string[] {
  const present = Object.keys(o).filter((k) => o[k] !== undefined);
  if (order === 'insertion') return present;
  if (order === 'sorted' || !('struct' in order)) return sortGo(present);
  // Declared fields first, in declaration order; anything undeclared after them, sorted.
  const declared = order.struct.map(([k]) => k).filter((k) => o[k] !== undefined);
  const known = new Set(declared);
  return [...declared, ...present.filter((k) => !known.has(k)).sort(compareUtf8)];
}

function fieldOrder(parent: KeyOrder, key: string): KeyOrder {
  if (typeof parent === 'string') return parent;
  if ('struct' in parent) return parent.struct.find(([k]) => k === key)?.[1] ?? 'sorted';
  if ('map' in parent) return parent.map ?? 'sorted';
  return 'sorted';
}

function itemOrder(parent: KeyOrder): KeyOrder {
  if (typeof parent === 'string') return parent;
  return 'list' in parent ? (parent.list ?? 'sorted') : 'sorted';
}

function encode(v: unknown, order: KeyOrder, newline: string, indent: string, out: string[]): void {
  if (v === null || v === undefined) {
    out.push('null');
  } else if (typeof v === 'boolean') {
    out.push(v ? 'true' : 'false');
  } else if (typeof v === 'number') {
    out.push(goJsonNumber(v));
  } else if (typeof v === 'bigint') {
    out.push(v.toString());
  } else if (typeof v === 'string') {
    out.push(goJsonString(v));
  } else if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push('[]');
      return;
    }
    const inner = newline + indent;
    out.push('[');
    v.forEach((item, i) => {
      out.push(i === 0 ? inner : ',' + inner);
      encode(item, itemOrder(order), inner, indent, out);
    });
    out.push(newline, ']');
  } else if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = keysInOrder(o, order);
    if (keys.length === 0) {
      out.push('{}');
      return;
    }
    const inner = newline + indent;
    const colon = indent ? ': ' : ':';
    out.push('{');
    keys.forEach((k, i) => {
      out.push(i === 0 ? inner : ',' + inner, goJsonString(k), colon);
      encode(o[k], fieldOrder(order, k), inner, indent, out);
    });
    out.push(newline, '}');
  } else {
    out.push(goJsonString(String(v)));
  }
}
