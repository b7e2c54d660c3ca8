// awk grammar (POSIX, as mawk reads it) to the tree in ./ast.ts. Syntax errors
// follow mawk: `line N: syntax error at or near X`.

import type { Expr, FunctionDef, LValue, Output, Program, Rule, Stmt } from './ast';
import { AwkSyntaxError, tokenize, type Tok } from './lexer';

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '^=']);
const COMPARE_OPS = new Set(['<', '<=', '>', '>=', '==', '!=']);

export function parseProgram(src: string): Program {
  return new Parser(tokenize(src)).program();
}

class Parser {
  private i = 0;
  private readonly prog: Program = { begin: [], end: [], rules: [], functions: new Map() };

  constructor(private readonly toks: Tok[]) {}

  program(): Program {
    this.terms();
    while (this.peek().t !== 'eof') {
      this.item();
      this.terms();
    }
    return this.prog;
  }

  private item(): void {
    const t = this.peek();
    if (t.t === 'kw' && t.v === 'BEGIN') {
      this.i++;
      this.prog.begin.push(this.action());
    } else if (t.t === 'kw' && t.v === 'END') {
      this.i++;
      this.prog.end.push(this.action());
    } else if (t.t === 'kw' && t.v === 'function') {
      this.i++;
      this.functionDef();
    } else {
      const rule: Rule = { pattern: null, end: null, action: null };
      if (!this.isP('{')) {
        rule.pattern = this.expr(false);
        if (this.isP(',')) {
          this.i++;
          rule.end = this.expr(false);
        }
      }
      if (this.isP('{')) rule.action = this.action();
      this.prog.rules.push(rule);
    }
  }

  private functionDef(): void {
    const nameTok = this.next();
    if (nameTok.t !== 'funcname' && nameTok.t !== 'name') this.unexpected(nameTok);
    this.expectP('(');
    const params: string[] = [];
    while (!this.isP(')')) {
      const p = this.next();
      if (p.t !== 'name') this.unexpected(p);
      params.push(p.v as string);
      if (this.isP(',')) this.i++;
      else if (!this.isP(')')) this.unexpected(this.peek());
    }
    this.i++;
    this.nls();
    const def: FunctionDef = { name: nameTok.v as string, params, body: this.action() };
    this.prog.functions.set(def.name, def);
  }

  private action(): Stmt[] {
    this.expectP('{');
    const body = this.stmtList();
    this.expectP('}');
    return body;
  }

  private stmtList(): Stmt[] {
    const out: Stmt[] = [];
    this.terms();
    while (!this.isP('}')) {
      if (this.peek().t === 'eof') throw new AwkSyntaxError(this.peek().line, 'missing } near end of file');
      out.push(this.stmt());
      this.terms();
    }
    return out;
  }

  private stmt(): Stmt {
    const t = this.peek();
    if (t.t === 'p' && t.v === '{') {
      this.i++;
      const body = this.stmtList();
      this.expectP('}');
      return { k: 'block', body };
    }
    if (t.t === 'p' && t.v === ';') {
      this.i++;
      return { k: 'block', body: [] };
    }
    if (t.t === 'kw') {
      switch (t.v) {
        case 'if': {
          this.i++;
          this.expectP('(');
          const test = this.expr(false);
          this.expectP(')');
          this.nls();
          const yes = this.stmt();
          const save = this.i;
          this.terms();
          if (this.isKw('else')) {
            this.i++;
            this.nls();
            return { k: 'if', test, yes, no: this.stmt() };
          }
          this.i = save;
          return { k: 'if', test, yes, no: null };
        }
        case 'while': {
          this.i++;
          this.expectP('(');
          const test = this.expr(false);
          this.expectP(')');
          if (this.isP(';')) {
            this.i++;
            return { k: 'while', test, body: { k: 'block', body: [] } };
          }
          this.nls();
          return { k: 'while', test, body: this.stmt() };
        }
        case 'do': {
          this.i++;
          this.nls();
          const body = this.stmt();
          this.terms();
          if (!this.isKw('while')) this.unexpected(this.peek());
          this.i++;
          this.expectP('(');
          const test = this.expr(false);
          this.expectP(')');
          this.simpleEnd();
          return { k: 'do', body, test };
        }
        case 'for':
          return this.forStmt();
      }
    }
    const s = this.simpleStmt();
    this.simpleEnd();
    return s;
  }

