// Oracle: what real iptables stores and prints for kube-proxy's 10-decimal
// probabilities, including exact ties (n = 4096) where glibc rounds to even.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeProxyProbability, printedProbability, storedProbability } from '../../../src/sim/proxy/probability';
import { Netns, oracleUnavailable } from './netns';

const unavailable = oracleUnavailable(['ip', 'iptables', 'iptables-save', 'iptables-restore']);

const NS = [...Array.from({ length: 19 }, (_, i) => i + 2), 33, 99, 100, 333, 1000, 1234, 2048, 3000, 4095, 4096, 4097, 8192, 10000, 12288, 65536];

describe.skipIf(!!unavailable)('iptables 1.8.9 oracle: statistic probabilities', () => {
  let ns: Netns;
  beforeAll(() => {
    ns = new Netns('simprob');
  });
  afterAll(() => ns?.destroy());

  it('prints what the simulator computes for 1/n', () => {
    const lines = ['*nat', ':KUBE-SVC-TEST - [0:0]'];
    for (const n of NS) lines.push(`-A KUBE-SVC-TEST -m statistic --mode random --probability ${kubeProxyProbability(n)} -j ACCEPT`);
    lines.push('COMMIT', '');
    ns.must(['iptables-restore'], lines.join('\n'));
    const saved = ns.must(['iptables-save', '-t', 'nat']).split('\n').filter((l) => l.startsWith('-A KUBE-SVC-TEST'));
    const real = saved.map((l) => /--probability (\S+)/.exec(l)![1]);
    const sim = NS.map((n) => printedProbability(storedProbability(kubeProxyProbability(n))));
    expect(sim).toEqual(real);
  });
});
