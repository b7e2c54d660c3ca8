import { describe, expect, it } from 'vitest';
import { serviceChainNames } from './chain-names';
import { NodeCounters } from './counters';
import { KubeProxy } from './kube-proxy';
import { iptablesList } from './render/list';
import { saveTable } from './render/save';
import { iptablesSpec } from './render/spec';
import type { Table } from './rules/model';
import { buildProxy } from './testing/build';
import { INSTAVOTE_CLUSTER_CIDR, INSTAVOTE_NODE, instavoteServices, instavoteSlices } from './testing/instavote';
import { service, slice } from './testing/objects';
import {
  affinityScenario,
  externalIPsScenario,
  largeScenario,
  loadBalancerScenario,
  localPoliciesScenario,
  mixedScenario,
  noEndpointsScenario,
  nodePortFiveScenario,
} from './testing/scenarios';
import { CAPTURE_FILTER_SAVE, CAPTURE_NAT_NVL } from './testing/section9';

function rules(t: Table): string[] {
  return iptablesSpec(t, new NodeCounters()).trimEnd().split('\n').filter((l) => l.startsWith('-A '));
}

function chainRules(t: Table, prefix: string): string[] {
  return rules(t).filter((l) => l.startsWith(`-A ${prefix}`));
}

function instavote(): KubeProxy {
  const kp = new KubeProxy({ clusterCIDR: INSTAVOTE_CLUSTER_CIDR, canaries: false, randomFully: false });
  kp.setNodes([INSTAVOTE_NODE]);
  kp.replaceAll(instavoteServices(), instavoteSlices());
  kp.sync();
  return kp;
}

/** Put the capture's counters on the simulated chains (rule by rule, in order). */
function countersFromCapture(t: Table, capture: string): NodeCounters {
  const counters = new NodeCounters();
  for (const block of capture.split('\n\n')) {
    const lines = block.split('\n').filter(Boolean);
    const head = /^Chain (\S+) \((?:policy ACCEPT (\d+) packets, (\d+) bytes|\d+ references)\)/.exec(lines[0])!;
    const chain = t.chain(head[1])!;
    if (head[2] !== undefined) counters.setPolicy(t.name, chain.name, { packets: Number(head[2]), bytes: Number(head[3]) });
    lines.slice(2).forEach((l, i) => {
      const [, p, b] = /^ *(\d+) +(\d+) /.exec(l)!;
      counters.setRule(t.name, chain, i, { packets: Number(p), bytes: Number(b) });
    });
  }
  return counters;
}

describe('kube-proxy model against the reference captures (section 9)', () => {
  it('renders `iptables -t nat -nvL` of node k-02 exactly (1.8.9 prints protocol numbers)', () => {
    const nat = instavote().tables('k-02').nat;
    const expected = CAPTURE_NAT_NVL.replace(/ all  --/g, ' 0    --').replace(/ tcp  --/g, ' 6    --');
    const counters = countersFromCapture(nat, CAPTURE_NAT_NVL);
    expect(iptablesList(nat, counters, { numeric: true, verbose: true })).toBe(expected);
  });

  it('renders `iptables-save -t filter` of node k-02 exactly', () => {
    const filter = instavote().tables('k-02').filter;
    const counters = new NodeCounters();
    counters.setPolicy('filter', 'INPUT', { packets: 1, bytes: 88 });
    counters.setPolicy('filter', 'OUTPUT', { packets: 9, bytes: 528 });
    // The capture was taken with the legacy backend (no "(nf_tables)" in the header).
    expect(saveTable(filter, counters, { now: Date.UTC(2026, 10, 22, 20, 50, 42), backend: 'legacy' })).toBe(CAPTURE_FILTER_SAVE);
  });

  it('counts references as the reference lists them', () => {
    const nat = instavote().tables('k-02').nat;
    expect(nat.references('KUBE-MARK-MASQ')).toBe(18);
    expect(nat.references('KUBE-SVC-2ANCFQGQWRCAMGWS')).toBe(3);
    expect(nat.references('KUBE-EXT-2ANCFQGQWRCAMGWS')).toBe(2);
    expect(nat.references('KUBE-SVC-A7CETQ67OOPEGB6O')).toBe(2);
    expect(nat.references('KUBE-EXT-A7CETQ67OOPEGB6O')).toBe(1);
    expect(nat.references('KUBE-SEP-CIC64UY47YDT5LAM')).toBe(1);
    expect(nat.references('KUBE-SEP-TSNLP3FDQEOMWJLA')).toBe(2);
    expect(nat.references('KUBE-SEP-AXNX6HMLMULBA6HY')).toBe(2);
    expect(nat.references('KUBE-SERVICES')).toBe(2);
    expect(nat.references('KUBE-NODEPORTS')).toBe(1);
  });
});

