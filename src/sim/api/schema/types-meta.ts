// metav1 types shared by every kind: ObjectMeta, LabelSelector, references.

import { field, int64, list, opaque, str, stringMap, struct, time, bool, type TypeSpec } from './model';

const DNS_LABEL = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';

export const ownerReference = struct('v1.OwnerReference', {
  apiVersion: str(),
  kind: str(),
  name: str(),
  uid: str('types.UID'),
  controller: bool,
  blockOwnerDeletion: bool,
});

export const objectMeta = struct(
  'v1.ObjectMeta',
  {
    name: field(str(), 'The object\'s name, unique per kind within its namespace. Services and namespaces need a DNS label: lower case letters, digits and "-".'),
    generateName: field(str(), 'A prefix the server completes with random characters when `name` is empty.'),
    namespace: field(str('string', { pattern: DNS_LABEL }), 'Namespace of the object; `kubectl -n` and the current context apply when this is empty. The namespace must exist.'),
    selfLink: str(),
    uid: field(str('types.UID'), 'Set by the server.'),
    resourceVersion: field(str(), 'Set by the server; changes on every write.'),
    generation: field(int64(), 'Set by the server; counts changes to the spec.'),
    creationTimestamp: field(time, 'Set by the server. `kubectl create --dry-run=client -o yaml` prints `null` here.'),
    deletionTimestamp: field(time, 'Set by the server when the object is being deleted.'),
    deletionGracePeriodSeconds: int64(),
    labels: field(stringMap, 'Key/value pairs that selectors match. A Service finds its pods through these labels on the pods.'),
    annotations: field(stringMap, 'Free-form notes; kubectl keeps its last-applied configuration here.'),
    ownerReferences: field(list(ownerReference), 'Set by controllers: a ReplicaSet owns its pods, a Deployment its ReplicaSets.'),
    finalizers: list(str()),
    managedFields: list(opaque('v1.ManagedFieldsEntry')),
  },
  'Standard object metadata: name, namespace, labels, annotations.',
);

const labelSelectorRequirement = struct('v1.LabelSelectorRequirement', {
  key: field(str(), 'The label key.', true),
  operator: field(str('v1.LabelSelectorOperator', { enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] }), 'How the key relates to the values.', true),
  values: field(list(str()), 'Values for In and NotIn; must be empty for Exists and DoesNotExist.'),
});

export const labelSelector = struct(
  'v1.LabelSelector',
  {
    matchLabels: field(stringMap, 'Pods must carry all of these labels. For a Deployment or ReplicaSet they must also be set in template.metadata.labels.'),
    matchExpressions: field(list(labelSelectorRequirement), 'Set-based requirements, all of which must hold.'),
  },
  'Which pods belong to this object.',
);

export const objectReference = struct('v1.ObjectReference', {
  kind: str(),
  namespace: str(),
  name: str(),
  uid: str('types.UID'),
  apiVersion: str(),
  resourceVersion: str(),
  fieldPath: str(),
});

export const condition: TypeSpec = opaque('v1.Condition');
