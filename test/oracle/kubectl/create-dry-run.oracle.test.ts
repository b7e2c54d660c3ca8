// The simulator's kubectl against the real kubectl v1.32 on this machine, for
// everything kubectl decides without a server: the objects `create` builds
// (--dry-run=client -o yaml|json|name), its success lines, and its usage
// errors. klog headers carry a time and a pid, which are masked.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from '../../../src/cli/script';

const KUBECTL = process.env.KUBECTL_PATH ?? '/usr/bin/kubectl';
const haveKubectl = existsSync(KUBECTL);
if (!haveKubectl) console.warn(`skipping kubectl oracle tests: ${KUBECTL} not found`);

// An empty kubeconfig, so the real kubectl never reaches for a server.
const home = mkdtempSync(join(tmpdir(), 'kubectl-oracle-'));
const kubeconfig = join(home, 'config');
writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n');

function real(args: string[]): { stdout: string; stderr: string; exit: number } {
  const r = spawnSync(KUBECTL, args, { encoding: 'utf8', env: { ...process.env, KUBECONFIG: kubeconfig, HOME: home } });
  return { stdout: r.stdout, stderr: r.stderr, exit: r.status ?? -1 };
}

/** Shell-quote one argument for the simulator's bash. */
function q(a: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

const KLOG = /^([EWI])\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ /gm;
const mask = (s: string) => s.replace(KLOG, '$1MMDD hh:mm:ss.uuuuuu PID ').replace(/v1\.32\.4-dispatcher/g, 'v1.32.4');

const CASES: string[][] = [
  ['create', 'namespace', 'instavote', '--dry-run=client', '-o', 'yaml'],
  ['create', 'namespace', 'instavote', '--dry-run=client', '-o', 'json'],
  ['create', 'namespace', 'instavote', '--dry-run=client', '-o', 'name'],
  ['create', 'namespace', 'instavote', '--dry-run=client'],
  ['create', 'ns', 'Bad_Name', '--dry-run=client', '-o', 'yaml'],
  ['create', 'deployment', 'vote', '--image=schoolofdevops/vote:v1', '--replicas=5', '--dry-run=client', '-o', 'yaml'],
  ['create', 'deployment', 'vote', '--image=schoolofdevops/vote:v1', '--replicas=5', '--dry-run=client', '-o', 'json'],
  ['create', 'deployment', 'web', '--image=nginx', '--port=80', '--dry-run=client', '-o', 'yaml'],
  ['create', 'deployment', 'y', '--image=busybox', '--dry-run=client', '-o', 'yaml', '--', 'sleep', '3600'],
  ['create', 'deployment', 'multi', '--image=docker.io/library/nginx:1.27', '--image=gcr.io/kuar-demo/kuard-amd64:blue', '--dry-run=client', '-o', 'json'],
  ['create', 'deploy', 'x', '--image=redis:alpine', '-r', '2', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'nodeport', 'vote', '--tcp=80', '--node-port=30000', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'nodeport', 'vote', '--tcp=80:8080,81', '--node-port=30000', '--dry-run=client', '-o', 'json'],
  ['create', 'service', 'clusterip', 'redis', '--tcp=6379', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'clusterip', 'redis', '--tcp=6379', '--dry-run=client', '-o', 'json'],
  ['create', 'service', 'clusterip', 'db', '--clusterip=None', '--tcp=5432', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'loadbalancer', 'result', '--tcp=80:8080', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'externalname', 'extdb', '--external-name=db.example.com', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'externalname', 'extdb', '--external-name=db.example.com', '--tcp=5432', '--dry-run=client', '-o', 'json'],
  ['create', 'svc', 'nodeport', 'vote', '--tcp=80', '--dry-run=client', '-o', 'name'],
  ['create', 'service', 'nodeport', 'vote', '--tcp=80', '--dry-run=client'],
  ['create', 'deployment', 'vote', '--image=nginx', '--dry-run=client', '-o', 'jsonpath={.spec.template.spec.containers[0].name}'],
  ['create', 'namespace', 'x', '--dry-run=client', '-o', 'jsonpath={.metadata.name}'],
  ['create', 'namespace', 'x', '--dry-run=client', '-o', 'jsonpath={.metadata.name'],
  ['create', 'namespace', 'x', '--dry-run=client', '-o', 'jsonpath={.foo}', '--allow-missing-template-keys=false'],
  ['create', 'deployment', 'a', '--image=nginx', '--dry-run=client', '-o', 'jsonpath={range .spec.template.spec.containers[*]}{.name}{"\n"}{end}'],
  // usage errors
  ['create', 'deployment', '--dry-run=client'],
  ['create', 'deployment', 'x', '--dry-run=client'],
  ['create', 'deployment', 'x', '--image=nginx', '--replicas=abc', '--dry-run=client'],
  ['create', 'service', 'nodeport', '--dry-run=client'],
  ['create', 'service', 'nodeport', 'x', '--dry-run=client'],
  ['create', 'service', 'nodeport', 'x', '--tcp=abc', '--dry-run=client'],
  ['create', 'service', 'externalname', 'x', '--dry-run=client'],
  ['create', 'namespace', '--dry-run=client'],
  ['create', 'namespace', 'a', 'b', '--dry-run=client'],
  ['create', 'namespace', 'x', '--dry-run=foo'],
  ['create', 'namespace', 'x', '--dry-run=client', '-o', 'foo'],
  ['create', 'namespace', 'x', '--dry-run=client', '-o', 'jsonpath'],
  ['create', 'namespace', 'x', '--dry-run', '-o', 'name'],
  ['create', 'namespace', 'x', '--dry-run=true', '-o', 'name'],
  ['get', '--foo'],
  ['get', 'pods', '-z'],
  ['get', 'pods', '-n'],
  ['get'],
  ['describe'],
  ['gte', 'pods'],
  ['foo'],
  ['zzzzzz'],
  ['delete'],
  ['label'],
  ['apply'],
  ['apply', '-f'],
  ['scale', 'deploy', 'x'],
  ['run'],
  ['run', 'x'],
  ['expose'],
  ['exec', 'x', 'ls'],
  // create service: each type's own flags, headless without ports, port names, and the group command itself
  ['create', 'service', 'clusterip', 'x', '--tcp=80', '--node-port=30000', '--dry-run=client'],
  ['create', 'service', 'clusterip', 'x', '--node-port=3'],
  ['create', 'service', 'nodeport', 'x', '--tcp=80', '--clusterip=None', '--dry-run=client'],
  ['create', 'service', 'loadbalancer', 'x', '--tcp=80', '--clusterip=None', '--dry-run=client'],
  ['create', 'service', 'externalname', 'x', '--external-name=a.b', '--clusterip=None', '--dry-run=client'],
  ['create', 'service', 'loadbalancer', 'x', '--tcp=80', '--external-name=x', '--dry-run=client'],
  ['create', 'service', 'nodeport', 'x', '--tcp=80', '--external-name=x', '--dry-run=client'],
  ['create', 'service', 'externalname', 'x', '--external-name=a.b', '--node-port=30000', '--dry-run=client'],
  ['create', 'service', 'externalname', 'x', '--external-name=a.b', '--tcp=80', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'clusterip', 'x', '--clusterip=None', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'clusterip', 'x', '--clusterip=None', '--dry-run=client', '-o', 'json'],
  ['create', 'service', 'clusterip', 'x', '--clusterip=', '--tcp=80', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'clusterip', 'x', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'clusterip', 'x', '--tcp=80:8080:9090', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'nodeport', 'x', '--tcp=80:http,443:8443', '--dry-run=client', '-o', 'json'],
  ['create', 'service', 'clusterip', 'x', '--tcp=80:0', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'clusterip', 'x', '--tcp=80:', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'clusterip', 'x', '--tcp=80:-Bad--', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'clusterip', 'x', '--tcp=80:http-very-long-name', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'clusterip', 'x', '--tcp=80:+5', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'nodeport', 'x', '--tcp=80', '--node-port=-1', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'externalname', 'x', '--external-name=Bad_Name', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service'],
  ['create', 'svc', '-n', 'x'],
  ['create', 'service', '--help'],
  ['create', 'service', 'foo', 'vote'],
  ['create', 'service', 'foo'],
  ['create', 'service', 'foo', '--tcp=80'],
  ['create', '--save-config', 'service', 'clusterip', 'x'],
  ['create', 'service', '-o', 'yaml', 'clusterip', 'x', '--tcp=80', '--dry-run=client'],
  ['create', '-o', 'yaml', 'service', 'clusterip', 'x', '--tcp=80', '--dry-run=client'],
  ['create', '--output', 'json', 'deployment', 'x', '--image=nginx', '--dry-run', 'client'],
  // -n puts the namespace in what create builds (the kubeconfig's namespace does not)
  ['create', 'service', 'clusterip', 'vote', '--tcp=80', '-n', 'instavote', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'nodeport', 'vote', '--tcp=80', '--namespace', 'instavote', '--dry-run=client', '-o', 'json'],
  ['create', 'deployment', 'vote', '--image=nginx', '--namespace=instavote', '--dry-run=client', '-o', 'json'],
  ['create', 'deployment', 'vote', '--image=nginx', '-n', 'instavote', '--dry-run=client', '-o', 'yaml'],
  ['create', 'deployment', 'vote', '--image=nginx', '-n', '', '--dry-run=client', '-o', 'yaml'],
  ['-n', 'instavote', 'create', 'deployment', 'vote', '--image=nginx', '--dry-run=client', '-o', 'yaml'],
  ['create', 'namespace', 'x', '-n', 'instavote', '--dry-run=client', '-o', 'yaml'],
  // usage errors
  ['create', 'foo', 'bar'],
  ['create', 'foo', '--dry-run=bad'],
  ['create', 'foo', '--foo'],
  ['create', '-f'],
  ['config', 'view', '--minify', '--foo'],
  ['config', 'view', '--foo=1'],
  ['scale', '--replicas=3'],
  ['scale', '--replicas=-1'],
  ['--foo', 'get', 'pods'],
  ['-x', 'get'],
  ['-n', 'x', 'gte', 'pods'],
  ['--namespace=x', 'foo'],
  ['gte', '-n', 'x'],
];

describe.skipIf(!haveKubectl)('kubectl without a server: the simulator prints what kubectl v1.32 prints', () => {
  it.each(CASES.map((c) => [c.join(' '), c] as const))('kubectl %s', async (_label, args) => {
    const want = real(args);
    const { results } = await runScript(`kubectl ${args.map(q).join(' ')}\n`, []);
    const got = results[0];
    expect(mask(got.stdout)).toBe(mask(want.stdout));
    expect(mask(got.stderr)).toBe(mask(want.stderr));
    expect(got.exit).toBe(want.exit);
  });
});
