// kubectl patch / annotate / rollout against the simulated cluster.

import { describe, expect, it } from 'vitest';
import { runScript, type StepResult } from '../../../cli/script';
import { applyJsonPatch, jsonMergePatch, strategicMergePatch } from '../patch-merge';

async function run(lines: string[]): Promise<StepResult[]> {
  return (await runScript(lines.join('\n') + '\n', [])).results;
}

describe('patch formats', () => {
  it('merges lists by their patchMergeKey, in strategicpatch order', () => {
    type Dep = { spec: { template: { spec: { containers: { name: string; image?: string; env?: { name: string; value: string }[] }[] } } } };
    const dep: Parameters<typeof strategicMergePatch>[1] = { spec: { template: { spec: { containers: [{ name: 'a', image: 'x', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] }, { name: 'b', image: 'r' }, { name: 'c', image: 'c' }] } } } };
    const r1 = strategicMergePatch('Deployment', dep, { spec: { template: { spec: { containers: [{ name: 'b', image: 'x' }, { name: 'z', image: 'z' }] } } } }) as unknown as Dep;
    expect(r1.spec.template.spec.containers.map((c) => c.name)).toEqual(['a', 'b', 'z', 'c']);
    const r2 = strategicMergePatch('Deployment', dep, { spec: { template: { spec: { containers: [{ name: 'a', env: [{ name: 'Y', $patch: 'delete' }, { name: 'Z', value: '3' }] }, { name: 'c', image: null }] } } } }) as unknown as Dep;
    expect(r2.spec.template.spec.containers[0].env).toEqual([{ name: 'Z', value: '3' }, { name: 'X', value: '1' }]);
    expect(r2.spec.template.spec.containers[2]).toEqual({ name: 'c' });
    expect(() => strategicMergePatch('Deployment', dep, { spec: { template: { spec: { containers: [{ image: 'x' }] } } } })).toThrow('map: map[image:x] does not contain declared merge key: name');
    const svc = { spec: { ports: [{ port: 80, targetPort: 80 }] } };
    expect(strategicMergePatch('Service', svc, { spec: { ports: [{ port: 80, targetPort: 8080 }] } })).toEqual({ spec: { ports: [{ port: 80, targetPort: 8080 }] } });
  });

  it('JSON merge patch (RFC 7386) and JSON patch (RFC 6902)', () => {
    expect(jsonMergePatch({ a: 1, b: { c: 2, d: 3 }, l: [1] }, { b: { c: null }, l: [2], e: 'x' })).toEqual({ a: 1, b: { d: 3 }, l: [2], e: 'x' });
    const doc = { spec: { type: 'ClusterIP', ports: [{ port: 80 }] } };
    expect(
      applyJsonPatch(doc, [
        { op: 'add', path: '/spec/ports/-', value: { port: 81 } },
        { op: 'copy', from: '/spec/type', path: '/spec/old' },
        { op: 'move', from: '/spec/old', path: '/spec/older' },
        { op: 'replace', path: '/spec/ports/0/port', value: 90 },
        { op: 'test', path: '/spec/type', value: 'ClusterIP' },
      ]),
    ).toEqual({ spec: { type: 'ClusterIP', ports: [{ port: 90 }, { port: 81 }], older: 'ClusterIP' } });
    expect(() => applyJsonPatch(doc, [{ op: 'remove', path: '/spec/foo' }])).toThrow("error in remove for path: '/spec/foo': Unable to remove nonexistent key: foo: missing value");
    expect(() => applyJsonPatch(doc, [{ op: 'test', path: '/spec/type', value: 'NodePort' }])).toThrow('testing value /spec/type failed: test failed');
    expect(() => applyJsonPatch(doc, [{ op: 'bad', path: '/spec' }])).toThrow('Unexpected kind: bad');
  });
});

