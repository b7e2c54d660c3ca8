import { describe, expect, it } from 'vitest';
import { ClusterIPAllocator, NodePortAllocator, ipToInt } from './allocators';
import { Rng } from '../core/rng';

describe('ClusterIPAllocator', () => {
  it('hands out random addresses from the upper band of 10.96.0.0/12, never the reserved low band', () => {
    const a = new ClusterIPAllocator('10.96.0.0/12', new Rng(7));
    const lowBandEnd = ipToInt('10.96.1.0');
    const ips = Array.from({ length: 200 }, () => a.allocateNext());
    for (const ip of ips) {
      expect(ipToInt(ip)).toBeGreaterThan(lowBandEnd);
      expect(ipToInt(ip)).toBeLessThanOrEqual(ipToInt('10.111.255.254'));
    }
    expect(new Set(ips).size).toBe(200);
    // Random, not sequential: consecutive picks are far apart on average.
    const gaps = ips.slice(1).map((ip, i) => Math.abs(ipToInt(ip) - ipToInt(ips[i])));
    expect(gaps.reduce((s, g) => s + g, 0) / gaps.length).toBeGreaterThan(10_000);
  });

  it('lets users ask for a static address and refuses taken or out-of-range ones with the allocator texts', () => {
    const a = new ClusterIPAllocator('10.96.0.0/12', new Rng(1));
    a.allocate('10.96.0.10');
    expect(() => a.allocate('10.96.0.10')).toThrow('provided IP is already allocated');
    expect(() => a.allocate('10.200.0.5')).toThrow('provided IP is not in the valid range. The range of valid IPs is 10.96.0.0/12');
    expect(() => a.allocate('10.96.0.0')).toThrow('provided IP is not in the valid range');
    a.release('10.96.0.10');
    expect(() => a.allocate('10.96.0.10')).not.toThrow();
  });
});

describe('NodePortAllocator', () => {
  it('allocates automatic node ports in 30086-32767 and keeps 30000-30085 for user choices', () => {
    const a = new NodePortAllocator(30000, 32767, new Rng(3));
    for (let i = 0; i < 500; i++) {
      const p = a.allocateNext();
      expect(p).toBeGreaterThanOrEqual(30086);
      expect(p).toBeLessThanOrEqual(32767);
    }
    a.allocate(30000);
    expect(() => a.allocate(30000)).toThrow('provided port is already allocated');
    expect(() => a.allocate(80)).toThrow('provided port is not in the valid range. The range of valid ports is 30000-32767');
  });

  it('falls back to the low band only when the upper band is full, then reports a full range', () => {
    const a = new NodePortAllocator(30000, 30099, new Rng(3));
    // size 100 -> offset 16: upper band 30016-30099 (84 ports)
    const got = Array.from({ length: 84 }, () => a.allocateNext());
    expect(Math.min(...got)).toBe(30016);
    expect(a.allocateNext()).toBeLessThan(30016);
    for (let i = 0; i < 15; i++) a.allocateNext();
    expect(() => a.allocateNext()).toThrow('range is full');
  });
});
