// Oracle: ping from a node and from pods against the real iputils 20221126 and
// busybox ping. A network namespace is built exactly like the simulator's
// model of the node a netshoot pod lands on (test/oracle/iptables/node-netns.ts),
// with the pod's namespace behind its veth on the weave bridge, weave's
// masquerading, and a "docker host" namespace holding the gateway and the other
// nodes' addresses, which drops what it would have to forward (a ClusterIP).
// The same commands run in the simulator; the outputs must match once round
// trip times and iputils' `time` are masked, the exit codes too, and the
// simulator's waits and `time` figures must be within a fraction of a second
// of the real ones (ARP gives up after 3 s, a silent address costs -W).

import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Netns, oracleUnavailable } from '../../../test/oracle/iptables/netns';
import { buildNodeNetns, sh } from '../../../test/oracle/iptables/node-netns';
import { Simulation } from '../../sim/simulation';
import { TerminalSession } from '../session';
import { intToIp, ipToInt } from '../../sim/proxy/ipv4';
import { weaveVethName, type NodeNetwork } from '../../sim/net/render/node-network';
import type { Pod } from '../../sim/api/types';

const unavailable = oracleUnavailable(['ip', 'ping', 'busybox', 'iptables']) ?? (/iputils 20221126/.test(spawnSync('ping', ['-V'], { encoding: 'utf8' }).stdout ?? '') ? undefined : 'ping is not iputils 20221126');
if (unavailable) console.warn(`ping oracle skipped: ${unavailable}`);

interface Run {
  stdout: string;
  stderr: string;
  exit: number;
  ms: number;
}

function real(ns: string, cmd: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const start = Date.now();
    const p = spawn('ip', ['netns', 'exec', ns, ...cmd], { env: { ...process.env, LC_ALL: 'C' } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ stdout, stderr, exit: code ?? -1, ms: Date.now() - start }));
  });
}

const mask = (s: string) =>
  s
    .replace(/time=[\d.]+ ms/g, 'time=T ms')
    .replace(/, time \d+ms/g, ', time Nms')
    .replace(/rtt min\/avg\/max\/mdev = [\d./]+ ms/g, 'rtt min/avg/max/mdev = R ms');
const timeFigure = (s: string) => Number(/, time (\d+)ms/.exec(s)?.[1]);

interface Case {
  name: string;
  /** where the real one runs: the node, or the pod's namespace */
  where: 'node' | 'pod';
  /**
   * Several ARP attempts in a row: the packet sent as the first attempt fails
   * (3 s after the first packet) races the failure. On an idle machine it
   * leaves first (pipe 4, the next attempt starts with it); on a loaded one it
   * can join the failed batch (pipe 3, the run ends an interval later). These
   * run apart from the rest, and either outcome passes.
   */
  alone?: boolean;
  args: string[];
  busybox?: boolean;
}

