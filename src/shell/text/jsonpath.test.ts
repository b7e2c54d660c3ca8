// JSONPath behaviour kubectl users rely on; test/oracle/yaml/jsonpath.oracle.test.ts
// compares many more templates with the real kubectl.

import { describe, expect, it } from 'vitest';
import { JsonPathError, renderJsonPath } from './jsonpath';

const node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'kind-worker' },
  status: {
    addresses: [
      { type: 'InternalIP', address: '172.18.0.3' },
      { type: 'Hostname', address: 'kind-worker' },
    ],
  },
};
const list = { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: [node, { ...node, metadata: { name: 'kind-worker2' } }] };

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof JsonPathError) return e.message;
    throw e;
  }
  return '';
}

describe('renderJsonPath', () => {
  it('joins several results with spaces and prints text outside braces as is', () => {
    expect(renderJsonPath('names: {.items[*].metadata.name}', list)).toBe('names: kind-worker kind-worker2');
  });

  it('filters', () => {
    expect(renderJsonPath('{.status.addresses[?(@.type=="InternalIP")].address}', node)).toBe('172.18.0.3');
  });

  it('loops with range and prints escapes in string literals', () => {
    expect(renderJsonPath('{range .items[*]}{.metadata.name}{"\\t"}{.status.addresses[0].address}{"\\n"}{end}', list)).toBe(
      'kind-worker\t172.18.0.3\nkind-worker2\t172.18.0.3\n',
    );
  });

  it('prints maps and lists as compact JSON with sorted keys', () => {
    expect(renderJsonPath('{.status.addresses[1]}', node)).toBe('{"address":"kind-worker","type":"Hostname"}');
  });

  it('prints nothing for a missing key unless missing keys are not allowed', () => {
    expect(renderJsonPath('{.spec.foo}', node)).toBe('');
    expect(errorOf(() => renderJsonPath('{.spec}', node, { allowMissingKeys: false }))).toMatch(
      /^error executing jsonpath "\{\.spec\}": Error executing template: spec is not found\. Printing more information for debugging the template:\n\ttemplate was:\n\t\t\{\.spec\}\n\tobject given to jsonpath engine was:\n\t\tmap\[string\]interface \{\}\{"apiVersion":"v1", "kind":"Node", /,
    );
  });

  it('reports bad templates as kubectl does', () => {
    expect(errorOf(() => renderJsonPath('{.metadata.name', node))).toBe('error parsing jsonpath {.metadata.name, unclosed action\n');
    expect(errorOf(() => renderJsonPath('{.items[x]}', node))).toBe('error parsing jsonpath {.items[x]}, invalid array index x\n');
  });

  it('compares numbers only within one Go type: objects kubectl builds carry float64s', () => {
    const svc = { spec: { ports: [{ name: 'http', port: 80 }] } };
    expect(renderJsonPath('{.spec.ports[?(@.port==80)].name}', svc)).toBe('http');
    expect(errorOf(() => renderJsonPath('{.spec.ports[?(@.port==80)].name}', svc, { numbers: 'float64' }))).toContain('incompatible types for comparison');
    expect(renderJsonPath('{.n}', { n: 100000000 }, { numbers: 'float64' })).toBe('1e+08');
    expect(renderJsonPath('{.n}', { n: 100000000 })).toBe('100000000');
  });
});
