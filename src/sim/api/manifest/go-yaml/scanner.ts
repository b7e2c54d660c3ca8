// A YAML scanner that behaves like the one in go-yaml v2 (a Go port of libyaml
// 0.1), which is what kubectl runs on every manifest. It is written from the
// algorithm, not translated: what has to match is which inputs fail, with which
// problem text, at which mark. Positions count characters; lines and columns are
// 0-based as in libyaml (kubectl's messages add one for scanner errors).

export interface Mark {
  index: number;
  line: number;
  column: number;
}

export type TokenType =
  | 'STREAM-START'
  | 'STREAM-END'
  | 'VERSION-DIRECTIVE'
  | 'TAG-DIRECTIVE'
  | 'DOCUMENT-START'
  | 'DOCUMENT-END'
  | 'BLOCK-SEQUENCE-START'
  | 'BLOCK-MAPPING-START'
  | 'BLOCK-END'
  | 'FLOW-SEQUENCE-START'
  | 'FLOW-SEQUENCE-END'
  | 'FLOW-MAPPING-START'
  | 'FLOW-MAPPING-END'
  | 'BLOCK-ENTRY'
  | 'FLOW-ENTRY'
  | 'KEY'
  | 'VALUE'
  | 'ALIAS'
  | 'ANCHOR'
  | 'TAG'
  | 'SCALAR';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

export interface Token {
  type: TokenType;
  start: Mark;
  end: Mark;
  /** Scalar text, anchor or alias name, tag suffix. */
  value?: string;
  /** Tag handle (`!`, `!!`). */
  handle?: string;
  style?: ScalarStyle;
}

/** A libyaml error: which stage, the problem text and where; `context` is the "while ..." part. */
export class YamlSyntaxError extends Error {
  constructor(
    readonly stage: 'reader' | 'scanner' | 'parser' | 'composer',
    readonly problem: string,
    readonly problemMark: Mark | undefined,
    readonly context?: string,
    readonly contextMark?: Mark,
  ) {
    super(problem);
  }
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

const END = '';

function isBreak(c: string): boolean {
  return c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';
}
function isBlank(c: string): boolean {
  return c === ' ' || c === '\t';
}
/** Blank, break or the end of the input (libyaml's NUL padding). */
function isBlankz(c: string): boolean {
  return c === END || c === '\0' || isBlank(c) || isBreak(c);
}
function isBreakz(c: string): boolean {
  return c === END || c === '\0' || isBreak(c);
}
function isAlpha(c: string): boolean {
  return /^[0-9A-Za-z_-]$/.test(c);
}
function isHex(c: string): boolean {
  return /^[0-9A-Fa-f]$/.test(c);
}

export class Scanner {
  private readonly chars: string[];
  private pos = 0;
  private mark: Mark = { index: 0, line: 0, column: 0 };

  private readonly tokens: Token[] = [];
  private tokensParsed = 0;
  private tokenAvailable = false;
  private streamStartProduced = false;
  private streamEndProduced = false;

  private indent = -1;
  private readonly indents: number[] = [];
  private simpleKeyAllowed = false;
  private readonly simpleKeys: SimpleKey[] = [];
  private flowLevel = 0;

  constructor(text: string) {
    // The reader consumes a byte order mark at the very start without moving the marks.
    this.chars = Array.from(text.startsWith('\ufeff') ? text.slice(1) : text);
  }

  /** The next token without consuming it. */
  peek(): Token {
    if (!this.tokenAvailable) {
      this.fetchMoreTokens();
      this.tokenAvailable = true;
    }
    return this.tokens[0];
  }

  /** Consume the token peek() returned. */
  skip(): void {
    this.tokenAvailable = false;
    this.tokens.shift();
    this.tokensParsed++;
  }

  // -------------------------------------------------------------- characters

  private ch(offset = 0): string {
    return this.chars[this.pos + offset] ?? END;
  }

  private here(): Mark {
    return { ...this.mark };
  }

