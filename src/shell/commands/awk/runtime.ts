// Executing an awk program: records and fields, variables and arrays, user
// functions, output redirections, getline. Output to pipes (`print | "cmd"`)
// is collected and handed to the caller, which runs the commands at exit.

import type { Expr, LValue, Output, Program, Stmt } from './ast';
import { RegexError, translateRegex } from '../lib/posix-regex';
import { UNINIT, compare, num, numToStr, sprintf, str, strnum, toNum, toStr, truthy, type Val } from './values';

export class AwkRuntimeError extends Error {}

/** A fatal error mawk reports without the run-time trailer (`cannot open x (...)`). */
export class AwkFatalError extends Error {}

type AwkArray = Map<string, Val>;

/** A function argument that was an unset variable: it becomes the caller's array if used as one. */
class UnsetRef {
  constructor(
    readonly scope: Map<string, Slot>,
    readonly name: string,
  ) {}
}

type Slot = Val | AwkArray | UnsetRef;

class NextRecord {}
class NextFile {}
class ExitProgram {
  constructor(readonly code: number) {}
}
class Return {
  constructor(readonly value: Val) {}
}
class Break {}
class Continue {}

export interface AwkIO {
  /** Text of a file (`-` is stdin), or an error text such as `No such file or directory`. */
  readFile(path: string): { text: string } | { error: string };
}

export interface AwkOperand {
  /** A file name, or `var=value` assignments which apply when reached. */
  text: string;
}

export interface AwkResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  files: Map<string, { text: string; append: boolean }>;
  pipes: { command: string; input: string }[];
}

export class AwkRuntime {
  private readonly globals = new Map<string, Slot>();
  private frames: Map<string, Slot>[] = [];
  private record = '';
  private fields: string[] = [];
  private nf = 0;
  private stdout = '';
  private stderr = '';
  private readonly files = new Map<string, { text: string; append: boolean }>();
  private readonly pipes = new Map<string, string>();
  private readonly getlineFiles = new Map<string, { records: string[]; pos: number }>();
  private readonly regexCache = new Map<string, RegExp>();
  private readonly rangeActive: boolean[];
  private seed = 0;
  private prevSeed = 0;
  private rng = 0;
  private inputs: { name: string; records: string[] }[] = [];
  private inputIndex = 0;
  private recordIndex = 0;
  private operands: string[] = [];
  private operandIndex = 0;

  constructor(
    private readonly prog: Program,
    private readonly io: AwkIO,
    private readonly cancelled: () => boolean,
    /** The name messages start with (`awk`, `mawk`). */
    private readonly prog_ = 'awk',
  ) {
    this.rangeActive = prog.rules.map(() => false);
    for (const [k, v] of Object.entries({ FS: ' ', OFS: ' ', ORS: '\n', RS: '\n', SUBSEP: '\x1c', CONVFMT: '%.6g', OFMT: '%.6g' })) {
      this.globals.set(k, str(v));
    }
    for (const k of ['NR', 'NF', 'FNR', 'RSTART', 'RLENGTH']) this.globals.set(k, num(0));
    this.globals.set('FILENAME', str(''));
    this.rng = this.seed;
  }

  setVar(name: string, value: string): void {
    this.globals.set(name, strnum(value));
  }

  setEnviron(env: [string, string][], argv: string[]): void {
    this.globals.set('ENVIRON', new Map(env.map(([k, v]) => [k, strnum(v)])));
    this.globals.set('ARGV', new Map(argv.map((a, i) => [String(i), strnum(a)])));
    this.globals.set('ARGC', num(argv.length));
  }

