// kubectl's JSONPath templates (`-o jsonpath=…`, `-o jsonpath-as-json=…`),
// following k8s.io/client-go/util/jsonpath as kubectl v1.32 runs it: text
// outside `{}` is printed as is, each `{…}` prints its results joined by spaces,
// maps and lists print as compact JSON, `range … end` loops, and failures give
// kubectl's error texts, including the Go dump of the object it was given.
//
// Values: kubectl hands the engine either an object read from the server
// (numbers are int64) or one it built itself for --dry-run=client (it goes
// through encoding/json, so every number is a float64: 100000000 prints as
// 1e+08 and `[?(@.port==80)]` fails with "incompatible types for comparison").

import { goFloatG } from '../../sim/api/manifest/go-format';
import { compareUtf8 } from '../../sim/api/manifest/json-value';
import { toCompactJson, toJson } from './json-emit';

export interface JsonPathOptions {
  /** `--allow-missing-template-keys` (default true): a missing field prints nothing instead of failing. */
  allowMissingKeys?: boolean;
  /** 'int64' (default): an object from the server. 'float64': an object kubectl built (create/run/expose --dry-run=client). */
  numbers?: 'int64' | 'float64';
  /** `-o jsonpath-as-json`: each `{…}` prints its results as an indented JSON array. */
  asJson?: boolean;
}

/**
 * A bad template or a failed evaluation. The message is kubectl's, without the
 * `error: ` prefix: kubectl prints `error: ` + message and adds a newline only
 * when the message does not already end with one (both kinds end with newlines).
 * Nothing is printed to stdout in that case.
 */
export class JsonPathError extends Error {}

/**
 * Run a JSONPath template over a JSON value as `kubectl … -o jsonpath=TEMPLATE`
 * does and return what kubectl writes to stdout (no newline is added). Throws
 * JsonPathError with kubectl's message.
 */
export function renderJsonPath(template: string, data: unknown, opts: JsonPathOptions = {}): string {
  let root: Node[];
  try {
    root = new Parser(template).parseTemplate();
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    throw new JsonPathError(`error parsing jsonpath ${template}, ${e.message}\n`);
  }
  const mode = opts.numbers ?? 'int64';
  const engine = new Engine(root, opts.allowMissingKeys ?? true, mode);
  let groups: Value[][];
  try {
    groups = engine.findResults(data, 0);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    throw new JsonPathError(
      `error executing jsonpath ${goQuote(template)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${template}\n` +
        `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data, mode)}\n\n\n`,
    );
  }
  return groups.map((g) => printGroup(g, mode, opts.asJson ?? false)).join('');
}

class TemplateError extends Error {}

// ---------------------------------------------------------------- values

/** A Go number that is not plain JSON data: template literals and the bytes of a string. */
class GoNumber {
  constructor(
    readonly kind: 'int' | 'uint' | 'float',
    readonly n: number,
  ) {}
}

type Value = unknown;

/** No value at all (Go's invalid reflect.Value), as opposed to JSON null. */
const NOTHING = Symbol('nothing');

function isMap(v: Value): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoNumber);
}

function goKindOf(v: Value, mode: 'int64' | 'float64'): 'bool' | 'int' | 'uint' | 'float' | 'string' | undefined {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return mode === 'int64' && Number.isInteger(v) ? 'int' : 'float';
  if (v instanceof GoNumber) return v.kind;
  return undefined;
}

function goTypeName(v: Value, mode: 'int64' | 'float64'): string {
  if (v instanceof GoNumber) return v.kind === 'uint' ? 'uint8' : v.kind === 'int' ? 'int' : 'float64';
  if (typeof v === 'number') return goKindOf(v, mode) === 'int' ? 'int64' : 'float64';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  if (isMap(v)) return 'map[string]interface {}';
  return 'interface {}';
}

function sortedEntries(o: Record<string, unknown>): [string, unknown][] {
  return Object.keys(o)
    .sort(compareUtf8)
    .map((k) => [k, o[k]]);
}

function utf8Bytes(s: string): number[] {
  return Array.from(new TextEncoder().encode(s));
}

// ---------------------------------------------------------------- parser

