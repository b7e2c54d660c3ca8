// uniq [-cdui] [-f N] [-s N] [-w N] [INPUT [OUTPUT]]: adjacent duplicates, `-c` as `%7d `.

import type { Command } from '../types';
import { getopt } from './lib/getopt';
import { errorCode, quote, readOperand, splitLines, strerror, usageError } from './lib/util';

export const uniq: Command = (argv, io, ctx) => {
  const parsed = getopt('uniq', argv.slice(1), {
    short: { c: 'none', d: 'none', u: 'none', i: 'none', D: 'none', f: 'required', s: 'required', w: 'required', z: 'none' },
    long: {
      count: { arg: 'none', key: 'c' }, repeated: { arg: 'none', key: 'd' }, unique: { arg: 'none', key: 'u' },
      'ignore-case': { arg: 'none', key: 'i' }, 'skip-fields': { arg: 'required', key: 'f' },
      'skip-chars': { arg: 'required', key: 's' }, 'check-chars': { arg: 'required', key: 'w' },
    },
  });
  if (!parsed.ok) return usageError(io, 'uniq', parsed.error);
  const o = new Map(parsed.options.map((x) => [x.key, x.value ?? '']));
  if (parsed.operands.length > 2) return usageError(io, 'uniq', `uniq: extra operand ${quote(ctx, parsed.operands[2])}`);
  const skipFields = Number(o.get('f') ?? 0);
  const skipChars = Number(o.get('s') ?? 0);
  const checkChars = o.has('w') ? Number(o.get('w')) : Infinity;
  const input = parsed.operands[0] ?? '-';
  const r = readOperand(ctx, io, input);
  if ('error' in r) {
    io.stderr(`uniq: ${input}: ${strerror(r.error)}\n`);
    return 1;
  }
  const keyOf = (line: string): string => {
    let s = line;
    for (let f = 0; f < skipFields; f++) s = s.replace(/^[ \t]*[^ \t]*/, '');
    s = s.slice(skipChars);
    if (checkChars !== Infinity) s = s.slice(0, checkChars);
    return o.has('i') ? s.toLowerCase() : s;
  };
  const { lines } = splitLines(r.text);
  let out = '';
  const emit = (line: string, count: number, group: string[]): void => {
    if (o.has('D')) {
      if (count > 1) for (const g of group) out += g + '\n';
      return;
    }
    if (o.has('d') && count < 2) return;
    if (o.has('u') && count > 1) return;
    out += (o.has('c') ? `${String(count).padStart(7)} ` : '') + line + '\n';
  };
  let i = 0;
  while (i < lines.length) {
    let j = i + 1;
    const k = keyOf(lines[i]);
    while (j < lines.length && keyOf(lines[j]) === k) j++;
    emit(lines[i], j - i, lines.slice(i, j));
    i = j;
  }
  const output = parsed.operands[1];
  if (output !== undefined) {
    try {
      ctx.fs.write(output, out);
    } catch (e) {
      io.stderr(`uniq: ${output}: ${strerror(errorCode(e))}\n`);
      return 1;
    }
    return 0;
  }
  io.stdout(out);
  return 0;
};
