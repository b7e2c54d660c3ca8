// parseManifests and the client-side checks against the real kubectl reading
// the same files (`kubectl create -f FILE --dry-run=client`).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeManifest, parseManifestStream, validateManifest, type JsonValue } from '../../../src/sim/api/manifest';
import { readJsonStream } from '../../../src/sim/api/manifest/json-stream';
import { errorLines, kubectl, kubectlAsync, kubectlMissing, mapLimit, SKIP_REASON } from './kubectl';
import { startFakeServer, type FakeServer } from './fake-server';
import { CLIENT_CHECKS, EMPTY, PARSE_CASES, WELLFORMED } from './cases/manifests';
import { mutatedManifests } from './cases/mutations';

if (kubectlMissing) console.warn(SKIP_REASON);

function writeCases(cases: readonly (readonly [string, string])[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'manifests-'));
  for (const [name, text] of cases) writeFileSync(join(dir, `${name}.yaml`), text);
  return dir;
}

/** Sorted keys at every level, so that values compare regardless of key order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, (x as Record<string, unknown>)[k]])) : x,
  );
}

describe.skipIf(kubectlMissing)('parseManifests against kubectl create -f', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer([]);
  });
  afterAll(async () => {
    await server?.close();
  });

  it(`reports the same parse error as kubectl for each of ${PARSE_CASES.length} files`, async () => {
    const dir = writeCases(PARSE_CASES);
    const results = await mapLimit(PARSE_CASES, 4, async ([name, text]) => {
      const file = `${name}.yaml`;
      // --validate=false and a server: kubectl reads every document up to the broken one.
      const real = await kubectlAsync(['create', '-f', file, '--validate=false', '--dry-run=client', '-o', 'name'], { cwd: dir, server: server.url });
      const realLine = errorLines(real.stderr)
        .split('\n')
        .map((l) => l.replace(/^error: /, ''))
        .find((l) => l.startsWith('error parsing '));
      const ours = parseManifestStream(text, file).error?.message;
      return ours === realLine ? '' : `${file}\n  kubectl: ${realLine}\n  ours:    ${ours}`;
    });
    expect(results.filter((r) => r !== '')).toEqual([]);
  }, 300000);

  it('reads the lab manifests as they are like kubectl', async () => {
    const dir = '/work/shared/reference/labfiles';
    const files = readdirSync(dir).sort();
    const results = await mapLimit(files, 4, async (file) => {
      const real = await kubectlAsync(['create', '-f', file, '--validate=false', '--dry-run=client', '-o', 'name'], { cwd: dir, server: server.url });
      const realLine = errorLines(real.stderr)
        .split('\n')
        .map((l) => l.replace(/^error: /, ''))
        .find((l) => l.startsWith('error parsing '));
      const ours = parseManifestStream(readFileSync(join(dir, file), 'utf8'), file).error?.message;
      return ours === realLine ? '' : `${file}\n  kubectl: ${realLine}\n  ours:    ${ours}`;
    });
    expect(results.filter((r) => r !== '')).toEqual([]);
  }, 120000);

  it('agrees with kubectl on randomly broken copies of the lab manifests (errors and values)', async () => {
    const cases = mutatedManifests(150, 20250701);
    const dir = writeCases(cases);
    const results = await mapLimit(cases, 4, async ([name, text]) => {
      const file = `${name}.yaml`;
      const real = await kubectlAsync(['create', '-f', file, '--validate=false', '--dry-run=client', '-o', 'json'], { cwd: dir, server: server.url });
      const realLine = errorLines(real.stderr)
        .split('\n')
        .map((l) => l.replace(/^error: /, ''))
        .find((l) => l.startsWith('error parsing '));
      const { documents, error } = parseManifestStream(text, file);
      if (error?.message !== realLine) return `${file} ${JSON.stringify(text)}\n  kubectl: ${realLine}\n  ours:    ${error?.message}`;
      if (real.code !== 0) return '';
      // Every document was sent: compare what kubectl printed with what we read (kubectl fills in the namespace).
      const theirs = readJsonStream(real.stdout).values.map((v) => v.value as Record<string, Record<string, unknown>>);
      const strip = (o: Record<string, unknown>) => {
        const meta = { ...(o.metadata as object), namespace: undefined };
        return { ...o, metadata: Object.values(meta).some((x) => x !== undefined) ? meta : undefined };
      };
      const same = theirs.length === documents.length && theirs.every((t, i) => canonical(strip(t)) === canonical(strip(documents[i].value as Record<string, unknown>)));
      return same ? '' : `${file} values differ\n  kubectl: ${canonical(theirs)}\n  ours:    ${canonical(documents.map((d) => d.value))}`;
    });
    expect(results.filter((r) => r !== '')).toEqual([]);
  }, 300000);

  it('acts on the documents before a broken one, and loses the one cut short by a bad separator', async () => {
    const dir = writeCases(PARSE_CASES);
    for (const name of ['second-doc-error', 'third-doc-error-line', 'separator-after-doc', 'separator-drops-pending', 'json-second-doc-error']) {
      const text = PARSE_CASES.find(([n]) => n === name)?.[1] ?? '';
      const real = await kubectlAsync(['create', '-f', `${name}.yaml`, '--validate=false', '--dry-run=client', '-o', 'name'], { cwd: dir, server: server.url });
      const { documents, error } = parseManifestStream(text, `${name}.yaml`);
      expect(error).toBeDefined();
      const names = documents.map((d) => `configmap/${((d.value as { metadata: { name: string } }).metadata).name}\n`).join('');
      expect(real.stdout).toBe(names);
    }
  }, 60000);

  it('reads the same values as kubectl (YAML 1.1 scalars, block scalars, anchors, merge keys, JSON streams)', async () => {
    const dir = writeCases(WELLFORMED);
    for (const [name, text] of WELLFORMED) {
      const real = await kubectlAsync(['create', '-f', `${name}.yaml`, '--validate=false', '--dry-run=client', '-o', 'json'], { cwd: dir, server: server.url });
      expect(real.stderr).toBe('');
      const theirs = readJsonStream(real.stdout).values.map((v) => v.value as Record<string, JsonValue>);
      const { documents, error } = parseManifestStream(text, `${name}.yaml`);
      expect(error).toBeUndefined();
      expect(documents.length).toBe(theirs.length);
      documents.forEach((d, i) => {
        const ours = d.value as Record<string, JsonValue>;
        // kubectl fills in the namespace it sends the object to.
        const their = { ...theirs[i], metadata: { ...(theirs[i].metadata as object), namespace: undefined } };
        expect(canonical({ ...ours, metadata: { ...(ours.metadata as object), namespace: undefined } })).toBe(canonical(their));
      });
    }
  }, 60000);
});

describe.skipIf(kubectlMissing)('client-side checks against kubectl create -f', () => {
  it('kind and apiVersion checks (--validate, the default)', () => {
    const dir = writeCases(CLIENT_CHECKS);
    for (const [name, text] of CLIENT_CHECKS) {
      const file = `${name}.yaml`;
      const real = errorLines(kubectl(['create', '-f', file, '--dry-run=client', '-o', 'name'], { cwd: dir }).stderr).split('\n')[0];
      const docs = parseManifestStream(text, file).documents;
      const ours = docs.map((d) => validateManifest(d.value, file)).find((m) => m !== undefined);
      // Offline, a document that passes goes on to fetch the OpenAPI schema and fails there.
      if (ours === undefined) expect(real).toMatch(/failed to download openapi/);
      else expect(real).toBe(`error: ${ours}`);
    }
  });

  it('decoding without validation (--validate=false)', () => {
    const dir = writeCases(CLIENT_CHECKS);
    for (const [name, text] of CLIENT_CHECKS) {
      const file = `${name}.yaml`;
      const real = errorLines(kubectl(['create', '-f', file, '--validate=false', '--dry-run=client', '-o', 'name'], { cwd: dir }).stderr).split('\n')[0];
      const docs = parseManifestStream(text, file).documents;
      const ours = docs.map((d) => decodeManifest(d, file)).find((m) => m !== undefined);
      // Offline, a document that decodes goes on to look up its kind and fails there.
      if (ours === undefined) expect(real).toMatch(/unable to recognize/);
      else expect(real).toBe(`error: ${ours}`);
    }
  });

  it('no objects at all', () => {
    const dir = writeCases(EMPTY);
    for (const [name, text] of EMPTY) {
      const real = kubectl(['create', '-f', `${name}.yaml`, '--dry-run=client'], { cwd: dir });
      expect(parseManifestStream(text, `${name}.yaml`)).toEqual({ documents: [] });
      expect(real.stderr).toBe('error: no objects passed to create\n');
    }
  });
});
