// Lets virtual time follow real time in the browser: a ticker advances the
// simulation to "virtual start + real time elapsed", so pods become Ready and
// `sleep 5` takes five seconds. The simulation itself never reads real time.

export interface Advanceable {
  now(): number;
  advanceTo(ms: number): void;
}

export interface Ticker {
  now(): number;
  setInterval(cb: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export class RealtimeClock {
  private handle: unknown = null;

  constructor(
    private readonly ticker: Ticker,
    private readonly intervalMs = 100,
  ) {}

  /** Start following real time from the simulation's current virtual time. */
  start(sim: Advanceable, onError: (err: unknown) => void = () => {}): void {
    this.stop();
    const virtualStart = sim.now();
    const realStart = this.ticker.now();
    this.handle = this.ticker.setInterval(() => {
      // Whole milliseconds: the simulation's clock (and kubectl's timestamps) are integral.
      const target = virtualStart + Math.floor(this.ticker.now() - realStart);
      if (target <= sim.now()) return;
      try {
        sim.advanceTo(target);
      } catch (err) {
        onError(err);
      }
    }, this.intervalMs);
  }

  stop(): void {
    if (this.handle !== null) this.ticker.clearInterval(this.handle);
    this.handle = null;
  }
}
