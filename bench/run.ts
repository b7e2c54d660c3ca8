// npm run bench: performance figures, printed (never asserted). Each section
// runs the real code paths; numbers are wall-clock milliseconds on this
// machine, best of a few runs where noted.
//
//   BENCH=cli,scale,proxy,dns   run only some sections
//   BENCH_SCALE=100000          pods for the scale section (default 10000)

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from '../src/cli/script';
import { Simulation } from '../src/sim/simulation';
import { clusterWithNodes } from '../src/sim/cluster/config';
import { run as runKubeProxyBench } from './kube-proxy';
import { lookupAddresses } from '../src/sim/dns/resolver';
import { podResolvConf } from '../src/sim/dns/resolvconf';
import type { Deployment, Pod, Service } from '../src/sim/api/types';

const only = new Set((process.env.BENCH ?? 'cli,scale,proxy,dns').split(','));

function ms(n: number): string {
  return `${n.toFixed(n < 10 ? 2 : 0)} ms`;
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

function gcAndHeapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

const SCRIPT_20 = `kubectl get nodes
kubectl create namespace instavote
kubectl config set-context --current --namespace=instavote
kubectl apply -f vote-rs.yaml
kubectl apply -f vote-svc.yaml
kubectl get pods
sleep 20
kubectl get pods -o wide
kubectl get svc
kubectl describe svc vote
kubectl get ep,endpointslices
kubectl apply -f redis-svc.yaml
kubectl apply -f redis-deploy.yaml
sleep 10
kubectl describe svc redis
kubectl scale rs vote --replicas=6
sleep 10
kubectl get all
kubectl get pods -l role=vote -o name
kubectl delete -f redis-deploy.yaml
`;

async function cliSection(): Promise<void> {
  console.log('\n== CLI: a 20-line K105 script');
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  const ref = join(import.meta.dirname, '..', 'labs', 'starter');
  const files = ['vote-rs.yaml', 'vote-svc.yaml', 'redis-svc.yaml', 'redis-deploy.yaml'].map((f) => ({
    path: `/root/${f}`,
    content: execFileSync('cat', [join(ref, f)], { encoding: 'utf8' }),
  }));
  for (const f of files) writeFileSync(join(dir, f.path.slice('/root/'.length)), f.content);
  writeFileSync(join(dir, 'script.txt'), SCRIPT_20);
  const inProcess: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [, t] = await timeAsync(() => runScript(SCRIPT_20, files));
    inProcess.push(t);
  }
  console.log(`  in-process (runScript, incl. cluster bring-up), best of 5: ${ms(Math.min(...inProcess))}`);
  const wall: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    execFileSync('npm', ['run', '-s', 'sim', '--', join(dir, 'script.txt')], { stdio: 'pipe' });
    wall.push(performance.now() - t);
  }
  console.log(`  \`npm run -s sim -- script.txt\` wall clock (incl. Node + tsx start), best of 3: ${ms(Math.min(...wall))}`);
  const [, boot] = time(() => new Simulation());
  console.log(`  new Simulation() (default kind cluster, 10 min of bring-up): ${ms(boot)}`);
}

