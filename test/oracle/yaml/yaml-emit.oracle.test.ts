// toYaml against the real kubectl: kubectl prints the same object as JSON and
// as YAML; feeding its JSON to toYaml must give its YAML byte for byte.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubectlList, toYaml, YamlEmitError } from '../../../src/shell/text/yaml-emit';
import { toJson } from '../../../src/shell/text/json-emit';
import { kubectl, kubectlAsync, kubectlMissing, SKIP_REASON } from './kubectl';
import { startFakeServer, type FakeServer } from './fake-server';
import { KEYS, LONG, MULTILINE, QUOTING, UNICODE, UNPRINTABLE_IN_YAML } from './cases/scalar-values';

if (kubectlMissing) console.warn(SKIP_REASON);

function configMapArgs(values: string[]): string[] {
  return ['create', 'configmap', 'cm', ...values.map((v, i) => `--from-literal=k${String(i).padStart(3, '0')}=${v}`)];
}

/** kubectl's JSON and YAML for the same dry-run object. */
function both(args: string[]): { json: string; yaml: string } {
  const j = kubectl([...args, '--dry-run=client', '-o', 'json']);
  const y = kubectl([...args, '--dry-run=client', '-o', 'yaml']);
  expect(j.stderr).toBe('');
  expect(y.stderr).toBe('');
  return { json: j.stdout, yaml: y.stdout };
}

function expectSameYaml(args: string[]): void {
  const { json, yaml } = both(args);
  expect(toYaml(JSON.parse(json))).toBe(yaml);
}

describe.skipIf(kubectlMissing)('toYaml matches kubectl -o yaml', () => {
  it.each([
    ['strings that need quotes', QUOTING],
    ['unicode and control characters', UNICODE],
    ['multi-line strings', MULTILINE],
    ['long strings folded at column 80', LONG],
  ])('%s', (_name, values) => {
    expectSameYaml(configMapArgs(values));
  });

  it('sorts keys the way go-yaml does, and writes keys over 128 bytes as `? key`', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yaml-keys-'));
    for (const k of KEYS) writeFileSync(join(dir, k), 'v');
    expectSameYaml(['create', 'configmap', 'cm', `--from-file=${dir}`]);
  });

  it('keeps a literal block with |+ at the very end without a document end marker', () => {
    for (const type of ['a\n\n', 'a\n', '\n', 'yes', ' x', 'a: b']) {
      expectSameYaml(['create', 'secret', 'generic', 's', '--from-literal=a=b', `--type=${type}`]);
    }
  });

  it.each([
    ['deployment', ['create', 'deployment', 'vote', '--image=schoolofdevops/vote:v1', '--replicas=2', '--port=80', '-n', 'instavote']],
    ['deployment with two images', ['create', 'deployment', 'd', '--image=a', '--image=redis:alpine']],
    ['clusterip service', ['create', 'service', 'clusterip', 'vote', '--tcp=80:8080', '--tcp=443:8443']],
    ['headless service', ['create', 'service', 'clusterip', 'db', '--clusterip=None']],
    ['nodeport service', ['create', 'service', 'nodeport', 'vote', '--tcp=80:80', '--node-port=30000']],
    ['loadbalancer service', ['create', 'service', 'loadbalancer', 'lb', '--tcp=5678:8080']],
    ['externalname service', ['create', 'service', 'externalname', 'ext', '--external-name=example.com']],
    ['namespace', ['create', 'namespace', 'instavote']],
    ['secret', ['create', 'secret', 'generic', 's', '--from-literal=password=s3cr3t']],
  ])('%s', (_name, args) => {
    expectSameYaml(args);
  });

  it('fails like kubectl on characters go-yaml cannot read back', () => {
    for (const v of UNPRINTABLE_IN_YAML) {
      const args = configMapArgs([v]);
      const j = kubectl([...args, '--dry-run=client', '-o', 'json']);
      const y = kubectl([...args, '--dry-run=client', '-o', 'yaml']);
      expect(y.code).toBe(1);
      let message = '';
      try {
        toYaml(JSON.parse(j.stdout));
      } catch (e) {
        expect(e).toBeInstanceOf(YamlEmitError);
        message = (e as Error).message;
      }
      expect(`error: ${message}\n`).toBe(y.stderr);
    }
  });
});

/** Objects as the simulated apiserver holds them: timestamps, IPs, status, ports. */
const SERVER_OBJECTS = [
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'vote',
      namespace: 'instavote',
      uid: '4b9a1c2e-0d7f-4c55-9a55-1f0e2d3c4b5a',
      resourceVersion: '1042',
      creationTimestamp: '2024-05-01T10:00:00Z',
      labels: { role: 'vote' },
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration':
          '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"labels":{"role":"vote"},"name":"vote","namespace":"instavote"},"spec":{"ports":[{"nodePort":30000,"port":80,"targetPort":80}],"selector":{"role":"vote"},"type":"NodePort"}}\n',
      },
    },
    spec: {
      clusterIP: '10.96.4.17',
      clusterIPs: ['10.96.4.17'],
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ nodePort: 30000, port: 80, protocol: 'TCP', targetPort: 80 }],
      selector: { role: 'vote' },
      sessionAffinity: 'None',
      type: 'NodePort',
    },
    status: { loadBalancer: {} },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'db', namespace: 'instavote', creationTimestamp: '2024-05-01T10:00:01Z', labels: { role: 'db', tier: 'back' } },
    spec: { clusterIP: 'None', ports: [{ name: 'pg', port: 5432, protocol: 'TCP', targetPort: 'pg' }], selector: { role: 'db' }, type: 'ClusterIP' },
    status: { loadBalancer: { ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }] } },
  },
];

describe.skipIf(kubectlMissing)('toYaml and toJson match kubectl get on objects from a server', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer(SERVER_OBJECTS as never);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('a list, as kubectl get -o yaml|json prints it', async () => {
    const y = await kubectlAsync(['get', 'svc', '-n', 'instavote', '-o', 'yaml'], { server: server.url });
    const j = await kubectlAsync(['get', 'svc', '-n', 'instavote', '-o', 'json'], { server: server.url });
    expect(toYaml(kubectlList(SERVER_OBJECTS))).toBe(y.stdout);
    expect(toJson(kubectlList(SERVER_OBJECTS)) + '\n').toBe(j.stdout);
  });

  it('a single object', async () => {
    const y = await kubectlAsync(['get', 'svc', 'vote', '-n', 'instavote', '-o', 'yaml'], { server: server.url });
    const j = await kubectlAsync(['get', 'svc', 'vote', '-n', 'instavote', '-o', 'json'], { server: server.url });
    expect(toYaml(SERVER_OBJECTS[0])).toBe(y.stdout);
    expect(toJson(SERVER_OBJECTS[0]) + '\n').toBe(j.stdout);
  });
});
