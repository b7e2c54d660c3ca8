import { describe, expect, it } from 'vitest';
import { fitViewport, MIN_HEIGHT, MIN_WIDTH } from './viewport';

describe('frame viewport', () => {
  it('lays a small panel’s page out at desktop size, zoomed out to fill the panel', () => {
    const v = fitViewport(460, 370);
    expect(v.scale).toBeCloseTo(Math.min(460 / MIN_WIDTH, 370 / MIN_HEIGHT));
    expect(Math.abs(v.width * v.scale - 460)).toBeLessThan(1);
    expect(Math.abs(v.height * v.scale - 370)).toBeLessThan(1);
    expect(v.width).toBeGreaterThanOrEqual(MIN_WIDTH);
    expect(v.height).toBeGreaterThanOrEqual(MIN_HEIGHT);
  });

  it('shows a big enough panel at actual size', () => {
    expect(fitViewport(1000, 700)).toEqual({ width: 1000, height: 700, scale: 1 });
    expect(fitViewport(0, 0)).toEqual({ width: MIN_WIDTH, height: MIN_HEIGHT, scale: 1 });
  });
});