  run(operands: string[]): AwkResult {
    this.operands = operands;
    let exitCode = 0;
    try {
      try {
        for (const b of this.prog.begin) this.block(b);
        if (this.prog.rules.length > 0 || this.prog.end.length > 0) this.mainLoop();
      } catch (e) {
        if (!(e instanceof ExitProgram)) throw e;
        exitCode = e.code;
      }
      try {
        for (const b of this.prog.end) this.block(b);
      } catch (e) {
        if (!(e instanceof ExitProgram)) throw e;
        exitCode = e.code;
      }
    } catch (e) {
      if (e instanceof AwkRuntimeError) {
        this.stderr += `${this.prog_}: run time error: ${e.message}\n\tFILENAME="${this.getStr('FILENAME')}" FNR=${this.getStr('FNR')} NR=${this.getStr('NR')}\n`;
        exitCode = 2;
      } else if (e instanceof AwkFatalError) {
        this.stderr += `${this.prog_}: ${e.message}\n`;
        exitCode = 2;
      } else throw e;
    }
    return {
      stdout: this.stdout,
      stderr: this.stderr,
      exitCode,
      files: this.files,
      pipes: [...this.pipes].map(([command, input]) => ({ command, input })),
    };
  }

  // ---- input ----

  /** Load the next input file (applying `var=value` operands on the way); false when none is left. */
  private nextInput(): boolean {
    while (this.operandIndex < this.operands.length) {
      const op = this.operands[this.operandIndex++];
      const assign = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(op);
      if (assign) {
        this.setVar(assign[1], unescapeOperand(assign[2]));
        continue;
      }
      if (op === '') continue;
      return this.openInput(op);
    }
    if (this.inputs.length === 0) {
      this.inputs.push({ name: '', records: [] });
      return this.openInput('-');
    }
    return false;
  }

  private openInput(name: string): boolean {
    const r = this.io.readFile(name);
    if ('error' in r) throw new AwkFatalError(`cannot open ${name} (${r.error})`);
    this.inputs.push({ name, records: this.splitRecords(r.text) });
    this.inputIndex = this.inputs.length - 1;
    this.recordIndex = 0;
    this.globals.set('FILENAME', str(name === '-' ? '' : name));
    this.globals.set('FNR', num(0));
    return true;
  }

  private splitRecords(text: string): string[] {
    const rs = this.getStr('RS');
    if (text === '') return [];
    if (rs === '\n') {
      const body = text.endsWith('\n') ? text.slice(0, -1) : text;
      return body.split('\n');
    }
    if (rs === '') {
      const trimmed = text.replace(/^\n+/, '').replace(/\n+$/, '');
      return trimmed === '' ? [] : trimmed.split(/\n\n+/);
    }
    const parts = rs.length === 1 ? text.split(rs) : text.split(this.regex(rs));
    if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
    return parts;
  }

  /** Read the next main-input record; false at the end of all input. */
  private readRecord(): string | null {
    for (;;) {
      const cur = this.inputs[this.inputIndex];
      if (cur && this.recordIndex < cur.records.length) {
        return cur.records[this.recordIndex++];
      }
      if (!this.nextInput()) return null;
    }
  }

  private mainLoop(): void {
    for (;;) {
      const rec = this.readRecord();
      if (rec === null) return;
      this.bump();
      this.setRecord(rec);
      try {
        this.rules();
      } catch (e) {
        if (e instanceof NextRecord) continue;
        if (e instanceof NextFile) {
          this.recordIndex = Infinity;
          continue;
        }
        throw e;
      }
    }
  }

  private bump(): void {
    this.globals.set('NR', num(toNum(this.getVal('NR')) + 1));
    this.globals.set('FNR', num(toNum(this.getVal('FNR')) + 1));
  }

  private rules(): void {
    this.prog.rules.forEach((rule, i) => {
      let selected: boolean;
      if (rule.end) {
        if (this.rangeActive[i]) {
          selected = true;
          if (truthy(this.eval(rule.end))) this.rangeActive[i] = false;
        } else if (truthy(this.eval(rule.pattern!))) {
          selected = true;
          this.rangeActive[i] = !truthy(this.eval(rule.end));
        } else selected = false;
      } else {
        selected = rule.pattern === null || truthy(this.eval(rule.pattern));
      }
      if (!selected) return;
      if (rule.action === null) this.print([], null);
      else this.block(rule.action);
    });
  }

