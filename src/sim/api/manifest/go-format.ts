// Go's number formatting where kubectl's output depends on it: strconv's
// shortest %g (go-yaml floats, fmt's %v in JSONPath results).

/** strconv.FormatFloat(f, 'g', -1, 64): shortest digits; exponent form (`1e+06`, `1e-05`) when the decimal exponent is below -4 or at least 6. */
export function goFloatG(f: number, bits: 32 | 64 = 64): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Number.POSITIVE_INFINITY) return '+Inf';
  if (f === Number.NEGATIVE_INFINITY) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const neg = f < 0;
  // toExponential() without an argument gives the shortest digits that read back as f, like Go's shortest mode.
  const [mantissa, expText] = (bits === 32 ? shortestFloat32(Math.abs(f)) : Math.abs(f).toExponential()).split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  let body: string;
  if (exp < -4 || exp >= 6) {
    const frac = digits.slice(1);
    const e = Math.abs(exp).toString().padStart(2, '0');
    body = `${digits[0]}${frac ? '.' + frac : ''}e${exp < 0 ? '-' : '+'}${e}`;
  } else if (exp < 0) {
    body = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else {
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    const frac = digits.slice(exp + 1);
    body = frac ? `${intPart}.${frac}` : intPart;
  }
  return neg ? '-' + body : body;
}

/** The shortest decimal (in exponent form) that reads back as the same float32. */
function shortestFloat32(f: number): string {
  const target = Math.fround(f);
  for (let digits = 1; digits <= 9; digits++) {
    const text = target.toExponential(digits - 1);
    if (Math.fround(Number(text)) === target) return text.replace(/\.?0+e/, 'e');
  }
  return target.toExponential();
}