  private skipChar(): void {
    this.pos++;
    this.mark.index++;
    this.mark.column++;
  }

  /** Consume one line break (CR LF counts as one) and return it as the scanner normalises it. */
  private readLine(): string {
    const c = this.ch();
    if (c === '\r' && this.ch(1) === '\n') {
      this.pos += 2;
      this.mark.index += 2;
    } else if (isBreak(c)) {
      this.pos++;
      this.mark.index++;
    } else {
      return '';
    }
    this.mark.column = 0;
    this.mark.line++;
    return c === '\u2028' || c === '\u2029' ? c : '\n';
  }

  private scannerError(context: string, contextMark: Mark, problem: string): YamlSyntaxError {
    return new YamlSyntaxError('scanner', problem, this.here(), context, contextMark);
  }

  // -------------------------------------------------------------- token queue

  /** Fetch until the head token can no longer turn out to be preceded by a KEY (a pending simple key). */
  private fetchMoreTokens(): void {
    for (;;) {
      let need = this.tokens.length === 0;
      if (!need) {
        for (const key of this.simpleKeys) {
          if (this.simpleKeyIsValid(key) && key.tokenNumber === this.tokensParsed) {
            need = true;
            break;
          }
        }
      }
      if (!need) return;
      this.fetchNextToken();
    }
  }

  private push(type: TokenType, start: Mark, end: Mark, extra: Partial<Token> = {}): void {
    this.tokens.push({ type, start, end, ...extra });
  }

  private fetchNextToken(): void {
    if (this.streamEndProduced) throw new Error('scanner: read past the end of the stream');
    if (!this.streamStartProduced) {
      this.fetchStreamStart();
      return;
    }
    // go-yaml v2.4 checks simple keys lazily (in fetchMoreTokens and fetchValue),
    // not here: a key left without its ':' is reported where the check happens.
    this.scanToNextToken();
    this.unrollIndent(this.mark.column);

    const c = this.ch();
    if (c === END || c === '\0') return this.fetchStreamEnd();
    if (this.mark.column === 0 && c === '%') return this.fetchDirective();
    if (this.mark.column === 0 && isBlankz(this.ch(3))) {
      const three = c + this.ch(1) + this.ch(2);
      if (three === '---') return this.fetchDocumentIndicator('DOCUMENT-START');
      if (three === '...') return this.fetchDocumentIndicator('DOCUMENT-END');
    }
    if (c === '[') return this.fetchFlowCollectionStart('FLOW-SEQUENCE-START');
    if (c === '{') return this.fetchFlowCollectionStart('FLOW-MAPPING-START');
    if (c === ']') return this.fetchFlowCollectionEnd('FLOW-SEQUENCE-END');
    if (c === '}') return this.fetchFlowCollectionEnd('FLOW-MAPPING-END');
    if (c === ',') return this.fetchFlowEntry();
    const next = this.ch(1);
    if (c === '-' && isBlankz(next)) return this.fetchBlockEntry();
    if (c === '?' && (this.flowLevel > 0 || isBlankz(next))) return this.fetchKey();
    if (c === ':' && (this.flowLevel > 0 || isBlankz(next))) return this.fetchValue();
    if (c === '*') return this.fetchAnchor('ALIAS');
    if (c === '&') return this.fetchAnchor('ANCHOR');
    if (c === '!') return this.fetchTag();
    if (c === '|' && this.flowLevel === 0) return this.fetchBlockScalar(true);
    if (c === '>' && this.flowLevel === 0) return this.fetchBlockScalar(false);
    if (c === "'") return this.fetchFlowScalar(true);
    if (c === '"') return this.fetchFlowScalar(false);
    const indicator = isBlankz(c) || '-?:,[]{}#&*!|>\'"%@`'.includes(c);
    if (!indicator || (c === '-' && !isBlank(next)) || (this.flowLevel === 0 && (c === '?' || c === ':') && !isBlankz(next))) {
      return this.fetchPlainScalar();
    }
    throw this.scannerError('while scanning for the next token', this.here(), 'found character that cannot start any token');
  }