  // ---- records and fields ----

  private setRecord(text: string): void {
    this.record = text;
    this.fields = this.splitFields(text, this.getStr('FS'));
    this.nf = this.fields.length;
    this.globals.set('NF', num(this.nf));
  }

  private splitFields(text: string, fs: string): string[] {
    if (fs === ' ') {
      const t = text.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
      return t === '' ? [] : t.split(/[ \t\n]+/);
    }
    if (text === '') return [];
    if (fs === '') return [...text];
    if (fs.length === 1 && fs !== '\\') return text.split(fs);
    return text.split(this.regex(fs));
  }

  private getField(i: number): Val {
    if (i === 0) return strnum(this.record);
    if (i < 0) throw new AwkRuntimeError(`negative field index $${i}`);
    return i <= this.nf ? strnum(this.fields[i - 1]) : UNINIT;
  }

  private setField(i: number, v: string): void {
    if (i === 0) {
      this.setRecord(v);
      return;
    }
    if (i < 0) throw new AwkRuntimeError(`negative field index $${i}`);
    while (this.fields.length < i) this.fields.push('');
    this.fields[i - 1] = v;
    this.nf = Math.max(this.nf, i);
    this.globals.set('NF', num(this.nf));
    this.rebuild();
  }

  private setNF(n: number): void {
    n = Math.max(0, Math.trunc(n));
    while (this.fields.length < n) this.fields.push('');
    this.fields.length = n;
    this.nf = n;
    this.rebuild();
  }

  private rebuild(): void {
    this.record = this.fields.slice(0, this.nf).join(this.getStr('OFS'));
  }

  // ---- variables ----

  /** Function parameters shadow globals (awk has no other locals). */
  private lookupSlot(name: string): { map: Map<string, Slot> } {
    const top = this.frames[this.frames.length - 1];
    if (top?.has(name)) return { map: top };
    return { map: this.globals };
  }

  private getVal(name: string): Val {
    if (name === 'NF') return num(this.nf);
    const { map } = this.lookupSlot(name);
    const v = map.get(name);
    if (v instanceof Map) throw new AwkRuntimeError(`can't use array ${name} in scalar context`);
    if (v instanceof UnsetRef) return UNINIT;
    return v ?? UNINIT;
  }

  private setVal(name: string, v: Val): void {
    const { map } = this.lookupSlot(name);
    if (map.get(name) instanceof Map) throw new AwkRuntimeError(`can't assign to array ${name}`);
    if (name === 'NF') {
      this.setNF(toNum(v));
      map.set(name, num(this.nf));
      return;
    }
    map.set(name, v);
  }

  private getStr(name: string): string {
    return toStr(this.getVal(name), this.convfmt());
  }

  private convfmt(): string {
    const v = this.globals.get('CONVFMT');
    return v && !(v instanceof Map) && !(v instanceof UnsetRef) ? toStr(v, '%.6g') : '%.6g';
  }

  private array(name: string): AwkArray {
    const { map } = this.lookupSlot(name);
    let a = map.get(name);
    if (a instanceof UnsetRef) {
      const target = a.scope.get(a.name);
      const shared = target instanceof Map ? target : new Map<string, Val>();
      a.scope.set(a.name, shared);
      map.set(name, shared);
      return shared;
    }
    if (a === undefined || (!(a instanceof Map) && a.t === 'uninit')) {
      a = new Map();
      map.set(name, a);
    }
    if (!(a instanceof Map)) throw new AwkRuntimeError(`can't use scalar ${name} as array`);
    return a;
  }

  private subscript(subs: Expr[]): string {
    return subs.map((e) => this.str(this.eval(e))).join(this.getStr('SUBSEP'));
  }

  // ---- statements ----

