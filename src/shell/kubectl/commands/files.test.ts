// apply|create|delete -f against the simulated server: List manifests,
// kubectl's gathering of errors (every good object is acted on first), and
// what -o prints when something failed. The client-side halves are checked
// against the real kubectl in test/oracle/kubectl/files.oracle.test.ts.

import { describe, expect, it } from 'vitest';
import { runScript, type StepResult } from '../../../cli/script';

async function run(lines: string[], files: Record<string, string> = {}): Promise<StepResult[]> {
  return (await runScript(lines.join('\n') + '\n', Object.entries(files).map(([name, content]) => ({ path: `/root/${name}`, content })))).results;
}

const svc = (name: string, ns?: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}spec:\n  ports:\n  - port: 80\n`;
const HINT = 'if you choose to ignore these errors, turn validation off with --validate=false';

describe('kind: List', () => {
  it('round-trips `kubectl get -o yaml`: delete -f and apply -f act on every item', async () => {
    const r = await run([
      'kubectl create namespace shop',
      'kubectl create service clusterip a --tcp=80 -n shop',
      'kubectl create service clusterip b --tcp=80 -n shop',
      'kubectl get svc -n shop -o yaml > svcs.yaml',
      'kubectl delete -f svcs.yaml',
      'kubectl delete -f svcs.yaml',
      'kubectl delete -f svcs.yaml --ignore-not-found',
      'kubectl get svc -n shop',
    ]);
    expect(r[4].stdout).toBe('service "a" deleted\nservice "b" deleted\n');
    expect(r[5].stderr).toBe(
      'Error from server (NotFound): error when deleting "svcs.yaml": services "a" not found\nError from server (NotFound): error when deleting "svcs.yaml": services "b" not found\n',
    );
    expect(r[5].exit).toBe(1);
    expect(r[6]).toMatchObject({ stdout: '', stderr: '', exit: 0 });
    expect(r[7].stderr).toBe('No resources found in shop namespace.\n');
  });

  it('applies a List and validates each item (identical problems once)', async () => {
    const list = (items: string[]) => `apiVersion: v1\nkind: List\nitems:\n${items.map((i) => '- ' + i.replace(/\n(?=.)/g, '\n  ')).join('')}`;
    const r = await run(['kubectl apply -f good.yaml', 'kubectl apply -f bad.yaml', 'kubectl get svc -o name'], {
      'good.yaml': list([svc('l1'), svc('l2')]),
      'bad.yaml': list([svc('l3'), 'apiVersion: v1\nmetadata:\n  name: x\n', 'apiVersion: v1\nmetadata:\n  name: y\n']),
    });
    expect(r[0]).toMatchObject({ stdout: 'service/l1 created\nservice/l2 created\n', stderr: '', exit: 0 });
    expect(r[1]).toMatchObject({ stdout: '', stderr: `error: error validating "bad.yaml": error validating data: kind not set; ${HINT}\n`, exit: 1 });
    expect(r[2].stdout).toBe('service/kubernetes\nservice/l1\nservice/l2\n');
  });
});

describe('errors gathered over several files', () => {
  it('acts on the good files of a directory, then reports the bad one', async () => {
    const r = await run(['mkdir -p k8s && mv a.yaml nokind.yaml z.yaml k8s/', 'kubectl apply -f k8s', 'kubectl apply -f ./k8s/'], {
      'a.yaml': svc('a'),
      'nokind.yaml': 'apiVersion: v1\nmetadata:\n  name: vote\n',
      'z.yaml': svc('z'),
    });
    expect(r[1].stdout).toBe('service/a created\nservice/z created\n');
    expect(r[1].stderr).toBe(`error: error validating "k8s/nokind.yaml": error validating data: kind not set; ${HINT}\n`);
    expect(r[1].exit).toBe(1);
    expect(r[2].stdout).toBe('service/a unchanged\nservice/z unchanged\n');
  });

  const broken = {
    'oldapi.yaml': 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: vote\n',
    'tab.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n\tname: x\n',
    'nsmiss.yaml': svc('vote', 'nope'),
    'ok.yaml': svc('ok'),
  };
  const mapping = 'resource mapping not found for name: "vote" namespace: "" from "oldapi.yaml": no matches for kind "Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first';
  const parsing = 'error parsing tab.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token';
  const server = 'Error from server (NotFound): error when creating "nsmiss.yaml": namespaces "nope" not found';

  it('apply: the reading errors (as one) before the server’s', async () => {
    const r = await run(['kubectl apply -f oldapi.yaml -f tab.yaml -f nsmiss.yaml -f ok.yaml'], broken);
    expect(r[0].stdout).toBe('service/ok created\n');
    expect(r[0].stderr).toBe(`[${mapping}, ${parsing}]\n${server}\n`);
  });

  it('create: its own errors as it goes, the reading errors last', async () => {
    const r = await run(['kubectl create -f oldapi.yaml -f nsmiss.yaml -f ok.yaml', 'kubectl create -f oldapi.yaml -f tab.yaml -f nsmiss.yaml'], broken);
    expect(r[0].stdout).toBe('service/ok created\n');
    expect(r[0].stderr).toBe(`${server}\n${mapping}\n`);
    expect(r[1].stderr).toBe(`${server}\n[${mapping}, ${parsing}]\n`);
  });
});

describe('apply -o', () => {
  const files = { 'two.yaml': svc('one') + '---\n' + svc('two', 'nope') };

  it('prints nothing with yaml or json when an object failed, but names as it goes', async () => {
    const r = await run(['kubectl apply -f two.yaml -o yaml', 'kubectl apply -f two.yaml -o name', 'kubectl apply -f two.yaml -o json'], files);
    const err = 'Error from server (NotFound): error when creating "two.yaml": namespaces "nope" not found\n';
    expect(r[0]).toMatchObject({ stdout: '', stderr: err, exit: 1 });
    expect(r[1]).toMatchObject({ stdout: 'service/one\n', stderr: err, exit: 1 });
    expect(r[2]).toMatchObject({ stdout: '', stderr: err, exit: 1 });
  });

  it('prints several applied objects as one List', async () => {
    const r = await run(['kubectl create namespace nope', 'kubectl apply -f two.yaml -o yaml', 'kubectl apply -f two.yaml -o json'], files);
    expect(r[1].stdout).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Service\n[^]*\n    name: two\n    namespace: nope\n[^]*\nkind: List\nmetadata: {}\n$/);
    expect(r[2].stdout).toMatch(/^{\n    "kind": "List",\n    "apiVersion": "v1",\n    "metadata": {},\n    "items": \[\n        {\n            "apiVersion": "v1",\n/);
  });
});

describe('create service', () => {
  it('creates a headless service without ports, and in the namespace of -n', async () => {
    const r = await run([
      'kubectl create service clusterip db --clusterip=None',
      "kubectl get svc db -o jsonpath='{.spec.clusterIP} {.spec.ports}'",
      'kubectl create namespace shop',
      'kubectl create service nodeport web --tcp=80:8080:9090 -n shop -o name',
      "kubectl get svc web -n shop -o jsonpath='{.spec.ports[0].name}'",
    ]);
    expect(r[0]).toMatchObject({ stdout: 'service/db created\n', exit: 0 });
    expect(r[1].stdout).toBe('None ');
    expect(r[3].stdout).toBe('service/web\n');
    expect(r[4].stdout).toBe('80-8080-9090');
  });
});
