// cut -b|-c|-f LIST [-d DELIM] [-s] [--complement] [--output-delimiter=S] [FILE]...

import type { Command } from '../types';
import { getopt } from './lib/getopt';
import { quote, readOperand, splitLines, strerror, usageError } from './lib/util';

interface Range {
  lo: number;
  hi: number;
}

export const cut: Command = (argv, io, ctx) => {
  const parsed = getopt('cut', argv.slice(1), {
    short: { b: 'required', c: 'required', f: 'required', d: 'required', s: 'none', n: 'none', z: 'none' },
    long: {
      bytes: { arg: 'required', key: 'b' }, characters: { arg: 'required', key: 'c' }, fields: { arg: 'required', key: 'f' },
      delimiter: { arg: 'required', key: 'd' }, 'only-delimited': { arg: 'none', key: 's' },
      complement: { arg: 'none' }, 'output-delimiter': { arg: 'required' },
    },
  });
  if (!parsed.ok) return usageError(io, 'cut', parsed.error);
  let mode: 'b' | 'c' | 'f' | undefined;
  let list = '';
  let delim: string | undefined;
  let onlyDelimited = false;
  let complement = false;
  let outDelim: string | undefined;
  for (const o of parsed.options) {
    if (o.key === 'b' || o.key === 'c' || o.key === 'f') {
      if (mode !== undefined) return usageError(io, 'cut', 'cut: only one list may be specified');
      mode = o.key;
      list = o.value!;
    } else if (o.key === 'd') delim = o.value!;
    else if (o.key === 's') onlyDelimited = true;
    else if (o.key === 'complement') complement = true;
    else if (o.key === 'output-delimiter') outDelim = o.value!;
  }
  if (mode === undefined) return usageError(io, 'cut', 'cut: you must specify a list of bytes, characters, or fields');
  if (delim !== undefined && mode !== 'f') {
    return usageError(io, 'cut', 'cut: an input delimiter may be specified only when operating on fields');
  }
  if (onlyDelimited && mode !== 'f') {
    return usageError(io, 'cut', 'cut: suppressing non-delimited lines makes sense\n\tonly when operating on fields');
  }
  if (delim !== undefined && [...delim].length !== 1) {
    return usageError(io, 'cut', 'cut: the delimiter must be a single character');
  }
  const ranges = parseList(list, mode === 'f' ? 'field' : 'byte/character');
  if (typeof ranges === 'string') {
    const m = /^invalid (field value|byte\/character position) (.*)$/.exec(ranges);
    return usageError(io, 'cut', m ? `cut: invalid ${m[1]} ${quote(ctx, m[2])}` : `cut: ${ranges}`);
  }
  const selected = (n: number): boolean => ranges.some((r) => n >= r.lo && n <= r.hi) !== complement;
  const d = delim ?? '\t';
  let status = 0;
  let out = '';
  for (const f of parsed.operands.length ? parsed.operands : ['-']) {
    const r = readOperand(ctx, io, f);
    if ('error' in r) {
      io.stderr(`cut: ${f}: ${strerror(r.error)}\n`);
      status = 1;
      continue;
    }
    for (const line of splitLines(r.text).lines) {
      if (mode === 'f') {
        if (!line.includes(d)) {
          if (!onlyDelimited) out += line + '\n';
          continue;
        }
        const fields = line.split(d);
        out += fields.filter((_, i) => selected(i + 1)).join(outDelim ?? d) + '\n';
      } else {
        const chars = [...line];
        if (outDelim === undefined) out += chars.filter((_, i) => selected(i + 1)).join('') + '\n';
        else {
          let s = '';
          let prev = -2;
          chars.forEach((c, i) => {
            if (!selected(i + 1)) return;
            if (prev >= 0 && i !== prev + 1) s += outDelim;
            s += c;
            prev = i;
          });
          out += s + '\n';
        }
      }
    }
  }
  io.stdout(out);
  return status;
};

/** `1,3-5,7-`: ranges, or an error text. */
function parseList(list: string, what: 'field' | 'byte/character'): Range[] | string {
  const out: Range[] = [];
  for (const part of list.split(/[, ]/)) {
    if (part === '-') return 'invalid range with no endpoint: -';
    const m = /^([0-9]*)(-?)([0-9]*)$/.exec(part);
    if (!m || part === '') return what === 'field' ? `invalid field value ${part}` : `invalid byte/character position ${part}`;
    const lo = m[1] === '' ? 1 : Number(m[1]);
    const hi = m[2] === '' ? lo : m[3] === '' ? Infinity : Number(m[3]);
    if ((m[1] !== '' && lo === 0) || (m[3] !== '' && Number(m[3]) === 0 && m[2] !== '')) {
      return what === 'field' ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1';
    }
    if (hi < lo) return 'invalid decreasing range';
    out.push({ lo, hi });
  }
  return out;
}
