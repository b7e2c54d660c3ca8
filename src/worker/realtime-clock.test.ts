import { describe, expect, it } from 'vitest';
import { RealtimeClock, type Ticker } from './realtime-clock';

describe('RealtimeClock', () => {
  it('advances virtual time by the real time elapsed since start', () => {
    let real = 1000;
    let tick: (() => void) | null = null;
    const ticker: Ticker = {
      now: () => real,
      setInterval: (cb) => ((tick = cb), 1),
      clearInterval: () => (tick = null),
    };
    const sim = { t: 50_000, now() { return this.t; }, advanceTo(ms: number) { this.t = ms; } };
    const clock = new RealtimeClock(ticker, 100);
    clock.start(sim);
    real += 250.7;
    tick!();
    expect(sim.t).toBe(50_250);
    // Never moves time backwards if the simulation got ahead.
    sim.t = 60_000;
    real += 100;
    tick!();
    expect(sim.t).toBe(60_000);
    expect(Number.isInteger(sim.t)).toBe(true);
    clock.stop();
    expect(tick).toBeNull();
  });
});
