// The `kubectl get` samples of the reference (sections 6 to 8), rebuilt from
// objects and compared byte for byte. v1.32: no Endpoints deprecation warning.

import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sim/api/types';
import { DAY, MIN, SEC, deployment, endpoints, namespace, node, pod, replicaSet, service } from '../testing/fixtures';
import { createWatchTablePrinter, getTableOutput, printGetTables, printName, printNames, type KindList } from './print';

const now = Date.parse('2024-07-04T10:00:00Z');
const AGE_12M = 12 * MIN + 30 * SEC;

const list = (kind: string, ...items: KubeObject[]): KindList => ({ kind, items });

// ------------------------------------------------------------ objects
const instavotePods = [
  pod(now, { name: 'db-6f7c8b9d4-2xkqz', createdAgo: AGE_12M }),
  pod(now, { name: 'redis-5d9c7b8f6-abcde', createdAgo: AGE_12M }),
  pod(now, { name: 'result-7c9d8f6b5-q8w7e', state: 'ContainerCreating', node: 'kind-worker', createdAgo: 5 * SEC }),
  pod(now, { name: 'vote-6c8b9d7f5d-7lq9m', restarts: 2, lastRestartAgo: 3 * MIN + 10 * SEC, createdAgo: AGE_12M }),
  pod(now, { name: 'worker-86b9c7d4f-zz9x8', state: 'CrashLoopBackOff', restarts: 5, lastRestartAgo: 41 * SEC, createdAgo: 4 * MIN + 2 * SEC }),
];

const votePod = pod(now, {
  name: 'vote-6c8b9d7f5d-7lq9m',
  namespace: 'instavote',
  node: 'kind-worker',
  podIP: '10.244.1.5',
  labels: { app: 'vote', 'pod-template-hash': '6c8b9d7f5d' },
  createdAgo: AGE_12M,
});
const pendingPod = pod(now, { name: 'vote-6c8b9d7f5d-m2x4p', namespace: 'instavote', state: 'Pending', createdAgo: 3 * SEC });

const kubernetesSvc = service(now, { name: 'kubernetes', clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443 }], labels: { component: 'apiserver', provider: 'kubernetes' }, createdAgo: 3 * DAY });
const voteSvc = service(now, { name: 'vote', type: 'NodePort', selector: { app: 'vote' }, clusterIP: '10.102.45.167', ports: [{ port: 80, nodePort: 30000 }] });
const services = [
  service(now, { name: 'db', selector: { app: 'db' }, clusterIP: 'None', ports: [{ port: 5432 }] }),
  service(now, { name: 'extdb', type: 'ExternalName', externalName: 'db.example.com', ports: [{ port: 5432 }], createdAgo: 90 * SEC }),
  kubernetesSvc,
  service(now, { name: 'redis', selector: { app: 'redis' }, clusterIP: '10.104.128.34', ports: [{ port: 6379 }] }),
  service(now, { name: 'result', type: 'LoadBalancer', selector: { app: 'result' }, clusterIP: '10.98.12.201', ports: [{ port: 80, nodePort: 31451 }] }),
  voteSvc,
];

const voteDeploy = deployment(now, { name: 'vote', replicas: 3, image: 'schoolofdevops/vote:v1' });
const voteRs = replicaSet(now, { name: 'vote-6c8b9d7f5d', replicas: 3, labels: { app: 'vote' }, hash: '6c8b9d7f5d', owner: voteDeploy });

const nodes = [
  node(now, { name: 'kind-control-plane', ip: '172.18.0.2', controlPlane: true, kubeletVersion: 'v1.31.0', createdAgo: 3 * DAY }),
  node(now, { name: 'kind-worker', ip: '172.18.0.3', kubeletVersion: 'v1.31.0', createdAgo: 3 * DAY }),
  node(now, { name: 'kind-worker2', ip: '172.18.0.4', ready: false, unschedulable: true, kubeletVersion: 'v1.31.0', createdAgo: 3 * DAY }),
];

// ------------------------------------------------------------ section 6

