// A minimal read-only apiserver so the real kubectl can run `get -o …` and
// `create -f … --validate=false --dry-run=client` offline: discovery for the
// kinds we simulate (plus ConfigMap, handy for free-form data), and GET of a
// fixed set of objects as single objects or lists.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Kind {
  group: string;
  plural: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
}

const KINDS: Kind[] = [
  { group: '', plural: 'namespaces', kind: 'Namespace', namespaced: false, shortNames: ['ns'] },
  { group: '', plural: 'pods', kind: 'Pod', namespaced: true, shortNames: ['po'] },
  { group: '', plural: 'services', kind: 'Service', namespaced: true, shortNames: ['svc'] },
  { group: '', plural: 'endpoints', kind: 'Endpoints', namespaced: true, shortNames: ['ep'] },
  { group: '', plural: 'configmaps', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'] },
  { group: 'apps', plural: 'deployments', kind: 'Deployment', namespaced: true, shortNames: ['deploy'] },
  { group: 'apps', plural: 'replicasets', kind: 'ReplicaSet', namespaced: true, shortNames: ['rs'] },
  { group: 'discovery.k8s.io', plural: 'endpointslices', kind: 'EndpointSlice', namespaced: true },
];

const gv = (group: string) => (group ? `${group}/v1` : 'v1');

export interface FakeServer {
  url: string;
  close(): Promise<void>;
}

type Obj = { kind: string; metadata: { name: string; namespace?: string } } & Record<string, unknown>;

export async function startFakeServer(objects: Obj[]): Promise<FakeServer> {
  const send = (res: ServerResponse, code: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(code, { 'Content-Type': 'application/json' });
    res.end(text);
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/\/$/, '');
    if (path === '/version') return send(res, 200, { major: '1', minor: '32', gitVersion: 'v1.32.4' });
    if (path === '/api') return send(res, 200, { kind: 'APIVersions', versions: ['v1'] });
    if (path === '/apis') {
      const groups = [...new Set(KINDS.map((k) => k.group).filter((g) => g))];
      return send(res, 200, {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: groups.map((g) => ({ name: g, versions: [{ groupVersion: gv(g), version: 'v1' }], preferredVersion: { groupVersion: gv(g), version: 'v1' } })),
      });
    }
    for (const group of new Set(KINDS.map((k) => k.group))) {
      if (path === (group ? `/apis/${group}/v1` : '/api/v1')) {
        return send(res, 200, {
          kind: 'APIResourceList',
          groupVersion: gv(group),
          resources: KINDS.filter((k) => k.group === group).map((k) => ({
            name: k.plural,
            singularName: k.kind.toLowerCase(),
            namespaced: k.namespaced,
            kind: k.kind,
            verbs: ['get', 'list', 'create'],
            ...(k.shortNames ? { shortNames: k.shortNames } : {}),
          })),
        });
      }
    }
    const m = /^\/(?:api\/v1|apis\/([^/]+)\/v1)(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(path);
    const k = m && KINDS.find((x) => x.plural === m[3] && x.group === (m[1] ?? ''));
    if (!m || !k) return send(res, 404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'not found' });
    const matching = objects.filter((o) => o.kind === k.kind && (m[2] === undefined || o.metadata.namespace === m[2]));
    if (m[4] !== undefined) {
      const o = matching.find((x) => x.metadata.name === m[4]);
      if (!o) return send(res, 404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `${k.plural} "${m[4]}" not found`, details: { name: m[4], kind: k.plural } });
      return send(res, 200, o);
    }
    return send(res, 200, { kind: `${k.kind}List`, apiVersion: gv(k.group), metadata: { resourceVersion: '4711' }, items: matching.map(({ kind: _k, apiVersion: _a, ...rest }) => rest) });
  };
  const server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
