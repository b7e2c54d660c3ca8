// awk tokens. A `/` starts a regular expression unless the token before it
// ends an operand (then it divides). Newlines are statement terminators,
// except after tokens that cannot end one (`{`, `,`, `&&`, `||`, `do`, `else`).

export type Tok =
  | { t: 'num'; v: number; line: number }
  | { t: 'str'; v: string; line: number }
  | { t: 'ere'; v: string; line: number }
  | { t: 'name'; v: string; line: number }
  | { t: 'funcname'; v: string; line: number }
  | { t: 'builtin'; v: string; line: number }
  | { t: 'kw'; v: string; line: number }
  | { t: 'p'; v: string; line: number }
  | { t: 'nl'; v: '\n'; line: number }
  | { t: 'eof'; v: ''; line: number };

export class AwkSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const KEYWORDS = new Set([
  'BEGIN', 'END', 'function', 'func', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile',
  'exit', 'return', 'delete', 'in', 'getline', 'print', 'printf',
]);

export const BUILTINS = new Set([
  'length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'sin', 'cos', 'atan2', 'exp', 'log',
  'sqrt', 'int', 'rand', 'srand', 'tolower', 'toupper', 'system', 'close', 'fflush',
]);

const PUNCT = [
  '**=', '&&', '||', '==', '<=', '>=', '!=', '++', '--', '+=', '-=', '*=', '/=', '%=', '^=', '>>', '!~', '**',
  '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '=',
];

const SKIP_NL_AFTER = new Set(['{', ',', '&&', '||', 'do', 'else']);

/** Unescape an awk string literal body (also used for -v assignments). */
export function unescapeAwk(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', a: '\x07', '\\': '\\', '"': '"', '/': '/' };
    if (n in simple) out += simple[n];
    else if (/[0-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(s.slice(i))!;
      out += String.fromCharCode(parseInt(m[0], 8));
      i += m[0].length - 1;
    } else out += '\\' + n;
  }
  return out;
}

export function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  const last = (): Tok | undefined => toks[toks.length - 1];
  const divisionAllowed = (): boolean => {
    const l = last();
    if (!l) return false;
    if (l.t === 'num' || l.t === 'str' || l.t === 'ere' || l.t === 'name' || l.t === 'builtin') return true;
    return l.t === 'p' && (l.v === ')' || l.v === ']' || l.v === '$' || l.v === '++' || l.v === '--');
  };
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      const l = last();
      if (!(l && SKIP_NL_AFTER.has(l.v as string) && (l.t === 'p' || l.t === 'kw'))) toks.push({ t: 'nl', v: '\n', line });
      line++;
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let body = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\n') throw new AwkSyntaxError(line, 'runaway string constant "' + body.slice(0, 10) + ' ...');
        if (src[j] === '\\' && j + 1 < src.length) {
          body += src[j] + src[j + 1];
          j += 2;
        } else body += src[j++];
      }
      if (j >= src.length) throw new AwkSyntaxError(line, 'runaway string constant "' + body.slice(0, 10) + ' ...');
      toks.push({ t: 'str', v: unescapeAwk(body), line });
      i = j + 1;
      continue;
    }
    if (c === '/' && !divisionAllowed()) {
      let j = i + 1;
      let body = '';
      let inBracket = false;
      while (j < src.length && (src[j] !== '/' || inBracket)) {
        if (src[j] === '\n') throw new AwkSyntaxError(line, 'runaway regular expression /' + body.slice(0, 10) + ' ...');
        if (src[j] === '\\' && j + 1 < src.length) {
          body += src[j + 1] === '/' ? '/' : src[j] + src[j + 1];
          j += 2;
          continue;
        }
        if (src[j] === '[') inBracket = true;
        else if (src[j] === ']') inBracket = false;
        body += src[j++];
      }
      if (j >= src.length) throw new AwkSyntaxError(line, 'runaway regular expression /' + body.slice(0, 10) + ' ...');
      toks.push({ t: 'ere', v: body, line });
      i = j + 1;
      continue;
    }
    const num = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?/.exec(src.slice(i));
    if (num) {
      toks.push({ t: 'num', v: Number(num[0]), line });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (word) {
      const w = word[0];
      i += w.length;
      if (KEYWORDS.has(w)) toks.push({ t: 'kw', v: w === 'func' ? 'function' : w, line });
      else if (BUILTINS.has(w)) toks.push({ t: 'builtin', v: w, line });
      else if (src[i] === '(') toks.push({ t: 'funcname', v: w, line });
      else toks.push({ t: 'name', v: w, line });
      continue;
    }
    const p = PUNCT.find((x) => src.startsWith(x, i));
    if (!p) throw new AwkSyntaxError(line, `syntax error at or near ${c}`);
    toks.push({ t: 'p', v: p === '**' ? '^' : p === '**=' ? '^=' : p, line });
    i += p.length;
  }
  toks.push({ t: 'nl', v: '\n', line });
  toks.push({ t: 'eof', v: '', line: line + 1 });
  return toks;
}
