// Test-only builders of API objects shaped as a v1.32 cluster stores them
// (server defaults filled in), plus an in-memory ObjectLookup with the
// apiserver's list order. Used by the printer unit tests and the kubectl
// oracle tests; production code never imports this file.

import type {
  Container,
  Deployment,
  EndpointSlice,
  Endpoints,
  KubeEvent,
  KubeObject,
  LabelSelector,
  Labels,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  Service,
  ServicePort,
} from '../../../../sim/api/types';
import { matchesSelector } from '../../../../sim/api/selectors';
import type { ObjectLookup } from '../lookup';

/** RFC 3339 (whole seconds, UTC) of `now - agoMs`. */
export function ago(now: number, agoMs: number): string {
  return new Date(Math.floor((now - agoMs) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export const SEC = 1000;
export const MIN = 60 * SEC;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

let uidCounter = 0;
function uid(prefix: string): string {
  uidCounter++;
  return `${prefix}-0000-4000-8000-${String(uidCounter).padStart(12, '0')}`;
}

/** An in-memory API with the store's list order (namespace, then name, as bytes). */
export function lookupOf(objects: KubeObject[]): ObjectLookup {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    get(kind, namespace, name) {
      return objects.find((o) => o.kind === kind && (o.metadata.namespace ?? undefined) === (namespace || undefined) && o.metadata.name === name);
    },
    list(kind, opts = {}) {
      return objects
        .filter(
          (o) =>
            o.kind === kind &&
            (opts.namespace === undefined || o.metadata.namespace === opts.namespace) &&
            (!opts.labelSelector || matchesSelector(opts.labelSelector, o.metadata.labels)),
        )
        .sort((a, b) => cmp(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || cmp(a.metadata.name ?? '', b.metadata.name ?? ''));
    },
  };
}

export function namespace(now: number, name: string, createdAgo = 3 * DAY): Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, uid: uid('ns'), resourceVersion: '10', creationTimestamp: ago(now, createdAgo), labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export interface ServiceOptions {
  name: string;
  namespace?: string;
  type?: Service['spec']['type'];
  selector?: Labels;
  labels?: Labels;
  annotations?: Record<string, string>;
  clusterIP?: string;
  ports?: ServicePort[];
  externalIPs?: string[];
  externalName?: string;
  externalTrafficPolicy?: 'Cluster' | 'Local';
  healthCheckNodePort?: number;
  loadBalancerIP?: string;
  ingress?: { ip?: string; hostname?: string; ipMode?: 'VIP' | 'Proxy' }[];
  createdAgo?: number;
}

/** A service with the apiserver's defaults for its type. */
export function service(now: number, o: ServiceOptions): Service {
  const type = o.type ?? 'ClusterIP';
  const spec: Service['spec'] = { type, sessionAffinity: 'None' };
  if (o.selector) spec.selector = o.selector;
  if (o.ports) spec.ports = o.ports.map((p) => ({ protocol: 'TCP', targetPort: p.port, ...p }));
  if (type === 'ExternalName') {
    spec.externalName = o.externalName;
  } else {
    spec.clusterIP = o.clusterIP;
    spec.clusterIPs = o.clusterIP ? [o.clusterIP] : [];
    spec.ipFamilies = ['IPv4'];
    spec.ipFamilyPolicy = o.clusterIP === 'None' && !o.selector ? 'RequireDualStack' : 'SingleStack';
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (o.externalIPs) spec.externalIPs = o.externalIPs;
  if (type === 'NodePort' || type === 'LoadBalancer' || (o.externalIPs && o.externalIPs.length > 0)) spec.externalTrafficPolicy = o.externalTrafficPolicy ?? 'Cluster';
  if (type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts = true;
  if (o.healthCheckNodePort) spec.healthCheckNodePort = o.healthCheckNodePort;
  if (o.loadBalancerIP) spec.loadBalancerIP = o.loadBalancerIP;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: o.name,
      namespace: o.namespace ?? 'default',
      uid: uid('svc'),
      resourceVersion: '100',
      creationTimestamp: ago(now, o.createdAgo ?? 12 * MIN + 30 * SEC),
      ...(o.labels ? { labels: o.labels } : {}),
      ...(o.annotations ? { annotations: o.annotations } : {}),
    },
    spec,
    status: { loadBalancer: o.ingress ? { ingress: o.ingress } : {} },
  };
}

export interface SliceEndpointOptions {
  ip: string;
  ready?: boolean;
  node?: string;
  pod?: string;
}

/** An EndpointSlice as the endpointslice controller writes it for a selector service. */
export function endpointSlice(
  now: number,
  o: { service: string; namespace?: string; suffix?: string; endpoints: SliceEndpointOptions[]; ports: { name?: string; port: number; protocol?: 'TCP' | 'UDP' }[] | null; createdAgo?: number },
): EndpointSlice {
  const ns = o.namespace ?? 'default';
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: `${o.service}-${o.suffix ?? 'x7k2p'}`,
      generateName: `${o.service}-`,
      namespace: ns,
      uid: uid('eps'),
      resourceVersion: '120',
      creationTimestamp: ago(now, o.createdAgo ?? 12 * MIN + 30 * SEC),
      labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': o.service },
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': ago(now, 12 * MIN) },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: o.service, uid: 'svc-owner', controller: true, blockOwnerDeletion: true }],
    },
    addressType: 'IPv4',
    endpoints: o.endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready ?? true, serving: e.ready ?? true, terminating: false },
      ...(e.node ? { nodeName: e.node } : {}),
      ...(e.pod ? { targetRef: { kind: 'Pod', namespace: ns, name: e.pod, uid: `uid-${e.pod}` } } : {}),
    })),
    ports: o.ports === null ? null : o.ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
  };
}

