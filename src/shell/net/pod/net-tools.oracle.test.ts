// Oracle: busybox's `ip addr|link|route`, `route [-n]` and `ifconfig` in a
// throw-away network namespace set up as the weave CNI plugin sets up a pod
// (eth0 at the pod's index with a /12, MTU 1376, txqueuelen 0, the model's MAC,
// default via the bridge IP), against the simulator's rendering of the same
// pod (byte for byte; ifconfig's counters aside).

import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleUnavailable } from '../../../../test/oracle/iptables/netns';
import { podNetwork, podMac, busyboxIfconfig } from '../../../sim/net/render/pod-network';
import { routeN } from '../../../sim/net/render/route-n';
import { busyboxIpMain } from './net-tools';

const unavailable = oracleUnavailable(['ip', 'busybox']);
if (unavailable) console.warn(`busybox net-tools oracle skipped: ${unavailable}`);

const tag = `${process.pid}`.slice(-5);
const ns = `bbpod${tag}`;
const host = `bbh${tag}`;
const net = podNetwork({ name: 'bb', ip: '10.44.0.3', bridgeIP: '10.44.0.0', index: 907, peerIndex: 908 });
const sh = (cmd: string) => spawnSync('sh', ['-c', cmd], { encoding: 'utf8' });
const inNs = (cmd: string) => sh(`ip netns exec ${ns} ${cmd}`);

describe.skipIf(unavailable)('busybox network applets in a pod namespace (oracle)', () => {
  beforeAll(() => {
    const setup = [
      `ip netns add ${ns}`,
      `ip link add ${host} index 908 type veth peer name pe${tag} index 907`,
      `ip link set pe${tag} netns ${ns}`,
      `ip link set ${host} up`,
      `ip netns exec ${ns} sh -c 'ip link set lo up; ip link set pe${tag} name eth0; ip link set eth0 mtu 1376 txqueuelen 0 address ${podMac('10.44.0.3')}; ip addr add 10.44.0.3/12 dev eth0; ip link set eth0 up; ip route add default via 10.44.0.0 dev eth0'`,
    ];
    for (const c of setup) {
      const r = sh(c);
      if (r.status !== 0) throw new Error(`${c}: ${r.stderr}`);
    }
    // IPv6 DAD ends: the link-local address no longer `tentative`.
    spawnSync('sleep', ['2.5']);
  });
  afterAll(() => {
    sh(`ip netns del ${ns}`);
    sh(`ip link del ${host}`);
  });

  const banner = 'BusyBox';
  for (const args of [['a'], ['addr', 'show', 'dev', 'eth0'], ['-4', 'addr'], ['link'], ['route'], ['r', 'show'], ['link', 'show', 'nope']]) {
    it(`ip ${args.join(' ')}`, () => {
      const real = inNs(`busybox ip ${args.join(' ')}`);
      const sim = busyboxIpMain(net, args, banner);
      expect(sim.stdout).toBe(real.stdout);
      expect(sim.stderr).toBe(real.stderr);
      expect(sim.exitCode).toBe(real.status);
    });
  }

  it('route -n and route', () => {
    expect(routeN(net)).toBe(inNs('busybox route -n').stdout);
    expect(routeN(net, { defaultName: 'default', noGateway: '*' })).toBe(inNs('busybox route').stdout);
  });

  it('ifconfig, ifconfig -a, ifconfig eth0 and an unknown device (counters aside)', () => {
    const stats = () => ({ rxPackets: 0, txPackets: 0, rxBytes: 0, txBytes: 0 });
    const scrub = (s: string) => s.replace(/packets:\d+/g, 'packets:N').replace(/bytes:\d+ \([^)]*\)/g, 'bytes:N');
    expect(scrub(busyboxIfconfig(net, stats).stdout)).toBe(scrub(inNs('busybox ifconfig').stdout));
    expect(scrub(busyboxIfconfig(net, stats).stdout)).toBe(scrub(inNs('busybox ifconfig -a').stdout));
    expect(scrub(busyboxIfconfig(net, stats, 'eth0').stdout)).toBe(scrub(inNs('busybox ifconfig eth0').stdout));
    const bad = inNs('busybox ifconfig nope');
    expect(busyboxIfconfig(net, stats, 'nope').stderr).toBe(bad.stderr);
  });

  it('nc: refused and bad address wording', () => {
    const refused = sh('busybox nc 127.0.0.1 1');
    expect(refused.stderr).toBe("nc: can't connect to remote host (127.0.0.1): Connection refused\n");
    expect(sh('busybox nc -w 1 nosuch.invalid 80').stderr).toBe("nc: bad address 'nosuch.invalid'\n");
    expect(sh('busybox nc -w 1 127.0.0.1 99999').stderr).toBe("nc: bad port '99999'\n");
  });
});
