// A tiny read-only Kubernetes API server over plain HTTP, so the real kubectl can
// describe a fixed set of objects offline. `kubectl describe` computes its text
// client-side from what it GETs, which makes real kubectl an oracle for our
// describe printers: serve the same objects to both and compare the bytes.
//
// It serves legacy discovery (kubectl falls back to it when the aggregated form
// is not offered), single objects, and lists filtered by labelSelector and
// fieldSelector, which is all describe asks for. Given a table convertor it
// also answers `kubectl get`'s requests for server-side Tables, which lets the
// real kubectl lay out the cells our convertors produce.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KubeObject } from '../../../src/sim/api/types';
import { matchesSelector, parseSelectorString } from '../../../src/sim/api/selectors';

interface Resource {
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
}

interface GroupVersion {
  group: string;
  version: string;
  resources: Resource[];
}

const GROUPS: GroupVersion[] = [
  {
    group: '',
    version: 'v1',
    resources: [
      { plural: 'configmaps', singular: 'configmap', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'] },
      { plural: 'endpoints', singular: 'endpoints', kind: 'Endpoints', namespaced: true, shortNames: ['ep'] },
      { plural: 'events', singular: 'event', kind: 'Event', namespaced: true, shortNames: ['ev'] },
      { plural: 'namespaces', singular: 'namespace', kind: 'Namespace', namespaced: false, shortNames: ['ns'] },
      { plural: 'nodes', singular: 'node', kind: 'Node', namespaced: false, shortNames: ['no'] },
      { plural: 'pods', singular: 'pod', kind: 'Pod', namespaced: true, shortNames: ['po'], categories: ['all'] },
      { plural: 'services', singular: 'service', kind: 'Service', namespaced: true, shortNames: ['svc'], categories: ['all'] },
      { plural: 'resourcequotas', singular: 'resourcequota', kind: 'ResourceQuota', namespaced: true, shortNames: ['quota'] },
      { plural: 'limitranges', singular: 'limitrange', kind: 'LimitRange', namespaced: true, shortNames: ['limits'] },
    ],
  },
  {
    group: 'apps',
    version: 'v1',
    resources: [
      { plural: 'daemonsets', singular: 'daemonset', kind: 'DaemonSet', namespaced: true, shortNames: ['ds'], categories: ['all'] },
      { plural: 'deployments', singular: 'deployment', kind: 'Deployment', namespaced: true, shortNames: ['deploy'], categories: ['all'] },
      { plural: 'replicasets', singular: 'replicaset', kind: 'ReplicaSet', namespaced: true, shortNames: ['rs'], categories: ['all'] },
    ],
  },
  {
    group: 'discovery.k8s.io',
    version: 'v1',
    resources: [{ plural: 'endpointslices', singular: 'endpointslice', kind: 'EndpointSlice', namespaced: true }],
  },
  {
    group: 'events.k8s.io',
    version: 'v1',
    resources: [{ plural: 'events', singular: 'event', kind: 'Event', namespaced: true, shortNames: ['ev'] }],
  },
  {
    group: 'coordination.k8s.io',
    version: 'v1',
    resources: [{ plural: 'leases', singular: 'lease', kind: 'Lease', namespaced: true }],
  },
];

const VERBS = ['get', 'list'];

function groupVersionString(g: GroupVersion): string {
  return g.group ? `${g.group}/${g.version}` : g.version;
}

function resourceList(g: GroupVersion): unknown {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersionString(g),
    resources: g.resources.map((r) => ({
      name: r.plural,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: VERBS,
      ...(r.shortNames ? { shortNames: r.shortNames } : {}),
      ...(r.categories ? { categories: r.categories } : {}),
    })),
  };
}

function groupList(): unknown {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: GROUPS.filter((g) => g.group !== '').map((g) => {
      const gv = { groupVersion: groupVersionString(g), version: g.version };
      return { name: g.group, versions: [gv], preferredVersion: gv };
    }),
  };
}

/** The value at a dotted path (`involvedObject.name`, `spec.nodeName`), as the string a field selector compares. */
function fieldValue(obj: KubeObject, path: string): string {
  let v: unknown = obj;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return '';
    v = (v as Record<string, unknown>)[part];
  }
  return v === undefined || v === null ? '' : String(v);
}

/** `a=b,c!=d,e==f`: every term must hold. Values in field selectors never contain commas here. */
function matchesFieldSelector(obj: KubeObject, selector: string): boolean {
  for (const term of selector.split(',')) {
    if (term === '') continue;
    const m = /^([^!=]+)(!=|==|=)(.*)$/.exec(term);
    if (!m) throw new Error(`unsupported field selector term ${term}`);
    const [, path, op, want] = m;
    const have = fieldValue(obj, path);
    if (op === '!=' ? have === want : have !== want) return false;
  }
  return true;
}

interface Route {
  gv: GroupVersion;
  resource: Resource;
  namespace?: string;
  name?: string;
}

/** `/api/v1/namespaces/ns/pods/x`, `/apis/apps/v1/deployments`, `/api/v1/nodes/n`. */
function parseRoute(path: string): Route | undefined {
  const parts = path.split('/').filter((p) => p !== '');
  let gv: GroupVersion | undefined;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 2) {
    gv = GROUPS.find((g) => g.group === '' && g.version === parts[1]);
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    gv = GROUPS.find((g) => g.group === parts[1] && g.version === parts[2]);
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  if (!gv || rest.length === 0) return undefined;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const resource = gv.resources.find((r) => r.plural === rest[0]);
  if (!resource || rest.length > 2) return undefined;
  return { gv, resource, namespace, name: rest[1] };
}

