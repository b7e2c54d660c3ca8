// `Pod Template:` as describe deployment / replicaset print it.

import type { PodTemplateSpec } from '../../../../sim/api/types';
import { annotationsMultiline, labelsMultiline, tolerationsMultiline } from './common';
import { describeContainers } from './containers';
import { describeVolumes } from './volumes';
import { LEVEL_0, LEVEL_1, type DescribeWriter } from './writer';
import { describeTopologySpread } from './topology';

export function describePodTemplate(w: DescribeWriter, template: PodTemplateSpec): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  const spec = template.spec as PodTemplateSpec['spec'] & { priorityClassName?: string; topologySpreadConstraints?: unknown[] };
  labelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) annotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, undefined, undefined, '  ');
  describeContainers(w, 'Containers', spec.containers, undefined, undefined, '  ');
  describeVolumes(w, spec.volumes, '  ');
  describeTopologySpread(w, spec.topologySpreadConstraints, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  labelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  tolerationsMultiline(w, '  Tolerations', spec.tolerations);
}
