// The pod cells the apiserver's table convertor computes (READY, STATUS,
// RESTARTS): server-side logic, which kubectl only lays out and the diagram
// shows too. One pass over the statuses, as upstream does (checked against the
// real kubectl through the printer oracle tests).

import type { Container, ContainerState, Pod } from './api/types';

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

/** A sidecar: an init container with `restartPolicy: Always`. */
export function isRestartableInit(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

function finishedMs(state: ContainerState | undefined): number | undefined {
  const t = state?.terminated?.finishedAt;
  if (!t) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

export function summarizePod(pod: Pod): PodSummary {
  const spec = pod.spec;
  const status = pod.status ?? {};
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
    const finished = finishedMs(cs.lastState);
    restarts += cs.restartCount;
    lastRestart = later(lastRestart, finished);
    const sidecar = isRestartableInit(initSpecs?.get(cs.name));
    if (sidecar) {
      sidecarRestarts += cs.restartCount;
      lastSidecarRestart = later(lastSidecarRestart, finished);
    }
    const term = cs.state.terminated;
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
    // The first container with a waiting or terminated reason wins, so walk backwards.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount;
      lastRestart = later(lastRestart, finishedMs(cs.lastState));
      const term = cs.state.terminated;
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
