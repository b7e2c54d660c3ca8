// The cluster state the describe oracle serves: one namespace per topic so
// that scenarios cannot see each other's events or slices.

import type { Container, KubeObject, Pod } from '../../../src/sim/api/types';
import type { PodStatusView } from '../../../src/shell/kubectl/printers/extra-fields';
import {
  DAY,
  HOUR,
  MIN,
  SEC,
  ago,
  container,
  deployment,
  endpointSlice,
  endpoints,
  event,
  namespace,
  node,
  pod,
  replicaSet,
  service,
} from '../../../src/shell/kubectl/printers/testing/fixtures';

export interface Scenario {
  /** Test title. */
  title: string;
  kind: string;
  namespace?: string;
  names: string[];
  /** The resource argument kubectl gets (`svc`, `deploy`, ...). */
  resource: string;
}

export function buildCluster(now: number): { objects: KubeObject[]; scenarios: Scenario[] } {
  const objects: KubeObject[] = [];
  const add = <T extends KubeObject>(o: T): T => {
    objects.push(o);
    return o;
  };
  const scenarios: Scenario[] = [];
  const scenario = (s: Scenario) => scenarios.push(s);

  for (const ns of ['default', 'instavote', 'svc-lb', 'svc-misc', 'workloads', 'pods', 'kube-system', 'kube-node-lease']) add(namespace(now, ns));

  // ---------------------------------------------------------------- services
  const vote = add(
    service(now, { name: 'vote', namespace: 'instavote', type: 'NodePort', selector: { role: 'vote' }, labels: { role: 'vote' }, clusterIP: '10.108.108.157', ports: [{ port: 80, nodePort: 30000 }] }),
  );
  add(
    endpointSlice(now, {
      service: 'vote',
      namespace: 'instavote',
      endpoints: [
        { ip: '10.244.1.5', node: 'kind-worker' },
        { ip: '10.244.2.3', node: 'kind-worker2' },
        { ip: '10.244.1.6', node: 'kind-worker' },
        { ip: '10.244.2.4', node: 'kind-worker2' },
      ],
      ports: [{ port: 80 }],
    }),
  );
  add(event(now, { involved: vote, reason: 'Type', message: 'ClusterIP -> NodePort', component: 'service-controller', firstAgo: 20 * MIN, lastAgo: 12 * MIN + 30 * SEC, count: 2 }));
  scenario({ title: 'NodePort service with 4 endpoints (slice order, + 1 more)', kind: 'Service', namespace: 'instavote', names: ['vote'], resource: 'svc' });

  add(service(now, { name: 'redis', namespace: 'instavote', selector: { app: 'redis' }, labels: { app: 'redis', tier: 'backend' }, clusterIP: '10.104.128.34', ports: [{ name: 'redis', port: 6379 }] }));
  add(endpointSlice(now, { service: 'redis', namespace: 'instavote', endpoints: [], ports: null }));
  scenario({ title: 'selector service without ready pods (placeholder slice): empty Endpoints', kind: 'Service', namespace: 'instavote', names: ['redis'], resource: 'svc' });

  add(service(now, { name: 'result', namespace: 'instavote', selector: { app: 'result' }, clusterIP: '10.98.12.201', ports: [{ port: 80, targetPort: 8080 }] }));
  add(
    endpointSlice(now, {
      service: 'result',
      namespace: 'instavote',
      endpoints: [
        { ip: '10.244.1.8', ready: false },
        { ip: '10.244.2.8', ready: false },
      ],
      ports: [{ port: 8080 }],
    }),
  );
  scenario({ title: 'service whose pods are not ready', kind: 'Service', namespace: 'instavote', names: ['result'], resource: 'svc' });

  add(service(now, { name: 'db', namespace: 'instavote', selector: { app: 'db' }, clusterIP: 'None', ports: [{ port: 5432 }] }));
  add(endpointSlice(now, { service: 'db', namespace: 'instavote', endpoints: [{ ip: '10.244.1.12' }], ports: [{ port: 5432 }] }));
  scenario({ title: 'headless service', kind: 'Service', namespace: 'instavote', names: ['db'], resource: 'svc' });

  add(service(now, { name: 'extdb', namespace: 'instavote', type: 'ExternalName', externalName: 'db.example.com' }));
  scenario({ title: 'ExternalName service', kind: 'Service', namespace: 'instavote', names: ['extdb'], resource: 'svc' });

  add(
    service(now, {
      name: 'web',
      namespace: 'svc-misc',
      type: 'NodePort',
      selector: { app: 'web' },
      clusterIP: '10.110.7.42',
      ports: [
        { name: 'http', port: 80, targetPort: 8080, nodePort: 30080 },
        { name: 'metrics', port: 9090, targetPort: 'metrics', nodePort: 31999 },
      ],
    }),
  );
  add(
    endpointSlice(now, {
      service: 'web',
      namespace: 'svc-misc',
      endpoints: [{ ip: '10.244.1.5' }, { ip: '10.244.2.7' }],
      ports: [
        { name: 'metrics', port: 9090 },
        { name: 'http', port: 8080 },
      ],
    }),
  );
  scenario({ title: 'multi-port NodePort with a named target port', kind: 'Service', namespace: 'svc-misc', names: ['web'], resource: 'svc' });

  add(service(now, { name: 'ext', namespace: 'svc-misc', selector: { app: 'ext' }, clusterIP: '10.102.45.167', externalIPs: ['192.168.56.10', '192.168.56.11'], ports: [{ port: 80 }] }));
  add(endpointSlice(now, { service: 'ext', namespace: 'svc-misc', endpoints: [{ ip: '10.244.1.5' }], ports: [{ port: 80 }] }));
  scenario({ title: 'ClusterIP with externalIPs', kind: 'Service', namespace: 'svc-misc', names: ['ext'], resource: 'svc' });

  add(service(now, { name: 'manual', namespace: 'svc-misc', clusterIP: '10.100.3.3', ports: [{ port: 3306 }], annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1"}\n', note: 'hand made' } }));
  scenario({ title: 'service without selector (no slices): <none>', kind: 'Service', namespace: 'svc-misc', names: ['manual'], resource: 'svc' });

  add(service(now, { name: 'quirk', namespace: 'svc-misc', selector: { app: 'quirk' }, clusterIP: '10.100.4.4', ports: [{ port: 80 }] }));
  add(
    endpointSlice(now, {
      service: 'quirk',
      namespace: 'svc-misc',
      endpoints: [{ ip: '10.244.1.1' }, { ip: '10.244.1.2' }, { ip: '10.244.1.3' }, { ip: '10.244.1.4', ready: false }],
      ports: [{ port: 80 }],
    }),
  );
  add(endpointSlice(now, { service: 'quirk', namespace: 'svc-misc', suffix: 'b2c3d', endpoints: [{ ip: '10.244.2.1' }, { ip: '10.244.2.2' }], ports: [{ port: 80 }] }));
  scenario({ title: 'endpoints from two slices, in slice order', kind: 'Service', namespace: 'svc-misc', names: ['quirk'], resource: 'svc' });

  add(service(now, { name: 'quirk0', namespace: 'svc-misc', selector: { app: 'quirk0' }, clusterIP: '10.100.4.5', ports: [{ port: 80 }] }));
  add(
    endpointSlice(now, {
      service: 'quirk0',
      namespace: 'svc-misc',
      endpoints: [{ ip: '10.244.1.1' }, { ip: '10.244.1.2' }, { ip: '10.244.1.3' }, { ip: '10.244.1.4', ready: false }],
      ports: [{ port: 80 }],
    }),
  );
  scenario({ title: 'three ready endpoints then a not-ready one: kubectl prints + 0 more...', kind: 'Service', namespace: 'svc-misc', names: ['quirk0'], resource: 'svc' });

  const lb = add(
    service(now, {
      name: 'result',
      namespace: 'svc-lb',
      type: 'LoadBalancer',
      selector: { app: 'result' },
      clusterIP: '10.98.12.201',
      ports: [{ name: 'http', port: 80, nodePort: 31451 }],
      ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }],
    }),
  );
  add(endpointSlice(now, { service: 'result', namespace: 'svc-lb', endpoints: [{ ip: '10.244.1.8' }], ports: [{ name: 'http', port: 80 }] }));
  add(event(now, { involved: lb, reason: 'IPAllocated', message: 'Assigned IP ["172.18.255.200"]', component: 'metallb-controller', firstAgo: 11 * MIN + 30 * SEC }));
  scenario({ title: 'LoadBalancer with ingress and an event', kind: 'Service', namespace: 'svc-lb', names: ['result'], resource: 'svc' });

  add(
    service(now, {
      name: 'elb',
      namespace: 'svc-lb',
      type: 'LoadBalancer',
      selector: { app: 'elb' },
      clusterIP: '10.98.12.203',
      ports: [{ port: 80, nodePort: 31452 }],
      ingress: [{ hostname: 'a1b2c3.elb.amazonaws.com' }, { ip: '203.0.113.7' }],
    }),
  );
  scenario({ title: 'LoadBalancer with a hostname ingress and an IP without ipMode', kind: 'Service', namespace: 'svc-lb', names: ['elb'], resource: 'svc' });


  add(
    service(now, {
      name: 'local',
      namespace: 'svc-lb',
      type: 'LoadBalancer',
      selector: { app: 'local' },
      clusterIP: '10.98.12.202',
      ports: [{ port: 443, nodePort: 32443 }],
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 32222,
      loadBalancerIP: '172.18.255.210',
    }),
  );
  scenario({ title: 'pending LoadBalancer with Local policy and desired IP', kind: 'Service', namespace: 'svc-lb', names: ['local'], resource: 'svc' });

  // ---------------------------------------------------------------- endpoints
  add(
    endpoints(now, {
      name: 'vote',
      namespace: 'instavote',
      labels: { role: 'vote' },
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2024-07-01T10:00:05Z' },
      subsets: [
        {
          addresses: [{ ip: '10.244.1.5', nodeName: 'kind-worker' }, { ip: '10.244.2.7', nodeName: 'kind-worker2' }],
          notReadyAddresses: [{ ip: '10.244.2.9' }],
          ports: [{ port: 80, protocol: 'TCP' }],
        },
        { addresses: [{ ip: '10.244.1.9' }], ports: [{ name: 'metrics', port: 9090, protocol: 'TCP' }, { name: 'http', port: 8080, protocol: 'TCP' }] },
      ],
    }),
  );
  add(endpoints(now, { name: 'db', namespace: 'instavote' }));
  scenario({ title: 'endpoints with subsets, and without', kind: 'Endpoints', namespace: 'instavote', names: ['vote', 'db'], resource: 'endpoints' });

  // ---------------------------------------------------------------- workloads
  const d = add(deployment(now, { name: 'vote', namespace: 'workloads', replicas: 3, ready: 2, containerPort: 80 }));
  const rs = add(replicaSet(now, { name: 'vote-6c8b9d7f5d', namespace: 'workloads', replicas: 3, ready: 2, labels: { app: 'vote' }, hash: '6c8b9d7f5d', owner: d }));
  const oldRs = add(replicaSet(now, { name: 'vote-5b7c6d8f9', namespace: 'workloads', replicas: 0, labels: { app: 'vote' }, hash: '5b7c6d8f9', owner: d, createdAgo: 2 * HOUR }));
  oldRs.spec.template.spec.containers = [container('vote', 'schoolofdevops/vote:v0', { ports: [{ containerPort: 80, protocol: 'TCP' }] })];
  add(event(now, { involved: d, reason: 'ScalingReplicaSet', message: 'Scaled up replica set vote-6c8b9d7f5d from 0 to 3', component: 'deployment-controller', firstAgo: 12 * MIN + 30 * SEC }));
  add(event(now, { involved: d, reason: 'ScalingReplicaSet', message: 'Scaled down replica set vote-5b7c6d8f9 from 1 to 0', component: 'deployment-controller', firstAgo: 11 * MIN + 30 * SEC }));
  const owner = { kind: 'ReplicaSet', name: rs.metadata.name!, uid: rs.metadata.uid! };
  const rsPods: Pod[] = [
    pod(now, { name: 'vote-6c8b9d7f5d-7lq9m', namespace: 'workloads', labels: { app: 'vote', 'pod-template-hash': '6c8b9d7f5d' }, node: 'kind-worker', podIP: '10.244.1.5', owner, containerPort: 80 }),
    pod(now, { name: 'vote-6c8b9d7f5d-m2x4p', namespace: 'workloads', labels: { app: 'vote', 'pod-template-hash': '6c8b9d7f5d' }, node: 'kind-worker2', podIP: '10.244.2.7', owner, containerPort: 80 }),
    pod(now, { name: 'vote-6c8b9d7f5d-q8w7e', namespace: 'workloads', labels: { app: 'vote', 'pod-template-hash': '6c8b9d7f5d' }, state: 'Pending', owner, containerPort: 80 }),
    // Matches the selector but belongs to nobody: not counted.
    pod(now, { name: 'vote-standalone', namespace: 'workloads', labels: { app: 'vote', 'pod-template-hash': '6c8b9d7f5d' }, node: 'kind-worker', podIP: '10.244.1.77' }),
  ];
  rsPods.forEach(add);
  add(event(now, { involved: rs, reason: 'SuccessfulCreate', message: 'Created pod: vote-6c8b9d7f5d-7lq9m', component: 'replicaset-controller', firstAgo: 12 * MIN + 30 * SEC }));
  scenario({ title: 'deployment with a new and an old replica set', kind: 'Deployment', namespace: 'workloads', names: ['vote'], resource: 'deploy' });
  scenario({ title: 'replicaset with its pods', kind: 'ReplicaSet', namespace: 'workloads', names: ['vote-6c8b9d7f5d'], resource: 'rs' });

  const bare = add(replicaSet(now, { name: 'vote', namespace: 'instavote', replicas: 4, ready: 4, labels: { app: 'python', role: 'vote', version: 'v1' }, containerName: 'app', containerPort: 80 }));
  bare.metadata.annotations = { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1","kind":"ReplicaSet"}\n' };
  scenario({ title: 'replicaset without owner (lab K104)', kind: 'ReplicaSet', namespace: 'instavote', names: ['vote'], resource: 'rs' });

  // ---------------------------------------------------------------- pods
  const running = add(
    pod(now, { name: 'vote-6c8b9d7f5d-7lq9m', namespace: 'pods', labels: { app: 'vote', 'pod-template-hash': '6c8b9d7f5d' }, node: 'kind-worker', podIP: '10.244.1.5', owner: { kind: 'ReplicaSet', name: 'vote-6c8b9d7f5d', uid: 'rs-uid' }, containerPort: 80, startTime: '2024-07-01T10:00:00Z', containerStartedAt: '2024-07-01T10:00:04Z' }),
  );
  add(event(now, { involved: running, reason: 'Scheduled', message: 'Successfully assigned pods/vote-6c8b9d7f5d-7lq9m to kind-worker', component: 'default-scheduler', firstAgo: 12 * MIN + 30 * SEC }));
  add(event(now, { involved: running, reason: 'Pulled', message: 'Container image "schoolofdevops/vote:v1" already present on machine', component: 'kubelet', host: 'kind-worker', firstAgo: 12 * MIN + 29 * SEC, fieldPath: 'spec.containers{vote}' }));
  add(event(now, { involved: running, reason: 'Created', message: 'Created container: vote', component: 'kubelet', host: 'kind-worker', firstAgo: 12 * MIN + 29 * SEC, fieldPath: 'spec.containers{vote}' }));
  add(event(now, { involved: running, reason: 'Started', message: 'Started container vote', component: 'kubelet', host: 'kind-worker', firstAgo: 12 * MIN + 28 * SEC, fieldPath: 'spec.containers{vote}' }));
  scenario({ title: 'running pod controlled by a replicaset, with events', kind: 'Pod', namespace: 'pods', names: ['vote-6c8b9d7f5d-7lq9m'], resource: 'pod' });

  add(pod(now, { name: 'vote-pending', namespace: 'pods', labels: { app: 'vote' }, state: 'Pending', containerPort: 80 }));
  scenario({ title: 'unschedulable pod', kind: 'Pod', namespace: 'pods', names: ['vote-pending'], resource: 'pod' });

  add(pod(now, { name: 'result-creating', namespace: 'pods', node: 'kind-worker2', hostIP: '172.18.0.4', state: 'ContainerCreating', image: 'schoolofdevops/vote-result' }));
  scenario({ title: 'pod in ContainerCreating', kind: 'Pod', namespace: 'pods', names: ['result-creating'], resource: 'pod' });

  const crash = add(pod(now, { name: 'worker-86b9c7d4f-zz9x8', namespace: 'pods', node: 'kind-worker', podIP: '10.244.1.30', state: 'CrashLoopBackOff', image: 'schoolofdevops/worker:latest', restarts: 5, lastRestartAgo: 41 * MIN }));
  add(
    event(now, {
      involved: crash,
      reason: 'BackOff',
      message: `Back-off restarting failed container worker in pod worker-86b9c7d4f-zz9x8_pods(${crash.metadata.uid})`,
      type: 'Warning',
      component: 'kubelet',
      host: 'kind-worker',
      firstAgo: 50 * MIN,
      lastAgo: 20 * MIN,
      count: 12,
      fieldPath: 'spec.containers{worker}',
    }),
  );
  scenario({ title: 'pod in CrashLoopBackOff with a repeated event', kind: 'Pod', namespace: 'pods', names: ['worker-86b9c7d4f-zz9x8'], resource: 'pod' });

  const rich = add(
    pod(now, {
      name: 'rich',
      namespace: 'pods',
      node: 'kind-worker',
      podIP: '10.244.1.9',
      annotations: { 'a.example.com/long': 'x'.repeat(150), multi: 'line1\nline2\n' },
      containers: [
        container('app', 'schoolofdevops/vote:v1', {
          // envFrom and subPath are not in the shared Container type yet.
          command: ['gunicorn'],
          args: ['app:app', '-b', '0.0.0.0:80', '--log-file', '-\n--access-logfile -'],
          ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }, { containerPort: 9090, protocol: 'UDP', hostPort: 9090 }],
          env: [
            { name: 'REDIS', value: 'redis' },
            { name: 'MULTI', value: 'l1\nl2' },
            { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
            { name: 'POD_NS', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
            { name: 'POD_UID', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.uid' } } },
            { name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
            { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '0' } } },
            { name: 'MEM_REQ', valueFrom: { resourceFieldRef: { resource: 'requests.memory', divisor: '1Mi' } } },
            { name: 'CPU_REQ_M', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1m' } } },
            { name: 'PASS', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
            { name: 'CFG', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'mode', optional: true } } },
          ],
          envFrom: [{ configMapRef: { name: 'app-env' } }, { prefix: 'DB_', secretRef: { name: 'db', optional: true } }],
          resources: { limits: { cpu: '1', memory: '512Mi' }, requests: { cpu: '250m', memory: '0.25Gi' } },
          livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          readinessProbe: { tcpSocket: { port: 'http' }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 },
          volumeMounts: [
            { name: 'kube-api-access-7xk2p', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
            { name: 'cfg', mountPath: '/etc/app', subPath: 'app.conf' },
            { name: 'data', mountPath: '/data' },
          ],
        } as Partial<Container>),
      ],
    }),
  );
  rich.spec.nodeSelector = { disktype: 'ssd', zone: 'a' };
  rich.spec.initContainers = [container('init-db', 'busybox:1.28', { command: ['sh', '-c', 'until nslookup db; do sleep 2; done'] })];
  rich.spec.volumes = [
    ...(rich.spec.volumes ?? []),
    { name: 'cfg', configMap: { name: 'app-cfg', defaultMode: 420, optional: true } },
    { name: 'data', emptyDir: { sizeLimit: '1Gi' } },
    { name: 'logs', hostPath: { path: '/var/log', type: 'Directory' } },
    { name: 'secret', secret: { secretName: 'db', defaultMode: 420 } },
    { name: 'claim', persistentVolumeClaim: { claimName: 'data-claim' } },
    { name: 'info', downwardAPI: { defaultMode: 420, items: [{ path: 'labels', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } }] } },
  ];
  rich.spec.tolerations = [...(rich.spec.tolerations ?? []), { key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }, { operator: 'Exists' }];
  rich.status!.qosClass = undefined;
  (rich.status as PodStatusView).initContainerStatuses = [
    {
      name: 'init-db',
      state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2024-07-01T10:00:01Z', finishedAt: '2024-07-01T10:00:02Z', containerID: 'containerd://1d2c' } },
      lastState: {},
      ready: true,
      restartCount: 0,
      image: 'docker.io/library/busybox:1.28',
      imageID: 'docker.io/library/busybox@sha256:141c253bc4c3fd0a201d32dc1f493bcf3fff003b6df416dea4f41046e0f37d47',
      containerID: 'containerd://1d2c',
      started: false,
    },
  ];
  scenario({ title: 'pod with init container, env, probes, resources and volumes', kind: 'Pod', namespace: 'pods', names: ['rich'], resource: 'pod' });

  add(
    pod(now, {
      name: 'leaving',
      namespace: 'pods',
      node: 'kind-worker',
      podIP: '10.244.1.40',
      labels: { app: 'leaving' },
      deletionTimestamp: ago(now, 40 * SEC),
      owner: { kind: 'ReplicaSet', name: 'leaving-7d9f', uid: 'rs-leaving' },
    }),
  );
  scenario({ title: 'terminating pod past its grace period', kind: 'Pod', namespace: 'pods', names: ['leaving'], resource: 'pod' });

  const gated = add(pod(now, { name: 'gated', namespace: 'pods', node: 'kind-control-plane', hostIP: '172.18.0.2', podIP: '10.244.0.9', labels: { app: 'gated' } }));
  const gatedSpec = gated.spec as Pod['spec'] & Record<string, unknown>;
  gatedSpec.readinessGates = [{ conditionType: 'example.com/lb-ready' }, { conditionType: 'example.com/other' }];
  gatedSpec.priorityClassName = 'high';
  gatedSpec.priority = 1000;
  gatedSpec.topologySpreadConstraints = [
    { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'gated' } } },
    { maxSkew: 2, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway' },
  ];
  (gated.status!.conditions as unknown[]).push({ type: 'example.com/lb-ready', status: 'True', lastProbeTime: null, lastTransitionTime: ago(now, MIN) });
  // New-style events (events.k8s.io): eventTime instead of first/last timestamps, no source, maybe a series.
  const newStyle = (name: string, reason: string, message: string, component: string, eventAgo: number, series?: { count: number; lastAgo: number }) =>
    add({
      ...event(now, { involved: gated, reason, message, component, firstAgo: eventAgo, name }),
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      count: 0,
      eventTime: new Date(now - eventAgo).toISOString().replace('Z', '000Z'),
      reportingComponent: component,
      ...(series ? { series: { count: series.count, lastObservedTime: new Date(now - series.lastAgo).toISOString().replace('Z', '000Z') } } : {}),
    } as unknown as KubeObject);
  newStyle('gated.1', 'Scheduled', 'Successfully assigned pods/gated to kind-control-plane', 'default-scheduler', 20 * MIN + 500);
  newStyle('gated.2', 'Probe', 'Readiness gate example.com/other not set', 'custom-controller', 19 * MIN + 500, { count: 7, lastAgo: 14 * MIN + 500 });
  scenario({ title: 'pod with readiness gates, priority class, topology spread and new-style events', kind: 'Pod', namespace: 'pods', names: ['gated'], resource: 'pod' });

  scenario({ title: 'completed pod', kind: 'Pod', namespace: 'pods', names: ['done'], resource: 'pod' });

  // ---------------------------------------------------------------- nodes
  const worker = add(node(now, { name: 'kind-worker', ip: '172.18.0.3' }));
  worker.status.capacity = { ...worker.status.capacity, 'example.com/gpu': '2' };
  worker.status.allocatable = { ...worker.status.allocatable, 'example.com/gpu': '2', cpu: '7800m', memory: '15Gi' };
  add(node(now, { name: 'kind-control-plane', ip: '172.18.0.2', controlPlane: true, podCIDR: '10.244.0.0/24' }));
  add({
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: 'kind-worker', namespace: 'kube-node-lease', uid: 'lease-1', creationTimestamp: worker.metadata.creationTimestamp, ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'kind-worker', uid: worker.metadata.uid! }] },
    spec: { holderIdentity: 'kind-worker', leaseDurationSeconds: 40, renewTime: new Date(now - 4 * SEC).toISOString().replace('Z', '000Z').replace(/\.(\d{3})000Z$/, '.$1000Z') },
  });
  const kindnet = add(
    pod(now, {
      name: 'kindnet-5wlcx',
      namespace: 'kube-system',
      node: 'kind-worker',
      podIP: '172.18.0.3',
      createdAgo: 3 * DAY + HOUR,
      containers: [container('kindnet-cni', 'docker.io/kindest/kindnetd:v20240813-c6f155d6', { resources: { limits: { cpu: '100m', memory: '50Mi' }, requests: { cpu: '100m', memory: '50Mi' } } })],
    }),
  );
  kindnet.status!.qosClass = 'Guaranteed';
  add(
    pod(now, {
      name: 'coredns-76f75df574-8xw2l',
      namespace: 'kube-system',
      node: 'kind-worker',
      podIP: '10.244.1.2',
      createdAgo: 3 * DAY + HOUR,
      containers: [container('coredns', 'registry.k8s.io/coredns/coredns:v1.11.3', { resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } } })],
    }),
  );
  add(pod(now, { name: 'done', namespace: 'pods', node: 'kind-worker', podIP: '10.244.1.50', state: 'Completed' }));
  // Odd quantities: canonical forms, and sums that mix formats (the first addend's format wins).
  add(
    pod(now, {
      name: 'quantities',
      namespace: 'pods',
      node: 'kind-worker',
      podIP: '10.244.1.60',
      containers: [
        container('a', 'busybox:1.28', { resources: { requests: { cpu: '0.5', memory: '129e6', 'ephemeral-storage': '1Gi' }, limits: { cpu: '1500m', memory: '1G', 'ephemeral-storage': '2Gi' } } }),
        container('b', 'busybox:1.28', { resources: { requests: { cpu: '1000m', memory: '100Mi' }, limits: { cpu: '2', memory: '0.5Gi' } } }),
        container('c', 'busybox:1.28', { resources: { requests: { cpu: '10m', memory: '1.5Ki', 'example.com/gpu': '1' }, limits: { 'example.com/gpu': '1' } } }),
      ],
    }),
  );
  scenario({ title: 'pod with odd resource quantities', kind: 'Pod', namespace: 'pods', names: ['quantities'], resource: 'pod' });
  add(event(now, { involved: worker, reason: 'NodeReady', message: 'Node kind-worker status is now: NodeReady', component: 'kubelet', host: 'kind-worker', firstAgo: 3 * DAY + HOUR }));
  add(event(now, { involved: worker, reason: 'RegisteredNode', message: 'Node kind-worker event: Registered Node kind-worker in Controller', component: 'node-controller', firstAgo: 3 * DAY + 2 * HOUR }));
  scenario({ title: 'worker node with pods, lease and events', kind: 'Node', names: ['kind-worker'], resource: 'node' });

  const cp = objects.find((o) => o.kind === 'Node' && o.metadata.name === 'kind-control-plane')!;
  add({
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: 'kind-control-plane', namespace: 'kube-node-lease', uid: 'lease-2', creationTimestamp: cp.metadata.creationTimestamp },
    spec: { holderIdentity: 'kind-control-plane', leaseDurationSeconds: 40, acquireTime: cp.metadata.creationTimestamp!.replace('Z', '.000000Z'), renewTime: ago(now, 7 * SEC).replace('Z', '.123456Z') },
  });
  scenario({ title: 'control-plane node with a taint, roles and an acquired lease', kind: 'Node', names: ['kind-control-plane'], resource: 'node' });

  // ---------------------------------------------------------------- namespace
  scenario({ title: 'namespace', kind: 'Namespace', names: ['instavote'], resource: 'namespace' });

  // ---------------------------------------------------------------- endpointslice
  scenario({ title: 'endpointslice', kind: 'EndpointSlice', namespace: 'instavote', names: ['vote-x7k2p', 'redis-x7k2p'], resource: 'endpointslice' });

  return { objects, scenarios };
}
