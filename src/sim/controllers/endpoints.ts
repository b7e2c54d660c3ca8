// The Endpoints controller and the EndpointSlice controller (and the slice
// mirroring controller for selector-less Services with hand-written
// Endpoints). Both turn "pods matching the selector" into addresses and
// resolved target ports; they differ in shape:
//  * Endpoints: ready pods in `addresses`, the rest in `notReadyAddresses`,
//    sorted by IP string, terminating pods left out;
//  * EndpointSlices: every pod with its ready/serving/terminating conditions,
//    in arrival order, at most 100 per slice, an empty placeholder slice when
//    nothing matches.

import type { Endpoints, EndpointSlice, EndpointAddress, EndpointPort, KubeObject, Pod, Service, ServicePort, SliceEndpoint } from '../api/types';
import type { ControllerContext } from './context';
import { nsKey, splitKey } from './queue';
import { isPodReady, isTerminating, podEndpointsOrOwnershipChanged } from './podutil';
import { ServiceSelectorIndex } from './service-index';
import { rfc3339 } from '../core/time';
import { deepEqual } from '../core/deep-equal';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
const MIRROR_CONTROLLER = 'endpointslicemirroring-controller.k8s.io';
const TRIGGER = 'endpoints.kubernetes.io/last-change-trigger-time';
const MAX_PER_SLICE = 100;