export function endpoints(
  now: number,
  o: { name: string; namespace?: string; labels?: Labels; annotations?: Record<string, string>; subsets?: Endpoints['subsets']; createdAgo?: number },
): Endpoints {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: o.name,
      namespace: o.namespace ?? 'default',
      uid: uid('ep'),
      resourceVersion: '121',
      creationTimestamp: ago(now, o.createdAgo ?? 12 * MIN + 30 * SEC),
      ...(o.labels ? { labels: o.labels } : {}),
      ...(o.annotations ? { annotations: o.annotations } : {}),
    },
    ...(o.subsets ? { subsets: o.subsets } : {}),
  };
}

const SA_VOLUME = (name: string) => ({
  name,
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ],
  },
});

const DEFAULT_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists' as const, effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists' as const, effect: 'NoExecute', tolerationSeconds: 300 },
];

/** A container spec with the apiserver's defaults. */
export function container(name: string, image: string, extra: Partial<Container> = {}): Container {
  return {
    name,
    image,
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: image.endsWith(':latest') || !image.includes(':') ? 'Always' : 'IfNotPresent',
    ...extra,
  };
}

export type PodState = 'Running' | 'Pending' | 'ContainerCreating' | 'CrashLoopBackOff' | 'ImagePullBackOff' | 'ErrImagePull' | 'Completed' | 'Error' | 'NotReady';

export interface PodOptions {
  name: string;
  namespace?: string;
  labels?: Labels;
  annotations?: Record<string, string>;
  node?: string;
  hostIP?: string;
  podIP?: string;
  state?: PodState;
  image?: string;
  containerName?: string;
  containerPort?: number;
  restarts?: number;
  /** finishedAt of the last termination, when restarts > 0. */
  lastRestartAgo?: number;
  owner?: { kind: string; name: string; uid: string; apiVersion?: string };
  createdAgo?: number;
  startTime?: string;
  containerStartedAt?: string;
  deletionTimestamp?: string;
  containers?: Container[];
  saVolume?: string;
}

