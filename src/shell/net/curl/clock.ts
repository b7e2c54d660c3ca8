// The passing of time inside one curl transfer: the transfer's own elapsed
// milliseconds (fractions kept for the statistics), the waits that let the
// simulation's clock move (so a learner sees a hang in the browser and Ctrl-C
// can end it), the -m deadline, and the progress meter's once-a-second lines.

import { meterLine, type MeterState } from './meter';

export type WaitResult = 'ok' | 'deadline' | 'interrupted';

export interface Waiter {
  /** Let `ms` of virtual time pass; false when the user interrupted. */
  wait(ms: number): Promise<boolean>;
}

export class TransferClock {
  /** ms since the transfer started (fractional) */
  elapsed = 0;
  /** whole ms already waited for */
  private waited = 0;
  /** the meter's state, when the meter is shown */
  meter?: MeterState;
  private lastMeterSecond = 0;

  constructor(
    private readonly waiter: Waiter,
    private readonly stderr: (text: string) => void,
    /** -m, in ms from the transfer start */
    readonly deadlineMs: number | undefined,
  ) {}

  /** Advance by `ms`; stops at the deadline. */
  async advance(ms: number): Promise<WaitResult> {
    const target = this.elapsed + ms;
    const limit = this.deadlineMs ?? Infinity;
    const end = Math.min(target, limit);
    while (this.waited < Math.floor(end)) {
      // Stop at each whole second, where curl refreshes the meter.
      const nextSecond = (Math.floor(this.waited / 1000) + 1) * 1000;
      const step = Math.min(Math.floor(end), nextSecond) - this.waited;
      if (!(await this.waiter.wait(step))) return 'interrupted';
      this.waited += step;
      this.elapsed = Math.max(this.elapsed, this.waited);
      if (this.waited === nextSecond) this.tick();
    }
    this.elapsed = end;
    return target > limit ? 'deadline' : 'ok';
  }

  private tick(): void {
    if (!this.meter) return;
    const second = Math.floor(this.elapsed / 1000);
    if (second === this.lastMeterSecond) return;
    this.lastMeterSecond = second;
    this.stderr(meterLine({ ...this.meter, elapsedMs: this.elapsed }));
  }

  /** The meter's last line, as curl prints it when a transfer ends. */
  finalMeter(): void {
    if (!this.meter) return;
    this.stderr(meterLine({ ...this.meter, elapsedMs: this.elapsed }) + '\n');
  }

  /** ms for messages (`after 3071 ms`): curl truncates. */
  get ms(): number {
    return Math.floor(this.elapsed);
  }
}
