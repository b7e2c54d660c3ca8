// Pushes cluster snapshots to subscribers at most once per interval. Changes
// mark the pump dirty; one timer takes the snapshot when the interval allows,
// so a burst of changes costs one snapshot, and an unchanged version none.

import type { ClusterSnapshot } from './protocol';

export interface Timers {
  now(): number;
  setTimeout(cb: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export class SnapshotPump {
  private readonly subscribers = new Set<(s: ClusterSnapshot) => unknown>();
  private timer: unknown = null;
  private lastSentAt = -Infinity;
  private lastVersion: number | null = null;

  constructor(
    private take: () => ClusterSnapshot,
    private readonly timers: Timers,
    private readonly minIntervalMs = 50,
  ) {}

  subscribe(cb: (s: ClusterSnapshot) => unknown): void {
    this.subscribers.add(cb);
    // A new subscriber needs the current state even if nothing changes.
    this.lastVersion = null;
    this.changed();
  }

  /** Point at a new simulation (reset): the next snapshot is always sent. */
  retarget(take: () => ClusterSnapshot): void {
    this.take = take;
    this.lastVersion = null;
    this.changed();
  }

  changed(): void {
    if (this.timer !== null || this.subscribers.size === 0) return;
    const wait = Math.max(0, this.lastSentAt + this.minIntervalMs - this.timers.now());
    this.timer = this.timers.setTimeout(() => this.send(), wait);
  }

  /** Drop every subscriber (they belong to one simulation). */
  clearSubscribers(): void {
    this.subscribers.clear();
  }

  stop(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private send(): void {
    this.timer = null;
    const snapshot = this.take();
    if (snapshot.version === this.lastVersion) return;
    this.lastVersion = snapshot.version;
    this.lastSentAt = this.timers.now();
    for (const cb of this.subscribers) {
      Promise.resolve(cb(snapshot)).catch(() => this.subscribers.delete(cb));
    }
  }
}
