// Brings up the default cluster the way `kind create cluster` plus a weave
// install does, on the virtual clock: the control plane first (static pods,
// kube-proxy and weave on host networking), CoreDNS scheduled onto it, then the
// workers join. By the time the learner arrives everything is Running.
//
// The random numbers drawn here (from `rng`, in this order) decide the names,
// IPs and ids every test pins: objects added since (the DaemonSets, the
// ConfigMaps) draw from `stream(...)` instead, never from `rng`.

import type { ConfigMap, DaemonSet, Deployment, Endpoints, EndpointSlice, Namespace, Node, Pod, PodTemplateSpec, Service } from '../api/types';
import type { ApiStore } from '../api/store';
import type { ClusterConfig, NodeConfig } from './config';
import type { Rng } from '../core/rng';
import { hexString, randomSuffix, uuid } from '../core/ids';
import { rfc3339 } from '../core/time';
import type { WeaveIpam } from '../net/weave-ipam';
import { systemConfigMaps } from './system-configmaps';

export interface BootstrapHooks {
  store: ApiStore;
  rng: Rng;
  ipam: WeaveIpam;
  now(): number;
  /** Let virtual time pass (controllers run). */
  advance(ms: number): void;
  preloadImages(node: string, refs: string[]): void;
  /** A random stream of its own, for what the bootstrap creates beyond the original set. */
  stream(label: string): Rng;
  /** The cluster CA certificate (PEM). */
  caPem: string;
}

const KIND_IMAGES = [
  'registry.k8s.io/coredns/coredns:v1.11.3',
  'registry.k8s.io/etcd:3.5.16-0',
  'registry.k8s.io/kube-apiserver:v1.32.2',
  'registry.k8s.io/kube-controller-manager:v1.32.2',
  'registry.k8s.io/kube-proxy:v1.32.2',
  'registry.k8s.io/kube-scheduler:v1.32.2',
  'registry.k8s.io/pause:3.10',
  'docker.io/kindest/local-path-provisioner:v20241212-8ac705d0',
  'docker.io/weaveworks/weave-kube:latest',
  'docker.io/weaveworks/weave-npc:latest',
];

export function bootstrapCluster(cfg: ClusterConfig, h: BootstrapHooks): void {
  const { store } = h;
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage']) {
    store.create<Namespace>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  createSystemConfigMaps(cfg, h);
  const [cp, ...workers] = cfg.nodes;
  joinNode(cfg, h, cp, 0);
  for (const c of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) createStaticPod(cfg, h, cp, c);

  createKubernetesService(cfg, h);
  createDns(cfg, h);
  createLocalPath(h);
  h.advance(35_000);
  workers.forEach((w, i) => {
    joinNode(cfg, h, w, i + 1);
    h.advance(1_000);
  });
}

function nodeObject(cfg: ClusterConfig, h: BootstrapHooks, n: NodeConfig, index: number): Node {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': 'linux',
  };
  if (n.role === 'control-plane') {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const now = rfc3339(h.now());
  const capacity = { cpu: '8', 'ephemeral-storage': '259962512Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '32859404Ki', pods: '110' };
  const condition = (type: string, status: string, reason: string, message: string) => ({ type, status, lastHeartbeatTime: now, lastTransitionTime: now, reason, message });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: `10.32.${index}.0/24`,
      podCIDRs: [`10.32.${index}.0/24`],
      providerID: `kind://docker/${cfg.name}/${n.name}`,
      ...(n.role === 'control-plane' ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }] } : {}),
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: n.ip },
        { type: 'Hostname', address: n.name },
      ],
      allocatable: capacity,
      capacity,
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: uuid(h.rng),
        containerRuntimeVersion: cfg.containerRuntime,
        kernelVersion: cfg.kernelVersion,
        kubeProxyVersion: '',
        kubeletVersion: cfg.kubernetesVersion,
        machineID: hexString(h.rng, 32),
        operatingSystem: 'linux',
        osImage: cfg.osImage,
        systemUUID: uuid(h.rng),
      },
    },
  };
}

