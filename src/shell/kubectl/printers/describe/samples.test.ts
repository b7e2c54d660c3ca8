// The describe samples of the reference (sections 9 to 12 and the lab's
// `describe svc vote`), rebuilt from objects and compared byte for byte,
// trailing spaces included. Adapted to kubectl v1.32 where the reference shows
// a newer release: the projected volume prints `ConfigMapOptional:  <nil>`.

import { describe as suite, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../../../../sim/api/types';
import { MIN, SEC, endpointSlice, endpoints, event, lookupOf, pod, service } from '../testing/fixtures';
import { describe, joinDescriptions } from './index';

const now = Date.parse('2024-07-01T10:12:30Z');
const lines = (...l: string[]) => l.join('\n') + '\n';

function describeIn(objects: KubeObject[], kind: string, namespace: string | undefined, name: string): string {
  const lookup = lookupOf(objects);
  const obj = lookup.get(kind, namespace, name);
  if (!obj) throw new Error(`no ${kind} ${name}`);
  return describe(kind, obj, lookup, now);
}

suite('describe service (section 9)', () => {
  it('NodePort service', () => {
    const svc = service(now, { name: 'vote', namespace: 'instavote', type: 'NodePort', labels: { app: 'vote' }, selector: { app: 'vote' }, clusterIP: '10.102.45.167', ports: [{ port: 80, nodePort: 30000 }] });
    const slice = endpointSlice(now, { service: 'vote', namespace: 'instavote', endpoints: [{ ip: '10.244.1.5' }, { ip: '10.244.2.7' }], ports: [{ port: 80 }] });
    expect(describeIn([svc, slice], 'Service', 'instavote', 'vote')).toBe(
      lines(
        'Name:                     vote',
        'Namespace:                instavote',
        'Labels:                   app=vote',
        'Annotations:              <none>',
        'Selector:                 app=vote',
        'Type:                     NodePort',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.102.45.167',
        'IPs:                      10.102.45.167',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               80/TCP',
        'NodePort:                 <unset>  30000/TCP',
        'Endpoints:                10.244.1.5:80,10.244.2.7:80',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ),
    );
  });

  it('ClusterIP, named port, two labels', () => {
    const svc = service(now, { name: 'redis', namespace: 'instavote', labels: { app: 'redis', tier: 'backend' }, selector: { app: 'redis' }, clusterIP: '10.104.128.34', ports: [{ name: 'redis', port: 6379 }] });
    const slice = endpointSlice(now, { service: 'redis', namespace: 'instavote', endpoints: [{ ip: '10.244.2.9' }], ports: [{ name: 'redis', port: 6379 }] });
    expect(describeIn([svc, slice], 'Service', 'instavote', 'redis')).toBe(
      lines(
        'Name:                     redis',
        'Namespace:                instavote',
        'Labels:                   app=redis',
        '                          tier=backend',
        'Annotations:              <none>',
        'Selector:                 app=redis',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.104.128.34',
        'IPs:                      10.104.128.34',
        'Port:                     redis  6379/TCP',
        'TargetPort:               6379/TCP',
        'Endpoints:                10.244.2.9:6379',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ),
    );
  });

  it('selector matches no ready pods: the Endpoints line ends with 16 spaces', () => {
    const svc = service(now, { name: 'result', namespace: 'instavote', selector: { app: 'result' }, clusterIP: '10.98.12.201', ports: [{ port: 80, targetPort: 8080 }] });
    const placeholder = endpointSlice(now, { service: 'result', namespace: 'instavote', endpoints: [], ports: null });
    const text = describeIn([svc, placeholder], 'Service', 'instavote', 'result');
    expect(text).toBe(
      lines(
        'Name:                     result',
        'Namespace:                instavote',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app=result',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.98.12.201',
        'IPs:                      10.98.12.201',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               8080/TCP',
        `Endpoints:${' '.repeat(16)}`,
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ),
    );
  });

  it('two named ports, NodePort, named target port', () => {
    const svc = service(now, {
      name: 'web',
      selector: { app: 'web' },
      type: 'NodePort',
      clusterIP: '10.110.7.42',
      ports: [
        { name: 'http', port: 80, targetPort: 8080, nodePort: 30080 },
        { name: 'metrics', port: 9090, targetPort: 'metrics', nodePort: 31999 },
      ],
    });
    const slice = endpointSlice(now, {
      service: 'web',
      endpoints: [{ ip: '10.244.1.5' }, { ip: '10.244.2.7' }],
      ports: [
        { name: 'http', port: 8080 },
        { name: 'metrics', port: 9090 },
      ],
    });
    expect(describeIn([svc, slice], 'Service', 'default', 'web')).toBe(
      lines(
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     NodePort',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.110.7.42',
        'IPs:                      10.110.7.42',
        'Port:                     http  80/TCP',
        'TargetPort:               8080/TCP',
        'NodePort:                 http  30080/TCP',
        'Endpoints:                10.244.1.5:8080,10.244.2.7:8080',
        'Port:                     metrics  9090/TCP',
        'TargetPort:               metrics/TCP',
        'NodePort:                 metrics  31999/TCP',
        'Endpoints:                10.244.1.5:9090,10.244.2.7:9090',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ),
    );
  });

  it('LoadBalancer with ingress and one event', () => {
    const svc = service(now, {
      name: 'result',
      namespace: 'instavote',
      type: 'LoadBalancer',
      selector: { app: 'result' },
      clusterIP: '10.98.12.201',
      ports: [{ name: 'http', port: 80, nodePort: 31451 }],
      ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }],
    });
    const slice = endpointSlice(now, { service: 'result', namespace: 'instavote', endpoints: [{ ip: '10.244.1.8' }], ports: [{ name: 'http', port: 80 }] });
    const ev = event(now, { involved: svc, reason: 'IPAllocated', message: 'Assigned IP ["172.18.255.200"]', component: 'metallb-controller', firstAgo: 20 * SEC });
    expect(describeIn([svc, slice, ev], 'Service', 'instavote', 'result')).toBe(
      lines(
        'Name:                     result',
        'Namespace:                instavote',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app=result',
        'Type:                     LoadBalancer',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.98.12.201',
        'IPs:                      10.98.12.201',
        'LoadBalancer Ingress:     172.18.255.200 (VIP)',
        'Port:                     http  80/TCP',
        'TargetPort:               80/TCP',
        'NodePort:                 http  31451/TCP',
        'Endpoints:                10.244.1.8:80',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Internal Traffic Policy:  Cluster',
        'Events:',
        '  Type    Reason       Age   From                Message',
        '  ----    ------       ----  ----                -------',
        '  Normal  IPAllocated  20s   metallb-controller  Assigned IP ["172.18.255.200"]',
      ),
    );
  });

  it('LoadBalancer with Local policy and a desired IP: HealthCheck NodePort last, Desired IP before the ingress', () => {
    const svc = service(now, {
      name: 'lb',
      selector: { app: 'lb' },
      type: 'LoadBalancer',
      clusterIP: '10.98.1.1',
      ports: [{ port: 80, nodePort: 31000 }],
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 32222,
      loadBalancerIP: '172.18.255.210',
      ingress: [{ ip: '172.18.255.210', ipMode: 'VIP' }],
    });
    const text = describeIn([svc], 'Service', 'default', 'lb');
    expect(text).toContain('IPs:                      10.98.1.1\nDesired LoadBalancer IP:  172.18.255.210\nLoadBalancer Ingress:     172.18.255.210 (VIP)\nPort:');
    expect(text).toContain('Endpoints:                <none>\n');
    expect(text).toContain('External Traffic Policy:  Local\nInternal Traffic Policy:  Cluster\nHealthCheck NodePort:     32222\nEvents:                   <none>\n');
  });

  it('ClusterIP with externalIPs gets External IPs and External Traffic Policy', () => {
    const svc = service(now, { name: 'vote', namespace: 'instavote', selector: { app: 'vote' }, clusterIP: '10.102.45.167', externalIPs: ['192.168.56.10', '192.168.56.11'], ports: [{ port: 80 }] });
    const slice = endpointSlice(now, { service: 'vote', namespace: 'instavote', endpoints: [{ ip: '10.244.1.5' }], ports: [{ port: 80 }] });
    expect(describeIn([svc, slice], 'Service', 'instavote', 'vote')).toBe(
      lines(
        'Name:                     vote',
        'Namespace:                instavote',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app=vote',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.102.45.167',
        'IPs:                      10.102.45.167',
        'External IPs:             192.168.56.10,192.168.56.11',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               80/TCP',
        'Endpoints:                10.244.1.5:80',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ),
    );
  });

  it('ExternalName without ports: the IP line ends with 16 spaces', () => {
    const svc = service(now, { name: 'extdb', namespace: 'instavote', type: 'ExternalName', externalName: 'db.example.com' });
    expect(describeIn([svc], 'Service', 'instavote', 'extdb')).toBe(
      lines(
        'Name:              extdb',
        'Namespace:         instavote',
        'Labels:            <none>',
        'Annotations:       <none>',
        'Selector:          <none>',
        'Type:              ExternalName',
        'IP Families:       <none>',
        `IP:${' '.repeat(16)}`,
        'IPs:               <none>',
        'External Name:     db.example.com',
        'Session Affinity:  None',
        'Events:            <none>',
      ),
    );
  });

  it('headless with a selector', () => {
    const svc = service(now, { name: 'db', namespace: 'instavote', selector: { app: 'db' }, clusterIP: 'None', ports: [{ port: 5432 }] });
    const slice = endpointSlice(now, { service: 'db', namespace: 'instavote', endpoints: [{ ip: '10.244.1.12' }], ports: [{ port: 5432 }] });
    expect(describeIn([svc, slice], 'Service', 'instavote', 'db')).toBe(
      lines(
        'Name:                     db',
        'Namespace:                instavote',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app=db',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       None',
        'IPs:                      None',
        'Port:                     <unset>  5432/TCP',
        'TargetPort:               5432/TCP',
        'Endpoints:                10.244.1.12:5432',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ),
    );
  });

  it("the lab's describe svc vote: four ready pods, slice order, + 1 more...", () => {
    const svc = service(now, { name: 'vote', namespace: 'instavote', type: 'NodePort', labels: { role: 'vote' }, selector: { role: 'vote' }, clusterIP: '10.108.108.157', ports: [{ port: 80, nodePort: 30000 }] });
    const slice = endpointSlice(now, {
      service: 'vote',
      namespace: 'instavote',
      endpoints: ['10.244.1.5', '10.244.2.3', '10.244.1.6', '10.244.2.4'].map((ip) => ({ ip })),
      ports: [{ port: 80 }],
    });
    expect(describeIn([svc, slice], 'Service', 'instavote', 'vote')).toContain('Endpoints:                10.244.1.5:80,10.244.2.3:80,10.244.1.6:80 + 1 more...\n');
  });

  it('hides the last-applied annotation and counts only the selected slices', () => {
    const svc = service(now, { name: 'a', selector: { app: 'a' }, clusterIP: '10.96.9.9', ports: [{ port: 80 }], annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } });
    const other = endpointSlice(now, { service: 'b', endpoints: [{ ip: '10.244.9.9' }], ports: [{ port: 80 }] });
    const text = describeIn([svc, other], 'Service', 'default', 'a');
    expect(text).toContain('Annotations:              <none>\n');
    expect(text).toContain('Endpoints:                <none>\n');
  });
});

