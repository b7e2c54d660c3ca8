import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import type { ConfigMap, DaemonSet, KubeEvent, Node, Pod } from '../api/types';
import { StatusError } from '../api/errors';
import { cloneJson } from '../core/clone';
import { daemonPodNode, daemonPodTolerations, nodeShouldRunDaemonPod } from './daemonset';
import { ROOT_CA_CONFIGMAP } from './root-ca-publisher';

function daemonSet(name: string, extra: Partial<DaemonSet['spec']['template']['spec']> = {}, spec: Partial<DaemonSet['spec']> = {}): DaemonSet {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'default' },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'agent', image: 'nginx:1.27' }], ...extra } }, ...spec },
  };
}

const podsOf = (s: Simulation, ds: DaemonSet, ns = 'default') =>
  s.store.list<Pod>('Pod', { namespace: ns }).filter((p) => p.metadata.ownerReferences?.some((r) => r.kind === 'DaemonSet' && r.name === ds.metadata.name));

/** The status recomputed from scratch (the controller keeps it per node, incrementally): they must agree. */
function expectConsistentStatus(s: Simulation, namespace: string, name: string): void {
  const ds = s.store.get<DaemonSet>('DaemonSet', namespace, name)!;
  const pods = s.store.list<Pod>('Pod', { namespace }).filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === ds.metadata.uid && r.controller));
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  for (const node of s.store.list<Node>('Node')) {
    const here = pods.filter((p) => daemonPodNode(p) === node.metadata.name);
    if (nodeShouldRunDaemonPod(node, ds).shouldRun) {
      desired++;
      if (here.length) current++;
      if (here.some((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))) ready++;
    } else if (here.length) misscheduled++;
  }
  expect(ds.status).toMatchObject({ desiredNumberScheduled: desired, currentNumberScheduled: current, numberMisscheduled: misscheduled, numberReady: ready });
}

function invalid(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e.message;
    throw e;
  }
  throw new Error('no error');
}

describe('the default cluster', () => {
  it('has kube-proxy and weave-net as DaemonSets whose pods they own (one uid per DaemonSet)', () => {
    const s = new Simulation();
    for (const [name, label] of [
      ['kube-proxy', { 'k8s-app': 'kube-proxy' }],
      ['weave-net', { name: 'weave-net' }],
    ] as const) {
      const ds = s.store.get<DaemonSet>('DaemonSet', 'kube-system', name)!;
      expect(ds.spec.selector.matchLabels).toEqual(label);
      const pods = s.store.list<Pod>('Pod', { namespace: 'kube-system', labelSelector: ds.spec.selector });
      expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
      expect(new Set(pods.map((p) => p.metadata.ownerReferences![0].uid))).toEqual(new Set([ds.metadata.uid]));
      expect(ds.status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, numberAvailable: 3, updatedNumberScheduled: 3, numberMisscheduled: 0, observedGeneration: 1 });
      expect(ds.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '1' });
      expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } });
      expect(ds.spec.revisionHistoryLimit).toBe(10);
    }
    expect(s.store.get<DaemonSet>('DaemonSet', 'kube-system', 'kube-proxy')!.spec.template.spec.nodeSelector).toEqual({ 'kubernetes.io/os': 'linux' });
    expect(s.store.get<DaemonSet>('DaemonSet', 'kube-system', 'weave-net')!.spec.template.spec.containers.map((c) => c.name)).toEqual(['weave', 'weave-npc']);
    // Nothing was created by the controller: no events from it.
    expect(s.store.list<KubeEvent>('Event', { namespace: 'kube-system' }).filter((e) => e.source.component === 'daemonset-controller')).toEqual([]);
  });

  it('has kubeadm\'s ConfigMaps and a kube-root-ca.crt in every namespace', () => {
    const s = new Simulation();
    const names = (ns: string) => s.store.list<ConfigMap>('ConfigMap', { namespace: ns }).map((c) => c.metadata.name);
    expect(names('default')).toEqual([ROOT_CA_CONFIGMAP]);
    expect(names('kube-node-lease')).toEqual([ROOT_CA_CONFIGMAP]);
    expect(names('kube-public')).toEqual(['cluster-info', ROOT_CA_CONFIGMAP]);
    expect(names('kube-system')).toEqual([
      'coredns',
      'extension-apiserver-authentication',
      'kube-apiserver-legacy-service-account-token-tracking',
      'kube-proxy',
      ROOT_CA_CONFIGMAP,
      'kubeadm-config',
      'kubelet-config',
    ]);
    expect(names('local-path-storage')).toEqual([ROOT_CA_CONFIGMAP, 'local-path-config']);
    const corefile = s.store.get<ConfigMap>('ConfigMap', 'kube-system', 'coredns')!.data!.Corefile;
    expect(corefile).toContain('kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }');
    expect(corefile).toContain('forward . /etc/resolv.conf {\n       max_concurrent 1000\n    }\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n');
    expect(Object.keys(s.store.get<ConfigMap>('ConfigMap', 'kube-system', 'kube-proxy')!.data!)).toEqual(['config.conf', 'kubeconfig.conf']);
    const ca = s.store.get<ConfigMap>('ConfigMap', 'default', ROOT_CA_CONFIGMAP)!;
    expect(ca.data!['ca.crt']).toMatch(/^-----BEGIN CERTIFICATE-----\nMII[A-Za-z0-9+/]{61}\n(?:[A-Za-z0-9+/]{64}\n)+[A-Za-z0-9+/=]+\n-----END CERTIFICATE-----\n$/);
    // The same CA everywhere, and the same for every seed's cluster made at the same time.
    expect(s.store.get<ConfigMap>('ConfigMap', 'kube-system', ROOT_CA_CONFIGMAP)!.data).toEqual(ca.data);
    expect(new Simulation({ seed: 7 }).store.get<ConfigMap>('ConfigMap', 'default', ROOT_CA_CONFIGMAP)!.data).toEqual(ca.data);
  });
});

