// How go-yaml v2 (the YAML library inside sigs.k8s.io/yaml, which kubectl uses)
// gives a type to an unquoted scalar. YAML 1.1 flavoured: `yes`, `on`, `y` are
// booleans, `0777` is octal, `1_000` is an int, `2024-01-01` is a timestamp.
// The same table decides, on the way out, which strings must be quoted so that
// they read back as strings.

export type ResolvedTag = 'str' | 'null' | 'bool' | 'int' | 'float' | 'timestamp';

export interface Resolved {
  tag: ResolvedTag;
  /** The JSON value the scalar stands for (timestamps stay strings, as go-yaml v2 keeps them for interface{}). */
  value: string | number | boolean | null;
}

const WORDS = new Map<string, Resolved>();
function word(value: Resolved['value'], tag: ResolvedTag, spellings: string[]): void {
  for (const s of spellings) WORDS.set(s, { tag, value });
}
word(true, 'bool', ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
word(false, 'bool', ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
word(null, 'null', ['', '~', 'null', 'Null', 'NULL']);
word(Number.NaN, 'float', ['.nan', '.NaN', '.NAN']);
word(Number.POSITIVE_INFINITY, 'float', ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']);
word(Number.NEGATIVE_INFINITY, 'float', ['-.inf', '-.Inf', '-.INF']);

/** First characters after which go-yaml even tries something other than a string. */
function hintOf(c: string): 'word' | 'dot' | 'number' | undefined {
  if (c >= '0' && c <= '9') return 'number';
  if (c === '+' || c === '-') return 'number';
  if (c === '.') return 'dot';
  if ('yYnNtTfFoO~'.includes(c)) return 'word';
  return undefined;
}

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/**
 * Resolve a plain (unquoted, untagged) scalar the way go-yaml v2 does. With an
 * explicit tag go-yaml skips the timestamp check (`timestamps: false`).
 */
export function resolvePlain(s: string, timestamps = true): Resolved {
  const known = WORDS.get(s);
  if (known) return known;
  const hint = s === '' ? undefined : hintOf(s[0]);
  if (hint === 'dot') {
    if (DOT_FLOAT.test(s)) {
      const f = Number(s);
      if (Number.isFinite(f)) return { tag: 'float', value: f };
    }
  } else if (hint === 'number') {
    if (timestamps && isGoYamlTimestamp(s)) return { tag: 'timestamp', value: s };
    const plain = s.replace(/_/g, '');
    const int = parseGoInt(plain);
    if (int !== undefined) return { tag: 'int', value: int };
    if (YAML_FLOAT.test(plain)) {
      const f = Number(plain);
      if (Number.isFinite(f)) return { tag: 'float', value: f };
    }
  }
  return { tag: 'str', value: s };
}

/** Whether an unquoted `s` would read back as something other than the string `s` (go-yaml's encoder quotes these). */
export function needsQuotesToStayString(s: string): boolean {
  return resolvePlain(s).tag !== 'str' || BASE60_FLOAT.test(s);
}

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * strconv.ParseInt(s, 0, 64), falling back to ParseUint like go-yaml does:
 * optional sign (ints only), base prefixes 0x, 0o, 0b and a bare leading 0 for octal.
 */
function parseGoInt(s: string): number | undefined {
  let body = s;
  let negative = false;
  let signed = false;
  if (body[0] === '+' || body[0] === '-') {
    negative = body[0] === '-';
    signed = true;
    body = body.slice(1);
  }
  let digits: string;
  let radix: number;
  const lower = body.slice(0, 2).toLowerCase();
  if (lower === '0x') [digits, radix] = [body.slice(2), 16];
  else if (lower === '0o') [digits, radix] = [body.slice(2), 8];
  else if (lower === '0b') [digits, radix] = [body.slice(2), 2];
  else if (body.length > 1 && body[0] === '0') [digits, radix] = [body.slice(1), 8];
  else [digits, radix] = [body, 10];
  const valid = { 16: /^[0-9a-fA-F]+$/, 8: /^[0-7]+$/, 2: /^[01]+$/, 10: /^[0-9]+$/ }[radix as 16 | 8 | 2 | 10];
  if (!valid.test(digits)) return undefined;
  const prefix = radix === 16 ? '0x' : radix === 8 ? '0o' : radix === 2 ? '0b' : '';
  let v = BigInt(prefix + digits);
  if (negative) v = -v;
  if (v < INT64_MIN) return undefined;
  if (v > UINT64_MAX) return undefined;
  // Beyond int64 only ParseUint accepts it, and ParseUint takes no sign.
  if (v > 2n ** 63n - 1n && signed) return undefined;
  return Number(v);
}

// ---------------------------------------------------------------- timestamps

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/** A cursor over the text, mirroring Go's time.Parse for go-yaml's four timestamp layouts. */
class TimeCursor {
  constructor(
    public rest: string,
  ) {}
  /** One or two digits (Go's getnum with fixed=false). */
  num(): number | undefined {
    if (!isDigit(this.rest[0])) return undefined;
    const n = isDigit(this.rest[1]) ? 2 : 1;
    const v = Number(this.rest.slice(0, n));
    this.rest = this.rest.slice(n);
    return v;
  }
  lit(c: string): boolean {
    if (this.rest[0] !== c) return false;
    this.rest = this.rest.slice(1);
    return true;
  }
  /** `.123` or `,123` (optional): Go accepts either separator. */
  fraction(): void {
    if ((this.rest[0] === '.' || this.rest[0] === ',') && isDigit(this.rest[1])) {
      let i = 1;
      while (isDigit(this.rest[i])) i++;
      this.rest = this.rest.slice(i);
    }
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

type Layout = 'T' | 't' | ' ' | 'date';

function parsesWith(s: string, layout: Layout): boolean {
  const c = new TimeCursor(s.slice(4));
  const year = Number(s.slice(0, 4));
  if (!c.lit('-')) return false;
  const month = c.num();
  if (month === undefined || month < 1 || month > 12) return false;
  if (!c.lit('-')) return false;
  const day = c.num();
  if (day === undefined) return false;
  if (layout !== 'date') {
    if (!c.lit(layout)) return false;
    const hour = c.num();
    if (hour === undefined || hour > 23 || !c.lit(':')) return false;
    const minute = c.num();
    if (minute === undefined || minute > 59 || !c.lit(':')) return false;
    const second = c.num();
    if (second === undefined || second > 59) return false;
    c.fraction();
    if (layout !== ' ') {
      if (!c.lit('Z')) {
        const z = c.rest;
        if (z.length < 6 || (z[0] !== '+' && z[0] !== '-') || z[3] !== ':') return false;
        if (![1, 2, 4, 5].every((i) => isDigit(z[i]))) return false;
        if (Number(z.slice(1, 3)) > 24 || Number(z.slice(4, 6)) > 60) return false;
        c.rest = z.slice(6);
      }
    }
  }
  if (c.rest !== '') return false;
  const maxDay = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  return day >= 1 && day <= maxDay;
}

/** go-yaml v2's timestamp check: four digits and a dash, then one of its layouts as Go's time.Parse reads them. */
export function isGoYamlTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  return (['T', 't', ' ', 'date'] as Layout[]).some((l) => parsesWith(s, l));
}
