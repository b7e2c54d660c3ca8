import { describe, expect, it } from 'vitest';
import type { PacketPlan, PlannedHop } from './journey-plan';
import { netEdge } from './journey-plan';
import { NetEdgeRegistry } from './net-edges';
import { PacketAnimator } from './packet-animator';
import { type Packet, PacketBoard } from './packets';

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

function net(a: string, b: string): PlannedHop {
  const { def, reverse } = netEdge(a, b);
  return { edgeId: def.id, reverse, net: def };
}

function plan(key: string, hops: PlannedHop[], extra: Partial<PacketPlan> = {}): PacketPlan {
  return { traceId: 1, key, hops, crossing: null, fate: 'delivered', ...extra };
}

/** A board whose packets land only when told (as the SVG's endEvent would). */
function setup(maxRunning = 2, maxWaiting = 2) {
  const board = new PacketBoard();
  const timers: (() => void)[] = [];
  const edges = new NetEdgeRegistry(100, (cb) => timers.push(cb));
  const animator = new PacketAnimator(board, edges, { maxRunning, maxWaiting, hopMs: 300 });
  const inFlight = () => Object.entries(board.store.getState().byEdge).flatMap(([edge, list]) => list.map((p: Packet) => ({ edge, p })));
  const land = async () => {
    for (const { edge, p } of inFlight()) board.arrived(edge, p.id);
    await settle();
  };
  return { board, edges, animator, inFlight, land, timers };
}

describe('PacketAnimator', () => {
  it('moves a packet hop by hop, with the weave crossing alongside its hop and a red stop when refused', async () => {
    const { animator, inFlight, land, edges, timers } = setup();
    const hops = [net('host', 'node:a'), net('node:a', 'svc:default/vote'), { edgeId: 'ep:svc:default/vote->pod:default/v1', reverse: false, net: null }];
    animator.play(plan('k', hops, { crossing: { hop: 2, edge: net('node:a', 'node:b') }, fate: 'refused' }));
    await settle();
    expect(Object.keys(edges.store.getState().edges).sort()).toEqual(['net:host->node:a', 'net:node:a->node:b', 'net:svc:default/vote->node:a']);
    const seen: string[][] = [];
    for (let i = 0; i < 3; i++) {
      seen.push(inFlight().map(({ edge, p }) => `${edge}${p.reverse ? ' (up)' : ''}${p.stopped ? ' stopped' : ''}`));
      await land();
    }
    expect(seen).toEqual([
      ['net:host->node:a'],
      ['net:svc:default/vote->node:a (up)'],
      ['ep:svc:default/vote->pod:default/v1 stopped', 'net:node:a->node:b'],
    ]);
    expect(animator.busy).toBe(0);
    // The faint edges go a moment after the last packet.
    for (const t of timers.splice(0)) t();
    expect(edges.store.getState().edges).toEqual({});
  });

  it('runs a few at a time, merges identical waiting journeys and drops the oldest when too many wait', async () => {
    const { animator, inFlight, land } = setup(2, 2);
    const one = (k: string) => plan(k, [net('host', `node:${k}`)]);
    for (const k of ['a', 'b', 'c', 'c', 'd', 'e']) animator.play(one(k));
    await settle();
    expect(inFlight().map((f) => f.edge)).toEqual(['net:host->node:a', 'net:host->node:b']);
    expect(animator.stats).toEqual({ played: 2, merged: 1, dropped: 1 });
    await land();
    expect(inFlight().map((f) => f.edge).sort()).toEqual(['net:host->node:d', 'net:host->node:e']);
  });

  it('stops everything on clear', async () => {
    const { animator, inFlight, board } = setup();
    animator.play(plan('x', [net('host', 'node:a'), net('node:a', 'node:b')]));
    await settle();
    animator.clear();
    await settle();
    expect(inFlight()).toEqual([]);
    expect(animator.busy).toBe(0);
    expect(board.store.getState().byEdge).toEqual({});
  });
});