describe('DaemonSet registry', () => {
  it('fills the apps/v1 defaults and the template generation', () => {
    const s = new Simulation();
    const ds = s.store.create(daemonSet('agent'));
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
    expect(ds.spec.template.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler', securityContext: {} });
    expect(ds.spec.template.metadata!.creationTimestamp).toBeNull();
    expect(ds.metadata.generation).toBe(1);
    expect(ds.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '1' });
    expect(ds.status).toEqual({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 });
    const onDelete = s.store.create({ ...daemonSet('other'), spec: { ...daemonSet('other').spec, updateStrategy: { type: 'OnDelete' } } });
    expect(onDelete.spec.updateStrategy).toEqual({ type: 'OnDelete' });
  });

  it('rejects what the apiserver rejects, with its texts', () => {
    const s = new Simulation();
    const noSelector = daemonSet('a');
    delete (noSelector.spec as Partial<DaemonSet['spec']>).selector;
    expect(invalid(() => s.store.create(noSelector))).toBe(
      'DaemonSet "a" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"a"}: `selector` does not match template `labels`',
    );
    const mismatch = daemonSet('b');
    mismatch.spec.selector = { matchLabels: { app: 'other' } };
    expect(invalid(() => s.store.create(mismatch))).toBe(
      'DaemonSet "b" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"b"}: `selector` does not match template `labels`',
    );
    const empty = daemonSet('c');
    empty.spec.selector = {};
    expect(invalid(() => s.store.create(empty))).toBe(
      'DaemonSet "c" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for daemonset',
    );
    expect(invalid(() => s.store.create(daemonSet('d', { restartPolicy: 'OnFailure' })))).toBe(
      'DaemonSet "d" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    );
    expect(invalid(() => s.store.create(daemonSet('e', {}, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } } })))).toBe(
      'DaemonSet "e" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
    );
    expect(invalid(() => s.store.create(daemonSet('f', {}, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '50%' } } })))).toBe(
      'DaemonSet "f" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"50%"}: may not be set when maxUnavailable is non-zero',
    );
    expect(invalid(() => s.store.create(daemonSet('g', {}, { updateStrategy: { type: 'Sometimes' as never } })))).toBe(
      'DaemonSet "g" is invalid: spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Sometimes", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"',
    );
  });

  it('bumps the template generation only when the template changes, and keeps the selector', () => {
    const s = new Simulation();
    const ds = s.store.create(daemonSet('agent'));
    const strategyOnly = s.store.update({ ...ds, spec: { ...ds.spec, minReadySeconds: 5 } });
    expect(strategyOnly.metadata.generation).toBe(2);
    expect(strategyOnly.metadata.annotations!['deprecated.daemonset.template.generation']).toBe('1');
    const t = cloneJson(strategyOnly.spec.template);
    t.spec.containers[0].image = 'nginx:1.28';
    const templ = s.store.update({ ...strategyOnly, metadata: { ...strategyOnly.metadata, annotations: {} as Record<string, string> }, spec: { ...strategyOnly.spec, template: t } });
    expect(templ.metadata.generation).toBe(3);
    expect(templ.metadata.annotations!['deprecated.daemonset.template.generation']).toBe('2');
    expect(invalid(() => s.store.update({ ...templ, spec: { ...templ.spec, selector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] } } }))).toBe(
      'DaemonSet "agent" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"Exists", Values:[]string(nil)}}}: field is immutable',
    );
  });
});

