// The awk program as a tree of plain data.

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'regex'; src: string }
  | { k: 'var'; name: string }
  | { k: 'field'; index: Expr }
  | { k: 'elem'; name: string; subs: Expr[] }
  | { k: 'assign'; op: string; target: LValue; value: Expr }
  | { k: 'cond'; test: Expr; yes: Expr; no: Expr }
  | { k: 'and'; left: Expr; right: Expr }
  | { k: 'or'; left: Expr; right: Expr }
  | { k: 'in'; subs: Expr[]; array: string }
  | { k: 'match'; negate: boolean; left: Expr; re: Expr }
  | { k: 'binary'; op: string; left: Expr; right: Expr }
  | { k: 'unary'; op: '!' | '-' | '+'; arg: Expr }
  | { k: 'concat'; left: Expr; right: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: LValue }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'builtin'; name: string; args: Expr[] }
  | { k: 'getline'; target: LValue | null; file: Expr | null }
  | { k: 'group'; expr: Expr }
  /** `(a, b)`: only as print's arguments or before `in`. */
  | { k: 'list'; items: Expr[] };

export type LValue = Extract<Expr, { k: 'var' } | { k: 'field' } | { k: 'elem' }>;

export interface Output {
  mode: '>' | '>>' | '|';
  dest: Expr;
}

export type Stmt =
  | { k: 'print'; args: Expr[]; out: Output | null }
  | { k: 'printf'; args: Expr[]; out: Output | null }
  | { k: 'expr'; expr: Expr }
  | { k: 'if'; test: Expr; yes: Stmt; no: Stmt | null }
  | { k: 'while'; test: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; test: Expr }
  | { k: 'for'; init: Expr | null; test: Expr | null; step: Expr | null; body: Stmt }
  | { k: 'forin'; name: string; array: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' }
  | { k: 'nextfile' }
  | { k: 'exit'; code: Expr | null }
  | { k: 'return'; value: Expr | null }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'delete'; name: string; subs: Expr[] | null }
  | { k: 'getline'; expr: Expr };

export interface Rule {
  pattern: Expr | null;
  /** Range patterns `p1, p2`. */
  end: Expr | null;
  /** null: `{ print }`. */
  action: Stmt[] | null;
}

export interface FunctionDef {
  name: string;
  params: string[];
  body: Stmt[];
}

export interface Program {
  begin: Stmt[][];
  end: Stmt[][];
  rules: Rule[];
  functions: Map<string, FunctionDef>;
}
