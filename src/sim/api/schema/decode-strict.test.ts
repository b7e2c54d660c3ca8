// The apiserver's decode errors for lab manifests and typical learner mistakes.
// No oracle can produce these offline (they come from a real apiserver); the
// texts follow apimachinery's wording: `<Kind> in version "v1" cannot be
// handled as a <Kind>: ` + Go's json error or the strict decoding error.

import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeStrict } from '.';
import { parseManifests } from '../manifest';
import { StatusError } from '../errors';

const LABFILES = '/work/shared/reference/labfiles';

function lab(file: string): Record<string, unknown> {
  return parseManifests(readFileSync(join(LABFILES, file), 'utf8'), file)[0] as Record<string, unknown>;
}

function message(obj: unknown, kind: string): string | undefined {
  const e = decodeStrict(obj, kind);
  if (e) expect(e).toBeInstanceOf(StatusError);
  if (e) expect(e.reason).toBe('BadRequest');
  return e?.message;
}

const svc = (spec: unknown, metadata: unknown = { name: 'vote' }) => ({ apiVersion: 'v1', kind: 'Service', metadata, spec });
const deploy = (spec: unknown) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'vote' }, spec });

describe('decodeStrict', () => {
  it('accepts every complete lab manifest', () => {
    for (const f of readdirSync(LABFILES)) {
      if (f.includes('stub') || f === 'helper.worker-svc.yaml' || f === 'kind-three-node-cluster.yaml') continue;
      const obj = lab(f) as { kind: string };
      expect(message(obj, obj.kind), f).toBeUndefined();
    }
  });

  it('rejects the lab stubs where a string stands in for an object', () => {
    expect(message(lab('results-svc.stub.yaml'), 'Service')).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field Service.spec of type v1.ServiceSpec',
    );
    expect(message(lab('results-deploy.stub.yaml'), 'Deployment')).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field Deployment.spec of type v1.DeploymentSpec',
    );
    // selector comes before template in the (sorted) JSON kubectl sends, so its error is the one reported.
    expect(message(lab('worker-deploy.stub.yaml'), 'Deployment')).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.selector of type v1.LabelSelector',
    );
    const worker = lab('helper.worker-svc.yaml');
    expect(message(worker, 'Service')).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort',
    );
  });

  it('lists unknown fields with their paths, in the order of the JSON', () => {
    expect(message(svc({ prots: [{ port: 80 }], selector: { app: 'vote' } }), 'Service')).toBe(
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.prots"',
    );
    expect(message(svc({ selectr: {}, ports: [{ port: 80, tragetPort: 80 }] }, { name: 'vote', lables: {} }), 'Service')).toBe(
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "metadata.lables", unknown field "spec.ports[0].tragetPort", unknown field "spec.selectr"',
    );
    const containers = [{ name: 'app', image: 'x', imagePullPolicy: 'Always', port: 80 }];
    expect(message(deploy({ selector: { matchLabels: {} }, template: { spec: { containers } } }), 'Deployment')).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].port"',
    );
  });

  it('names the Go type when a value has the wrong JSON type', () => {
    expect(message(deploy({ replicas: '3' }), 'Deployment')).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(message(deploy({ replicas: 1.5 }), 'Deployment')).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(message(svc({ ports: [{ port: '80' }] }), 'Service')).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
    );
    expect(message(svc({ selector: { version: 1 } }), 'Service')).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal number into Go struct field ServiceSpec.spec.selector of type string',
    );
    const env = [{ name: 'PORT', value: 80 }];
    expect(message(deploy({ template: { spec: { containers: [{ name: 'a', image: 'b', env }] } } }), 'Deployment')).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string',
    );
  });

  it('reports a type error rather than unknown fields', () => {
    expect(message(svc({ prots: [], type: 5 }), 'Service')).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal number into Go struct field ServiceSpec.spec.type of type v1.ServiceType',
    );
  });

  it('stops at errors raised by custom decoders', () => {
    expect(message(svc({ ports: [{ port: 80, targetPort: true }] }), 'Service')).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32',
    );
    const resources = { limits: { memory: '128 Mi' } };
    expect(message(deploy({ template: { spec: { containers: [{ name: 'a', image: 'b', resources }] } } }), 'Deployment')).toBe(
      "Deployment in version \"v1\" cannot be handled as a Deployment: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
  });

  it('accepts null anywhere, int-or-string ports by name, and numbers as quantities', () => {
    expect(message(svc({ ports: [{ port: 80, targetPort: 'http', nodePort: null }], selector: null }), 'Service')).toBeUndefined();
    expect(message(deploy({ template: { spec: { containers: [{ name: 'a', image: 'b', resources: { requests: { cpu: 1, memory: '64Mi' } } }] } } }), 'Deployment')).toBeUndefined();
  });

  it('does not check kinds the playground does not simulate', () => {
    expect(decodeStrict({ spec: 'x' }, 'StatefulSet')).toBeUndefined();
  });
});

describe('decodeStrict: DaemonSet and ConfigMap', () => {
  it('reports unknown fields and wrong types like the apiserver', () => {
    expect(decodeStrict({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'x' }, spec: { replicas: 2 } }, 'DaemonSet')?.message).toBe(
      'DaemonSet in version "v1" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.replicas"',
    );
    expect(decodeStrict({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { port: 8080 } }, 'ConfigMap')?.message).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string',
    );
    expect(decodeStrict({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'b' }, immutable: true }, 'ConfigMap')).toBeUndefined();
  });
});
