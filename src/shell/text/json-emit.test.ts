import { describe, expect, it } from 'vitest';
import { goJsonString, JsonEmitError, toCompactJson, toJson } from './json-emit';
import { goStructShape } from '../../sim/api/schema';

describe('toJson', () => {
  it('indents with four spaces and sorts keys by default, like a Go map', () => {
    expect(toJson({ b: 1, a: { d: [], c: {} } })).toBe('{\n    "a": {\n        "c": {},\n        "d": []\n    },\n    "b": 1\n}');
  });

  it('sorts keys by UTF-8 bytes, not UTF-16 units', () => {
    expect(toCompactJson({ '\u{1F600}': 1, '\uFF01': 2 })).toBe('{"！":2,"😀":1}');
  });

  it('follows Go struct field order when given the type', () => {
    const ns = { metadata: { name: 'x', creationTimestamp: null }, status: {}, spec: {}, apiVersion: 'v1', kind: 'Namespace' };
    expect(toCompactJson(ns, goStructShape('Namespace'))).toBe('{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"x","creationTimestamp":null},"spec":{},"status":{}}');
  });

  it('keeps insertion order when asked to', () => {
    expect(toCompactJson({ b: 1, a: 2 }, 'insertion')).toBe('{"b":1,"a":2}');
  });

  it("escapes strings like Go's encoding/json", () => {
    expect(goJsonString('<a href="x">&</a>\u2028\u2029\b\f\n\r\t\x01\x7f\\')).toBe('"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e\\u2028\\u2029\\b\\f\\n\\r\\t\\u0001\x7f\\\\"');
    expect(goJsonString('\ud800x')).toBe('"\\ufffdx"');
  });

  it('refuses NaN and infinities as Go does', () => {
    expect(() => toJson({ a: NaN })).toThrow(JsonEmitError);
    expect(() => toJson({ a: Infinity })).toThrow('json: unsupported value: +Inf');
  });
});
