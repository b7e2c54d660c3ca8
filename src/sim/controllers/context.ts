// What every controller gets: the API store it watches and writes, the work
// queue, virtual time, seeded randomness and the event recorder.

import type { ApiStore } from '../api/store';
import type { VirtualClock } from '../core/clock';
import type { Rng } from '../core/rng';
import type { EventRecorder } from './events';
import type { WorkQueue } from './queue';

export interface ControllerContext {
  store: ApiStore;
  queue: WorkQueue;
  clock: VirtualClock;
  events: EventRecorder;
  rng(label: string): Rng;
}
