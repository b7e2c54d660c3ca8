// `iptables -S [chain [rulenum]] [-v]`: policies and chain declarations, then the rules
// in save syntax. `-v` adds `-c packets bytes` after the chain name.

import type { CounterView } from '../counters';
import type { Table } from '../rules/model';
import { ruleBody, ruleHead, ruleTail } from './rule-text';

export interface SpecOptions {
  chain?: string;
  /** 1-based rule number (needs chain) */
  rulenum?: number;
  verbose?: boolean;
}

/** Caller checks the chain exists. */
export function iptablesSpec(table: Table, counters: CounterView, opts: SpecOptions = {}): string {
  const names = opts.chain ? [opts.chain] : table.chainNames();
  const lines: string[] = [];
  if (opts.rulenum === undefined) {
    for (const name of names) {
      const chain = table.chain(name)!;
      if (chain.policy) {
        if (opts.verbose) {
          const c = counters.policy(table.name, name);
          lines.push(`-P ${name} ${chain.policy} -c ${c.packets} ${c.bytes}`);
        } else {
          lines.push(`-P ${name} ${chain.policy}`);
        }
      } else {
        lines.push(`-N ${name}`);
      }
    }
  }
  for (const name of names) {
    const chain = table.chain(name)!;
    chain.rules.forEach((r, i) => {
      if (opts.rulenum !== undefined && opts.rulenum !== i + 1) return;
      if (opts.verbose) {
        const c = counters.rule(table.name, chain, i);
        // iptables-nft prints the counters between the matches and the target.
        lines.push(`-A ${name}${ruleHead(r)} -c ${c.packets} ${c.bytes}${ruleTail(r)}`);
      } else {
        lines.push(`-A ${name}${ruleBody(r)}`);
      }
    });
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
