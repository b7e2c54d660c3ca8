// The editor schema, checked with a small draft-07 validator covering the
// keywords the schema uses (monaco-yaml applies the same rules in the editor).

import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubernetesSchema } from '.';
import { parseManifests } from '../manifest';

type Schema = Record<string, unknown>;
const root = kubernetesSchema as Schema;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Problems as `path: message`, in the spirit of monaco-yaml's markers. */
function validate(v: unknown, s: Schema, path = ''): string[] {
  if (typeof s.$ref === 'string') {
    const def = (root.definitions as Record<string, Schema>)[s.$ref.replace('#/definitions/', '')];
    return validate(v, def, path);
  }
  const out: string[] = [];
  if (s.const !== undefined && v !== s.const) out.push(`${path}: Value must be ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(v)) out.push(`${path}: Value is not accepted`);
  if (s.type !== undefined) {
    const allowed = Array.isArray(s.type) ? s.type : [s.type];
    const t = typeOf(v);
    if (!allowed.includes(t) && !(t === 'integer' && allowed.includes('number'))) return [...out, `${path}: Incorrect type. Expected ${allowed.join(' | ')}`];
  }
  if (typeof v === 'number') {
    if (typeof s.minimum === 'number' && v < s.minimum) out.push(`${path}: Value is below the minimum of ${s.minimum}`);
    if (typeof s.maximum === 'number' && v > s.maximum) out.push(`${path}: Value is above the maximum of ${s.maximum}`);
  }
  if (typeof v === 'string' && typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) out.push(`${path}: String does not match the pattern`);
  if (Array.isArray(v) && s.items) v.forEach((x, i) => out.push(...validate(x, s.items as Schema, `${path}[${i}]`)));
  if (typeOf(v) === 'object') {
    const o = v as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const r of (s.required ?? []) as string[]) if (!(r in o)) out.push(`${path}: Missing property "${r}"`);
    for (const [k, x] of Object.entries(o)) {
      if (props[k]) out.push(...validate(x, props[k], `${path}.${k}`));
      else if (s.additionalProperties === false) out.push(`${path}: Property ${k} is not allowed`);
      else if (typeof s.additionalProperties === 'object') out.push(...validate(x, s.additionalProperties as Schema, `${path}.${k}`));
    }
  }
  for (const part of (s.allOf ?? []) as Schema[]) {
    if (part.if && validate(v, part.if as Schema, path).length === 0 && part.then) out.push(...validate(v, part.then as Schema, path));
  }
  return out;
}

function problems(yaml: string): string[] {
  return parseManifests(yaml, 'x.yaml').flatMap((d) => validate(d, root));
}

const LABFILES = '/work/shared/reference/labfiles';

describe('kubernetesSchema', () => {
  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(kubernetesSchema))).toEqual(kubernetesSchema);
  });

  it('accepts the complete lab manifests', () => {
    for (const f of readdirSync(LABFILES)) {
      // Stubs are unfinished on purpose; the extensions/v1beta1 ones are meant to fail; kind's config is not a Kubernetes object.
      if (f.includes('stub') || f.includes('legacy') || ['helper.worker-svc.yaml', 'helper.redis-deploy.yaml', 'kind-three-node-cluster.yaml'].includes(f)) continue;
      expect(problems(readFileSync(join(LABFILES, f), 'utf8')), f).toEqual([]);
    }
  });

  it('flags an extensions/v1beta1 Deployment', () => {
    const text = readFileSync(join(LABFILES, 'redis-deploy.legacy-extensions-v1beta1.yaml'), 'utf8');
    expect(problems(text)).toEqual(['.apiVersion: Value must be "apps/v1"']);
  });

  it('flags typos, wrong types, enums and ranges', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: vote\nspec:\n';
    expect(problems(`${svc}  prots:\n  - port: 80\n`)).toEqual(['.spec: Property prots is not allowed']);
    expect(problems(`${svc}  type: Nodeport\n  ports:\n  - port: 80\n`)).toEqual(['.spec.type: Value is not accepted']);
    expect(problems(`${svc}  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 80\n`)).toEqual(['.spec.ports[0].nodePort: Value is below the minimum of 30000']);
    expect(problems(`${svc}  ports:\n  - port: "80"\n`)).toEqual(['.spec.ports[0].port: Incorrect type. Expected integer']);
    expect(problems(`${svc}  xxx\n`)).toEqual(['.spec: Incorrect type. Expected object']);
    expect(problems('apiVersion: v1\nkind: Servce\nmetadata:\n  name: x\n')).toEqual(['.kind: Value is not accepted']);
    const deploy = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        image: b\n        imagePullPolicy: always\n';
    expect(problems(deploy)).toEqual(['.spec: Missing property "selector"', '.spec.template.spec.containers[0].imagePullPolicy: Value is not accepted']);
  });

  it('knows DaemonSets and ConfigMaps', () => {
    const ds =
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels:\n      app: agent\n  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 1\n  template:\n    metadata:\n      labels:\n        app: agent\n    spec:\n      tolerations:\n      - operator: Exists\n      containers:\n      - name: a\n        image: b\n';
    expect(problems(ds)).toEqual([]);
    expect(problems(ds.replace('apps/v1', 'extensions/v1beta1').replace('type: RollingUpdate', 'type: Rolling').replace('  selector:', '  replicas: 2\n  selector:'))).toEqual([
      '.apiVersion: Value must be "apps/v1"',
      '.spec: Property replicas is not allowed',
      '.spec.updateStrategy.type: Value is not accepted',
    ]);
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  MODE: prod\n';
    expect(problems(cm)).toEqual([]);
    expect(problems(`${cm}  PORT: 8080\nspec: {}\n`)).toEqual(['.data.PORT: Incorrect type. Expected string', ': Property spec is not allowed']);
  });

  it('describes fields for hover help', () => {
    const defs = kubernetesSchema.definitions as Record<string, { properties: Record<string, { description?: string }> }>;
    expect(defs.ServicePort.properties.nodePort.description).toMatch(/30000-32767/);
    expect(defs.ServiceSpec.properties.selector.description).toMatch(/pods/);
  });
});
