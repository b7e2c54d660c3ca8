import { describe, expect, it } from 'vitest';
import { KIND_CLUSTER_CIDR, KIND_NODES, localPoliciesScenario, loadBalancerScenario, nodePortFiveScenario, affinityScenario, noEndpointsScenario, type Scenario } from '../proxy/testing/scenarios';
import { service, slice, tcpPort } from '../proxy/testing/objects';
import { serviceChainNames } from '../proxy/chain-names';
import { connect } from './engine';
import { kindCluster } from './testing/kind-cluster';
import type { Trace, TraceStep } from './types';

const CLIENT = { namespace: 'default', name: 'client', ip: '10.40.0.99', node: 'kind-worker', listens: [] };

function oneEndpoint(): Scenario {
  return {
    name: 'one endpoint on kind-worker2',
    nodes: KIND_NODES,
    node: 'kind-worker',
    options: { clusterCIDR: KIND_CLUSTER_CIDR },
    services: [
      service('default', 'web', { type: 'NodePort', clusterIP: '10.96.100.10', selector: { app: 'web' }, ports: [tcpPort(80, { nodePort: 30080, targetPort: 8080 })] }),
      service('default', 'self', { type: 'ClusterIP', clusterIP: '10.96.100.11', selector: { app: 'self' }, ports: [tcpPort(80)] }),
    ],
    slices: [
      slice('default', 'web', [{ port: 8080 }], [{ ip: '10.44.0.5', node: 'kind-worker2', pod: 'web-0' }]),
      slice('default', 'self', [{ port: 80 }], [{ ip: '10.40.0.7', node: 'kind-worker', pod: 'self-0' }]),
    ],
  };
}

function rulesOf(t: Trace, dir = 'request'): string[] {
  return t.steps.filter((s): s is Extract<TraceStep, { kind: 'rule' }> => s.kind === 'rule' && s.dir === dir).map((s) => `${s.node} ${s.table} ${s.spec}`);
}

function stepsOf<K extends TraceStep['kind']>(t: Trace, kind: K): Extract<TraceStep, { kind: K }>[] {
  return t.steps.filter((s): s is Extract<TraceStep, { kind: K }> => s.kind === kind);
}