  private block(stmts: Stmt[]): void {
    for (const s of stmts) this.stmt(s);
  }

  private stmt(s: Stmt): void {
    switch (s.k) {
      case 'print':
        this.print(s.args, s.out);
        return;
      case 'printf': {
        const args = s.args.map((a) => this.eval(a));
        const r = sprintf(this.str(args[0]), args.slice(1), this.convfmt());
        if (r.missing) {
          this.write(r.text, s.out);
          throw new AwkRuntimeError(`not enough arguments passed to printf("${this.str(args[0])}")`);
        }
        this.write(r.text, s.out);
        return;
      }
      case 'expr':
        this.eval(s.expr);
        return;
      case 'if':
        if (truthy(this.eval(s.test))) this.stmt(s.yes);
        else if (s.no) this.stmt(s.no);
        return;
      case 'while':
        while (truthy(this.eval(s.test))) {
          if (this.loopBody(s.body)) break;
        }
        return;
      case 'do':
        do {
          if (this.loopBody(s.body)) break;
        } while (truthy(this.eval(s.test)));
        return;
      case 'for':
        if (s.init) this.eval(s.init);
        while (s.test === null || truthy(this.eval(s.test))) {
          if (this.loopBody(s.body)) break;
          if (s.step) this.eval(s.step);
        }
        return;
      case 'forin': {
        const keys = [...this.array(s.array).keys()];
        for (const k of keys) {
          this.setVal(s.name, strnum(k));
          if (this.loopBody(s.body)) break;
        }
        return;
      }
      case 'block':
        this.block(s.body);
        return;
      case 'next':
        throw new NextRecord();
      case 'nextfile':
        throw new NextFile();
      case 'exit':
        throw new ExitProgram(s.code ? Math.trunc(toNum(this.eval(s.code))) & 255 : 0);
      case 'return':
        throw new Return(s.value ? this.eval(s.value) : UNINIT);
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'delete':
        if (s.subs === null) this.array(s.name).clear();
        else this.array(s.name).delete(this.subscript(s.subs));
        return;
      case 'getline':
        this.eval(s.expr);
        return;
    }
  }

  /** Run a loop body; true when it broke out. */
  private loopBody(body: Stmt): boolean {
    if (this.cancelled()) throw new ExitProgram(130);
    try {
      this.stmt(body);
    } catch (e) {
      if (e instanceof Break) return true;
      if (e instanceof Continue) return false;
      throw e;
    }
    return false;
  }

  private print(args: Expr[], out: Output | null): void {
    const ofmt = this.getStr('OFMT');
    const parts = args.length === 0 ? [this.record] : args.map((a) => {
      const v = this.eval(a);
      return v.t === 'num' ? numToStr(v.n, ofmt) : this.str(v);
    });
    this.write(parts.join(this.getStr('OFS')) + this.getStr('ORS'), out);
  }

  private write(text: string, out: Output | null): void {
    if (out === null) {
      this.stdout += text;
      return;
    }
    const dest = this.str(this.eval(out.dest));
    if (out.mode === '|') {
      this.pipes.set(dest, (this.pipes.get(dest) ?? '') + text);
      return;
    }
    if (dest === '/dev/stdout' || dest === '-') {
      this.stdout += text;
      return;
    }
    if (dest === '/dev/stderr') {
      this.stderr += text;
      return;
    }
    const f = this.files.get(dest);
    if (f) f.text += text;
    else this.files.set(dest, { text, append: out.mode === '>>' });
  }

  // ---- expressions ----

  private str(v: Val): string {
    return toStr(v, this.convfmt());
  }

  private regex(source: string): RegExp {
    let re = this.regexCache.get(source);
    if (!re) {
      try {
        re = new RegExp(translateRegex(source, { extended: true, dialect: 'awk' }));
      } catch (e) {
        if (e instanceof RegexError) throw new AwkRuntimeError(`regular expression compile failed (${e.message.toLowerCase()})\n${source}`);
        throw e;
      }
      this.regexCache.set(source, re);
    }
    return re;
  }

