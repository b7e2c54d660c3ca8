// kubectl's manifest reading without the real kubectl; the oracle tests in
// test/oracle/yaml/manifest.oracle.test.ts compare hundreds of files with it.

import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeManifest, ManifestError, noObjectsMessage, parseManifests, parseManifestStream, validateManifest } from '.';

const LABFILES = '/work/shared/reference/labfiles';

describe('parseManifests', () => {
  it('reads every lab manifest, and fails on the one stub that is not YAML', () => {
    for (const f of readdirSync(LABFILES)) {
      const text = readFileSync(join(LABFILES, f), 'utf8');
      if (f === 'vote-rs.stub.yaml') {
        expect(() => parseManifests(text, f)).toThrow('error parsing vote-rs.stub.yaml: error converting YAML to JSON: yaml: line 9: mapping values are not allowed in this context');
      } else {
        expect(parseManifests(text, f).length, f).toBe(1);
      }
    }
  });

  it('reads YAML 1.1 scalars the way go-yaml v2 does', () => {
    const [doc] = parseManifests('a: yes\nb: on\nc: 0777\nd: 1e3\ne: "80"\nf: ~\ng: 2024-01-01\nh: y\ni: 0x1F\nj: 1_000\n', 'x.yaml');
    expect(doc).toEqual({ a: true, b: true, c: 511, d: 1000, e: '80', f: null, g: '2024-01-01', h: true, i: 31, j: 1000 });
  });

  it('skips empty and comment-only documents', () => {
    expect(parseManifests('---\n# nothing\n---\n\n---\na: 1\n---\n', 'x.yaml')).toEqual([{ a: 1 }]);
    expect(parseManifests('# just a comment\n', 'x.yaml')).toEqual([]);
  });

  it('wraps YAML errors three times and counts lines per document', () => {
    const text = 'apiVersion: v1\nkind: Service\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  a: b: c\n';
    expect(() => parseManifests(text, './k8s/vote-svc.yaml')).toThrow(
      'error parsing ./k8s/vote-svc.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context',
    );
  });

  it('keeps the documents read before the error', () => {
    const { documents, error } = parseManifestStream('a: 1\n---\nb: [\n', 'x.yaml');
    expect(documents.map((d) => d.value)).toEqual([{ a: 1 }]);
    expect(error).toBeInstanceOf(ManifestError);
    expect(error?.documents).toEqual([{ a: 1 }]);
  });

  it('rejects a separator followed by anything but a comment', () => {
    expect(() => parseManifests('a: 1\n----\nb: 2\n', 'x.yaml')).toThrow('error parsing x.yaml: invalid Yaml document separator: -');
  });

  it('reports tab indentation with go-yaml v2 texts', () => {
    expect(() => parseManifests('metadata:\n\tname: x\n', 'x.yaml')).toThrow('yaml: line 2: found character that cannot start any token');
    expect(() => parseManifests('kind: Service\n\tname: x\n', 'x.yaml')).toThrow('yaml: line 2: found a tab character that violates indentation');
  });

  it('reads JSON streams with Go offsets', () => {
    expect(parseManifests('{"a": 1}\n{"b": 2}', 'x.json')).toEqual([{ a: 1 }, { b: 2 }]);
    expect(() => parseManifests('{"a": 1,}', 'x.json')).toThrow("error parsing x.json: json: offset 9: invalid character '}' looking for beginning of object key string");
  });
});

describe('client-side checks', () => {
  it('validates kind and apiVersion with kubectl texts', () => {
    const hint = '; if you choose to ignore these errors, turn validation off with --validate=false';
    expect(validateManifest({ metadata: {} }, 'vote-svc.yaml')).toBe(`error validating "vote-svc.yaml": error validating data: [apiVersion not set, kind not set]${hint}`);
    expect(validateManifest({ apiVersion: 'v1' }, 'vote-svc.yaml')).toBe(`error validating "vote-svc.yaml": error validating data: kind not set${hint}`);
    expect(validateManifest({ kind: 'Service' }, 'vote-svc.yaml')).toBe(`error validating "vote-svc.yaml": error validating data: apiVersion not set${hint}`);
    expect(validateManifest({ apiVersion: 'v1', kind: 'Service' }, 'vote-svc.yaml')).toBeUndefined();
  });

  it('decodes without validation like kubectl --validate=false', () => {
    const [doc] = parseManifestStream('apiVersion: v1\nmetadata:\n  name: vote\n', 'vote-svc.yaml').documents;
    expect(decodeManifest(doc, 'vote-svc.yaml')).toBe(`unable to decode "vote-svc.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"vote"}}'`);
  });

  it('names the empty case per verb', () => {
    expect(noObjectsMessage('apply')).toBe('no objects passed to apply');
  });
});