type Node =
  | { t: 'list'; nodes: Node[] }
  | { t: 'text'; text: string }
  | { t: 'field'; name: string }
  | { t: 'wildcard' }
  | { t: 'recursive' }
  | { t: 'array'; params: SliceParam[] }
  | { t: 'union'; lists: Node[][] }
  | { t: 'filter'; left: Node[]; right: Node[]; op: string }
  | { t: 'ident'; name: string }
  | { t: 'int'; v: number }
  | { t: 'float'; v: number }
  | { t: 'bool'; v: boolean };

interface SliceParam {
  value: number;
  known: boolean;
  derived: boolean;
}

const EOF = '';

function isTerminator(c: string): boolean {
  return c === EOF || ' .,[]$@{}'.includes(c);
}
function isAlphaNumeric(c: string): boolean {
  return c === '_' || /^[\p{L}\p{Nd}]$/u.test(c);
}
function isDigitChar(c: string): boolean {
  return /^\p{Nd}$/u.test(c);
}

class Parser {
  private pos = 0;
  private start = 0;
  private lastWidth = 0;

  constructor(private readonly input: string) {}

  /** The whole template: a list of text and `{…}` action lists. */
  parseTemplate(): Node[] {
    const root: Node[] = [];
    this.parseText(root);
    return root;
  }

  /** The inside of one `{…}`: used for the parts of filters and unions. */
  static action(text: string): Node[] {
    const root = new Parser(`{${text}}`).parseTemplate();
    const first = root[0];
    return first && first.t === 'list' ? first.nodes : [];
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.lastWidth = 0;
      return EOF;
    }
    const c = String.fromCodePoint(this.input.codePointAt(this.pos) ?? 0);
    this.lastWidth = c.length;
    this.pos += c.length;
    return c;
  }
  private backup(): void {
    this.pos -= this.lastWidth;
  }
  private peek(): string {
    const c = this.next();
    this.backup();
    return c;
  }
  private consume(): void {
    this.start = this.pos;
  }
  private consumeText(): string {
    const t = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return t;
  }
  private rest(): string {
    return this.input.slice(this.pos);
  }

  private parseText(cur: Node[]): void {
    for (;;) {
      if (this.rest().startsWith('{')) {
        if (this.pos > this.start) cur.push({ t: 'text', text: this.consumeText() });
        this.pos += 1;
        this.consume();
        const list: Node[] = [];
        cur.push({ t: 'list', nodes: list });
        this.parseInsideAction(list, cur);
        return;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.push({ t: 'text', text: this.consumeText() });
  }

  private parseInsideAction(cur: Node[], root: Node[]): void {
    for (;;) {
      const rest = this.rest();
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consume();
        this.parseText(root);
        return;
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith('..')) {
        if (cur.length > 0 && cur[cur.length - 1].t === 'recursive') throw new TemplateError('invalid multiple recursive descent');
        this.pos += 2;
        this.consume();
        cur.push({ t: 'recursive' });
        if (isAlphaNumeric(this.peek())) this.parseField(cur);
        continue;
      }
      const r = this.next();
      if (r === EOF || r === '\r' || r === '\n') throw new TemplateError('unclosed action');
      if (r === ' ' || r === '@' || r === '$') {
        this.consume();
      } else if (r === '[') {
        this.parseArray(cur);
      } else if (r === '"' || r === "'") {
        this.parseQuote(cur, r);
      } else if (r === '.') {
        this.parseField(cur);
      } else if (r === '+' || r === '-' || isDigitChar(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else {
        throw new TemplateError(`unrecognized character in action: ${goRuneU(r)}`);
      }
    }
  }

  private parseIdentifier(cur: Node[]): void {
    for (;;) {
      if (isTerminator(this.next())) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.push({ t: 'bool', v: value === 'true' });
    else cur.push({ t: 'ident', name: value });
  }

  private parseNumber(cur: Node[]): void {
    const r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) {
      const c = this.next();
      if (c !== '.' && !isDigitChar(c)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (/^[+-]?[0-9]+$/.test(value) && Math.abs(Number(value)) < 2 ** 63) {
      cur.push({ t: 'int', v: Number(value) });
    } else if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value)) {
      cur.push({ t: 'float', v: Number(value) });
    } else {
      throw new TemplateError(`cannot parse number ${value}`);
    }
  }

  private parseField(cur: Node[]): void {
    this.consume();
    for (;;) {
      const c = this.next();
      if (c === '\\') {
        this.next();
      } else if (isTerminator(c)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === '*') cur.push({ t: 'wildcard' });
    else cur.push({ t: 'field', name: value.replace(/\\/g, '') });
  }

  private parseQuote(cur: Node[], end: string): void {
    for (;;) {
      const c = this.next();
      if (c === EOF || c === '\n') throw new TemplateError('unterminated quoted string');
      if (c === '\\') {
        const n = this.next();
        if (n !== EOF && n !== '\n') continue;
        break;
      }
      if (c === end) break;
    }
    const value = this.consumeText();
    const text = unquoteExtend(value);
    if (text === undefined) throw new TemplateError(`unquote string ${value} error invalid syntax`);
    cur.push({ t: 'text', text });
  }

  private parseArray(cur: Node[]): void {
    for (;;) {
      const c = this.next();
      if (c === EOF || c === '\n') throw new TemplateError('unterminated array');
      if (c === ']') break;
    }
    let text = this.consumeText().slice(1, -1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      cur.push({ t: 'union', lists: parts.map((p) => Parser.action(`[${p.replace(/^ +| +$/g, '')}]`)) });
      return;
    }
    const dictKey = /^'([^']*)'$/.exec(text);
    if (dictKey) {
      cur.push(...Parser.action(`.${dictKey[1]}`));
      return;
    }
    const m = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/.exec(text);
    if (!m) throw new TemplateError(`invalid array index ${text}`);
    const params: SliceParam[] = [];
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? '';
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') {
          params.push({ value: 0, known: false, derived: false });
        } else {
          if (!/^[+-]?[0-9]+$/.test(v)) throw new TemplateError(`array index ${v} is not a number`);
          params.push({ value: Number(v), known: true, derived: false });
        }
      } else if (i === 1) {
        params.push({ value: params[0].value + 1, known: true, derived: true });
      } else {
        params.push({ value: 0, known: false, derived: false });
      }
    }
    cur.push({ t: 'array', params });
  }

  private parseFilter(cur: Node[]): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const c = this.next();
      if (c === EOF || c === '\n') throw new TemplateError('unterminated filter');
      if (c === '"' || c === "'") {
        if (!begin) {
          begin = true;
          pair = c;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && c === pair) end = true;
      } else if (c === ')') {
        if (begin === end) break;
      }
    }
    if (this.next() !== ']') throw new TemplateError('unclosed array expect ]');
    const text = this.consumeText().slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text);
    if (!m) {
      cur.push({ t: 'filter', left: Parser.action(text), right: [], op: 'exists' });
    } else {
      cur.push({ t: 'filter', left: Parser.action(m[1]), right: Parser.action(m[3]), op: m[2] });
    }
  }
}

