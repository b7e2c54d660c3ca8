// Journeys and their diagram plans from real traces: the scripts run on the
// simulation, and the traces it records are mapped.

import { beforeAll, describe, expect, it } from 'vitest';
import { runScript, type ScriptRun } from '../../cli/script';
import type { ClusterSnapshot, TraceRecord } from '../../worker/protocol';
import { clusterNodeId, endpointEdgeId, HOST_ID, podId, serviceId } from './graph';
import { drawnIndex, planJourney } from './journey-plan';
import { DiagramLayout } from './layout';
import { journeyOf, serviceOfRule } from './trace-journey';

const SETUP = ['kubectl create deployment vote --image=schoolofdevops/vote:v1 --replicas=3', 'kubectl create service nodeport vote --tcp=80 --node-port=30000', 'sleep 60'];

async function traced(run: ScriptRun, line: string): Promise<TraceRecord[]> {
  const got: TraceRecord[] = [];
  const stop = run.sim.runtime.traces.subscribe((t) => got.push(t));
  if (line.startsWith('browse ')) run.session.browse({ url: line.split(' ')[2], method: line.split(' ')[1] as 'GET' | 'POST', form: line.split(' ')[3] });
  else await run.session.run(line, () => {});
  stop();
  return got;
}

function podNamed(snap: ClusterSnapshot, ip: string) {
  return snap.pods.find((p) => p.ip === ip)!;
}

