// wc [-lwcmL] [FILE]...: GNU's column widths: wide enough for the total size
// of the regular files read, at least 7 when a pipe is among the inputs, and
// unpadded for a single count of a single input.

import type { Command } from '../types';
import type { ShellIO } from '../interp/context';
import { getopt } from './lib/getopt';
import { readOperand, strerror, usageError } from './lib/util';

type Count = 'l' | 'w' | 'm' | 'c' | 'L';
const ORDER: Count[] = ['l', 'w', 'm', 'c', 'L'];

export const wc: Command = (argv, io, ctx) => {
  const parsed = getopt('wc', argv.slice(1), {
    short: { l: 'none', w: 'none', c: 'none', m: 'none', L: 'none' },
    long: {
      lines: { arg: 'none', key: 'l' }, words: { arg: 'none', key: 'w' }, bytes: { arg: 'none', key: 'c' },
      chars: { arg: 'none', key: 'm' }, 'max-line-length': { arg: 'none', key: 'L' },
    },
  });
  if (!parsed.ok) return usageError(io, 'wc', parsed.error);
  let selected = new Set(parsed.options.map((o) => o.key as Count));
  if (selected.size === 0) selected = new Set(['l', 'w', 'c']);
  const counts = ORDER.filter((c) => selected.has(c));
  const files = parsed.operands.length ? parsed.operands : ['-'];
  const named = parsed.operands.length > 0;
  const rows: { values: Record<Count, number>; name: string }[] = [];
  const errors: (string | null)[] = [];
  let regularTotal = 0;
  let minWidth = 1;
  let status = 0;
  files.forEach((f) => {
    const r = readOperand(ctx, io, f);
    if ('error' in r) {
      errors.push(`wc: ${f}: ${strerror(r.error)}\n`);
      rows.push({ values: { l: 0, w: 0, m: 0, c: 0, L: 0 }, name: '\0failed' });
      status = 1;
      return;
    }
    errors.push(null);
    const values = measure(r.text);
    const regular = f === '-' ? (io as ShellIO).stdinIsFile === true : true;
    if (regular) regularTotal += values.c;
    else minWidth = 7;
    rows.push({ values, name: named ? f : '' });
  });
  let width = 1;
  for (let t = regularTotal; t >= 10; t = Math.floor(t / 10)) width++;
  width = Math.max(width, minWidth);
  if (counts.length === 1 && files.length === 1) width = 1;
  const line = (values: Record<Count, number>, name: string): string =>
    counts.map((c) => String(values[c]).padStart(width)).join(' ') + (name ? ' ' + name : '') + '\n';
  let out = '';
  rows.forEach((row, i) => {
    if (errors[i]) {
      io.stdout(out);
      out = '';
      io.stderr(errors[i]!);
      return;
    }
    out += line(row.values, row.name);
  });
  if (files.length > 1) {
    const total: Record<Count, number> = { l: 0, w: 0, m: 0, c: 0, L: 0 };
    for (const r of rows) {
      for (const c of ORDER) total[c] = c === 'L' ? Math.max(total[c], r.values[c]) : total[c] + r.values[c];
    }
    out += line(total, 'total');
  }
  io.stdout(out);
  return status;
};

function measure(text: string): Record<Count, number> {
  let lines = 0;
  let maxLen = 0;
  let cur = 0;
  for (const ch of text) {
    if (ch === '\n') {
      lines++;
      maxLen = Math.max(maxLen, cur);
      cur = 0;
    } else if (ch === '\t') cur += 8 - (cur % 8);
    else cur++;
  }
  maxLen = Math.max(maxLen, cur);
  const words = text.split(/[ \t\n\r\f\v]+/).filter((w) => w !== '').length;
  return { l: lines, w: words, m: [...text].length, c: new TextEncoder().encode(text).length, L: maxLen };
}