describe('packet walk', () => {
  it('NodePort on a node without the pod: DNAT, masquerade to the bridge IP, across weave, and back un-NATed', () => {
    const c = kindCluster(oneEndpoint());
    const t = connect(c.env, { origin: { kind: 'external', node: 'kind-worker' }, srcIP: '172.18.0.1', srcPort: 40000, dst: { ip: '172.18.0.3', port: 30080 }, protocol: 'tcp' });
    expect(t.outcome).toEqual({
      kind: 'delivered',
      to: { kind: 'pod', namespace: 'default', name: 'web-0', ip: '10.44.0.5' },
      node: 'kind-worker2',
      seenFrom: { ip: '10.40.0.0', port: expect.any(Number) },
      seenAt: { ip: '10.44.0.5', port: 8080 },
    });
    const rewrites = stepsOf(t, 'rewrite').filter((s) => s.dir === 'request');
    expect(rewrites.map((r) => [r.node, r.what, `${r.after.src}>${r.after.dst}:${r.after.dport}`])).toEqual([
      ['kind-worker', 'DNAT', '172.18.0.1>10.44.0.5:8080'],
      ['kind-worker', 'MASQUERADE', '10.40.0.0>10.44.0.5:8080'],
    ]);
    expect(rewrites[1].by).toBe('-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully');
    expect(stepsOf(t, 'wire').map((w) => [w.dir, w.from, w.to, w.via])).toEqual([
      ['request', 'kind-worker', 'kind-worker2', 'weave-vxlan'],
      ['reply', 'kind-worker2', 'kind-worker', 'weave-vxlan'],
    ]);
    const ext = serviceChainNames('default/web', 'tcp').ext;
    expect(rulesOf(t)).toContain(`kind-worker nat -A KUBE-NODEPORTS -p tcp -m comment --comment "default/web" -m tcp --dport 30080 -j ${ext}`);
    expect(rulesOf(t)).toContain('kind-worker filter -A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT');
    // The reply leaves with the node port as its source, towards the original client.
    const last = t.steps.at(-1)!;
    expect(last).toMatchObject({ kind: 'deliver', dir: 'reply', to: { kind: 'external', ip: '172.18.0.1' }, packet: { src: '172.18.0.3', sport: 30080, dst: '172.18.0.1', dport: 40000 } });
    expect(t.replied).toBe(true);
    // Counters landed on the node: one SYN (60 bytes) through the node-port rule.
    const nat = c.view.tables('kind-worker').nat;
    expect(c.view.counters('kind-worker').rule('nat', nat.chain('KUBE-NODEPORTS')!, 0)).toEqual({ packets: 1, bytes: 60 });
    expect(t.counters.find((x) => x.node === 'kind-worker2' && x.chain === 'PREROUTING' && x.table === 'nat')?.packets).toBe(1);
  });

  it('ClusterIP from a pod keeps the pod IP as source', () => {
    const c = kindCluster(oneEndpoint());
    c.view.addPod(CLIENT);
    const t = connect(c.env, { origin: { kind: 'pod', ip: CLIENT.ip }, dst: { ip: '10.96.100.10', port: 80 }, protocol: 'tcp', exchange: { requestBytes: 78, responseBytes: 2000 } });
    expect(t.outcome).toMatchObject({ kind: 'delivered', seenFrom: { ip: CLIENT.ip }, seenAt: { ip: '10.44.0.5', port: 8080 } });
    expect(stepsOf(t, 'rewrite').filter((r) => r.what === 'MASQUERADE')).toEqual([]);
    expect(t.replied).toBe(true);
    const reply = stepsOf(t, 'deliver').find((d) => d.dir === 'reply')!;
    expect(reply.packet).toMatchObject({ src: '10.96.100.10', sport: 80, dst: CLIENT.ip });
    // The exchange: ACK, request, ACK, two response segments, ACK, FIN handshake.
    const forward = t.counters.find((x) => x.node === 'kind-worker' && x.table === 'filter' && x.chain === 'FORWARD' && x.index === 1)!;
    expect(forward.packets).toBe(11);
  });

  it('a pod reaching itself through its service is masqueraded (hairpin)', () => {
    const c = kindCluster(oneEndpoint());
    const t = connect(c.env, { origin: { kind: 'pod', ip: '10.40.0.7' }, dst: { ip: '10.96.100.11', port: 80 }, protocol: 'tcp' });
    expect(t.outcome).toMatchObject({ kind: 'delivered', to: { name: 'self-0' }, seenFrom: { ip: '10.40.0.0' } });
    expect(rulesOf(t).some((r) => /-A KUBE-SEP-\w+ -s 10\.40\.0\.7\/32 .*-j KUBE-MARK-MASQ/.test(r))).toBe(true);
  });

  it('from the node itself, a ClusterIP is masqueraded to the weave bridge IP', () => {
    const c = kindCluster(oneEndpoint());
    const t = connect(c.env, { origin: { kind: 'node', node: 'kind-control-plane' }, dst: { ip: '10.96.100.10', port: 80 }, protocol: 'tcp' });
    expect(t.packet.src).toBe('172.18.0.2');
    expect(t.outcome).toMatchObject({ kind: 'delivered', seenFrom: { ip: '10.32.0.1' } });
    expect(rulesOf(t)[0]).toBe('kind-control-plane nat -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES');
    expect(t.replied).toBe(true);
  });

  it('no endpoints: REJECT, connection refused, from a pod, from the node and on the node port', () => {
    const c = kindCluster(noEndpointsScenario());
    c.view.addPod(CLIENT);
    const fromPod = connect(c.env, { origin: { kind: 'pod', ip: CLIENT.ip }, dst: { ip: '10.96.200.10', port: 5432 }, protocol: 'tcp' });
    expect(fromPod.outcome).toEqual({
      kind: 'refused',
      node: 'kind-worker',
      by: 'reject-rule',
      rule: '-A KUBE-SERVICES -d 10.96.200.10/32 -p tcp -m comment --comment "default/db has no endpoints" -m tcp --dport 5432 -j REJECT --reject-with icmp-port-unreachable',
    });
    const fromNode = connect(c.env, { origin: { kind: 'node', node: 'kind-worker' }, dst: { ip: '10.96.200.10', port: 5432 }, protocol: 'tcp' });
    expect(fromNode.outcome.kind).toBe('refused');
    const nodePort = connect(c.env, { origin: { kind: 'external', node: 'kind-worker' }, srcIP: '172.18.0.1', dst: { ip: '172.18.0.3', port: 30001 }, protocol: 'tcp' });
    expect(nodePort.outcome).toMatchObject({ kind: 'refused', by: 'reject-rule', rule: expect.stringContaining('-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/front has no endpoints" -m addrtype --dst-type LOCAL') });
  });

  it('external policy Local: no local endpoint drops (timeout); a local one keeps the client IP', () => {
    const c = kindCluster(localPoliciesScenario());
    const miss = connect(c.env, { origin: { kind: 'external', node: 'kind-worker2' }, srcIP: '172.18.0.1', dst: { ip: '172.18.0.4', port: 30060 }, protocol: 'tcp' });
    expect(miss.outcome).toMatchObject({ kind: 'timeout', by: 'drop-rule', rule: expect.stringContaining('"default/local-web has no local endpoints"') });
    const hit = connect(c.env, { origin: { kind: 'external', node: 'kind-worker' }, srcIP: '172.18.0.1', dst: { ip: '172.18.0.3', port: 30060 }, protocol: 'tcp' });
    expect(hit.outcome).toMatchObject({ kind: 'delivered', to: { ip: '10.40.0.10' }, seenFrom: { ip: '172.18.0.1' } });
    expect(hit.replied).toBe(true);
  });

  it('internal policy Local without a local endpoint drops', () => {
    const c = kindCluster(localPoliciesScenario());
    c.view.addPod(CLIENT);
    const t = connect(c.env, { origin: { kind: 'pod', ip: CLIENT.ip }, dst: { ip: '10.96.60.4', port: 9000 }, protocol: 'tcp' });
    expect(t.outcome).toMatchObject({ kind: 'timeout', rule: expect.stringContaining('"default/cp-only has no local endpoints"') });
  });

  it('session affinity sticks to one endpoint until the timeout passes', () => {
    const c = kindCluster(affinityScenario());
    c.view.addPod(CLIENT);
    const pick = () => {
      const t = connect(c.env, { origin: { kind: 'pod', ip: CLIENT.ip }, dst: { ip: '10.96.70.7', port: 80 }, protocol: 'tcp' });
      expect(t.outcome.kind).toBe('delivered');
      return (t.outcome as { to: { ip: string } }).to.ip;
    };
    const first = pick();
    for (let i = 0; i < 30; i++) {
      c.env.now += 10_000;
      expect(pick()).toBe(first);
    }
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) {
      c.env.now += 601_000;
      seen.add(pick());
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it('packets of an established connection skip the nat table', () => {
    const c = kindCluster(nodePortFiveScenario());
    c.view.addPod(CLIENT);
    const input = { origin: { kind: 'pod' as const, ip: CLIENT.ip }, srcPort: 45000, dst: { ip: '10.96.100.10', port: 80 }, protocol: 'tcp' as const };
    const a = connect(c.env, input);
    const b = connect(c.env, input);
    expect(rulesOf(b).filter((r) => r.includes(' nat '))).toEqual([]);
    expect(stepsOf(b, 'conntrack')[0].state).toBe('ESTABLISHED');
    expect((b.outcome as { to: unknown }).to).toEqual((a.outcome as { to: unknown }).to);
  });

  it('a pod that does not listen refuses; an unknown pod IP has no route; an unknown ClusterIP times out', () => {
    const c = kindCluster(oneEndpoint());
    c.view.addPod(CLIENT);
    const closed = connect(c.env, { origin: { kind: 'pod', ip: CLIENT.ip }, dst: { ip: '10.44.0.5', port: 9999 }, protocol: 'tcp' });
    expect(closed.outcome).toEqual({ kind: 'refused', node: 'kind-worker2', by: 'no-listener' });
    const nobody = connect(c.env, { origin: { kind: 'pod', ip: CLIENT.ip }, dst: { ip: '10.44.0.77', port: 80 }, protocol: 'tcp' });
    expect(nobody.outcome).toMatchObject({ kind: 'no-route' });
    const ghost = connect(c.env, { origin: { kind: 'pod', ip: CLIENT.ip }, dst: { ip: '10.96.7.7', port: 80 }, protocol: 'tcp' });
    expect(ghost.outcome).toMatchObject({ kind: 'timeout', by: 'unanswered' });
    expect(stepsOf(ghost, 'rewrite').find((r) => r.what === 'MASQUERADE')?.by).toBe('weave: -A WEAVE -s 10.32.0.0/12 ! -d 10.32.0.0/12 -j MASQUERADE');
  });

  it('LoadBalancer source ranges: allowed sources reach the service, others are dropped by KUBE-PROXY-FIREWALL', () => {
    const c = kindCluster(loadBalancerScenario());
    const ok = connect(c.env, { origin: { kind: 'external', node: 'kind-worker' }, srcIP: '203.0.113.5', dst: { ip: '172.18.255.220', port: 443 }, protocol: 'tcp' });
    expect(ok.outcome).toMatchObject({ kind: 'delivered', seenAt: { port: 8443 } });
    const blocked = connect(c.env, { origin: { kind: 'external', node: 'kind-worker' }, srcIP: '198.18.0.1', dst: { ip: '172.18.255.220', port: 443 }, protocol: 'tcp' });
    expect(blocked.outcome).toMatchObject({ kind: 'timeout', by: 'drop-rule', rule: expect.stringContaining('-A KUBE-PROXY-FIREWALL -d 172.18.255.220/32') });
  });
});

describe('load spreading', () => {
  it('spreads 10,000 new connections over 5 endpoints uniformly (chi-square, p > 0.001; each within 20% ± 3 points)', () => {
    const c = kindCluster(nodePortFiveScenario(), 'spread');
    const hits = new Map<string, number>();
    const n = 10_000;
    for (let i = 0; i < n; i++) {
      const t = connect(c.env, { origin: { kind: 'external', node: 'kind-worker' }, srcIP: '172.18.0.1', dst: { ip: '172.18.0.3', port: 30080 }, protocol: 'tcp' });
      if (t.outcome.kind !== 'delivered') throw new Error(`connection ${i}: ${t.outcome.kind}`);
      const ip = (t.outcome.to as { ip: string }).ip;
      hits.set(ip, (hits.get(ip) ?? 0) + 1);
    }
    expect(hits.size).toBe(5);
    let chi2 = 0;
    for (const count of hits.values()) {
      expect(count / n).toBeGreaterThan(0.17);
      expect(count / n).toBeLessThan(0.23);
      chi2 += (count - n / 5) ** 2 / (n / 5);
    }
    expect(chi2).toBeLessThan(18.47);
    // Every new connection went through the SVC chain once: its SEP jumps add up.
    const nat = c.view.tables('kind-worker').nat;
    const svc = nat.chainNames().find((x) => x.startsWith('KUBE-SVC-'))!;
    const counters = c.view.counters('kind-worker');
    const chain = nat.chain(svc)!;
    const jumps = chain.rules.map((_, i) => counters.rule('nat', chain, i).packets);
    expect(jumps.slice(1).reduce((a, b) => a + b, 0)).toBe(n);
  });
});
