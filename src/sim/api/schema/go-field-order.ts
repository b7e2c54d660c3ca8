// The declaration order of the Go structs (k8s.io/api v0.32) behind the objects
// kubectl builds itself (`create deployment|service|namespace|configmap|secret`,
// `run`, `expose` with --dry-run=client -o json). encoding/json writes struct
// fields in this order; maps (labels, selectors, data) are sorted.

/**
 * The Go type a JSON value was marshalled from, as far as key order goes.
 * `struct` lists its JSON field names in declaration order (a field's own shape
 * second); `map` keys sort; `list` items share one shape. A missing shape means
 * a scalar, or a map with scalar values.
 */
export type GoShape =
  | { readonly struct: readonly (readonly [string, GoShape?])[] }
  | { readonly map: GoShape | undefined }
  | { readonly list: GoShape | undefined };


type Fields = readonly (readonly [string, GoShape?])[];

const struct = (fields: Fields): GoShape => ({ struct: fields });
const list = (item?: GoShape): GoShape => ({ list: item });
const names = (...fs: string[]): Fields => fs.map((f) => [f] as const);

const ownerReference = struct(names('apiVersion', 'kind', 'name', 'uid', 'controller', 'blockOwnerDeletion'));

const objectMeta = struct([
  ...names('name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp'),
  ...names('deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations'),
  ['ownerReferences', list(ownerReference)],
  ...names('finalizers', 'managedFields'),
]);

const labelSelector = struct([
  ['matchLabels'],
  ['matchExpressions', list(struct(names('key', 'operator', 'values')))],
]);

const objectReference = struct(names('kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'));

const probe = struct([
  ['exec'],
  ['httpGet', struct([...names('path', 'port', 'host', 'scheme'), ['httpHeaders', list(struct(names('name', 'value')))]])],
  ['tcpSocket', struct(names('port', 'host'))],
  ['grpc', struct(names('port', 'service'))],
  ...names('initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds'),
]);

