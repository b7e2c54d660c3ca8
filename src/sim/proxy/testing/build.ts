// Build a synced proxy model from a scenario, and fill counters with varied
// values (small, around the K/M/G thresholds, large) for rendering checks.

import { Rng } from '../../core/rng';
import type { NodeCounters } from '../counters';
import { KubeProxy } from '../kube-proxy';
import type { NodeTables, TableName } from '../rules/model';
import type { Scenario } from './scenarios';

export function buildProxy(s: Scenario): KubeProxy {
  const kp = new KubeProxy(s.options);
  kp.setNodes(s.nodes);
  kp.replaceAll(s.services, s.slices);
  kp.sync();
  return kp;
}

const SAMPLES = [0, 0, 0, 1, 7, 60, 99999, 100000, 100499, 123456, 9999499, 9999500, 10_000_000, 123_456_789, 98_765_432_100];

function sample(rng: Rng): number {
  return SAMPLES[rng.int(SAMPLES.length)];
}

export function fillCounters(tables: NodeTables, counters: NodeCounters, seed: string): void {
  const rng = new Rng(seed);
  for (const name of ['mangle', 'filter', 'nat'] as TableName[]) {
    const t = tables[name];
    for (const chainName of t.chainNames()) {
      const chain = t.chain(chainName)!;
      if (chain.policy) counters.setPolicy(name, chainName, { packets: sample(rng), bytes: sample(rng) });
      chain.rules.forEach((_, i) => counters.setRule(name, chain, i, { packets: sample(rng), bytes: sample(rng) }));
    }
  }
}