/** The container port a service port's targetPort means for this pod (named ports are looked up per pod). */
export function resolveTargetPort(pod: Pod, sp: ServicePort): number | undefined {
  const t = sp.targetPort ?? sp.port;
  if (typeof t === 'number') return t;
  if (/^\d+$/.test(t)) return Number(t);
  for (const c of pod.spec.containers) {
    for (const p of c.ports ?? []) if (p.name === t && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return p.containerPort;
  }
  return undefined;
}

/** Endpoints with the same resolved ports share a subset (or a slice). */
function portsKey(ports: readonly EndpointPort[]): string {
  return ports.map((p) => `${p.name ?? ''}/${p.port}/${p.protocol ?? 'TCP'}/${p.appProtocol ?? ''}`).join(',');
}

interface PodEndpoint {
  pod: Pod;
  ip: string;
  ports: EndpointPort[];
}

/** Pods that belong in a service's endpoints, with their resolved ports. */
function podEndpoints(svc: Service, pods: Pod[], includeTerminating: boolean): PodEndpoint[] {
  const out: PodEndpoint[] = [];
  for (const pod of pods) {
    const ip = pod.status?.podIP;
    if (!ip) continue;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    if (isTerminating(pod) && !includeTerminating && !svc.spec.publishNotReadyAddresses) continue;
    const ports: EndpointPort[] = [];
    for (const sp of svc.spec.ports ?? []) {
      const port = resolveTargetPort(pod, sp);
      if (port === undefined) continue;
      ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
    }
    // A headless service without ports still lists the pod.
    if (ports.length === 0 && (svc.spec.ports?.length ?? 0) > 0) continue;
    out.push({ pod, ip, ports });
  }
  return out;
}

export function startEndpointControllers(ctx: ControllerContext): void {
  const { store, clock } = ctx;
  const index = new ServiceSelectorIndex(store);
  const enqueue = ctx.queue.register('endpoints', reconcile);

  store.watch('Service', (e) => {
    const ns = e.object.metadata.namespace!;
    const name = e.object.metadata.name!;
    // The controller removes the Endpoints of a deleted Service (slices go with their owner).
    if (e.type === 'DELETED' && store.get('Endpoints', ns, name)) store.delete('Endpoints', ns, name);
    else enqueue(nsKey(ns, name));
  });
  store.watch('Pod', (e) => {
    if (e.type === 'MODIFIED' && !podEndpointsOrOwnershipChanged(e.old as Pod, e.object as Pod)) return;
    const ns = e.object.metadata.namespace!;
    const seen = new Set<string>();
    for (const p of [e.object, e.old]) {
      if (!p) continue;
      for (const svc of index.selecting(ns, p.metadata.labels)) {
        if (seen.has(svc.metadata.name!)) continue;
        seen.add(svc.metadata.name!);
        enqueue(nsKey(ns, svc.metadata.name!));
      }
    }
  });
  // Hand-written Endpoints of selector-less services are mirrored into slices;
  // deleted or edited controller-owned objects are put back. Our own writes
  // (remembered by resourceVersion) need no second look.
  const ours = new Set<string>();
  const mine = (rv: string | undefined) => rv !== undefined && ours.delete(rv);
  store.watch('Endpoints', (e) => {
    if (e.type !== 'DELETED' && mine(e.object.metadata.resourceVersion)) return;
    enqueue(nsKey(e.object.metadata.namespace, e.object.metadata.name!));
  });
  store.watch('EndpointSlice', (e) => {
    if (e.type !== 'DELETED' && mine(e.object.metadata.resourceVersion)) return;
    const svc = e.object.metadata.labels?.[SERVICE_NAME_LABEL];
    if (svc) enqueue(nsKey(e.object.metadata.namespace, svc));
  });
  const write = <T extends KubeObject>(fn: () => T): T => {
    const o = fn();
    ours.add(o.metadata.resourceVersion!);
    return o;
  };

  function reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const svc = store.get<Service>('Service', ns, name);
    const slices = store
      .listMatching<EndpointSlice>('EndpointSlice', ns, { [SERVICE_NAME_LABEL]: name })
      .filter((s) => s.metadata.labels?.[MANAGED_BY_LABEL] === SLICE_CONTROLLER || s.metadata.labels?.[MANAGED_BY_LABEL] === MIRROR_CONTROLLER);
    if (!svc) {
      // The garbage collector removes owned objects; nothing else to do.
      return;
    }
    if (!svc.spec.selector || svc.spec.type === 'ExternalName') {
      for (const s of slices.filter((s) => s.metadata.labels?.[MANAGED_BY_LABEL] === SLICE_CONTROLLER)) store.delete('EndpointSlice', ns, s.metadata.name!);
      mirror(svc, slices.filter((s) => s.metadata.labels?.[MANAGED_BY_LABEL] === MIRROR_CONTROLLER));
      return;
    }
    const pods = store.listMatching<Pod>('Pod', ns, svc.spec.selector);
    syncEndpoints(svc, podEndpoints(svc, pods, false));
    syncSlices(svc, podEndpoints(svc, pods, true), slices.filter((s) => s.metadata.labels?.[MANAGED_BY_LABEL] === SLICE_CONTROLLER));
  }

  // ---------------------------------------------------------------- Endpoints

  function syncEndpoints(svc: Service, eps: PodEndpoint[]): void {
    const ns = svc.metadata.namespace!;
    const name = svc.metadata.name!;
    const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
    for (const ep of eps) {
      const k = portsKey(ep.ports);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { ports: ep.ports, ready: [], notReady: [] }));
      const addr: EndpointAddress = {
        ip: ep.ip,
        ...(ep.pod.spec.hostname && ep.pod.spec.subdomain === name ? { hostname: ep.pod.spec.hostname } : {}),
        nodeName: ep.pod.spec.nodeName,
        targetRef: { kind: 'Pod', namespace: ns, name: ep.pod.metadata.name!, uid: ep.pod.metadata.uid! },
      };
      if (isPodReady(ep.pod) || svc.spec.publishNotReadyAddresses) g.ready.push(addr);
      else g.notReady.push(addr);
    }
    const byIP = (a: EndpointAddress, b: EndpointAddress) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);
    const subsets = [...groups.values()].map((g) => {
      const s: NonNullable<Endpoints['subsets']>[number] = {};
      if (g.ready.length) s.addresses = g.ready.sort(byIP);
      if (g.notReady.length) s.notReadyAddresses = g.notReady.sort(byIP);
      if (g.ports.length) s.ports = g.ports;
      return s;
    });
    const existing = store.get<Endpoints>('Endpoints', ns, name);
    const labels = { ...(svc.metadata.labels ?? {}) };
    const want: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name,
        namespace: ns,
        ...(Object.keys(labels).length ? { labels } : {}),
        annotations: { [TRIGGER]: existing?.metadata.annotations?.[TRIGGER] ?? rfc3339(clock.now()) },
      },
      ...(subsets.length ? { subsets } : {}),
    };
    if (existing && deepEqual(existing.subsets ?? null, want.subsets ?? null) && deepEqual(existing.metadata.labels ?? {}, labels)) return;
    want.metadata.annotations![TRIGGER] = rfc3339(clock.now());
    if (existing) write(() => store.update({ ...want, metadata: { ...existing.metadata, labels: want.metadata.labels, annotations: want.metadata.annotations } }, { handOver: true }));
    else write(() => store.create(want, { handOver: true }));
  }

  // ---------------------------------------------------------------- EndpointSlices

  function sliceEndpoint(svc: Service, ep: PodEndpoint): SliceEndpoint {
    const ready = isPodReady(ep.pod);
    const terminating = isTerminating(ep.pod);
    return {
      addresses: [ep.ip],
      conditions: { ready: (ready && !terminating) || !!svc.spec.publishNotReadyAddresses, serving: ready, terminating },
      ...(ep.pod.spec.hostname && ep.pod.spec.subdomain === svc.metadata.name ? { hostname: ep.pod.spec.hostname } : {}),
      nodeName: ep.pod.spec.nodeName,
      targetRef: { kind: 'Pod', namespace: svc.metadata.namespace!, name: ep.pod.metadata.name!, uid: ep.pod.metadata.uid! },
    };
  }

  function sliceMeta(svc: Service, managedBy: string): EndpointSlice['metadata'] {
    return {
      generateName: `${svc.metadata.name}-`,
      namespace: svc.metadata.namespace,
      labels: { ...(svc.metadata.labels ?? {}), [MANAGED_BY_LABEL]: managedBy, [SERVICE_NAME_LABEL]: svc.metadata.name! },
      annotations: { [TRIGGER]: rfc3339(clock.now()) },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name!, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    };
  }

  function syncSlices(svc: Service, eps: PodEndpoint[], slices: EndpointSlice[]): void {
    const ns = svc.metadata.namespace!;
    // Desired endpoints grouped by port mapping; each group lives in its own slices.
    const wanted = new Map<string, { ports: EndpointPort[]; byIP: Map<string, SliceEndpoint> }>();
    for (const ep of eps) {
      const k = portsKey(ep.ports);
      let g = wanted.get(k);
      if (!g) wanted.set(k, (g = { ports: ep.ports, byIP: new Map() }));
      g.byIP.set(ep.ip, sliceEndpoint(svc, ep));
    }
    const slicePorts = (ports: EndpointPort[]) => ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP', ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }));
    const kept = new Set<string>();
    const labels = (s: EndpointSlice) => ({ ...(svc.metadata.labels ?? {}), [MANAGED_BY_LABEL]: SLICE_CONTROLLER, [SERVICE_NAME_LABEL]: svc.metadata.name!, ...pick(s.metadata.labels) });
    // Update existing slices in place: keep arrival order, drop what is gone, refresh conditions.
    for (const s of slices) {
      const k = portsKey((s.ports ?? []).map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port ?? 0, protocol: p.protocol, ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) })));
      const g = wanted.get(k);
      if (!g || s.endpoints === null) continue;
      const next: SliceEndpoint[] = [];
      for (const e of s.endpoints) {
        const w = g.byIP.get(e.addresses[0]);
        if (w) {
          next.push(w);
          g.byIP.delete(e.addresses[0]);
        }
      }
      // Fill free room with new endpoints.
      for (const [ip, w] of g.byIP) {
        if (next.length >= MAX_PER_SLICE) break;
        next.push(w);
        g.byIP.delete(ip);
      }
      if (next.length === 0) continue;
      kept.add(s.metadata.name!);
      writeSlice(s, next, s.ports, labels(s));
    }
    // New slices for what did not fit.
    for (const g of wanted.values()) {
      const rest = [...g.byIP.values()];
      for (let i = 0; i < rest.length; i += MAX_PER_SLICE) {
        const created = write(() => store.create<EndpointSlice>({
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: sliceMeta(svc, SLICE_CONTROLLER),
          addressType: 'IPv4',
          endpoints: rest.slice(i, i + MAX_PER_SLICE),
          ports: slicePorts(g.ports),
        }, { handOver: true }));
        kept.add(created.metadata.name!);
      }
    }
    // Nothing at all: one placeholder slice, as the real controller keeps.
    if (kept.size === 0) {
      const placeholder = slices.find((s) => s.endpoints === null || s.endpoints.length === 0);
      if (placeholder) {
        kept.add(placeholder.metadata.name!);
        writeSlice(placeholder, null, null, labels(placeholder));
      } else {
        const created = write(() => store.create<EndpointSlice>({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: sliceMeta(svc, SLICE_CONTROLLER), addressType: 'IPv4', endpoints: null, ports: null }));
        kept.add(created.metadata.name!);
      }
    }
    for (const s of slices) if (!kept.has(s.metadata.name!)) store.delete('EndpointSlice', ns, s.metadata.name!);
  }

  function writeSlice(s: EndpointSlice, endpoints: SliceEndpoint[] | null, ports: EndpointSlice['ports'], labels: Record<string, string>): void {
    if (deepEqual(s.endpoints, endpoints) && deepEqual(s.ports, ports) && deepEqual(s.metadata.labels, labels)) return;
    write(() => store.update<EndpointSlice>({ ...s, metadata: { ...s.metadata, labels, annotations: { ...s.metadata.annotations, [TRIGGER]: rfc3339(clock.now()) } }, endpoints, ports }, { handOver: true }));
  }

  /** Mirror hand-written Endpoints of a selector-less Service into one slice. */
  function mirror(svc: Service, slices: EndpointSlice[]): void {
    const ns = svc.metadata.namespace!;
    const ep = svc.spec.type === 'ExternalName' ? undefined : store.get<Endpoints>('Endpoints', ns, svc.metadata.name!);
    // The apiserver writes the `kubernetes` service's slice itself and marks its Endpoints skip-mirror.
    if (ep?.metadata.labels?.['endpointslice.kubernetes.io/skip-mirror'] === 'true') return;
    const subsets = ep?.subsets ?? [];
    if (subsets.length === 0) {
      for (const s of slices) store.delete('EndpointSlice', ns, s.metadata.name!);
      return;
    }
    const sub = subsets[0];
    const endpoints: SliceEndpoint[] = [
      ...(sub.addresses ?? []).map((a) => ({ addresses: [a.ip], conditions: { ready: true }, ...(a.nodeName ? { nodeName: a.nodeName } : {}) })),
      ...(sub.notReadyAddresses ?? []).map((a) => ({ addresses: [a.ip], conditions: { ready: false } })),
    ];
    const ports = (sub.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' }));
    const labels = { ...(svc.metadata.labels ?? {}), [MANAGED_BY_LABEL]: MIRROR_CONTROLLER, [SERVICE_NAME_LABEL]: svc.metadata.name! };
    if (slices[0]) {
      writeSlice(slices[0], endpoints, ports, labels);
      for (const s of slices.slice(1)) store.delete('EndpointSlice', ns, s.metadata.name!);
    } else {
      store.create<EndpointSlice>({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { ...sliceMeta(svc, MIRROR_CONTROLLER), labels }, addressType: 'IPv4', endpoints, ports });
    }
  }
}

/** Keep only the controller's own labels from an existing slice (service labels are re-copied). */
function pick(labels: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (labels?.[MANAGED_BY_LABEL]) out[MANAGED_BY_LABEL] = labels[MANAGED_BY_LABEL];
  return out;
}