  // -------------------------------------------------------------- simple keys and indentation

  /**
   * A simple key stays possible while it is on the current line and less than
   * 1024 characters back; a required one that runs out is an error.
   */
  private simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    if (key.mark.line < this.mark.line || key.mark.index + 1024 < this.mark.index) {
      if (key.required) throw this.scannerError('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.mark.column;
    if (this.simpleKeyAllowed) {
      const key: SimpleKey = { possible: true, required, tokenNumber: this.tokensParsed + this.tokens.length, mark: this.here() };
      this.removeSimpleKey();
      this.simpleKeys[this.simpleKeys.length - 1] = key;
    }
  }

  private removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1];
    if (key.possible && key.required) throw this.scannerError('while scanning a simple key', key.mark, "could not find expected ':'");
    key.possible = false;
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.here() });
    this.flowLevel++;
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      this.simpleKeys.pop();
    }
  }

  private rollIndent(column: number, tokenNumber: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      const token: Token = { type, start: mark, end: mark };
      if (tokenNumber === -1) this.tokens.push(token);
      else this.tokens.splice(tokenNumber - this.tokensParsed, 0, token);
    }
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.push('BLOCK-END', this.here(), this.here());
      this.indent = this.indents.pop() ?? -1;
    }
  }

  // -------------------------------------------------------------- fetchers

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.here() });
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    this.push('STREAM-START', this.here(), this.here());
  }

  private fetchStreamEnd(): void {
    if (this.mark.column !== 0) {
      this.mark.column = 0;
      this.mark.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.streamEndProduced = true;
    this.push('STREAM-END', this.here(), this.here());
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.here();
    this.skipChar();
    let name = '';
    while (isAlpha(this.ch())) {
      name += this.ch();
      this.skipChar();
    }
    if (name === '') throw this.scannerError('while scanning a directive', start, 'could not find expected directive name');
    if (!isBlankz(this.ch())) throw this.scannerError('while scanning a directive', start, 'found unexpected non-alphabetical character');
    if (name !== 'YAML' && name !== 'TAG') throw this.scannerError('while scanning a directive', start, 'found unknown directive name');
    // The directive's arguments change nothing for manifests.
    while (!isBreakz(this.ch()) && this.ch() !== '#') this.skipChar();
    if (this.ch() === '#') while (!isBreakz(this.ch())) this.skipChar();
    if (isBreak(this.ch())) this.readLine();
    this.push(name === 'TAG' ? 'TAG-DIRECTIVE' : 'VERSION-DIRECTIVE', start, this.here());
  }

  private fetchDocumentIndicator(type: TokenType): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.here();
    this.skipChar();
    this.skipChar();
    this.skipChar();
    this.push(type, start, this.here());
  }

  private fetchFlowCollectionStart(type: TokenType): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    const start = this.here();
    this.skipChar();
    this.push(type, start, this.here());
  }

  private fetchFlowCollectionEnd(type: TokenType): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    const start = this.here();
    this.skipChar();
    this.push(type, start, this.here());
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.here();
    this.skipChar();
    this.push('FLOW-ENTRY', start, this.here());
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) throw this.scannerError('', this.here(), 'block sequence entries are not allowed in this context');
      this.rollIndent(this.mark.column, -1, 'BLOCK-SEQUENCE-START', this.here());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.here();
    this.skipChar();
    this.push('BLOCK-ENTRY', start, this.here());
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) throw this.scannerError('', this.here(), 'mapping keys are not allowed in this context');
      this.rollIndent(this.mark.column, -1, 'BLOCK-MAPPING-START', this.here());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    const start = this.here();
    this.skipChar();
    this.push('KEY', start, this.here());
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1];
    if (this.simpleKeyIsValid(key)) {
      this.tokens.splice(key.tokenNumber - this.tokensParsed, 0, { type: 'KEY', start: key.mark, end: key.mark });
      this.rollIndent(key.mark.column, key.tokenNumber, 'BLOCK-MAPPING-START', key.mark);
      key.possible = false;
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) throw this.scannerError('', this.here(), 'mapping values are not allowed in this context');
        this.rollIndent(this.mark.column, -1, 'BLOCK-MAPPING-START', this.here());
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    const start = this.here();
    this.skipChar();
    this.push('VALUE', start, this.here());
  }

  private fetchAnchor(type: 'ANCHOR' | 'ALIAS'): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.here();
    this.skipChar();
    let name = '';
    while (isAlpha(this.ch())) {
      name += this.ch();
      this.skipChar();
    }
    const c = this.ch();
    if (name === '' || !(isBlankz(c) || '?:,]}%@`'.includes(c))) {
      throw this.scannerError(type === 'ANCHOR' ? 'while scanning an anchor' : 'while scanning an alias', start, 'did not find expected alphabetic or numeric character');
    }
    this.push(type, start, this.here(), { value: name });
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.here();
    let handle = '';
    let suffix = '';
    if (this.ch(1) === '<') {
      this.skipChar();
      this.skipChar();
      suffix = this.scanTagUri(start);
      if (this.ch() !== '>') throw this.scannerError('while scanning a tag', start, "did not find the expected '>'");
      this.skipChar();
    } else {
      // `!`, `!!suffix`, `!handle!suffix` or `!suffix`.
      this.skipChar();
      let name = '!';
      while (isAlpha(this.ch())) {
        name += this.ch();
        this.skipChar();
      }
      if (this.ch() === '!') {
        name += '!';
        this.skipChar();
        handle = name;
        suffix = this.scanTagUri(start);
      } else {
        handle = '!';
        suffix = name.slice(1) + this.scanTagUri(start, true);
        if (suffix === '') {
          handle = '';
          suffix = '!';
        }
      }
    }
    if (!isBlankz(this.ch()) && !(this.flowLevel > 0 && this.ch() === ',')) {
      throw this.scannerError('while scanning a tag', start, 'did not find expected whitespace or line break');
    }
    this.push('TAG', start, this.here(), { handle, value: suffix });
  }

  private scanTagUri(start: Mark, allowEmpty = false): string {
    let s = '';
    while (/^[0-9A-Za-z_\-;/?:@&=+$,.!~*'()[\]%]$/.test(this.ch())) {
      if (this.ch() === '%') {
        if (!isHex(this.ch(1)) || !isHex(this.ch(2))) throw this.scannerError('while parsing a tag', start, 'did not find URI escaped octet');
        s += String.fromCharCode(parseInt(this.ch(1) + this.ch(2), 16));
        this.skipChar();
        this.skipChar();
        this.skipChar();
        continue;
      }
      s += this.ch();
      this.skipChar();
    }
    if (s === '' && !allowEmpty) throw this.scannerError('while parsing a tag', start, 'did not find expected tag URI');
    return s;
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.here();
    this.skipChar();
    let chomping = 0;
    let increment = 0;
    const readIncrement = () => {
      if (this.ch() === '0') throw this.scannerError('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
      increment = Number(this.ch());
      this.skipChar();
    };
    if (this.ch() === '+' || this.ch() === '-') {
      chomping = this.ch() === '+' ? 1 : -1;
      this.skipChar();
      if (/^[0-9]$/.test(this.ch())) readIncrement();
    } else if (/^[0-9]$/.test(this.ch())) {
      readIncrement();
      if (this.ch() === '+' || this.ch() === '-') {
        chomping = this.ch() === '+' ? 1 : -1;
        this.skipChar();
      }
    }
    while (isBlank(this.ch())) this.skipChar();
    if (this.ch() === '#') while (!isBreakz(this.ch())) this.skipChar();
    if (!isBreakz(this.ch())) throw this.scannerError('while scanning a block scalar', start, 'did not find expected comment or line break');
    if (isBreak(this.ch())) this.readLine();

    let indent = increment ? (this.indent >= 0 ? this.indent + increment : increment) : 0;
    let text = '';
    let leadingBreak = '';
    let leadingBlank = false;
    let trailingBlank = false;
    let breaks: string;
    [indent, breaks] = this.blockScalarBreaks(indent, start);
    let trailingBreaks = breaks;
    while (this.mark.column === indent && this.ch() !== END && this.ch() !== '\0') {
      trailingBlank = isBlank(this.ch());
      if (!literal && leadingBreak.startsWith('\n') && !leadingBlank && !trailingBlank) {
        if (trailingBreaks === '') text += ' ';
        leadingBreak = '';
      } else {
        text += leadingBreak;
        leadingBreak = '';
      }
      text += trailingBreaks;
      trailingBreaks = '';
      leadingBlank = isBlank(this.ch());
      while (!isBreakz(this.ch())) {
        text += this.ch();
        this.skipChar();
      }
      leadingBreak = this.readLine();
      [indent, breaks] = this.blockScalarBreaks(indent, start);
      trailingBreaks = breaks;
    }
    if (chomping !== -1) text += leadingBreak;
    if (chomping === 1) text += trailingBreaks;
    this.push('SCALAR', start, this.here(), { value: text, style: literal ? 'literal' : 'folded' });
  }

  /** Empty lines before (and between) block scalar content; works out the indentation when it is not given. */
  private blockScalarBreaks(indent: number, start: Mark): [number, string] {
    let maxIndent = 0;
    let breaks = '';
    for (;;) {
      while ((indent === 0 || this.mark.column < indent) && this.ch() === ' ') this.skipChar();
      if (this.mark.column > maxIndent) maxIndent = this.mark.column;
      if ((indent === 0 || this.mark.column < indent) && this.ch() === '\t') {
        throw this.scannerError('while scanning a block scalar', start, 'found a tab character where an indentation space is expected');
      }
      if (!isBreak(this.ch())) break;
      breaks += this.readLine();
    }
    if (indent === 0) {
      indent = Math.max(maxIndent, this.indent + 1, 1);
    }
    return [indent, breaks];
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.here();
    this.skipChar();
    let text = '';
    for (;;) {
      if (this.mark.column === 0 && isBlankz(this.ch(3))) {
        const three = this.ch() + this.ch(1) + this.ch(2);
        if (three === '---' || three === '...') throw this.scannerError('while scanning a quoted scalar', start, 'found unexpected document indicator');
      }
      if (this.ch() === END || this.ch() === '\0') throw this.scannerError('while scanning a quoted scalar', start, 'found unexpected end of stream');
      let leadingBlanks = false;
      while (!isBlankz(this.ch())) {
        const c = this.ch();
        if (single && c === "'" && this.ch(1) === "'") {
          text += "'";
          this.skipChar();
          this.skipChar();
        } else if (c === (single ? "'" : '"')) {
          break;
        } else if (!single && c === '\\' && isBreak(this.ch(1))) {
          this.skipChar();
          this.readLine();
          leadingBlanks = true;
          break;
        } else if (!single && c === '\\') {
          text += this.scanEscape(start);
        } else {
          text += c;
          this.skipChar();
        }
      }
      if (this.ch() === (single ? "'" : '"')) break;
      let whitespaces = '';
      let leadingBreak = '';
      let trailingBreaks = '';
      while (isBlank(this.ch()) || isBreak(this.ch())) {
        if (isBlank(this.ch())) {
          if (!leadingBlanks) whitespaces += this.ch();
          this.skipChar();
        } else if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = this.readLine();
          leadingBlanks = true;
        } else {
          trailingBreaks += this.readLine();
        }
      }
      if (leadingBlanks) {
        if (leadingBreak.startsWith('\n')) text += trailingBreaks === '' ? ' ' : trailingBreaks;
        else text += leadingBreak + trailingBreaks;
      } else {
        text += whitespaces;
      }
    }
    this.skipChar();
    this.push('SCALAR', start, this.here(), { value: text, style: single ? 'single' : 'double' });
  }

  private scanEscape(start: Mark): string {
    const simple: Record<string, string> = {
      '0': '\0',
      a: '\x07',
      b: '\b',
      t: '\t',
      '\t': '\t',
      n: '\n',
      v: '\v',
      f: '\f',
      r: '\r',
      e: '\x1b',
      ' ': ' ',
      '"': '"',
      '\\': '\\',
      N: '\u0085',
      _: '\u00a0',
      L: '\u2028',
      P: '\u2029',
    };
    const e = this.ch(1);
    if (e in simple) {
      this.skipChar();
      this.skipChar();
      return simple[e];
    }
    const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (width === 0) throw this.scannerError('while parsing a quoted scalar', start, 'found unknown escape character');
    this.skipChar();
    this.skipChar();
    let hex = '';
    for (let k = 0; k < width; k++) {
      if (!isHex(this.ch(k))) throw this.scannerError('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
      hex += this.ch(k);
    }
    const v = parseInt(hex, 16);
    if ((v >= 0xd800 && v <= 0xdfff) || v > 0x10ffff) throw this.scannerError('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
    for (let k = 0; k < width; k++) this.skipChar();
    return String.fromCodePoint(v);
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.here();
    let end = this.here();
    let endIndex = -1;
    const indent = this.indent + 1;
    let text = '';
    let leadingBlanks = false;
    let whitespaces = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    for (;;) {
      if (this.mark.column === 0 && isBlankz(this.ch(3))) {
        const three = this.ch() + this.ch(1) + this.ch(2);
        if (three === '---' || three === '...') break;
      }
      if (this.ch() === '#') break;
      while (!isBlankz(this.ch())) {
        const c = this.ch();
        if ((c === ':' && isBlankz(this.ch(1))) || (this.flowLevel > 0 && ',?[]{}'.includes(c))) break;
        if (leadingBlanks || whitespaces !== '') {
          if (leadingBlanks) {
            if (leadingBreak.startsWith('\n')) text += trailingBreaks === '' ? ' ' : trailingBreaks;
            else text += leadingBreak + trailingBreaks;
            leadingBreak = '';
            trailingBreaks = '';
            leadingBlanks = false;
          } else {
            text += whitespaces;
            whitespaces = '';
          }
        }
        text += c;
        this.skipChar();
        endIndex = this.mark.index;
      }
      if (endIndex === this.mark.index) end = this.here();
      if (!(isBlank(this.ch()) || isBreak(this.ch()))) break;
      while (isBlank(this.ch()) || isBreak(this.ch())) {
        if (isBlank(this.ch())) {
          if (leadingBlanks && this.mark.column < indent && this.ch() === '\t') {
            throw this.scannerError('while scanning a plain scalar', start, 'found a tab character that violates indentation');
          }
          if (!leadingBlanks) whitespaces += this.ch();
          this.skipChar();
        } else if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = this.readLine();
          leadingBlanks = true;
        } else {
          trailingBreaks += this.readLine();
        }
      }
      if (this.flowLevel === 0 && this.mark.column < indent) break;
    }
    this.push('SCALAR', start, end, { value: text, style: 'plain' });
    if (leadingBlanks) this.simpleKeyAllowed = true;
  }

  /** Whitespace, comments and line breaks up to the next token. */
  private scanToNextToken(): void {
    for (;;) {
      if (this.mark.column === 0 && this.ch() === '\ufeff') this.skipChar();
      while (this.ch() === ' ' || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.ch() === '\t')) this.skipChar();
      if (this.ch() === '#') while (!isBreakz(this.ch())) this.skipChar();
      if (isBreak(this.ch())) {
        this.readLine();
        if (this.flowLevel === 0) this.simpleKeyAllowed = true;
      } else {
        break;
      }
    }
  }
}
