// grep (GNU grep 3.8): basic, extended (-E), fixed (-F) and Perl-ish (-P)
// patterns; context (-A/-B/-C/-NUM) with `--` between groups that are not
// adjacent; -i -v -w -x -n -c -o -q -s -l -L -h -H -m -r -e -f.

import type { Command, CommandIO, ExecContext } from '../types';
import { getopt, type ParsedOption } from './lib/getopt';
import { RegexError, translateRegex } from './lib/posix-regex';
import { errorCode, readOperand, splitLines, strerror } from './lib/util';

const USAGE = 'Usage: grep [OPTION]... PATTERNS [FILE]...\n';
const TRY = "Try 'grep --help' for more information.\n";

type Syntax = 'G' | 'E' | 'F' | 'P';

/** `grep -r PATTERN` without a directory searches `.` but prints names without `./`. */
const IMPLICIT_DIR = '\0.';

interface GrepOptions {
  syntax: Syntax;
  ignoreCase: boolean;
  invert: boolean;
  word: boolean;
  line: boolean;
  count: boolean;
  onlyMatching: boolean;
  quiet: boolean;
  noMessages: boolean;
  lineNumbers: boolean;
  byteOffset: boolean;
  filenames: boolean | undefined;
  listMatching: boolean;
  listNonMatching: boolean;
  maxCount: number;
  after: number;
  before: number;
  recursive: boolean;
  separator: string | null;
  label: string;
}

const SPEC = {
  short: {
    A: 'required', B: 'required', C: 'required', e: 'required', f: 'required', m: 'required',
    E: 'none', F: 'none', G: 'none', P: 'none', i: 'none', y: 'none', v: 'none', w: 'none', x: 'none', c: 'none',
    o: 'none', q: 'none', s: 'none', n: 'none', h: 'none', H: 'none', l: 'none', L: 'none', r: 'none', R: 'none',
    a: 'none', I: 'none', U: 'none', Z: 'none', z: 'none', b: 'none', T: 'none', V: 'none',
  },
  long: {
    'after-context': { arg: 'required', key: 'A' }, 'before-context': { arg: 'required', key: 'B' },
    context: { arg: 'required', key: 'C' }, regexp: { arg: 'required', key: 'e' }, file: { arg: 'required', key: 'f' },
    'max-count': { arg: 'required', key: 'm' }, 'extended-regexp': { arg: 'none', key: 'E' },
    'fixed-strings': { arg: 'none', key: 'F' }, 'basic-regexp': { arg: 'none', key: 'G' }, 'perl-regexp': { arg: 'none', key: 'P' },
    'ignore-case': { arg: 'none', key: 'i' }, 'no-ignore-case': { arg: 'none' }, 'invert-match': { arg: 'none', key: 'v' },
    'word-regexp': { arg: 'none', key: 'w' }, 'line-regexp': { arg: 'none', key: 'x' }, count: { arg: 'none', key: 'c' },
    'only-matching': { arg: 'none', key: 'o' }, quiet: { arg: 'none', key: 'q' }, silent: { arg: 'none', key: 'q' },
    'no-messages': { arg: 'none', key: 's' }, 'line-number': { arg: 'none', key: 'n' }, 'no-filename': { arg: 'none', key: 'h' },
    'with-filename': { arg: 'none', key: 'H' }, 'files-with-matches': { arg: 'none', key: 'l' },
    'files-without-match': { arg: 'none', key: 'L' }, recursive: { arg: 'none', key: 'r' },
    'dereference-recursive': { arg: 'none', key: 'R' }, text: { arg: 'none', key: 'a' }, color: { arg: 'optional' },
    colour: { arg: 'optional', key: 'color' }, 'group-separator': { arg: 'required' }, 'no-group-separator': { arg: 'none' },
    label: { arg: 'required' }, 'line-buffered': { arg: 'none' }, 'null-data': { arg: 'none', key: 'z' },
  },
  numeric: true,
} as const;

export const grep: Command = (argv, io, ctx) => {
  const parsed = getopt('grep', argv.slice(1), SPEC);
  if (!parsed.ok) {
    io.stderr(parsed.error + '\n' + USAGE + TRY);
    return 2;
  }
  const opts = defaults();
  const patterns: string[] = [];
  let patternGiven = false;
  for (const o of parsed.options) {
    const err = apply(o, opts, patterns, ctx, io);
    if (err !== null) return err;
    if (o.key === 'e' || o.key === 'f') patternGiven = true;
  }
  const operands = [...parsed.operands];
  if (!patternGiven) {
    if (operands.length === 0) {
      io.stderr(USAGE + TRY);
      return 2;
    }
    patterns.push(...operands.shift()!.split('\n'));
  }
  let matcher: Matcher;
  const warnings: string[] = [];
  try {
    matcher = compile(patterns, opts, warnings);
    for (const w of warnings) io.stderr(`grep: warning: ${w}\n`);
  } catch (e) {
    if (!(e instanceof RegexError)) throw e;
    io.stderr(`grep: ${e.message}\n`);
    return 2;
  }
  if (operands.length === 0) operands.push(opts.recursive ? IMPLICIT_DIR : '-');
  const inputs = expandInputs(operands, opts, ctx, io);
  const withNames = opts.filenames ?? (inputs.length > 1 || opts.recursive);
  const out = new Output(opts, withNames);
  let selectedAny = false;
  let error = false;
  for (const input of inputs) {
    if ('error' in input) {
      if (!opts.noMessages) io.stderr(`grep: ${input.name}: ${input.error}\n`);
      error = true;
      continue;
    }
    const n = searchOne(input.text, input.name, matcher, opts, out);
    if (n > 0) selectedAny = true;
    if (n > 0 && opts.quiet) return 0;
  }
  io.stdout(out.text);
  if (error && !(opts.quiet && selectedAny)) return 2;
  return selectedAny ? 0 : 1;
};

