// Cluster IP and node port allocation, as the apiserver's bitmap allocators do
// it: a low band reserved for values users ask for, dynamic picks at random in
// the upper band, scanning forward (wrapping inside the band) to a free slot.
// That is why real cluster IPs look like 10.104.128.34 while 10.96.0.10 is safe
// to request, and why automatic node ports are never below 30086.

import type { Rng } from '../core/rng';

export class AllocationError extends Error {}

/** A range of `size` slots with the apiserver's band split at `offset`. */
export class BandedAllocator {
  private readonly used = new Set<number>();

  constructor(
    readonly size: number,
    readonly offset: number,
    private readonly rng: Rng,
  ) {}

  has(i: number): boolean {
    return this.used.has(i);
  }

  get count(): number {
    return this.used.size;
  }

  allocate(i: number): void {
    if (this.used.has(i)) throw new AllocationError('already allocated');
    this.used.add(i);
  }

  release(i: number): void {
    this.used.delete(i);
  }

  /** A free slot: random start in the upper band, scan forward; the lower band only when the upper is full. */
  allocateNext(): number {
    const pick = (lo: number, hi: number): number | undefined => {
      const n = hi - lo;
      if (n <= 0) return undefined;
      const start = this.rng.int(n);
      for (let k = 0; k < n; k++) {
        const i = lo + ((start + k) % n);
        if (!this.used.has(i)) return i;
      }
      return undefined;
    };
    const i = pick(this.offset, this.size) ?? pick(0, this.offset);
    if (i === undefined) throw new AllocationError('range is full');
    this.used.add(i);
    return i;
  }
}

export function ipToInt(ip: string): number {
  const p = ip.split('.').map(Number);
  return ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
}

export function intToIp(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function isIPv4(s: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  return !!m && m.slice(1).every((x) => Number(x) <= 255 && String(Number(x)) === x);
}

export interface Cidr {
  base: number;
  bits: number;
}

export function parseCidr(s: string): Cidr {
  const [ip, bits] = s.split('/');
  const b = Number(bits);
  const mask = b === 0 ? 0 : (0xffffffff << (32 - b)) >>> 0;
  return { base: (ipToInt(ip) & mask) >>> 0, bits: b };
}

export function cidrContains(c: Cidr, ip: string): boolean {
  const mask = c.bits === 0 ? 0 : (0xffffffff << (32 - c.bits)) >>> 0;
  return ((ipToInt(ip) & mask) >>> 0) === c.base;
}

/** Service cluster IPs from a CIDR; network and broadcast addresses are never handed out. */
export class ClusterIPAllocator {
  private readonly cidr: Cidr;
  private readonly bands: BandedAllocator;

  constructor(readonly range: string, rng: Rng) {
    this.cidr = parseCidr(range);
    const size = 2 ** (32 - this.cidr.bits) - 2;
    this.bands = new BandedAllocator(size, Math.min(Math.max(16, Math.floor(size / 16)), 256), rng);
  }

  private slot(ip: string): number | undefined {
    if (!isIPv4(ip) || !cidrContains(this.cidr, ip)) return undefined;
    const i = ipToInt(ip) - this.cidr.base - 1;
    return i >= 0 && i < this.bands.size ? i : undefined;
  }

  /** Reserve a specific IP; the error text is the allocator's. */
  allocate(ip: string): void {
    const i = this.slot(ip);
    if (i === undefined) throw new AllocationError(`provided IP is not in the valid range. The range of valid IPs is ${this.range}`);
    if (this.bands.has(i)) throw new AllocationError('provided IP is already allocated');
    this.bands.allocate(i);
  }

  allocateNext(): string {
    return intToIp(this.cidr.base + 1 + this.bands.allocateNext());
  }

  release(ip: string): void {
    const i = this.slot(ip);
    if (i !== undefined) this.bands.release(i);
  }

  isAllocated(ip: string): boolean {
    const i = this.slot(ip);
    return i !== undefined && this.bands.has(i);
  }
}

export class NodePortAllocator {
  private readonly bands: BandedAllocator;

  constructor(
    readonly base: number,
    readonly max: number,
    rng: Rng,
  ) {
    const size = max - base + 1;
    this.bands = new BandedAllocator(size, Math.min(Math.max(16, Math.floor(size / 32)), 128), rng);
  }

  get rangeText(): string {
    return `${this.base}-${this.max}`;
  }

  allocate(port: number): void {
    if (port < this.base || port > this.max) {
      throw new AllocationError(`provided port is not in the valid range. The range of valid ports is ${this.rangeText}`);
    }
    if (this.bands.has(port - this.base)) throw new AllocationError('provided port is already allocated');
    this.bands.allocate(port - this.base);
  }

  allocateNext(): number {
    return this.base + this.bands.allocateNext();
  }

  release(port: number): void {
    if (port >= this.base && port <= this.max) this.bands.release(port - this.base);
  }

  isAllocated(port: number): boolean {
    return port >= this.base && port <= this.max && this.bands.has(port - this.base);
  }
}
