import { describe, expect, it } from 'vitest';
import { addQuantity, canonicalQuantity, compareQuantity, formatQuantity, parseQuantity, quantityMilliValue, quantityValue } from './quantity';

describe('canonical quantity text (resource.Quantity String())', () => {
  const cases: [string, string][] = [
    ['0', '0'],
    ['0m', '0'],
    ['100m', '100m'],
    ['0.1', '100m'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['1.5', '1500m'],
    ['2', '2'],
    ['8', '8'],
    ['1k', '1k'],
    ['1000', '1k'],
    ['1500', '1500'],
    ['1e3', '1e3'],
    ['129e6', '129e6'],
    ['1.5e3', '1500'],
    ['1Ki', '1Ki'],
    ['1024Ki', '1Mi'],
    ['1.5Ki', '1536'],
    ['0.5Gi', '512Mi'],
    ['0.25Gi', '256Mi'],
    ['16331896Ki', '16331896Ki'],
    ['102625208Ki', '102625208Ki'],
    ['512', '512'],
    ['1G', '1G'],
    ['1000M', '1G'],
    ['0.1Ki', '102400m'],
    ['1n', '1n'],
    ['0.0000000001', '1n'],
    ['-100m', '-100m'],
  ];
  for (const [input, text] of cases) it(`${input} -> ${text}`, () => expect(canonicalQuantity(input)).toBe(text));

  it('rejects malformed input', () => {
    expect(() => parseQuantity('abc')).toThrow();
    expect(() => parseQuantity('1Kb')).toThrow();
    expect(() => parseQuantity('')).toThrow();
  });
});

describe('quantity arithmetic', () => {
  it('keeps the first addend format, unless it is zero', () => {
    expect(formatQuantity(addQuantity(parseQuantity('100Mi'), parseQuantity('129e6')))).toBe('233857600');
    expect(formatQuantity(addQuantity(parseQuantity('129e6'), parseQuantity('100Mi')))).toBe('233857600');
    expect(formatQuantity(addQuantity(parseQuantity('50Mi'), parseQuantity('70Mi')))).toBe('120Mi');
    expect(formatQuantity(addQuantity(parseQuantity('0'), parseQuantity('64Mi')))).toBe('64Mi');
    expect(formatQuantity(addQuantity(parseQuantity('100m'), parseQuantity('1')))).toBe('1100m');
  });

  it('rounds Value and MilliValue up', () => {
    expect(quantityValue(parseQuantity('1500m'))).toBe(2n);
    expect(quantityMilliValue(parseQuantity('1n'))).toBe(1n);
    expect(quantityMilliValue(parseQuantity('8'))).toBe(8000n);
    expect(quantityValue(parseQuantity('16331896Ki'))).toBe(16723861504n);
  });

  it('compares by amount', () => {
    expect(compareQuantity(parseQuantity('1'), parseQuantity('1000m'))).toBe(0);
    expect(compareQuantity(parseQuantity('1Gi'), parseQuantity('1G'))).toBe(1);
  });
});
