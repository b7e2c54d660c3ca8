// route and ping on a node: the lab's steps use them (its nodes were full VMs).

import { describe, expect, it } from 'vitest';
import { runScript } from '../../src/cli/script';

describe('a kind node shell: route and ping', () => {
  it('prints the routing table and pings nodes, not ClusterIPs', async () => {
    const { results } = await runScript(
      'docker exec kind-worker2 route -n\ndocker exec kind-worker2 route\ndocker exec kind-worker2 ping -c 1 172.18.0.2\ndocker exec kind-worker2 ping -c 1 10.96.0.1\n',
      [],
    );
    expect(results[0].stdout).toBe(
      [
        'Kernel IP routing table',
        'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface',
        '0.0.0.0         172.18.0.1      0.0.0.0         UG    0      0        0 eth0',
        '10.32.0.0       0.0.0.0         255.240.0.0     U     0      0        0 weave',
        '172.18.0.0      0.0.0.0         255.255.0.0     U     0      0        0 eth0',
        '',
      ].join('\n'),
    );
    expect(results[1].stdout.split('\n')[2]).toBe('default         172.18.0.1      0.0.0.0         UG    0      0        0 eth0');
    expect(results[2].stdout).toMatch(/^PING 172\.18\.0\.2 \(172\.18\.0\.2\) 56\(84\) bytes of data\.\n64 bytes from 172\.18\.0\.2: icmp_seq=1 ttl=64 time=[\d.]+ ms\n/);
    expect(results[2].exit).toBe(0);
    expect(results[3].stdout).toContain('1 packets transmitted, 0 received, 100% packet loss');
    expect(results[3].exit).toBe(1);
  });
});
