// renderJsonPath against the real kubectl, both for objects kubectl builds
// itself (create --dry-run=client: numbers are float64) and for objects it
// reads from a server (a fake apiserver here: numbers are int64).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonPathError, renderJsonPath, type JsonPathOptions } from '../../../src/shell/text/jsonpath';
import { kubectlList } from '../../../src/shell/text/yaml-emit';
import { kubectl, kubectlAsync, kubectlMissing, mapLimit, SKIP_REASON } from './kubectl';
import { startFakeServer, type FakeServer } from './fake-server';
import { LIST_TEMPLATES, SINGLE_TEMPLATES, TEMPLATES } from './cases/jsonpath-templates';

if (kubectlMissing) console.warn(SKIP_REASON);

/** What kubectl would print: stdout, and stderr as `error: ` + message (+ newline unless it has one). */
function ours(template: string, data: unknown, opts: JsonPathOptions): { stdout: string; stderr: string } {
  try {
    return { stdout: renderJsonPath(template, data, opts), stderr: '' };
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    return { stdout: '', stderr: `error: ${e.message}${e.message.endsWith('\n') ? '' : '\n'}` };
  }
}

const DRY_RUN_OBJECTS: [string, string[]][] = [
  ['service', ['create', 'service', 'nodeport', 'vote', '--tcp=80:8080', '--tcp=443:8443']],
  ['deployment', ['create', 'deployment', 'vote', '--image=schoolofdevops/vote:v1', '--image=redis', '--port=80', '--replicas=100000000']],
];

describe.skipIf(kubectlMissing)('renderJsonPath on objects kubectl builds (create --dry-run=client)', () => {
  for (const [name, args] of DRY_RUN_OBJECTS) {
    it(`${name}: every template, with and without --allow-missing-template-keys, as jsonpath and jsonpath-as-json`, async () => {
      const obj = JSON.parse(kubectl([...args, '--dry-run=client', '-o', 'json']).stdout);
      // jsonpath-as-json shares everything but the printing: a quarter of the templates is enough for it.
      const runs = [true, false].flatMap((allowMissingKeys) => [
        ...TEMPLATES.map((t) => ({ t, allowMissingKeys, asJson: false })),
        ...TEMPLATES.filter((_, i) => i % 4 === 0).map((t) => ({ t, allowMissingKeys, asJson: true })),
      ]);
      const results = await mapLimit(runs, 8, async ({ t, allowMissingKeys, asJson }) => {
        const format = asJson ? 'jsonpath-as-json' : 'jsonpath';
        const real = await kubectlAsync([...args, '--dry-run=client', '-o', `${format}=${t}`, `--allow-missing-template-keys=${allowMissingKeys}`]);
        const mine = ours(t, obj, { numbers: 'float64', allowMissingKeys, asJson });
        const same = mine.stdout === real.stdout && mine.stderr === real.stderr;
        return same ? '' : `${format} allow=${allowMissingKeys} ${JSON.stringify(t)}\n  real: ${JSON.stringify(real)}\n  ours: ${JSON.stringify(mine)}`;
      });
      expect(results.filter((r) => r !== '')).toEqual([]);
    }, 300000);
  }
});

const SERVER_OBJECTS = [
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'vote', namespace: 'instavote', labels: { app: 'vote' }, creationTimestamp: '2024-05-01T10:00:00Z' },
    spec: { clusterIP: '10.96.1.2', type: 'NodePort', ports: [{ port: 80, nodePort: 30000, targetPort: 80, protocol: 'TCP' }], bignum: 100000000, ratio: 1.5 },
    status: { loadBalancer: {} },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'db', namespace: 'instavote', creationTimestamp: '2024-05-01T10:00:01Z' },
    spec: { clusterIP: 'None', type: 'ClusterIP', ports: [{ name: 'pg', port: 5432, targetPort: 'pg', protocol: 'TCP' }] },
    status: { loadBalancer: {} },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'lb', namespace: 'instavote', labels: { app: 'lb' }, creationTimestamp: '2024-05-01T10:00:02Z' },
    spec: {
      clusterIP: '10.96.7.8',
      type: 'LoadBalancer',
      ports: [
        { name: 'http', port: 80, nodePort: 31080, targetPort: 8080, protocol: 'TCP' },
        { name: 'dns', port: 53, nodePort: 31053, targetPort: 53, protocol: 'UDP' },
      ],
    },
    status: { loadBalancer: { ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }] } },
  },
];

describe.skipIf(kubectlMissing)('renderJsonPath on objects from the server (kubectl get)', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer(SERVER_OBJECTS as never);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists: the List kubectl builds around the items', async () => {
    const runs = [true, false].flatMap((allowMissingKeys) => LIST_TEMPLATES.map((t) => ({ t, allowMissingKeys })));
    const results = await mapLimit(runs, 8, async ({ t, allowMissingKeys }) => {
      const real = await kubectlAsync(['get', 'svc', '-n', 'instavote', '-o', `jsonpath=${t}`, `--allow-missing-template-keys=${allowMissingKeys}`], { server: server.url });
      const mine = ours(t, kubectlList(SERVER_OBJECTS), { allowMissingKeys });
      const same = mine.stdout === real.stdout && mine.stderr === real.stderr;
      return same ? '' : `${t}\n  real: ${JSON.stringify(real)}\n  ours: ${JSON.stringify(mine)}`;
    });
    expect(results.filter((r) => r !== '')).toEqual([]);
  }, 120000);

  it('single objects', async () => {
    const mismatches: string[] = [];
    for (const t of SINGLE_TEMPLATES) {
      const real = await kubectlAsync(['get', 'svc', 'vote', '-n', 'instavote', '-o', `jsonpath=${t}`, '--allow-missing-template-keys=false'], { server: server.url });
      const mine = ours(t, SERVER_OBJECTS[0], { allowMissingKeys: false });
      if (mine.stdout !== real.stdout || mine.stderr !== real.stderr) mismatches.push(`${t}\n  real: ${JSON.stringify(real)}\n  ours: ${JSON.stringify(mine)}`);
    }
    expect(mismatches).toEqual([]);
  }, 60000);
});