describe('DaemonSet controller', () => {
  it('runs one pod per eligible node: bound there, with the node affinity and default tolerations, named after the DaemonSet', () => {
    const s = new Simulation();
    const ds = s.store.create(daemonSet('agent'));
    s.advance(30_000);
    const pods = podsOf(s, ds);
    // The control plane's NoSchedule taint is not tolerated.
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['kind-worker', 'kind-worker2']);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.labels).toEqual({ app: 'agent', 'controller-revision-hash': expect.stringMatching(/^[bcdf4-9]{6,10}$/), 'pod-template-generation': '1' });
      expect(p.spec.affinity).toEqual({
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [p.spec.nodeName] }] }] } },
      });
      expect(p.spec.tolerations).toEqual(daemonPodTolerations(false));
      expect(p.status?.phase).toBe('Running');
      expect(p.status?.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
    }
    const live = s.store.get<DaemonSet>('DaemonSet', 'default', 'agent')!;
    expect(live.status).toEqual({ currentNumberScheduled: 2, numberMisscheduled: 0, desiredNumberScheduled: 2, numberReady: 2, observedGeneration: 1, updatedNumberScheduled: 2, numberAvailable: 2 });
    const events = s.store.list<KubeEvent>('Event', { namespace: 'default' });
    expect(events.filter((e) => e.involvedObject.kind === 'DaemonSet').map((e) => e.message).sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect(events.filter((e) => e.reason === 'Scheduled').map((e) => e.source.component)).toEqual(['default-scheduler', 'default-scheduler']);
  });

  it('honours tolerations, nodeSelector and hostNetwork (network-unavailable toleration)', () => {
    const s = new Simulation();
    const all = s.store.create(daemonSet('all', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }], hostNetwork: true }));
    const one = s.store.create(daemonSet('one', { nodeSelector: { 'kubernetes.io/hostname': 'kind-worker2' } }));
    const none = s.store.create(daemonSet('none', { nodeSelector: { disk: 'ssd' } }));
    s.advance(30_000);
    expect(podsOf(s, all).map((p) => p.spec.nodeName).sort()).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    expect(podsOf(s, all)[0].spec.tolerations).toEqual([{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }, ...daemonPodTolerations(true)]);
    expect(podsOf(s, one).map((p) => p.spec.nodeName)).toEqual(['kind-worker2']);
    expect(podsOf(s, none)).toEqual([]);
    expect(s.store.get<DaemonSet>('DaemonSet', 'default', 'none')!.status).toEqual({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0, observedGeneration: 1 });
    // Labelling a node makes it eligible; removing the label takes the pod away.
    const worker = s.store.get<Node>('Node', undefined, 'kind-worker')!;
    s.store.update({ ...worker, metadata: { ...worker.metadata, labels: { ...worker.metadata.labels, disk: 'ssd' } } });
    s.advance(20_000);
    expect(podsOf(s, none).map((p) => [p.spec.nodeName, p.status?.phase])).toEqual([['kind-worker', 'Running']]);
    for (const n of ['all', 'one', 'none']) expectConsistentStatus(s, 'default', n);
    const labelled = s.store.get<Node>('Node', undefined, 'kind-worker')!;
    const { disk: _disk, ...rest } = labelled.metadata.labels!;
    s.store.update({ ...labelled, metadata: { ...labelled.metadata, labels: rest } });
    s.advance(60_000);
    expect(podsOf(s, none)).toEqual([]);
    // Tainting a node NoSchedule keeps what runs there; NoExecute evicts it.
    const w2 = s.store.get<Node>('Node', undefined, 'kind-worker2')!;
    s.store.update({ ...w2, spec: { ...w2.spec, taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } });
    s.advance(40_000);
    expect(podsOf(s, one).map((p) => p.spec.nodeName)).toEqual(['kind-worker2']);
    expect(s.store.get<DaemonSet>('DaemonSet', 'default', 'one')!.status).toMatchObject({ desiredNumberScheduled: 0, currentNumberScheduled: 0, numberMisscheduled: 1 });
    const w2b = s.store.get<Node>('Node', undefined, 'kind-worker2')!;
    s.store.update({ ...w2b, spec: { ...w2b.spec, taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] } });
    s.advance(40_000);
    expect(podsOf(s, one)).toEqual([]);
    for (const n of ['all', 'one', 'none']) expectConsistentStatus(s, 'default', n);
  });

  it('gives a new node its pods, kube-proxy and weave-net included', () => {
    const s = new Simulation();
    const ds = s.store.create(daemonSet('agent'));
    s.advance(30_000);
    s.ipam.join('kind-worker3');
    const template = s.store.get<Node>('Node', undefined, 'kind-worker2')!;
    const { uid: _u, resourceVersion: _r, creationTimestamp: _c, ...meta } = template.metadata;
    s.store.create<Node>({
      ...template,
      metadata: { ...meta, name: 'kind-worker3', labels: { ...template.metadata.labels, 'kubernetes.io/hostname': 'kind-worker3' } },
      status: { ...template.status, addresses: [{ type: 'InternalIP', address: '172.18.0.5' }, { type: 'Hostname', address: 'kind-worker3' }] },
    });
    s.advance(30_000);
    expect(podsOf(s, ds).map((p) => p.spec.nodeName).sort()).toEqual(['kind-worker', 'kind-worker2', 'kind-worker3']);
    for (const name of ['kube-proxy', 'weave-net']) {
      const sys = s.store.get<DaemonSet>('DaemonSet', 'kube-system', name)!;
      const onNew = podsOf(s, sys, 'kube-system').filter((p) => p.spec.nodeName === 'kind-worker3');
      expect(onNew).toHaveLength(1);
      expect(onNew[0].status?.phase).toBe('Running');
      expect(onNew[0].spec.hostNetwork).toBe(true);
      expect(onNew[0].status?.podIP).toBe('172.18.0.5');
      // The revision the bootstrap pods carry.
      expect(onNew[0].metadata.labels!['controller-revision-hash']).toBe(name === 'kube-proxy' ? '7bb84c4984' : '6f8d6d5b88');
      expect(sys.status?.desiredNumberScheduled).toBe(4);
    }
    expectConsistentStatus(s, 'default', 'agent');
    expectConsistentStatus(s, 'kube-system', 'kube-proxy');
    expectConsistentStatus(s, 'kube-system', 'weave-net');
  });

  it('replaces a deleted pod, and its pods go with it when the DaemonSet is deleted', () => {
    const s = new Simulation();
    const ds = s.store.create(daemonSet('agent'));
    s.advance(30_000);
    const [first] = podsOf(s, ds);
    s.store.requestDelete('Pod', 'default', first.metadata.name!);
    s.advance(40_000);
    const after = podsOf(s, ds);
    expect(after).toHaveLength(2);
    expect(after.map((p) => p.metadata.name)).not.toContain(first.metadata.name);
    expect(after.map((p) => p.spec.nodeName).sort()).toEqual(['kind-worker', 'kind-worker2']);
    s.store.requestDelete('DaemonSet', 'default', 'agent');
    s.advance(1_000);
    expect(podsOf(s, ds).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    s.advance(40_000);
    expect(podsOf(s, ds)).toEqual([]);
  });

  it('rolls a template change out one node at a time (maxUnavailable 1)', () => {
    const s = new Simulation();
    s.store.create(daemonSet('agent', { tolerations: [{ operator: 'Exists' }] }));
    s.advance(30_000);
    const ds = s.store.get<DaemonSet>('DaemonSet', 'default', 'agent')!;
    const t = cloneJson(ds.spec.template);
    t.spec.containers[0].image = 'nginx:1.28';
    s.store.update({ ...ds, spec: { ...ds.spec, template: t } });
    let maxDown = 0;
    for (let i = 0; i < 120; i++) {
      s.advance(1_000);
      const pods = podsOf(s, ds);
      const up = pods.filter((p) => !p.metadata.deletionTimestamp && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
      maxDown = Math.max(maxDown, 3 - up.length);
    }
    expect(maxDown).toBe(1);
    const pods = podsOf(s, ds);
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.spec.containers[0].image === 'nginx:1.28' && p.metadata.labels!['pod-template-generation'] === '2')).toBe(true);
    expect(s.store.get<DaemonSet>('DaemonSet', 'default', 'agent')!.status).toMatchObject({ desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3, observedGeneration: 2 });
  });

  it('leaves old pods alone with OnDelete until they are deleted', () => {
    const s = new Simulation();
    s.store.create(daemonSet('agent', {}, { updateStrategy: { type: 'OnDelete' } }));
    s.advance(30_000);
    const ds = s.store.get<DaemonSet>('DaemonSet', 'default', 'agent')!;
    const t = cloneJson(ds.spec.template);
    t.spec.containers[0].image = 'nginx:1.28';
    s.store.update({ ...ds, spec: { ...ds.spec, template: t } });
    s.advance(60_000);
    expect(podsOf(s, ds).map((p) => p.spec.containers[0].image)).toEqual(['nginx:1.27', 'nginx:1.27']);
    expect(s.store.get<DaemonSet>('DaemonSet', 'default', 'agent')!.status?.updatedNumberScheduled).toBeUndefined();
    s.store.requestDelete('Pod', 'default', podsOf(s, ds)[0].metadata.name!);
    s.advance(60_000);
    expect(podsOf(s, ds).map((p) => p.spec.containers[0].image).sort()).toEqual(['nginx:1.27', 'nginx:1.28']);
    expect(s.store.get<DaemonSet>('DaemonSet', 'default', 'agent')!.status?.updatedNumberScheduled).toBe(1);
  });
});

