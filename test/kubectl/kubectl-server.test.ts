// kubectl behaviours that need a server, so no offline oracle: apply's three
// outcomes and its annotation, the error forms, edit, logs, delete, scale, label.
// Expectations come from the reference (kubectl-output.md) and kubectl v1.32's rules.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScript, type StepResult } from '../../src/cli/script';

const labfiles = join(import.meta.dirname, '..', '..', 'labs', 'starter');
const file = (name: string) => ({ path: `/root/${name}`, content: readFileSync(join(labfiles, name), 'utf8') });
const STARTER = ['instavote-ns.yaml', 'vote-rs.yaml', 'vote-svc.yaml', 'redis-svc.yaml', 'redis-deploy.yaml'].map(file);

async function run(lines: string[], files = STARTER): Promise<StepResult[]> {
  return (await runScript(lines.join('\n') + '\n', files)).results;
}

describe('kubectl apply', () => {
  it('creates, then reports unchanged, then configured, and keeps last-applied-configuration as kubectl writes it', async () => {
    const r = await run([
      'kubectl apply -f vote-svc.yaml',
      'kubectl apply -f vote-svc.yaml',
      "sed -i 's/nodePort: 30000/nodePort: 30001/' vote-svc.yaml",
      'kubectl apply -f vote-svc.yaml',
      "kubectl get svc vote -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'",
      "kubectl get svc vote -o jsonpath='{.spec.ports[0].nodePort}'",
    ]);
    expect(r[0].stdout).toBe('service/vote created\n');
    expect(r[1].stdout).toBe('service/vote unchanged\n');
    expect(r[3].stdout).toBe('service/vote configured\n');
    expect(r[4].stdout).toBe(
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"labels":{"role":"vote"},"name":"vote","namespace":"default"},"spec":{"ports":[{"nodePort":30001,"port":80,"targetPort":80}],"selector":{"role":"vote"},"type":"NodePort"}}\n',
    );
    expect(r[5].stdout).toBe('30001');
  });

  it('warns about a missing annotation on an object made imperatively, then patches it', async () => {
    const r = await run(['kubectl create service nodeport vote --tcp=80 --node-port=30000', 'kubectl apply -f vote-svc.yaml']);
    expect(r[1].stderr).toBe(
      'Warning: resource services/vote is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
    expect(r[1].stdout).toBe('service/vote configured\n');
  });

  it('applies documents in order, prints errors after the successes, and keeps going', async () => {
    const r = await run([
      'cat redis-svc.yaml > both.yaml; echo --- >> both.yaml; cat redis-deploy.yaml >> both.yaml',
      'kubectl apply -f both.yaml',
      'kubectl apply -f instavote-ns.yaml',
      'kubectl apply -f both.yaml',
    ]);
    // Without the namespace both fail: two errors, each in the sourced form.
    expect(r[1].stdout).toBe('');
    expect(r[1].stderr).toBe(
      'Error from server (NotFound): error when creating "both.yaml": namespaces "instavote" not found\n' +
        'Error from server (NotFound): error when creating "both.yaml": namespaces "instavote" not found\n',
    );
    expect(r[1].exit).toBe(1);
    expect(r[2].stdout).toBe('namespace/instavote created\n');
    expect(r[3].stdout).toBe('service/redis created\ndeployment.apps/redis created\n');
  });

  it('answers bad manifests with kubectl texts and changes nothing', async () => {
    const bad = { path: '/root/bad.yaml', content: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: vote\n   labels: x\n' };
    const servce = { path: '/root/servce.yaml', content: 'apiVersion: v1\nkind: Servce\nmetadata:\n  name: vote\n' };
    const legacy = { path: '/root/legacy.yaml', content: 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: redis\n  namespace: instavote\n' };
    const nokind = { path: '/root/nokind.yaml', content: 'apiVersion: v1\nmetadata:\n  name: vote\n' };
    const typo = { path: '/root/typo.yaml', content: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: vote\nspec:\n  prots:\n  - port: 80\n' };
    const r = await run(
      ['kubectl apply -f bad.yaml', 'kubectl apply -f servce.yaml', 'kubectl apply -f legacy.yaml', 'kubectl apply -f nokind.yaml', 'kubectl apply -f typo.yaml', 'kubectl apply -f missing.yaml', 'kubectl get svc'],
      [bad, servce, legacy, nokind, typo],
    );
    expect(r[0].stderr).toBe('error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n');
    expect(r[1].stderr).toBe('error: resource mapping not found for name: "vote" namespace: "" from "servce.yaml": no matches for kind "Servce" in version "v1"\nensure CRDs are installed first\n');
    expect(r[2].stderr).toBe('error: resource mapping not found for name: "redis" namespace: "instavote" from "legacy.yaml": no matches for kind "Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first\n');
    expect(r[3].stderr).toBe('error: error validating "nokind.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n');
    expect(r[4].stderr).toBe('Error from server (BadRequest): error when creating "typo.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.prots"\n');
    expect(r[5].stderr).toBe('error: the path "missing.yaml" does not exist\n');
    for (const s of r.slice(0, 6)) expect(s.exit).toBe(1);
    expect(r[6].stdout).not.toContain('vote');
  });

  it('refuses a namespace that contradicts -n', async () => {
    const r = await run(['kubectl apply -f redis-svc.yaml -n default']);
    expect(r[0].stderr).toBe(
      'error: the namespace from the provided object "instavote" does not match the namespace "default". You must pass \'--namespace=instavote\' to perform this operation.\n',
    );
  });
});

describe('kubectl get, describe, delete, scale, label', () => {
  it('says "No resources found" on stderr with exit 0, and reports missing names after the output', async () => {
    const r = await run(['kubectl get pods', 'kubectl get pods -n nope', 'kubectl get nodes -l x=y', 'kubectl get svc kubernetes nope']);
    expect(r[0]).toMatchObject({ stdout: '', stderr: 'No resources found in default namespace.\n', exit: 0 });
    expect(r[1].stderr).toBe('No resources found in nope namespace.\n');
    expect(r[2].stderr).toBe('No resources found\n');
    expect(r[3].stdout).toMatch(/^NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE\nkubernetes +ClusterIP +10\.96\.0\.1 +<none> +443\/TCP +10m\n$/);
    expect(r[3].stderr).toBe('Error from server (NotFound): services "nope" not found\n');
    expect(r[3].exit).toBe(1);
  });

  it('deletes pods gracefully: the command waits until the kubelet has stopped them', async () => {
    const { sim, results } = await runScript('kubectl run web --image=nginx\nsleep 10\nkubectl delete pod web\nkubectl get pods\n', []);
    expect(results[2].stdout).toBe('pod "web" deleted\n');
    expect(results[3].stderr).toBe('No resources found in default namespace.\n');
    expect(sim.store.get('Pod', 'default', 'web')).toBeUndefined();
  });

  it('scales and labels with the success lines and the label conflict error', async () => {
    const r = await run([
      'kubectl apply -f vote-rs.yaml',
      'kubectl scale rs vote --replicas=2',
      'kubectl get rs vote -o jsonpath={.spec.replicas}',
      'kubectl label rs vote tier=front',
      'kubectl label rs vote tier=back',
      'kubectl label rs vote tier=back --overwrite',
      'kubectl label rs vote tier-',
      'kubectl scale deploy nope --replicas=1',
    ]);
    expect(r[1].stdout).toBe('replicaset.apps/vote scaled\n');
    expect(r[2].stdout).toBe('2');
    expect(r[3].stdout).toBe('replicaset.apps/vote labeled\n');
    expect(r[4].stderr).toBe("error: 'tier' already has a value (front), and --overwrite is false\n");
    expect(r[5].stdout).toBe('replicaset.apps/vote labeled\n');
    expect(r[6].stdout).toBe('replicaset.apps/vote unlabeled\n');
    expect(r[7].stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it('sets the context namespace for later commands', async () => {
    const r = await run([
      'kubectl create namespace instavote',
      'kubectl config set-context --current --namespace=instavote',
      'kubectl apply -f vote-svc.yaml',
      "kubectl config view --minify -o jsonpath='{..namespace}'",
      'kubectl get svc -A --no-headers',
    ]);
    expect(r[1].stdout).toBe('Context "kind-kind" modified.\n');
    expect(r[2].stdout).toBe('service/vote created\n');
    expect(r[3].stdout).toBe('instavote');
    expect(r[4].stdout).toMatch(/^default +kubernetes .*\ninstavote +vote +NodePort/m);
  });
});

describe('kubectl edit and logs', () => {
  it('edits through $KUBE_EDITOR and sends the change; an unchanged file is no edit', async () => {
    const r = await run([
      'kubectl apply -f vote-svc.yaml',
      `KUBE_EDITOR="sed -i 's/type: NodePort/type: ClusterIP/'" kubectl edit svc vote`,
      'kubectl get svc vote -o jsonpath={.spec.type}/{.spec.ports[0].nodePort}',
      'KUBE_EDITOR=true kubectl edit svc vote',
      `KUBE_EDITOR="sed -i 's/port: 80$/port: 0/'" kubectl edit svc vote`,
    ]);
    // The apiserver drops node ports the client left untouched when the type goes to ClusterIP.
    expect(r[1].stdout).toBe('service/vote edited\n');
    expect(r[2].stdout).toBe('ClusterIP/');
    expect(r[3].stderr).toBe('Edit cancelled, no changes made.\n');
    // An invalid result re-opens the editor; the same editor changes nothing more, so kubectl gives up.
    expect(r[4].stderr).toContain('error: services "vote" is invalid\n');
    expect(r[4].stderr).toMatch(/A copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\n/);
    expect(r[4].stderr).toContain('error: Edit cancelled, no valid changes were saved.\n');
    expect(r[4].exit).toBe(1);
  });

  it('shows a container log, refuses one that has not started, and follows headless until quiet', async () => {
    const r = await run(['kubectl run web --image=nginx', 'kubectl logs web', 'sleep 10', 'kubectl logs web --tail=1', 'kubectl logs nope']);
    expect(r[1].stderr).toBe('Error from server (BadRequest): container "web" in pod "web" is waiting to start: ContainerCreating\n');
    expect(r[3].stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r[4].stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});
