// The pods table as the apiserver's table convertor builds it, and the READY /
// STATUS / RESTARTS texts on their own (the diagram shows them too).

import type { Pod } from '../../../../sim/api/types';
import { ageOf, humanDuration, timestampMs } from '../../../text/duration';
import { isRestartableInit, podSpec, podStatus, terminated } from '../extra-fields';
import type { ColumnDef, KindTableConverter } from './table';

/** Everything the READY, STATUS and RESTARTS cells are computed from, in one pass as upstream does. */
export interface PodSummary {
  ready: number;
  total: number;
  /** The STATUS cell. */
  reason: string;
  restarts: number;
  /** Most recent `finishedAt` of a counted container's last termination (ms), if any. */
  lastRestartMs?: number;
}

const NODE_LOST = 'NodeLost';

export function summarizePod(pod: Pod): PodSummary {
  const spec = podSpec(pod);
  const status = podStatus(pod);
  const initSpecs = spec.initContainers?.length ? new Map(spec.initContainers.map((c) => [c.name, c])) : undefined;
  let total = spec.containers.length;
  for (const c of spec.initContainers ?? []) if (isRestartableInit(c)) total++;

  let reason: string = status.phase ?? '';
  if (status.reason) reason = status.reason;
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  const later = (a: number | undefined, b: number | undefined) => (b !== undefined && (a === undefined || b > a) ? b : a);

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    const finished = timestampMs(terminated(cs.lastState)?.finishedAt);
    restarts += cs.restartCount;
    lastRestart = later(lastRestart, finished);
    const sidecar = isRestartableInit(initSpecs?.get(cs.name));
    if (sidecar) {
      sidecarRestarts += cs.restartCount;
      lastSidecarRestart = later(lastSidecarRestart, finished);
    }
    const term = terminated(cs.state);
    if (term && term.exitCode === 0) continue;
    if (sidecar && cs.started) {
      if (cs.ready) ready++;
      continue;
    }
    if (term) {
      reason = term.reason ? `Init:${term.reason}` : term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
    } else if (cs.state.waiting?.reason && cs.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${cs.state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  const initialized = (status.conditions ?? []).find((c) => c.type === 'Initialized')?.status === 'True';
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // The last container with a waiting or terminated reason wins, so walk backwards.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount;
      lastRestart = later(lastRestart, timestampMs(terminated(cs.lastState)?.finishedAt));
      const term = terminated(cs.state);
      if (cs.state.waiting?.reason) reason = cs.state.waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (cs.ready && cs.state.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === NODE_LOST) reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';

  return { ready, total, reason, restarts, lastRestartMs: lastRestart };
}

/** STATUS of `kubectl get pods`: `Running`, `ContainerCreating`, `CrashLoopBackOff`, `Init:0/1`, `Terminating`… */
export function podStatusText(pod: Pod): string {
  return summarizePod(pod).reason;
}

/** READY of `kubectl get pods`: ready containers / containers (sidecars included), e.g. `1/1`. */
export function podReadyText(pod: Pod): string {
  const s = summarizePod(pod);
  return `${s.ready}/${s.total}`;
}

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
