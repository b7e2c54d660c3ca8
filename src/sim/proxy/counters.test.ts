import { describe, expect, it } from 'vitest';
import { NodeCounters } from './counters';
import type { KubeProxy } from './kube-proxy';
import type { Chain } from './rules/model';
import { buildProxy } from './testing/build';
import { slice } from './testing/objects';
import { largeScenario } from './testing/scenarios';

function bump(kp: KubeProxy, counters: NodeCounters, node: string, name: string): Chain {
  const chain = kp.tables(node).nat.chain(name)!;
  counters.addRule('nat', chain, 0, 1, 60);
  return chain;
}

function count(kp: KubeProxy, counters: NodeCounters, node: string, name: string): number {
  return counters.rule('nat', kp.tables(node).nat.chain(name)!, 0).packets;
}

describe('counters across kube-proxy syncs', () => {
  const s = largeScenario(6, 3);
  const node = s.node;

  function setup() {
    const kp = buildProxy(s);
    const counters = new NodeCounters();
    const nat = kp.tables(node).nat;
    const sepOf = (svc: string) => nat.chainNames().find((n) => n.startsWith('KUBE-SEP-') && nat.chain(n)!.rules[0].matches.some((m) => m.kind === 'comment' && m.text === svc))!;
    const sep0 = sepOf('bulk/svc-0');
    const sep1 = sepOf('bulk/svc-1');
    for (const name of ['PREROUTING', 'KUBE-SERVICES', 'KUBE-MARK-MASQ', sep0, sep1]) bump(kp, counters, node, name);
    counters.addPolicy('nat', 'OUTPUT', 3, 140);
    return { kp, counters, sep0, sep1 };
  }

  it('a sync rewrites the top-level chains (counters restart) and keeps the rest', () => {
    const { kp, counters, sep0, sep1 } = setup();
    kp.sync();
    expect(count(kp, counters, node, 'KUBE-SERVICES')).toBe(0);
    expect(count(kp, counters, node, 'KUBE-MARK-MASQ')).toBe(0);
    expect(count(kp, counters, node, 'PREROUTING')).toBe(1);
    expect(count(kp, counters, node, sep0)).toBe(1);
    expect(count(kp, counters, node, sep1)).toBe(1);
    expect(counters.policy('nat', 'OUTPUT')).toEqual({ packets: 3, bytes: 140 });
  });

  it('a changed service gets all its chains rewritten; other services keep their counters', () => {
    const { kp, counters, sep0, sep1 } = setup();
    const eps = (s.slices[0].endpoints ?? []).map((e) => ({ ip: e.addresses[0], node: e.nodeName! }));
    kp.setEndpointSlice(slice('bulk', 'svc-0', [{ port: 80 }], [...eps, { ip: '10.44.7.7', node: 'kind-worker2' }]));
    kp.sync();
    expect(count(kp, counters, node, sep0)).toBe(0);
    expect(count(kp, counters, node, sep1)).toBe(1);
  });

  it('a full sync rewrites every kube-proxy chain but not the built-in ones', () => {
    const { kp, counters, sep0, sep1 } = setup();
    kp.sync({ full: true });
    expect(count(kp, counters, node, sep0)).toBe(0);
    expect(count(kp, counters, node, sep1)).toBe(0);
    expect(count(kp, counters, node, 'PREROUTING')).toBe(1);
  });

  it('iptables -Z zeroes rule and policy counters', () => {
    const { kp, counters } = setup();
    const nat = kp.tables(node).nat;
    counters.zero('nat', nat.chainNames().map((n) => nat.chain(n)!));
    expect(count(kp, counters, node, 'PREROUTING')).toBe(0);
    expect(counters.policy('nat', 'OUTPUT')).toEqual({ packets: 0, bytes: 0 });
  });
});
