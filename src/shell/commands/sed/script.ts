// Parsing GNU sed scripts into commands, with sed's own error texts and its
// way of counting the character position (`-e expression #1, char 7: ...`).

import { RegexError, translateRegex } from '../lib/posix-regex';

export type Address =
  | { kind: 'line'; n: number }
  | { kind: 'last' }
  | { kind: 'regex'; re: RegExp | null }
  | { kind: 'step'; first: number; step: number }
  | { kind: 'zero' };

export type Address2 = Address | { kind: 'plus'; n: number } | { kind: 'multiple'; n: number };

export interface SedCommand {
  addr1?: Address;
  addr2?: Address2;
  negate: boolean;
  name: string;
  /** a/i/c text, label for b/t/T/:, file for r/w, exit code for q/Q. */
  text?: string;
  /** For `{`: index of the matching `}`; for `}`: unused. */
  jump?: number;
  subst?: Substitution;
  translit?: Map<string, string>;
  /** Range state (per command, per run). */
  active?: boolean;
  endLine?: number;
}

export interface Substitution {
  /** null: reuse the last regex used. */
  re: RegExp | null;
  replacement: ReplacementPart[];
  global: boolean;
  occurrence: number;
  print: boolean;
  writeFile?: string;
}

export type ReplacementPart =
  | { kind: 'text'; text: string }
  | { kind: 'group'; n: number }
  | { kind: 'case'; mode: 'U' | 'L' | 'u' | 'l' | 'E' };

export class SedScriptError extends Error {}

interface Chunk {
  start: number;
  end: number;
}

export function parseScript(chunks: string[], extended: boolean): SedCommand[] {
  return new ScriptParser(chunks, extended).parse();
}

class ScriptParser {
  private readonly src: string;
  private readonly bounds: Chunk[] = [];
  private pos = 0;
  private readonly out: SedCommand[] = [];
  private readonly blocks: number[] = [];

  constructor(
    chunks: string[],
    private readonly extended: boolean,
  ) {
    let at = 0;
    for (const c of chunks) {
      this.bounds.push({ start: at, end: at + c.length });
      at += c.length + 1;
    }
    this.src = chunks.join('\n');
  }

  parse(): SedCommand[] {
    for (;;) {
      this.skip(' \t\n;');
      if (this.pos >= this.src.length) break;
      if (this.peek() === '#') {
        this.skipToEol();
        continue;
      }
      this.command();
    }
    if (this.blocks.length > 0) this.failAt(0, "unmatched `{'", this.blocks[this.blocks.length - 1]);
    const labels = new Set(this.out.filter((c) => c.name === ':').map((c) => c.text));
    for (const c of this.out) {
      if ((c.name === 'b' || c.name === 't' || c.name === 'T') && c.text && !labels.has(c.text)) {
        throw new SedScriptError(`can't find label for jump to \`${c.text}'`);
      }
    }
    return this.out;
  }

  private command(): void {
    const cmd: SedCommand = { negate: false, name: '' };
    const addr1 = this.address();
    if (addr1) {
      cmd.addr1 = addr1;
      this.skip(' \t');
      if (this.peek() === ',') {
        this.pos++;
        this.skip(' \t');
        const addr2 = this.address2();
        if (!addr2) this.fail("unexpected `,'", 1);
        cmd.addr2 = addr2;
      }
    }
    this.skip(' \t');
    if (this.peek() === '!') {
      this.pos++;
      cmd.negate = true;
      this.skip(' \t');
      if (this.peek() === '!') this.fail("multiple `!'s", 1);
    }
    if (this.pos >= this.src.length) this.fail('missing command', 0);
    const name = this.src[this.pos++];
    cmd.name = name;
    switch (name) {
      case '{':
        this.blocks.push(this.out.length);
        this.out.push(cmd);
        return;
      case '}': {
        if (addr1) this.fail("} doesn't want any addresses", 0);
        const open = this.blocks.pop();
        if (open === undefined) this.fail("unexpected `}'", 0);
        this.out[open!].jump = this.out.length;
        this.out.push(cmd);
        this.endOfCommand();
        return;
      }
      case '#':
        if (addr1) this.fail("comments don't accept any addresses", 0);
        this.skipToEol();
        return;
      case ':': {
        if (addr1) this.fail(": doesn't want any addresses", 0);
        this.skip(' \t');
        const label = this.readLabel();
        if (label === '') this.fail('":" lacks a label', 0);
        cmd.text = label;
        this.out.push(cmd);
        return;
      }
      case 'a':
      case 'i':
      case 'c':
        cmd.text = this.readText();
        this.out.push(cmd);
        return;
      case 'b':
      case 't':
      case 'T':
        this.skip(' \t');
        cmd.text = this.readLabel();
        this.out.push(cmd);
        this.endOfCommand();
        return;
      case 'q':
      case 'Q':
      case 'l':
      case 'L': {
        this.skip(' \t');
        const m = /^[0-9]+/.exec(this.src.slice(this.pos));
        if (m) {
          cmd.text = m[0];
          this.pos += m[0].length;
        }
        this.out.push(cmd);
        this.endOfCommand();
        return;
      }
      case 'r':
      case 'R':
      case 'w':
      case 'W':
        this.skip(' \t');
        cmd.text = this.readToEol();
        this.out.push(cmd);
        return;
      case 's':
        cmd.subst = this.substitution();
        this.out.push(cmd);
        this.endOfCommand();
        return;
      case 'y':
        cmd.translit = this.transliteration();
        this.out.push(cmd);
        this.endOfCommand();
        return;
      case '=':
      case 'd':
      case 'D':
      case 'g':
      case 'G':
      case 'h':
      case 'H':
      case 'n':
      case 'N':
      case 'p':
      case 'P':
      case 'x':
      case 'z':
      case 'F':
        this.out.push(cmd);
        this.endOfCommand();
        return;
    }
    this.fail(`unknown command: \`${name}'`, 0);
  }

