// Virtual time. The simulation never reads a real clock: time moves only when
// the host (CLI, worker ticker, `sleep`) advances it, which makes every run a
// pure function of its inputs.

export interface Timer {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/** Binary min-heap on (at, seq): timers due at the same instant fire in the order they were set. */
class TimerHeap {
  private items: Timer[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Timer | undefined {
    return this.items[0];
  }

  push(t: Timer): void {
    const a = this.items;
    a.push(t);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }

  pop(): Timer | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && less(a[l], a[m])) m = l;
        if (r < a.length && less(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

function less(x: Timer, y: Timer): boolean {
  return x.at < y.at || (x.at === y.at && x.seq < y.seq);
}

export class VirtualClock {
  private current: number;
  private seq = 0;
  private readonly heap = new TimerHeap();

  constructor(startMs: number) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  /** Run `fn` when virtual time reaches `at` (or at once on the next advance if `at` is past). */
  at(at: number, fn: () => void): Timer {
    const t: Timer = { at: Math.max(at, this.current), seq: this.seq++, fn, cancelled: false };
    this.heap.push(t);
    return t;
  }

  after(ms: number, fn: () => void): Timer {
    return this.at(this.current + ms, fn);
  }

  /** When the next pending timer is due, if any. */
  nextDue(): number | undefined {
    this.dropCancelled();
    return this.heap.peek()?.at;
  }

  /**
   * Advance to `target`, firing due timers in time order. All timers due at one
   * instant run as a batch, then `afterBatch` runs (the controllers settle there).
   * With `pause`, stops after the first batch for which it returns true (a
   * container's process woke up and must run before time moves on); returns
   * whether `target` was reached.
   */
  advanceTo(rawTarget: number, afterBatch: () => void, pause?: () => boolean): boolean {
    // Virtual time is whole milliseconds (timestamps and event names are built from it).
    const target = Math.floor(rawTarget);
    for (;;) {
      this.dropCancelled();
      const next = this.heap.peek();
      if (!next || next.at > target) break;
      this.current = next.at;
      while (this.heap.peek() && this.heap.peek()!.at === this.current) {
        const t = this.heap.pop()!;
        if (!t.cancelled) t.fn();
      }
      afterBatch();
      if (pause?.()) return false;
    }
    if (target > this.current) this.current = target;
    return true;
  }

  private dropCancelled(): void {
    while (this.heap.peek()?.cancelled) this.heap.pop();
  }
}
