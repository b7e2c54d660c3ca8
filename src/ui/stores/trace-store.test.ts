import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../worker/protocol';
import { createTraceBatcher, createTraceStore } from './trace-store';

const record = (id: number) => ({ id, at: id, cause: `curl ${id}`, trace: {} }) as unknown as TraceRecord;

describe('trace store', () => {
  it('hands traces over once per frame and keeps only the newest', () => {
    const store = createTraceStore();
    const frames: (() => void)[] = [];
    const batcher = createTraceBatcher(store, (cb) => frames.push(cb), 5);
    let notified = 0;
    store.subscribe(() => notified++);
    for (let i = 1; i <= 8; i++) batcher.push(record(i));
    expect(frames).toHaveLength(1);
    expect(store.getState().records).toEqual([]);
    frames.shift()!();
    expect(notified).toBe(1);
    expect(store.getState().records.map((r) => r.id)).toEqual([4, 5, 6, 7, 8]);
    batcher.push(record(9));
    frames.shift()!();
    expect(store.getState().records.map((r) => r.id)).toEqual([5, 6, 7, 8, 9]);
  });

  it('forgets a cluster on reset, including a frame already scheduled', () => {
    const store = createTraceStore();
    const frames: (() => void)[] = [];
    const batcher = createTraceBatcher(store, (cb) => frames.push(cb));
    batcher.push(record(1));
    frames.shift()!();
    store.setState({ selected: 1 });
    batcher.push(record(2));
    batcher.reset();
    frames.shift()!();
    expect(store.getState()).toEqual({ records: [], epoch: 1, selected: null });
  });
});
