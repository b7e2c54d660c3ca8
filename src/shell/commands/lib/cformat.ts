// C printf conversions (%d %i %u %o %x %X %c %s %f %F %e %E %g %G with flags,
// width and precision), shared by the printf builtin and awk's printf/sprintf.

export interface Directive {
  flags: string;
  /** A number, `*` (from the arguments), or undefined. */
  width?: number | '*';
  precision?: number | '*';
  conv: string;
}

export type FormatPiece = { text: string } | { directive: Directive };

/** Split a format into literal text and directives; `%%` becomes text. Unknown conversions stay text. */
export function parseFormat(format: string): FormatPiece[] {
  const out: FormatPiece[] = [];
  let text = '';
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    if (c !== '%') {
      text += c;
      i++;
      continue;
    }
    if (format[i + 1] === '%') {
      text += '%';
      i += 2;
      continue;
    }
    const m = /^%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?(hh|h|ll|l|L|q|j|z|t)?([diouxXcsfFeEgGbq])/.exec(format.slice(i));
    if (!m) {
      text += c;
      i++;
      continue;
    }
    if (text) out.push({ text });
    text = '';
    const num = (s: string | undefined): number | '*' | undefined => (s === undefined ? undefined : s === '*' ? '*' : Number(s || '0'));
    out.push({ directive: { flags: m[1], width: num(m[2]), precision: num(m[3]), conv: m[5] } });
    i += m[0].length;
  }
  if (text) out.push({ text });
  return out;
}

/** Format one value; `str` and `num` are the argument's string and numeric views. */
export function formatValue(d: Directive, width: number | undefined, precision: number | undefined, str: string, num: number): string {
  let flags = d.flags;
  if (width !== undefined && width < 0) {
    flags += '-';
    width = -width;
  }
  let body: string;
  let numeric = true;
  switch (d.conv) {
    case 'd':
    case 'i':
      body = integer(num, precision, flags);
      break;
    case 'u':
      body = integer(num < 0 ? num + 2 ** 64 : num, precision, flags);
      break;
    case 'o':
    case 'x':
    case 'X': {
      let n = Math.trunc(num);
      if (n < 0) n += 2 ** 64;
      let digits = n.toString(d.conv === 'o' ? 8 : 16);
      if (d.conv === 'X') digits = digits.toUpperCase();
      if (precision !== undefined) digits = digits.padStart(precision, '0');
      if (flags.includes('#') && n !== 0) digits = (d.conv === 'o' ? '0' : d.conv === 'x' ? '0x' : '0X') + digits;
      body = digits;
      break;
    }
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
      body = float(num, d.conv, precision ?? 6, flags);
      break;
    case 'c':
      numeric = false;
      body = str.slice(0, 1);
      break;
    default:
      numeric = false;
      body = precision !== undefined ? str.slice(0, precision) : str;
  }
  if (width === undefined || body.length >= width) return body;
  if (flags.includes('-')) return body.padEnd(width, ' ');
  if (numeric && flags.includes('0') && !(precision !== undefined && /[diouxX]/.test(d.conv)) && /^[-+ ]?(0[xX])?[0-9]/.test(body)) {
    const sign = /^([-+ ]?(0[xX])?)/.exec(body)![1];
    return sign + body.slice(sign.length).padStart(width - sign.length, '0');
  }
  return body.padStart(width, ' ');
}

function sign(negative: boolean, flags: string): string {
  if (negative) return '-';
  if (flags.includes('+')) return '+';
  if (flags.includes(' ')) return ' ';
  return '';
}

function integer(num: number, precision: number | undefined, flags: string): string {
  if (!Number.isFinite(num)) return num > 0 ? '9223372036854775807' : '-9223372036854775808';
  const n = Math.trunc(num);
  let digits = BigInt(Math.abs(n)).toString();
  if (precision !== undefined) digits = precision === 0 && n === 0 ? '' : digits.padStart(precision, '0');
  return sign(n < 0, flags) + digits;
}

function float(num: number, conv: string, precision: number, flags: string): string {
  const upper = conv === 'E' || conv === 'G' || conv === 'F';
  const neg = num < 0 || Object.is(num, -0);
  const a = Math.abs(num);
  let body: string;
  if (Number.isNaN(num)) body = 'nan';
  else if (!Number.isFinite(num)) body = 'inf';
  else if (conv === 'f' || conv === 'F') body = fixed(a, precision);
  else if (conv === 'e' || conv === 'E') body = exponential(a, precision);
  else {
    const p = precision === 0 ? 1 : precision;
    const x = a === 0 ? 0 : Number(a.toExponential(p - 1).split('e')[1]);
    if (p > x && x >= -4) body = fixed(a, p - 1 - x);
    else body = exponential(a, p - 1);
    if (!flags.includes('#')) body = stripZeros(body);
  }
  if (flags.includes('#') && !body.includes('.') && /^[0-9]/.test(body) && (conv === 'f' || conv === 'F' || conv === 'e' || conv === 'E')) {
    body = body.replace(/^([0-9]+)/, '$1.');
  }
  if (upper) body = body.toUpperCase();
  return sign(neg && !Number.isNaN(num), flags) + body;
}

function fixed(a: number, precision: number): string {
  if (a >= 1e21) return BigInt(Math.round(a)).toString() + (precision > 0 ? '.' + '0'.repeat(precision) : '');
  return a.toFixed(Math.min(precision, 100));
}

function exponential(a: number, precision: number): string {
  const [mant, exp] = a.toExponential(Math.min(precision, 100)).split('e');
  const e = Number(exp);
  return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

function stripZeros(s: string): string {
  const [m, e] = s.split('e');
  const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
  return e === undefined ? mant : `${mant}e${e}`;
}
