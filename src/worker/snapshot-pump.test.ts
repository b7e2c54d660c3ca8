import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from './protocol';
import { SnapshotPump, type Timers } from './snapshot-pump';

class FakeTimers implements Timers {
  t = 0;
  private pending: { at: number; cb: () => void; id: number }[] = [];
  private nextId = 1;
  now() {
    return this.t;
  }
  setTimeout(cb: () => void, ms: number) {
    const id = this.nextId++;
    this.pending.push({ at: this.t + ms, cb, id });
    return id;
  }
  clearTimeout(h: unknown) {
    this.pending = this.pending.filter((p) => p.id !== h);
  }
  advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      this.pending.sort((a, b) => a.at - b.at);
      const next = this.pending[0];
      if (!next || next.at > end) break;
      this.pending.shift();
      this.t = next.at;
      next.cb();
    }
    this.t = end;
  }
}

const snap = (version: number) => ({ version }) as ClusterSnapshot;

describe('SnapshotPump', () => {
  it('sends at most one snapshot per interval and only new versions', () => {
    const timers = new FakeTimers();
    let version = 1;
    const pump = new SnapshotPump(() => snap(version), timers, 50);
    const got: number[] = [];
    pump.subscribe((s) => got.push(s.version));
    timers.advance(0);
    expect(got).toEqual([1]);
    // Ten changes within one interval: one snapshot, of the latest version, 50 ms after the last.
    for (let i = 0; i < 10; i++) {
      version++;
      pump.changed();
      timers.advance(4);
    }
    expect(got).toEqual([1]);
    timers.advance(10);
    expect(got).toEqual([1, 11]);
    pump.changed();
    timers.advance(100);
    expect(got).toEqual([1, 11]);
  });

  it('sends the current snapshot to a new subscriber and after retargeting', () => {
    const timers = new FakeTimers();
    const pump = new SnapshotPump(() => snap(7), timers, 50);
    const a: number[] = [];
    pump.subscribe((s) => a.push(s.version));
    timers.advance(100);
    const b: number[] = [];
    pump.subscribe((s) => b.push(s.version));
    timers.advance(100);
    expect(b).toEqual([7]);
    pump.retarget(() => snap(1));
    timers.advance(100);
    expect(b).toEqual([7, 1]);
    pump.clearSubscribers();
    pump.retarget(() => snap(2));
    timers.advance(100);
    expect(b).toEqual([7, 1]);
  });

  it('drops a subscriber whose delivery fails', async () => {
    const timers = new FakeTimers();
    let version = 1;
    const pump = new SnapshotPump(() => snap(version), timers, 50);
    let calls = 0;
    pump.subscribe(() => {
      calls++;
      return Promise.reject(new Error('port closed'));
    });
    timers.advance(0);
    await new Promise((r) => setTimeout(r, 0));
    version = 2;
    pump.changed();
    timers.advance(100);
    expect(calls).toBe(1);
  });
});