/** A pod in one of the usual lifecycle states, with status as the kubelet reports it. */
export function pod(now: number, o: PodOptions): Pod {
  const ns = o.namespace ?? 'default';
  const state = o.state ?? 'Running';
  const saVolume = o.saVolume ?? 'kube-api-access-7xk2p';
  const mount = { name: saVolume, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' };
  const cname = o.containerName ?? o.name.split('-')[0];
  const containers = o.containers ?? [
    container(cname, o.image ?? 'schoolofdevops/vote:v1', {
      ...(o.containerPort !== undefined ? { ports: [{ containerPort: o.containerPort, protocol: 'TCP' as const }] } : {}),
      volumeMounts: [mount],
    }),
  ];
  const created = ago(now, o.createdAgo ?? 12 * MIN + 30 * SEC);
  const scheduled = state !== 'Pending';
  const metadata: Pod['metadata'] = {
    name: o.name,
    namespace: ns,
    uid: uid('pod'),
    resourceVersion: '200',
    creationTimestamp: created,
    ...(o.labels ? { labels: o.labels } : {}),
    ...(o.annotations ? { annotations: o.annotations } : {}),
    ...(o.owner
      ? {
          generateName: o.name.slice(0, o.name.lastIndexOf('-') + 1),
          ownerReferences: [{ apiVersion: o.owner.apiVersion ?? 'apps/v1', kind: o.owner.kind, name: o.owner.name, uid: o.owner.uid, controller: true, blockOwnerDeletion: true }],
        }
      : {}),
    ...(o.deletionTimestamp ? { deletionTimestamp: o.deletionTimestamp, deletionGracePeriodSeconds: 30 } : {}),
  };
  const spec: Pod['spec'] = {
    volumes: [SA_VOLUME(saVolume)],
    containers,
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    serviceAccountName: 'default',
    serviceAccount: 'default',
    ...(scheduled && o.node ? { nodeName: o.node } : {}),
    securityContext: {},
    schedulerName: 'default-scheduler',
    tolerations: DEFAULT_TOLERATIONS,
    priority: 0,
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
  };
  const t = (type: 'PodReadyToStartContainers' | 'Initialized' | 'Ready' | 'ContainersReady' | 'PodScheduled', status: 'True' | 'False', extra: object = {}) => ({
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: created,
    ...extra,
  });
  if (!scheduled) {
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata,
      spec,
      status: {
        phase: 'Pending',
        conditions: [
          t('PodScheduled', 'False', {
            reason: 'Unschedulable',
            message: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
          }),
        ],
        qosClass: 'BestEffort',
      },
    };
  }
  const ready = state === 'Running' || state === 'Completed';
  const running = state === 'Running' || state === 'NotReady';
  const notReadyMsg = { reason: 'ContainersNotReady', message: `containers with unready status: [${containers.map((c) => c.name).join(' ')}]` };
  const conditions = [
    t('PodReadyToStartContainers', state === 'ContainerCreating' ? 'False' : 'True'),
    t('Initialized', 'True'),
    t('Ready', ready && state !== 'Completed' ? 'True' : 'False', ready && state !== 'Completed' ? {} : state === 'Completed' ? { reason: 'PodCompleted' } : notReadyMsg),
    t('ContainersReady', ready && state !== 'Completed' ? 'True' : 'False', ready && state !== 'Completed' ? {} : state === 'Completed' ? { reason: 'PodCompleted' } : notReadyMsg),
    t('PodScheduled', 'True'),
  ];
  const startedAt = o.containerStartedAt ?? ago(now, (o.createdAgo ?? 12 * MIN + 30 * SEC) - 4 * SEC);
  const restarts = o.restarts ?? 0;
  const lastState =
    restarts > 0
      ? {
          terminated: {
            exitCode: 1,
            reason: 'Error',
            startedAt: ago(now, (o.lastRestartAgo ?? 60 * SEC) + 5 * SEC),
            finishedAt: ago(now, o.lastRestartAgo ?? 60 * SEC),
            containerID: 'containerd://0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
          },
        }
      : {};
  const stateObj =
    state === 'Running' || state === 'NotReady'
      ? { running: { startedAt } }
      : state === 'ContainerCreating'
        ? { waiting: { reason: 'ContainerCreating' } }
        : state === 'CrashLoopBackOff'
          ? { waiting: { reason: 'CrashLoopBackOff', message: `back-off 1m20s restarting failed container=${cname} pod=${o.name}_${ns}(${metadata.uid})` } }
          : state === 'ImagePullBackOff' || state === 'ErrImagePull'
            ? { waiting: { reason: state, message: 'Back-off pulling image' } }
            : { terminated: { exitCode: state === 'Completed' ? 0 : 1, reason: state, startedAt, finishedAt: ago(now, 60 * SEC), containerID: 'containerd://c0ffee' } };
  const created_ = state !== 'ContainerCreating' && state !== 'ImagePullBackOff' && state !== 'ErrImagePull';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec,
    status: {
      phase: state === 'Completed' ? 'Succeeded' : state === 'Error' ? 'Failed' : state === 'Running' || state === 'NotReady' || state === 'CrashLoopBackOff' ? 'Running' : 'Pending',
      conditions,
      hostIP: o.hostIP ?? '172.18.0.3',
      hostIPs: [{ ip: o.hostIP ?? '172.18.0.3' }],
      ...(o.podIP && state !== 'ContainerCreating' ? { podIP: o.podIP, podIPs: [{ ip: o.podIP }] } : {}),
      startTime: o.startTime ?? created,
      containerStatuses: containers.map((c) => ({
        name: c.name,
        state: stateObj,
        lastState,
        ready: state === 'Running' && running,
        restartCount: restarts,
        image: created_ ? `docker.io/${c.image.includes('/') ? c.image : `library/${c.image}`}` : c.image,
        imageID: created_ ? `docker.io/${c.image.split(':')[0].includes('/') ? c.image.split(':')[0] : `library/${c.image.split(':')[0]}`}@sha256:9d1b9f0c53e8a1c2b3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607182930` : '',
        ...(created_ ? { containerID: 'containerd://3f1c0e6d2b9a8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d' } : {}),
        started: running,
      })),
      qosClass: 'BestEffort',
    },
  };
}

