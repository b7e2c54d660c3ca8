// Packet and byte counters of one node, per rule and per built-in chain policy.
//
// What real kube-proxy does to counters: every sync is one
// `iptables-restore --noflush --counters` whose payload declares (`:CHAIN - [0:0]`)
// and refills KUBE-SERVICES, KUBE-NODEPORTS, KUBE-POSTROUTING, KUBE-MARK-MASQ and
// all of kube-proxy's filter chains, plus the SVC/SVL/EXT/FW/SEP chains of the
// services that changed (partial sync, v1.27+); a full sync (start-up, then about
// once an hour) declares every chain. A declared chain is flushed and its rules
// re-added without counters, so their counters restart at zero. Chains left out
// of a partial sync keep their counters, and the jump rules in the built-in
// chains (inserted once with `iptables -I`) and the policy counters are never
// touched.
//
// The model mirrors that through object identity: KubeProxy.sync() creates new
// Chain objects exactly for the chains the real sync would rewrite (all of them
// on a full sync) and reuses the others, so counters are kept per Chain object
// and a rewritten chain starts from zero. Deterministic, and no bookkeeping.

import type { Chain, TableName } from './rules/model';

export interface Count {
  packets: number;
  bytes: number;
}

/** What the renderers read. */
export interface CounterView {
  rule(table: TableName, chain: Chain, index: number): Count;
  policy(table: TableName, chain: string): Count;
}

interface ChainCounts {
  packets: number[];
  bytes: number[];
}

const ZERO: Count = Object.freeze({ packets: 0, bytes: 0 }) as Count;

export class NodeCounters implements CounterView {
  private readonly perChain: Record<TableName, WeakMap<Chain, ChainCounts>> = {
    filter: new WeakMap(),
    nat: new WeakMap(),
    mangle: new WeakMap(),
  };
  private readonly policies = new Map<string, Count>();

  private counts(table: TableName, chain: Chain): ChainCounts {
    let c = this.perChain[table].get(chain);
    if (!c) {
      c = { packets: new Array(chain.rules.length).fill(0), bytes: new Array(chain.rules.length).fill(0) };
      this.perChain[table].set(chain, c);
    }
    return c;
  }

  rule(table: TableName, chain: Chain, index: number): Count {
    const c = this.perChain[table].get(chain);
    if (!c) return ZERO;
    return { packets: c.packets[index] ?? 0, bytes: c.bytes[index] ?? 0 };
  }

  policy(table: TableName, chain: string): Count {
    return this.policies.get(`${table}/${chain}`) ?? ZERO;
  }

  addRule(table: TableName, chain: Chain, index: number, packets: number, bytes: number): void {
    const c = this.counts(table, chain);
    c.packets[index] += packets;
    c.bytes[index] += bytes;
  }

  addPolicy(table: TableName, chain: string, packets: number, bytes: number): void {
    const key = `${table}/${chain}`;
    const p = this.policies.get(key) ?? { packets: 0, bytes: 0 };
    this.policies.set(key, { packets: p.packets + packets, bytes: p.bytes + bytes });
  }

  /** Set a rule's counters (tests, `iptables -Z`). */
  setRule(table: TableName, chain: Chain, index: number, value: Count): void {
    const c = this.counts(table, chain);
    c.packets[index] = value.packets;
    c.bytes[index] = value.bytes;
  }

  setPolicy(table: TableName, chain: string, value: Count): void {
    this.policies.set(`${table}/${chain}`, { packets: value.packets, bytes: value.bytes });
  }

  /** `iptables -Z [chain]`: rule counters and, for built-in chains, the policy counters. */
  zero(table: TableName, chains: Iterable<Chain>): void {
    for (const chain of chains) {
      this.perChain[table].delete(chain);
      if (chain.policy) this.policies.delete(`${table}/${chain.name}`);
    }
  }
}

/** Counters of every node, created on first use. */
export class ClusterCounters {
  private readonly nodes = new Map<string, NodeCounters>();

  node(name: string): NodeCounters {
    let n = this.nodes.get(name);
    if (!n) this.nodes.set(name, (n = new NodeCounters()));
    return n;
  }
}
