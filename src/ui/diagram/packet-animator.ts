// Plays packet plans on the diagram, a few at a time. Traffic can come in
// bursts (a curl loop, the DNS search list of one lookup): an identical journey
// already waiting absorbs a new one, and when too many wait the oldest give way,
// so the diagram always shows recent traffic and the page never falls behind.

import type { PacketPlan } from './journey-plan';
import type { NetEdgeRegistry } from './net-edges';
import type { PacketBoard } from './packets';

export interface AnimatorOptions {
  maxRunning: number;
  maxWaiting: number;
  hopMs: number;
}

export const DEFAULT_ANIMATOR: AnimatorOptions = { maxRunning: 3, maxWaiting: 4, hopMs: 480 };

export interface AnimatorStats {
  played: number;
  merged: number;
  dropped: number;
}

export class PacketAnimator {
  private readonly waiting: PacketPlan[] = [];
  private running = 0;
  private epoch = 0;
  readonly stats: AnimatorStats = { played: 0, merged: 0, dropped: 0 };

  constructor(
    private readonly board: PacketBoard,
    private readonly edges: NetEdgeRegistry,
    private readonly options: AnimatorOptions = DEFAULT_ANIMATOR,
  ) {}

  play(plan: PacketPlan): void {
    if (plan.hops.length === 0) return;
    if (this.waiting.some((p) => p.key === plan.key)) {
      this.stats.merged++;
      return;
    }
    this.waiting.push(plan);
    while (this.waiting.length > this.options.maxWaiting) {
      this.waiting.shift();
      this.stats.dropped++;
    }
    this.pump();
  }

  /** Everything stops (reset, another namespace shown). */
  clear(): void {
    this.epoch++;
    this.waiting.length = 0;
    this.running = 0;
    this.board.clear();
    this.edges.clear();
  }

  get busy(): number {
    return this.running;
  }

  private pump(): void {
    while (this.running < this.options.maxRunning && this.waiting.length > 0) {
      const plan = this.waiting.shift()!;
      this.running++;
      this.stats.played++;
      void this.run(plan, this.epoch);
    }
  }

  private async run(plan: PacketPlan, epoch: number): Promise<void> {
    const defs = [...plan.hops.map((h) => h.net), plan.crossing?.edge.net ?? null].filter((d) => d !== null);
    this.edges.acquire(defs);
    const durationMs = this.options.hopMs;
    const expireMs = durationMs * 4 + 2000;
    try {
      for (let i = 0; i < plan.hops.length && epoch === this.epoch; i++) {
        const hop = plan.hops[i];
        const stopped = i === plan.hops.length - 1 && plan.fate !== 'delivered';
        const flights = [this.board.launch(hop.edgeId, { durationMs, reverse: hop.reverse, stopped, expireMs })];
        const crossing = plan.crossing;
        if (crossing && crossing.hop === i) {
          flights.push(this.board.launch(crossing.edge.edgeId, { durationMs, reverse: crossing.edge.reverse, expireMs }));
        }
        await Promise.all(flights);
      }
    } finally {
      if (epoch === this.epoch) {
        this.edges.release(defs);
        this.running--;
        this.pump();
      }
    }
  }
}