describe('rule shapes per service variant', () => {
  it('NodePort with a named target port: DNAT to the port of the slice', () => {
    const s = nodePortFiveScenario();
    const nat = buildProxy(s).tables(s.node).nat;
    const svc = chainRules(nat, 'KUBE-SVC-');
    expect(svc[0]).toBe('-A KUBE-SVC-CDGGSHYLG3RE2FKL ! -s 10.32.0.0/12 -d 10.96.100.10/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ');
    expect(svc.slice(1).map((l) => /probability (\S+)/.exec(l)?.[1] ?? 'last')).toEqual([
      '0.20000000019',
      '0.25000000000',
      '0.33333333349',
      '0.50000000000',
      'last',
    ]);
    expect(svc.slice(1).map((l) => /-> (\S+)"/.exec(l)![1])).toEqual(['10.32.0.4:8080', '10.40.0.1:8080', '10.40.0.2:8080', '10.44.0.1:8080', '10.44.0.2:8080']);
    expect(chainRules(nat, 'KUBE-NODEPORTS')).toEqual(['-A KUBE-NODEPORTS -p tcp -m comment --comment "default/web:http" -m tcp --dport 30080 -j KUBE-EXT-CDGGSHYLG3RE2FKL']);
    expect(chainRules(nat, 'KUBE-EXT-')).toEqual([
      '-A KUBE-EXT-CDGGSHYLG3RE2FKL -m comment --comment "masquerade traffic for default/web:http external destinations" -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-CDGGSHYLG3RE2FKL -j KUBE-SVC-CDGGSHYLG3RE2FKL',
    ]);
    const sep = chainRules(nat, 'KUBE-SEP-').filter((l) => l.includes('10.44.0.2'));
    expect(sep.map((l) => l.replace(/KUBE-SEP-\S+/, 'KUBE-SEP-X'))).toEqual([
      '-A KUBE-SEP-X -s 10.44.0.2/32 -m comment --comment "default/web:http" -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-X -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.44.0.2:8080',
    ]);
    expect(chainRules(nat, 'KUBE-SERVICES ').at(-1)).toBe(
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
    );
    expect(chainRules(nat, 'KUBE-POSTROUTING')[2]).toBe(
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
    );
  });

  it('no endpoints: no nat rules, REJECT in filter for cluster IP, external IP, LB IP and node port', () => {
    const s = noEndpointsScenario();
    const t = buildProxy(s).tables(s.node);
    expect(rules(t.nat).filter((l) => /default\//.test(l))).toEqual([]);
    expect(chainRules(t.filter, 'KUBE-SERVICES')).toEqual([
      '-A KUBE-SERVICES -d 10.96.200.10/32 -p tcp -m comment --comment "default/db has no endpoints" -m tcp --dport 5432 -j REJECT --reject-with icmp-port-unreachable',
      '-A KUBE-SERVICES -d 10.96.200.11/32 -p tcp -m comment --comment "default/front has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
      '-A KUBE-SERVICES -d 10.96.200.12/32 -p tcp -m comment --comment "default/edge:https has no endpoints" -m tcp --dport 443 -j REJECT --reject-with icmp-port-unreachable',
      '-A KUBE-SERVICES -d 10.96.200.13/32 -p udp -m comment --comment "default/dns:dns has no endpoints" -m udp --dport 53 -j REJECT --reject-with icmp-port-unreachable',
    ]);
    expect(chainRules(t.filter, 'KUBE-EXTERNAL-SERVICES')).toEqual([
      '-A KUBE-EXTERNAL-SERVICES -d 172.18.0.100/32 -p tcp -m comment --comment "default/front has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/front has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30001 -j REJECT --reject-with icmp-port-unreachable',
      '-A KUBE-EXTERNAL-SERVICES -d 172.18.255.200/32 -p tcp -m comment --comment "default/edge:https has no endpoints" -m tcp --dport 443 -j REJECT --reject-with icmp-port-unreachable',
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/edge:https has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30443 -j REJECT --reject-with icmp-port-unreachable',
    ]);
  });

  it('externalIPs jump to the EXT chain', () => {
    const s = externalIPsScenario();
    const nat = buildProxy(s).tables(s.node).nat;
    const ext = serviceChainNames('default/shop', 'tcp').ext;
    expect(chainRules(nat, 'KUBE-SERVICES').filter((l) => l.includes('external IP'))).toEqual([
      `-A KUBE-SERVICES -d 172.18.0.50/32 -p tcp -m comment --comment "default/shop external IP" -m tcp --dport 8080 -j ${ext}`,
      `-A KUBE-SERVICES -d 192.0.2.10/32 -p tcp -m comment --comment "default/shop external IP" -m tcp --dport 8080 -j ${ext}`,
    ]);
    expect(chainRules(nat, ext)).toEqual([
      `-A ${ext} -m comment --comment "masquerade traffic for default/shop external destinations" -j KUBE-MARK-MASQ`,
      `-A ${ext} -j ${ext.replace('EXT', 'SVC')}`,
    ]);
  });

  it('external policy Local: SVL with local endpoints only; DROP where there are none', () => {
    const w1 = localPoliciesScenario('kind-worker');
    const kp = buildProxy(w1);
    const nat = kp.tables('kind-worker').nat;
    const ext = nat.chainNames().find((n) => n.startsWith('KUBE-EXT-') && nat.chain(n)!.rules.some((r) => r.matches.some((m) => m.kind === 'comment' && m.text.includes('default/local-web'))))!;
    const h = ext.slice('KUBE-EXT-'.length);
    expect(chainRules(nat, ext)).toEqual([
      `-A ${ext} -s 10.32.0.0/12 -m comment --comment "pod traffic for default/local-web external destinations" -j KUBE-SVC-${h}`,
      `-A ${ext} -m comment --comment "masquerade LOCAL traffic for default/local-web external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`,
      `-A ${ext} -m comment --comment "route LOCAL traffic for default/local-web external destinations" -m addrtype --src-type LOCAL -j KUBE-SVC-${h}`,
      `-A ${ext} -j KUBE-SVL-${h}`,
    ]);
    const svl = chainRules(nat, `KUBE-SVL-${h}`);
    expect(svl).toHaveLength(1);
    expect(svl[0]).toMatch(new RegExp(`^-A KUBE-SVL-${h} -m comment --comment "default/local-web -> 10\\.40\\.0\\.10:80" -j KUBE-SEP-\\w{16}$`));
    // kind-worker2 has no local-web endpoint: no SVL chain, no jump, and a DROP in filter.
    const other = kp.tables('kind-worker2');
    expect(other.nat.chain(`KUBE-SVL-${h}`)).toBeUndefined();
    expect(chainRules(other.nat, ext)).toHaveLength(3);
    expect(chainRules(other.filter, 'KUBE-EXTERNAL-SERVICES').filter((l) => l.includes('local-web'))).toEqual([
      '-A KUBE-EXTERNAL-SERVICES -d 172.18.0.60/32 -p tcp -m comment --comment "default/local-web has no local endpoints" -m tcp --dport 80 -j DROP',
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/local-web has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30060 -j DROP',
    ]);
    expect(chainRules(kp.tables('kind-worker').filter, 'KUBE-EXTERNAL-SERVICES').filter((l) => l.includes('local-web'))).toEqual([]);
  });

  it('internal policy Local: cluster IP jumps to SVL with the masquerade rule there; DROP without local endpoints', () => {
    const kp = buildProxy(localPoliciesScenario());
    const nat = kp.tables('kind-worker').nat;
    const jump = chainRules(nat, 'KUBE-SERVICES').find((l) => l.includes('node-cache'))!;
    expect(jump).toMatch(/^-A KUBE-SERVICES -d 10\.96\.60\.3\/32 -p udp -m comment --comment "default\/node-cache:dns cluster IP" -m udp --dport 53 -j KUBE-SVL-\w{16}$/);
    const svl = jump.split(' -j ')[1];
    expect(chainRules(nat, svl)[0]).toBe(`-A ${svl} ! -s 10.32.0.0/12 -d 10.96.60.3/32 -p udp -m comment --comment "default/node-cache:dns cluster IP" -m udp --dport 53 -j KUBE-MARK-MASQ`);
    expect(chainRules(nat, svl).slice(1).map((l) => /-> (\S+)"/.exec(l)![1])).toEqual(['10.40.0.12:53']);
    expect(nat.chain(svl.replace('SVL', 'SVC'))).toBeUndefined();
    expect(chainRules(kp.tables('kind-worker').filter, 'KUBE-SERVICES')).toEqual([
      '-A KUBE-SERVICES -d 10.96.60.4/32 -p tcp -m comment --comment "default/cp-only has no local endpoints" -m tcp --dport 9000 -j DROP',
    ]);
    expect(chainRules(kp.tables('kind-control-plane').filter, 'KUBE-SERVICES')).toEqual([]);
  });

  it('a LoadBalancer with policy Local opens its health check port; a local terminating endpoint serves', () => {
    const kp = buildProxy(localPoliciesScenario());
    expect(chainRules(kp.tables('kind-control-plane').filter, 'KUBE-NODEPORTS')).toEqual([
      '-A KUBE-NODEPORTS -p tcp -m comment --comment "default/lb-local health check node port" -m tcp --dport 32000 -j ACCEPT',
    ]);
    const nat = kp.tables('kind-worker').nat;
    const svl = nat.chainNames().find((n) => n.startsWith('KUBE-SVL-') && chainRules(nat, n).some((l) => l.includes('lb-local')))!;
    expect(chainRules(nat, svl).map((l) => /-> (\S+)"/.exec(l)![1])).toEqual(['10.40.0.14:80']);
    const svc = svl.replace('SVL', 'SVC');
    expect(chainRules(nat, svc).slice(1).map((l) => /-> (\S+)"/.exec(l)![1])).toEqual(['10.44.0.14:80']);
  });

  it('session affinity: rcheck rules first, then the statistic rules; SEP records with --set', () => {
    const s = affinityScenario();
    const nat = buildProxy(s).tables(s.node).nat;
    const svc = nat.chainNames().find((n) => n.startsWith('KUBE-SVC-') && chainRules(nat, n).some((l) => l.includes('cart:web')))!;
    const lines = chainRules(nat, svc);
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/^-A KUBE-SVC-\w+ -m comment --comment "default\/cart:web -> 10\.32\.0\.20:80" -m recent --rcheck --seconds 600 --reap --name (KUBE-SEP-\w+) --mask 255\.255\.255\.255 --rsource -j \1$/);
    expect(lines[4]).toMatch(/-m statistic --mode random --probability 0\.33333333349 -j KUBE-SEP-/);
    const sep = lines[1].split(' -j ')[1];
    expect(chainRules(nat, sep)[1]).toBe(`-A ${sep} -p tcp -m comment --comment "default/cart:web" -m recent --set --name ${sep} --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.32.0.20:80`);
  });

  it('LoadBalancer source ranges: FW chain, DROP in KUBE-PROXY-FIREWALL, the LB IPs allowed when the node is in a range', () => {
    const s = loadBalancerScenario();
    const kp = buildProxy(s);
    const nat = kp.tables('kind-worker').nat;
    const fw = nat.chainNames().find((n) => n.startsWith('KUBE-FW-') && chainRules(nat, n).some((l) => l.includes('gateway')))!;
    const h = fw.slice('KUBE-FW-'.length);
    expect(chainRules(nat, fw)).toEqual([
      `-A ${fw} -s 203.0.113.0/24 -m comment --comment "default/gateway:https loadbalancer IP" -j KUBE-EXT-${h}`,
      `-A ${fw} -s 172.18.0.0/16 -m comment --comment "default/gateway:https loadbalancer IP" -j KUBE-EXT-${h}`,
      `-A ${fw} -s 172.18.255.220/32 -m comment --comment "default/gateway:https loadbalancer IP" -j KUBE-EXT-${h}`,
      `-A ${fw} -s 172.18.255.221/32 -m comment --comment "default/gateway:https loadbalancer IP" -j KUBE-EXT-${h}`,
      `-A ${fw} -m comment --comment "other traffic to default/gateway:https will be dropped by KUBE-PROXY-FIREWALL"`,
    ]);
    expect(chainRules(nat, 'KUBE-SERVICES').filter((l) => l.includes('loadbalancer IP'))).toEqual([
      `-A KUBE-SERVICES -d 172.18.255.220/32 -p tcp -m comment --comment "default/gateway:https loadbalancer IP" -m tcp --dport 443 -j ${fw}`,
      `-A KUBE-SERVICES -d 172.18.255.221/32 -p tcp -m comment --comment "default/gateway:https loadbalancer IP" -m tcp --dport 443 -j ${fw}`,
      expect.stringMatching(/^-A KUBE-SERVICES -d 172\.18\.255\.222\/32 .* -j KUBE-FW-/),
    ]);
    expect(chainRules(kp.tables('kind-worker').filter, 'KUBE-PROXY-FIREWALL')[0]).toBe(
      `-A KUBE-PROXY-FIREWALL -d 172.18.255.220/32 -p tcp -m comment --comment "default/gateway:https traffic not accepted by ${fw}" -m tcp --dport 443 -j DROP`,
    );
    // The ipMode Proxy VIP gets no capture rule; hostnames are ignored.
    expect(rules(nat).some((l) => l.includes('172.18.255.223'))).toBe(false);
  });

  it('headless and ExternalName services get nothing; services without selector work from their slices', () => {
    const s = mixedScenario();
    const nat = buildProxy(s).tables(s.node).nat;
    expect(rules(nat).some((l) => l.includes('default/headless') || l.includes('default/external'))).toBe(false);
    expect(chainRules(nat, 'KUBE-SERVICES').find((l) => l.includes('default/kubernetes:https'))).toMatch(/-d 10\.96\.0\.1\/32 -p tcp .* --dport 443 -j KUBE-SVC-/);
    expect(rules(nat).some((l) => l.endsWith('--to-destination 172.18.0.2:6443'))).toBe(true);
  });

  it('multi-port services get one chain set per port; named target ports resolve per slice; not-ready endpoints are left out', () => {
    const s = mixedScenario();
    const nat = buildProxy(s).tables(s.node).nat;
    const dns = chainRules(nat, 'KUBE-SERVICES').filter((l) => l.includes('kube-system/kube-dns'));
    expect(dns.map((l) => / --comment "([^"]+)"/.exec(l)![1])).toEqual([
      'kube-system/kube-dns:dns cluster IP',
      'kube-system/kube-dns:dns-tcp cluster IP',
      'kube-system/kube-dns:metrics cluster IP',
    ]);
    const dnats = rules(nat).filter((l) => l.includes('"default/app:web"') && l.includes('DNAT'));
    expect(dnats.map((l) => l.split('--to-destination ')[1]).sort()).toEqual(['10.40.0.40:8080', '10.44.0.40:9090']);
  });

  it('uses serving terminating endpoints when no endpoint is ready', () => {
    const s = mixedScenario();
    const nat = buildProxy(s).tables(s.node).nat;
    const dnats = rules(nat).filter((l) => l.includes('"default/draining"') && l.includes('DNAT'));
    expect(dnats.map((l) => l.split('--to-destination ')[1])).toEqual(['10.40.0.50:80']);
  });

  it('drops comments from SEP chains and SVC-to-SEP rules above 1000 endpoints', () => {
    const s = largeScenario(101, 10);
    const kp = buildProxy(s);
    expect(kp.largeClusterMode).toBe(true);
    const nat = kp.tables(s.node).nat;
    const svc = nat.chainNames().find((n) => n.startsWith('KUBE-SVC-'))!;
    const lines = chainRules(nat, svc);
    expect(lines[0]).toContain('cluster IP');
    expect(lines[1]).toMatch(/^-A KUBE-SVC-\w+ -m statistic --mode random --probability 0\.10000000009 -j KUBE-SEP-\w+$/);
    const sep = lines[1].split(' -j ')[1];
    expect(chainRules(nat, sep)).toEqual([
      expect.stringMatching(/^-A KUBE-SEP-\w+ -s [\d.]+\/32 -j KUBE-MARK-MASQ$/),
      expect.stringMatching(/^-A KUBE-SEP-\w+ -p tcp -m tcp -j DNAT --to-destination [\d.]+:80$/),
    ]);
    const small = buildProxy(largeScenario(100, 10));
    expect(small.largeClusterMode).toBe(false);
  });

  it('orders endpoints by the ip:port string', () => {
    const kp = new KubeProxy({ clusterCIDR: '10.32.0.0/12' });
    kp.replaceAll(
      [service('kube-system', 'dns', { clusterIP: '10.96.0.10', ports: [{ name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 }] })],
      [slice('kube-system', 'dns', [{ name: 'dns', port: 53, protocol: 'UDP' }], ['10.244.0.9', '10.244.0.5', '10.244.0.10', '10.244.0.6'].map((ip) => ({ ip, node: 'n1' })))],
    );
    kp.sync();
    const svc = chainRules(kp.tables('n1').nat, 'KUBE-SVC-');
    expect(svc.slice(1).map((l) => /-> (\S+)"/.exec(l)![1])).toEqual(['10.244.0.10:53', '10.244.0.5:53', '10.244.0.6:53', '10.244.0.9:53']);
    expect(svc.slice(1).map((l) => /probability (\S+)/.exec(l)?.[1])).toEqual(['0.25000000000', '0.33333333349', '0.50000000000', undefined]);
  });
});

describe('sharing and incremental syncs', () => {
  it('nodes without local differences share one table object', () => {
    const s = localPoliciesScenario();
    const kp = buildProxy(s);
    kp.setNodes([...s.nodes, { name: 'kind-worker3', ip: '172.18.0.5' }]);
    kp.sync();
    expect(kp.tables('kind-worker3')).toBe(kp.tables('no-such-node'));
    expect(kp.tables('kind-worker').nat).not.toBe(kp.tables('kind-worker3').nat);
    const five = buildProxy(nodePortFiveScenario());
    expect(five.tables('kind-worker').nat).toBe(five.tables('kind-worker2').nat);
  });

  it('one scale change re-derives one service and keeps the other chains as they were', () => {
    const s = largeScenario(50, 4);
    const kp = buildProxy(s);
    const before = kp.tables(s.node).nat;
    const untouched = before.chainNames().filter((n) => n.startsWith('KUBE-SEP-')).map((n) => [n, before.chain(n)!] as const);
    const grown = slice('bulk', 'svc-7', [{ port: 80 }], [...(s.slices[7].endpoints ?? []).map((e) => ({ ip: e.addresses[0], node: e.nodeName! })), { ip: '10.44.9.9', node: 'kind-worker2' }]);
    grown.metadata.resourceVersion = '999';
    kp.setEndpointSlice(grown);
    const result = kp.sync();
    expect(result.changedServices).toEqual(['bulk/svc-7']);
    const after = kp.tables(s.node).nat;
    const svc7 = new Set(rules(after).filter((l) => l.includes('"bulk/svc-7')).map((l) => l.split(' ')[1]));
    let kept = 0;
    for (const [name, chain] of untouched) {
      if (svc7.has(name)) expect(after.chain(name)).not.toBe(chain);
      else {
        expect(after.chain(name)).toBe(chain);
        kept++;
      }
    }
    expect(kept).toBe(untouched.length - 4);
    expect(chainRules(after, 'KUBE-SEP-').filter((l) => l.includes('10.44.9.9'))).toHaveLength(2);
  });

  it('keeps unchanged services in their old comment style until a full sync (partial sync)', () => {
    const s = largeScenario(100, 10);
    const kp = buildProxy(s);
    expect(kp.largeClusterMode).toBe(false);
    kp.setEndpointSlice(slice('bulk', 'svc-0', [{ port: 80 }], [...(s.slices[0].endpoints ?? []).map((e) => ({ ip: e.addresses[0], node: e.nodeName! })), { ip: '10.44.9.9', node: 'kind-worker2' }]));
    expect(kp.sync().largeClusterMode).toBe(true);
    const nat = kp.tables(s.node).nat;
    const sepRules = (svc: string) => rules(nat).filter((l) => l.startsWith('-A KUBE-SEP-') && l.includes(svc));
    expect(rules(nat).filter((l) => l.startsWith('-A KUBE-SEP-') && !l.includes('--comment'))).toHaveLength(2 * 11);
    expect(sepRules('"bulk/svc-1"')).toHaveLength(20);
    kp.sync({ full: true });
    expect(rules(kp.tables(s.node).nat).filter((l) => l.startsWith('-A KUBE-SEP-') && l.includes('--comment'))).toEqual([]);
  });

  it('removes the chains of a deleted service', () => {
    const kp = buildProxy(nodePortFiveScenario());
    kp.deleteService('default', 'web');
    kp.sync();
    const nat = kp.tables('kind-worker').nat;
    expect(nat.chainNames().filter((n) => /KUBE-(SVC|SEP|EXT)-/.test(n))).toEqual([]);
    expect(nat.references('KUBE-MARK-MASQ')).toBe(0);
  });
});