describe('ConfigMaps', () => {
  it('validates keys with the apiserver\'s texts, and immutable ones stay as they are', () => {
    const s = new Simulation();
    const cm = (name: string, data: Record<string, string>, extra: Partial<ConfigMap> = {}): ConfigMap => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data, ...extra });
    expect(invalid(() => s.store.create(cm('a', { 'my key': 'x' })))).toBe(
      "ConfigMap \"a\" is invalid: data[my key]: Invalid value: \"my key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key_name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
    expect(invalid(() => s.store.create(cm('b', { '..data': 'x' })))).toBe('ConfigMap "b" is invalid: data[..data]: Invalid value: "..data": must not start with \'..\'');
    expect(invalid(() => s.store.create(cm('c', { k: 'x' }, { binaryData: { k: 'eA==' } })))).toBe('ConfigMap "c" is invalid: data[k]: Invalid value: "k": duplicate of key present in binaryData');
    const frozen = s.store.create(cm('d', { k: 'x' }, { immutable: true }));
    expect(invalid(() => s.store.update({ ...frozen, data: { k: 'y' } }))).toBe('ConfigMap "d" is invalid: data: Forbidden: field is immutable when `immutable` is set');
    expect(s.store.update({ ...frozen, metadata: { ...frozen.metadata, labels: { a: 'b' } } }).metadata.labels).toEqual({ a: 'b' });
  });

  it('publishes kube-root-ca.crt into new namespaces and puts it back when it is deleted or changed', () => {
    const s = new Simulation();
    s.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab' } });
    s.advance(1_000);
    const published = s.store.get<ConfigMap>('ConfigMap', 'lab', ROOT_CA_CONFIGMAP)!;
    expect(published.data).toEqual(s.store.get<ConfigMap>('ConfigMap', 'default', ROOT_CA_CONFIGMAP)!.data);
    expect(published.metadata.annotations?.['kubernetes.io/description']).toMatch(/^Contains a CA bundle/);
    s.store.delete('ConfigMap', 'lab', ROOT_CA_CONFIGMAP);
    s.advance(1_000);
    expect(s.store.get<ConfigMap>('ConfigMap', 'lab', ROOT_CA_CONFIGMAP)!.data).toEqual(published.data);
    const live = s.store.get<ConfigMap>('ConfigMap', 'lab', ROOT_CA_CONFIGMAP)!;
    s.store.update({ ...live, data: { 'ca.crt': 'nope' } });
    s.advance(1_000);
    expect(s.store.get<ConfigMap>('ConfigMap', 'lab', ROOT_CA_CONFIGMAP)!.data).toEqual(published.data);
    // Deleting the namespace takes the ConfigMap with it, and nothing comes back.
    s.store.requestDelete('Namespace', undefined, 'lab');
    s.advance(5_000);
    expect(s.store.get('Namespace', undefined, 'lab')).toBeUndefined();
    expect(s.store.list('ConfigMap', { namespace: 'lab' })).toEqual([]);
  });
});