describe('kubectl get samples (section 6)', () => {
  it('get pods', () => {
    expect(printGetTables([list('Pod', ...instavotePods)], {}, now)).toBe(
      [
        'NAME                     READY   STATUS              RESTARTS        AGE',
        'db-6f7c8b9d4-2xkqz       1/1     Running             0               12m',
        'redis-5d9c7b8f6-abcde    1/1     Running             0               12m',
        'result-7c9d8f6b5-q8w7e   0/1     ContainerCreating   0               5s',
        'vote-6c8b9d7f5d-7lq9m    1/1     Running             2 (3m10s ago)   12m',
        'worker-86b9c7d4f-zz9x8   0/1     CrashLoopBackOff    5 (41s ago)     4m2s',
        '',
      ].join('\n'),
    );
  });

  it('get pods -o wide', () => {
    expect(printGetTables([list('Pod', votePod, pendingPod)], { wide: true }, now)).toBe(
      [
        'NAME                    READY   STATUS    RESTARTS   AGE   IP           NODE          NOMINATED NODE   READINESS GATES',
        'vote-6c8b9d7f5d-7lq9m   1/1     Running   0          12m   10.244.1.5   kind-worker   <none>           <none>',
        'vote-6c8b9d7f5d-m2x4p   0/1     Pending   0          3s    <none>       <none>        <none>           <none>',
        '',
      ].join('\n'),
    );
  });

  it('get pods -A', () => {
    const coredns = ['coredns-76f75df574-8xw2l', 'coredns-76f75df574-t9rz5'].map((name) => pod(now, { name, namespace: 'kube-system', createdAgo: 3 * DAY }));
    expect(printGetTables([list('Pod', votePod, ...coredns)], { allNamespaces: true }, now)).toBe(
      [
        'NAMESPACE     NAME                       READY   STATUS    RESTARTS   AGE',
        'instavote     vote-6c8b9d7f5d-7lq9m      1/1     Running   0          12m',
        'kube-system   coredns-76f75df574-8xw2l   1/1     Running   0          3d',
        'kube-system   coredns-76f75df574-t9rz5   1/1     Running   0          3d',
        '',
      ].join('\n'),
    );
  });

  it('get pods --show-labels', () => {
    const standalone = pod(now, { name: 'standalone', createdAgo: 90 * SEC });
    expect(printGetTables([list('Pod', standalone, votePod)], { showLabels: true }, now)).toBe(
      [
        'NAME                    READY   STATUS    RESTARTS   AGE   LABELS',
        'standalone              1/1     Running   0          90s   <none>',
        'vote-6c8b9d7f5d-7lq9m   1/1     Running   0          12m   app=vote,pod-template-hash=6c8b9d7f5d',
        '',
      ].join('\n'),
    );
  });

  it('get svc', () => {
    expect(printGetTables([list('Service', ...services)], {}, now)).toBe(
      [
        'NAME         TYPE           CLUSTER-IP      EXTERNAL-IP      PORT(S)        AGE',
        'db           ClusterIP      None            <none>           5432/TCP       12m',
        'extdb        ExternalName   <none>          db.example.com   5432/TCP       90s',
        'kubernetes   ClusterIP      10.96.0.1       <none>           443/TCP        3d',
        'redis        ClusterIP      10.104.128.34   <none>           6379/TCP       12m',
        'result       LoadBalancer   10.98.12.201    <pending>        80:31451/TCP   12m',
        'vote         NodePort       10.102.45.167   <none>           80:30000/TCP   12m',
        '',
      ].join('\n'),
    );
  });

  it('get svc -o wide', () => {
    expect(printGetTables([list('Service', kubernetesSvc, voteSvc)], { wide: true }, now)).toBe(
      [
        'NAME         TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)        AGE   SELECTOR',
        'kubernetes   ClusterIP   10.96.0.1       <none>        443/TCP        3d    <none>',
        'vote         NodePort    10.102.45.167   <none>        80:30000/TCP   12m   app=vote',
        '',
      ].join('\n'),
    );
  });

  it('get svc -n kube-system (kube-dns)', () => {
    const kubeDns = service(now, {
      name: 'kube-dns',
      namespace: 'kube-system',
      selector: { 'k8s-app': 'kube-dns' },
      clusterIP: '10.96.0.10',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'metrics', port: 9153, protocol: 'TCP' },
      ],
      createdAgo: 3 * DAY,
    });
    expect(printGetTables([list('Service', kubeDns)], {}, now)).toBe(
      ['NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE', 'kube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   3d', ''].join('\n'),
    );
  });

  it('get endpoints (v1.32: no deprecation warning)', () => {
    const eps = [
      endpoints(now, { name: 'db' }),
      endpoints(now, { name: 'kubernetes', createdAgo: 3 * DAY, subsets: [{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }] }),
      endpoints(now, { name: 'result', subsets: [{ notReadyAddresses: [{ ip: '10.244.1.8' }, { ip: '10.244.2.8' }], ports: [{ port: 80, protocol: 'TCP' }] }] }),
      endpoints(now, {
        name: 'vote',
        // The endpoints controller stores addresses sorted as strings.
        subsets: [{ addresses: ['10.244.1.10', '10.244.1.5', '10.244.2.7', '10.244.2.8', '10.244.2.9'].map((ip) => ({ ip })), ports: [{ port: 80, protocol: 'TCP' }] }],
      }),
    ];
    const out = getTableOutput([list('Endpoints', ...eps)], { namespace: 'default' }, now);
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe(
      [
        'NAME         ENDPOINTS                                                AGE',
        'db           <none>                                                   12m',
        'kubernetes   172.18.0.2:6443                                          3d',
        'result                                                                12m',
        'vote         10.244.1.10:80,10.244.1.5:80,10.244.2.7:80 + 2 more...   12m',
        '',
      ].join('\n'),
    );
  });

  it('get deployments', () => {
    const redis = deployment(now, { name: 'redis', replicas: 1, image: 'redis:alpine' });
    const vote = deployment(now, { name: 'vote', replicas: 3, ready: 2 });
    expect(printGetTables([list('Deployment', redis, vote)], {}, now)).toBe(
      ['NAME    READY   UP-TO-DATE   AVAILABLE   AGE', 'redis   1/1     1            1           12m', 'vote    2/3     3            2           12m', ''].join('\n'),
    );
  });

  it('get deployments -o wide', () => {
    expect(printGetTables([list('Deployment', voteDeploy)], { wide: true }, now)).toBe(
      [
        'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES                   SELECTOR',
        'vote   3/3     3            3           12m   vote         schoolofdevops/vote:v1   app=vote',
        '',
      ].join('\n'),
    );
  });

  it('get rs', () => {
    expect(printGetTables([list('ReplicaSet', voteRs)], {}, now)).toBe(
      ['NAME              DESIRED   CURRENT   READY   AGE', 'vote-6c8b9d7f5d   3         3         3       12m', ''].join('\n'),
    );
  });

  it('get rs -o wide', () => {
    expect(printGetTables([list('ReplicaSet', voteRs)], { wide: true }, now)).toBe(
      [
        'NAME              DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES                   SELECTOR',
        'vote-6c8b9d7f5d   3         3         3       12m   vote         schoolofdevops/vote:v1   app=vote,pod-template-hash=6c8b9d7f5d',
        '',
      ].join('\n'),
    );
  });

  it('get nodes', () => {
    expect(printGetTables([list('Node', ...nodes)], {}, now)).toBe(
      [
        'NAME                 STATUS                        ROLES           AGE   VERSION',
        'kind-control-plane   Ready                         control-plane   3d    v1.31.0',
        'kind-worker          Ready                         <none>          3d    v1.31.0',
        'kind-worker2         NotReady,SchedulingDisabled   <none>          3d    v1.31.0',
        '',
      ].join('\n'),
    );
  });

  it('get nodes -o wide', () => {
    expect(printGetTables([list('Node', nodes[0], nodes[1])], { wide: true }, now)).toBe(
      [
        'NAME                 STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION     CONTAINER-RUNTIME',
        'kind-control-plane   Ready    control-plane   3d    v1.31.0   172.18.0.2    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-45-generic   containerd://1.7.18',
        'kind-worker          Ready    <none>          3d    v1.31.0   172.18.0.3    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-45-generic   containerd://1.7.18',
        '',
      ].join('\n'),
    );
  });
});