const container = struct([
  ...names('name', 'image', 'command', 'args', 'workingDir'),
  ['ports', list(struct(names('name', 'hostPort', 'containerPort', 'protocol', 'hostIP')))],
  ['envFrom'],
  ['env', list(struct(names('name', 'value', 'valueFrom')))],
  ['resources', struct(names('limits', 'requests', 'claims'))],
  ...names('resizePolicy', 'restartPolicy'),
  ['volumeMounts', list(struct(names('name', 'readOnly', 'recursiveReadOnly', 'mountPath', 'subPath', 'mountPropagation', 'subPathExpr')))],
  ['volumeDevices'],
  ['livenessProbe', probe],
  ['readinessProbe', probe],
  ['startupProbe', probe],
  ...names('lifecycle', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty'),
]);

const podSpec = struct([
  ['volumes'],
  ['initContainers', list(container)],
  ['containers', list(container)],
  ...names('ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector'),
  ...names('serviceAccountName', 'serviceAccount', 'automountServiceAccountToken', 'nodeName', 'hostNetwork', 'hostPID', 'hostIPC'),
  ...names('shareProcessNamespace', 'securityContext', 'imagePullSecrets', 'hostname', 'subdomain', 'affinity', 'schedulerName'),
  ['tolerations', list(struct(names('key', 'operator', 'value', 'effect', 'tolerationSeconds')))],
  ...names('hostAliases', 'priorityClassName', 'priority'),
  ['dnsConfig', struct([...names('nameservers', 'searches'), ['options', list(struct(names('name', 'value')))]])],
  ...names('readinessGates', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints'),
  ...names('setHostnameAsFQDN', 'os', 'hostUsers', 'schedulingGates', 'resourceClaims', 'resources'),
]);

const containerState = struct([
  ['waiting', struct(names('reason', 'message'))],
  ['running', struct(names('startedAt'))],
  ['terminated', struct(names('exitCode', 'signal', 'reason', 'message', 'startedAt', 'finishedAt', 'containerID'))],
]);

const containerStatus = struct([
  ['name'],
  ['state', containerState],
  ['lastState', containerState],
  ...names('ready', 'restartCount', 'image', 'imageID', 'containerID', 'started', 'allocatedResources', 'resources', 'volumeMounts', 'user', 'allocatedResourcesStatus'),
]);

const podStatus = struct([
  ['phase'],
  ['conditions', list(struct(names('type', 'status', 'lastProbeTime', 'lastTransitionTime', 'reason', 'message')))],
  ...names('message', 'reason', 'nominatedNodeName', 'hostIP', 'hostIPs', 'podIP', 'podIPs', 'startTime'),
  ['initContainerStatuses', list(containerStatus)],
  ['containerStatuses', list(containerStatus)],
  ['qosClass'],
  ['ephemeralContainerStatuses', list(containerStatus)],
  ...names('resize', 'resourceClaimStatuses'),
]);

const podTemplateSpec = struct([
  ['metadata', objectMeta],
  ['spec', podSpec],
]);

const condition = (...extra: string[]) => list(struct(names('type', 'status', ...extra)));

const typeMeta = names('kind', 'apiVersion');

const deployment = struct([
  ...typeMeta,
  ['metadata', objectMeta],
  [
    'spec',
    struct([
      ['replicas'],
      ['selector', labelSelector],
      ['template', podTemplateSpec],
      ['strategy', struct([['type'], ['rollingUpdate', struct(names('maxUnavailable', 'maxSurge'))]])],
      ...names('minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds'),
    ]),
  ],
  [
    'status',
    struct([
      ...names('observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'),
      ['conditions', condition('lastUpdateTime', 'lastTransitionTime', 'reason', 'message')],
      ['collisionCount'],
    ]),
  ],
]);

const replicaSet = struct([
  ...typeMeta,
  ['metadata', objectMeta],
  ['spec', struct([['replicas'], ['minReadySeconds'], ['selector', labelSelector], ['template', podTemplateSpec]])],
  [
    'status',
    struct([
      ...names('replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration'),
      ['conditions', condition('lastTransitionTime', 'reason', 'message')],
    ]),
  ],
]);

const pod = struct([...typeMeta, ['metadata', objectMeta], ['spec', podSpec], ['status', podStatus]]);

const service = struct([
  ...typeMeta,
  ['metadata', objectMeta],
  [
    'spec',
    struct([
      ['ports', list(struct(names('name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort')))],
      ...names('selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP'),
      ...names('loadBalancerSourceRanges', 'externalName', 'externalTrafficPolicy', 'healthCheckNodePort', 'publishNotReadyAddresses'),
      ['sessionAffinityConfig', struct([['clientIP', struct(names('timeoutSeconds'))]])],
      ...names('ipFamilies', 'ipFamilyPolicy', 'allocateLoadBalancerNodePorts', 'loadBalancerClass', 'internalTrafficPolicy', 'trafficDistribution'),
    ]),
  ],
  [
    'status',
    struct([
      [
        'loadBalancer',
        struct([['ingress', list(struct([...names('ip', 'hostname', 'ipMode'), ['ports', list(struct(names('port', 'protocol', 'error')))]]))]]),
      ],
      ['conditions', condition('observedGeneration', 'lastTransitionTime', 'reason', 'message')],
    ]),
  ],
]);

const namespace = struct([
  ...typeMeta,
  ['metadata', objectMeta],
  ['spec', struct(names('finalizers'))],
  ['status', struct([['phase'], ['conditions', condition('lastTransitionTime', 'reason', 'message')]])],
]);

const configMap = struct([...typeMeta, ['metadata', objectMeta], ...names('immutable', 'data', 'binaryData')]);

const secret = struct([...typeMeta, ['metadata', objectMeta], ...names('immutable', 'data', 'stringData', 'type')]);

const endpointAddress = struct([...names('ip', 'hostname', 'nodeName'), ['targetRef', objectReference]]);

const endpoints = struct([
  ...typeMeta,
  ['metadata', objectMeta],
  [
    'subsets',
    list(
      struct([
        ['addresses', list(endpointAddress)],
        ['notReadyAddresses', list(endpointAddress)],
        ['ports', list(struct(names('name', 'port', 'protocol', 'appProtocol')))],
      ]),
    ),
  ],
]);

const endpointSlice = struct([
  ...typeMeta,
  ['metadata', objectMeta],
  ['addressType'],
  [
    'endpoints',
    list(
      struct([
        ['addresses'],
        ['conditions', struct(names('ready', 'serving', 'terminating'))],
        ['hostname'],
        ['targetRef', objectReference],
        ...names('deprecatedTopology', 'nodeName', 'zone', 'hints'),
      ]),
    ),
  ],
  ['ports', list(struct(names('name', 'protocol', 'port', 'appProtocol')))],
]);

const BY_KIND: Record<string, GoShape> = {
  Deployment: deployment,
  ReplicaSet: replicaSet,
  Pod: pod,
  Service: service,
  Namespace: namespace,
  ConfigMap: configMap,
  Secret: secret,
  Endpoints: endpoints,
  EndpointSlice: endpointSlice,
};

/** The Go struct layout of a kind, for `toJson(obj, goStructShape(kind))`; undefined for kinds we do not build. */
export function goStructShape(kind: string): GoShape | undefined {
  return BY_KIND[kind];
}
