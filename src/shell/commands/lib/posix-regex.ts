// POSIX regular expressions (GNU flavour) translated to JavaScript: basic
// (grep, sed) and extended (grep -E, sed -E, awk). JavaScript matching is
// leftmost-first rather than POSIX leftmost-longest: whether a line matches is
// the same, the extent of a match with alternatives (`a|ab`) can differ.

export class RegexError extends Error {}

/** Escapes sed and awk read inside a regex. */
const CONTROL: Record<string, string> = {
  n: '\\n', t: '\\t', r: '\\r', f: '\\f', v: '\\v', a: '\\x07',
};

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~',
};

export interface RegexOptions {
  extended: boolean;
  /**
   * Whose escapes apply: sed and awk read `\n`, `\t` and friends as control
   * characters; grep takes `\t` as `t`. GNU's `\<`, `\b`, `\w`... exist in grep
   * and sed, not in awk.
   */
  dialect: 'grep' | 'sed' | 'awk';
  /** grep 3.8 warns about ERE operators with nothing to repeat; they go here. */
  warnings?: string[];
}

/** The JavaScript source equivalent to a POSIX pattern; throws RegexError with GNU's message. */
export function translateRegex(pattern: string, opts: RegexOptions): string {
  const ere = opts.extended;
  let out = '';
  let i = 0;
  let groups = 0;
  const open: number[] = [];
  /** Output offset where the last quantifiable atom starts, or -1 right after an anchor/alternation/start. */
  let atomStart = -1;
  let lastWasQuantifier = false;
  /** A BRE `^` is an anchor only first, or right after `\(` or `\|`. */
  let anchorOk = true;
  const awk = opts.dialect === 'awk';

  const atStart = (): boolean => atomStart === -1 && !lastWasQuantifier;

  const emitAtom = (src: string): void => {
    atomStart = out.length;
    out += src;
    lastWasQuantifier = false;
    anchorOk = false;
  };

  const emitQuantifier = (q: string): void => {
    if (atomStart < 0) {
      emitAtom(escapeJs(q[0]) + q.slice(1));
      return;
    }
    if (lastWasQuantifier) {
      out = out.slice(0, atomStart) + '(?:' + out.slice(atomStart) + ')';
    }
    out += q;
    lastWasQuantifier = true;
    anchorOk = false;
  };

  const interval = (from: number, closeBackslash: boolean): { q: string; end: number } | null => {
    const re = closeBackslash ? /^([0-9]*)(,([0-9]*))?\\\}/ : /^([0-9]*)(,([0-9]*))?\}/;
    const m = re.exec(pattern.slice(from));
    if (!m || (m[1] === '' && m[2] === undefined)) return null;
    const min = m[1] === '' ? 0 : Number(m[1]);
    const max = m[2] === undefined ? String(min) : m[3] ?? '';
    if (max !== '' && Number(max) < min) throw new RegexError('Invalid content of \\{\\}');
    if (min > 32767 || (max !== '' && Number(max) > 32767)) throw new RegexError('Regular expression too big');
    return { q: m[2] === undefined ? `{${min}}` : `{${min},${max}}`, end: from + m[0].length };
  };

  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      if (i + 1 >= pattern.length) throw new RegexError('Trailing backslash');
      const n = pattern[i + 1];
      i += 2;
      if (!ere && n === '(') {
        groups++;
        open.push(out.length);
        out += '(';
        atomStart = -1;
        lastWasQuantifier = false;
        anchorOk = true;
      } else if (!ere && n === ')') {
        if (open.length === 0) throw new RegexError('Unmatched ) or \\)');
        atomStart = open.pop()!;
        out += ')';
        lastWasQuantifier = false;
      } else if (!ere && n === '|') {
        out += '|';
        atomStart = -1;
        lastWasQuantifier = false;
        anchorOk = true;
      } else if (!ere && (n === '+' || n === '?')) {
        if (atStart()) emitAtom(escapeJs(n));
        else emitQuantifier(n);
      } else if (!ere && n === '{') {
        if (atStart()) {
          // nothing to repeat: GNU reads `\{` as a literal brace here
          emitAtom('\\{');
          continue;
        }
        const iv = interval(i, true);
        if (!iv) throw new RegexError('Unmatched \\{');
        emitQuantifier(iv.q);
        i = iv.end;
      } else if (/[1-9]/.test(n)) {
        if (Number(n) > groups) throw new RegexError('Invalid back reference');
        emitAtom('\\' + n);
      } else if (!awk && n === '<') {
        emitAnchor('\\b(?=\\w)');
      } else if (!awk && n === '>') {
        emitAnchor('\\b(?<=\\w)');
      } else if (!awk && (n === 'b' || n === 'B')) {
        emitAnchor('\\' + n);
      } else if (!awk && n === '`') {
        emitAnchor('^');
      } else if (!awk && n === "'") {
        emitAnchor('$');
      } else if (!awk && 'wWsS'.includes(n)) {
        emitAtom('\\' + n);
      } else if (opts.dialect !== 'grep' && n in CONTROL) {
        emitAtom(CONTROL[n]);
      } else {
        emitAtom(escapeJs(n));
      }
      continue;
    }
    if (c === '[') {
      const { source, end } = bracket(pattern, i);
      emitAtom(source);
      i = end;
      continue;
    }
    if (c === '.') {
      emitAtom('[^\\n]');
      i++;
      continue;
    }
    if (c === '*') {
      if (!atStart()) emitQuantifier('*');
      else if (ere) opts.warnings?.push('* at start of expression');
      else emitAtom('\\*');
      i++;
      continue;
    }
    if (c === '^') {
      if (ere || anchorOk) emitAnchor('^');
      else emitAtom('\\^');
      i++;
      continue;
    }
    if (c === '$') {
      const rest = pattern.slice(i + 1);
      if (ere || rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|')) emitAnchor('$');
      else emitAtom('\\$');
      i++;
      continue;
    }
    if (ere) {
      if (c === '(') {
        groups++;
        open.push(out.length);
        out += '(';
        atomStart = -1;
        lastWasQuantifier = false;
        anchorOk = true;
        i++;
        continue;
      }
      if (c === ')') {
        if (open.length === 0) throw new RegexError('Unmatched ) or \\)');
        atomStart = open.pop()!;
        out += ')';
        lastWasQuantifier = false;
        i++;
        continue;
      }
      if (c === '|') {
        out += '|';
        atomStart = -1;
        lastWasQuantifier = false;
        anchorOk = true;
        i++;
        continue;
      }
      if (c === '+' || c === '?') {
        if (atStart()) opts.warnings?.push(`${c} at start of expression`);
        else emitQuantifier(c);
        i++;
        continue;
      }
      if (c === '{') {
        if (atStart() && interval(i + 1, false)) {
          opts.warnings?.push('{...} at start of expression');
          i = interval(i + 1, false)!.end;
          continue;
        }
        const iv = atStart() ? null : interval(i + 1, false);
        if (iv) {
          emitQuantifier(iv.q);
          i = iv.end;
        } else {
          emitAtom('\\{');
          i++;
        }
        continue;
      }
    }
    emitAtom(escapeJs(c));
    i++;
  }
  if (open.length > 0) throw new RegexError('Unmatched ( or \\(');
  return out;

  function emitAnchor(src: string): void {
    out += src;
    atomStart = -1;
    lastWasQuantifier = false;
    anchorOk = false;
  }
}