// ------------------------------------------------------------ section 7

describe('several kinds in one command (section 7)', () => {
  const podOfDeploy = pod(now, { name: 'vote-6c8b9d7f5d-7lq9m', createdAgo: AGE_12M });
  const oneRs = replicaSet(now, { name: 'vote-6c8b9d7f5d', replicas: 1, labels: { app: 'vote' }, hash: '6c8b9d7f5d', owner: deployment(now, { name: 'vote', replicas: 1 }) });

  it('get pods,svc: prefixed names, one table per kind, a blank line between', () => {
    expect(printGetTables([list('Pod', podOfDeploy), list('Service', kubernetesSvc, voteSvc)], { withKind: true }, now)).toBe(
      [
        'NAME                        READY   STATUS    RESTARTS   AGE',
        'pod/vote-6c8b9d7f5d-7lq9m   1/1     Running   0          12m',
        '',
        'NAME                 TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)        AGE',
        'service/kubernetes   ClusterIP   10.96.0.1       <none>        443/TCP        3d',
        'service/vote         NodePort    10.102.45.167   <none>        80:30000/TCP   12m',
        '',
      ].join('\n'),
    );
  });

  it('get all', () => {
    const lists = [
      list('Pod', podOfDeploy),
      list('Service', kubernetesSvc, voteSvc),
      list('Deployment', deployment(now, { name: 'vote', replicas: 1 })),
      list('ReplicaSet', oneRs),
    ];
    expect(printGetTables(lists, { withKind: true }, now)).toBe(
      [
        'NAME                        READY   STATUS    RESTARTS   AGE',
        'pod/vote-6c8b9d7f5d-7lq9m   1/1     Running   0          12m',
        '',
        'NAME                 TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)        AGE',
        'service/kubernetes   ClusterIP   10.96.0.1       <none>        443/TCP        3d',
        'service/vote         NodePort    10.102.45.167   <none>        80:30000/TCP   12m',
        '',
        'NAME                   READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/vote   1/1     1            1           12m',
        '',
        'NAME                              DESIRED   CURRENT   READY   AGE',
        'replicaset.apps/vote-6c8b9d7f5d   1         1         1       12m',
        '',
      ].join('\n'),
    );
  });

  it('get all in an otherwise empty namespace: still prefixed, no blank lines for empty kinds', () => {
    const lists = [list('Pod'), list('Service', kubernetesSvc), list('Deployment'), list('ReplicaSet')];
    expect(printGetTables(lists, { withKind: true }, now)).toBe(
      ['NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE', 'service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   3d', ''].join('\n'),
    );
  });

  it('get svc,ep -o wide', () => {
    const ep = endpoints(now, { name: 'vote', subsets: [{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 80, protocol: 'TCP' }] }] });
    expect(printGetTables([list('Service', voteSvc), list('Endpoints', ep)], { withKind: true, wide: true }, now)).toBe(
      [
        'NAME           TYPE       CLUSTER-IP      EXTERNAL-IP   PORT(S)        AGE   SELECTOR',
        'service/vote   NodePort   10.102.45.167   <none>        80:30000/TCP   12m   app=vote',
        '',
        'NAME             ENDPOINTS       AGE',
        'endpoints/vote   10.244.1.5:80   12m',
        '',
      ].join('\n'),
    );
  });

  it('with -A the NAMESPACE column comes before the prefixed name', () => {
    expect(printGetTables([list('Pod', votePod), list('Service', kubernetesSvc)], { withKind: true, allNamespaces: true }, now)).toBe(
      [
        'NAMESPACE   NAME                        READY   STATUS    RESTARTS   AGE',
        'instavote   pod/vote-6c8b9d7f5d-7lq9m   1/1     Running   0          12m',
        '',
        'NAMESPACE   NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE',
        'default     service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   3d',
        '',
      ].join('\n'),
    );
  });

  it('with -A, a cluster-scoped kind after a namespaced one also gets an (empty) NAMESPACE column', () => {
    const worker = nodes[1];
    expect(printGetTables([list('Pod', votePod), list('Node', worker)], { withKind: true, allNamespaces: true }, now)).toBe(
      [
        'NAMESPACE   NAME                        READY   STATUS    RESTARTS   AGE',
        'instavote   pod/vote-6c8b9d7f5d-7lq9m   1/1     Running   0          12m',
        '',
        'NAMESPACE   NAME               STATUS   ROLES    AGE   VERSION',
        '            node/kind-worker   Ready    <none>   3d    v1.31.0',
        '',
      ].join('\n'),
    );
    expect(printGetTables([list('Node', worker), list('Pod', votePod)], { withKind: true, allNamespaces: true }, now)).toBe(
      [
        'NAME               STATUS   ROLES    AGE   VERSION',
        'node/kind-worker   Ready    <none>   3d    v1.31.0',
        '',
        'NAMESPACE   NAME                        READY   STATUS    RESTARTS   AGE',
        'instavote   pod/vote-6c8b9d7f5d-7lq9m   1/1     Running   0          12m',
        '',
      ].join('\n'),
    );
  });

  it('--no-headers drops headers and the blank line between tables', () => {
    expect(printGetTables([list('Pod', podOfDeploy), list('Service', kubernetesSvc)], { withKind: true, noHeaders: true }, now)).toBe(
      ['pod/vote-6c8b9d7f5d-7lq9m   1/1   Running   0     12m', 'service/kubernetes   ClusterIP   10.96.0.1   <none>   443/TCP   3d', ''].join('\n'),
    );
  });

  it('-o name prints kind[.group]/name whatever the number of kinds', () => {
    expect(printNames([podOfDeploy, voteSvc, voteDeploy, voteRs])).toBe('pod/vote-6c8b9d7f5d-7lq9m\nservice/vote\ndeployment.apps/vote\nreplicaset.apps/vote-6c8b9d7f5d\n');
    expect(printNames([])).toBe('');
  });
});