/** client-go's UnquoteExtend: a Go string literal in double or single quotes. */
function unquoteExtend(s: string): string | undefined {
  if (s.length < 2) return undefined;
  const quote = s[0];
  if (quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) return undefined;
  const body = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; ) {
    const c = body[i];
    if (c === quote || c === '\n') return undefined;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = body[i + 1];
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (e !== undefined && e in simple) {
      out += simple[e];
      i += 2;
    } else if (e === quote) {
      out += quote;
      i += 2;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return undefined;
      const v = parseInt(hex, 16);
      if (e === 'x') out += String.fromCharCode(v);
      else if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
      else out += String.fromCodePoint(v);
      i += 2 + n;
    } else if (e !== undefined && e >= '0' && e <= '7') {
      const oct = body.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) return undefined;
      out += String.fromCharCode(parseInt(oct, 8));
      i += 4;
    } else {
      return undefined;
    }
  }
  return out;
}

// ---------------------------------------------------------------- evaluation

class Engine {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEnd = -1;

  constructor(
    private readonly nodes: Node[],
    private readonly allowMissingKeys: boolean,
    private readonly mode: 'int64' | 'float64',
  ) {}

  /** One group of results per top-level node; a `range` repeats the nodes up to its `end` per item. */
  findResults(data: Value, start: number): Value[][] {
    const full: Value[][] = [];
    for (let i = start; i < this.nodes.length; i++) {
      const results = this.walk([data], this.nodes[i]);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEnd = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const v of results) full.push(...this.findResults(v, i + 1));
        } else {
          // Still walk the body, to find where the range ends.
          this.findResults(NOTHING, i + 1);
        }
        this.inRange--;
        for (let k = i + 1; k < this.nodes.length; k++) {
          if (k === this.lastEnd) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: Value[], node: Node): Value[] {
    switch (node.t) {
      case 'list':
        return this.evalList(input, node.nodes);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.name);
      case 'array':
        return this.evalArray(input, node.params);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
        return input.map(() => new GoNumber('int', node.v));
      case 'float':
        return input.map(() => new GoNumber('float', node.v));
      case 'bool':
        return input.map(() => node.v);
      case 'wildcard':
        return this.evalWildcard(input);
      case 'recursive':
        return this.evalRecursive(input);
      case 'union':
        return node.lists.flatMap((l) => this.evalList(input, l));
      case 'ident':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: Value[], nodes: Node[]): Value[] {
    let cur = input;
    for (const n of nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new TemplateError('not in range, nothing to end');
    }
    throw new TemplateError(`unrecognized identifier ${name}`);
  }

