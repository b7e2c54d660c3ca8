// Benchmark of the kube-proxy model, the iptables renderers and the packet engine
// at lab scale (1,000 services x 10 endpoints on 3 nodes) and at 10,000 services.

import { Rng } from '../src/sim/core/rng';
import { nodeNetwork } from '../src/sim/net/render/node-network';
import { connect, type PacketEnv } from '../src/sim/packet/engine';
import { NetState } from '../src/sim/packet/state';
import { StaticNetworkView } from '../src/sim/packet/static-view';
import { KubeProxy } from '../src/sim/proxy/kube-proxy';
import { iptablesList } from '../src/sim/proxy/render/list';
import { iptablesSave } from '../src/sim/proxy/render/save';
import { slice, service, tcpPort } from '../src/sim/proxy/testing/objects';
import { KIND_NODES } from '../src/sim/proxy/testing/scenarios';
import type { EndpointSlice, Service } from '../src/sim/api/types';

const BRIDGES = ['10.32.0.1', '10.40.0.0', '10.44.0.0'];
const POD_BASES = [0x0a200000, 0x0a280000, 0x0a2c0000];

function ip(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

interface Cluster {
  services: Service[];
  slices: EndpointSlice[];
  podsPerNode: number[];
}

function cluster(count: number, perService: number): Cluster {
  const services: Service[] = [];
  const slices: EndpointSlice[] = [];
  const podsPerNode = [2, 1, 1];
  for (let s = 0; s < count; s++) {
    const name = `svc-${s}`;
    services.push(
      service('bench', name, {
        type: s % 10 === 0 ? 'NodePort' : 'ClusterIP',
        clusterIP: ip(0x0a600000 + s + 1),
        selector: { app: name },
        ports: [tcpPort(80, s % 10 === 0 ? { nodePort: 30000 + (s % 2700) } : { targetPort: 8080 })],
      }),
    );
    const eps = [];
    for (let e = 0; e < perService; e++) {
      const node = (s + e) % 3;
      eps.push({ ip: ip(POD_BASES[node] + ++podsPerNode[node]), node: KIND_NODES[node].name });
    }
    const sl = slice('bench', name, [{ port: 8080 }], eps);
    sl.metadata.resourceVersion = '1';
    slices.push(sl);
  }
  return { services, slices, podsPerNode };
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** How fast this machine is right now: figures above are only comparable with this one. */
function baseline(): number {
  const [, t] = time(() => {
    const lines: string[] = [];
    for (let i = 0; i < 43000; i++) lines.push(`-A KUBE-SEP-${i} -p tcp -m comment --comment "bench/svc-${i}" -m tcp -j DNAT --to-destination 10.32.0.${i & 255}:8080`);
    return lines.join('\n').length;
  });
  return t;
}

function ms(x: number): string {
  return `${x.toFixed(1)} ms`;
}

async function scale(count: number, perService: number): Promise<void> {
  console.log(`\n${count} services x ${perService} endpoints on 3 nodes`);
  const c = cluster(count, perService);
  const kp = new KubeProxy({ clusterCIDR: '10.32.0.0/12' });
  kp.setNodes(KIND_NODES);
  const [first, tFull] = time(() => {
    kp.replaceAll(c.services, c.slices);
    return kp.sync();
  });
  console.log(`  full sync: ${ms(tFull)} (${first.totalEndpoints} endpoints, large-cluster mode ${first.largeClusterMode})`);
  const [, tTables] = time(() => KIND_NODES.map((n) => kp.tables(n.name)));
  const nat = kp.tables('kind-worker').nat;
  console.log(`  per-node tables for 3 nodes: ${ms(tTables)} (${nat.chainNames().length} nat chains, shared: ${kp.tables('kind-worker') === kp.tables('kind-worker2')})`);

  // One scale change: svc-7 goes from 10 to 11 endpoints (then back and forth, for a median).
  const base = (c.slices[7].endpoints ?? []).map((e) => ({ ip: e.addresses[0], node: e.nodeName! }));
  const scaleTimes: number[] = [];
  let changed = 0;
  for (let round = 0; round < 7; round++) {
    const eps = round % 2 === 0 ? [...base, { ip: ip(POD_BASES[2] + 60000), node: 'kind-worker2' }] : base;
    const sl = slice('bench', 'svc-7', [{ port: 8080 }], eps);
    sl.metadata.resourceVersion = String(round + 2);
    const [resync, t] = time(() => {
      kp.setEndpointSlice(sl);
      const r = kp.sync();
      KIND_NODES.forEach((n) => kp.tables(n.name));
      return r;
    });
    changed = resync.changedServices.length;
    scaleTimes.push(t);
  }
  console.log(`  scale change re-sync incl. per-node tables: first ${ms(scaleTimes[0])}, median ${ms(median(scaleTimes))} (services re-derived per sync: ${changed})`);

  const [saved, tSave] = time(() => iptablesSave(kp.tables('kind-worker'), new StaticNetworkView(kp).counters('kind-worker'), { now: 0 }));
  console.log(`  iptables-save of one node: ${ms(tSave)} (${(saved.length / 1024 / 1024).toFixed(1)} MiB, ${saved.split('\n').length} lines)`);
  const [, tSave2] = time(() => iptablesSave(kp.tables('kind-worker'), new StaticNetworkView(kp).counters('kind-worker'), { now: 0 }));
  console.log(`  iptables-save again (rule texts cached): ${ms(tSave2)}`);
  const [listed, tList] = time(() => iptablesList(kp.tables('kind-worker').nat, new StaticNetworkView(kp).counters('kind-worker'), { numeric: true, verbose: true }));
  console.log(`  iptables -t nat -nvL of one node: ${ms(tList)} (${(listed.length / 1024 / 1024).toFixed(1)} MiB)`);

  const view = new StaticNetworkView(kp);
  KIND_NODES.forEach((n, i) => view.addNode(nodeNetwork({ name: n.name, ip: n.ip, bridgeIP: BRIDGES[i], pods: [] })));
  for (const sl of c.slices) {
    for (const e of sl.endpoints ?? []) view.addPod({ namespace: 'bench', name: e.addresses[0], ip: e.addresses[0], node: e.nodeName!, listens: ['8080/tcp'] });
  }
  view.addPod({ namespace: 'bench', name: 'client', ip: '10.40.255.1', node: 'kind-worker', listens: [] });
  const env: PacketEnv = { view, state: new NetState(), rng: new Rng('bench'), now: 0 };
  const target = c.services[count - 1].spec.clusterIP!;
  const [trace, tWalk] = time(() => connect(env, { origin: { kind: 'pod', ip: '10.40.255.1' }, dst: { ip: target, port: 80 }, protocol: 'tcp', exchange: { requestBytes: 80, responseBytes: 600 } }));
  console.log(`  packet walk (pod -> last ClusterIP, full exchange): ${ms(tWalk)} (${trace.outcome.kind}, ${trace.steps.length} steps)`);
  const walks: number[] = [];
  for (let round = 0; round < 5; round++) {
    const n = 200;
    const [, t] = time(() => {
      for (let i = 0; i < n; i++) connect(env, { origin: { kind: 'external', node: 'kind-worker' }, srcIP: '172.18.0.1', dst: { ip: '172.18.0.3', port: 30000 }, protocol: 'tcp' });
    });
    walks.push(t / n);
  }
  console.log(`  NodePort connection (SYN + SYN-ACK + ACK, two nodes): median ${(median(walks) * 1000).toFixed(0)} us per connection (5 rounds of 200)`);
}

export async function run(): Promise<void> {
  console.log('kube-proxy model (iptables mode), iptables renderers, packet engine');
  console.log(`machine baseline: building and joining 43,000 rule-like lines takes ${ms(baseline())}`);
  await scale(1000, 10);
  await scale(10000, 10);
}

const invoked = process.argv[1] ?? '';
if (invoked.endsWith('kube-proxy.ts') || invoked.endsWith('kube-proxy.js')) void run();
