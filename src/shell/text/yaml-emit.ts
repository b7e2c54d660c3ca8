// `kubectl -o yaml`: kubectl turns the object into JSON and hands it to
// sigs.k8s.io/yaml, which marshals it with go-yaml v2. This file reproduces that
// emitter's choices byte for byte: go-yaml's key order, block style with
// sequences level with their key, quoting only where a plain scalar would read
// back as another type or would not parse, folding of long lines at column 80,
// literal blocks for multi-line text, `{}` / `[]` for empty collections.

import { needsQuotesToStayString } from '../../sim/api/manifest/go-yaml/resolve';
import { goFloatG } from '../../sim/api/manifest/go-format';

const BEST_WIDTH = 80;
const BEST_INDENT = 2;
/** go-yaml writes a key after `? ` instead of `key:` when it is longer than this (in UTF-8 bytes). */
const MAX_SIMPLE_KEY_BYTES = 128;

type Style = 'plain' | 'single' | 'double' | 'literal';

/** kubectl's `-o yaml` failed; kubectl prints `error: ` and the message. */
export class YamlEmitError extends Error {}

/**
 * Print a JSON-like value as `kubectl -o yaml` does. Object keys whose value is
 * `undefined` are left out. Throws YamlEmitError where kubectl fails too
 * (`yaml: control characters are not allowed`).
 */
export function toYaml(value: unknown): string {
  const e = new Emitter();
  e.node(value, false, false);
  e.endDocument();
  return e.text();
}

/** What kubectl prints around several objects (`kubectl get pods -o yaml`): a v1 `List`. */
export function kubectlList(items: readonly unknown[]): { apiVersion: 'v1'; items: unknown[]; kind: 'List'; metadata: { resourceVersion: '' } } {
  return { apiVersion: 'v1', items: [...items], kind: 'List', metadata: { resourceVersion: '' } };
}

// ---------------------------------------------------------------- the JSON detour

// kubectl hands go-yaml the object as JSON text, which go-yaml reads back as
// YAML before printing it. Go's JSON encoder leaves DEL, C1 controls, NEL and
// U+FFFE/FFFF unescaped; go-yaml's reader rejects the controls, and its scanner
// treats a raw NEL inside a quoted scalar as a line break and folds it.

const REJECTED_BY_READER = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;
const NEL_RUN = / *\u0085(?: *\u0085)* */g;

/** Characters that need the slow path of readBackString. */
const NEEDS_READ_BACK = /[\u007f-\u009f\ud800-\udfff\ufffe\uffff]/;

