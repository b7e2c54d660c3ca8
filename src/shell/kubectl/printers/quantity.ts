// Resource quantities (`100m`, `50Mi`, `8`) with the semantics of
// apimachinery's resource.Quantity that describe output depends on: parsing,
// exact addition, comparison, Value/MilliValue (rounded up) and the canonical
// String() form (`1500m`, `1Mi`, `16331896Ki`).

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The amount in units of 10^-9, exact. Parsing rounds finer amounts away from zero, as upstream does. */
  nanos: bigint;
  format: QuantityFormat;
}

const NANO = 1_000_000_000n;

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

export const ZERO: Quantity = { nanos: 0n, format: 'DecimalSI' };

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Divide rounding towards +infinity. */
function divCeil(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n === b > 0n ? q + 1n : q;
}

/** Parse `100m`, `1.5Gi`, `1e3`, `-2`. Throws on malformed input. */
export function parseQuantity(text: string): Quantity {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`quantities must match the regular expression: ${text}`);
  const [, sign, intPart, fracPart = '', suffix] = m;
  let format: QuantityFormat;
  let base2 = 0;
  let base10 = 0;
  if (suffix in BINARY_SUFFIXES) {
    format = 'BinarySI';
    base2 = BINARY_SUFFIXES[suffix];
  } else if (suffix in DECIMAL_SUFFIXES) {
    format = 'DecimalSI';
    base10 = DECIMAL_SUFFIXES[suffix];
  } else if (/^[eE][+-]?\d+$/.test(suffix)) {
    format = 'DecimalExponent';
    base10 = Number(suffix.slice(1));
  } else {
    throw new Error(`unable to parse quantity's suffix: ${text}`);
  }
  // value = digits * 10^(base10 - frac.length) * 2^base2, in nanos: * 10^9.
  const digits = BigInt((intPart || '0') + fracPart);
  let num = digits * (1n << BigInt(base2));
  let den = 1n;
  const exp = base10 - fracPart.length + 9;
  if (exp >= 0) num *= pow10(exp);
  else den = pow10(-exp);
  // Finer than nano: round away from zero (inf.RoundUp).
  const magnitude = divCeil(num, den);
  return { nanos: sign === '-' ? -magnitude : magnitude, format };
}

/** q + y. The sum keeps q's format, unless q is zero (then it takes y's), as Quantity.Add does. */
export function addQuantity(q: Quantity, y: Quantity): Quantity {
  return { nanos: q.nanos + y.nanos, format: q.nanos === 0n ? y.format : q.format };
}

export function compareQuantity(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** Value(): whole units, rounded up. */
export function quantityValue(q: Quantity): bigint {
  return divCeil(q.nanos, NANO);
}

/** MilliValue(): thousandths, rounded up. */
export function quantityMilliValue(q: Quantity): bigint {
  return divCeil(q.nanos, 1_000_000n);
}

/** Strip factors of `f` from `n`, counting them. */
function removeFactors(n: bigint, f: bigint): [bigint, number] {
  let times = 0;
  while (n !== 0n && n % f === 0n) {
    n /= f;
    times++;
  }
  return [n, times];
}

function decimalSuffix(exponent: number, format: QuantityFormat): string {
  if (format === 'DecimalExponent') return exponent === 0 ? '' : `e${exponent}`;
  for (const [s, e] of Object.entries(DECIMAL_SUFFIXES)) if (e === exponent) return s;
  return `e${exponent}`;
}

/** The canonical text: `0`, `100m`, `1500m`, `8`, `50Mi`, `16331896Ki`, `1e3`. */
export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const bytes = q.nanos;
    const small = bytes > -1024n * NANO && bytes < 1024n * NANO;
    // Small or fractional byte counts would lose precision in base 1024: decimal instead.
    if (small || bytes % NANO !== 0n) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    const [amount, times] = removeFactors(q.nanos / NANO, 1024n);
    const suffix = times === 0 ? '' : (Object.entries(BINARY_SUFFIXES).find(([, e]) => e === times * 10)?.[0] ?? `*2^${times * 10}`);
    return `${amount}${suffix}`;
  }
  let [amount, times] = removeFactors(q.nanos, 10n);
  let exponent = times - 9;
  // Lower the exponent to a multiple of three, scaling the mantissa up.
  while (((exponent % 3) + 3) % 3 !== 0) {
    amount *= 10n;
    exponent--;
  }
  return `${amount}${decimalSuffix(exponent, format)}`;
}

/** Parse and re-print in canonical form, as the apiserver stores quantities. */
export function canonicalQuantity(text: string): string {
  return formatQuantity(parseQuantity(text));
}