// ------------------------------------------------------------ section 8

describe('nothing to print (section 8)', () => {
  it('namespaced kinds without -A name the requested namespace, even a missing one', () => {
    expect(getTableOutput([list('Pod')], { namespace: 'default' }, now)).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n' });
    expect(getTableOutput([list('Pod')], { namespace: 'nope' }, now)).toEqual({ stdout: '', stderr: 'No resources found in nope namespace.\n' });
  });

  it('-A and cluster-scoped kinds say just "No resources found"', () => {
    expect(getTableOutput([list('Pod')], { namespace: 'default', allNamespaces: true }, now)).toEqual({ stdout: '', stderr: 'No resources found\n' });
    expect(getTableOutput([list('Node')], { namespace: 'default' }, now)).toEqual({ stdout: '', stderr: 'No resources found\n' });
    expect(getTableOutput([list('Pod'), list('Namespace')], { namespace: 'default' }, now)).toEqual({ stdout: '', stderr: 'No resources found\n' });
  });

  it('get all in an empty namespace prints the message once', () => {
    const lists = [list('Pod'), list('Service'), list('Deployment'), list('ReplicaSet')];
    expect(getTableOutput(lists, { namespace: 'instavote', withKind: true }, now)).toEqual({ stdout: '', stderr: 'No resources found in instavote namespace.\n' });
  });

  it('no message when something was printed, after errors, or with --ignore-not-found', () => {
    expect(getTableOutput([list('Pod'), list('Namespace', namespace(now, 'default'))], { namespace: 'default', withKind: true }, now).stderr).toBe('');
    expect(getTableOutput([list('Pod')], { namespace: 'default', hadErrors: true }, now).stderr).toBe('');
    expect(getTableOutput([list('Pod')], { namespace: 'default', ignoreNotFound: true }, now).stderr).toBe('');
  });
});