  private forStmt(): Stmt {
    this.i++;
    this.expectP('(');
    const a = this.peek();
    const b = this.toks[this.i + 1];
    const c = this.toks[this.i + 2];
    const d = this.toks[this.i + 3];
    if (a.t === 'name' && b.t === 'kw' && b.v === 'in' && c.t === 'name' && d.t === 'p' && d.v === ')') {
      this.i += 4;
      this.nls();
      return { k: 'forin', name: a.v as string, array: c.v as string, body: this.stmt() };
    }
    const init = this.isP(';') ? null : this.expr(false);
    this.expectP(';');
    this.nls();
    const test = this.isP(';') ? null : this.expr(false);
    this.expectP(';');
    this.nls();
    const step = this.isP(')') ? null : this.expr(false);
    this.expectP(')');
    if (this.isP(';')) {
      this.i++;
      return { k: 'for', init, test, step, body: { k: 'block', body: [] } };
    }
    this.nls();
    return { k: 'for', init, test, step, body: this.stmt() };
  }

  private simpleStmt(): Stmt {
    const t = this.peek();
    if (t.t === 'kw') {
      switch (t.v) {
        case 'print':
        case 'printf': {
          this.i++;
          let args: Expr[] = [];
          if (!this.atSimpleEnd() && !this.isOutput()) {
            const first = this.exprOrList(true);
            args = first.k === 'list' ? first.items : [first];
            while (this.isP(',')) {
              this.i++;
              args.push(this.expr(true));
            }
          }
          let out: Output | null = null;
          if (this.isOutput()) {
            const op = this.next().v as '>' | '>>' | '|';
            out = { mode: op, dest: this.concatLevel() };
          }
          if (t.v === 'printf' && args.length === 0) this.unexpected(this.peek());
          return { k: t.v, args, out };
        }
        case 'next':
        case 'nextfile':
        case 'break':
        case 'continue':
          this.i++;
          return { k: t.v };
        case 'exit':
        case 'return': {
          this.i++;
          const value = this.atSimpleEnd() ? null : this.expr(false);
          return t.v === 'exit' ? { k: 'exit', code: value } : { k: 'return', value };
        }
        case 'delete': {
          this.i++;
          const n = this.next();
          if (n.t !== 'name') this.unexpected(n);
          if (this.isP('[')) {
            this.i++;
            const subs = this.exprList();
            this.expectP(']');
            return { k: 'delete', name: n.v as string, subs };
          }
          return { k: 'delete', name: n.v as string, subs: null };
        }
      }
    }
    return { k: 'expr', expr: this.expr(false) };
  }

  private isOutput(): boolean {
    const t = this.peek();
    return t.t === 'p' && (t.v === '>' || t.v === '>>' || t.v === '|');
  }

  private atSimpleEnd(): boolean {
    const t = this.peek();
    return t.t === 'nl' || t.t === 'eof' || (t.t === 'p' && (t.v === ';' || t.v === '}'));
  }

  private simpleEnd(): void {
    if (this.atSimpleEnd()) {
      if (this.isP(';')) this.i++;
      return;
    }
    this.unexpected(this.peek());
  }

  private exprList(): Expr[] {
    const out = [this.expr(false)];
    while (this.isP(',')) {
      this.i++;
      out.push(this.expr(false));
    }
    return out;
  }

  /** An expression, or `(a, b)` as a list (print's arguments, `(i, j) in arr`). */
  private exprOrList(noGt: boolean): Expr {
    return this.expr(noGt, true);
  }

  expr(noGt: boolean, allowList = false): Expr {
    return this.ternary(noGt, allowList);
  }

  private ternary(noGt: boolean, allowList = false): Expr {
    const test = this.orLevel(noGt, allowList);
    if (this.isP('?')) {
      this.i++;
      this.nls();
      const yes = this.ternary(noGt);
      this.nls();
      this.expectP(':');
      this.nls();
      const no = this.ternary(noGt);
      return { k: 'cond', test, yes, no };
    }
    const t = this.peek();
    if (t.t === 'p' && ASSIGN_OPS.has(t.v) && isLValue(test)) {
      this.i++;
      this.nls();
      return { k: 'assign', op: t.v, target: test, value: this.ternary(noGt) };
    }
    return test;
  }

