// `kubectl describe namespace`. The simulated API has no ResourceQuota or
// LimitRange objects, so those sections always read as empty.

import type { Namespace } from '../../../../sim/api/types';
import { annotationsMultiline, labelsMultiline } from './common';
import { rfc1123z } from './time';
import { DescribeWriter, LEVEL_0, LEVEL_1 } from './writer';

interface NamespaceView extends Namespace {
  status?: Namespace['status'] & { conditions?: { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }[] };
}

export function describeNamespace(ns: Namespace): string {
  const view = ns as NamespaceView;
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${ns.metadata.name ?? ''}\n`);
  labelsMultiline(w, 'Labels', ns.metadata.labels);
  annotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
  const conditions = view.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  w.write(LEVEL_0, '\n');
  w.write(LEVEL_0, 'No resource quota.\n');
  w.write(LEVEL_0, '\n');
  w.write(LEVEL_0, 'No LimitRange resource.\n');
  return w.toString();
}
