// describe deployment, replicaset, node, namespace and endpointslice with a
// fixed clock. Their layouts were taken from real kubectl v1.32 (see
// test/oracle/describe, which checks the same printers against it).

import { describe as suite, expect, it } from 'vitest';
import type { Pod } from '../../../../sim/api/types';
import { DAY, MIN, SEC, ago, container, deployment, endpointSlice, event, lookupOf, namespace, node, pod, replicaSet } from '../testing/fixtures';
import { describe } from './index';
import { podQOSClass } from './pod-resources';

const now = Date.parse('2024-07-01T10:12:30Z');
const lines = (...l: string[]) => l.join('\n') + '\n';

const d = deployment(now, { name: 'vote', namespace: 'instavote', replicas: 3, ready: 2, containerPort: 80 });
const rs = replicaSet(now, { name: 'vote-6c8b9d7f5d', namespace: 'instavote', replicas: 3, ready: 2, labels: { app: 'vote' }, hash: '6c8b9d7f5d', owner: d });
const owner = { kind: 'ReplicaSet', name: rs.metadata.name!, uid: rs.metadata.uid! };
const pods = [
  pod(now, { name: 'vote-6c8b9d7f5d-7lq9m', namespace: 'instavote', labels: { app: 'vote', 'pod-template-hash': '6c8b9d7f5d' }, node: 'kind-worker', podIP: '10.244.1.5', owner }),
  pod(now, { name: 'vote-6c8b9d7f5d-q8w7e', namespace: 'instavote', labels: { app: 'vote', 'pod-template-hash': '6c8b9d7f5d' }, state: 'Pending', owner }),
  // Selected by the labels but not owned by the replica set: not counted.
  pod(now, { name: 'vote', namespace: 'instavote', labels: { app: 'vote', 'pod-template-hash': '6c8b9d7f5d' }, node: 'kind-worker', podIP: '10.244.1.6' }),
];
const scaled = event(now, { involved: d, reason: 'ScalingReplicaSet', message: 'Scaled up replica set vote-6c8b9d7f5d from 0 to 3', component: 'deployment-controller', firstAgo: 12 * MIN + 30 * SEC });

suite('describe deployment', () => {
  it('prints the template, conditions, replica sets and events', () => {
    const lookup = lookupOf([d, rs, ...pods, scaled]);
    expect(describe('Deployment', d, lookup, now)).toBe(
      lines(
        'Name:                   vote',
        'Namespace:              instavote',
        'CreationTimestamp:      Mon, 01 Jul 2024 10:00:00 +0000',
        'Labels:                 app=vote',
        'Annotations:            deployment.kubernetes.io/revision: 1',
        'Selector:               app=vote',
        'Replicas:               3 desired | 3 updated | 3 total | 2 available | 1 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=vote',
        '  Containers:',
        '   vote:',
        '    Image:         schoolofdevops/vote:v1',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      False   MinimumReplicasUnavailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  <none>',
        'NewReplicaSet:   vote-6c8b9d7f5d (3/3 replicas created)',
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        '  Normal  ScalingReplicaSet  12m   deployment-controller  Scaled up replica set vote-6c8b9d7f5d from 0 to 3',
      )
    );
  });

  it('finds the new replica set by template and lists every other owned one as old, zero replicas included', () => {
    const old = replicaSet(now, { name: 'vote-5b7c6d8f9', namespace: 'instavote', replicas: 0, labels: { app: 'vote' }, hash: '5b7c6d8f9', owner: d });
    old.spec.template.spec.containers = [container('vote', 'schoolofdevops/vote:v0')];
    const stranger = replicaSet(now, { name: 'vote-other', namespace: 'instavote', replicas: 1, labels: { app: 'vote' }, hash: 'other' });
    const text = describe('Deployment', d, lookupOf([d, rs, old, stranger]), now);
    expect(text).toContain('OldReplicaSets:  vote-5b7c6d8f9 (0/0 replicas created)\nNewReplicaSet:   vote-6c8b9d7f5d (3/3 replicas created)\n');
  });

  it('leaves both lines out when it owns no replica set', () => {
    const text = describe('Deployment', d, lookupOf([d]), now);
    expect(text).not.toContain('OldReplicaSets');
    expect(text).not.toContain('NewReplicaSet:');
    // `Events:<tab><none>` joins the block of the condition rows ("  Progressing " is 14 wide).
    expect(text).toContain(`  Progressing   True    NewReplicaSetAvailable\nEvents:${' '.repeat(9)}<none>\n`);
  });
});

