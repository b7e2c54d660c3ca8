import { describe, expect, it } from 'vitest';
import { clampRatio, DIVIDER_PX, ratioAt } from './split-math';

describe('split pane ratios', () => {
  it('follows the pointer in the middle of the container', () => {
    const total = 1000 + DIVIDER_PX;
    expect(ratioAt(400 + DIVIDER_PX / 2, total, 100, 100)).toBeCloseTo(0.4);
  });

  it('keeps both panes at their minimum size', () => {
    const total = 1000 + DIVIDER_PX;
    expect(ratioAt(10, total, 200, 300)).toBeCloseTo(0.2);
    expect(ratioAt(990, total, 200, 300)).toBeCloseTo(0.7);
    expect(clampRatio(0.95, total, 200, 300)).toBeCloseTo(0.7);
    expect(clampRatio(0.5, total, 200, 300)).toBeCloseTo(0.5);
  });

  it('shares proportionally when the container is too small for both minimums', () => {
    expect(ratioAt(50, 300, 200, 200)).toBeCloseTo(0.5);
    expect(ratioAt(50, 0, 200, 200)).toBe(0.5);
  });
});