function defaults(): GrepOptions {
  return {
    syntax: 'G', ignoreCase: false, invert: false, word: false, line: false, count: false, onlyMatching: false,
    quiet: false, noMessages: false, lineNumbers: false, byteOffset: false, filenames: undefined, listMatching: false, listNonMatching: false,
    maxCount: Infinity, after: 0, before: 0, recursive: false, separator: '--', label: '(standard input)',
  };
}

/** Apply one option; returns an exit status on a usage error, else null. */
function apply(o: ParsedOption, opts: GrepOptions, patterns: string[], ctx: ExecContext, io: CommandIO): number | null {
  const context = (v: string): number | null => {
    if (!/^[0-9]+$/.test(v)) {
      io.stderr(`grep: ${v}: invalid context length argument\n`);
      return null;
    }
    return Number(v);
  };
  switch (o.key) {
    case 'A':
    case 'B':
    case 'C':
    case '#': {
      const n = context(o.value!);
      if (n === null) return 2;
      if (o.key !== 'B') opts.after = n;
      if (o.key !== 'A') opts.before = n;
      break;
    }
    case 'e':
      patterns.push(...o.value!.split('\n'));
      break;
    case 'f': {
      const r = readOperand(ctx, io, o.value!);
      if ('error' in r) {
        io.stderr(`grep: ${o.value}: ${strerror(r.error)}\n`);
        return 2;
      }
      patterns.push(...splitLines(r.text).lines);
      break;
    }
    case 'm': {
      if (!/^-?[0-9]+$/.test(o.value!)) {
        io.stderr('grep: invalid max count\n');
        return 2;
      }
      const n = Number(o.value);
      opts.maxCount = n < 0 ? Infinity : n;
      break;
    }
    case 'E':
    case 'F':
    case 'G':
    case 'P':
      opts.syntax = o.key;
      break;
    case 'i':
    case 'y':
      opts.ignoreCase = true;
      break;
    case 'no-ignore-case':
      opts.ignoreCase = false;
      break;
    case 'v': opts.invert = true; break;
    case 'w': opts.word = true; break;
    case 'x': opts.line = true; break;
    case 'c': opts.count = true; break;
    case 'o': opts.onlyMatching = true; break;
    case 'q': opts.quiet = true; break;
    case 's': opts.noMessages = true; break;
    case 'n': opts.lineNumbers = true; break;
    case 'b': opts.byteOffset = true; break;
    case 'h': opts.filenames = false; break;
    case 'H': opts.filenames = true; break;
    case 'l': opts.listMatching = true; break;
    case 'L': opts.listNonMatching = true; break;
    case 'r':
    case 'R':
      opts.recursive = true;
      break;
    case 'group-separator':
      opts.separator = o.value!;
      break;
    case 'no-group-separator':
      opts.separator = null;
      break;
    case 'label':
      opts.label = o.value!;
      break;
  }
  return null;
}

interface Matcher {
  /** Whether the line contains a match. */
  test(line: string): boolean;
  /** Every non-empty match, left to right (for -o). */
  matches(line: string): { index: number; text: string }[];
}