  private evalField(input: Value[], name: string): Value[] {
    if (input.length === 0) return [];
    const results: Value[] = [];
    for (const v of input) {
      if (isMap(v) && Object.prototype.hasOwnProperty.call(v, name) && v[name] !== undefined) results.push(v[name]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new TemplateError(`${name} is not found`);
    return results;
  }

  private evalArray(input: Value[], nodeParams: SliceParam[]): Value[] {
    const result: Value[] = [];
    for (const v of input) {
      if (v === null || v === NOTHING) continue;
      if (!Array.isArray(v)) throw new TemplateError(`${goTypeName(v, this.mode)} is not array or slice`);
      const p = nodeParams.map((x) => ({ ...x }));
      const len = v.length;
      if (!p[0].known) p[0].value = 0;
      if (p[0].value < 0) p[0].value += len;
      if (!p[1].known) p[1].value = len;
      if (p[1].value < 0 || (p[1].value === 0 && p[1].derived)) p[1].value += len;
      if (p[1].value === p[0].value) return result;
      if (p[0].value >= len || p[0].value < 0) throw new TemplateError(`array index out of bounds: index ${p[0].value}, length ${len}`);
      if (p[1].value > len || p[1].value < 0) throw new TemplateError(`array index out of bounds: index ${p[1].value - 1}, length ${len}`);
      if (p[0].value > p[1].value) throw new TemplateError(`starting index ${p[0].value} is greater than ending index ${p[1].value}`);
      const slice = v.slice(p[0].value, p[1].value);
      let step = 1;
      if (p[2].known) {
        if (p[2].value <= 0) throw new TemplateError('step must be > 0');
        step = p[2].value;
      }
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  /** Children in Go's reflection sense: map values (Go's order is random; we sort), elements, a string's bytes. */
  private children(v: Value): Value[] {
    if (isMap(v)) return sortedEntries(v).map(([, x]) => x);
    if (Array.isArray(v)) return v;
    if (typeof v === 'string') return utf8Bytes(v).map((b) => new GoNumber('uint', b));
    return [];
  }

  private evalWildcard(input: Value[]): Value[] {
    return input.flatMap((v) => (v === null || v === NOTHING ? [] : this.children(v)));
  }

  private evalRecursive(input: Value[]): Value[] {
    const result: Value[] = [];
    for (const v of input) {
      if (v === null || v === NOTHING) continue;
      const kids = this.children(v);
      if (kids.length === 0) continue;
      result.push(v);
      result.push(...this.evalRecursive(kids));
    }
    return result;
  }

  private evalFilter(input: Value[], node: { left: Node[]; right: Node[]; op: string }): Value[] {
    const results: Value[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new TemplateError(`${goV(v === NOTHING ? null : v, this.mode)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        if (node.op === 'exists') {
          let lefts: Value[] = [];
          try {
            lefts = this.evalList([item], node.left);
          } catch (e) {
            if (!(e instanceof TemplateError)) throw e;
          }
          if (lefts.length > 0) results.push(item);
          continue;
        }
        const lefts = this.evalList([item], node.left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new TemplateError('can only compare one element at a time');
        const rights = this.evalList([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new TemplateError('can only compare one element at a time');
        if (this.compare(lefts[0], rights[0], node.op)) results.push(item);
      }
    }
    return results;
  }

  /** The text/template comparison functions as k8s forked them. */
  private compare(a: Value, b: Value, op: string): boolean {
    const eq = () => this.basicCompare(a, b, 'eq');
    const lt = () => this.basicCompare(a, b, 'lt');
    switch (op) {
      case '==':
        return eq();
      case '!=':
        return !eq();
      case '<':
        return lt();
      case '<=':
        return lt() || eq();
      case '>':
        return !(lt() || eq());
      case '>=':
        return !lt();
      default:
        throw new TemplateError(`unrecognized filter operator ${op}`);
    }
  }

  private basicCompare(a: Value, b: Value, how: 'eq' | 'lt'): boolean {
    const ka = goKindOf(a, this.mode);
    const kb = goKindOf(b, this.mode);
    if (ka === undefined || kb === undefined) throw new TemplateError('invalid type for comparison');
    const na = numberOf(a);
    const nb = numberOf(b);
    if (ka !== kb) {
      const intish = (k: string) => k === 'int' || k === 'uint';
      if (intish(ka) && intish(kb)) return how === 'eq' ? na === nb : na < nb;
      throw new TemplateError('incompatible types for comparison');
    }
    if (ka === 'bool') {
      if (how === 'lt') throw new TemplateError('invalid type for comparison');
      return a === b;
    }
    if (ka === 'string') return how === 'eq' ? a === b : (a as string) < (b as string);
    return how === 'eq' ? na === nb : na < nb;
  }
}

function numberOf(v: Value): number {
  if (v instanceof GoNumber) return v.n;
  return typeof v === 'number' ? v : NaN;
}

// ---------------------------------------------------------------- printing

function printGroup(group: Value[], mode: 'int64' | 'float64', asJson: boolean): string {
  if (asJson) return toJson(group.map(plainJson), 'sorted') + '\n';
  return group.map((v) => printOne(v, mode)).join(' ');
}

function plainJson(v: Value): unknown {
  return v instanceof GoNumber ? v.n : v;
}

function printOne(v: Value, mode: 'int64' | 'float64'): string {
  if (Array.isArray(v) || isMap(v)) return toCompactJson(v, 'sorted');
  if (v === null || v === undefined || v === NOTHING) return 'null';
  if (v instanceof GoNumber) return v.kind === 'float' ? goFloatG(v.n) : String(v.n);
  if (typeof v === 'number') return goKindOf(v, mode) === 'int' ? BigInt(v).toString() : goFloatG(v);
  return String(v);
}

// ---------------------------------------------------------------- Go's fmt

/** %v of a JSON value (Go's default format). */
function goV(v: Value, mode: 'int64' | 'float64'): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map((x) => goV(x, mode)).join(' ')}]`;
  if (isMap(v)) return `map[${sortedEntries(v).map(([k, x]) => `${k}:${goV(x, mode)}`).join(' ')}]`;
  return printOne(v, mode);
}

/** %#v of the object kubectl gave the engine: `map[string]interface {}{"kind":"Service", …}`. */
function goSharpV(v: Value, mode: 'int64' | 'float64'): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSharpV(x, mode)).join(', ')}}`;
  if (isMap(v)) return `map[string]interface {}{${sortedEntries(v).map(([k, x]) => `${goQuote(k)}:${goSharpV(x, mode)}`).join(', ')}}`;
  if (typeof v === 'string') return goQuote(v);
  return printOne(v, mode);
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** strconv.Quote. */
function goQuote(s: string): string {
  let out = '"';
  for (const c of s) {
    const x = c.codePointAt(0) ?? 0;
    const simple: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\', '"': '\\"' };
    if (simple[c]) out += simple[c];
    else if (x >= 0xd800 && x <= 0xdfff) out += '\\ufffd';
    else if (PRINTABLE.test(c)) out += c;
    else if (x < 0x80) out += '\\x' + x.toString(16).padStart(2, '0');
    else if (x < 0x10000) out += '\\u' + x.toString(16).padStart(4, '0');
    else out += '\\U' + x.toString(16).padStart(8, '0');
  }
  return out + '"';
}

/** %#U: `U+0023 '#'`, without the quoted character when it is not printable. */
function goRuneU(c: string): string {
  const x = c.codePointAt(0) ?? 0;
  const u = 'U+' + x.toString(16).toUpperCase().padStart(4, '0');
  return PRINTABLE.test(c) ? `${u} '${c}'` : u;
}