function template(labels: Labels, containers: Container[]): ReplicaSet['spec']['template'] {
  return {
    metadata: { labels },
    spec: { containers, restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', securityContext: {}, schedulerName: 'default-scheduler' },
  };
}

export function deployment(
  now: number,
  o: { name: string; namespace?: string; replicas: number; ready?: number; labels?: Labels; image?: string; containerPort?: number; createdAgo?: number; selector?: LabelSelector },
): Deployment {
  const labels = o.labels ?? { app: o.name };
  const ready = o.ready ?? o.replicas;
  const c = container(o.name, o.image ?? `schoolofdevops/${o.name}:v1`, o.containerPort !== undefined ? { ports: [{ containerPort: o.containerPort, protocol: 'TCP' }] } : {});
  const created = ago(now, o.createdAgo ?? 12 * MIN + 30 * SEC);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: o.name, namespace: o.namespace ?? 'default', uid: uid('deploy'), resourceVersion: '300', generation: 1, creationTimestamp: created, labels, annotations: { 'deployment.kubernetes.io/revision': '1' } },
    spec: {
      replicas: o.replicas,
      selector: o.selector ?? { matchLabels: labels },
      template: template(labels, [c]),
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: 1,
      replicas: o.replicas,
      updatedReplicas: o.replicas,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(ready < o.replicas ? { unavailableReplicas: o.replicas - ready } : {}),
      conditions: [
        {
          type: 'Available',
          status: ready >= o.replicas - Math.floor(o.replicas / 4) ? 'True' : 'False',
          lastUpdateTime: created,
          lastTransitionTime: created,
          reason: ready >= o.replicas - Math.floor(o.replicas / 4) ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
          message: ready >= o.replicas - Math.floor(o.replicas / 4) ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.',
        },
        {
          type: 'Progressing',
          status: 'True',
          lastUpdateTime: created,
          lastTransitionTime: created,
          reason: 'NewReplicaSetAvailable',
          message: `ReplicaSet "${o.name}-6c8b9d7f5d" has successfully progressed.`,
        },
      ],
    },
  };
}

/** The ReplicaSet a deployment controller creates (or a bare one without `owner`). */
export function replicaSet(
  now: number,
  o: { name: string; namespace?: string; replicas: number; ready?: number; labels: Labels; hash?: string; owner?: Deployment; image?: string; containerName?: string; containerPort?: number; createdAgo?: number },
): ReplicaSet {
  const labels = o.hash ? { ...o.labels, 'pod-template-hash': o.hash } : o.labels;
  const base = o.owner?.spec.template.spec.containers[0];
  const c = base ?? container(o.containerName ?? o.name, o.image ?? 'schoolofdevops/vote:v1', o.containerPort !== undefined ? { ports: [{ containerPort: o.containerPort, protocol: 'TCP' }] } : {});
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: o.name,
      namespace: o.namespace ?? 'default',
      uid: uid('rs'),
      resourceVersion: '310',
      generation: 1,
      creationTimestamp: ago(now, o.createdAgo ?? 12 * MIN + 30 * SEC),
      labels,
      ...(o.owner
        ? {
            annotations: {
              'deployment.kubernetes.io/desired-replicas': String(o.owner.spec.replicas),
              'deployment.kubernetes.io/max-replicas': String((o.owner.spec.replicas ?? 0) + Math.ceil((o.owner.spec.replicas ?? 0) / 4)),
              'deployment.kubernetes.io/revision': '1',
            },
            ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: o.owner.metadata.name!, uid: o.owner.metadata.uid!, controller: true, blockOwnerDeletion: true }],
          }
        : {}),
    },
    spec: { replicas: o.replicas, selector: { matchLabels: labels }, template: template(labels, [c]) },
    status: { replicas: o.replicas, fullyLabeledReplicas: o.replicas, readyReplicas: o.ready ?? o.replicas, availableReplicas: o.ready ?? o.replicas, observedGeneration: 1 },
  };
}

