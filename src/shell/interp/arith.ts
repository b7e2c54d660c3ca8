// `$(( ))` arithmetic: integer C-like expressions over shell variables, with
// assignment operators. Values are JS numbers truncated to integers.

export class ArithError extends Error {
  constructor(
    message: string,
    readonly token: string,
  ) {
    super(message);
  }
}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string };

const OPS = [
  '<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=',
  '&=', '^=', '|=', '+', '-', '*', '/', '%', '<', '>', '=', '!', '~', '&', '^', '|', '?', ':', '(', ')', ',',
];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(0[xX][0-9a-fA-F]+|[0-9]+#[0-9a-zA-Z@_]+|[0-9]+)/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: parseNumber(num[1]) });
      i += num[1].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ArithError('syntax error: invalid arithmetic operator', src.slice(i));
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  return out;
}

function parseNumber(text: string): number {
  if (/^0[xX]/.test(text)) return parseInt(text.slice(2), 16);
  const based = /^([0-9]+)#(.+)$/.exec(text);
  if (based) return parseInt(based[2], Number(based[1]));
  if (text.length > 1 && text.startsWith('0')) {
    if (/[89]/.test(text)) throw new ArithError('value too great for base', text);
    return parseInt(text, 8);
  }
  return Number(text);
}

const BINARY: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10, '**': 11,
};
const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);

/** Evaluate an expression; throws ArithError with bash's text (`division by 0`...). */
export function evaluateArithmetic(src: string, vars: ArithVars): number {
  const toks = tokenize(src);
  let pos = 0;
  const peek = (): Tok | undefined => toks[pos];
  const isOp = (v: string): boolean => {
    const t = toks[pos];
    return t !== undefined && t.t === 'op' && t.v === v;
  };
  const rest = (): string => toks.slice(pos).map((t) => String(t.v)).join(' ');

  const varValue = (name: string): number => {
    const raw = vars.get(name);
    if (raw === undefined || raw.trim() === '') return 0;
    return evaluateArithmetic(raw, vars);
  };

  const comma = (): number => {
    let v = assignment();
    while (isOp(',')) {
      pos++;
      v = assignment();
    }
    return v;
  };

  const assignment = (): number => {
    const t = peek();
    const n = toks[pos + 1];
    if (t?.t === 'id' && n?.t === 'op' && ASSIGN.has(n.v)) {
      pos += 2;
      const rhs = assignment();
      const value = n.v === '=' ? rhs : binary(n.v.slice(0, -1), varValue(t.v), rhs);
      vars.set(t.v, String(value));
      return value;
    }
    return ternary();
  };

  const ternary = (): number => {
    const cond = binaryExpr(1);
    if (!isOp('?')) return cond;
    pos++;
    const a = assignment();
    if (!isOp(':')) throw new ArithError('syntax error in expression', rest());
    pos++;
    const b = assignment();
    return cond !== 0 ? a : b;
  };

  const binaryExpr = (minPrec: number): number => {
    let left = unary();
    for (;;) {
      const t = peek();
      if (!t || t.t !== 'op' || !(t.v in BINARY) || BINARY[t.v] < minPrec) return left;
      const prec = BINARY[t.v];
      pos++;
      if (t.v === '&&' && left === 0) {
        binaryExpr(prec + 1);
        left = 0;
        continue;
      }
      if (t.v === '||' && left !== 0) {
        binaryExpr(prec + 1);
        left = 1;
        continue;
      }
      const right = binaryExpr(t.v === '**' ? prec : prec + 1);
      left = binary(t.v, left, right);
    }
  };

  const unary = (): number => {
    const t = peek();
    if (t?.t === 'op') {
      if (t.v === '-' || t.v === '+' || t.v === '!' || t.v === '~') {
        pos++;
        const v = unary();
        return t.v === '-' ? -v : t.v === '+' ? v : t.v === '!' ? Number(v === 0) : ~v;
      }
      if (t.v === '++' || t.v === '--') {
        pos++;
        const id = peek();
        if (id?.t !== 'id') throw new ArithError('syntax error: operand expected', rest());
        pos++;
        const v = varValue(id.v) + (t.v === '++' ? 1 : -1);
        vars.set(id.v, String(v));
        return v;
      }
    }
    return postfix();
  };

  const postfix = (): number => {
    const t = peek();
    if (t?.t === 'id' && (toks[pos + 1]?.v === '++' || toks[pos + 1]?.v === '--')) {
      const op = toks[pos + 1].v;
      pos += 2;
      const v = varValue(t.v);
      vars.set(t.v, String(v + (op === '++' ? 1 : -1)));
      return v;
    }
    return primary();
  };

  const primary = (): number => {
    const t = peek();
    // like bash, blame the operator left hanging at the end
    if (!t) throw new ArithError('syntax error: operand expected', pos > 0 ? String(toks[pos - 1].v) : '');
    pos++;
    if (t.t === 'num') return t.v;
    if (t.t === 'id') return varValue(t.v);
    if (t.v === '(') {
      const v = comma();
      if (!isOp(')')) throw new ArithError('syntax error: missing `)\'', rest());
      pos++;
      return v;
    }
    pos--;
    throw new ArithError('syntax error: operand expected', rest());
  };

  if (toks.length === 0) return 0;
  const value = comma();
  if (pos < toks.length) {
    throw new ArithError('syntax error in expression', rest());
  }
  return value;
}

function binary(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/':
    case '%':
      if (b === 0) throw new ArithError('division by 0', String(b));
      return op === '/' ? Math.trunc(a / b) : a % b;
    case '**':
      if (b < 0) throw new ArithError('exponent less than 0', String(b));
      return a ** b;
    case '<<': return a << b;
    case '>>': return a >> b;
    case '<': return Number(a < b);
    case '>': return Number(a > b);
    case '<=': return Number(a <= b);
    case '>=': return Number(a >= b);
    case '==': return Number(a === b);
    case '!=': return Number(a !== b);
    case '&': return a & b;
    case '^': return a ^ b;
    case '|': return a | b;
    case '&&': return Number(a !== 0 && b !== 0);
    case '||': return Number(a !== 0 || b !== 0);
  }
  throw new ArithError('syntax error: invalid arithmetic operator', op);
}
