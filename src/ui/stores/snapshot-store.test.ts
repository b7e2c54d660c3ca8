import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../../worker/protocol';
import { createSnapshotBatcher, createSnapshotStore } from './snapshot-store';

const snap = (version: number): ClusterSnapshot => ({
  time: 0,
  version,
  currentNamespace: 'default',
  nodes: [],
  pods: [],
  services: [],
});

function manualFrames() {
  const queue: (() => void)[] = [];
  return { schedule: (cb: () => void) => queue.push(cb), run: () => queue.splice(0).forEach((cb) => cb()), queue };
}

describe('snapshot batcher', () => {
  it('publishes only the newest snapshot once per frame', () => {
    const store = createSnapshotStore();
    const frames = manualFrames();
    const b = createSnapshotBatcher(store, frames.schedule);
    let renders = 0;
    store.subscribe(() => renders++);
    b.push(snap(1));
    b.push(snap(2));
    b.push(snap(3));
    expect(frames.queue).toHaveLength(1);
    expect(store.getState().snapshot).toBeNull();
    frames.run();
    expect(store.getState().snapshot?.version).toBe(3);
    expect(renders).toBe(1);
  });

  it('ignores versions it has already seen', () => {
    const store = createSnapshotStore();
    const frames = manualFrames();
    const b = createSnapshotBatcher(store, frames.schedule);
    b.push(snap(5));
    frames.run();
    b.push(snap(5));
    b.push(snap(4));
    expect(frames.queue).toHaveLength(0);
  });

  it('accepts low versions again after a reset and drops the stale pending one', () => {
    const store = createSnapshotStore();
    const frames = manualFrames();
    const b = createSnapshotBatcher(store, frames.schedule);
    b.push(snap(9));
    b.reset();
    b.push(snap(1));
    frames.run();
    expect(store.getState().snapshot?.version).toBe(1);
  });
});
