// Weave Net's IP address management, as it carves 10.32.0.0/12 between peers.
// The first peer owns the whole ring; each peer that joins takes the upper half
// of the range of the peer with the most free addresses (ties: the earliest
// peer). Inside its range a peer hands out addresses in order: the weave bridge
// first, then pods. That is where the familiar 10.32.x / 10.40.x / 10.44.x pod
// addresses of a weave cluster come from.

import { intToIp, ipToInt, parseCidr } from '../api/allocators';

interface PeerRange {
  node: string;
  start: number;
  /** exclusive */
  end: number;
  used: Set<number>;
  /** lowest index that might be free */
  cursor: number;
}

export class WeaveIpam {
  readonly cidr: string;
  private readonly base: number;
  private readonly size: number;
  private readonly peers: PeerRange[] = [];
  private readonly byNode = new Map<string, PeerRange>();
  private readonly owner = new Map<number, string>();
  private readonly bridges = new Map<string, string>();

  constructor(cidr = '10.32.0.0/12') {
    this.cidr = cidr;
    const c = parseCidr(cidr);
    this.base = c.base;
    this.size = 2 ** (32 - c.bits);
  }

  /** A peer joins and receives its range; returns the weave bridge address. */
  join(node: string): string {
    if (this.byNode.has(node)) throw new Error(`peer ${node} already joined`);
    let range: PeerRange;
    if (this.peers.length === 0) {
      // The network address of the /12 is never handed out.
      range = { node, start: this.base, end: this.base + this.size, used: new Set([this.base]), cursor: 1 };
    } else {
      let donor = this.peers[0];
      for (const p of this.peers) if (free(p) > free(donor)) donor = p;
      const half = Math.ceil((donor.end - donor.start) / 2);
      const mid = donor.end - half;
      range = { node, start: mid, end: donor.end, used: new Set(), cursor: 0 };
      for (const ip of [...donor.used]) {
        if (ip >= mid) {
          donor.used.delete(ip);
          range.used.add(ip);
        }
      }
      donor.end = mid;
    }
    this.peers.push(range);
    this.byNode.set(node, range);
    const bridge = this.allocate(node);
    this.bridges.set(node, bridge);
    return bridge;
  }

  /** The address of the node's `weave` bridge (the `src` of its 10.32.0.0/12 route). */
  bridgeOf(node: string): string | undefined {
    return this.bridges.get(node);
  }

  /** The lowest free address in the node's range. */
  allocate(node: string): string {
    const r = this.byNode.get(node);
    if (!r) throw new Error(`no weave range for ${node}`);
    for (let i = r.cursor; r.start + i < r.end; i++) {
      const ip = r.start + i;
      if (!r.used.has(ip)) {
        r.used.add(ip);
        r.cursor = i + 1;
        this.owner.set(ip, node);
        return intToIp(ip);
      }
    }
    throw new Error(`weave range of ${node} is exhausted`);
  }

  release(ip: string): void {
    const n = ipToInt(ip);
    const node = this.owner.get(n);
    if (!node) return;
    const r = this.byNode.get(node)!;
    r.used.delete(n);
    r.cursor = Math.min(r.cursor, n - r.start);
    this.owner.delete(n);
  }

  /** The range a node owns, as `start-end` addresses (for `weave status ipam`-like displays). */
  rangeOf(node: string): { start: string; end: string } | undefined {
    const r = this.byNode.get(node);
    return r && { start: intToIp(r.start), end: intToIp(r.end - 1) };
  }

  /** Which node's range holds this address (the weave route decides by the pod, not the range). */
  nodeOf(ip: string): string | undefined {
    return this.owner.get(ipToInt(ip));
  }
}

function free(p: PeerRange): number {
  return p.end - p.start - p.used.size;
}
