// `kubectl describe pod`.

import type { Pod } from '../../../../sim/api/types';
import { humanDuration, timestampMs } from '../../../text/duration';
import { podSpec, podStatus } from '../extra-fields';
import type { ObjectLookup } from '../lookup';
import { annotationsMultiline, controllerOf, describeEvents, eventsFor, labelsMultiline, tolerationsMultiline } from './common';
import { describeContainers } from './containers';
import { podQOSClass } from './pod-resources';
import { rfc1123z } from './time';
import { describeTopologySpread } from './topology';
import { describeVolumes } from './volumes';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from './writer';

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

export function describePod(pod: Pod, lookup: ObjectLookup, now: number): string {
  const spec = podSpec(pod);
  const status = podStatus(pod);
  const meta = pod.metadata;
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
  if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  labelsMultiline(w, 'Labels', meta.labels);
  annotationsMultiline(w, 'Annotations', meta.annotations);
  const deletion = timestampMs(meta.deletionTimestamp);
  if (deletion !== undefined && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    // The deletion timestamp lies in the future while the grace period runs, hence `<invalid>` at first.
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${humanDuration(now - deletion)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  const seccomp = (spec.securityContext as { seccompProfile?: { type: string; localhostProfile?: string } } | undefined)?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
  if (status.podIPs?.length) {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of status.podIPs) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  } else {
    w.write(LEVEL_0, 'IPs:\t<none>\n');
  }
  const controlledBy = controllerOf(pod);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses, pod, '');
  describeContainers(w, 'Containers', spec.containers, status.containerStatuses, pod, '');
  const conditions = (status.conditions ?? []) as { type: string; status: string }[];
  if (spec.readinessGates?.length) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of spec.readinessGates) {
      const c = conditions.find((x) => x.type === g.conditionType);
      w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
    }
  }
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes, '');
  w.write(LEVEL_0, `QoS Class:\t${podQOSClass(pod)}\n`);
  labelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  tolerationsMultiline(w, 'Tolerations', spec.tolerations);
  describeTopologySpread(w, (spec as { topologySpreadConstraints?: unknown[] }).topologySpreadConstraints, '');
  // kubectl searches a pod's events without the kind; a mirror pod's events carry the static pod's uid.
  const mirrorUid = meta.annotations?.[MIRROR_POD_ANNOTATION];
  const events = mirrorUid !== undefined ? eventsFor(lookup, { ...pod, metadata: { ...meta, uid: mirrorUid } }, { withKind: false }) : eventsFor(lookup, pod, { withKind: false });
  describeEvents(w, events, now);
  return w.toString();
}