  /** The regex an operand denotes: a literal, or any value's string. */
  private regexOf(e: Expr): RegExp {
    if (e.k === 'regex') return this.regex(e.src);
    return this.regex(this.str(this.eval(e)));
  }

  eval(e: Expr): Val {
    switch (e.k) {
      case 'num':
        return num(e.v);
      case 'str':
        return str(e.v);
      case 'regex':
        return num(this.regex(e.src).test(this.record) ? 1 : 0);
      case 'var':
        return this.getVal(e.name);
      case 'field':
        return this.getField(Math.trunc(toNum(this.eval(e.index))));
      case 'elem': {
        const a = this.array(e.name);
        const key = this.subscript(e.subs);
        const v = a.get(key);
        if (v === undefined) {
          a.set(key, UNINIT);
          return UNINIT;
        }
        return v;
      }
      case 'assign': {
        let v = this.eval(e.value);
        if (e.op !== '=') v = num(arith(e.op.slice(0, -1), toNum(this.eval(e.target)), toNum(v)));
        else if (v.t === 'uninit') v = UNINIT;
        this.assign(e.target, v);
        return v;
      }
      case 'cond':
        return truthy(this.eval(e.test)) ? this.eval(e.yes) : this.eval(e.no);
      case 'and':
        return num(truthy(this.eval(e.left)) && truthy(this.eval(e.right)) ? 1 : 0);
      case 'or':
        return num(truthy(this.eval(e.left)) || truthy(this.eval(e.right)) ? 1 : 0);
      case 'in':
        return num(this.array(e.array).has(this.subscript(e.subs)) ? 1 : 0);
      case 'match': {
        const s = this.str(this.eval(e.left));
        return num(this.regexOf(e.re).test(s) !== e.negate ? 1 : 0);
      }
      case 'binary': {
        if (['<', '<=', '>', '>=', '==', '!='].includes(e.op)) {
          const c = compare(this.eval(e.left), this.eval(e.right), this.convfmt());
          const r = e.op === '<' ? c < 0 : e.op === '<=' ? c <= 0 : e.op === '>' ? c > 0 : e.op === '>=' ? c >= 0 : e.op === '==' ? c === 0 : c !== 0;
          return num(r ? 1 : 0);
        }
        return num(arith(e.op, toNum(this.eval(e.left)), toNum(this.eval(e.right))));
      }
      case 'unary': {
        const v = this.eval(e.arg);
        if (e.op === '!') return num(truthy(v) ? 0 : 1);
        return num(e.op === '-' ? -toNum(v) : toNum(v));
      }
      case 'concat':
        return str(this.str(this.eval(e.left)) + this.str(this.eval(e.right)));
      case 'incdec': {
        const old = toNum(this.eval(e.target));
        const next = e.op === '++' ? old + 1 : old - 1;
        this.assign(e.target, num(next));
        return num(e.prefix ? next : old);
      }
      case 'group':
        return this.eval(e.expr);
      case 'call':
        return this.call(e.name, e.args);
      case 'builtin':
        return this.builtin(e.name, e.args);
      case 'getline':
        return this.getline(e.target, e.file);
      case 'list':
        throw new AwkRuntimeError('a parenthesized list is only allowed before `in` or as print arguments');
    }
  }

  private assign(target: LValue, v: Val): void {
    switch (target.k) {
      case 'var':
        this.setVal(target.name, v);
        return;
      case 'field':
        this.setField(Math.trunc(toNum(this.eval(target.index))), this.str(v));
        return;
      case 'elem':
        this.array(target.name).set(this.subscript(target.subs), v);
        return;
    }
  }