function compile(patterns: string[], opts: GrepOptions, warnings: string[]): Matcher {
  const flags = opts.ignoreCase ? 'i' : '';
  const sources = patterns.map((p) => {
    let src: string;
    if (opts.syntax === 'F') src = p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (opts.syntax === 'P') src = p;
    else src = translateRegex(p, { extended: opts.syntax === 'E', dialect: 'grep', warnings });
    if (opts.line) return `^(?:${src})$`;
    if (opts.word) return `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
    return src;
  });
  let regexes: RegExp[];
  try {
    regexes = sources.map((s) => new RegExp(s, flags));
  } catch (e) {
    throw new RegexError(opts.syntax === 'P' ? (e as Error).message : 'Invalid regular expression');
  }
  const globals = regexes.map((r) => new RegExp(r.source, flags + 'g'));
  return {
    test: (line) => regexes.some((r) => r.test(line)),
    matches: (line) => {
      const out: { index: number; text: string }[] = [];
      let pos = 0;
      while (pos <= line.length) {
        let best: { index: number; text: string } | null = null;
        for (const g of globals) {
          g.lastIndex = pos;
          const m = g.exec(line);
          if (m && (best === null || m.index < best.index || (m.index === best.index && m[0].length > best.text.length))) {
            best = { index: m.index, text: m[0] };
          }
        }
        if (!best) break;
        if (best.text === '') {
          pos = best.index + 1;
          continue;
        }
        out.push(best);
        pos = best.index + best.text.length;
      }
      return out;
    },
  };
}

type Input = { name: string; text: string } | { name: string; error: string };

function expandInputs(operands: string[], opts: GrepOptions, ctx: ExecContext, io: CommandIO): Input[] {
  const out: Input[] = [];
  const implicit = operands.length === 1 && operands[0] === IMPLICIT_DIR;
  const walk = (dir: string, shown: string): void => {
    for (const name of ctx.fs.list(dir)) {
      const path = `${dir.replace(/\/$/, '')}/${name}`;
      const display = implicit && shown === IMPLICIT_DIR ? name : `${shown.replace(/\/$/, '')}/${name}`;
      if (ctx.fs.isDir(path)) walk(path, display);
      else out.push({ name: display, text: ctx.fs.read(path) ?? '' });
    }
  };
  for (const op of operands) {
    if (op === '-') {
      out.push({ name: opts.label, text: io.stdin });
      continue;
    }
    if (opts.recursive && (op === IMPLICIT_DIR || ctx.fs.isDir(op))) {
      walk(op === IMPLICIT_DIR ? '.' : op, op);
      continue;
    }
    try {
      out.push({ name: op, text: ctx.fs.readFile(op) });
    } catch (e) {
      out.push({ name: op, error: strerror(errorCode(e)) });
    }
  }
  return out;
}

/** Collects output; group separators depend on everything printed so far, across files. */
class Output {
  text = '';
  private printedAny = false;

  constructor(
    private readonly opts: GrepOptions,
    readonly withNames: boolean,
  ) {}

  line(name: string, lineNo: number, text: string, selected: boolean, offset: number): void {
    const sep = selected ? ':' : '-';
    let prefix = '';
    if (this.withNames) prefix += name + sep;
    if (this.opts.lineNumbers) prefix += lineNo + sep;
    if (this.opts.byteOffset) prefix += offset + sep;
    this.text += prefix + text + '\n';
    this.printedAny = true;
  }

  groupSeparator(): void {
    if (this.printedAny && this.opts.separator !== null) this.text += this.opts.separator + '\n';
  }

  raw(s: string): void {
    this.text += s;
  }
}

/** Search one input; returns the number of selected lines. */
function searchOne(text: string, name: string, m: Matcher, opts: GrepOptions, out: Output): number {
  const { lines } = splitLines(text);
  const offsets: number[] = [];
  let at = 0;
  for (const l of lines) {
    offsets.push(at);
    at += utf8Length(l) + 1;
  }
  const context = opts.after > 0 || opts.before > 0;
  const printLines = !opts.count && !opts.listMatching && !opts.listNonMatching && !opts.quiet;
  let selected = 0;
  let lastPrinted = -1;
  let afterLeft = 0;
  for (let i = 0; i < lines.length; i++) {
    if (selected >= opts.maxCount) {
      if (afterLeft > 0 && printLines && !opts.onlyMatching) {
        out.line(name, i + 1, lines[i], false, offsets[i]);
        lastPrinted = i;
        afterLeft--;
        continue;
      }
      break;
    }
    const isSelected = m.test(lines[i]) !== opts.invert;
    if (!isSelected) {
      if (afterLeft > 0 && printLines) {
        if (!opts.onlyMatching) out.line(name, i + 1, lines[i], false, offsets[i]);
        lastPrinted = i;
        afterLeft--;
      }
      continue;
    }
    selected++;
    if (opts.quiet) return selected;
    if (!printLines) continue;
    const start = Math.max(i - opts.before, lastPrinted + 1);
    if (context && start > lastPrinted + 1) out.groupSeparator();
    for (let j = start; j < i; j++) if (!opts.onlyMatching) out.line(name, j + 1, lines[j], false, offsets[j]);
    if (opts.onlyMatching) {
      if (!opts.invert) {
        for (const t of m.matches(lines[i])) out.line(name, i + 1, t.text, true, offsets[i] + utf8Length(lines[i].slice(0, t.index)));
      }
    } else {
      out.line(name, i + 1, lines[i], true, offsets[i]);
    }
    lastPrinted = i;
    afterLeft = opts.after;
  }
  if (opts.count) out.raw((out.withNames ? name + ':' : '') + selected + '\n');
  if (opts.listMatching && selected > 0) out.raw(name + '\n');
  if (opts.listNonMatching && selected === 0) out.raw(name + '\n');
  return selected;
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}
