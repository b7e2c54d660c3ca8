// The statistic match's probability, as kube-proxy writes it and as the kernel
// stores it. kube-proxy prints 1/n with 10 decimals; libxt_statistic stores
// lround(p * 2^31) and prints that integer / 2^31 with 11 decimals, so what a
// user reads back differs from what was written (0.2 -> 0.20000000019).

const written: string[] = [];
const printed = new Map<number, string>();

/** kube-proxy's `--probability` argument for the rule that faces `n` remaining endpoints. */
export function kubeProxyProbability(n: number): string {
  let p = written[n];
  if (p === undefined) {
    p = (1 / n).toFixed(10);
    written[n] = p;
  }
  return p;
}

/** The 31-bit threshold the kernel compares `random & 0x7fffffff` against. */
export function storedProbability(text: string): number {
  // lround() of a non-negative double: halves away from zero.
  return Math.floor(Number(text) * 0x80000000 + 0.5);
}

/**
 * The 11-decimal text `iptables-save` and `iptables -L` print for a stored
 * threshold: printf("%.11f", stored / 2^31), computed exactly. glibc rounds an
 * exact tie to even (it happens from 4096 endpoints on: 1/4096 = 0.000244140625),
 * which Number.prototype.toFixed would round up.
 */
export function printedProbability(stored: number): string {
  let s = printed.get(stored);
  if (s !== undefined) return s;
  const scaled = BigInt(stored) * 100_000_000_000n;
  const denom = 0x80000000n;
  let q = scaled / denom;
  const twiceRem = (scaled % denom) * 2n;
  if (twiceRem > denom || (twiceRem === denom && q % 2n === 1n)) q += 1n;
  const digits = q.toString().padStart(12, '0');
  s = `${digits.slice(0, -11)}.${digits.slice(-11)}`;
  printed.set(stored, s);
  return s;
}
