// The deployments, replicasets and daemonsets tables.

import type { Container, DaemonSet, Deployment, ReplicaSet } from '../../../../sim/api/types';
import { ageOf } from '../../../text/duration';
import { formatLabelSelector, formatLabels, selectorString } from '../labels';
import type { KindTableConverter } from './table';

/** CONTAINERS and IMAGES cells: names and images joined with `,`. */
function containerCells(containers: Container[]): [string, string] {
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(',')];
}

export const deploymentTable: KindTableConverter = {
  columns: [
    { name: 'Name', isName: true },
    { name: 'Ready' },
    { name: 'Up-to-date' },
    { name: 'Available' },
    { name: 'Age' },
    { name: 'Containers', wide: true },
    { name: 'Images', wide: true },
    { name: 'Selector', wide: true },
  ],
  cells(obj, now) {
    const d = obj as Deployment;
    const st = d.status ?? {};
    const [names, images] = containerCells(d.spec.template.spec.containers);
    return [
      d.metadata.name ?? '',
      `${st.readyReplicas ?? 0}/${d.spec.replicas ?? 0}`,
      String(st.updatedReplicas ?? 0),
      String(st.availableReplicas ?? 0),
      ageOf(d.metadata.creationTimestamp, now),
      names,
      images,
      selectorString(d.spec.selector),
    ];
  },
};

export const replicaSetTable: KindTableConverter = {
  columns: [
    { name: 'Name', isName: true },
    { name: 'Desired' },
    { name: 'Current' },
    { name: 'Ready' },
    { name: 'Age' },
    { name: 'Containers', wide: true },
    { name: 'Images', wide: true },
    { name: 'Selector', wide: true },
  ],
  cells(obj, now) {
    const rs = obj as ReplicaSet;
    const [names, images] = containerCells(rs.spec.template.spec.containers);
    return [
      rs.metadata.name ?? '',
      String(rs.spec.replicas ?? 0),
      String(rs.status?.replicas ?? 0),
      String(rs.status?.readyReplicas ?? 0),
      ageOf(rs.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(rs.spec.selector),
    ];
  },
};

export const daemonSetTable: KindTableConverter = {
  columns: [
    { name: 'Name', isName: true },
    { name: 'Desired' },
    { name: 'Current' },
    { name: 'Ready' },
    { name: 'Up-to-date' },
    { name: 'Available' },
    { name: 'Node Selector' },
    { name: 'Age' },
    { name: 'Containers', wide: true },
    { name: 'Images', wide: true },
    { name: 'Selector', wide: true },
  ],
  cells(obj, now) {
    const ds = obj as DaemonSet;
    const st = ds.status;
    const [names, images] = containerCells(ds.spec.template.spec.containers);
    return [
      ds.metadata.name ?? '',
      String(st?.desiredNumberScheduled ?? 0),
      String(st?.currentNumberScheduled ?? 0),
      String(st?.numberReady ?? 0),
      String(st?.updatedNumberScheduled ?? 0),
      String(st?.numberAvailable ?? 0),
      formatLabels(ds.spec.template.spec.nodeSelector),
      ageOf(ds.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(ds.spec.selector),
    ];
  },
};
