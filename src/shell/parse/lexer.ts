// The tokenizer: operators, newlines and words (split into literal, quoted and
// expansion parts). It reads here-document bodies when it passes the newline
// that ends their command line, and hands `$(...)` back to the parser through
// `parseNested`, because a command substitution holds a whole script.

import type { HereDoc, ParamOp, Script, Word, WordPart } from './ast';
import {
  type ShellFlavour,
  ShellSyntaxError,
  badSubstitution,
  unterminatedExpansion,
  unterminatedQuote,
} from './errors';

export type Token =
  | { kind: 'word'; word: Word; start: number }
  | { kind: 'op'; op: string; fd: number | null; start: number }
  | { kind: 'newline'; start: number }
  | { kind: 'eof'; start: number };

const OPERATORS = [
  '&>>', '<<<', '<<-',
  '&&', '||', ';;', '|&', '>>', '<<', '<&', '>&', '<>', '>|', '&>',
  '&', '|', ';', '(', ')', '<', '>',
];
/** busybox ash has neither `|&` nor here-strings. */
const ASH_OPERATORS = OPERATORS.filter((op) => op !== '|&' && op !== '<<<');

const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMS = new Set(['?', '$', '#', '@', '*', '!', '-']);

/** The parser's side of command substitution: a `$(...)` or backquote holds a whole script. */
export interface ScannerHost {
  /** Parse a script from `scanner` up to and including the `)` that closes a `$(`. */
  parseNested(scanner: Scanner): Script;
  /** Parse a whole text as a script (the inside of backquotes). */
  parseText(text: string): Script;
}

interface PendingHeredoc {
  doc: HereDoc;
}

export class Scanner {
  pos = 0;
  /** A backslash ended the input: the line continues on the next one. */
  trailingBackslash = false;
  private lookahead: Token | null = null;
  private pending: PendingHeredoc[] = [];

  private readonly operators: string[];

  constructor(
    readonly src: string,
    private readonly host: ScannerHost,
    readonly flavour: ShellFlavour = 'bash',
  ) {
    this.operators = flavour === 'bash' ? OPERATORS : ASH_OPERATORS;
  }

  peek(): Token {
    if (!this.lookahead) this.lookahead = this.scan();
    return this.lookahead;
  }

  next(): Token {
    const t = this.peek();
    this.lookahead = null;
    return t;
  }

  /** The line (1-based) of an offset, for here-document warnings. */
  lineAt(offset: number): number {
    let n = 1;
    for (let i = 0; i < offset && i < this.src.length; i++) if (this.src[i] === '\n') n++;
    return n;
  }

  /** Read this here-document's body after the next newline. */
  addHeredoc(doc: HereDoc): void {
    this.pending.push({ doc });
  }

  /** Here-documents whose command line never reached a newline. */
  unreadHeredocs(): HereDoc[] {
    return this.pending.map((p) => p.doc);
  }