  private orLevel(noGt: boolean, allowList = false): Expr {
    let left = this.andLevel(noGt, allowList);
    while (this.isP('||')) {
      this.i++;
      left = { k: 'or', left, right: this.andLevel(noGt) };
    }
    return left;
  }

  private andLevel(noGt: boolean, allowList = false): Expr {
    let left = this.inLevel(noGt, allowList);
    while (this.isP('&&')) {
      this.i++;
      left = { k: 'and', left, right: this.inLevel(noGt) };
    }
    return left;
  }

  private inLevel(noGt: boolean, allowList = false): Expr {
    let left = this.matchLevel(noGt, allowList);
    while (this.isKw('in')) {
      this.i++;
      const arr = this.next();
      if (arr.t !== 'name') this.unexpected(arr);
      const subs = left.k === 'list' ? left.items : [left];
      left = { k: 'in', subs, array: arr.v as string };
    }
    return left;
  }

  private matchLevel(noGt: boolean, allowList = false): Expr {
    let left = this.compareLevel(noGt, allowList);
    for (;;) {
      const t = this.peek();
      if (!(t.t === 'p' && (t.v === '~' || t.v === '!~'))) return left;
      this.i++;
      left = { k: 'match', negate: t.v === '!~', left, re: this.compareLevel(noGt) };
    }
  }

  private compareLevel(noGt: boolean, allowList = false): Expr {
    const left = this.concatLevel(allowList);
    const t = this.peek();
    if (t.t === 'p' && COMPARE_OPS.has(t.v) && !(noGt && t.v === '>')) {
      this.i++;
      return { k: 'binary', op: t.v, left, right: this.concatLevel() };
    }
    return left;
  }

  concatLevel(allowList = false): Expr {
    let left = this.additive(allowList);
    while (this.startsConcatOperand()) {
      left = { k: 'concat', left, right: this.additive() };
    }
    return left;
  }

  private startsConcatOperand(): boolean {
    const t = this.peek();
    switch (t.t) {
      case 'num':
      case 'str':
      case 'ere':
      case 'name':
      case 'funcname':
      case 'builtin':
        return true;
      case 'p':
        return t.v === '$' || t.v === '(';
      case 'kw':
        return false;
      default:
        return false;
    }
  }

  private additive(allowList = false): Expr {
    let left = this.multiplicative(allowList);
    for (;;) {
      const t = this.peek();
      if (!(t.t === 'p' && (t.v === '+' || t.v === '-'))) return left;
      this.i++;
      left = { k: 'binary', op: t.v, left, right: this.multiplicative() };
    }
  }

  private multiplicative(allowList = false): Expr {
    let left = this.unary(allowList);
    for (;;) {
      const t = this.peek();
      if (!(t.t === 'p' && (t.v === '*' || t.v === '/' || t.v === '%'))) return left;
      this.i++;
      left = { k: 'binary', op: t.v, left, right: this.unary() };
    }
  }

  private unary(allowList = false): Expr {
    const t = this.peek();
    if (t.t === 'p' && (t.v === '!' || t.v === '-' || t.v === '+')) {
      this.i++;
      return { k: 'unary', op: t.v, arg: this.unary() };
    }
    return this.power(allowList);
  }

  private power(allowList = false): Expr {
    const base = this.postfix(allowList);
    if (this.isP('^')) {
      this.i++;
      const t = this.peek();
      const exp = t.t === 'p' && (t.v === '-' || t.v === '+' || t.v === '!') ? this.unary() : this.power();
      return { k: 'binary', op: '^', left: base, right: exp };
    }
    return base;
  }

  private postfix(allowList = false): Expr {
    const t = this.peek();
    if (t.t === 'p' && (t.v === '++' || t.v === '--')) {
      this.i++;
      const target = this.primary();
      if (!isLValue(target)) this.unexpected(t);
      return { k: 'incdec', op: t.v, prefix: true, target };
    }
    const e = this.primary(allowList);
    const n = this.peek();
    if (n.t === 'p' && (n.v === '++' || n.v === '--') && isLValue(e)) {
      this.i++;
      return { k: 'incdec', op: n.v, prefix: false, target: e };
    }
    return e;
  }

