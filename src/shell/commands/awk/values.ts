// awk values: numbers, strings, "strnums" (input that looks numeric compares
// as a number) and the uninitialized value; conversions as mawk does them.

import { formatValue, parseFormat } from '../lib/cformat';

export type Val =
  | { t: 'num'; n: number }
  | { t: 'str'; s: string }
  | { t: 'strnum'; s: string }
  | { t: 'uninit' };

export const UNINIT: Val = { t: 'uninit' };

export function num(n: number): Val {
  return { t: 'num', n };
}

export function str(s: string): Val {
  return { t: 'str', s };
}

/** A value from input (fields, getline, split, -v): numeric if it looks like a number. */
export function strnum(s: string): Val {
  return { t: 'strnum', s };
}

const NUMERIC = /^[ \t\n\r\f\v]*[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?[ \t\n\r\f\v]*$/;

export function looksNumeric(v: Val): boolean {
  switch (v.t) {
    case 'num':
    case 'uninit':
      return true;
    case 'strnum':
      return NUMERIC.test(v.s);
    case 'str':
      return false;
  }
}

/** strtod: the longest numeric prefix (mawk accepts hex and inf/nan as C's strtod does). */
export function strToNum(s: string): number {
  const m = /^[ \t\n\r\f\v]*([-+]?)(0[xX][0-9a-fA-F]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|inf(?:inity)?|nan)/i.exec(s);
  if (!m) return 0;
  const sign = m[1] === '-' ? -1 : 1;
  const body = m[2].toLowerCase();
  if (body.startsWith('0x')) return sign * parseInt(body.slice(2), 16);
  if (body.startsWith('inf')) return sign * Infinity;
  if (body === 'nan') return NaN;
  return sign * Number(body);
}

export function toNum(v: Val): number {
  switch (v.t) {
    case 'num':
      return v.n;
    case 'uninit':
      return 0;
    default:
      return strToNum(v.s);
  }
}

/** Number to string: integers within a C int print as such, others through the format (CONVFMT/OFMT). */
export function numToStr(n: number, fmt: string): string {
  if (Number.isNaN(n)) return '-nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (Number.isInteger(n) && n >= -2147483647 && n <= 2147483647) return String(n === 0 ? 0 : n);
  return sprintf(fmt, [num(n)], fmt).text;
}

export function toStr(v: Val, convfmt: string): string {
  switch (v.t) {
    case 'num':
      return numToStr(v.n, convfmt);
    case 'uninit':
      return '';
    default:
      return v.s;
  }
}

export function truthy(v: Val): boolean {
  switch (v.t) {
    case 'num':
      return v.n !== 0;
    case 'uninit':
      return false;
    case 'str':
      return v.s !== '';
    case 'strnum':
      return NUMERIC.test(v.s) ? strToNum(v.s) !== 0 : v.s !== '';
  }
}

/** <0, 0, >0: numerically when both look numeric, else as strings (C locale). */
export function compare(a: Val, b: Val, convfmt: string): number {
  if (looksNumeric(a) && looksNumeric(b)) {
    const x = toNum(a);
    const y = toNum(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = toStr(a, convfmt);
  const y = toStr(b, convfmt);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * awk's sprintf; `missing` is set when the format wants more arguments than
 * given, and `text` then stops where they ran out (mawk prints that much).
 */
export function sprintf(format: string, args: Val[], convfmt: string): { text: string; missing: boolean } {
  let out = '';
  let ai = 0;
  let missing = false;
  const take = (): Val => {
    if (ai < args.length) return args[ai++];
    missing = true;
    return UNINIT;
  };
  for (const p of parseFormat(format)) {
    if ('text' in p) {
      out += p.text;
      continue;
    }
    const d = p.directive;
    const width = d.width === '*' ? Math.trunc(toNum(take())) : d.width;
    const precision = d.precision === '*' ? Math.trunc(toNum(take())) : d.precision;
    const v = take();
    if (missing) break;
    if (d.conv === 'c') {
      const s = v.t === 'num' ? String.fromCharCode(Math.trunc(v.n) & 0xff) : toStr(v, convfmt).slice(0, 1);
      out += formatValue({ ...d, conv: 's' }, width, precision, s, 0);
    } else if (d.conv === 's') {
      out += formatValue(d, width, precision, toStr(v, convfmt), 0);
    } else {
      out += formatValue(d, width, precision, '', toNum(v));
    }
  }
  return { text: out, missing };
}
