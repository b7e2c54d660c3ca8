// core/v1 pod types: PodSpec, Container, probes, and the pod itself.

import { bool, field, int32, int64, intOrString, list, opaque, resourceList, str, stringMap, struct, time } from './model';
import { objectMeta } from './types-meta';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

export const protocol = (description: string) => field(str('v1.Protocol', { enum: PROTOCOLS }), description);

const containerPort = struct('v1.ContainerPort', {
  name: field(str('string', { pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' }), 'A name (at most 15 characters) a Service\'s targetPort can refer to instead of the number.'),
  hostPort: int32(1, 65535),
  containerPort: field(int32(1, 65535), 'The port the container listens on. Informational: a Service reaches the container through targetPort whether or not it is listed here.', true),
  protocol: protocol('TCP (default), UDP or SCTP.'),
  hostIP: str(),
});

const envVar = struct('v1.EnvVar', {
  name: field(str(), 'Variable name.', true),
  value: field(str(), 'The value; numbers must be quoted ("80").'),
  valueFrom: opaque('v1.EnvVarSource', 'Take the value from a field, a ConfigMap or a Secret.'),
});

const resources = struct(
  'v1.ResourceRequirements',
  {
    limits: field(resourceList, 'Upper bounds, e.g. cpu: "250m", memory: "128Mi".'),
    requests: field(resourceList, 'What the scheduler reserves, e.g. cpu: "50m", memory: "64Mi".'),
    claims: list(opaque('v1.ResourceClaim')),
  },
  'CPU and memory requests and limits.',
);

const httpGet = struct('v1.HTTPGetAction', {
  path: field(str(), 'Path to request, e.g. /healthz.'),
  port: field(intOrString(1, 65535), 'Port number or the name of a container port.', true),
  host: str(),
  scheme: str('v1.URIScheme', { enum: ['HTTP', 'HTTPS'] }),
  httpHeaders: list(struct('v1.HTTPHeader', { name: str(), value: str() })),
});

const probe = struct(
  'v1.Probe',
  {
    exec: struct('v1.ExecAction', { command: list(str()) }),
    httpGet,
    tcpSocket: struct('v1.TCPSocketAction', { port: field(intOrString(1, 65535), 'Port number or name.', true), host: str() }),
    grpc: struct('v1.GRPCAction', { port: int32(1, 65535), service: str() }),
    initialDelaySeconds: field(int32(0), 'Seconds after the container starts before the first probe.'),
    timeoutSeconds: int32(1),
    periodSeconds: field(int32(1), 'Seconds between probes (default 10).'),
    successThreshold: int32(1),
    failureThreshold: int32(1),
    terminationGracePeriodSeconds: int64(),
  },
  'A health check. A failing readiness probe takes the pod out of its Services\' endpoints.',
);

const volumeMount = struct('v1.VolumeMount', {
  name: field(str(), 'Name of a volume in spec.volumes.', true),
  readOnly: bool,
  recursiveReadOnly: str('v1.RecursiveReadOnlyMode'),
  mountPath: field(str(), 'Where the volume appears in the container.', true),
  subPath: str(),
  mountPropagation: str('v1.MountPropagationMode'),
  subPathExpr: str(),
});

export const container = struct(
  'v1.Container',
  {
    name: field(str('string', { pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' }), 'Container name, unique within the pod.', true),
    image: field(str(), 'Image to run, e.g. schoolofdevops/vote:v1.', true),
    command: field(list(str()), 'Replaces the image\'s ENTRYPOINT.'),
    args: field(list(str()), 'Replaces the image\'s CMD.'),
    workingDir: str(),
    ports: field(list(containerPort), 'Ports the container exposes (documentation; Services do not need them).'),
    envFrom: list(opaque('v1.EnvFromSource')),
    env: field(list(envVar), 'Environment variables. Kubernetes also injects <SERVICE>_SERVICE_HOST and _PORT for every Service that existed when the pod started.'),
    resources,
    resizePolicy: list(opaque('v1.ContainerResizePolicy')),
    restartPolicy: str('v1.ContainerRestartPolicy'),
    volumeMounts: list(volumeMount),
    volumeDevices: list(struct('v1.VolumeDevice', { name: str(), devicePath: str() })),
    livenessProbe: field(probe, 'Restart the container when this check fails.'),
    readinessProbe: field(probe, 'Only ready pods receive Service traffic.'),
    startupProbe: probe,
    lifecycle: opaque('v1.Lifecycle'),
    terminationMessagePath: str(),
    terminationMessagePolicy: str('v1.TerminationMessagePolicy', { enum: ['File', 'FallbackToLogsOnError'] }),
    imagePullPolicy: field(str('v1.PullPolicy', { enum: ['Always', 'IfNotPresent', 'Never'] }), 'When to pull the image.'),
    securityContext: opaque('v1.SecurityContext'),
    stdin: bool,
    stdinOnce: bool,
    tty: bool,
  },
  'A container of the pod.',
);

const toleration = struct('v1.Toleration', {
  key: str(),
  operator: str('v1.TolerationOperator', { enum: ['Exists', 'Equal'] }),
  value: str(),
  effect: str('v1.TaintEffect', { enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] }),
  tolerationSeconds: int64(),
});

const dnsConfig = struct('v1.PodDNSConfig', {
  nameservers: field(list(str()), 'Extra DNS servers for the pod\'s /etc/resolv.conf.'),
  searches: field(list(str()), 'Extra search domains.'),
  options: field(list(struct('v1.PodDNSConfigOption', { name: str(), value: str() })), 'resolv.conf options such as ndots.'),
});

export const podSpec = struct(
  'v1.PodSpec',
  {
    volumes: list(opaque('v1.Volume')),
    initContainers: list(container),
    containers: field(list(container), 'The pod\'s containers (at least one).', true),
    ephemeralContainers: list(opaque('v1.EphemeralContainer')),
    restartPolicy: field(str('v1.RestartPolicy', { enum: ['Always', 'OnFailure', 'Never'] }), 'Always for pods of a Deployment or ReplicaSet.'),
    terminationGracePeriodSeconds: int64(0),
    activeDeadlineSeconds: int64(1),
    dnsPolicy: field(str('v1.DNSPolicy', { enum: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] }), 'ClusterFirst (default) sends lookups to the cluster DNS, which knows Service names.'),
    nodeSelector: field(stringMap, 'Run only on nodes with these labels.'),
    serviceAccountName: str(),
    serviceAccount: str(),
    automountServiceAccountToken: bool,
    nodeName: field(str(), 'Bind the pod to this node, bypassing the scheduler.'),
    hostNetwork: bool,
    hostPID: bool,
    hostIPC: bool,
    shareProcessNamespace: bool,
    securityContext: opaque('v1.PodSecurityContext'),
    imagePullSecrets: list(struct('v1.LocalObjectReference', { name: str() })),
    hostname: field(str(), 'With subdomain and a headless Service of that name, gives the pod a DNS name.'),
    subdomain: str(),
    affinity: opaque('v1.Affinity'),
    schedulerName: str(),
    tolerations: list(toleration),
    hostAliases: list(struct('v1.HostAlias', { ip: str(), hostnames: list(str()) })),
    priorityClassName: str(),
    priority: int32(),
    dnsConfig: field(dnsConfig, 'Extra resolv.conf settings (with dnsPolicy: None, the only ones).'),
    readinessGates: list(struct('v1.PodReadinessGate', { conditionType: str('v1.PodConditionType') })),
    runtimeClassName: str(),
    enableServiceLinks: field(bool, 'Inject Service environment variables (default true).'),
    preemptionPolicy: str('v1.PreemptionPolicy'),
    overhead: resourceList,
    topologySpreadConstraints: list(opaque('v1.TopologySpreadConstraint')),
    setHostnameAsFQDN: bool,
    os: struct('v1.PodOS', { name: str('v1.OSName') }),
    hostUsers: bool,
    schedulingGates: list(struct('v1.PodSchedulingGate', { name: str() })),
    resourceClaims: list(opaque('v1.PodResourceClaim')),
    resources: opaque('v1.ResourceRequirements'),
  },
  'What runs in the pod.',
);

const podStatus = struct('v1.PodStatus', {
  phase: str('v1.PodPhase'),
  conditions: list(opaque('v1.PodCondition')),
  message: str(),
  reason: str(),
  nominatedNodeName: str(),
  hostIP: str(),
  hostIPs: list(opaque('v1.HostIP')),
  podIP: str(),
  podIPs: list(opaque('v1.PodIP')),
  startTime: time,
  initContainerStatuses: list(opaque('v1.ContainerStatus')),
  containerStatuses: list(opaque('v1.ContainerStatus')),
  qosClass: str('v1.PodQOSClass'),
  ephemeralContainerStatuses: list(opaque('v1.ContainerStatus')),
  resize: str('v1.PodResizeStatus'),
  resourceClaimStatuses: list(opaque('v1.PodResourceClaimStatus')),
});

export const podTemplateSpec = struct(
  'v1.PodTemplateSpec',
  {
    metadata: field(objectMeta, 'Labels here are what the selector must match (and what Services select).'),
    spec: field(podSpec, 'The pods\' spec.', true),
  },
  'The pods this controller creates.',
);

export const pod = struct('v1.Pod', {
  apiVersion: str(),
  kind: str(),
  metadata: field(objectMeta, 'Name, namespace and labels of the pod.', true),
  spec: field(podSpec, 'Containers and how to run them.', true),
  status: field(podStatus, 'Filled in by the cluster; ignored on create.'),
});