/** A bracket expression starting at `[`: its JS class and the offset after `]`. */
function bracket(p: string, open: number): { source: string; end: number } {
  let i = open + 1;
  let negate = false;
  if (p[i] === '^') {
    negate = true;
    i++;
  }
  if (i >= p.length) throw new RegexError('Invalid regular expression');
  let set = '';
  let first = true;
  for (;;) {
    if (i >= p.length) throw new RegexError('Unmatched [, [^, [:, [., or [=');
    const c = p[i];
    if (c === ']' && !first) {
      i++;
      break;
    }
    first = false;
    if (c === '[' && (p[i + 1] === ':' || p[i + 1] === '=' || p[i + 1] === '.')) {
      const kind = p[i + 1];
      const close = p.indexOf(kind + ']', i + 2);
      if (close < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      const name = p.slice(i + 2, close);
      if (kind === ':') {
        if (!(name in CLASSES)) throw new RegexError('Invalid character class name');
        set += CLASSES[name];
      } else {
        set += escapeClass(name);
      }
      i = close + 2;
      continue;
    }
    if (p[i + 1] === '-' && p[i + 2] !== undefined && p[i + 2] !== ']') {
      const lo = c;
      const hi = p[i + 2];
      if (hi < lo) throw new RegexError('Invalid range end');
      set += escapeClass(lo) + '-' + escapeClass(hi);
      i += 3;
      continue;
    }
    set += escapeClass(c);
    i++;
  }
  return { source: (negate ? '[^\\n' : '[') + set + ']', end: i };
}

function escapeClass(s: string): string {
  return s.replace(/[\\\]^-]/g, '\\$&');
}

function escapeJs(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