function readBackString(s: string): string {
  if (!NEEDS_READ_BACK.test(s)) return s;
  // Go's encoder writes invalid UTF-16 (a lone surrogate) as U+FFFD.
  const t = s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  if (REJECTED_BY_READER.test(t)) throw new YamlEmitError('yaml: control characters are not allowed');
  if (!t.includes('\u0085')) return t;
  return t.replace(NEL_RUN, (run) => {
    const breaks = run.split('\u0085').length - 1;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}

// ---------------------------------------------------------------- key order

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/**
 * go-yaml v2 sorts map keys "naturally": at the first difference, letters sort
 * after everything else, and runs of digits compare as numbers (`a2` < `a10`).
 */
export function goYamlKeyLess(a: string, b: string): boolean {
  if (ASCII.test(a) && ASCII.test(b)) return asciiKeyLess(a, b);
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = LETTER.test(ar[i]);
    const bl = LETTER.test(br[i]);
    if (al && bl) return cp(ar[i]) < cp(br[i]);
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      // A zero inside a number that started earlier is just a digit, not a leading zero.
      for (let j = i - 1; j >= 0 && DIGIT.test(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && DIGIT.test(ar[ai]); ai++) an = an * 10 + (cp(ar[ai]) - 48);
    let bi = i;
    for (; bi < br.length && DIGIT.test(br[bi]); bi++) bn = bn * 10 + (cp(br[bi]) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return cp(ar[i]) < cp(br[i]);
  }
  return ar.length < br.length;
}

const ASCII = /^[\x00-\x7f]*$/;

/** goYamlKeyLess on ASCII text, without splitting it into characters. */
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function asciiKeyLess(a: string, b: string): boolean {
  const isLetter = isAsciiLetter;
  const isDigit = isAsciiDigit;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const al = isLetter(x);
    const bl = isLetter(y);
    if (al && bl) return x < y;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (x === 48 || y === 48) {
      for (let j = i - 1; j >= 0 && isDigit(a.charCodeAt(j)); j--) {
        if (a.charCodeAt(j) !== 48) {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < a.length && isDigit(a.charCodeAt(ai)); ai++) an = an * 10 + (a.charCodeAt(ai) - 48);
    let bi = i;
    for (; bi < b.length && isDigit(b.charCodeAt(bi)); bi++) bn = bn * 10 + (b.charCodeAt(bi) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return x < y;
  }
  return a.length < b.length;
}

function cp(c: string): number {
  return c.codePointAt(0) ?? 0;
}

function compareKeys(a: string, b: string): number {
  return goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0;
}

/** Objects whose keys are undefined-valued or change on the way through go-yaml's reader. */
function normalisedObject(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) if (o[k] !== undefined) out[readBackString(k)] = o[k];
  return out;
}

function needsNormalising(o: Record<string, unknown>): boolean {
  for (const k in o) if (o[k] === undefined || NEEDS_READ_BACK.test(k)) return true;
  return false;
}

// ---------------------------------------------------------------- characters (libyaml's classes)

function isBreak(c: string | undefined): boolean {
  return c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';
}
function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}
function isBlankOrEnd(c: string | undefined): boolean {
  return c === undefined || isBlank(c) || isBreak(c) || c === '\0';
}
/** The characters the emitter may write unescaped (with unicode output on). */
function isPrintable(c: string): boolean {
  const x = cp(c);
  return (
    x === 0x0a ||
    (x >= 0x20 && x <= 0x7e) ||
    (x >= 0xa0 && x <= 0xd7ff) ||
    (x >= 0xe000 && x <= 0xfffd && x !== 0xfeff)
  );
}

function utf8Length(s: string): number {
  let n = 0;
  for (const c of s) {
    const x = cp(c);
    n += x < 0x80 ? 1 : x < 0x800 ? 2 : x < 0x10000 ? 3 : 4;
  }
  return n;
}

// ---------------------------------------------------------------- scalar analysis

interface Analysis {
  multiline: boolean;
  flowPlain: boolean;
  blockPlain: boolean;
  single: boolean;
  block: boolean;
}

/** Which styles can represent `chars` faithfully (libyaml's scalar analysis). */
function analyze(chars: string[]): Analysis {
  if (chars.length === 0) return { multiline: false, flowPlain: false, blockPlain: true, single: true, block: false };
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  const head = chars.slice(0, 3).join('');
  if (head === '---' || head === '...') {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (c === '?' || c === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (c === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else if (',?[]{}'.includes(c)) {
      flowIndicators = true;
    } else if (c === ':') {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (c === '#' && precededByWhitespace) {
      flowIndicators = true;
      blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWhitespace = isBlankOrEnd(c);
  }
  const a: Analysis = { multiline: lineBreaks, flowPlain: true, blockPlain: true, single: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.flowPlain = a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) a.flowPlain = a.blockPlain = a.single = false;
  if (spaceBreak || special) a.flowPlain = a.blockPlain = a.single = a.block = false;
  if (lineBreaks) a.flowPlain = a.blockPlain = false;
  if (flowIndicators) a.flowPlain = false;
  if (blockIndicators) a.blockPlain = false;
  return a;
}

// ---------------------------------------------------------------- the emitter

class Emitter {
  private readonly out: string[] = [];
  private column = 0;
  /** The last thing written was whitespace (no separating space needed). */
  private whitespace = true;
  /** Only indentation has been written on this line so far. */
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];
  private mappingContext = false;
  private simpleKeyContext = false;

  text(): string {
    return this.out.join('');
  }

  // go-yaml v2 ends a document with a line break only: no `...` even after a `|+` block.
  endDocument(): void {
    this.writeIndent();
  }

  node(v: unknown, mapping: boolean, simpleKey: boolean): void {
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
    if (Array.isArray(v)) {
      if (v.length === 0) this.emptyFlow('[', ']');
      else this.blockSequence(v);
    } else if (typeof v === 'object' && v !== null) {
      let o = v as Record<string, unknown>;
      if (needsNormalising(o)) o = normalisedObject(o);
      const keys = Object.keys(o);
      if (keys.length === 0) this.emptyFlow('{', '}');
      else this.blockMapping(o, keys.length > 1 ? keys.sort(compareKeys) : keys);
    } else {
      if (typeof v === 'string' && !NEEDS_READ_BACK.test(v) && !v.includes('\n') && isSimplePlain(v) && !needsQuotesToStayString(v)) {
        this.scalar(v, 'plain');
      } else {
        const [text, style] = scalarOf(v);
        this.scalar(text, style);
      }
    }
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  private blockSequence(items: unknown[]): void {
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item === undefined ? null : item, false, false);
    }
    this.popIndent();
  }

  private blockMapping(o: Record<string, unknown>, keys: string[]): void {
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      if (isSimpleKey(key)) {
        this.node(key, true, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.node(key, true, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(o[key], true, false);
    }
    this.popIndent();
  }

  private scalar(value: string, requested: Style): void {
    if (requested === 'plain' && isSimplePlain(value)) {
      // Most values (names, images, IPs): plain, one line, nothing to fold.
      if (!this.whitespace) this.put(' ');
      this.out.push(value);
      this.column += value.length;
      this.whitespace = false;
      this.indention = false;
      return;
    }
    const chars = Array.from(value);
    const style = this.selectStyle(chars, requested);
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    switch (style) {
      case 'plain':
        this.writePlain(chars, allowBreaks);
        break;
      case 'single':
        this.writeSingle(chars, allowBreaks);
        break;
      case 'double':
        this.writeDouble(chars, allowBreaks);
        break;
      case 'literal':
        this.writeLiteral(chars);
        break;
    }
    this.popIndent();
  }

  private selectStyle(chars: string[], requested: Style): Style {
    const a = analyze(chars);
    let style = requested;
    if (this.simpleKeyContext && a.multiline) style = 'double';
    if (style === 'plain') {
      if (!a.blockPlain) style = 'single';
      if (chars.length === 0 && this.simpleKeyContext) style = 'single';
    }
    if (style === 'single' && !a.single) style = 'double';
    if (style === 'literal' && (!a.block || this.simpleKeyContext)) style = 'double';
    return style;
  }

  // -------------------------------------------------------------- low-level writing

  private put(s: string): void {
    this.out.push(s);
    this.column += 1;
  }

  private write(c: string): void {
    this.out.push(c);
    this.column += 1;
  }

  private putBreak(): void {
    this.out.push('\n');
    this.column = 0;
  }

  private writeBreak(c: string): void {
    if (c === '\n') {
      this.putBreak();
    } else {
      this.out.push(c);
      this.column = 0;
    }
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) {
      this.out.push(' '.repeat(indent - this.column));
      this.column = indent;
    }
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const c of indicator) this.write(c);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private writePlain(chars: string[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') this.writeIndent();
        else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingle(chars: string[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ') {
          this.writeIndent();
        } else {
          this.write(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        if (c === "'") this.put("'");
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
  }

  private writeDouble(chars: string[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    // go-yaml's BOM test looks at the start of the text, not at the current
    // character: text that starts with a BOM comes out escaped throughout.
    const startsWithBom = chars[0] === '\ufeff';
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (startsWithBom || !isPrintable(c) || isBreak(c) || c === '"' || c === '\\') {
        this.put('\\');
        for (const x of escapeOf(c)) this.put(x);
        spaces = false;
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === ' ') this.put('\\');
        } else {
          this.write(c);
        }
        spaces = true;
      } else {
        this.write(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
  }

  private writeLiteral(chars: string[]): void {
    this.writeIndicator('|', true, false, false);
    this.writeBlockHints(chars);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of chars) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        breaks = false;
      }
    }
  }

  /** `|2` when the text starts with a space or newline; `-` strip / `+` keep chomping. */
  private writeBlockHints(chars: string[]): void {
    if (chars[0] === ' ' || isBreak(chars[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    let chomp = '';
    const last = chars.length - 1;
    if (chars.length === 0 || !isBreak(chars[last])) chomp = '-';
    else if (last === 0 || isBreak(chars[last - 1])) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
  }
}

function escapeOf(c: string): string {
  switch (c) {
    case '\0':
      return '0';
    case '\x07':
      return 'a';
    case '\b':
      return 'b';
    case '\t':
      return 't';
    case '\n':
      return 'n';
    case '\v':
      return 'v';
    case '\f':
      return 'f';
    case '\r':
      return 'r';
    case '\x1b':
      return 'e';
    case '"':
      return '"';
    case '\\':
      return '\\';
    case '\u0085':
      return 'N';
    case '\u00a0':
      return '_';
    case '\u2028':
      return 'L';
    case '\u2029':
      return 'P';
  }
  const x = cp(c);
  const hex = x.toString(16).toUpperCase();
  if (x <= 0xff) return 'x' + hex.padStart(2, '0');
  if (x <= 0xffff) return 'u' + hex.padStart(4, '0');
  return 'U' + hex.padStart(8, '0');
}

/** ASCII text without spaces that go-yaml prints plain: no indicator at the start, no ':' at the end. */
const SIMPLE_PLAIN = /^[0-9A-Za-z_./+=~$^;(][0-9A-Za-z_./:+=~$()^;@%-]*$/;

function isSimplePlain(s: string): boolean {
  return SIMPLE_PLAIN.test(s) && !s.endsWith(':') && !s.startsWith('---') && !s.startsWith('...');
}

function isSimpleKey(key: string): boolean {
  if (key.length <= MAX_SIMPLE_KEY_BYTES && SIMPLE_PLAIN.test(key)) return true;
  return !analyze(Array.from(key)).multiline && utf8Length(key) <= MAX_SIMPLE_KEY_BYTES;
}

/** A scalar's text and the style go-yaml's encoder asks for. */
function scalarOf(v: unknown): [string, Style] {
  if (v === null || v === undefined) return ['null', 'plain'];
  if (typeof v === 'boolean') return [v ? 'true' : 'false', 'plain'];
  if (typeof v === 'number') return [goYamlNumber(v), 'plain'];
  if (typeof v === 'bigint') return [v.toString(), 'plain'];
  const s = readBackString(String(v));
  if (s.includes('\n')) return [s, 'literal'];
  return [s, needsQuotesToStayString(s) ? 'double' : 'plain'];
}

/** JSON integers decode to Go ints (printed as digits); anything else is a float64 printed with %g. */
function goYamlNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Number.POSITIVE_INFINITY) return '.inf';
  if (n === Number.NEGATIVE_INFINITY) return '-.inf';
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 64) return BigInt(n).toString();
  return goFloatG(n);
}
