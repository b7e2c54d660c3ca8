import { describe, expect, it } from 'vitest';
import { kubeProxyProbability, printedProbability, storedProbability } from './probability';

describe('statistic probabilities', () => {
  it('writes 1/n with 10 decimals and reads back 11 (reference section 5)', () => {
    const table: Record<number, [string, string]> = {
      2: ['0.5000000000', '0.50000000000'],
      3: ['0.3333333333', '0.33333333349'],
      4: ['0.2500000000', '0.25000000000'],
      5: ['0.2000000000', '0.20000000019'],
      6: ['0.1666666667', '0.16666666651'],
      7: ['0.1428571429', '0.14285714272'],
      8: ['0.1250000000', '0.12500000000'],
      10: ['0.1000000000', '0.10000000009'],
    };
    for (const [n, [written, shown]] of Object.entries(table)) {
      expect(kubeProxyProbability(Number(n))).toBe(written);
      expect(printedProbability(storedProbability(written))).toBe(shown);
    }
  });

  it('reads back the old 5-decimal writer as the lab guide shows', () => {
    expect(printedProbability(storedProbability('0.33333'))).toBe('0.33332999982');
    expect(printedProbability(storedProbability('0.16667'))).toBe('0.16667000018');
  });

  it('gives every endpoint the same chance: prod of (1 - p) before it times p', () => {
    for (let n = 2; n <= 10; n++) {
      let remaining = 1;
      for (let i = 0; i < n; i++) {
        const p = i < n - 1 ? storedProbability(kubeProxyProbability(n - i)) / 0x80000000 : 1;
        expect(remaining * p).toBeCloseTo(1 / n, 8);
        remaining *= 1 - p;
      }
    }
  });

  it('rounds an exact tie to even like glibc printf (n = 4096)', () => {
    const stored = storedProbability(kubeProxyProbability(4096));
    expect(stored).toBe(524288);
    expect((524288 / 0x80000000).toFixed(11)).toBe('0.00024414063');
    expect(printedProbability(stored)).toBe('0.00024414062');
  });
});