describe.skipIf(!!unavailable)('ping against iputils and busybox in a namespace built like the node', () => {
  const sim = new Simulation({});
  const session = new TerminalSession(sim, { mode: 'virtual' });
  const say = async (cmd: string) => {
    let stdout = '';
    let stderr = '';
    const start = sim.now();
    const exit = await session.run(
      cmd,
      (c) => (c.stream === 'stdout' ? (stdout += c.text) : (stderr += c.text)),
      () => {},
    );
    return { stdout, stderr: stderr.replace(/command terminated with exit code \d+\n$/, ''), exit, ms: sim.now() - start };
  };
  let node = '';
  let net: NodeNetwork;
  let podIP = '';
  let podNs = '';
  let ns: Netns;
  const gw = `simpinggw${process.pid}`;
  const podNamespaces: string[] = [];
  const cases: Case[] = [];

  beforeAll(async () => {
    await say('kubectl run nb --image=nicolaka/netshoot -- sleep 3600');
    await say('kubectl run bb --image=busybox -- sleep 3600');
    await say('sleep 20');
    [podIP, node] = (await say("kubectl get pod nb -o jsonpath='{.status.podIP} {.spec.nodeName}'")).stdout.split(' ');
    net = sim.runtime.network.node(node)!;
    // A different free address for each run: runs at the same time to one address would share its ARP attempts.
    let free = 90;
    const unusedPod = () => intToIp(ipToInt(net.bridgeIP) + free++);
    const unusedNode = () => `172.18.0.${free++}`;
    const peer = sim.runtime.network.nodeByIP('172.18.0.2')?.name === node ? '172.18.0.3' : '172.18.0.2';
    cases.push(
      { name: 'a ClusterIP, -c 1', where: 'node', args: ['-c', '1', '10.96.0.1'] },
      { name: 'a ClusterIP, -c 2', where: 'node', args: ['-c', '2', '10.96.0.1'] },
      { name: 'a ClusterIP, -c 2 -W 1', where: 'node', args: ['-c', '2', '-W', '1', '10.96.0.1'] },
      { name: 'another node', where: 'node', args: ['-c', '2', peer] },
      { name: 'a free address of the kind network, -c 1', where: 'node', args: ['-c', '1', unusedNode()] },
      { name: 'a free address of the kind network, -c 2', where: 'node', args: ['-c', '2', unusedNode()] },
      { name: 'a free address of the kind network, -c 4 (two ARP attempts)', where: 'node', args: ['-c', '4', unusedNode()], alone: true },
      { name: 'a free address of the kind network, -c 1 -W 1', where: 'node', args: ['-c', '1', '-W', '1', unusedNode()] },
      { name: 'a free address of the kind network, -w 2', where: 'node', args: ['-w', '2', unusedNode()] },
      { name: 'an unused pod IP over weave, -c 5', where: 'node', args: ['-c', '5', unusedPod()], alone: true },
      { name: 'an unused pod IP over weave, -c 3 -i 0.5', where: 'node', args: ['-c', '3', '-i', '0.5', unusedPod()] },
      { name: 'an unused pod IP over weave, -q', where: 'node', args: ['-q', '-c', '2', unusedPod()] },
      { name: 'pod: another node', where: 'pod', args: ['-c', '1', peer] },
      { name: 'pod: an unused pod IP', where: 'pod', args: ['-c', '2', unusedPod()] },
      { name: 'pod: a free address of the kind network', where: 'pod', args: ['-c', '2', unusedNode()] },
      { name: 'pod: a ClusterIP', where: 'pod', args: ['-c', '1', '-W', '2', '10.96.0.1'] },
      { name: 'busybox pod: an unused pod IP', where: 'pod', args: ['-c', '2', unusedPod()], busybox: true },
      { name: 'busybox pod: a ClusterIP', where: 'pod', args: ['-c', '1', '10.96.0.1'], busybox: true },
    );

    ns = new Netns('simping');
    sh(['ip', 'netns', 'add', gw]);
    const pods = net.interfaces.filter((i) => i.name.startsWith('vethwepl'));
    for (const p of pods) {
      // The simulator names them after the pods' ids, the same on every run: clear what an aborted run left.
      spawnSync('ip', ['netns', 'del', p.linkNetns!]);
      sh(['ip', 'netns', 'add', p.linkNetns!]);
      podNamespaces.push(p.linkNetns!);
    }
    const peerLink = buildNodeNetns(ns, net, podNamespaces, gw);
    // The docker host: the gateway and the other nodes; it forwards nothing.
    sh(['ip', '-n', gw, 'link', 'set', 'lo', 'up']);
    for (const n of sim.cluster.nodes.map((c) => sim.runtime.network.node(c.name)!).filter((n) => n.name !== node)) {
      sh(['ip', '-n', gw, 'addr', 'add', `${n.ip}/16`, 'dev', peerLink]);
    }
    sh(['ip', '-n', gw, 'addr', 'add', `${net.gateway}/16`, 'dev', peerLink]);
    sh(['ip', 'netns', 'exec', gw, 'sysctl', '-qw', 'net.ipv4.ip_forward=0']);
    // The node routes for its pods, and weave masquerades what leaves the pod network.
    ns.must(['sysctl', '-qw', 'net.ipv4.ip_forward=1']);
    const cidr = `${net.weaveCIDR.addr}/${net.weaveCIDR.len}`;
    ns.must(['iptables', '-t', 'nat', '-A', 'POSTROUTING', '-s', cidr, '!', '-d', cidr, '-j', 'MASQUERADE']);
    // The netshoot pod's namespace: its address on the weave network, the node's bridge as the gateway.
    const uid = sim.store.get<Pod>('Pod', 'default', 'nb')!.metadata.uid!;
    podNs = pods.find((p) => p.name === weaveVethName(uid))!.linkNetns!;
    sh(['ip', '-n', podNs, 'link', 'set', 'lo', 'up']);
    sh(['ip', '-n', podNs, 'addr', 'add', `${podIP}/${net.weaveCIDR.len}`, 'dev', 'eth0']);
    sh(['ip', '-n', podNs, 'route', 'add', 'default', 'via', net.bridgeIP]);
  });

  afterAll(() => {
    ns?.destroy();
    spawnSync('ip', ['netns', 'del', gw]);
    for (const p of podNamespaces) spawnSync('ip', ['netns', 'del', p]);
  });

  it('prints what the real ones print, takes as long, and reports plausible times', async () => {
    // The real runs take up to 11 s each: all at once, in two groups.
    const runReal = (c: Case) => real(c.where === 'node' ? ns.name : podNs, c.busybox ? ['busybox', 'ping', ...c.args] : ['ping', ...c.args]);
    const reals = new Map<Case, Run>();
    for (const group of [cases.filter((c) => c.alone), cases.filter((c) => !c.alone)]) {
      const runs = await Promise.all(group.map(runReal));
      group.forEach((c, k) => reals.set(c, runs[k]));
    }
    for (const c of cases) {
      const where = c.where === 'node' ? `docker exec ${node}` : c.busybox ? 'kubectl exec bb --' : 'kubectl exec nb --';
      const s = await say(`${where} ping ${c.args.join(' ')}`);
      const r = reals.get(c)!;
      const racy = (t: string) => (c.alone ? t.replace(/\npipe [34]\n$/, '\npipe 3-4\n') : t);
      expect({ case: c.name, stdout: racy(mask(s.stdout)), stderr: s.stderr, exit: s.exit }).toEqual({ case: c.name, stdout: racy(mask(r.stdout)), stderr: r.stderr, exit: r.exit });
      const waits = c.alone ? [s.ms, s.ms + 1000] : [s.ms];
      expect({ case: c.name, off: waits.some((w) => Math.abs(w - r.ms) < 500) ? 0 : [s.ms, r.ms] }).toEqual({ case: c.name, off: 0 });
      if (!c.busybox) expect({ case: c.name, off: Math.abs(timeFigure(s.stdout) - timeFigure(r.stdout)) < 300 ? 0 : [s.stdout, r.stdout] }).toEqual({ case: c.name, off: 0 });
    }
  });
});
