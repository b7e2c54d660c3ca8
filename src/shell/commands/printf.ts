// printf, as bash's builtin: the format is reused until the arguments run out.

import type { Command } from '../types';
import { shellOf } from '../interp/context';
import { formatValue, parseFormat } from './lib/cformat';
import { unescape } from './lib/escapes';

export const printf: Command = (argv, io, ctx) => {
  const shell = shellOf(ctx)?.flavour ?? 'bash';
  let args = argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    io.stderr('printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const pieces = parseFormat(args[0]);
  const values = args.slice(1);
  let used = 0;
  let status = 0;
  const next = (): string | undefined => (used < values.length ? values[used++] : undefined);
  const number = (s: string | undefined, integer: boolean): number => {
    if (s === undefined || s === '') return 0;
    if (/^['"]/.test(s)) return s.length > 1 ? s.codePointAt(1)! : 0;
    const t = s.trim();
    const n = integer ? parseInteger(t) : Number(t);
    if (n === undefined || Number.isNaN(n)) {
      io.stderr(`${shell}: printf: ${s}: invalid number\n`);
      status = 1;
      const prefix = /^[-+]?[0-9]+/.exec(t);
      return prefix ? Number(prefix[0]) : 0;
    }
    return n;
  };
  let out = '';
  do {
    for (const p of pieces) {
      if ('text' in p) {
        const u = unescape(p.text, false);
        out += u.text;
        if (u.stop) {
          io.stdout(out);
          return status;
        }
        continue;
      }
      const d = p.directive;
      const width = d.width === '*' ? number(next(), true) : d.width;
      const precision = d.precision === '*' ? number(next(), true) : d.precision;
      const arg = next();
      if (d.conv === 'b') {
        const u = unescape(arg ?? '', true);
        out += formatValue({ ...d, conv: 's' }, width, precision, u.text, 0);
        if (u.stop) {
          io.stdout(out);
          return status;
        }
      } else if (d.conv === 'q') {
        out += formatValue({ ...d, conv: 's' }, width, precision, shellQuote(arg ?? ''), 0);
      } else if (d.conv === 's' || d.conv === 'c') {
        out += formatValue(d, width, precision, arg ?? '', 0);
      } else {
        out += formatValue(d, width, precision, '', number(arg, /[diouxX]/.test(d.conv)));
      }
    }
  } while (used > 0 && used < values.length);
  io.stdout(out);
  return status;
};

function parseInteger(s: string): number | undefined {
  const hex = /^([-+]?)0[xX]([0-9a-fA-F]+)$/.exec(s);
  if (hex) return (hex[1] === '-' ? -1 : 1) * parseInt(hex[2], 16);
  const octal = /^([-+]?)0([0-7]+)$/.exec(s);
  if (octal) return (octal[1] === '-' ? -1 : 1) * parseInt(octal[2], 8);
  if (/^[-+]?[0-9]+$/.test(s)) return Number(s);
  return undefined;
}

function shellQuote(s: string): string {
  if (s === '') return "''";
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(s)) return s;
  return s.replace(/[^A-Za-z0-9_./:=@%+,-]/g, '\\$&');
}