suite('describe replicaset', () => {
  it('counts the phases of the pods it owns', () => {
    expect(describe('ReplicaSet', rs, lookupOf([d, rs, ...pods]), now)).toBe(
      lines(
        'Name:           vote-6c8b9d7f5d',
        'Namespace:      instavote',
        'Selector:       app=vote,pod-template-hash=6c8b9d7f5d',
        'Labels:         app=vote',
        '                pod-template-hash=6c8b9d7f5d',
        'Annotations:    deployment.kubernetes.io/desired-replicas: 3',
        '                deployment.kubernetes.io/max-replicas: 4',
        '                deployment.kubernetes.io/revision: 1',
        'Controlled By:  Deployment/vote',
        'Replicas:       3 current / 3 desired',
        'Pods Status:    1 Running / 1 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=vote',
        '           pod-template-hash=6c8b9d7f5d',
        '  Containers:',
        '   vote:',
        '    Image:         schoolofdevops/vote:v1',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:            <none>',
      )
    );
  });
});

const worker = node(now, { name: 'kind-worker', ip: '172.18.0.3' });
const kindnet = pod(now, {
  name: 'kindnet-5wlcx',
  namespace: 'kube-system',
  node: 'kind-worker',
  podIP: '172.18.0.3',
  createdAgo: 3 * DAY,
  containers: [container('kindnet-cni', 'docker.io/kindest/kindnetd:v20240813-c6f155d6', { resources: { limits: { cpu: '100m', memory: '50Mi' }, requests: { cpu: '100m', memory: '50Mi' } } })],
});