export function node(
  now: number,
  o: { name: string; ip: string; controlPlane?: boolean; ready?: boolean; unschedulable?: boolean; podCIDR?: string; createdAgo?: number; kubeletVersion?: string },
): Node {
  const created = ago(now, o.createdAgo ?? 3 * DAY + 2 * HOUR);
  const heartbeat = ago(now, 3 * MIN + 20 * SEC);
  const ready = o.ready ?? true;
  const cond = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: heartbeat,
    lastTransitionTime: created,
    reason,
    message,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: o.name,
      uid: uid('node'),
      resourceVersion: '400',
      creationTimestamp: created,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': o.name,
        'kubernetes.io/os': 'linux',
        ...(o.controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
      },
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: o.podCIDR ?? '10.244.1.0/24',
      podCIDRs: [o.podCIDR ?? '10.244.1.0/24'],
      providerID: `kind://docker/kind/${o.name}`,
      ...(o.controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }] } : {}),
      ...(o.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      capacity: { cpu: '8', 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16331896Ki', pods: '110' },
      allocatable: { cpu: '8', 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16331896Ki', pods: '110' },
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        ready ? cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status') : cond('Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.'),
      ],
      addresses: [
        { type: 'InternalIP', address: o.ip },
        { type: 'Hostname', address: o.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: '8f0c3d0b3a2a4c7e9d1e2f3a4b5c6d7e',
        systemUUID: '4c4c4544-0042-3510-8052-b4c04f4e3432',
        bootID: '2d7f1c2e-0b59-4e6f-9a3c-5b1f4e8d2c71',
        kernelVersion: '6.8.0-45-generic',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        containerRuntimeVersion: 'containerd://1.7.18',
        kubeletVersion: o.kubeletVersion ?? 'v1.32.2',
        kubeProxyVersion: o.kubeletVersion ?? 'v1.32.2',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

/** A core/v1 event as kubelets and controllers record them. */
export function event(
  now: number,
  o: {
    involved: KubeObject;
    reason: string;
    message: string;
    type?: 'Normal' | 'Warning';
    component: string;
    host?: string;
    firstAgo: number;
    lastAgo?: number;
    count?: number;
    fieldPath?: string;
    name?: string;
  },
): KubeEvent {
  const io = o.involved;
  const ns = io.metadata.namespace ?? 'default';
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: o.name ?? `${io.metadata.name}.${(0x17de0000 + uidCounter++).toString(16)}`, namespace: ns, uid: uid('ev'), resourceVersion: '500', creationTimestamp: ago(now, o.firstAgo) },
    involvedObject: {
      kind: io.kind,
      ...(io.metadata.namespace ? { namespace: io.metadata.namespace } : {}),
      name: io.metadata.name ?? '',
      uid: io.kind === 'Node' && o.component === 'kubelet' ? io.metadata.name : io.metadata.uid,
      apiVersion: io.apiVersion,
      resourceVersion: io.metadata.resourceVersion,
      ...(o.fieldPath ? { fieldPath: o.fieldPath } : {}),
    },
    reason: o.reason,
    message: o.message,
    source: { component: o.component, ...(o.host ? { host: o.host } : {}) },
    firstTimestamp: ago(now, o.firstAgo),
    lastTimestamp: ago(now, o.lastAgo ?? o.firstAgo),
    count: o.count ?? 1,
    type: o.type ?? 'Normal',
    eventTime: null,
    reportingComponent: o.component,
    reportingInstance: o.host ?? '',
  };
}