  private primary(allowList = false): Expr {
    const t = this.next();
    switch (t.t) {
      case 'num':
        return { k: 'num', v: t.v };
      case 'str':
        return { k: 'str', v: t.v };
      case 'ere':
        return { k: 'regex', src: t.v };
      case 'name':
        if (this.isP('[')) {
          this.i++;
          const subs = this.exprList();
          this.expectP(']');
          return { k: 'elem', name: t.v, subs };
        }
        return { k: 'var', name: t.v };
      case 'funcname': {
        this.expectP('(');
        const args = this.isP(')') ? [] : this.exprList();
        this.expectP(')');
        return { k: 'call', name: t.v, args };
      }
      case 'builtin': {
        if (!this.isP('(')) {
          if (t.v === 'length') return { k: 'builtin', name: 'length', args: [] };
          this.unexpected(this.peek());
        }
        this.i++;
        const args = this.isP(')') ? [] : this.exprList();
        this.expectP(')');
        return { k: 'builtin', name: t.v, args };
      }
      case 'kw':
        if (t.v === 'getline') {
          let target: LValue | null = null;
          const n = this.peek();
          if (n.t === 'name' || (n.t === 'p' && n.v === '$')) {
            const e = this.primary();
            if (isLValue(e)) target = e;
          }
          let file: Expr | null = null;
          if (this.isP('<')) {
            this.i++;
            file = this.primary();
          }
          return { k: 'getline', target, file };
        }
        break;
      case 'p':
        if (t.v === '$') {
          const index = this.incOrPrimary();
          return { k: 'field', index };
        }
        if (t.v === '(') {
          this.nls();
          const first = this.expr(false);
          if (this.isP(',') && allowList) {
            const items = [first];
            while (this.isP(',')) {
              this.i++;
              this.nls();
              items.push(this.expr(false));
            }
            this.expectP(')');
            return { k: 'list', items };
          }
          if (this.isP(',')) {
            const items = [first];
            while (this.isP(',')) {
              this.i++;
              items.push(this.expr(false));
            }
            this.expectP(')');
            if (!this.isKw('in')) this.unexpected(this.peek());
            return { k: 'list', items };
          }
          this.expectP(')');
          return { k: 'group', expr: first };
        }
        if (t.v === '-' || t.v === '+' || t.v === '!') {
          return { k: 'unary', op: t.v, arg: this.unary() };
        }
        break;
    }
    this.unexpected(t);
  }

  /** The operand of `$`: `$NF`, `$i++` binds as `($i)++`, `$++i` increments i. */
  private incOrPrimary(): Expr {
    const t = this.peek();
    if (t.t === 'p' && (t.v === '++' || t.v === '--')) {
      this.i++;
      const target = this.primary();
      if (!isLValue(target)) this.unexpected(t);
      return { k: 'incdec', op: t.v, prefix: true, target };
    }
    if (t.t === 'p' && t.v === '-') {
      this.i++;
      return { k: 'unary', op: '-', arg: this.primary() };
    }
    return this.primary();
  }

  private peek(): Tok {
    return this.toks[this.i];
  }

  private next(): Tok {
    return this.toks[this.i++];
  }

  private isP(v: string): boolean {
    const t = this.peek();
    return t.t === 'p' && t.v === v;
  }

  private isKw(v: string): boolean {
    const t = this.peek();
    return t.t === 'kw' && t.v === v;
  }

  private expectP(v: string): void {
    if (!this.isP(v)) {
      if (v === '}' && this.peek().t === 'eof') throw new AwkSyntaxError(this.peek().line, 'missing } near end of file');
      this.unexpected(this.peek());
    }
    this.i++;
  }

  private nls(): void {
    while (this.peek().t === 'nl') this.i++;
  }

  private terms(): void {
    while (this.peek().t === 'nl' || this.isP(';')) this.i++;
  }

  private unexpected(t: Tok): never {
    if (t.t === 'eof') throw new AwkSyntaxError(t.line, 'missing } near end of file');
    const text = t.t === 'nl' ? 'end of line' : t.t === 'str' ? `"${t.v}"` : t.t === 'ere' ? `/${t.v}/` : String(t.v);
    throw new AwkSyntaxError(t.line, `syntax error at or near ${text}`);
  }
}

function isLValue(e: Expr): e is LValue {
  return e.k === 'var' || e.k === 'field' || e.k === 'elem';
}