describe('trace journeys', () => {
  let run: ScriptRun;
  beforeAll(async () => {
    run = await runScript(SETUP.join('\n'), []);
  });

  it('follows a NodePort request from your host: node, Service (DNAT), pod, and the weave crossing', async () => {
    const snap = run.sim.snapshot();
    // Try a few times: each connection picks its endpoint at random; one will land on another node.
    let crossed = false;
    for (let i = 0; i < 12; i++) {
      const [t] = await traced(run, 'curl -s http://172.18.0.3:30000/');
      const j = journeyOf(t, snap);
      const to = t.trace.outcome.kind === 'delivered' && t.trace.outcome.to.kind === 'pod' ? t.trace.outcome.to : null;
      expect(to).not.toBeNull();
      const pod = podNamed(snap, to!.ip);
      expect(j.fate).toBe('delivered');
      expect(j.dns).toBe(false);
      expect(j.stops).toEqual([
        { kind: 'host' },
        { kind: 'node', node: 'kind-worker' },
        { kind: 'service', namespace: 'default', name: 'vote' },
        { kind: 'pod', namespace: 'default', name: pod.name, node: pod.node },
      ]);
      if (pod.node === 'kind-worker') expect(j.crossing).toBeNull();
      else {
        expect(j.crossing).toEqual({ from: 'kind-worker', to: pod.node, hop: 2 });
        crossed = true;
      }
      // On the diagram: host → node, node → Service (up), Service → pod on its endpoint edge.
      const graph = new DiagramLayout().compute(snap, 'current');
      const plan = planJourney(j, drawnIndex(graph));
      const sid = serviceId('default', 'vote');
      expect(plan.hops.map((h) => [h.edgeId, h.reverse, h.net?.kind ?? 'endpoint'])).toEqual([
        [`net:${HOST_ID}->${clusterNodeId('kind-worker')}`, false, 'host'],
        [`net:${sid}->${clusterNodeId('kind-worker')}`, true, 'net'],
        [endpointEdgeId(sid, podId('default', pod.name)), false, 'endpoint'],
      ]);
      if (pod.node !== 'kind-worker') {
        expect(plan.crossing?.hop).toBe(2);
        expect(plan.crossing?.edge.net).toMatchObject({ kind: 'weave', sourceHandle: 'arc' });
      }
    }
    expect(crossed).toBe(true);
  });

  it('stops a refused request at the node that answered with a reset', async () => {
    const [t] = await traced(run, 'curl -s http://172.18.0.3:30001/');
    const j = journeyOf(t, run.sim.snapshot());
    expect(j).toMatchObject({ fate: 'refused', stops: [{ kind: 'host' }, { kind: 'node', node: 'kind-worker' }], crossing: null });
  });

  it('shows a vote: the DNS queries go pod → kube-dns → CoreDNS, the redis connection stops at the Service without endpoints', async () => {
    await run.session.run('kubectl create service clusterip redis --tcp=6379', () => {});
    const traces = await traced(run, 'browse POST http://172.18.0.2:30000/ vote=a');
    const snap = run.sim.snapshot();
    const journeys = traces.map((t) => journeyOf(t, snap));
    const dns = journeys.filter((j) => j.dns);
    expect(dns.length).toBeGreaterThan(0);
    for (const j of dns) {
      expect(j.stops[0]).toMatchObject({ kind: 'pod', namespace: 'default' });
      expect(j.stops[1]).toEqual({ kind: 'service', namespace: 'kube-system', name: 'kube-dns' });
      expect(j.stops[2]).toMatchObject({ kind: 'pod', namespace: 'kube-system', node: 'kind-control-plane' });
    }
    const redis = journeys.at(-1)!;
    expect(redis).toMatchObject({ fate: 'refused', dns: false });
    expect(redis.stops.slice(1)).toEqual([{ kind: 'service', namespace: 'default', name: 'redis' }]);

    // In the default namespace's view, kube-dns is not drawn: the query goes to CoreDNS's node box.
    const drawn = drawnIndex(new DiagramLayout().compute(snap, 'current'));
    const plan = planJourney(dns[0], drawn);
    expect(plan.hops).toHaveLength(1);
    expect(plan.hops[0].net).toMatchObject({ target: podId('default', (dns[0].stops[0] as { name: string }).name), source: clusterNodeId('kind-control-plane') });
    // With every namespace drawn, it is pod → kube-dns → CoreDNS pod.
    const all = planJourney(dns[0], drawnIndex(new DiagramLayout().compute(snap, '*')));
    expect(all.hops.map((h) => h.edgeId.includes('kube-dns'))).toEqual([true, true]);
    expect(all.hops[1].net).toBeNull();
    // Same path, same key: bursts of identical journeys merge.
    expect(planJourney(dns[0], drawn).key).toBe(plan.key);
    const refused = planJourney(redis, drawn);
    expect(refused.fate).toBe('refused');
    const voter = podId('default', (redis.stops[0] as { name: string }).name);
    expect(refused.hops).toEqual([{ edgeId: `net:${serviceId('default', 'redis')}->${voter}`, reverse: true, net: expect.objectContaining({ kind: 'net' }) }]);
  });

  it('stops a NodePort request for a Service without endpoints at the node that rejected it', async () => {
    await run.session.run('kubectl scale deployment vote --replicas=0', () => {});
    await run.session.run('sleep 30', () => {});
    const [t] = await traced(run, 'curl -s http://172.18.0.3:30000/');
    expect(t.trace.outcome).toMatchObject({ kind: 'refused', by: 'reject-rule' });
    const j = journeyOf(t, run.sim.snapshot());
    expect(j).toMatchObject({ fate: 'refused', stops: [{ kind: 'host' }, { kind: 'node', node: 'kind-worker' }] });
  });

  it('reads the Service from kube-proxy rule comments', () => {
    expect(serviceOfRule('-A KUBE-SEP-X -p tcp -m comment --comment "default/vote:80" -m tcp -j DNAT --to-destination 10.40.0.1:80')).toEqual({ namespace: 'default', name: 'vote' });
    expect(serviceOfRule('-A KUBE-SERVICES -d 10.108.2.93/32 -p tcp -m comment --comment "default/redis:6379 has no endpoints" -j REJECT')).toEqual({ namespace: 'default', name: 'redis' });
    expect(serviceOfRule('-A KUBE-SEP-Y -m comment --comment "instavote/vote" -j DNAT --to-destination 10.40.0.1:80')).toEqual({ namespace: 'instavote', name: 'vote' });
    expect(serviceOfRule('-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE')).toBeNull();
    expect(serviceOfRule(undefined)).toBeNull();
  });
});