/** A node joins: its Node object, its weave range and bridge, and the DaemonSet pods that run on every node. */
function joinNode(cfg: ClusterConfig, h: BootstrapHooks, n: NodeConfig, index: number): void {
  h.ipam.join(n.name);
  h.preloadImages(n.name, KIND_IMAGES);
  h.store.create(nodeObject(cfg, h, n, index));
  hostNetworkPod(h, n, {
    name: `kube-proxy-${randomSuffix(h.rng)}`,
    labels: { 'controller-revision-hash': '7bb84c4984', 'k8s-app': 'kube-proxy', 'pod-template-generation': '1' },
    owner: { kind: 'DaemonSet', name: 'kube-proxy', daemonSet: () => kubeProxyDaemonSet(cfg) },
    containers: [{ name: 'kube-proxy', image: `registry.k8s.io/kube-proxy:${cfg.kubernetesVersion}` }],
  });
  hostNetworkPod(h, n, {
    name: `weave-net-${randomSuffix(h.rng)}`,
    labels: { 'controller-revision-hash': '6f8d6d5b88', name: 'weave-net', 'pod-template-generation': '1' },
    owner: { kind: 'DaemonSet', name: 'weave-net', daemonSet: weaveNetDaemonSet },
    containers: [
      { name: 'weave', image: 'weaveworks/weave-kube:latest' },
      { name: 'weave-npc', image: 'weaveworks/weave-npc:latest' },
    ],
  });
}

interface HostPodSpec {
  name: string;
  labels: Record<string, string>;
  /** A DaemonSet owner is created with the first pod's drawn uid; later pods draw one too (keeping the stream) but share it. */
  owner: { kind: string; name: string; uid?: string; daemonSet?: () => DaemonSet };
  containers: { name: string; image: string }[];
  annotations?: Record<string, string>;
}

/** A pod that was already running on host networking when the session began. */
function hostNetworkPod(h: BootstrapHooks, n: NodeConfig, p: HostPodSpec): void {
  const drawn = p.owner.uid ?? uuid(h.rng);
  const ownerUid = p.owner.daemonSet ? ensureDaemonSet(h, p.owner.daemonSet, drawn) : drawn;
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: p.name,
      namespace: 'kube-system',
      labels: p.labels,
      ...(p.annotations ? { annotations: p.annotations } : {}),
      ownerReferences: [{ apiVersion: p.owner.kind === 'Node' ? 'v1' : 'apps/v1', kind: p.owner.kind, name: p.owner.name, uid: ownerUid, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      containers: p.containers.map((c) => ({ ...c, imagePullPolicy: 'IfNotPresent' as const })),
      hostNetwork: true,
      nodeName: n.name,
      priority: 2000001000,
      tolerations: [{ operator: 'Exists' }],
      dnsPolicy: 'ClusterFirst',
    },
  };
  const created = h.store.create(pod);
  markRunning(h, created, n.ip, n.ip);
}

/** The DaemonSet's uid, creating it (with `uid`) when this is its first pod. */
function ensureDaemonSet(h: BootstrapHooks, build: () => DaemonSet, uid: string): string {
  const ds = build();
  const live = h.store.get<DaemonSet>('DaemonSet', ds.metadata.namespace, ds.metadata.name!);
  if (live) return live.metadata.uid!;
  return h.store.create(ds, { uid }).metadata.uid!;
}

/** The volumes both DaemonSets mount from the node. */
const XTABLES_LOCK = { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } };
const LIB_MODULES = { name: 'lib-modules', hostPath: { path: '/lib/modules', type: '' } };
const NODE_NAME_ENV = { name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } };

