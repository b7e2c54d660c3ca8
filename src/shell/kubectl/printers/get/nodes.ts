// The nodes and namespaces tables.

import type { Namespace, Node } from '../../../../sim/api/types';
import { ageOf } from '../../../text/duration';
import type { KindTableConverter } from './table';

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const LEGACY_ROLE = 'kubernetes.io/role';

/** Roles from `node-role.kubernetes.io/<role>` labels and the legacy `kubernetes.io/role=<role>`, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === LEGACY_ROLE && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

/** STATUS: the Ready condition as `Ready` / `NotReady` (no condition: `Unknown`), plus `,SchedulingDisabled`. */
export function nodeStatusText(node: Node): string {
  const status: string[] = [];
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function firstAddress(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
}

export const nodeTable: KindTableConverter = {
  columns: [
    { name: 'Name', isName: true },
    { name: 'Status' },
    { name: 'Roles' },
    { name: 'Age' },
    { name: 'Version' },
    { name: 'Internal-IP', wide: true },
    { name: 'External-IP', wide: true },
    { name: 'OS-Image', wide: true },
    { name: 'Kernel-Version', wide: true },
    { name: 'Container-Runtime', wide: true },
  ],
  cells(obj, now) {
    const node = obj as Node;
    const info = node.status?.nodeInfo;
    const roles = nodeRoles(node).join(',');
    return [
      node.metadata.name ?? '',
      nodeStatusText(node),
      roles || '<none>',
      ageOf(node.metadata.creationTimestamp, now),
      info?.kubeletVersion ?? '',
      firstAddress(node, 'InternalIP'),
      firstAddress(node, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ];
  },
};

export const namespaceTable: KindTableConverter = {
  columns: [{ name: 'Name', isName: true }, { name: 'Status' }, { name: 'Age' }],
  cells(obj, now) {
    const ns = obj as Namespace;
    return [ns.metadata.name ?? '', ns.status?.phase ?? '', ageOf(ns.metadata.creationTimestamp, now)];
  },
};
