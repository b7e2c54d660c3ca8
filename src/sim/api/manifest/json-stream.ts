// The JSON side of kubectl's manifest reader: a file whose first non-space
// character is `{` is read as a stream of JSON values by Go's encoding/json
// Decoder. Syntax errors carry Go's texts and a byte offset (kubectl prints
// `json: offset N: …`); a value cut short is `unexpected EOF`.

import type { JsonValue } from './json-value';

export class JsonStreamError extends Error {}

export interface JsonStreamValue {
  /** The value's own text, as kubectl keeps it (it appears in some decode errors). */
  raw: string;
  value: JsonValue;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Go's quoteChar: how a byte appears in `invalid character … ` messages. */
function quoteChar(b: number): string {
  if (b === 0x27) return "'\\''";
  if (b === 0x22) return `'"'`;
  const c = String.fromCharCode(b);
  const simple: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\' };
  if (simple[c]) return `'${simple[c]}'`;
  if (b >= 0x20 && b < 0x7f) return `'${c}'`;
  // A byte above 0x7f is shown as the Latin-1 character of that number.
  if (b > 0xa0 && b !== 0xad) return `'${c}'`;
  return b < 0x80 ? `'\\x${b.toString(16).padStart(2, '0')}'` : `'\\u${b.toString(16).padStart(4, '0')}'`;
}

class Cursor {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}
  get eof(): boolean {
    return this.pos >= this.bytes.length;
  }
  at(): number {
    return this.bytes[this.pos];
  }
  fail(context: string): never {
    if (this.eof) throw new JsonStreamError('unexpected EOF');
    throw new JsonStreamError(`json: offset ${this.pos + 1}: invalid character ${quoteChar(this.at())} ${context}`);
  }
  skipSpace(): void {
    while (!this.eof && WS.has(this.at())) this.pos++;
  }
}

function isDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

function scanValue(k: Cursor): void {
  k.skipSpace();
  if (k.eof) k.fail('');
  const b = k.at();
  if (b === 0x7b) return scanObject(k);
  if (b === 0x5b) return scanArray(k);
  if (b === 0x22) return scanString(k);
  if (b === 0x2d || isDigit(b)) return scanNumber(k);
  if (b === 0x74) return scanLiteral(k, 'true');
  if (b === 0x66) return scanLiteral(k, 'false');
  if (b === 0x6e) return scanLiteral(k, 'null');
  k.fail('looking for beginning of value');
}

function scanObject(k: Cursor): void {
  k.pos++;
  k.skipSpace();
  if (!k.eof && k.at() === 0x7d) {
    k.pos++;
    return;
  }
  for (;;) {
    if (k.eof || k.at() !== 0x22) k.fail('looking for beginning of object key string');
    scanString(k);
    k.skipSpace();
    if (k.eof || k.at() !== 0x3a) k.fail('after object key');
    k.pos++;
    scanValue(k);
    k.skipSpace();
    if (!k.eof && k.at() === 0x7d) {
      k.pos++;
      return;
    }
    if (k.eof || k.at() !== 0x2c) k.fail('after object key:value pair');
    k.pos++;
    k.skipSpace();
  }
}

function scanArray(k: Cursor): void {
  k.pos++;
  k.skipSpace();
  if (!k.eof && k.at() === 0x5d) {
    k.pos++;
    return;
  }
  for (;;) {
    scanValue(k);
    k.skipSpace();
    if (!k.eof && k.at() === 0x5d) {
      k.pos++;
      return;
    }
    if (k.eof || k.at() !== 0x2c) k.fail('after array element');
    k.pos++;
  }
}

function scanString(k: Cursor): void {
  k.pos++;
  for (;;) {
    if (k.eof) k.fail('');
    const b = k.at();
    if (b === 0x22) {
      k.pos++;
      return;
    }
    if (b === 0x5c) {
      k.pos++;
      if (k.eof) k.fail('');
      const e = String.fromCharCode(k.at());
      if ('bfnrt\\/"'.includes(e)) {
        k.pos++;
      } else if (e === 'u') {
        k.pos++;
        for (let i = 0; i < 4; i++) {
          if (k.eof || !/[0-9a-fA-F]/.test(String.fromCharCode(k.at()))) k.fail('in \\u hexadecimal character escape');
          k.pos++;
        }
      } else {
        k.fail('in string escape code');
      }
      continue;
    }
    if (b < 0x20) k.fail('in string literal');
    k.pos++;
  }
}

function scanNumber(k: Cursor): void {
  if (k.at() === 0x2d) {
    k.pos++;
    if (k.eof || !isDigit(k.at())) k.fail('in numeric literal');
  }
  if (k.at() === 0x30) k.pos++;
  else while (!k.eof && isDigit(k.at())) k.pos++;
  if (!k.eof && k.at() === 0x2e) {
    k.pos++;
    if (k.eof || !isDigit(k.at())) k.fail('after decimal point in numeric literal');
    while (!k.eof && isDigit(k.at())) k.pos++;
  }
  if (!k.eof && (k.at() === 0x65 || k.at() === 0x45)) {
    k.pos++;
    if (!k.eof && (k.at() === 0x2b || k.at() === 0x2d)) k.pos++;
    if (k.eof || !isDigit(k.at())) k.fail('in exponent of numeric literal');
    while (!k.eof && isDigit(k.at())) k.pos++;
  }
}

function scanLiteral(k: Cursor, word: string): void {
  k.pos++;
  for (let i = 1; i < word.length; i++) {
    if (k.eof || k.at() !== word.charCodeAt(i)) k.fail(`in literal ${word} (expecting '${word[i]}')`);
    k.pos++;
  }
}

/**
 * The values of a JSON stream, in order, up to the first error: values read
 * before a syntax error are returned with it (kubectl has already acted on them).
 */
export function readJsonStream(text: string): { values: JsonStreamValue[]; error?: JsonStreamError } {
  const bytes = new TextEncoder().encode(text);
  const k = new Cursor(bytes);
  const values: JsonStreamValue[] = [];
  const decoder = new TextDecoder();
  try {
    for (;;) {
      k.skipSpace();
      if (k.eof) break;
      const start = k.pos;
      // A top-level value ends at the first byte that cannot continue it; that byte starts the next value.
      scanValue(k);
      const raw = decoder.decode(bytes.subarray(start, k.pos));
      values.push({ raw, value: JSON.parse(raw) as JsonValue });
    }
  } catch (e) {
    if (e instanceof JsonStreamError) return { values, error: e };
    throw e;
  }
  return { values };
}
