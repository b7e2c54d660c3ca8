// `kubectl apply|create -f` against the real kubectl v1.32 reading the same
// files: space-separated `-f FILE`, `kind: List` manifests flattened, apply's
// `-o yaml|json` printing several objects as one List, and directories with
// broken files (every good object is acted on, then every error is printed,
// one per line). Client dry runs with --validate=false need no more of a
// server than discovery, which the fake server answers; objects it does not
// have are new to `apply`, as they are to the simulator's fresh cluster.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runScript } from '../../../src/cli/script';
import { kubectlAsync, kubectlMissing, mapLimit, SKIP_REASON } from '../yaml/kubectl';
import { startFakeServer, type FakeServer } from '../yaml/fake-server';

if (kubectlMissing) console.warn(SKIP_REASON);

const svc = (name: string, extra = '') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${extra}spec:\n  ports:\n  - port: 80\n`;

const FILES: Record<string, string> = {
  'np.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: np1\nspec:\n  type: NodePort\n  selector:\n    app: vote\n  ports:\n  - port: 80\n    nodePort: 30000\n',
  'multi.yaml': [
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: instavote\n',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: vote\n  namespace: instavote\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: vote\n  template:\n    metadata:\n      labels:\n        app: vote\n    spec:\n      containers:\n      - name: vote\n        image: schoolofdevops/vote:v1\n',
    svc('vote', '  namespace: instavote\n'),
  ].join('---\n'),
  // What `kubectl get svc -o yaml` writes.
  'list.yaml':
    'apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: l1\n  spec:\n    ports:\n    - port: 80\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: l2\n  spec:\n    ports:\n    - port: 80\nkind: List\nmetadata:\n  resourceVersion: ""\n',
  'badlist.yaml':
    'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: b1\n- apiVersion: extensions/v1beta1\n  kind: Deployment\n  metadata:\n    name: old\n- apiVersion: v1\n  metadata:\n    name: nokind\n- kind: Service\n  metadata:\n    name: noversion\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: b2\n',
  'svclist.yaml': 'apiVersion: v1\nkind: ServiceList\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s1\n- metadata:\n    name: s2\n',
  'emptylist.yaml': 'apiVersion: v1\nkind: List\nitems: []\n',
  'labelled.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: lab\n  labels:\n    app: vote\nspec:\n  ports:\n  - port: 80\n',
  'oldapi.yaml': 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: vote\n',
  'dir/a.yaml': svc('d1'),
  'dir/b-nokind.yaml': 'apiVersion: v1\nmetadata:\n  name: vote\n',
  'dir/c-oldapi.yaml': 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: vote\n',
  'dir/d-tab.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n\tname: x\n',
  'dir/e-second.yaml': svc('d2') + '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  labels: [a\n',
  'dir/f-sep.yaml': svc('d3') + '----\n' + svc('d4'),
  'dir/g.json': '{"apiVersion":"v1","kind":"Service","metadata":{"name":"d5"},"spec":{"ports":[{"port":80}]}}',
  'dir/notes.txt': 'not a manifest\n',
  'dir/sub/h.yaml': svc('d6'),
  'good/one.yaml': svc('g1'),
  'good/two.yaml': svc('g2') + '---\n' + svc('g3'),
};

const DRY = ['--dry-run=client', '--validate=false'];

const CASES: string[][] = [
  // -f and its value as two words (the subcommand finder knows create's flags)
  ['create', '-f', 'np.yaml', ...DRY],
  ['create', '-f', 'multi.yaml', ...DRY, '-o', 'yaml'],
  ['create', '-f', 'multi.yaml', ...DRY, '-o', 'json'],
  ['create', '-f', 'multi.yaml', ...DRY, '-o', 'name'],
  ['create', '--filename', 'multi.yaml', ...DRY, '-o', 'name'],
  ['create', '-o', 'yaml', '-f', 'np.yaml', ...DRY],
  ['create', '-R', '-f', 'good', ...DRY, '--output', 'name'],
  ['create', 'foo', '-f', 'np.yaml', ...DRY],
  ['create', '-f', 'missing1.yaml', '-f', 'missing2.yaml'],
  ['apply', '-f', 'missing.yaml', '-f', 'np.yaml', ...DRY],
  // apply -o yaml|json: one object bare, several as a List
  ['apply', '-f', 'np.yaml', ...DRY, '-o', 'yaml'],
  ['apply', '-f', 'np.yaml', ...DRY, '-o', 'json'],
  ['apply', '-f', 'multi.yaml', ...DRY, '-o', 'yaml'],
  ['apply', '-f', 'multi.yaml', ...DRY, '-o', 'json'],
  ['apply', '-f', 'multi.yaml', ...DRY, '-o', 'name'],
  ['apply', '-f', 'multi.yaml', ...DRY, '-o', 'jsonpath={.kind} {.items[*].metadata.name}'],
  ['apply', '-f', 'good', ...DRY, '-o', 'yaml'],
  // kind: List, flattened
  ['apply', '-f', 'list.yaml', ...DRY],
  ['apply', '-f', 'list.yaml', ...DRY, '-o', 'json'],
  ['create', '-f', 'list.yaml', ...DRY, '-o', 'yaml'],
  ['apply', '-f', 'badlist.yaml', ...DRY],
  ['create', '-f', 'badlist.yaml', ...DRY, '-o', 'name'],
  ['apply', '-f', 'svclist.yaml', ...DRY],
  ['apply', '-f', 'emptylist.yaml', ...DRY],
  ['apply', '-f', 'list.yaml', '-f', 'np.yaml', ...DRY, '-o', 'name'],
  // directories with broken files: the good objects, then every error
  ['apply', '-f', 'dir', ...DRY],
  ['apply', '-f', './dir/', ...DRY],
  ['apply', '-R', '-f', 'dir', ...DRY],
  ['create', '-f', 'dir', ...DRY, '-o', 'name'],
  ['apply', '-f', 'dir', ...DRY, '-o', 'yaml'],
  ['apply', '-f', 'oldapi.yaml', '-f', 'np.yaml', ...DRY, '-o', 'yaml'],
  ['apply', '-f', 'oldapi.yaml', '-f', 'np.yaml', ...DRY, '-o', 'name'],
  ['apply', '-f', 'oldapi.yaml', '-f', 'dir/e-second.yaml', ...DRY],
  // -l keeps the objects it matches
  ['create', '-f', 'labelled.yaml', '-f', 'np.yaml', '-l', 'app=vote', ...DRY, '-o', 'name'],
  ['apply', '-f', 'labelled.yaml', '-f', 'np.yaml', '-l', 'app=vote', ...DRY],
  ['apply', '-f', 'np.yaml', '-l', 'app=vote', ...DRY],
  // the namespace of -n against the objects' own
  ['create', '-f', 'np.yaml', '-n', 'kube-system', ...DRY, '-o', 'yaml'],
  ['create', '-f', 'multi.yaml', '-n', 'kube-system', ...DRY, '-o', 'name'],
  ['apply', '-f', 'multi.yaml', '-n', 'kube-system', ...DRY, '-o', 'name'],
];

/** Shell-quote one argument for the simulator's bash. */
function q(a: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

describe.skipIf(kubectlMissing)('kubectl apply|create -f: the simulator reads and prints files as kubectl v1.32 does', () => {
  let server: FakeServer;
  let dir: string;
  beforeAll(async () => {
    server = await startFakeServer([]);
    dir = mkdtempSync(join(tmpdir(), 'kubectl-files-'));
    for (const [name, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  it(`prints the same for ${CASES.length} commands`, async () => {
    const files = Object.entries(FILES).map(([name, content]) => ({ path: `/root/${name}`, content }));
    const real = new Map<string, string>();
    const diffs = await mapLimit(CASES, 4, async (args) => {
      const want = await kubectlAsync(args, { cwd: dir, server: server.url });
      real.set(args.join(' '), want.stdout + want.stderr);
      const got = (await runScript(`kubectl ${args.map(q).join(' ')}\n`, files)).results[0];
      const same = got.stdout === want.stdout && got.stderr === want.stderr && got.exit === want.code;
      return same ? '' : `kubectl ${args.join(' ')}\n  kubectl: ${JSON.stringify(want)}\n  ours:    ${JSON.stringify({ stdout: got.stdout, stderr: got.stderr, code: got.exit })}`;
    });
    expect(diffs.filter((d) => d !== '')).toEqual([]);
    // The real kubectl did reach the fake server (no connection errors passing for agreement).
    expect(real.get(`apply -f multi.yaml ${DRY.join(' ')} -o json`)).toContain('"kind": "List"');
    expect(real.get(`apply -f dir ${DRY.join(' ')}`)).toContain('service/d1 created (dry run)\n');
    expect(real.get(`apply -f dir ${DRY.join(' ')}`)).toContain('\nunable to decode "dir/b-nokind.yaml"');
  }, 300000);
});
