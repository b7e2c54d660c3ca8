// ping's outcomes on the virtual clock: what it prints, when, and how long it
// takes. The texts and batches are checked against the real iputils and
// busybox in ping.oracle.test.ts; here the exact figures the simulator picks.

import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/simulation';
import { TerminalSession } from '../session';
import { iputilsStatistics, percentG } from './ping';

interface Step {
  cmd: string;
  stdout: string;
  exit: number;
  /** virtual ms the command took */
  tookMs: number;
  /** virtual ms from the command's start at which each stdout line appeared */
  lineAt: number[];
}

/** A fresh cluster, then the lines one after another (as the terminal runs them), timed. */
async function run(lines: string[]): Promise<Step[]> {
  const sim = new Simulation({});
  const session = new TerminalSession(sim, { mode: 'virtual' });
  const out: Step[] = [];
  for (const cmd of lines) {
    const start = sim.now();
    let stdout = '';
    const lineAt: number[] = [];
    const exit = await session.run(
      cmd,
      (chunk) => {
        if (chunk.stream !== 'stdout') return;
        stdout += chunk.text;
        for (const _ of chunk.text.match(/\n/g) ?? []) lineAt.push(sim.now() - start);
      },
      () => {},
    );
    out.push({ cmd, stdout, exit, tookMs: sim.now() - start, lineAt });
  }
  return out;
}

describe('iputils ping on a node', () => {
  it('a ClusterIP never answers: no reply, statistics with an empty line, time to the last packet sent', async () => {
    const [one, two, quick] = await run([
      'docker exec kind-worker2 ping -c 1 10.96.0.1',
      'docker exec kind-worker2 ping -c 2 10.96.0.1',
      'docker exec kind-worker2 ping -c 2 -W 1 10.96.0.1',
    ]);
    expect(one.stdout).toBe(
      'PING 10.96.0.1 (10.96.0.1) 56(84) bytes of data.\n\n--- 10.96.0.1 ping statistics ---\n1 packets transmitted, 0 received, 100% packet loss, time 0ms\n\n',
    );
    expect(one.exit).toBe(1);
    // It waits -W (10 s by default) after the last packet for a late reply.
    expect(one.tookMs).toBe(10_000);
    expect(two.stdout).toContain('\n2 packets transmitted, 0 received, 100% packet loss, time 1001ms\n\n');
    expect(two.tookMs).toBe(11_000);
    expect(quick.tookMs).toBe(2000);
  });

  it('an address of the kind network nobody holds: Destination Host Unreachable from the node, +errors and the pipe', async () => {
    const [two] = await run(['docker exec kind-worker2 ping -c 2 172.18.0.99']);
    expect(two.stdout).toBe(
      [
        'PING 172.18.0.99 (172.18.0.99) 56(84) bytes of data.',
        'From 172.18.0.4 icmp_seq=1 Destination Host Unreachable',
        'From 172.18.0.4 icmp_seq=2 Destination Host Unreachable',
        '',
        '--- 172.18.0.99 ping statistics ---',
        '2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1010ms',
        'pipe 2',
        '',
      ].join('\n'),
    );
    expect(two.exit).toBe(1);
    // The kernel gives up on ARP after 3 s, and ping ends when every packet is accounted for.
    expect(two.tookMs).toBe(3072);
  });

  it('an unused pod IP over weave fails in batches of the packets queued during each ARP attempt', async () => {
    const [five, headless] = await run(['docker exec kind-worker2 ping -c 5 10.44.0.99', 'docker exec kind-worker2 ping 10.44.0.99']);
    const lines = five.stdout.split('\n');
    expect(lines.slice(1, 6)).toEqual([1, 2, 3, 4, 5].map((n) => `From 10.44.0.0 icmp_seq=${n} Destination Host Unreachable`));
    expect(five.lineAt.slice(1, 6)).toEqual([3072, 3072, 3072, 6072, 6072]);
    expect(lines.slice(8)).toEqual(['5 packets transmitted, 0 received, +5 errors, 100% packet loss, time 4040ms', 'pipe 4', '']);
    expect(five.tookMs).toBe(6072);
    // Without -c, a headless run is interrupted half an interval after its fourth packet.
    expect(headless.stdout).toContain('From 10.44.0.0 icmp_seq=3 Destination Host Unreachable\n\n');
    expect(headless.stdout).toContain('\n4 packets transmitted, 0 received, +3 errors, 100% packet loss, time 3030ms\npipe 4\n');
  });

  it('replies: time is when the last packet left', async () => {
    const [r] = await run(['docker exec kind-worker2 ping -c 3 172.18.0.2']);
    expect(r.stdout).toMatch(/\n3 packets transmitted, 3 received, 0% packet loss, time 2002ms\nrtt min\/avg\/max\/mdev = [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms\n$/);
    expect(r.exit).toBe(0);
  });
});

describe('ping in pods', () => {
  it('iputils (netshoot): unreachable from the pod itself on weave, from its node (masqueraded) on the kind network', async () => {
    const steps = await run([
      'kubectl run nb --image=nicolaka/netshoot -- sleep 3600',
      'sleep 20',
      "kubectl get pod nb -o jsonpath='{.status.podIP} {.spec.nodeName}'",
      'kubectl exec nb -- ping -c 2 10.44.0.99',
      'kubectl exec nb -- ping -c 2 172.18.0.99',
    ]);
    const [podIP, node] = steps[2].stdout.split(' ');
    const nodeIP = { 'kind-control-plane': '172.18.0.2', 'kind-worker': '172.18.0.3', 'kind-worker2': '172.18.0.4' }[node];
    expect(steps[3].stdout).toContain(`From ${podIP} icmp_seq=1 Destination Host Unreachable\nFrom ${podIP} icmp_seq=2 Destination Host Unreachable\n`);
    expect(steps[4].stdout).toContain(`From ${nodeIP} icmp_seq=1 Destination Host Unreachable\n`);
    expect(steps[4].exit).toBe(1);
  });

  it('busybox ignores the errors and waits as for a silent address', async () => {
    const steps = await run(['kubectl run bb --image=busybox -- sleep 3600', 'sleep 20', 'kubectl exec bb -- ping -c 2 10.44.0.99']);
    const p = steps[2];
    expect(p.stdout).toBe('PING 10.44.0.99 (10.44.0.99): 56 data bytes\n\n--- 10.44.0.99 ping statistics ---\n2 packets transmitted, 0 packets received, 100% packet loss\n');
    expect(p.tookMs).toBeGreaterThanOrEqual(11_000);
  });
});

describe('iputils statistics', () => {
  it('prints the loss as %g, the errors, and the rtt and pipe on one line', () => {
    expect([0, 100, 50, 12.5, 100 / 3, 200 / 3, 100 / 7].map(percentG)).toEqual(['0', '100', '50', '12.5', '33.3333', '66.6667', '14.2857']);
    expect(iputilsStatistics('x', { sent: 3, rtts: [0.1, 0.2], errors: 0, pipe: 2, timeMs: 2003 })).toBe(
      '\n--- x ping statistics ---\n3 packets transmitted, 2 received, 33.3333% packet loss, time 2003ms\nrtt min/avg/max/mdev = 0.100/0.150/0.200/0.050 ms, pipe 2\n',
    );
  });
});
