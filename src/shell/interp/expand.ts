// Word expansion in the shell's order: tilde, parameters, command substitution
// and arithmetic, then field splitting of unquoted expansion results, then
// pathname expansion, then quote removal.

import type { ParamPart, Script, Word, WordPart } from '../parse/ast';
import type { ShellFlavour } from '../parse/errors';
import type { VirtualFs } from '../fs/vfs';
import { ArithError, evaluateArithmetic } from './arith';
import { escapePattern, globFiles, hasGlobChars, patternRegExp } from './pattern';
import { setVar } from './shell-state';

/**
 * An expansion that aborts the command (`${x:?}`, bad arithmetic), with the
 * texts of bash and busybox ash (without the shell prefix). bash sets $? to 1,
 * ash to 2.
 */
export class ExpansionError extends Error {
  constructor(
    readonly bashText: string,
    readonly shText: string = bashText,
  ) {
    super(bashText);
  }

  text(flavour: ShellFlavour): string {
    return flavour === 'bash' ? this.bashText : this.shText;
  }

  status(flavour: ShellFlavour): number {
    return flavour === 'bash' ? 1 : 2;
  }
}

export interface ExpandHost {
  readonly env: Map<string, string>;
  /** Bound to the shell's working directory, for globbing. */
  readonly fs: VirtualFs;
  readonly flavour: ShellFlavour;
  /** `$?` */
  status(): number;
  /** Run a script, returning its stdout (the caller strips trailing newlines). */
  commandSubstitution(script: Script): Promise<string>;
}

/** The shell's own process id as `$$` shows it (stable: the simulation has no real processes). */
const SHELL_PID = '4242';

interface Chunk {
  text: string;
  /** Quoted text is neither split nor globbed. */
  quoted: boolean;
  /** Unquoted expansion results are split on $IFS. */
  split: boolean;
}

interface Field {
  text: string;
  pattern: string;
  unquoted: boolean;
}

export class Expander {
  constructor(private readonly host: ExpandHost) {}

  /** Words to argv: split and globbed. */
  async words(words: readonly Word[]): Promise<string[]> {
    const out: string[] = [];
    for (const w of words) out.push(...(await this.fields(w)));
    return out;
  }

  /** One word to its fields (a redirect target must give exactly one). */
  async fields(word: Word): Promise<string[]> {
    // "$@" with no positional parameters (the interactive shell has none) is no field at all
    if (word.parts.every((p) => p.type === 'param' && (p.name === '@' || p.name === '*') && p.op === undefined && (p.name === '@' || !p.quoted))) {
      return [];
    }
    const chunks = await this.chunks(word.parts);
    const out: string[] = [];
    for (const f of this.split(chunks)) {
      if (f.unquoted && hasGlobChars(f.pattern)) {
        const matches = globFiles(f.pattern, this.host.fs);
        if (matches.length > 0) {
          out.push(...matches);
          continue;
        }
      }
      out.push(f.text);
    }
    return out;
  }

  /** A word without splitting or globbing (assignment values, `case` words). */
  async string(parts: readonly WordPart[]): Promise<string> {
    return (await this.chunks(parts)).map((c) => c.text).join('');
  }

  /** A word as a shell pattern: quoted text matches literally. */
  async pattern(parts: readonly WordPart[]): Promise<string> {
    return (await this.chunks(parts)).map((c) => (c.quoted ? escapePattern(c.text) : c.text)).join('');
  }

  private async chunks(parts: readonly WordPart[]): Promise<Chunk[]> {
    const out: Chunk[] = [];
    for (const p of parts) {
      switch (p.type) {
        case 'lit':
          out.push({ text: p.text, quoted: p.quoted, split: false });
          break;
        case 'tilde':
          out.push({ text: this.tilde(p.user), quoted: true, split: false });
          break;
        case 'param':
          out.push({ text: await this.param(p), quoted: p.quoted, split: !p.quoted });
          break;
        case 'cmdsub': {
          const text = (await this.host.commandSubstitution(p.script)).replace(/\n+$/, '');
          out.push({ text, quoted: p.quoted, split: !p.quoted });
          break;
        }
        case 'arith':
          out.push({ text: String(await this.arith(p.expr)), quoted: p.quoted, split: !p.quoted });
          break;
      }
    }
    return out;
  }

  private split(chunks: Chunk[]): Field[] {
    const ifs = this.host.env.get('IFS') ?? ' \t\n';
    const fields: Field[] = [];
    let cur: Field | null = null;
    for (const c of chunks) {
      if (c.split && ifs !== '') {
        for (const ch of c.text) {
          if (ifs.includes(ch)) {
            const whitespace = ch === ' ' || ch === '\t' || ch === '\n';
            if (cur !== null) fields.push(cur);
            else if (!whitespace) fields.push({ text: '', pattern: '', unquoted: false });
            cur = null;
            continue;
          }
          cur ??= { text: '', pattern: '', unquoted: false };
          cur.text += ch;
          cur.pattern += ch;
          cur.unquoted = true;
        }
        continue;
      }
      cur ??= { text: '', pattern: '', unquoted: false };
      cur.text += c.text;
      if (c.quoted) cur.pattern += escapePattern(c.text);
      else {
        cur.pattern += c.text;
        cur.unquoted = true;
      }
    }
    if (cur !== null) fields.push(cur);
    return fields;
  }