/** kubeadm's kube-proxy DaemonSet (v1.32 manifest). */
function kubeProxyDaemonSet(cfg: ClusterConfig): DaemonSet {
  const labels = { 'k8s-app': 'kube-proxy' };
  const template: PodTemplateSpec = {
    metadata: { labels },
    spec: {
      containers: [
        {
          name: 'kube-proxy',
          image: `registry.k8s.io/kube-proxy:${cfg.kubernetesVersion}`,
          imagePullPolicy: 'IfNotPresent',
          command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
          env: [NODE_NAME_ENV],
          securityContext: { privileged: true },
          volumeMounts: [
            { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
            { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
            { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
          ],
        },
      ],
      hostNetwork: true,
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      priorityClassName: 'system-node-critical',
      serviceAccountName: 'kube-proxy',
      serviceAccount: 'kube-proxy',
      tolerations: [{ operator: 'Exists' }],
      volumes: [{ name: 'kube-proxy', configMap: { defaultMode: 420, name: 'kube-proxy' } }, XTABLES_LOCK, LIB_MODULES],
    },
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels },
    spec: { selector: { matchLabels: labels }, template, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } } },
  };
}

/** Weave Net's DaemonSet (the weave-daemonset-k8s manifest the lab installs). */
function weaveNetDaemonSet(): DaemonSet {
  const labels = { name: 'weave-net' };
  const hostname = { name: 'HOSTNAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } };
  const template: PodTemplateSpec = {
    metadata: { labels },
    spec: {
      containers: [
        {
          name: 'weave',
          image: 'weaveworks/weave-kube:latest',
          command: ['/home/weave/launch.sh'],
          env: [{ name: 'INIT_CONTAINER', value: 'true' }, hostname],
          resources: { requests: { cpu: '50m' } },
          securityContext: { privileged: true },
          volumeMounts: [
            { name: 'weavedb', mountPath: '/weavedb' },
            { name: 'dbus', mountPath: '/host/var/lib/dbus', readOnly: true },
            { name: 'cni-machine-id', mountPath: '/host/etc/machine-id', readOnly: true },
            { name: 'xtables-lock', mountPath: '/run/xtables.lock' },
          ],
        },
        {
          name: 'weave-npc',
          image: 'weaveworks/weave-npc:latest',
          env: [hostname],
          resources: { requests: { cpu: '50m' } },
          securityContext: { privileged: true },
          volumeMounts: [{ name: 'xtables-lock', mountPath: '/run/xtables.lock' }],
        },
      ],
      dnsPolicy: 'ClusterFirstWithHostNet',
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      restartPolicy: 'Always',
      securityContext: { seLinuxOptions: {} },
      serviceAccountName: 'weave-net',
      serviceAccount: 'weave-net',
      tolerations: [
        { effect: 'NoSchedule', operator: 'Exists' },
        { effect: 'NoExecute', operator: 'Exists' },
      ],
      volumes: [
        { name: 'weavedb', hostPath: { path: '/var/lib/weave', type: '' } },
        { name: 'cni-bin', hostPath: { path: '/opt', type: '' } },
        { name: 'cni-bin2', hostPath: { path: '/home', type: '' } },
        { name: 'cni-conf', hostPath: { path: '/etc', type: '' } },
        { name: 'cni-machine-id', hostPath: { path: '/etc/machine-id', type: '' } },
        { name: 'dbus', hostPath: { path: '/var/lib/dbus', type: '' } },
        LIB_MODULES,
        XTABLES_LOCK,
      ],
    },
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'weave-net', namespace: 'kube-system', labels },
    spec: { selector: { matchLabels: labels }, minReadySeconds: 5, template, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } } },
  };
}

/** What kubeadm, the apiserver and kind's storage manifest leave in ConfigMaps (uids from a stream of their own). */
function createSystemConfigMaps(cfg: ClusterConfig, h: BootstrapHooks): void {
  const rng = h.stream('bootstrap-configmaps');
  for (const cm of systemConfigMaps(cfg, { caPem: h.caPem, createdMs: h.now(), rng })) {
    h.store.create<ConfigMap>(cm, { handOver: true, uid: uuid(rng) });
  }
}

