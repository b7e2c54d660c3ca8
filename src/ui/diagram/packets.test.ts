import { describe, expect, it } from 'vitest';
import { NO_PACKETS, PacketBoard } from './packets';

describe('PacketBoard', () => {
  it('keeps packets per edge and resolves launch when the packet arrives', async () => {
    const board = new PacketBoard();
    let arrived = false;
    const done = board.launch('e1', { durationMs: 500 }).then(() => (arrived = true));
    const [p] = board.store.getState().byEdge['e1'];
    expect(p.durationMs).toBe(500);
    expect(board.store.getState().byEdge['e2'] ?? NO_PACKETS).toBe(NO_PACKETS);
    await Promise.resolve();
    expect(arrived).toBe(false);
    board.arrived('e1', p.id);
    await done;
    expect(arrived).toBe(true);
    expect(board.store.getState().byEdge).toEqual({});
  });

  it('plays a journey hop by hop, skipping edges that are not drawn', async () => {
    const board = new PacketBoard();
    const order: string[] = [];
    const unsub = board.store.subscribe((s) => {
      for (const [edge, list] of Object.entries(s.byEdge)) {
        for (const p of list) {
          if (order.includes(`${edge}:${p.id}`)) continue;
          order.push(`${edge}:${p.id}`);
          queueMicrotask(() => board.arrived(edge, p.id));
        }
      }
    });
    await board.playJourney([{ edgeId: 'a' }, { edgeId: 'missing' }, { edgeId: 'b', reverse: true }], (id) => id !== 'missing');
    unsub();
    expect(order.map((o) => o.split(':')[0])).toEqual(['a', 'b']);
  });

  it('clear resolves everything in flight', async () => {
    const board = new PacketBoard();
    const p = board.launch('x');
    board.clear();
    await p;
    expect(board.store.getState().byEdge).toEqual({});
  });
});
