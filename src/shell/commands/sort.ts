// sort [-nrufbshV] [-t SEP] [-k POS1[,POS2]]... [-o FILE] [FILE]...: GNU sort in
// the C locale (byte order), with the last-resort whole-line comparison for
// lines whose keys are equal (unless -s or -u).

import type { Command } from '../types';
import { getopt } from './lib/getopt';
import { quote, readOperand, splitLines, strerror, usageError } from './lib/util';

interface KeyOpts {
  numeric: boolean;
  human: boolean;
  version: boolean;
  general: boolean;
  reverse: boolean;
  fold: boolean;
  blanksStart: boolean;
  blanksEnd: boolean;
}

interface Key extends KeyOpts {
  startField: number;
  startChar: number;
  /** 0 = end of line. */
  endField: number;
  /** 0 = end of the field. */
  endChar: number;
}

const NO_OPTS: KeyOpts = {
  numeric: false, human: false, version: false, general: false, reverse: false, fold: false, blanksStart: false, blanksEnd: false,
};

export const sort: Command = (argv, io, ctx) => {
  const parsed = getopt('sort', argv.slice(1), {
    short: {
      n: 'none', r: 'none', u: 'none', f: 'none', b: 'none', s: 'none', h: 'none', V: 'none', g: 'none', c: 'none',
      C: 'none', M: 'none', d: 'none', i: 'none', R: 'none', z: 'none', t: 'required', k: 'required', o: 'required',
      S: 'required', T: 'required',
    },
    long: {
      'numeric-sort': { arg: 'none', key: 'n' }, reverse: { arg: 'none', key: 'r' }, unique: { arg: 'none', key: 'u' },
      'ignore-case': { arg: 'none', key: 'f' }, 'ignore-leading-blanks': { arg: 'none', key: 'b' }, stable: { arg: 'none', key: 's' },
      'human-numeric-sort': { arg: 'none', key: 'h' }, 'version-sort': { arg: 'none', key: 'V' },
      'general-numeric-sort': { arg: 'none', key: 'g' }, 'field-separator': { arg: 'required', key: 't' },
      key: { arg: 'required', key: 'k' }, output: { arg: 'required', key: 'o' }, check: { arg: 'optional', key: 'c' },
    },
  });
  if (!parsed.ok) return usageError(io, 'sort', parsed.error, 2);
  const global: KeyOpts = { ...NO_OPTS };
  const keys: Key[] = [];
  let sep: string | undefined;
  let unique = false;
  let stable = false;
  let check = false;
  let output: string | undefined;
  for (const o of parsed.options) {
    switch (o.key) {
      case 'n': global.numeric = true; break;
      case 'h': global.human = true; break;
      case 'V': global.version = true; break;
      case 'g': global.general = true; break;
      case 'r': global.reverse = true; break;
      case 'f': global.fold = true; break;
      case 'b': global.blanksStart = global.blanksEnd = true; break;
      case 'u': unique = true; break;
      case 's': stable = true; break;
      case 'c':
      case 'C': check = true; break;
      case 'o': output = o.value; break;
      case 't':
        if (o.value!.length !== 1 && o.value !== '\\0') {
          io.stderr(o.value === '' ? 'sort: empty tab\n' : `sort: multi-character tab ${quote(ctx, o.value!)}\n`);
          return 2;
        }
        sep = o.value;
        break;
      case 'k': {
        const k = parseKey(o.value!);
        if (typeof k === 'string') {
          const what = k === 'field number is zero' ? 'invalid field specification' : 'invalid count at start of';
          io.stderr(`sort: ${k}: ${what} ${quote(ctx, o.value!)}\n`);
          return 2;
        }
        keys.push(k);
        break;
      }
    }
  }
  let text = '';
  for (const f of parsed.operands.length ? parsed.operands : ['-']) {
    const r = readOperand(ctx, io, f);
    if ('error' in r) {
      io.stderr(`sort: cannot read: ${f}: ${strerror(r.error)}\n`);
      return 2;
    }
    text += r.text !== '' && !r.text.endsWith('\n') ? r.text + '\n' : r.text;
  }
  const lines = splitLines(text).lines;
  const effective = keys.map((k) => (hasOpts(k) ? k : { ...k, ...global, reverse: global.reverse }));
  const fields = effective.length > 0 ? effective : [null];
  // decorate once: extracting keys in every comparison is what makes a naive sort slow
  const decorated = lines.map((l, i) => ({ l, i, keys: fields.map((k) => sortKey(k ? extract(l, k, sep) : l, k ?? global)) }));
  const compareKeys = (a: SortKey[], b: SortKey[]): number => {
    for (let j = 0; j < fields.length; j++) {
      const k = fields[j] ?? global;
      const c = compareSortKeys(a[j], b[j], k);
      if (c !== 0) return k.reverse ? -c : c;
    }
    return 0;
  };
  const lastResort = !stable && !unique && (effective.length > 0 || hasOpts(global));
  const compare = (a: (typeof decorated)[number], b: (typeof decorated)[number]): number => {
    const c = compareKeys(a.keys, b.keys);
    if (c !== 0 || !lastResort) return c;
    const w = bytes(a.l, b.l);
    return global.reverse ? -w : w;
  };
  if (check) {
    for (let i = 1; i < decorated.length; i++) {
      const c = compare(decorated[i - 1], decorated[i]);
      if (c > 0 || (unique && c === 0)) {
        io.stderr(`sort: ${parsed.operands[0] ?? '-'}:${i + 1}: disorder: ${lines[i]}\n`);
        return 1;
      }
    }
    return 0;
  }
  const sorted = decorated.sort((x, y) => compare(x, y) || x.i - y.i);
  const result: string[] = [];
  let prev: (typeof decorated)[number] | undefined;
  for (const d of sorted) {
    if (unique && prev && compareKeys(prev.keys, d.keys) === 0) continue;
    result.push(d.l);
    prev = d;
  }
  const out = result.map((l) => l + '\n').join('');
  if (output !== undefined) {
    try {
      ctx.fs.write(output, out);
    } catch {
      io.stderr(`sort: open failed: ${output}: No such file or directory\n`);
      return 2;
    }
    return 0;
  }
  io.stdout(out);
  return 0;
};

