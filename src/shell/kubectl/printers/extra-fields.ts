// Fields of the v1 API that printers read but that src/sim/api/types.ts does not
// (yet) declare. They are optional on the wire, so reading them through these
// views is safe whether or not the simulation fills them.

import type { Container, ContainerState, ContainerStatus, Pod, PodSpec, PodStatus } from '../../../sim/api/types';

export type TerminatedState = NonNullable<ContainerState['terminated']> & { signal?: number; message?: string };

export interface PodStatusView extends PodStatus {
  initContainerStatuses?: ContainerStatus[];
  nominatedNodeName?: string;
}

export interface PodSpecView extends PodSpec {
  readinessGates?: { conditionType: string }[];
  priorityClassName?: string;
  runtimeClassName?: string;
  activeDeadlineSeconds?: number;
}

export function podStatus(pod: Pod): PodStatusView {
  return (pod.status ?? {}) as PodStatusView;
}

export function podSpec(pod: Pod): PodSpecView {
  return pod.spec as PodSpecView;
}

export function terminated(state: ContainerState | undefined): TerminatedState | undefined {
  return state?.terminated as TerminatedState | undefined;
}

/** A sidecar: an init container with `restartPolicy: Always`. */
export function isRestartableInit(c: Container | undefined): boolean {
  return (c as (Container & { restartPolicy?: string }) | undefined)?.restartPolicy === 'Always';
}
