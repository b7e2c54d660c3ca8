// The pods table as the apiserver's table convertor builds it, and the READY /
// STATUS / RESTARTS texts on their own (the diagram shows them too).

import type { Pod } from '../../../../sim/api/types';
import { ageOf, humanDuration } from '../../../text/duration';
import { podSpec, podStatus } from '../extra-fields';
import { summarizePod } from '../../../../sim/pod-status';
import type { ColumnDef, KindTableConverter } from './table';

export { summarizePod, podStatusText, podReadyText, type PodSummary } from '../../../../sim/pod-status';

/** RESTARTS of `kubectl get pods`: `0`, or `2 (3m10s ago)` when a last termination time is known. */
export function podRestartsText(pod: Pod, now: number): string {
  const s = summarizePod(pod);
  if (s.restarts !== 0 && s.lastRestartMs !== undefined) return `${s.restarts} (${humanDuration(now - s.lastRestartMs)} ago)`;
  return String(s.restarts);
}

const COLUMNS: ColumnDef[] = [
  { name: 'Name', isName: true },
  { name: 'Ready' },
  { name: 'Status' },
  { name: 'Restarts' },
  { name: 'Age' },
  { name: 'IP', wide: true },
  { name: 'Node', wide: true },
  { name: 'Nominated Node', wide: true },
  { name: 'Readiness Gates', wide: true },
];

function readinessGates(pod: Pod): string {
  const gates = podSpec(pod).readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conditions = (podStatus(pod).conditions ?? []) as { type: string; status: string }[];
  let passed = 0;
  for (const g of gates) if (conditions.find((c) => c.type === g.conditionType)?.status === 'True') passed++;
  return `${passed}/${gates.length}`;
}

export const podTable: KindTableConverter = {
  columns: COLUMNS,
  cells(obj, now) {
    const pod = obj as Pod;
    const s = summarizePod(pod);
    const restarts = s.restarts !== 0 && s.lastRestartMs !== undefined ? `${s.restarts} (${humanDuration(now - s.lastRestartMs)} ago)` : String(s.restarts);
    const status = podStatus(pod);
    return [
      pod.metadata.name ?? '',
      `${s.ready}/${s.total}`,
      s.reason,
      restarts,
      ageOf(pod.metadata.creationTimestamp, now),
      status.podIPs?.[0]?.ip || '<none>',
      pod.spec.nodeName || '<none>',
      status.nominatedNodeName || '<none>',
      readinessGates(pod),
    ];
  },
};