describe('kubectl get --watch', () => {
  it('prints the listing, then each event with widths remembered from before', () => {
    const printer = createWatchTablePrinter('Pod', {});
    const p = pod(now, { name: 'p', createdAgo: AGE_12M });
    expect(printer.print([p], now)).toBe('NAME   READY   STATUS    RESTARTS   AGE\np      1/1     Running   0          12m\n');
    const creating = pod(now, { name: 'a-much-longer-name', state: 'ContainerCreating', node: 'kind-worker', createdAgo: SEC });
    expect(printer.print([creating], now)).toBe('a-much-longer-name   0/1     ContainerCreating   0          1s\n');
    expect(printer.print([p], now)).toBe('p                    1/1     Running             0          12m\n');
  });

  it('prints the header with the first rows when the listing was empty', () => {
    const printer = createWatchTablePrinter('Pod', { allNamespaces: true });
    expect(printer.print([], now)).toBe('');
    expect(printer.print([votePod], now)).toBe('NAMESPACE   NAME                    READY   STATUS    RESTARTS   AGE\ninstavote   vote-6c8b9d7f5d-7lq9m   1/1     Running   0          12m\n');
  });
});

describe('printName', () => {
  it('is kind[.group]/name', () => {
    expect(printName(voteDeploy)).toBe('deployment.apps/vote');
    expect(printName(voteSvc)).toBe('service/vote');
  });
});
