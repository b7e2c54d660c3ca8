// Packets in flight on diagram edges, keyed by edge id so that a packet
// re-renders only its own edge. This is the seam for traffic animation: a trace
// from the worker (client → node:30000 → Service → pod, hop by hop) becomes a
// list of edge ids, and playJourney() moves one dot along them in turn, each hop
// starting when the previous one ends.

import { createStore, type StoreApi } from 'zustand/vanilla';

export interface Packet {
  id: string;
  durationMs: number;
  /** CSS colour; defaults to the theme's packet colour. */
  color?: string;
  /** Travel from target to source (a reply). */
  reverse?: boolean;
  /** Refused or dropped where this hop ends: drawn in red, with a mark that stays a moment. */
  stopped?: boolean;
}

export interface PacketState {
  byEdge: Record<string, readonly Packet[]>;
}

/** The one empty list selectors return for edges without packets (a stable reference). */
export const NO_PACKETS: readonly Packet[] = Object.freeze([]);

export interface PacketOptions {
  durationMs?: number;
  color?: string;
  reverse?: boolean;
  stopped?: boolean;
  /**
   * Count the packet as arrived after this long even if its edge never drew it
   * (the edge went away, or was never rendered), so a journey cannot stall.
   */
  expireMs?: number;
}

export class PacketBoard {
  readonly store: StoreApi<PacketState> = createStore<PacketState>()(() => ({ byEdge: {} }));
  private nextId = 0;
  private readonly waiting = new Map<string, () => void>();

  /** Send one packet along an edge; resolves when it arrives (or is dropped). */
  launch(edgeId: string, opts: PacketOptions = {}): Promise<void> {
    const packet: Packet = { id: `pkt-${++this.nextId}`, durationMs: opts.durationMs ?? 900, color: opts.color, reverse: opts.reverse, stopped: opts.stopped };
    return new Promise((resolve) => {
      this.waiting.set(packet.id, resolve);
      this.store.setState((s) => ({ byEdge: { ...s.byEdge, [edgeId]: [...(s.byEdge[edgeId] ?? NO_PACKETS), packet] } }));
      if (opts.expireMs !== undefined) setTimeout(() => this.arrived(edgeId, packet.id), opts.expireMs);
    });
  }

  /** Called by the edge when the packet's animation ended (or it unmounted). */
  arrived(edgeId: string, packetId: string): void {
    const list = this.store.getState().byEdge[edgeId];
    if (list?.some((p) => p.id === packetId)) {
      this.store.setState((s) => {
        const rest = (s.byEdge[edgeId] ?? NO_PACKETS).filter((p) => p.id !== packetId);
        const byEdge = { ...s.byEdge };
        if (rest.length === 0) delete byEdge[edgeId];
        else byEdge[edgeId] = rest;
        return { byEdge };
      });
    }
    const resolve = this.waiting.get(packetId);
    this.waiting.delete(packetId);
    resolve?.();
  }

  /** Hop by hop along a path of edges; a hop whose edge is not drawn is skipped. */
  async playJourney(hops: readonly { edgeId: string; reverse?: boolean }[], exists: (edgeId: string) => boolean, opts: PacketOptions = {}): Promise<void> {
    for (const hop of hops) {
      if (!exists(hop.edgeId)) continue;
      await this.launch(hop.edgeId, { ...opts, reverse: hop.reverse ?? opts.reverse });
    }
  }

  /** Drop everything in flight (reset, namespace switch). */
  clear(): void {
    this.store.setState({ byEdge: {} });
    for (const resolve of this.waiting.values()) resolve();
    this.waiting.clear();
  }
}
