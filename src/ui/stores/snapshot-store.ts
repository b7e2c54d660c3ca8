// The latest cluster snapshot from the worker. Snapshots can arrive faster than
// the screen refreshes; the batcher keeps only the newest and hands it to the
// store once per animation frame, so views re-render at most once a frame.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClusterSnapshot } from '../../worker/protocol';

export interface SnapshotState {
  snapshot: ClusterSnapshot | null;
}

export function createSnapshotStore(): StoreApi<SnapshotState> {
  return createStore<SnapshotState>()(() => ({ snapshot: null }));
}

export type FrameScheduler = (cb: () => void) => unknown;

export interface SnapshotBatcher {
  push(snapshot: ClusterSnapshot): void;
  /** Forget the last version (after a reset the worker's versions start again). */
  reset(): void;
}

export function createSnapshotBatcher(store: StoreApi<SnapshotState>, schedule: FrameScheduler): SnapshotBatcher {
  let pending: ClusterSnapshot | null = null;
  let scheduled = false;
  let lastVersion = -Infinity;
  let epoch = 0;

  const flush = (forEpoch: number) => {
    scheduled = false;
    if (forEpoch !== epoch || pending === null) return;
    const s = pending;
    pending = null;
    store.setState({ snapshot: s });
  };

  return {
    push(snapshot) {
      if (snapshot.version <= lastVersion) return;
      lastVersion = snapshot.version;
      pending = snapshot;
      if (scheduled) return;
      scheduled = true;
      const e = epoch;
      schedule(() => flush(e));
    },
    reset() {
      epoch++;
      pending = null;
      scheduled = false;
      lastVersion = -Infinity;
    },
  };
}
