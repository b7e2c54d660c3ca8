// tr [-cdst] SET1 [SET2]: ranges, classes ([:upper:]...), escapes, [c*n].

import type { Command } from '../types';
import { getopt } from './lib/getopt';
import { quote, usageError } from './lib/util';

const CLASS_CHARS: Record<string, () => string[]> = {
  alpha: () => [...range('A', 'Z'), ...range('a', 'z')],
  upper: () => range('A', 'Z'),
  lower: () => range('a', 'z'),
  digit: () => range('0', '9'),
  alnum: () => [...range('0', '9'), ...range('A', 'Z'), ...range('a', 'z')],
  space: () => [' ', '\t', '\n', '\v', '\f', '\r'],
  blank: () => [' ', '\t'],
  punct: () => range('!', '~').filter((c) => !/[A-Za-z0-9]/.test(c)),
  xdigit: () => [...range('0', '9'), ...range('A', 'F'), ...range('a', 'f')],
  cntrl: () => [...range('\x00', '\x1f'), '\x7f'],
  print: () => range(' ', '~'),
  graph: () => range('!', '~'),
};

function range(a: string, b: string): string[] {
  const out: string[] = [];
  for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) out.push(String.fromCharCode(c));
  return out;
}

class SetError extends Error {}

/** Expand a SET operand into its characters; `[c*]` (fill) is returned as a marker index. */
function expandSet(spec: string): { chars: string[]; fill?: { at: number; char: string }; upperLower?: 'upper' | 'lower' } {
  const chars: string[] = [];
  let fill: { at: number; char: string } | undefined;
  let upperLower: 'upper' | 'lower' | undefined;
  const unesc = (i: number): [string, number] => {
    if (spec[i] !== '\\' || i + 1 >= spec.length) return [spec[i], i + 1];
    const e = spec[i + 1];
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\' };
    if (e in map) return [map[e], i + 2];
    const oct = /^[0-7]{1,3}/.exec(spec.slice(i + 1));
    if (oct) return [String.fromCharCode(parseInt(oct[0], 8)), i + 1 + oct[0].length];
    return [e, i + 2];
  };
  let i = 0;
  while (i < spec.length) {
    const cls = /^\[:([a-z]+):\]/.exec(spec.slice(i));
    if (cls) {
      if (!(cls[1] in CLASS_CHARS)) throw new SetError(`invalid character class ${cls[1]}`);
      if (cls[1] === 'upper' || cls[1] === 'lower') upperLower = cls[1];
      chars.push(...CLASS_CHARS[cls[1]]());
      i += cls[0].length;
      continue;
    }
    const eq = /^\[=(.)=\]/.exec(spec.slice(i));
    if (eq) {
      chars.push(eq[1]);
      i += eq[0].length;
      continue;
    }
    const rep = /^\[(\\?.)\*([0-9]*)\]/.exec(spec.slice(i));
    if (rep) {
      const c = rep[1].length === 2 ? expandSet(rep[1]).chars[0] : rep[1];
      if (rep[2] === '' || Number(rep[2]) === 0) fill = { at: chars.length, char: c };
      else for (let n = 0; n < Number(rep[2]); n++) chars.push(c);
      i += rep[0].length;
      continue;
    }
    const [c, next] = unesc(i);
    if (spec[next] === '-' && next + 1 < spec.length) {
      const [hi, after] = unesc(next + 1);
      if (hi < c) throw new SetError(`range-endpoints of '${c}-${hi}' are in reverse collating sequence order`);
      chars.push(...range(c, hi));
      i = after;
      continue;
    }
    chars.push(c);
    i = next;
  }
  return { chars, fill, upperLower };
}

export const tr: Command = (argv, io, ctx) => {
  const parsed = getopt('tr', argv.slice(1), {
    short: { c: 'none', C: 'none', d: 'none', s: 'none', t: 'none' },
    long: {
      complement: { arg: 'none', key: 'c' }, delete: { arg: 'none', key: 'd' },
      'squeeze-repeats': { arg: 'none', key: 's' }, 'truncate-set1': { arg: 'none', key: 't' },
    },
  });
  if (!parsed.ok) return usageError(io, 'tr', parsed.error);
  const keys = new Set(parsed.options.map((o) => o.key));
  const complement = keys.has('c') || keys.has('C');
  const del = keys.has('d');
  const squeeze = keys.has('s');
  const ops = parsed.operands;
  const translating = !del && !(squeeze && ops.length === 1);
  if (ops.length === 0) return usageError(io, 'tr', 'tr: missing operand');
  if (translating && ops.length === 1) {
    return usageError(io, 'tr', `tr: missing operand after ${quote(ctx, ops[0])}\nTwo strings must be given when translating.`);
  }
  const maxOps = del && !squeeze ? 1 : 2;
  if (ops.length > maxOps) {
    const hint = del && !squeeze ? '\nOnly one string may be given when deleting without squeezing repeats.' : '';
    return usageError(io, 'tr', `tr: extra operand ${quote(ctx, ops[maxOps])}${hint}`);
  }
  let set1: string[];
  let set2: string[] = [];
  try {
    const s1 = expandSet(ops[0]);
    set1 = s1.chars;
    if (ops[1] !== undefined) {
      const s2 = expandSet(ops[1]);
      set2 = s2.chars;
      if (s2.fill) {
        const n = Math.max(0, set1.length - set2.length);
        set2.splice(s2.fill.at, 0, ...new Array<string>(n).fill(s2.fill.char));
      }
    }
  } catch (e) {
    if (!(e instanceof SetError)) throw e;
    io.stderr(`tr: ${e.message}\n`);
    return 1;
  }
  const in1 = new Set(set1);
  const member1 = (c: string): boolean => in1.has(c) !== complement;
  const input = io.stdin;
  let out = '';
  if (translating) {
    if (keys.has('t')) set1 = set1.slice(0, set2.length);
    const map = new Map<string, string>();
    if (complement) {
      const last = set2[set2.length - 1];
      for (const c of new Set(input)) if (!in1.has(c)) map.set(c, last);
    } else {
      set1.forEach((c, i) => map.set(c, set2[Math.min(i, set2.length - 1)]));
    }
    const in2 = new Set(set2);
    let prev = '';
    for (const c of input) {
      const t = map.get(c) ?? c;
      if (squeeze && t === prev && in2.has(t)) continue;
      out += t;
      prev = t;
    }
  } else {
    const squeezeSet = new Set(del ? set2 : set1);
    const squeezeMember = (c: string): boolean => (del ? squeezeSet.has(c) : member1(c));
    let prev = '';
    for (const c of input) {
      if (del && member1(c)) continue;
      if (squeeze && c === prev && squeezeMember(c)) continue;
      out += c;
      prev = c;
    }
  }
  io.stdout(out);
  return 0;
};
