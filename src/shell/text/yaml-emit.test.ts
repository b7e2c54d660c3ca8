// Behaviour of toYaml that the oracle tests pin down byte for byte
// (test/oracle/yaml/yaml-emit.oracle.test.ts); these run without kubectl.

import { describe, expect, it } from 'vitest';
import { goYamlKeyLess, kubectlList, toYaml, YamlEmitError } from './yaml-emit';

describe('toYaml', () => {
  it('prints a List the way kubectl get -o yaml does', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'vote' }, spec: { ports: [{ port: 80 }] } };
    expect(toYaml(kubectlList([svc]))).toBe(
      'apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: vote\n  spec:\n    ports:\n    - port: 80\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
  });

  it('sorts keys, leaves sequences level with their key and writes empty collections in flow style', () => {
    expect(toYaml({ b: [[1, 2], {}], a: { z: [], w: null }, c: undefined })).toBe('a:\n  w: null\n  z: []\nb:\n- - 1\n  - 2\n- {}\n');
  });

  it('quotes strings that would read back as something else', () => {
    expect(toYaml({ a: '80', b: 'yes', c: '', d: '1:20', e: '2024-01-01', f: 'plain' })).toBe('a: "80"\nb: "yes"\nc: ""\nd: "1:20"\ne: "2024-01-01"\nf: plain\n');
    expect(toYaml({ a: ' x', b: 'a: b', c: '#x', d: "it's" })).toBe("a: ' x'\nb: 'a: b'\nc: '#x'\nd: it's\n");
  });

  it('writes multi-line text as a literal block with the right chomping', () => {
    expect(toYaml({ a: 'x\ny', b: 'x\n', c: 'x\n\n' })).toBe('a: |-\n  x\n  y\nb: |\n  x\nc: |+\n  x\n\n');
  });

  it('folds long plain text after column 80', () => {
    const text = Array.from({ length: 30 }, () => 'word').join(' ');
    const lines = toYaml({ k: text }).split('\n');
    expect(lines[0].length).toBeGreaterThan(80);
    expect(lines[1].startsWith('  word')).toBe(true);
  });

  it('prints numbers like go-yaml', () => {
    expect(toYaml({ a: 1, b: 1.5, c: 1e21, d: 0.00001, e: 123456.5 })).toBe('a: 1\nb: 1.5\nc: 1e+21\nd: 1e-05\ne: 123456.5\n');
  });

  it('fails like kubectl on characters go-yaml cannot read back', () => {
    expect(() => toYaml({ a: 'x\x7fy' })).toThrow(YamlEmitError);
    expect(() => toYaml({ a: 'x\x7fy' })).toThrow('yaml: control characters are not allowed');
  });
});

describe('goYamlKeyLess', () => {
  it('orders digit runs as numbers and non-letters before letters', () => {
    const keys = ['a10', 'a2', 'b', '_x', 'B', 'a1', 'a'];
    keys.sort((x, y) => (goYamlKeyLess(x, y) ? -1 : goYamlKeyLess(y, x) ? 1 : 0));
    expect(keys).toEqual(['_x', 'B', 'a', 'a1', 'a2', 'a10', 'b']);
  });
});