suite('describe endpoints (section 10)', () => {
  it('with one subset: a blank line follows it', () => {
    const ep = endpoints(now, {
      name: 'vote',
      namespace: 'instavote',
      labels: { app: 'vote', 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' },
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2024-07-01T10:00:05Z' },
      subsets: [{ addresses: [{ ip: '10.244.1.5' }, { ip: '10.244.2.7' }], ports: [{ port: 80, protocol: 'TCP' }] }],
    });
    expect(describeIn([ep], 'Endpoints', 'instavote', 'vote')).toBe(
      lines(
        'Name:         vote',
        'Namespace:    instavote',
        'Labels:       app=vote',
        '              endpoints.kubernetes.io/managed-by=endpoint-controller',
        'Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2024-07-01T10:00:05Z',
        'Subsets:',
        '  Addresses:          10.244.1.5,10.244.2.7',
        '  NotReadyAddresses:  <none>',
        '  Ports:',
        '    Name     Port  Protocol',
        '    ----     ----  --------',
        '    <unset>  80    TCP',
        '',
        'Events:  <none>',
      ),
    );
  });

  it('without subsets', () => {
    const ep = endpoints(now, { name: 'db', namespace: 'instavote' });
    expect(describeIn([ep], 'Endpoints', 'instavote', 'db')).toBe(lines('Name:         db', 'Namespace:    instavote', 'Labels:       <none>', 'Annotations:  <none>', 'Subsets:', 'Events:  <none>'));
  });
});

function samplePod(): { pod: Pod; events: KubeObject[] } {
  const p = pod(now, {
    name: 'vote-6c8b9d7f5d-7lq9m',
    namespace: 'instavote',
    labels: { app: 'vote', 'pod-template-hash': '6c8b9d7f5d' },
    node: 'kind-worker',
    hostIP: '172.18.0.3',
    podIP: '10.244.1.5',
    owner: { kind: 'ReplicaSet', name: 'vote-6c8b9d7f5d', uid: 'rs-uid' },
    containerPort: 80,
    startTime: '2024-07-01T10:00:00Z',
    containerStartedAt: '2024-07-01T10:00:04Z',
  });
  p.status!.containerStatuses![0].containerID = 'containerd://3f1c0e6d2b...';
  p.status!.containerStatuses![0].imageID = 'docker.io/schoolofdevops/vote@sha256:9d1b...';
  const at = 12 * MIN + 20 * SEC;
  const events = [
    event(now, { involved: p, reason: 'Scheduled', message: 'Successfully assigned instavote/vote-6c8b9d7f5d-7lq9m to kind-worker', component: 'default-scheduler', firstAgo: at + 3 * SEC }),
    event(now, { involved: p, reason: 'Pulled', message: 'Container image "schoolofdevops/vote:v1" already present on machine', component: 'kubelet', host: 'kind-worker', firstAgo: at + 2 * SEC, fieldPath: 'spec.containers{vote}' }),
    event(now, { involved: p, reason: 'Created', message: 'Created container: vote', component: 'kubelet', host: 'kind-worker', firstAgo: at + SEC, fieldPath: 'spec.containers{vote}' }),
    event(now, { involved: p, reason: 'Started', message: 'Started container vote', component: 'kubelet', host: 'kind-worker', firstAgo: at, fieldPath: 'spec.containers{vote}' }),
  ];
  return { pod: p, events };
}

suite('describe pod (section 11)', () => {
  it('the running pod sample (v1.32: ConfigMapOptional <nil>), condition rows ending in one space', () => {
    const { pod: p, events } = samplePod();
    expect(describeIn([p, ...events], 'Pod', 'instavote', p.metadata.name!)).toBe(
      lines(
        'Name:             vote-6c8b9d7f5d-7lq9m',
        'Namespace:        instavote',
        'Priority:         0',
        'Service Account:  default',
        'Node:             kind-worker/172.18.0.3',
        'Start Time:       Mon, 01 Jul 2024 10:00:00 +0000',
        'Labels:           app=vote',
        '                  pod-template-hash=6c8b9d7f5d',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.5',
        'IPs:',
        '  IP:           10.244.1.5',
        'Controlled By:  ReplicaSet/vote-6c8b9d7f5d',
        'Containers:',
        '  vote:',
        '    Container ID:   containerd://3f1c0e6d2b...',
        '    Image:          schoolofdevops/vote:v1',
        '    Image ID:       docker.io/schoolofdevops/vote@sha256:9d1b...',
        '    Port:           80/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Mon, 01 Jul 2024 10:00:04 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:',
        '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-7xk2p (ro)',
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:',
        '  kube-api-access-7xk2p:',
        '    Type:                    Projected (a volume that contains injected data from multiple sources)',
        '    TokenExpirationSeconds:  3607',
        '    ConfigMapName:           kube-root-ca.crt',
        '    ConfigMapOptional:       <nil>',
        '    DownwardAPI:             true',
        'QoS Class:                   BestEffort',
        'Node-Selectors:              <none>',
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type    Reason     Age   From               Message',
        '  ----    ------     ----  ----               -------',
        '  Normal  Scheduled  12m   default-scheduler  Successfully assigned instavote/vote-6c8b9d7f5d-7lq9m to kind-worker',
        '  Normal  Pulled     12m   kubelet            Container image "schoolofdevops/vote:v1" already present on machine',
        '  Normal  Created    12m   kubelet            Created container: vote',
        '  Normal  Started    12m   kubelet            Started container vote',
      ),
    );
  });

  it('an unscheduled pod: Node <none>, no Start Time, empty IP with trailing spaces, IPs <none>, no container status lines', () => {
    const p = pod(now, { name: 'vote-pending', namespace: 'instavote', state: 'Pending', containerPort: 80 });
    const text = describeIn([p], 'Pod', 'instavote', 'vote-pending');
    expect(text).toContain('Node:             <none>\nLabels:');
    expect(text).toContain(`Status:           Pending\nIP:${' '.repeat(15)}\nIPs:              <none>\nContainers:\n  vote:\n    Image:        schoolofdevops/vote:v1\n    Port:         80/TCP\n    Host Port:    0/TCP\n    Environment:  <none>\n    Mounts:\n`);
    expect(text).toContain('Conditions:\n  Type           Status\n  PodScheduled   False \n');
    expect(text).not.toContain('Start Time');
  });

  it('a pod being deleted shows Terminating with the time since the deletion deadline', () => {
    const p = pod(now, { name: 'leaving', node: 'kind-worker', podIP: '10.244.1.40', deletionTimestamp: '2024-07-01T10:12:25Z' });
    expect(describeIn([p], 'Pod', 'default', 'leaving')).toContain('Status:                    Terminating (lasts 5s)\nTermination Grace Period:  30s\n');
    const early = pod(now, { name: 'early', node: 'kind-worker', podIP: '10.244.1.41', deletionTimestamp: '2024-07-01T10:12:55Z' });
    expect(describeIn([early], 'Pod', 'default', 'early')).toContain('Status:                    Terminating (lasts <invalid>)\n');
  });
});

suite('events table (section 12)', () => {
  it('repeated events show <last> (x<count> over <first>)', () => {
    const p = pod(now, { name: 'worker-86b9c7d4f-zz9x8', namespace: 'instavote', node: 'kind-worker', state: 'CrashLoopBackOff', restarts: 5 });
    const ev = event(now, {
      involved: p,
      reason: 'BackOff',
      message: 'Back-off restarting failed container worker in pod worker-86b9c7d4f-zz9x8_instavote(0b1c...)',
      type: 'Warning',
      component: 'kubelet',
      host: 'kind-worker',
      firstAgo: 5 * MIN,
      lastAgo: 2 * MIN,
      count: 12,
    });
    expect(describeIn([p, ev], 'Pod', 'instavote', p.metadata.name!)).toMatch(
      new RegExp(
        [
          'Events:',
          '  Type     Reason   Age               From     Message',
          '  ----     ------   ----              ----     -------',
          '  Warning  BackOff  2m \\(x12 over 5m\\)  kubelet  Back-off restarting failed container worker in pod worker-86b9c7d4f-zz9x8_instavote\\(0b1c\\.\\.\\.\\)',
          '',
        ].join('\n') + '$',
      ),
    );
  });

  it('orders events by last timestamp and ignores other objects with the same name', () => {
    const p = pod(now, { name: 'p', node: 'n' });
    const other = { ...p, metadata: { ...p.metadata, uid: 'another-uid' } };
    const later = event(now, { involved: p, reason: 'Second', message: 'b', component: 'kubelet', firstAgo: 2 * MIN });
    const earlier = event(now, { involved: p, reason: 'First', message: 'a', component: 'kubelet', firstAgo: 3 * MIN });
    const stale = event(now, { involved: other, reason: 'Old', message: 'x', component: 'kubelet', firstAgo: MIN });
    const text = describeIn([p, later, earlier, stale], 'Pod', 'default', 'p');
    expect(text).toMatch(/Normal  First   3m    kubelet  a\n  Normal  Second  2m    kubelet  b\n$/);
    expect(text).not.toContain('Old');
  });
});

suite('several objects in one describe', () => {
  it('are separated by two blank lines', () => {
    expect(joinDescriptions(['Name:  a\n', 'Name:  b\n'])).toBe('Name:  a\n\n\nName:  b\n');
  });
});