function createStaticPod(cfg: ClusterConfig, h: BootstrapHooks, n: NodeConfig, component: string): void {
  const image = component === 'etcd' ? 'registry.k8s.io/etcd:3.5.16-0' : `registry.k8s.io/${component}:${cfg.kubernetesVersion}`;
  const node = h.store.get<Node>('Node', undefined, n.name)!;
  hostNetworkPod(h, n, {
    name: `${component}-${n.name}`,
    labels: { component, tier: 'control-plane' },
    owner: { kind: 'Node', name: n.name, uid: node.metadata.uid },
    containers: [{ name: component, image }],
    annotations: { 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.seen': rfc3339(h.now()) },
  });
}

/** Write the status of a container that is up and ready (bootstrap pods skip the kubelet's start-up). */
function markRunning(h: BootstrapHooks, pod: Pod, hostIP: string, podIP: string): void {
  const now = rfc3339(h.now());
  const cond = (type: 'PodReadyToStartContainers' | 'Initialized' | 'Ready' | 'ContainersReady' | 'PodScheduled') => ({ type, status: 'True' as const, lastProbeTime: null, lastTransitionTime: now });
  h.store.update(
    {
      ...pod,
      status: {
        phase: 'Running',
        conditions: [cond('PodReadyToStartContainers'), cond('Initialized'), cond('Ready'), cond('ContainersReady'), cond('PodScheduled')],
        hostIP,
        hostIPs: [{ ip: hostIP }],
        podIP,
        podIPs: [{ ip: podIP }],
        startTime: now,
        qosClass: pod.status?.qosClass ?? 'BestEffort',
        containerStatuses: pod.spec.containers.map((c) => ({
          name: c.name,
          image: c.image.includes('/') && c.image.split('/')[0].includes('.') ? c.image : `docker.io/${c.image}`,
          imageID: `${c.image.split(':')[0]}@sha256:${hexString(h.rng, 64)}`,
          containerID: `containerd://${hexString(h.rng, 64)}`,
          ready: true,
          started: true,
          restartCount: 0,
          state: { running: { startedAt: now } },
          lastState: {},
        })),
      },
    },
    { subresource: 'status' },
  );
}

function createKubernetesService(cfg: ClusterConfig, h: BootstrapHooks): void {
  const apiserver = cfg.nodes[0].ip;
  h.store.create<Service>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None', type: 'ClusterIP' },
  });
  h.store.create<Endpoints>({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: apiserver }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  });
  h.store.create<EndpointSlice>({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [apiserver], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  });
}

function createDns(cfg: ClusterConfig, h: BootstrapHooks): void {
  h.store.create<Service>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: cfg.dnsIP,
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  });
  h.store.create<Deployment>({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          containers: [
            {
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.11.3',
              args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { name: 'dns', containerPort: 53, protocol: 'UDP' },
                { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
                { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
              ],
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
            },
          ],
          dnsPolicy: 'Default',
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        },
      },
    },
  });
}

function createLocalPath(h: BootstrapHooks): void {
  h.store.create<Deployment>({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'local-path-provisioner', namespace: 'local-path-storage' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'local-path-provisioner' } },
      template: {
        metadata: { labels: { app: 'local-path-provisioner' } },
        spec: {
          containers: [{ name: 'local-path-provisioner', image: 'docker.io/kindest/local-path-provisioner:v20241212-8ac705d0' }],
          serviceAccountName: 'local-path-provisioner-service-account',
          tolerations: [
            { key: 'node-role.kubernetes.io/control-plane', operator: 'Equal', effect: 'NoSchedule' },
            { key: 'node-role.kubernetes.io/master', operator: 'Equal', effect: 'NoSchedule' },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        },
      },
    },
  });
}
