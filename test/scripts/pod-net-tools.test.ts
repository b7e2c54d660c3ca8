// busybox's network applets in pods: ip, route, ifconfig over the pod's weave
// namespace, and nc through the packet engine (Redis's RESP, -z -v scans,
// busybox's error texts). Debian-slim images have none of them.

import { describe, expect, it } from 'vitest';
import { run } from './harness';

const SETUP = `kubectl create deployment redis --image=redis:alpine
kubectl expose deployment redis --port=6379
kubectl run bb --image=busybox:1.28 -- sleep 3600
kubectl run web --image=nginx
sleep 20
kubectl get pod bb -o jsonpath='{.status.podIP}'`;

describe('busybox network applets in a pod', () => {
  it('ip addr, ip route, route -n and ifconfig show the weave namespace', async () => {
    const r = await run(`${SETUP}\nkubectl exec bb -- ip a\nkubectl exec bb -- ip route\nkubectl exec bb -- route -n\nkubectl exec bb -- ifconfig\nkubectl exec web -- ip route`);
    const ip = r.step(/jsonpath/).stdout;
    expect(ip).toMatch(/^10\.\d+\.\d+\.\d+$/);
    const a = r.step('kubectl exec bb -- ip a').stdout;
    expect(a).toMatch(/^1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n/);
    expect(a).toMatch(new RegExp(`\\n\\d+: eth0@if\\d+: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1376 qdisc noqueue \\n    link/ether [0-9a-f:]{17} brd ff:ff:ff:ff:ff:ff\\n    inet ${ip.replace(/\./g, '\\.')}/12 scope global eth0\\n`));
    const routes = r.step('kubectl exec bb -- ip route').stdout;
    expect(routes).toMatch(new RegExp(`^default via (10\\.\\d+\\.\\d+\\.\\d+) dev eth0 \\n10\\.32\\.0\\.0/12 dev eth0 scope link  src ${ip.replace(/\./g, '\\.')} \\n$`));
    expect(r.step('kubectl exec bb -- route -n').stdout).toMatch(/\n0\.0\.0\.0 +10\.\d+\.\d+\.\d+ +0\.0\.0\.0 +UG +0 +0 +0 eth0\n10\.32\.0\.0 +0\.0\.0\.0 +255\.240\.0\.0 +U +0 +0 +0 eth0\n$/);
    expect(r.step('kubectl exec bb -- ifconfig').stdout).toMatch(new RegExp(`^eth0 +Link encap:Ethernet  HWaddr [0-9A-F:]{17}  \\n +inet addr:${ip.replace(/\./g, '\\.')}  Bcast:0\\.0\\.0\\.0  Mask:255\\.240\\.0\\.0\\n`));
    expect(r.step('kubectl exec web -- ip route').stderr).toMatch(/executable file not found/);
  });

  it('the default route goes via the weave bridge of the pod\'s node', async () => {
    const r = await run(`${SETUP}\nkubectl exec bb -- ip route\nkubectl get pod bb -o jsonpath='{.spec.nodeName}'`);
    const gw = /^default via (\S+)/.exec(r.step('kubectl exec bb -- ip route').stdout)![1];
    expect(gw).toMatch(/^10\.(3[2-9]|4[0-7])\.\d+\.\d+$/);
  });

  it('nc talks RESP to Redis, scans with -z -v, and prints busybox errors', async () => {
    const r = await run(
      `${SETUP}\nkubectl exec bb -- sh -c 'echo PING | nc redis 6379'\nkubectl exec bb -- nc -z -v -w 2 redis 6379\nkubectl exec bb -- nc -w 1 nosuch 80\nkubectl exec bb -- nc redis 99999\nkubectl exec bb -- sh -c 'echo PING | nc 127.0.0.1 6379'`,
    );
    expect(r.step("kubectl exec bb -- sh -c 'echo PING | nc redis 6379'").stdout).toBe('+PONG\r\n');
    expect(r.step('kubectl exec bb -- nc -z -v -w 2 redis 6379').stderr).toMatch(/^redis \(10\.\d+\.\d+\.\d+:6379\) open\n$/);
    expect(r.step('kubectl exec bb -- nc -w 1 nosuch 80').stderr).toBe("nc: bad address 'nosuch'\ncommand terminated with exit code 1\n");
    expect(r.step('kubectl exec bb -- nc redis 99999').stderr).toBe("nc: bad port '99999'\ncommand terminated with exit code 1\n");
    expect(r.step("kubectl exec bb -- sh -c 'echo PING | nc 127.0.0.1 6379'").stderr).toBe("nc: can't connect to remote host (127.0.0.1): Connection refused\ncommand terminated with exit code 1\n");
  });
});
