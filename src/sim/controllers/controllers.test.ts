import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation';
import type { Deployment, EndpointSlice, Endpoints, KubeEvent, Pod, ReplicaSet, Service } from '../api/types';
import { basicCatalog } from '../cluster/runtime-catalog';
import type { RuntimeCatalog } from './kubelet';
import { podStatusText } from '../pod-status';

function deployment(name: string, replicas: number, labels: Record<string, string>, image = 'schoolofdevops/vote:v1', ns = 'default'): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name, image }] } } },
  };
}

function service(name: string, selector: Record<string, string>, port = 80, ns = 'default'): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { selector, ports: [{ port }] } };
}

const pods = (s: Simulation, ns = 'default') => s.store.list<Pod>('Pod', { namespace: ns });

describe('default cluster', () => {
  it('comes up like kind with weave: three ready nodes, system pods running, CoreDNS on the control plane', () => {
    const s = new Simulation();
    expect(s.store.list('Node').map((n) => n.metadata.name)).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    const system = pods(s, 'kube-system');
    expect(system.every((p) => p.status?.phase === 'Running')).toBe(true);
    const dns = system.filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns');
    expect(dns).toHaveLength(2);
    expect(dns.every((p) => p.spec.nodeName === 'kind-control-plane' && p.status!.podIP!.startsWith('10.32.0.'))).toBe(true);
    expect(s.store.get<Service>('Service', 'kube-system', 'kube-dns')!.spec.clusterIP).toBe('10.96.0.10');
    expect(s.store.get<Service>('Service', 'default', 'kubernetes')!.spec.clusterIP).toBe('10.96.0.1');
    expect(s.store.list('Namespace').map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage']);
    expect(s.ipam.bridgeOf('kind-control-plane')).toBe('10.32.0.1');
    expect(s.ipam.bridgeOf('kind-worker')).toBe('10.40.0.0');
    expect(s.ipam.bridgeOf('kind-worker2')).toBe('10.44.0.0');
  });
});

describe('Deployment -> ReplicaSet -> Pods', () => {
  it('names objects as the real controllers do and runs pods through Pending and ContainerCreating', () => {
    const s = new Simulation();
    s.store.create(deployment('vote', 5, { app: 'vote' }));
    s.settle();
    const rs = s.store.list<ReplicaSet>('ReplicaSet', { namespace: 'default' });
    expect(rs).toHaveLength(1);
    const hash = rs[0].metadata.labels!['pod-template-hash'];
    expect(hash).toMatch(/^[456789bcdf]{6,10}$/);
    expect(rs[0].metadata.name).toBe(`vote-${hash}`);
    const ps = pods(s);
    expect(ps).toHaveLength(5);
    for (const p of ps) expect(p.metadata.name).toMatch(new RegExp(`^vote-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    // Scheduled at once, never on the tainted control plane, spread over the workers.
    const perNode = new Map<string, number>();
    for (const p of ps) perNode.set(p.spec.nodeName!, (perNode.get(p.spec.nodeName!) ?? 0) + 1);
    expect([...perNode.keys()].sort()).toEqual(['kind-worker', 'kind-worker2']);
    expect(Math.abs((perNode.get('kind-worker') ?? 0) - (perNode.get('kind-worker2') ?? 0))).toBeLessThanOrEqual(1);
    expect(ps.map(podStatusText)).toEqual(Array(5).fill('ContainerCreating'));
    s.advance(15_000);
    const running = pods(s);
    expect(running.map(podStatusText)).toEqual(Array(5).fill('Running'));
    for (const p of running) {
      const prefix = p.spec.nodeName === 'kind-worker' ? '10.40.0.' : '10.44.0.';
      expect(p.status!.podIP!.startsWith(prefix)).toBe(true);
    }
    const d = s.store.get<Deployment>('Deployment', 'default', 'vote')!;
    expect(d.status).toMatchObject({ replicas: 5, readyReplicas: 5, availableReplicas: 5, updatedReplicas: 5 });
    const events = s.store.list<KubeEvent>('Event', { namespace: 'default' }).filter((e) => e.involvedObject.kind === 'Deployment');
    expect(events.map((e) => e.message)).toEqual([`Scaled up replica set vote-${hash} from 0 to 5`]);
  });

  it('scales down by deleting pods gracefully, and cascades deletion of the Deployment', () => {
    const s = new Simulation();
    s.store.create(deployment('web', 4, { app: 'web' }, 'nginx'));
    s.advance(15_000);
    const d = s.store.get<Deployment>('Deployment', 'default', 'web')!;
    s.store.update({ ...d, spec: { ...d.spec, replicas: 2 } });
    s.settle();
    expect(pods(s).filter((p) => p.metadata.deletionTimestamp)).toHaveLength(2);
    expect(pods(s).filter((p) => p.metadata.deletionTimestamp).map(podStatusText)).toEqual(['Terminating', 'Terminating']);
    s.advance(5_000);
    expect(pods(s)).toHaveLength(2);
    s.store.requestDelete('Deployment', 'default', 'web');
    s.settle();
    expect(s.store.list('ReplicaSet', { namespace: 'default' })).toHaveLength(0);
    s.advance(5_000);
    expect(pods(s)).toHaveLength(0);
  });

  it('rolls out a new template with a second ReplicaSet and scales the old one to zero', () => {
    const s = new Simulation();
    s.store.create(deployment('vote', 4, { app: 'vote' }));
    s.advance(20_000);
    const d = s.store.get<Deployment>('Deployment', 'default', 'vote')!;
    const t = structuredClone(d.spec.template);
    t.spec.containers[0].image = 'schoolofdevops/vote:v2';
    s.store.update({ ...d, spec: { ...d.spec, template: t } });
    s.advance(60_000);
    const rss = s.store.list<ReplicaSet>('ReplicaSet', { namespace: 'default' });
    expect(rss).toHaveLength(2);
    const byImage = Object.fromEntries(rss.map((r) => [r.spec.template.spec.containers[0].image, r.spec.replicas]));
    expect(byImage).toEqual({ 'schoolofdevops/vote:v1': 0, 'schoolofdevops/vote:v2': 4 });
    expect(pods(s).every((p) => p.spec.containers[0].image === 'schoolofdevops/vote:v2')).toBe(true);
    expect(s.store.get<Deployment>('Deployment', 'default', 'vote')!.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
  });
});

describe('ReplicaSet', () => {
  it('adopts a matching stand-alone pod (the K104 vote pod) and creates only the rest', () => {
    const s = new Simulation();
    s.store.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'vote', namespace: 'default', labels: { app: 'python', role: 'vote', version: 'v1' } }, spec: { containers: [{ name: 'app', image: 'schoolofdevops/vote:v1' }] } });
    s.settle();
    s.store.create<ReplicaSet>({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'vote', namespace: 'default' },
      spec: {
        replicas: 4,
        selector: { matchLabels: { role: 'vote' }, matchExpressions: [{ key: 'version', operator: 'Exists' }] },
        template: { metadata: { labels: { app: 'python', role: 'vote', version: 'v1' } }, spec: { containers: [{ name: 'app', image: 'schoolofdevops/vote:v1' }] } },
      },
    });
    s.settle();
    const ps = pods(s);
    expect(ps).toHaveLength(4);
    expect(ps.find((p) => p.metadata.name === 'vote')!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'vote', controller: true });
    // Relabelling a pod out of the selector releases it, and the RS makes a replacement.
    const victim = ps.find((p) => p.metadata.name !== 'vote')!;
    s.store.update({ ...victim, metadata: { ...victim.metadata, labels: { app: 'python', role: 'debug', version: 'v1' } } });
    s.settle();
    expect(pods(s)).toHaveLength(5);
    expect(s.store.get<Pod>('Pod', 'default', victim.metadata.name!)!.metadata.ownerReferences).toBeUndefined();
  });
});

describe('Endpoints and EndpointSlices', () => {
  it('list only ready pods in Endpoints, sorted as strings, and all pods in slices with conditions', () => {
    const s = new Simulation();
    s.store.create(service('vote', { app: 'vote' }));
    s.store.create(deployment('vote', 5, { app: 'vote' }));
    s.settle();
    // Pods exist but have no IP yet: the Endpoints has no subsets, the slice is a placeholder.
    const ep0 = s.store.get<Endpoints>('Endpoints', 'default', 'vote')!;
    expect(ep0.subsets).toBeUndefined();
    const slices0 = s.store.listMatching<EndpointSlice>('EndpointSlice', 'default', { 'kubernetes.io/service-name': 'vote' });
    expect(slices0).toHaveLength(1);
    expect(slices0[0].endpoints).toBeNull();
    expect(slices0[0].metadata.name).toMatch(/^vote-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    s.advance(20_000);
    const ep = s.store.get<Endpoints>('Endpoints', 'default', 'vote')!;
    const ips = ep.subsets![0].addresses!.map((a) => a.ip);
    expect(ips).toHaveLength(5);
    expect(ips).toEqual([...ips].sort());
    expect(ep.subsets![0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    const slice = s.store.listMatching<EndpointSlice>('EndpointSlice', 'default', { 'kubernetes.io/service-name': 'vote' })[0];
    expect(slice.endpoints!.map((e) => e.addresses[0]).sort()).toEqual(ips);
    expect(slice.endpoints!.every((e) => e.conditions.ready && e.conditions.serving && !e.conditions.terminating)).toBe(true);
    expect(slice.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(slice.metadata.labels).toMatchObject({ 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'vote' });
  });

  it('follows a selector change to no pods (the K105 exercise) and back', () => {
    const s = new Simulation();
    s.store.create(service('vote', { app: 'vote' }));
    s.store.create(deployment('vote', 2, { app: 'vote' }));
    s.advance(20_000);
    const svc = s.store.get<Service>('Service', 'default', 'vote')!;
    s.store.update({ ...svc, spec: { ...svc.spec, selector: { app: 'nothing' } } });
    s.settle();
    expect(s.store.get<Endpoints>('Endpoints', 'default', 'vote')!.subsets).toBeUndefined();
    const slices = s.store.listMatching<EndpointSlice>('EndpointSlice', 'default', { 'kubernetes.io/service-name': 'vote' });
    expect(slices).toHaveLength(1);
    expect(slices[0].endpoints).toBeNull();
    const again = s.store.get<Service>('Service', 'default', 'vote')!;
    s.store.update({ ...again, spec: { ...again.spec, selector: { app: 'vote' } } });
    s.settle();
    expect(s.store.get<Endpoints>('Endpoints', 'default', 'vote')!.subsets![0].addresses).toHaveLength(2);
  });

  it('resolves named target ports per pod', () => {
    const s = new Simulation();
    const d = deployment('web', 1, { app: 'web' }, 'nginx');
    d.spec.template.spec.containers[0].ports = [{ name: 'http', containerPort: 8080 }];
    s.store.create(d);
    s.store.create<Service>({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } });
    s.advance(20_000);
    expect(s.store.get<Endpoints>('Endpoints', 'default', 'web')!.subsets![0].ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
  });
});

describe('kubelet failures', () => {
  it('goes ErrImagePull -> ImagePullBackOff for an image the registry does not have', () => {
    const catalog: RuntimeCatalog = {
      ...basicCatalog,
      image(ref) {
        const f = basicCatalog.image(ref);
        return ref.endsWith(':ergerg') ? { ...f, exists: false, pullError: 'not found' } : f;
      },
    };
    const s = new Simulation({ catalog });
    s.store.create(deployment('vote', 1, { app: 'vote' }, 'schoolofdevops/vote:ergerg'));
    s.advance(6_000);
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      seen.add(podStatusText(pods(s)[0]));
      s.advance(1_000);
    }
    expect(seen).toContain('ErrImagePull');
    expect(seen).toContain('ImagePullBackOff');
    expect(seen).not.toContain('Running');
  });

  it('restarts a container that exits, with CrashLoopBackOff in between', () => {
    const catalog: RuntimeCatalog = { ...basicCatalog, process: () => ({ exitsAfterMs: 2_000, exitCode: 0, stopsAfterMs: 100 }) };
    const s = new Simulation({ catalog });
    s.store.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b', namespace: 'default' }, spec: { containers: [{ name: 'b', image: 'busybox' }] } });
    const seen = new Set<string>();
    for (let i = 0; i < 90; i++) {
      s.advance(1_000);
      seen.add(podStatusText(s.store.get<Pod>('Pod', 'default', 'b')!));
    }
    expect(seen).toContain('Completed');
    expect(seen).toContain('CrashLoopBackOff');
    expect(s.store.get<Pod>('Pod', 'default', 'b')!.status!.containerStatuses![0].restartCount).toBeGreaterThanOrEqual(3);
  });
});

describe('determinism', () => {
  const run = (seed: number) => {
    const s = new Simulation({ seed });
    s.store.create(deployment('vote', 3, { app: 'vote' }));
    s.store.create(service('vote', { app: 'vote' }));
    s.advance(30_000);
    return JSON.stringify(['Pod', 'Service', 'EndpointSlice', 'Event'].map((k) => s.store.list(k)));
  };

  it('is a pure function of the seed and the inputs', () => {
    expect(run(42)).toBe(run(42));
    expect(run(42)).not.toBe(run(43));
  });
});
