// DaemonSets and ConfigMaps from the terminal: the cluster's own (kube-proxy,
// weave-net, kubeadm's ConfigMaps) and ones the learner applies.

import { describe, expect, it } from 'vitest';
import { run } from './harness';

const DS = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  selector:
    matchLabels:
      app: node-agent
  template:
    metadata:
      labels:
        app: node-agent
    spec:
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        effect: NoSchedule
      containers:
      - name: agent
        image: nginx:1.27
`;

const CM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  MODE: production
  greeting: hello
`;

describe('DaemonSets and ConfigMaps in the terminal', () => {
  it('lists the cluster\'s DaemonSets and ConfigMaps', async () => {
    const r = await run(`
kubectl get ds -n kube-system
kubectl get daemonsets.apps -n kube-system -o wide
kubectl get cm
kubectl get all -n kube-system
kubectl api-resources --api-group=apps
`);
    expect(r.step('kubectl get ds -n kube-system').stdout).toBe(
      [
        'NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE',
        'kube-proxy   3         3         3       3            3           kubernetes.io/os=linux   10m',
        'weave-net    3         3         3       3            3           <none>                   10m',
        '',
      ].join('\n'),
    );
    // Layout is checked against the real kubectl in the oracle tests; here the cells.
    const wide = r.step(/-o wide$/).stdout.split('\n').map((l) => l.split(/ {2,}/));
    expect(wide[0]).toEqual(['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR']);
    expect(wide[1]).toEqual(['kube-proxy', '3', '3', '3', '3', '3', 'kubernetes.io/os=linux', '10m', 'kube-proxy', 'registry.k8s.io/kube-proxy:v1.32.2', 'k8s-app=kube-proxy']);
    expect(wide[2]).toEqual(['weave-net', '3', '3', '3', '3', '3', '<none>', '10m', 'weave,weave-npc', 'weaveworks/weave-kube:latest,weaveworks/weave-npc:latest', 'name=weave-net']);
    expect(r.step('kubectl get cm').stdout).toBe('NAME               DATA   AGE\nkube-root-ca.crt   1      10m\n');
    const all = r.step('kubectl get all -n kube-system').stdout.split('\n\n');
    expect(all.map((t) => t.split('\n')[1]?.split('/')[0])).toEqual(['pod', 'service', 'daemonset.apps', 'deployment.apps', 'replicaset.apps']);
    expect(all[2]).toContain('daemonset.apps/kube-proxy   3         3         3       3            3           kubernetes.io/os=linux   10m');
    expect(r.step(/api-resources/).stdout).toBe(
      [
        'NAME          SHORTNAMES   APIVERSION   NAMESPACED   KIND',
        'daemonsets    ds           apps/v1      true         DaemonSet',
        'deployments   deploy       apps/v1      true         Deployment',
        'replicasets   rs           apps/v1      true         ReplicaSet',
        '',
      ].join('\n'),
    );
  });

  it('applies, shows, describes and deletes a DaemonSet and a ConfigMap', async () => {
    const r = await run(
      `
kubectl apply -f ds.yaml
kubectl apply -f cm.yaml
sleep 30
kubectl get ds node-agent
kubectl get pods -o wide
kubectl describe ds node-agent
kubectl describe cm app-config
kubectl delete ds node-agent
kubectl delete cm app-config
kubectl get ds,cm
`,
      [
        { path: '/root/ds.yaml', content: DS },
        { path: '/root/cm.yaml', content: CM },
      ],
    );
    expect(r.step('kubectl apply -f ds.yaml').stdout).toBe('daemonset.apps/node-agent created\n');
    expect(r.step('kubectl apply -f cm.yaml').stdout).toBe('configmap/app-config created\n');
    expect(r.step('kubectl get ds node-agent').stdout).toBe(
      'NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\nnode-agent   3         3         3       3            3           <none>          30s\n',
    );
    const rows = r.step('kubectl get pods -o wide').stdout.trim().split('\n').slice(1);
    expect(rows.map((l) => l.split(/\s+/)[6]).sort()).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    expect(rows.every((l) => /^node-agent-[bcdfghjklmnpqrstvwxz2456789]{5}\s+1\/1\s+Running/.test(l))).toBe(true);
    const ds = r.step('kubectl describe ds node-agent').stdout;
    expect(ds).toContain('Name:           node-agent\nSelector:       app=node-agent\nNode-Selector:  <none>\n');
    expect(ds).toContain('Desired Number of Nodes Scheduled: 3\nCurrent Number of Nodes Scheduled: 3\nNumber of Nodes Scheduled with Up-to-date Pods: 3\nNumber of Nodes Scheduled with Available Pods: 3\nNumber of Nodes Misscheduled: 0\nPods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
    expect(ds).toMatch(/Normal {2}SuccessfulCreate {2}30s {3}daemonset-controller {2}Created pod: node-agent-/);
    expect(r.step('kubectl describe cm app-config').stdout).toBe(
      [
        'Name:         app-config',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Data',
        '====',
        'MODE:',
        '----',
        'production',
        '',
        'greeting:',
        '----',
        'hello',
        '',
        '',
        'BinaryData',
        '====',
        '',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
    expect(r.step('kubectl delete ds node-agent').stdout).toBe('daemonset.apps "node-agent" deleted\n');
    expect(r.step('kubectl delete cm app-config').stdout).toBe('configmap "app-config" deleted\n');
    expect(r.step('kubectl get ds,cm').stdout).toBe('NAME                         DATA   AGE\nconfigmap/kube-root-ca.crt   1      10m\n');
  });

  it('reports invalid objects with the apiserver\'s texts', async () => {
    const bad = DS.replace('  selector:\n    matchLabels:\n      app: node-agent\n', '');
    const r = await run(`kubectl apply -f bad.yaml\nkubectl create ns lab\nkubectl get cm -n lab`, [{ path: '/root/bad.yaml', content: bad }]);
    expect(r.step('kubectl apply -f bad.yaml').stderr).toBe(
      'The DaemonSet "node-agent" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"node-agent"}: `selector` does not match template `labels`\n',
    );
    expect(r.step('kubectl get cm -n lab').stdout).toBe('NAME               DATA   AGE\nkube-root-ca.crt   1      0s\n');
  });
});
