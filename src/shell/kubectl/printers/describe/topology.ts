// `Topology Spread Constraints:` lines of describe pod and pod templates.

import type { LabelSelector } from '../../../../sim/api/types';
import { formatLabelSelector } from '../labels';
import { LEVEL_0, type DescribeWriter } from './writer';

interface Constraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: string;
  labelSelector?: LabelSelector;
}

/** Nothing when there are none; otherwise one line per constraint, sorted by topology key. */
export function describeTopologySpread(w: DescribeWriter, constraints: unknown[] | undefined, space: string): void {
  const list = [...((constraints ?? []) as Constraint[])].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  if (list.length === 0) return;
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  list.forEach((c, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    let s = `${c.topologyKey}:${c.whenUnsatisfiable} when max skew ${c.maxSkew} is exceeded`;
    if (c.labelSelector) s += ` for selector ${formatLabelSelector(c.labelSelector)}`;
    w.write(LEVEL_0, `${s}\n`);
  });
}
