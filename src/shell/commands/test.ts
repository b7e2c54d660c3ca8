// test and [ (bash builtin): file tests on the VFS, string and integer comparisons, ! ( ) -a -o.

import type { Command, ExecContext } from '../types';
import { shellOf } from '../interp/context';

class TestError extends Error {}

export const test: Command = (argv, io, ctx) => {
  const name = argv[0];
  let args = argv.slice(1);
  const prefix = `${shellOf(ctx)?.flavour ?? 'bash'}: ${name}: `;
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      io.stderr(prefix + "missing `]'\n");
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(args, ctx) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    io.stderr(prefix + e.message + '\n');
    return 2;
  }
};

function evaluate(args: string[], ctx: ExecContext): boolean {
  // POSIX rules by argument count keep `[ "$x" = = ]`-style cases right
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return args[0] !== '';
    case 2:
      if (args[0] === '!') return args[1] === '';
      if (isUnary(args[0])) return unary(args[0], args[1], ctx);
      throw new TestError(`${args[0]}: unary operator expected`);
    case 3:
      if (isBinary(args[1])) return binary(args[0], args[1], args[2], ctx);
      if (args[0] === '!') return !evaluate(args.slice(1), ctx);
      if (args[0] === '(' && args[2] === ')') return evaluate([args[1]], ctx);
      break;
    case 4:
      if (args[0] === '!') return !evaluate(args.slice(1), ctx);
      if (args[0] === '(' && args[3] === ')') return evaluate(args.slice(1, 3), ctx);
      break;
  }
  const p = new ExprParser(args, ctx);
  const v = p.or();
  if (!p.done()) throw new TestError(args.length > 4 ? 'too many arguments' : `${p.current()}: binary operator expected`);
  return v;
}

class ExprParser {
  private i = 0;
  constructor(
    private readonly args: string[],
    private readonly ctx: ExecContext,
  ) {}

  done(): boolean {
    return this.i >= this.args.length;
  }

  current(): string {
    return this.args[this.i];
  }

  or(): boolean {
    let v = this.and();
    while (this.args[this.i] === '-o') {
      this.i++;
      v = this.and() || v;
    }
    return v;
  }

  private and(): boolean {
    let v = this.not();
    while (this.args[this.i] === '-a') {
      this.i++;
      v = this.not() && v;
    }
    return v;
  }

  private not(): boolean {
    if (this.args[this.i] === '!') {
      this.i++;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.args[this.i];
    if (a === undefined) throw new TestError('argument expected');
    if (a === '(') {
      this.i++;
      const v = this.or();
      if (this.args[this.i] !== ')') throw new TestError("`)' expected");
      this.i++;
      return v;
    }
    if (isUnary(a) && this.i + 1 < this.args.length) {
      this.i += 2;
      return unary(a, this.args[this.i - 1], this.ctx);
    }
    if (this.i + 2 < this.args.length && isBinary(this.args[this.i + 1])) {
      this.i += 3;
      return binary(a, this.args[this.i - 2], this.args[this.i - 1], this.ctx);
    }
    this.i++;
    return a !== '';
  }
}

const UNARY = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-n', '-z', '-L', '-h', '-b', '-c', '-p', '-S', '-t', '-a', '-g', '-u', '-k', '-O', '-G', '-N']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

function isUnary(op: string): boolean {
  return UNARY.has(op);
}

function isBinary(op: string): boolean {
  return BINARY.has(op);
}

function unary(op: string, v: string, ctx: ExecContext): boolean {
  const st = ctx.fs.stat(v);
  switch (op) {
    case '-n':
      return v !== '';
    case '-z':
      return v === '';
    case '-e':
    case '-a':
      return st !== undefined;
    case '-f':
      return st?.type === 'file';
    case '-d':
      return st?.type === 'dir';
    case '-c':
      return st?.type === 'device';
    case '-s':
      return st !== undefined && st.size > 0;
    case '-r':
    case '-w':
    case '-O':
    case '-G':
      return st !== undefined;
    case '-x':
      return st?.type === 'dir';
    case '-t':
      return false;
    default:
      return false;
  }
}

function integer(s: string): number {
  const t = s.trim();
  if (!/^[-+]?[0-9]+$/.test(t)) throw new TestError(`${s}: integer expression expected`);
  return Number(t);
}

function binary(a: string, op: string, b: string, ctx: ExecContext): boolean {
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '-eq':
      return integer(a) === integer(b);
    case '-ne':
      return integer(a) !== integer(b);
    case '-lt':
      return integer(a) < integer(b);
    case '-le':
      return integer(a) <= integer(b);
    case '-gt':
      return integer(a) > integer(b);
    case '-ge':
      return integer(a) >= integer(b);
    case '-nt':
    case '-ot': {
      const x = ctx.fs.stat(a);
      const y = ctx.fs.stat(b);
      if (op === '-nt') return x !== undefined && (y === undefined || x.mtime > y.mtime);
      return y !== undefined && (x === undefined || x.mtime < y.mtime);
    }
    case '-ef':
      return ctx.fs.exists(a) && ctx.fs.resolve(a) === ctx.fs.resolve(b);
  }
  return false;
}