suite('describe node', () => {
  it('prints lease, conditions, resources, system info and the non-terminated pods', () => {
    // No Lease object in the store: the lease a Ready kubelet holds is shown.
    expect(describe('Node', worker, lookupOf([worker, kindnet, pods[0], pods[1]]), now)).toBe(
      lines(
        'Name:               kind-worker',
        'Roles:              <none>',
        'Labels:             beta.kubernetes.io/arch=amd64',
        '                    beta.kubernetes.io/os=linux',
        '                    kubernetes.io/arch=amd64',
        '                    kubernetes.io/hostname=kind-worker',
        '                    kubernetes.io/os=linux',
        'Annotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///run/containerd/containerd.sock',
        '                    node.alpha.kubernetes.io/ttl: 0',
        '                    volumes.kubernetes.io/controller-managed-attach-detach: true',
        'CreationTimestamp:  Fri, 28 Jun 2024 08:12:30 +0000',
        'Taints:             <none>',
        'Unschedulable:      false',
        'Lease:',
        '  HolderIdentity:  kind-worker',
        '  AcquireTime:     <unset>',
        '  RenewTime:       Mon, 01 Jul 2024 10:12:30 +0000',
        'Conditions:',
        '  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message',
        '  ----             ------  -----------------                 ------------------                ------                       -------',
        '  MemoryPressure   False   Mon, 01 Jul 2024 10:09:10 +0000   Fri, 28 Jun 2024 08:12:30 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available',
        '  DiskPressure     False   Mon, 01 Jul 2024 10:09:10 +0000   Fri, 28 Jun 2024 08:12:30 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure',
        '  PIDPressure      False   Mon, 01 Jul 2024 10:09:10 +0000   Fri, 28 Jun 2024 08:12:30 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available',
        '  Ready            True    Mon, 01 Jul 2024 10:09:10 +0000   Fri, 28 Jun 2024 08:12:30 +0000   KubeletReady                 kubelet is posting ready status',
        'Addresses:',
        '  InternalIP:  172.18.0.3',
        '  Hostname:    kind-worker',
        'Capacity:',
        '  cpu:                8',
        '  ephemeral-storage:  102625208Ki',
        '  hugepages-1Gi:      0',
        '  hugepages-2Mi:      0',
        '  memory:             16331896Ki',
        '  pods:               110',
        'Allocatable:',
        '  cpu:                8',
        '  ephemeral-storage:  102625208Ki',
        '  hugepages-1Gi:      0',
        '  hugepages-2Mi:      0',
        '  memory:             16331896Ki',
        '  pods:               110',
        'System Info:',
        '  Machine ID:                 8f0c3d0b3a2a4c7e9d1e2f3a4b5c6d7e',
        '  System UUID:                4c4c4544-0042-3510-8052-b4c04f4e3432',
        '  Boot ID:                    2d7f1c2e-0b59-4e6f-9a3c-5b1f4e8d2c71',
        '  Kernel Version:             6.8.0-45-generic',
        '  OS Image:                   Debian GNU/Linux 12 (bookworm)',
        '  Operating System:           linux',
        '  Architecture:               amd64',
        '  Container Runtime Version:  containerd://1.7.18',
        '  Kubelet Version:            v1.32.2',
        '  Kube-Proxy Version:         v1.32.2',
        'PodCIDR:                      10.244.1.0/24',
        'PodCIDRs:                     10.244.1.0/24',
        'ProviderID:                   kind://docker/kind/kind-worker',
        'Non-terminated Pods:          (2 in total)',
        '  Namespace                   Name                     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----                     ------------  ----------  ---------------  -------------  ---',
        '  instavote                   vote-6c8b9d7f5d-7lq9m    0 (0%)        0 (0%)      0 (0%)           0 (0%)         12m',
        '  kube-system                 kindnet-5wlcx            100m (1%)     100m (1%)   50Mi (0%)        50Mi (0%)      3d',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests   Limits',
        '  --------           --------   ------',
        '  cpu                100m (1%)  100m (1%)',
        '  memory             50Mi (0%)  50Mi (0%)',
        '  ephemeral-storage  0 (0%)     0 (0%)',
        '  hugepages-1Gi      0 (0%)     0 (0%)',
        '  hugepages-2Mi      0 (0%)     0 (0%)',
        'Events:              <none>',
      )
    );
  });

  it('uses a stored Lease when there is one', () => {
    const lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'kind-worker', namespace: 'kube-node-lease' },
      spec: { holderIdentity: 'kind-worker', acquireTime: '2024-06-28T08:12:31.000000Z', renewTime: '2024-07-01T10:12:26.123456Z' },
    };
    expect(describe('Node', worker, lookupOf([worker, lease]), now)).toContain(
      'Lease:\n  HolderIdentity:  kind-worker\n  AcquireTime:     Fri, 28 Jun 2024 08:12:31 +0000\n  RenewTime:       Mon, 01 Jul 2024 10:12:26 +0000\n',
    );
  });

  it('shows the last heartbeat as renew time of a node that is not Ready', () => {
    const down = node(now, { name: 'kind-worker2', ip: '172.18.0.4', ready: false, unschedulable: true });
    const text = describe('Node', down, lookupOf([down]), now);
    expect(text).toContain(`RenewTime:       Mon, 01 Jul 2024 10:09:10 +0000\n`);
    expect(text).toContain('Unschedulable:      true\n');
  });

  it('prints taints and roles, and lists events reported with the node uid or its name', () => {
    const cp = node(now, { name: 'kind-control-plane', ip: '172.18.0.2', controlPlane: true });
    const byKubelet = event(now, { involved: cp, reason: 'Starting', message: 'Starting kubelet.', component: 'kubelet', host: 'kind-control-plane', firstAgo: 3 * DAY });
    const byController = event(now, { involved: cp, reason: 'RegisteredNode', message: 'Node kind-control-plane event: Registered Node kind-control-plane in Controller', component: 'node-controller', firstAgo: 2 * DAY });
    const text = describe('Node', cp, lookupOf([cp, byKubelet, byController]), now);
    expect(text).toContain('Roles:              control-plane\n');
    expect(text).toContain('Taints:             node-role.kubernetes.io/control-plane:NoSchedule\n');
    expect(text).toMatch(/  Normal  Starting        3d    kubelet          Starting kubelet\.\n  Normal  RegisteredNode  2d    node-controller  Node kind-control-plane event: Registered Node kind-control-plane in Controller\n$/);
  });
});

