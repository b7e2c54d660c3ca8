import { describe, expect, it } from 'vitest';
import { toHex6 } from './theme';

describe('toHex6', () => {
  it('expands the short forms a CSS minifier produces', () => {
    expect(toHex6('#fff', '#000000')).toBe('#ffffff');
    expect(toHex6(' #1B2 ', '#000000')).toBe('#11bb22');
    expect(toHex6('#abcd', '#000000')).toBe('#aabbcc');
  });

  it('keeps six-digit colours, drops alpha, and falls back for other syntaxes', () => {
    expect(toHex6('#1b2430', '#000000')).toBe('#1b2430');
    expect(toHex6('#1b243080', '#000000')).toBe('#1b2430');
    expect(toHex6('rgb(1, 2, 3)', '#123456')).toBe('#123456');
  });
});