  private call(name: string, args: Expr[]): Val {
    const fn = this.prog.functions.get(name);
    if (!fn) throw new AwkRuntimeError(`function ${name} never defined`);
    const frame = new Map<string, Slot>();
    fn.params.forEach((p, i) => {
      const a = args[i];
      if (!a) return;
      if (a.k === 'var') {
        const scope = this.lookupSlot(a.name).map;
        const slot = scope.get(a.name);
        if (slot instanceof Map || slot instanceof UnsetRef) {
          frame.set(p, slot);
          return;
        }
        if (slot === undefined || (slot.t === 'uninit' && a.name !== 'NF')) {
          frame.set(p, new UnsetRef(scope, a.name));
          return;
        }
      }
      frame.set(p, this.eval(a));
    });
    if (this.frames.length > 1000) throw new AwkRuntimeError('function call nesting too deep');
    this.frames.push(frame);
    try {
      this.block(fn.body);
    } catch (e) {
      if (e instanceof Return) return e.value;
      throw e;
    } finally {
      this.frames.pop();
    }
    return UNINIT;
  }

  private builtin(name: string, args: Expr[]): Val {
    const arg = (i: number): Val => (args[i] ? this.eval(args[i]) : UNINIT);
    switch (name) {
      case 'length': {
        if (args.length === 0) return num(this.record.length);
        const a = args[0];
        if (a.k === 'var') {
          const slot = this.lookupSlot(a.name).map.get(a.name);
          if (slot instanceof Map) return num(slot.size);
        }
        return num(this.str(arg(0)).length);
      }
      case 'substr':
        return str(substr(this.str(arg(0)), toNum(arg(1)), args.length > 2 ? toNum(arg(2)) : undefined));
      case 'index':
        return num(this.str(arg(0)).indexOf(this.str(arg(1))) + 1);
      case 'split': {
        const s = this.str(arg(0));
        const target = args[1];
        if (!target || target.k !== 'var') throw new AwkRuntimeError('split: second argument must be an array');
        const a = this.array(target.name);
        a.clear();
        let parts: string[];
        if (args[2]?.k === 'regex') parts = s === '' ? [] : s.split(this.regex(args[2].src));
        else parts = this.splitFields(s, args.length > 2 ? this.str(arg(2)) : this.getStr('FS'));
        parts.forEach((p, i) => a.set(String(i + 1), strnum(p)));
        return num(parts.length);
      }
      case 'sub':
      case 'gsub': {
        const re = this.regexOf(args[0]);
        const repl = this.str(arg(1));
        const target: LValue = args[2] && (args[2].k === 'var' || args[2].k === 'field' || args[2].k === 'elem') ? args[2] : { k: 'field', index: { k: 'num', v: 0 } };
        const { text, count } = substitute(this.str(this.eval(target)), re, repl, name === 'gsub');
        if (count > 0) this.assign(target, str(text));
        return num(count);
      }
      case 'match': {
        const s = this.str(arg(0));
        const m = this.regexOf(args[1]).exec(s);
        this.globals.set('RSTART', num(m ? m.index + 1 : 0));
        this.globals.set('RLENGTH', num(m ? m[0].length : -1));
        return num(m ? m.index + 1 : 0);
      }
      case 'sprintf': {
        const vals = args.map((a) => this.eval(a));
        return str(sprintf(this.str(vals[0] ?? UNINIT), vals.slice(1), this.convfmt()).text);
      }
      case 'int':
        return num(Math.trunc(toNum(arg(0))));
      case 'sqrt':
        return num(Math.sqrt(toNum(arg(0))));
      case 'exp':
        return num(Math.exp(toNum(arg(0))));
      case 'log':
        return num(Math.log(toNum(arg(0))));
      case 'sin':
        return num(Math.sin(toNum(arg(0))));
      case 'cos':
        return num(Math.cos(toNum(arg(0))));
      case 'atan2':
        return num(Math.atan2(toNum(arg(0)), toNum(arg(1))));
      case 'tolower':
        return str(this.str(arg(0)).replace(/[A-Z]/g, (c) => c.toLowerCase()));
      case 'toupper':
        return str(this.str(arg(0)).replace(/[a-z]/g, (c) => c.toUpperCase()));
      case 'rand':
        return num(this.nextRandom());
      case 'srand': {
        const previous = this.seed;
        this.seed = args.length ? toNum(arg(0)) : 0;
        this.rng = Math.trunc(this.seed) >>> 0;
        this.prevSeed = previous;
        return num(this.prevSeed);
      }
      case 'close':
      case 'fflush':
        return num(0);
      case 'system':
        throw new AwkRuntimeError('system() is not available in this playground');
    }
    throw new AwkRuntimeError(`unknown function ${name}`);
  }