suite('describe namespace', () => {
  it('has no quota and no limit range', () => {
    expect(describe('Namespace', namespace(now, 'instavote'), lookupOf([]), now)).toBe(
      lines(
        'Name:         instavote',
        'Labels:       kubernetes.io/metadata.name=instavote',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'No resource quota.',
        '',
        'No LimitRange resource.',
      )
    );
  });
});

suite('describe endpointslice', () => {
  it('lists ports and each endpoint with its conditions', () => {
    const sl = endpointSlice(now, {
      service: 'vote',
      namespace: 'instavote',
      endpoints: [{ ip: '10.244.1.5', node: 'kind-worker', pod: 'vote-6c8b9d7f5d-7lq9m' }, { ip: '10.244.2.7', ready: false }],
      ports: [{ port: 80 }],
    });
    expect(describe('EndpointSlice', sl, lookupOf([sl]), now)).toBe(
      lines(
        'Name:         vote-x7k2p',
        'Namespace:    instavote',
        'Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io',
        '              kubernetes.io/service-name=vote',
        'Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2024-07-01T10:00:30Z',
        'AddressType:  IPv4',
        'Ports:',
        '  Name     Port  Protocol',
        '  ----     ----  --------',
        '  <unset>  80    TCP',
        'Endpoints:',
        '  - Addresses:  10.244.1.5',
        '    Conditions:',
        '      Ready:    true',
        '    Hostname:   <unset>',
        '    TargetRef:  Pod/vote-6c8b9d7f5d-7lq9m',
        '    NodeName:   kind-worker',
        '    Zone:       <unset>',
        '  - Addresses:  10.244.2.7',
        '    Conditions:',
        '      Ready:   false',
        '    Hostname:  <unset>',
        '    NodeName:  <unset>',
        '    Zone:      <unset>',
        'Events:        <none>',
      )
    );
  });

  it('says <unset> and <none> for an empty placeholder slice', () => {
    const sl = endpointSlice(now, { service: 'redis', endpoints: [], ports: null });
    expect(describe('EndpointSlice', sl, lookupOf([sl]), now)).toContain('AddressType:  IPv4\nPorts: <unset>\nEndpoints: <none>\nEvents:  <none>\n');
  });
});

suite('QoS class', () => {
  const withResources = (...resources: NonNullable<Pod['spec']['containers'][0]['resources']>[]): Pod => {
    const p = pod(now, { name: 'q', node: 'n', containers: resources.map((r, i) => container(`c${i}`, 'busybox:1.28', { resources: r })) });
    p.status!.qosClass = undefined;
    return p;
  };

  it('is BestEffort without cpu or memory requests and limits', () => {
    expect(podQOSClass(withResources({}, { requests: { 'ephemeral-storage': '1Gi' } }))).toBe('BestEffort');
  });

  it('is Guaranteed when every container limits cpu and memory and requests equal limits', () => {
    expect(podQOSClass(withResources({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1000m', memory: '1Gi' } }))).toBe('Guaranteed');
  });

  it('is Burstable otherwise', () => {
    expect(podQOSClass(withResources({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } }))).toBe('Burstable');
    expect(podQOSClass(withResources({ limits: { cpu: '1', memory: '1Gi' } }, {}))).toBe('Burstable');
  });

  it('prefers the class the kubelet reported', () => {
    const p = withResources({});
    p.status!.qosClass = 'Guaranteed';
    expect(podQOSClass(p)).toBe('Guaranteed');
  });
});

void ago;