  private scan(): Token {
    this.skipBlanks();
    const start = this.pos;
    const c = this.src[this.pos];
    if (c === undefined) return { kind: 'eof', start };
    if (c === '\n') {
      this.pos++;
      this.readHeredocBodies();
      return { kind: 'newline', start };
    }
    const io = /^(\d+)(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 12));
    if (io) {
      this.pos += io[1].length;
      const op = this.matchOperator()!;
      return { kind: 'op', op, fd: Number(io[1]), start };
    }
    const op = this.matchOperator();
    if (op) return { kind: 'op', op, fd: null, start };
    return { kind: 'word', word: this.scanWord(), start };
  }

  private matchOperator(): string | null {
    for (const op of this.operators) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return op;
      }
    }
    return null;
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.src[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  private scanWord(): Word {
    const start = this.pos;
    const parts: WordPart[] = [];
    const lit = new LiteralBuffer(parts);
    if (this.src[this.pos] === '~') this.scanTilde(parts);
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined || META.has(c)) break;
      if (c === '\\') {
        const n = this.src[this.pos + 1];
        if (n === '\n') {
          this.pos += 2;
        } else if (n === undefined) {
          this.trailingBackslash = true;
          lit.add('\\', false);
          this.pos++;
        } else {
          lit.add(n, true);
          this.pos += 2;
        }
      } else if (!this.scanQuoteOrExpansion(c, parts, lit)) {
        lit.add(c, false);
        this.pos++;
      }
    }
    lit.flush();
    return { parts, raw: this.src.slice(start, this.pos) };
  }

  /** `~` or `~user` when followed by `/` or the end of the word. */
  private scanTilde(parts: WordPart[]): void {
    let i = this.pos + 1;
    while (i < this.src.length && /[A-Za-z0-9._-]/.test(this.src[i])) i++;
    const after = this.src[i];
    if (after === undefined || after === '/' || META.has(after)) {
      parts.push({ type: 'tilde', user: this.src.slice(this.pos + 1, i) });
      this.pos = i;
    }
  }

  /** After the opening `"`; consumes the closing one. */
  private scanDoubleQuoted(parts: WordPart[]): void {
    const before = parts.length;
    const lit = new LiteralBuffer(parts);
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) throw unterminatedQuote('"');
      if (c === '"') {
        this.pos++;
        break;
      }
      this.scanDoubleQuotedChar(c, parts, lit, '$`"\\');
    }
    lit.flush();
    // `""` is still an (empty) argument
    if (parts.length === before) parts.push({ type: 'lit', text: '', quoted: true });
  }

  /**
   * One character of double-quote-like text (inside "…", or a here-document
   * body): `$` and backquote expand, a backslash escapes only the characters in
   * `escapable` (and joins lines); everything else is quoted literal text.
   */
  private scanDoubleQuotedChar(c: string, parts: WordPart[], lit: LiteralBuffer, escapable: string): void {
    if (c === '\\') {
      const n = this.src[this.pos + 1];
      if (n === '\n') this.pos += 2;
      else if (n !== undefined && escapable.includes(n)) {
        lit.add(n, true);
        this.pos += 2;
      } else {
        lit.add('\\', true);
        this.pos++;
      }
    } else if (c === '$' || c === '`') {
      lit.flush();
      if (c === '$') this.scanDollar(parts, true);
      else this.scanBackquote(parts, true);
    } else {
      lit.add(c, true);
      this.pos++;
    }
  }

  /** Parse a here-document body (or any double-quote-like text without the quotes). */
  scanHeredocText(): WordPart[] {
    const parts: WordPart[] = [];
    const lit = new LiteralBuffer(parts);
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      this.scanDoubleQuotedChar(c, parts, lit, '$`\\');
    }
    lit.flush();
    return parts;
  }

  private scanDollar(parts: WordPart[], quoted: boolean): void {
    const n = this.src[this.pos + 1];
    if (n === '{') {
      this.scanBraceParam(parts, quoted);
    } else if (n === '(' && this.src[this.pos + 2] === '(' && this.arithmeticEnd(this.pos + 3) >= 0) {
      const end = this.arithmeticEnd(this.pos + 3);
      const inner = this.src.slice(this.pos + 3, end);
      this.pos = end + 2;
      parts.push({ type: 'arith', expr: this.subScanner(inner).scanHeredocText(), quoted });
    } else if (n === '(') {
      this.pos += 2;
      let script: Script;
      try {
        script = this.host.parseNested(this);
      } catch (e) {
        if (e instanceof ShellSyntaxError && e.incomplete) throw unterminatedExpansion(')');
        throw e;
      }
      parts.push({ type: 'cmdsub', script, quoted, backtick: false });
    } else if (n !== undefined && NAME_START.test(n)) {
      let i = this.pos + 1;
      while (i < this.src.length && NAME_CHAR.test(this.src[i])) i++;
      parts.push({ type: 'param', name: this.src.slice(this.pos + 1, i), quoted });
      this.pos = i;
    } else if (n !== undefined && (/[0-9]/.test(n) || SPECIAL_PARAMS.has(n))) {
      parts.push({ type: 'param', name: n, quoted });
      this.pos += 2;
    } else if (n === "'" && !quoted) {
      this.pos += 2;
      parts.push({ type: 'lit', text: this.scanAnsiC(), quoted: true });
    } else if (n === '"' && !quoted) {
      this.pos += 2;
      this.scanDoubleQuoted(parts);
    } else {
      parts.push({ type: 'lit', text: '$', quoted });
      this.pos++;
    }
  }

  /** Offset of the `))` closing an arithmetic expansion whose text starts at `from`, or -1. */
  private arithmeticEnd(from: number): number {
    let depth = 0;
    for (let i = from; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) return this.src[i + 1] === ')' ? i : -1;
        depth--;
      }
    }
    return -1;
  }

  private scanBraceParam(parts: WordPart[], quoted: boolean): void {
    const open = this.pos;
    this.pos += 2;
    const close = this.matchingBrace(this.pos);
    if (close < 0) throw unterminatedExpansion('}');
    const body = this.src.slice(this.pos, close);
    const text = this.src.slice(open, close + 1);
    this.pos = close + 1;
    const m = /^(#?)([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!-])(.*)$/s.exec(body);
    if (!m || (m[1] === '#' && m[3] !== '')) {
      throw badSubstitution(text);
    }
    const [, hash, name, rest] = m;
    if (hash === '#') {
      parts.push({ type: 'param', name, quoted, op: 'length' });
      return;
    }
    if (rest === '') {
      parts.push({ type: 'param', name, quoted });
      return;
    }
    const op = /^(:-|:=|:\+|:\?|-|=|\+|\?|##|#|%%|%|\/\/|\/|:)/.exec(rest);
    if (!op) throw badSubstitution(text);
    const argText = rest.slice(op[1].length);
    if (op[1] === '/' || op[1] === '//') {
      const slash = findUnescaped(argText, '/');
      const pattern = slash < 0 ? argText : argText.slice(0, slash);
      const repl = slash < 0 ? '' : argText.slice(slash + 1);
      parts.push({
        type: 'param', name, quoted, op: op[1] as ParamOp,
        arg: this.subScanner(pattern).scanBraceArg(), arg2: this.subScanner(repl).scanBraceArg(),
      });
      return;
    }
    if (op[1] === ':') {
      const colon = argText.indexOf(':');
      const offset = colon < 0 ? argText : argText.slice(0, colon);
      const length = colon < 0 ? undefined : argText.slice(colon + 1);
      parts.push({
        type: 'param', name, quoted, op: 'substr',
        arg: this.subScanner(offset).scanHeredocText(),
        arg2: length === undefined ? undefined : this.subScanner(length).scanHeredocText(),
      });
      return;
    }
    parts.push({ type: 'param', name, quoted, op: op[1] as ParamOp, arg: this.subScanner(argText).scanBraceArg() });
  }

  /**
   * A single-quoted string, a double-quoted one, or a `$` / backquote
   * expansion starting at `c` (the current character), unquoted context.
   * Returns false when `c` starts none of them.
   */
  private scanQuoteOrExpansion(c: string, parts: WordPart[], lit: LiteralBuffer): boolean {
    if (c === "'") {
      const end = this.src.indexOf("'", this.pos + 1);
      if (end < 0) throw unterminatedQuote("'");
      lit.add(this.src.slice(this.pos + 1, end), true, true);
      this.pos = end + 1;
      return true;
    }
    if (c !== '"' && c !== '$' && c !== '`') return false;
    lit.flush();
    if (c === '"') {
      this.pos++;
      this.scanDoubleQuoted(parts);
    } else if (c === '$') this.scanDollar(parts, false);
    else this.scanBackquote(parts, false);
    return true;
  }

  /** The word inside `${x:-word}`: quotes and expansions, blanks kept as text. */
  scanBraceArg(): WordPart[] {
    const parts: WordPart[] = [];
    const lit = new LiteralBuffer(parts);
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && this.pos + 1 < this.src.length) {
        lit.add(this.src[this.pos + 1], true);
        this.pos += 2;
      } else if (!this.scanQuoteOrExpansion(c, parts, lit)) {
        lit.add(c, false);
        this.pos++;
      }
    }
    lit.flush();
    return parts;
  }

  /** Offset of the `}` closing a `${` whose body starts at `from`, skipping quotes and nesting. */
  private matchingBrace(from: number): number {
    let depth = 0;
    for (let i = from; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '\\') i++;
      else if (c === "'") {
        const end = this.src.indexOf("'", i + 1);
        if (end < 0) return -1;
        i = end;
      } else if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0) return i;
        depth--;
      }
    }
    return -1;
  }

  private scanBackquote(parts: WordPart[], quoted: boolean): void {
    let i = this.pos + 1;
    let text = '';
    for (;;) {
      const c = this.src[i];
      if (c === undefined) throw unterminatedQuote('`');
      if (c === '`') break;
      if (c === '\\') {
        const n = this.src[i + 1];
        if (n === '\\' || n === '`' || n === '$' || (quoted && n === '"')) {
          text += n;
          i += 2;
          continue;
        }
      }
      text += c;
      i++;
    }
    this.pos = i + 1;
    parts.push({ type: 'cmdsub', script: this.host.parseText(text), quoted, backtick: true });
  }

  /** `$'...'` (bash): C escapes; after the opening quote, consumes the closing one. */
  private scanAnsiC(): string {
    let out = '';
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) throw unterminatedQuote("'");
      this.pos++;
      if (c === "'") return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.src[this.pos++];
      const simple: Record<string, string> = {
        n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v',
        '\\': '\\', "'": "'", '"': '"', '?': '?',
      };
      if (e !== undefined && e in simple) out += simple[e];
      else if (e === 'x') {
        const m = /^[0-9a-fA-F]{1,2}/.exec(this.src.slice(this.pos));
        if (m) {
          out += String.fromCharCode(parseInt(m[0], 16));
          this.pos += m[0].length;
        } else out += '\\x';
      } else if (e !== undefined && /[0-7]/.test(e)) {
        const m = /^[0-7]{1,3}/.exec(this.src.slice(this.pos - 1))!;
        out += String.fromCharCode(parseInt(m[0], 8) & 0xff);
        this.pos += m[0].length - 1;
      } else out += '\\' + (e ?? '');
    }
  }

  private readHeredocBodies(): void {
    const docs = this.pending;
    this.pending = [];
    for (const { doc } of docs) {
      let body = '';
      for (;;) {
        if (this.pos >= this.src.length) break;
        const nl = this.src.indexOf('\n', this.pos);
        const end = nl < 0 ? this.src.length : nl;
        let line = this.src.slice(this.pos, end);
        this.pos = nl < 0 ? end : end + 1;
        if (doc.stripTabs) line = line.replace(/^\t+/, '');
        if (line === doc.delimiter) {
          doc.terminated = true;
          break;
        }
        body += line + '\n';
      }
      doc.body = doc.expand ? this.subScanner(body).scanHeredocText() : [{ type: 'lit', text: body, quoted: true }];
    }
  }

  private subScanner(text: string): Scanner {
    return new Scanner(text, this.host, this.flavour);
  }
}

function findUnescaped(s: string, ch: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ch) return i;
  }
  return -1;
}

/** Collects adjacent literal characters with the same quoting into one part. */
class LiteralBuffer {
  private text = '';
  private quoted = false;
  private forced = false;

  constructor(private readonly parts: WordPart[]) {}

  /** `force` keeps an empty quoted part (`""` is an empty argument, not nothing). */
  add(text: string, quoted: boolean, force = false): void {
    if ((this.text !== '' || this.forced) && quoted !== this.quoted) this.flush();
    this.text += text;
    this.quoted = quoted;
    this.forced ||= force;
  }

  flush(): void {
    if (this.text !== '' || this.forced) this.parts.push({ type: 'lit', text: this.text, quoted: this.quoted });
    this.text = '';
    this.forced = false;
  }
}