  /** A deterministic generator (the simulation never uses real randomness). */
  private nextRandom(): number {
    this.rng = (Math.imul(this.rng, 1103515245) + 12345) >>> 0;
    return (this.rng >>> 1) / 2147483648;
  }

  private getline(target: LValue | null, file: Expr | null): Val {
    if (file) {
      const name = this.str(this.eval(file));
      let f = this.getlineFiles.get(name);
      if (!f) {
        const r = this.io.readFile(name);
        if ('error' in r) return num(-1);
        f = { records: this.splitRecords(r.text), pos: 0 };
        this.getlineFiles.set(name, f);
      }
      if (f.pos >= f.records.length) return num(0);
      const rec = f.records[f.pos++];
      if (target) this.assign(target, strnum(rec));
      else {
        this.setRecord(rec);
        this.globals.set('NR', num(toNum(this.getVal('NR')) + 1));
      }
      return num(1);
    }
    const rec = this.readRecord();
    if (rec === null) return num(0);
    this.bump();
    if (target) this.assign(target, strnum(rec));
    else this.setRecord(rec);
    return num(1);
  }
}

function arith(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '%': return a % b;
    case '^': return a ** b;
  }
  return NaN;
}

/** mawk's substr: positions truncate toward zero; a start below 1 lengthens the piece by as much. */
export function substr(s: string, start: number, length: number | undefined): string {
  let b = Math.trunc(start);
  let l = length === undefined ? Infinity : Math.trunc(length);
  if (Number.isNaN(b)) b = 1;
  if (b < 1) {
    l -= b;
    b = 1;
  }
  if (l <= 0 || b > s.length) return '';
  return s.slice(b - 1, l === Infinity ? undefined : b - 1 + l);
}

/** sub/gsub: `&` is the match, `\&` a literal `&`, `\\` a backslash. */
function substitute(s: string, re: RegExp, repl: string, global: boolean): { text: string; count: number } {
  const g = new RegExp(re.source, re.flags.replace('g', '') + 'g');
  let out = '';
  let pos = 0;
  let count = 0;
  let prevEnd = -1;
  while (pos <= s.length) {
    g.lastIndex = pos;
    const m = g.exec(s);
    if (!m) break;
    if (m[0] === '' && m.index === prevEnd) {
      if (m.index >= s.length) break;
      out += s.slice(pos, m.index + 1);
      pos = m.index + 1;
      continue;
    }
    out += s.slice(pos, m.index);
    out += expandReplacement(repl, m[0]);
    count++;
    prevEnd = m.index + m[0].length;
    if (m[0] === '') {
      if (m.index >= s.length) {
        pos = s.length + 1;
        break;
      }
      out += s[m.index];
      pos = m.index + 1;
    } else pos = prevEnd;
    if (!global) break;
  }
  if (count === 0) return { text: s, count: 0 };
  return { text: out + s.slice(Math.min(pos, s.length)), count };
}

function expandReplacement(repl: string, matched: string): string {
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === '\\' && (repl[i + 1] === '&' || repl[i + 1] === '\\')) {
      out += repl[++i];
    } else if (c === '&') out += matched;
    else out += c;
  }
  return out;
}

function unescapeOperand(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', '\\': '\\', '"': '"', '/': '/' } as Record<string, string>)[c] ?? '\\' + c);
}

