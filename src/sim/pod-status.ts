// The pod columns the apiserver's table convertor computes (READY, STATUS,
// RESTARTS). They belong to the server side: kubectl only lays them out, and
// the diagram shows the same words.

import type { Pod } from './api/types';
import { parseRfc3339 } from './core/time';

/** `1/1`: containers ready and running, over all containers. */
export function podReadyText(pod: Pod): string {
  const statuses = pod.status?.containerStatuses ?? [];
  const ready = statuses.filter((s) => s.ready && s.state.running).length;
  return `${ready}/${pod.spec.containers.length}`;
}

/** STATUS: the phase or reason, overridden by the first container's waiting or terminated reason. */
export function podStatusText(pod: Pod): string {
  let reason: string = pod.status?.reason || pod.status?.phase || 'Pending';
  const init = pod.status && (pod.status as { initContainerStatuses?: NonNullable<Pod['status']>['containerStatuses'] }).initContainerStatuses;
  let initializing = false;
  (init ?? []).forEach((s, i) => {
    if (initializing) return;
    if (s.state.terminated && s.state.terminated.exitCode === 0) return;
    initializing = true;
    if (s.state.terminated) reason = s.state.terminated.reason ? `Init:${s.state.terminated.reason}` : `Init:ExitCode:${s.state.terminated.exitCode}`;
    else if (s.state.waiting?.reason && s.state.waiting.reason !== 'PodInitializing') reason = `Init:${s.state.waiting.reason}`;
    else reason = `Init:${i}/${pod.spec.initContainers?.length ?? 0}`;
  });
  if (!initializing) {
    let hasRunning = false;
    const statuses = pod.status?.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const s = statuses[i];
      if (s.state.waiting?.reason) reason = s.state.waiting.reason;
      else if (s.state.terminated?.reason) reason = s.state.terminated.reason;
      else if (s.state.terminated) reason = `ExitCode:${s.state.terminated.exitCode}`;
      else if (s.ready && s.state.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) {
      reason = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }
  const phase = pod.status?.phase;
  if (pod.metadata.deletionTimestamp && pod.status?.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  return reason;
}

/** RESTARTS total and when the last container restart happened (ms), if any. */
export function podRestarts(pod: Pod): { count: number; lastAt?: number } {
  let count = 0;
  let lastAt: number | undefined;
  for (const s of pod.status?.containerStatuses ?? []) {
    count += s.restartCount;
    const fin = s.lastState.terminated?.finishedAt;
    if (fin) {
      const t = parseRfc3339(fin);
      if (lastAt === undefined || t > lastAt) lastAt = t;
    }
  }
  return { count, lastAt };
}