/** A server-side table for some objects of one kind: column definitions and one row of cells per object. */
export type TableConvertor = (kind: string, objects: KubeObject[]) => { columns: { name: string; priority: number; format?: string }[]; rows: string[][] };

export interface FakeApiserver {
  readonly url: string;
  /** Every request as `METHOD path?query`, in arrival order (to see what kubectl asks for). */
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * Serve `objects` read-only. Core events are also served as events.k8s.io/v1
 * lists are not (describe only reads core v1 events).
 */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}

export async function startFakeApiserver(
  objects: KubeObject[],
  opts: { serverVersion?: string; table?: TableConvertor; /** Streamed to `?watch=true` requests, then the stream ends. */ watch?: WatchEvent[] } = {},
): Promise<FakeApiserver> {
  const serverVersion = opts.serverVersion ?? 'v1.32.4';
  const requests: string[] = [];

  const send = (res: ServerResponse, code: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };
  const notFound = (res: ServerResponse, route: Route | undefined, path: string) => {
    const what = route ? (route.gv.group ? `${route.resource.plural}.${route.gv.group}` : route.resource.plural) : path;
    send(res, 404, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: route?.name ? `${what} "${route.name}" not found` : 'the server could not find the requested resource',
      reason: 'NotFound',
      details: route?.name ? { name: route.name, group: route.gv.group, kind: route.resource.plural } : {},
      code: 404,
    });
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const path = url.pathname.replace(/\/$/, '');
    if (req.method !== 'GET') return send(res, 405, { kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 405, reason: 'MethodNotAllowed' });

    if (path === '/version') {
      const [major, minor] = serverVersion.replace(/^v/, '').split('.');
      return send(res, 200, { major, minor, gitVersion: serverVersion, platform: 'linux/amd64' });
    }
    if (path === '/api') return send(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }] });
    if (path === '/apis') return send(res, 200, groupList());
    const gvDoc = GROUPS.find((g) => path === (g.group ? `/apis/${g.group}/${g.version}` : `/api/${g.version}`));
    if (gvDoc) return send(res, 200, resourceList(gvDoc));
    const groupDoc = GROUPS.find((g) => g.group !== '' && path === `/apis/${g.group}`);
    if (groupDoc) {
      const gv = { groupVersion: groupVersionString(groupDoc), version: groupDoc.version };
      return send(res, 200, { kind: 'APIGroup', apiVersion: 'v1', name: groupDoc.group, versions: [gv], preferredVersion: gv });
    }

    const route = parseRoute(path);
    if (!route) return notFound(res, undefined, path);
    const apiVersion = groupVersionString(route.gv);
    const candidates = objects.filter(
      (o) =>
        o.kind === route.resource.kind &&
        (route.resource.kind !== 'Event' || route.gv.group === '') &&
        (route.namespace === undefined || o.metadata.namespace === route.namespace),
    );
    const wantsTable = !!opts.table && (req.headers.accept ?? '').includes('as=Table');
    const asTable = (items: KubeObject[]) => {
      const t = opts.table!(route.resource.kind, items);
      return {
        kind: 'Table',
        apiVersion: 'meta.k8s.io/v1',
        metadata: { resourceVersion: '1000' },
        columnDefinitions: t.columns.map((c) => ({ name: c.name, type: 'string', format: c.format ?? '', description: '', priority: c.priority })),
        rows: items.map((o, i) => ({
          cells: t.rows[i],
          object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
        })),
      };
    };
    if (route.name !== undefined) {
      const found = candidates.find((o) => o.metadata.name === route.name);
      if (!found) return notFound(res, route, path);
      return send(res, 200, wantsTable ? asTable([found]) : { ...found, apiVersion });
    }
    const labelSelector = url.searchParams.get('labelSelector');
    const fieldSelector = url.searchParams.get('fieldSelector');
    const items = candidates.filter(
      (o) =>
        (!labelSelector || matchesSelector(parseSelectorString(labelSelector), o.metadata.labels)) &&
        (!fieldSelector || matchesFieldSelector(o, fieldSelector)),
    );
    // Lists come in storage-key order: namespace, then name, as bytes.
    const byteCmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    items.sort((a, b) => byteCmp(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || byteCmp(a.metadata.name ?? '', b.metadata.name ?? ''));
    const watching = url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1';
    if (watching) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
      for (const e of opts.watch ?? []) {
        const o = e.object;
        if (o.kind !== route.resource.kind || (route.namespace !== undefined && o.metadata.namespace !== route.namespace)) continue;
        if (labelSelector && !matchesSelector(parseSelectorString(labelSelector), o.metadata.labels)) continue;
        if (fieldSelector && !matchesFieldSelector(o, fieldSelector)) continue;
        res.write(JSON.stringify({ type: e.type, object: wantsTable ? asTable([o]) : { ...o, apiVersion } }) + '\n');
      }
      res.end();
      return;
    }
    if (wantsTable) return send(res, 200, asTable(items));
    return send(res, 200, {
      kind: `${route.resource.kind}List`,
      apiVersion,
      metadata: { resourceVersion: '1000' },
      items: items.map((o) => {
        const { apiVersion: _a, kind: _k, ...rest } = o;
        return rest;
      }),
    });
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