function scaleSection(): void {
  const pods = Number(process.env.BENCH_SCALE ?? 10_000);
  const nodes = Math.max(3, Math.min(1000, Math.round(pods / 100)));
  const services = Math.max(1, Math.round(pods / 10));
  console.log(`\n== Scale: ${nodes} nodes, ${services} Deployments x 10 pods (${pods} pods), ${services} Services`);
  const [sim, boot] = time(() => new Simulation({ cluster: clusterWithNodes(nodes) }));
  console.log(`  cluster bring-up: ${ms(boot)}`);
  const [, create] = time(() => {
    for (let i = 0; i < services; i++) {
      const labels = { app: `app${i}` };
      sim.store.create<Deployment>({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `app${i}`, namespace: 'default' }, spec: { replicas: 10, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } } });
      sim.store.create<Service>({ apiVersion: 'v1', kind: 'Service', metadata: { name: `app${i}`, namespace: 'default' }, spec: { selector: labels, ports: [{ port: 80 }] } });
    }
  });
  console.log(`  create ${services} Deployments + Services (API writes only): ${ms(create)}`);
  const [, settle] = time(() => sim.settle());
  console.log(`  controllers settle (ReplicaSets, ${sim.store.count('Pod')} pods created and scheduled): ${ms(settle)}`);
  const [, run] = time(() => sim.advance(30_000));
  const running = sim.store.list<Pod>('Pod', { namespace: 'default' }).filter((p) => p.status?.phase === 'Running').length;
  console.log(`  30 s of virtual time (kubelets start every pod, endpoints follow): ${ms(run)}  (${running} Running, ${(run / pods).toFixed(2)} ms/pod)`);
  const [, scale] = time(() => {
    const d = sim.store.get<Deployment>('Deployment', 'default', 'app1')!;
    sim.store.update({ ...d, spec: { ...d.spec, replicas: 11 } });
    sim.advance(10_000);
  });
  console.log(`  one Deployment scaled 10 -> 11, then 10 s: ${ms(scale)}`);
  const [, get] = time(() => sim.store.list('Pod', { namespace: 'default' }).length);
  console.log(`  list all pods (storage order): ${ms(get)}`);
  const [, snap] = time(() => sim.snapshot());
  console.log(`  diagram snapshot of the whole cluster: ${ms(snap)}`);
  console.log(`  heap after GC: ${gcAndHeapMB().toFixed(0)} MB${(globalThis as { gc?: unknown }).gc ? '' : ' (run with --expose-gc for an exact figure)'}`);
}

function dnsSection(): void {
  console.log('\n== Service discovery inside the simulation');
  for (const count of [10, 10_000]) {
    const sim = new Simulation();
    for (let i = 0; i < count; i++) {
      sim.store.create<Service>({ apiVersion: 'v1', kind: 'Service', metadata: { name: `svc${i}`, namespace: 'default' }, spec: { selector: { app: `a${i}` }, ports: [{ port: 80 }] } });
    }
    sim.store.create<Deployment>({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'client', namespace: 'default' }, spec: { replicas: 1, selector: { matchLabels: { app: 'client' } }, template: { metadata: { labels: { app: 'client' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } });
    sim.store.create<Deployment>({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 3, selector: { matchLabels: { app: 'a1' } }, template: { metadata: { labels: { app: 'a1' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } } });
    sim.advance(20_000);
    const client = sim.store.list<Pod>('Pod', { namespace: 'default' }).find((p) => p.metadata.name!.startsWith('client'))!;
    const origin = { kind: 'pod' as const, ip: client.status!.podIP! };
    const dns = sim.runtime.transports.dnsFrom(origin);
    const conf = podResolvConf(client).conf;
    const N = 200;
    const [, lookups] = time(() => {
      for (let i = 0; i < N; i++) lookupAddresses(`svc${i % count}`, 'inet', { conf, libc: 'musl', transport: dns });
    });
    const svc1 = sim.store.get<Service>('Service', 'default', 'svc1')!;
    const tcp = sim.runtime.transports.tcpFrom(origin);
    const [, requests] = time(() => {
      for (let i = 0; i < N; i++) tcp.connect(svc1.spec.clusterIP!, 80);
    });
    console.log(`  ${count} Services: name lookup (search list, A query through kube-proxy to CoreDNS) ${ms(lookups / N)}; TCP connect to a ClusterIP (DNAT to a pod, traced) ${ms(requests / N)}`);
  }
}

async function main(): Promise<void> {
  console.log(`Benchmarks (Node ${process.version}, ${new Date().toISOString().slice(0, 10)})`);
  if (only.has('cli')) await cliSection();
  if (only.has('dns')) dnsSection();
  if (only.has('scale')) scaleSection();
  if (only.has('proxy')) {
    console.log('\n== kube-proxy, iptables renderers, packet engine');
    await runKubeProxyBench();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