  private address(): Address | null {
    const c = this.peek();
    if (c === undefined) return null;
    if (/[0-9]/.test(c)) {
      const m = /^([0-9]+)(?:~([0-9]+))?/.exec(this.src.slice(this.pos))!;
      this.pos += m[0].length;
      const n = Number(m[1]);
      if (m[2] !== undefined) return { kind: 'step', first: n, step: Number(m[2]) };
      if (n === 0) return { kind: 'zero' };
      return { kind: 'line', n };
    }
    if (c === '$') {
      this.pos++;
      return { kind: 'last' };
    }
    if (c === '/' || c === '\\') {
      this.pos++;
      let delim = '/';
      if (c === '\\') {
        delim = this.src[this.pos++];
        if (delim === undefined || delim === '\n' || delim === '\\') this.fail('unexpected end of file', 0);
      }
      const body = this.delimited(delim, 'unterminated address regex');
      let flags = '';
      while (this.peek() === 'I' || this.peek() === 'M') {
        flags += this.peek() === 'I' ? 'i' : 'm';
        this.pos++;
      }
      return { kind: 'regex', re: this.compile(body, flags) };
    }
    return null;
  }

  private address2(): Address2 | null {
    const c = this.peek();
    if (c === '+' || c === '~') {
      const m = /^[+~]([0-9]+)/.exec(this.src.slice(this.pos));
      if (!m) return null;
      this.pos += m[0].length;
      return c === '+' ? { kind: 'plus', n: Number(m[1]) } : { kind: 'multiple', n: Number(m[1]) };
    }
    const a = this.address();
    if (a?.kind === 'zero') this.fail('invalid usage of line address 0', 0);
    return a;
  }

