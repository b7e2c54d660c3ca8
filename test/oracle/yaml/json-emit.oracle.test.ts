// toJson against the real kubectl: Go's escaping, four-space indentation, and
// the struct field order of the objects `kubectl create --dry-run=client` builds.

import { describe, expect, it } from 'vitest';
import { toJson } from '../../../src/shell/text/json-emit';
import { goStructShape } from '../../../src/sim/api/schema';
import { kubectl, kubectlMissing, SKIP_REASON } from './kubectl';
import { QUOTING, UNICODE, MULTILINE, UNPRINTABLE_IN_YAML } from './cases/scalar-values';

if (kubectlMissing) console.warn(SKIP_REASON);

function dryRunJson(args: string[]): string {
  const r = kubectl([...args, '--dry-run=client', '-o', 'json']);
  expect(r.stderr).toBe('');
  return r.stdout;
}

describe.skipIf(kubectlMissing)('toJson matches kubectl -o json', () => {
  it.each([
    ['deployment', ['create', 'deployment', 'vote', '--image=schoolofdevops/vote:v1', '--replicas=2', '--port=80', '-n', 'instavote']],
    ['deployment with two images', ['create', 'deployment', 'd', '--image=a', '--image=redis:alpine', '--port=6379']],
    ['clusterip service', ['create', 'service', 'clusterip', 'vote', '--tcp=80:8080', '--tcp=443:8443']],
    ['headless service', ['create', 'service', 'clusterip', 'db', '--clusterip=None']],
    ['nodeport service', ['create', 'service', 'nodeport', 'vote', '--tcp=80:80', '--node-port=30000']],
    ['loadbalancer service', ['create', 'service', 'loadbalancer', 'lb', '--tcp=5678:8080']],
    ['externalname service', ['create', 'service', 'externalname', 'ext', '--external-name=example.com']],
    ['namespace', ['create', 'namespace', 'instavote']],
    ['secret', ['create', 'secret', 'generic', 's', '--from-literal=b=2', '--from-literal=a=1', '--type=kubernetes.io/basic-auth']],
    ['configmap', ['create', 'configmap', 'cm', '--from-literal=z=1', '--from-literal=a=<b>&']],
  ])('%s in Go struct field order', (_name, args) => {
    const out = dryRunJson(args);
    const obj = JSON.parse(out);
    expect(toJson(obj, goStructShape(obj.kind)) + '\n').toBe(out);
  });

  it('escapes strings like encoding/json', () => {
    const values = [...QUOTING, ...UNICODE, ...MULTILINE, ...UNPRINTABLE_IN_YAML, '\b\f\x01\x1f', '\u2028\u2029', '<script>&amp;</script>'];
    const args = ['create', 'configmap', 'cm', ...values.map((v, i) => `--from-literal=k${String(i).padStart(3, '0')}=${v}`)];
    const out = dryRunJson(args);
    const obj = JSON.parse(out);
    expect(toJson(obj, goStructShape('ConfigMap')) + '\n').toBe(out);
  });
});