  private tilde(user: string): string {
    if (user === '') return this.host.env.get('HOME') ?? this.host.fs.home;
    if (user === 'root') return '/root';
    return '~' + user;
  }

  private special(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.host.status());
      case '$':
        return SHELL_PID;
      case '#':
        return '0';
      case '0':
        return this.host.flavour;
      case '@':
      case '*':
        return '';
      case '-':
        return this.host.flavour === 'bash' ? 'himBHs' : 'i';
      case '!':
        return undefined;
    }
    if (/^[0-9]+$/.test(name)) return undefined;
    return this.host.env.get(name);
  }

  private async param(p: ParamPart): Promise<string> {
    const value = this.special(p.name);
    const arg = async (): Promise<string> => this.string(p.arg ?? []);
    switch (p.op) {
      case undefined:
        return value ?? '';
      case 'length':
        return String([...(value ?? '')].length);
      case ':-':
        return value === undefined || value === '' ? arg() : value;
      case '-':
        return value === undefined ? arg() : value;
      case ':=':
      case '=': {
        if (value !== undefined && (p.op === '=' || value !== '')) return value;
        const v = await arg();
        if (!/^[A-Za-z_]/.test(p.name)) throw new ExpansionError(`$${p.name}: cannot assign in this way`);
        setVar(this.host.env, p.name, v);
        return v;
      }
      case ':+':
        return value === undefined || value === '' ? '' : arg();
      case '+':
        return value === undefined ? '' : arg();
      case ':?':
      case '?': {
        if (value !== undefined && (p.op === '?' || value !== '')) return value;
        if ((p.arg?.length ?? 0) > 0) throw new ExpansionError(`${p.name}: ${await arg()}`);
        throw new ExpansionError(`${p.name}: parameter null or not set`, `${p.name}: parameter not set or null`);
      }
      case '#':
      case '##':
      case '%':
      case '%%':
        return trimPattern(value ?? '', await this.pattern(p.arg ?? []), p.op);
      case '/':
      case '//':
        return replacePattern(value ?? '', await this.pattern(p.arg ?? []), await this.string(p.arg2 ?? []), p.op === '//');
      case 'substr': {
        const v = value ?? '';
        let off = await this.arith(p.arg ?? []);
        if (off < 0) off = Math.max(0, v.length + off);
        if (p.arg2 === undefined) return v.slice(off);
        let len = await this.arith(p.arg2);
        if (len < 0) {
          len = v.length - off + len;
          if (len < 0) throw new ExpansionError(`${len}: substring expression < 0`);
        }
        return v.slice(off, off + len);
      }
    }
  }

  private async arith(parts: readonly WordPart[]): Promise<number> {
    const text = await this.string(parts);
    const env = this.host.env;
    try {
      return evaluateArithmetic(text, { get: (n) => env.get(n), set: (n, v) => setVar(env, n, v) });
    } catch (e) {
      if (e instanceof ArithError) {
        const ash = e.message === 'division by 0' ? 'divide by zero' : 'arithmetic syntax error';
        throw new ExpansionError(`${text.trim()}: ${e.message} (error token is "${e.token}")`, ash);
      }
      throw e;
    }
  }
}

function trimPattern(value: string, pattern: string, op: '#' | '##' | '%' | '%%'): string {
  const re = patternRegExp(pattern);
  const n = value.length;
  if (op === '#' || op === '##') {
    const order = op === '#' ? range(0, n) : range(0, n).reverse();
    for (const i of order) if (re.test(value.slice(0, i))) return value.slice(i);
    return value;
  }
  const order = op === '%' ? range(0, n).reverse() : range(0, n);
  for (const i of order) if (re.test(value.slice(i))) return value.slice(0, i);
  return value;
}

function replacePattern(value: string, pattern: string, repl: string, all: boolean): string {
  let anchor: '' | '#' | '%' = '';
  if (pattern.startsWith('#') || pattern.startsWith('%')) {
    anchor = pattern[0] as '#' | '%';
    pattern = pattern.slice(1);
  }
  if (pattern === '' && anchor === '') return value;
  const re = patternRegExp(pattern);
  if (anchor === '#') {
    for (let j = value.length; j >= 0; j--) if (re.test(value.slice(0, j))) return repl + value.slice(j);
    return value;
  }
  if (anchor === '%') {
    for (let i = 0; i <= value.length; i++) if (re.test(value.slice(i))) return value.slice(0, i) + repl;
    return value;
  }
  let out = '';
  let i = 0;
  while (i < value.length) {
    let matched = -1;
    for (let j = value.length; j > i; j--) {
      if (re.test(value.slice(i, j))) {
        matched = j;
        break;
      }
    }
    if (matched < 0) {
      out += value[i++];
      continue;
    }
    out += repl;
    i = matched;
    if (!all) return out + value.slice(i);
  }
  return out;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