  /** Text up to an unescaped delimiter (consumed); `\delim` becomes the delimiter, `\n` a newline. */
  private delimited(delim: string, unterminated: string): string {
    let out = '';
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined || (c === '\n' && delim !== '\n')) {
        this.fail(unterminated, 0);
      }
      this.pos++;
      if (c === delim) return out;
      if (c === '\\') {
        const n = this.src[this.pos];
        if (n === undefined) this.fail(unterminated, 0);
        this.pos++;
        if (n === delim) out += delim;
        else if (n === '\n') out += '\\n';
        else out += '\\' + n;
        continue;
      }
      out += c;
    }
  }

  private substitution(): Substitution {
    const delim = this.src[this.pos++];
    if (delim === undefined || delim === '\n' || delim === '\\') this.fail("unterminated `s' command", 0);
    const pattern = this.delimited(delim, "unterminated `s' command");
    const replacementRaw = this.delimited(delim, "unterminated `s' command");
    const sub: Substitution = { re: null, replacement: [], global: false, occurrence: 1, print: false };
    let flags = '';
    for (;;) {
      const c = this.peek();
      if (c === 'g') sub.global = true;
      else if (c === 'p') sub.print = true;
      else if (c === 'i' || c === 'I') flags += 'i';
      else if (c === 'm' || c === 'M') flags += 'm';
      else if (c === 'e') {
        // executing the pattern space as a command is not available here
      } else if (c !== undefined && /[0-9]/.test(c)) {
        const m = /^[0-9]+/.exec(this.src.slice(this.pos))!;
        sub.occurrence = Number(m[0]);
        if (sub.occurrence === 0) this.fail("number option to `s' command may not be zero", m[0].length);
        this.pos += m[0].length - 1;
      } else if (c === 'w') {
        this.pos++;
        this.skip(' \t');
        sub.writeFile = this.readToEol();
        break;
      } else break;
      this.pos++;
    }
    const c = this.peek();
    if (c !== undefined && !' \t\n;}#'.includes(c)) this.fail("unknown option to `s'", 1);
    sub.re = pattern === '' ? null : this.compile(pattern, flags);
    sub.replacement = this.replacement(replacementRaw, pattern === '' ? Infinity : groupCount(sub.re!));
    return sub;
  }

  private replacement(raw: string, groups: number): ReplacementPart[] {
    const out: ReplacementPart[] = [];
    let text = '';
    const flush = (): void => {
      if (text) out.push({ kind: 'text', text });
      text = '';
    };
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i];
      if (c === '&') {
        flush();
        out.push({ kind: 'group', n: 0 });
      } else if (c === '\\' && i + 1 < raw.length) {
        const n = raw[++i];
        if (/[0-9]/.test(n)) {
          if (Number(n) > groups) this.fail(`invalid reference \\${n} on \`s' command's RHS`, 0);
          flush();
          out.push({ kind: 'group', n: Number(n) });
        } else if ('ULulE'.includes(n)) {
          flush();
          out.push({ kind: 'case', mode: n as 'U' });
        } else {
          text += ({ n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07' } as Record<string, string>)[n] ?? n;
        }
      } else {
        text += c;
      }
    }
    flush();
    return out;
  }

  private transliteration(): Map<string, string> {
    const delim = this.src[this.pos++];
    if (delim === undefined || delim === '\n' || delim === '\\') this.fail("unterminated `y' command", 0);
    const unescape = (s: string): string[] => {
      const out: string[] = [];
      for (let i = 0; i < s.length; i++) {
        if (s[i] === '\\' && i + 1 < s.length) {
          const n = s[++i];
          out.push(n === 'n' ? '\n' : n === 't' ? '\t' : n);
        } else out.push(s[i]);
      }
      return out;
    };
    const from = unescape(this.delimited(delim, "unterminated `y' command"));
    const to = unescape(this.delimited(delim, "unterminated `y' command"));
    if (from.length !== to.length) this.fail("strings for `y' command are different lengths", 0);
    return new Map(from.map((c, i) => [c, to[i]]));
  }

  /** a/i/c text: GNU's one-liner `a text` or the classic `a\` NEWLINE text, lines continued by `\`. */
  private readText(): string {
    this.skip(' \t');
    if (this.pos >= this.src.length) this.fail("expected \\ after `a', `c' or `i'", 0);
    if (this.peek() === '\\') {
      this.pos++;
      this.skip(' \t');
      if (this.peek() === '\n') this.pos++;
    }
    let out = '';
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) break;
      this.pos++;
      if (c === '\\') {
        const n = this.src[this.pos];
        if (n === undefined) break;
        this.pos++;
        out += n;
        continue;
      }
      if (c === '\n') break;
      out += c;
    }
    return out;
  }

  private readLabel(): string {
    const m = /^[^;\n]*/.exec(this.src.slice(this.pos))!;
    this.pos += m[0].length;
    return m[0].trim();
  }

  private readToEol(): string {
    const end = this.src.indexOf('\n', this.pos);
    const text = this.src.slice(this.pos, end < 0 ? undefined : end);
    this.pos = end < 0 ? this.src.length : end;
    return text;
  }

  private endOfCommand(): void {
    this.skip(' \t');
    const c = this.peek();
    if (c === undefined || c === '\n' || c === ';') return;
    if (c === '}' || c === '#') return;
    this.fail('extra characters after command', 1);
  }

  private compile(body: string, flags: string): RegExp {
    try {
      return new RegExp(translateRegex(body, { extended: this.extended, dialect: 'sed' }), flags);
    } catch (e) {
      if (e instanceof RegexError) this.fail(e.message, 0);
      throw e;
    }
  }

  private peek(): string | undefined {
    return this.src[this.pos];
  }

  private skip(chars: string): void {
    while (this.pos < this.src.length && chars.includes(this.src[this.pos])) this.pos++;
  }

  private skipToEol(): void {
    while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
  }

  /** Fail at the current position (+ `extra` characters read past it). */
  private fail(message: string, extra: number): never {
    this.failAt(this.pos + extra, message);
  }

  private failAt(pos: number, message: string, at = pos): never {
    const index = this.bounds.findIndex((b) => at <= b.end);
    const chunk = index < 0 ? this.bounds.length - 1 : index;
    const char = pos === 0 ? 0 : Math.min(pos, this.bounds[chunk].end) - this.bounds[chunk].start;
    throw new SedScriptError(`-e expression #${chunk + 1}, char ${char}: ${message}`);
  }
}

function groupCount(re: RegExp): number {
  return new RegExp(re.source + '|').exec('')!.length - 1;
}