function hasOpts(k: KeyOpts): boolean {
  return k.numeric || k.human || k.version || k.general || k.reverse || k.fold || k.blanksStart || k.blanksEnd;
}

function parseKey(spec: string): Key | string {
  const m = /^([0-9]+)(?:\.([0-9]+))?([bdfgiMhnRrV]*)(?:,([0-9]+)(?:\.([0-9]+))?([bdfgiMhnRrV]*))?$/.exec(spec);
  if (!m) return 'invalid number at field start';
  const startField = Number(m[1]);
  if (startField === 0) return 'field number is zero';
  const opts = m[3] + (m[6] ?? '');
  return {
    startField,
    startChar: m[2] ? Number(m[2]) : 1,
    endField: m[4] ? Number(m[4]) : 0,
    endChar: m[5] ? Number(m[5]) : 0,
    numeric: opts.includes('n'),
    human: opts.includes('h'),
    version: opts.includes('V'),
    general: opts.includes('g'),
    reverse: opts.includes('r'),
    fold: opts.includes('f'),
    blanksStart: m[3].includes('b'),
    blanksEnd: (m[6] ?? '').includes('b'),
  };
}

/** Field boundaries: with a separator, between separators; without, each field starts at its leading blanks. */
function fieldStarts(line: string, sep: string | undefined): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (sep !== undefined) {
    let s = 0;
    for (let i = 0; i <= line.length; i++) {
      if (i === line.length || line[i] === sep) {
        out.push({ start: s, end: i });
        s = i + 1;
      }
    }
    return out;
  }
  let i = 0;
  while (i < line.length) {
    const start = i;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
    out.push({ start, end: i });
  }
  return out;
}

function extract(line: string, k: Key, sep: string | undefined): string {
  const fields = fieldStarts(line, sep);
  const sf = fields[k.startField - 1];
  if (!sf) return '';
  let start = sf.start;
  if (k.blanksStart) while (start < sf.end && (line[start] === ' ' || line[start] === '\t')) start++;
  start = Math.min(start + k.startChar - 1, sf.end);
  let end = line.length;
  if (k.endField > 0) {
    const ef = fields[k.endField - 1];
    if (ef) {
      if (k.endChar === 0) end = ef.end;
      else {
        let s = ef.start;
        if (k.blanksEnd) while (s < ef.end && (line[s] === ' ' || line[s] === '\t')) s++;
        end = Math.min(s + k.endChar, ef.end);
      }
    }
  }
  return end <= start ? '' : line.slice(start, end);
}

interface SortKey {
  text: string;
  num: number;
}

function sortKey(text: string, k: KeyOpts): SortKey {
  const t = k.blanksStart ? text.replace(/^[ \t]+/, '') : text;
  const num = k.numeric ? numeric(t) : k.general ? general(t) : k.human ? human(t) : 0;
  return { text: k.fold ? t.toUpperCase() : t, num };
}

function compareSortKeys(a: SortKey, b: SortKey, k: KeyOpts): number {
  if (k.numeric || k.general || k.human) return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
  if (k.version) return versionCompare(a.text, b.text);
  return bytes(a.text, b.text);
}

function numeric(s: string): number {
  const m = /^[ \t]*(-?[0-9]*(\.[0-9]*)?)/.exec(s);
  const n = m ? Number(m[1]) : 0;
  return Number.isNaN(n) ? 0 : n;
}

function general(s: string): number {
  const n = parseFloat(s.trim());
  return Number.isNaN(n) ? -Infinity : n;
}

function human(s: string): number {
  const m = /^[ \t]*(-?[0-9]*\.?[0-9]*)([KMGTPEZY]?)/.exec(s);
  if (!m) return 0;
  const power = ' KMGTPEZY'.indexOf(m[2] || ' ');
  return (Number(m[1]) || 0) * 1024 ** power;
}

function versionCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    } else {
      const c = bytes(x, y);
      if (c !== 0) return c;
    }
  }
  return 0;
}

function bytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
