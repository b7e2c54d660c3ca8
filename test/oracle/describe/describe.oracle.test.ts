// Oracle test: real kubectl describes objects served by a fake apiserver, and
// our describe printers must print the same bytes for the same objects.
// kubectl computes ages from the real clock, so the printers get the same
// clock, read around the kubectl run.

import { afterAll, beforeAll, describe as suite, expect, it } from 'vitest';
import { describe, joinDescriptions } from '../../../src/shell/kubectl/printers';
import { lookupOf } from '../../../src/shell/kubectl/printers/testing/fixtures';
import type { KubeObject } from '../../../src/sim/api/types';
import { startFakeApiserver, type FakeApiserver } from './fake-apiserver';
import { kubectlAvailable, runKubectl } from './run-kubectl';
import { buildCluster } from './scenarios';

const available = kubectlAvailable();
const now = Date.now();
const { objects, scenarios } = buildCluster(now);
const lookup = lookupOf(objects);

function ours(kind: string, namespace: string | undefined, names: string[], at: number): string {
  return joinDescriptions(
    names.map((name) => {
      const obj = lookup.get(kind, namespace, name) as KubeObject | undefined;
      if (!obj) throw new Error(`fixture ${kind} ${namespace}/${name} missing`);
      return describe(kind, obj, lookup, at);
    }),
  );
}

suite.skipIf(!available)('kubectl describe oracle (real kubectl v1.32 against a fake apiserver)', () => {
  let server: FakeApiserver;
  beforeAll(async () => {
    server = await startFakeApiserver(objects);
  });
  afterAll(async () => {
    await server?.close();
  });

  for (const s of scenarios) {
    it(s.title, async () => {
      const args = ['describe', s.resource, ...s.names, ...(s.namespace ? ['-n', s.namespace] : [])];
      const before = Date.now();
      const real = await runKubectl(server.url, args);
      const after = Date.now();
      expect(real.stderr).toBe('');
      expect(real.code).toBe(0);
      // kubectl read its clock somewhere in [before, after]: try each second of that
      // window (normally one), and compare with the reading that matches.
      const readings = [after];
      for (let t = before; t < after; t += 1000) readings.push(t);
      const outputs = readings.map((t) => ours(s.kind, s.namespace, s.names, t));
      expect(outputs.find((o) => o === real.stdout) ?? outputs[0]).toBe(real.stdout);
    });
  }
});

if (!available) {
  it.skip('kubectl describe oracle: /usr/bin/kubectl is not installed (install kubectl v1.32 to run it)', () => {});
}
