// The part of the virtual clock the runtime reads and schedules with.

import type { Timer } from '../core/clock';

export interface Clock {
  now(): number;
  after(ms: number, fn: () => void): Timer;
}