describe('kubectl patch', () => {
  it('sets a LoadBalancer ingress through the status subresource, and kube-proxy follows', async () => {
    const r = await run([
      'kubectl create deployment web --image=nginx',
      'kubectl create service loadbalancer web --tcp=80',
      'sleep 5',
      `kubectl patch svc web --subresource=status --type=merge -p '{"status":{"loadBalancer":{"ingress":[{"ip":"172.18.255.200"}]}}}'`,
      'sleep 2',
      'kubectl get svc web --no-headers',
      'docker exec kind-worker iptables-save -t nat | grep -c 172.18.255.200',
      `kubectl patch svc web --subresource=status --type=merge -p '{"status":{"loadBalancer":{"ingress":[{"ip":"172.18.255.200"}]}}}'`,
    ]);
    expect(r[3]).toMatchObject({ stdout: 'service/web patched\n', stderr: '', exit: 0 });
    expect(r[5].stdout).toMatch(/^web +LoadBalancer +\S+ +172\.18\.255\.200 +80:\d+\/TCP/);
    expect(Number(r[6].stdout.trim())).toBeGreaterThan(0);
    expect(r[7].stdout).toBe('service/web patched (no change)\n');
  });

  it('strategic, merge and json patches through the store (validation as apply)', async () => {
    const r = await run([
      'kubectl create deployment vote --image=schoolofdevops/vote:v1',
      `kubectl patch deploy vote -p '{"spec":{"template":{"spec":{"containers":[{"name":"vote","image":"schoolofdevops/vote:v2"}]}}}}'`,
      `kubectl get deploy vote -o jsonpath='{.spec.template.spec.containers[*].image}'`,
      `kubectl patch deployment vote --type=merge -p 'spec: {replicas: 2}' -o name`,
      `kubectl patch deployment/vote --type=json -p '[{"op":"replace","path":"/spec/replicas","value":3}]' --dry-run=server -o jsonpath='{.spec.replicas}'`,
      `kubectl get deploy vote -o jsonpath='{.spec.replicas}'`,
      `kubectl patch svc nope -p '{}'`,
      `kubectl patch deploy vote -p 'a: b: c'`,
      `kubectl patch deploy vote --type=json -p '[{"op":"remove","path":"/spec/foo"}]'`,
      `kubectl patch deploy vote --type=json -p '{}'`,
      `kubectl patch deploy vote --type=json -p '[{"op":"remove","path":"/spec/foo"}]' --dry-run=client`,
      `kubectl patch deploy vote -p '{"spec":{"replicas":-1}}'`,
      `kubectl patch deploy vote -p '{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}'`,
      `kubectl patch deploy vote --type=foo -p '{}'`,
      `kubectl patch deploy vote`,
      `kubectl patch deploy vote -p '{}'`,
    ]);
    expect(r[1].stdout).toBe('deployment.apps/vote patched\n');
    expect(r[2].stdout).toBe('schoolofdevops/vote:v2');
    expect(r[3].stdout).toBe('deployment.apps/vote\n');
    expect(r[4].stdout).toBe('3');
    expect(r[5].stdout).toBe('2');
    expect(r[6].stderr).toBe('Error from server (NotFound): services "nope" not found\n');
    expect(r[7].stderr).toBe('error: unable to parse "a: b: c": yaml: mapping values are not allowed in this context\n');
    expect(r[8].stderr).toBe('The request is invalid: the server rejected our request due to an error in our request\n');
    expect(r[9].stderr).toBe('Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n');
    expect(r[10].stderr).toBe("error: error in remove for path: '/spec/foo': Unable to remove nonexistent key: foo: missing value\n");
    expect(r[11].stderr).toMatch(/^The Deployment "vote" is invalid: spec\.replicas: Invalid value: -1: must be greater than or equal to 0\n$/);
    expect(r[12].stderr).toBe('Error from server: map: map[image:x] does not contain declared merge key: name\n');
    expect(r[13].stderr).toBe('error: --type must be one of [json merge strategic], not "foo"\n');
    expect(r[14].stderr).toBe('error: must specify --patch or --patch-file containing the contents of the patch\n');
    expect(r[15].stdout).toBe('deployment.apps/vote patched (no change)\n');
  });
});

describe('kubectl annotate', () => {
  it('adds, refuses to overwrite, overwrites and removes', async () => {
    const r = await run([
      'kubectl create service clusterip vote --tcp=80',
      'kubectl annotate svc vote k=v team=x',
      'kubectl annotate svc vote k=w',
      'kubectl annotate svc vote k=w --overwrite',
      `kubectl get svc vote -o jsonpath='{.metadata.annotations}'`,
      'kubectl annotate svc/vote k- team-',
      'kubectl annotate svc vote k=z --dry-run=client',
      'kubectl annotate svc vote',
      'kubectl annotate svc nope a=b',
    ]);
    expect(r[1].stdout).toBe('service/vote annotated\n');
    expect(r[2]).toMatchObject({ stderr: "error: --overwrite is false but found the following declared annotation(s): 'k' already has a value (v)\n", exit: 1 });
    expect(r[3].stdout).toBe('service/vote annotated\n');
    expect(r[4].stdout).toBe('{"k":"w","team":"x"}');
    expect(r[5].stdout).toBe('service/vote annotated\n');
    expect(r[6].stdout).toBe('service/vote annotated (dry run)\n');
    expect(r[7].stderr).toBe('error: at least one annotation update is required\n');
    expect(r[8].stderr).toBe('Error from server (NotFound): services "nope" not found\n');
  });
});

describe('kubectl rollout', () => {
  it('status waits for the rollout on virtual time; restart stamps the template', async () => {
    const r = await run([
      'kubectl create deployment vote --image=schoolofdevops/vote:v1 --replicas=3',
      'kubectl rollout status deployment/vote',
      'kubectl rollout restart deployment/vote',
      `kubectl get deploy vote -o jsonpath='{.spec.template.metadata.annotations}'`,
      'kubectl rollout status deploy vote',
      'kubectl rollout status deploy vote --watch=false',
      'kubectl rollout restart svc/kubernetes',
      'kubectl rollout status svc/kubernetes',
      'kubectl rollout status',
      'kubectl rollout status deploy/nope',
    ]);
    const lines = r[1].stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Waiting for deployment "vote" rollout to finish: \d of 3 updated replicas are available\.\.\.$/);
    expect(lines[lines.length - 1]).toBe('deployment "vote" successfully rolled out');
    expect(r[1].exit).toBe(0);
    expect(r[2].stdout).toBe('deployment.apps/vote restarted\n');
    expect(r[3].stdout).toMatch(/^\{"kubectl\.kubernetes\.io\/restartedAt":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\}$/);
    expect(r[4].stdout).toContain('Waiting for deployment "vote" rollout to finish: 1 out of 3 new replicas have been updated...\n');
    expect(r[4].stdout.endsWith('deployment "vote" successfully rolled out\n')).toBe(true);
    expect(r[5].stdout).toBe('deployment "vote" successfully rolled out\n');
    expect(r[6].stderr).toBe('error: services "kubernetes" restarting is not supported\n');
    expect(r[7].stderr).toBe('error: no status viewer has been implemented for Service\n');
    expect(r[8].stderr).toBe('error: required resource not specified\n');
    expect(r[9].stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });
});
