// apps/v1 Deployment, ReplicaSet and DaemonSet.

import { bool, field, int32, int64, intOrString, list, opaque, str, struct } from './model';
import { labelSelector, objectMeta } from './types-meta';
import { podTemplateSpec } from './types-pod';

const replicas = field(int32(0), 'How many pods to keep running (default 1).');
const selector = field(labelSelector, 'Which pods this controller counts as its own; must match template.metadata.labels. Cannot be changed after creation.', true);
const template = field(podTemplateSpec, 'The pods to create.', true);

export const deployment = struct('v1.Deployment', {
  apiVersion: str(),
  kind: str(),
  metadata: field(objectMeta, 'Name, namespace and labels of the Deployment.', true),
  spec: field(
    struct(
      'v1.DeploymentSpec',
      {
        replicas,
        selector,
        template,
        strategy: field(
          struct('v1.DeploymentStrategy', {
            type: field(str('v1.DeploymentStrategyType', { enum: ['RollingUpdate', 'Recreate'] }), 'RollingUpdate (default) replaces pods gradually; Recreate stops all old pods first.'),
            rollingUpdate: struct('v1.RollingUpdateDeployment', {
              maxUnavailable: field(intOrString(0), 'Pods that may be missing during an update: a number or a percentage such as "25%".'),
              maxSurge: field(intOrString(0), 'Extra pods allowed during an update: a number or a percentage.'),
            }),
          }),
          'How pods are replaced when the template changes.',
        ),
        minReadySeconds: field(int32(0), 'Seconds a new pod must stay ready before it counts as available.'),
        revisionHistoryLimit: int32(0),
        paused: bool,
        progressDeadlineSeconds: int32(1),
      },
      'Desired state: how many pods, of which template.',
    ),
    'Desired state of the Deployment.',
    true,
  ),
  status: struct('v1.DeploymentStatus', {
    observedGeneration: int64(),
    replicas: int32(),
    updatedReplicas: int32(),
    readyReplicas: int32(),
    availableReplicas: int32(),
    unavailableReplicas: int32(),
    conditions: list(opaque('v1.DeploymentCondition')),
    collisionCount: int32(),
  }),
});

export const replicaSet = struct('v1.ReplicaSet', {
  apiVersion: str(),
  kind: str(),
  metadata: field(objectMeta, 'Name, namespace and labels of the ReplicaSet.', true),
  spec: field(
    struct('v1.ReplicaSetSpec', { replicas, minReadySeconds: int32(0), selector, template }, 'How many pods, of which template.'),
    'Desired state of the ReplicaSet.',
    true,
  ),
  status: struct('v1.ReplicaSetStatus', {
    replicas: int32(),
    fullyLabeledReplicas: int32(),
    readyReplicas: int32(),
    availableReplicas: int32(),
    observedGeneration: int64(),
    conditions: list(opaque('v1.ReplicaSetCondition')),
  }),
});

export const daemonSet = struct('v1.DaemonSet', {
  apiVersion: str(),
  kind: str(),
  metadata: field(objectMeta, 'Name, namespace and labels of the DaemonSet.', true),
  spec: field(
    struct(
      'v1.DaemonSetSpec',
      {
        selector: field(labelSelector, 'Which pods this DaemonSet counts as its own; must match template.metadata.labels. Cannot be changed after creation.', true),
        template: field(podTemplateSpec, 'The pod to run on every eligible node. Its nodeSelector and tolerations decide which nodes qualify.', true),
        updateStrategy: field(
          struct('v1.DaemonSetUpdateStrategy', {
            type: field(str('v1.DaemonSetUpdateStrategyType', { enum: ['RollingUpdate', 'OnDelete'] }), 'RollingUpdate (default) replaces pods node by node; OnDelete waits until you delete the old pods.'),
            rollingUpdate: struct('v1.RollingUpdateDaemonSet', {
              maxUnavailable: field(intOrString(0), 'Nodes whose pod may be unavailable during an update: a number or a percentage (default 1).'),
              maxSurge: field(intOrString(0), 'Nodes that may run an old and a new pod at once during an update (default 0; set maxUnavailable to 0 to use it).'),
            }),
          }),
          'How pods are replaced when the template changes.',
        ),
        minReadySeconds: field(int32(0), 'Seconds a new pod must stay ready before it counts as available.'),
        revisionHistoryLimit: int32(0),
      },
      'Desired state: which pod to run on each node.',
    ),
    'Desired state of the DaemonSet.',
    true,
  ),
  status: struct('v1.DaemonSetStatus', {
    currentNumberScheduled: int32(),
    numberMisscheduled: int32(),
    desiredNumberScheduled: int32(),
    numberReady: int32(),
    observedGeneration: int64(),
    updatedNumberScheduled: int32(),
    numberAvailable: int32(),
    numberUnavailable: int32(),
    collisionCount: int32(),
    conditions: list(opaque('v1.DaemonSetCondition')),
  }),
});
