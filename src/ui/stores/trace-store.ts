// The latest packet traces from the worker, for the diagram's animation and the
// hop panel. Traces can arrive in bursts (a curl loop); the batcher hands them
// to the store once per animation frame, and the store keeps only the newest.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TraceRecord } from '../../worker/protocol';
import type { FrameScheduler } from './snapshot-store';

export const TRACES_KEPT = 40;

export interface TraceState {
  /** Oldest first, at most TRACES_KEPT. */
  records: readonly TraceRecord[];
  /** Changes with every cluster (trace ids start again at 1). */
  epoch: number;
  /** The trace the hop panel shows; null follows the newest. */
  selected: number | null;
}

export function createTraceStore(): StoreApi<TraceState> {
  return createStore<TraceState>()(() => ({ records: [], epoch: 0, selected: null }));
}

export interface TraceBatcher {
  push(record: TraceRecord): void;
  /** A new cluster: drop what is pending and shown. */
  reset(): void;
}

export function createTraceBatcher(store: StoreApi<TraceState>, schedule: FrameScheduler, keep = TRACES_KEPT): TraceBatcher {
  let pending: TraceRecord[] = [];
  let scheduled = false;
  let epoch = 0;

  const flush = (forEpoch: number) => {
    scheduled = false;
    if (forEpoch !== epoch || pending.length === 0) return;
    const incoming = pending;
    pending = [];
    const records = [...store.getState().records, ...incoming];
    store.setState({ records: records.length > keep ? records.slice(records.length - keep) : records });
  };

  return {
    push(record) {
      pending.push(record);
      if (pending.length > keep) pending.splice(0, pending.length - keep);
      if (scheduled) return;
      scheduled = true;
      const e = epoch;
      schedule(() => flush(e));
    },
    reset() {
      epoch++;
      pending = [];
      scheduled = false;
      store.setState((s) => ({ records: [], epoch: s.epoch + 1, selected: null }));
    },
  };
}
