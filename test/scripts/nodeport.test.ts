// K105 step 3 and 5 from the terminal: the vote NodePort reached from the
// learner's host on every node IP (kube-proxy forwards to pods on other
// nodes), the counters of the node's nat table going up with each connection,
// and the rules a learner greps for in a node shell.

import { describe, expect, it } from 'vitest';
import { run, VOTE_FILES, VOTE_SETUP } from './harness';

const NODE_IPS: Record<string, string> = { 'kind-control-plane': '172.18.0.2', 'kind-worker': '172.18.0.3', 'kind-worker2': '172.18.0.4' };

function podNodes(wide: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of wide.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length > 6) out.set(cols[0], cols[6]);
  }
  return out;
}

describe('vote NodePort from the host', () => {
  it('answers on every node IP, from pods on other nodes too', async () => {
    const curls = Object.values(NODE_IPS)
      .flatMap((ip) => Array.from({ length: 8 }, () => `curl -s http://${ip}:30000/ | grep -o 'Processed by container ID [a-z0-9-]*'`))
      .join('\n');
    const r = await run(`${VOTE_SETUP}\nkubectl get pods -o wide\n${curls}`, VOTE_FILES());
    const where = podNodes(r.step('kubectl get pods -o wide').stdout);
    expect(where.size).toBe(4);
    for (const [node, ip] of Object.entries(NODE_IPS)) {
      const answers = r.results.filter((x) => x.cmd.includes(`//${ip}:30000/`));
      expect(answers.every((a) => a.exit === 0)).toBe(true);
      const pods = answers.map((a) => /ID ([a-z0-9-]+)/.exec(a.stdout)?.[1]);
      for (const p of pods) expect(where.has(p!)).toBe(true);
      // The control plane runs no vote pod, so every answer there crossed to a worker.
      const elsewhere = pods.filter((p) => where.get(p!) !== node);
      expect(elsewhere.length).toBeGreaterThan(0);
    }
  });

  it('counts each connection on the node it entered', async () => {
    const grep = 'docker exec kind-worker2 iptables -nvL -t nat | grep 30000';
    const r = await run(
      `${VOTE_SETUP}\n${grep}\ncurl -s -o /dev/null http://172.18.0.4:30000/\ncurl -s -o /dev/null http://172.18.0.4:30000/\ncurl -s -o /dev/null http://172.18.0.4:30000/\n${grep}\ncurl -s -o /dev/null http://172.18.0.3:30000/\n${grep}`,
      VOTE_FILES(),
    );
    const counts = r.results.filter((x) => x.cmd === grep).map((x) => Number(x.stdout.trim().split(/\s+/)[0]));
    expect(r.results.filter((x) => x.cmd === grep).every((x) => /KUBE-EXT-\w+ +6 +-- +\* +\* +0\.0\.0\.0\/0 +0\.0\.0\.0\/0 +\/\* instavote\/vote \*\/ tcp dpt:30000\n$/.test(x.stdout))).toBe(true);
    expect(counts[1] - counts[0]).toBe(3);
    // A connection to another node's IP does not touch kind-worker2's nat table.
    expect(counts[2]).toBe(counts[1]);
  });

  it('shows the service chain and its endpoints in a node shell', async () => {
    const r = await run(
      `${VOTE_SETUP}\ndocker exec -it --privileged kind-worker2 sh\niptables -nvL -t nat | grep 30000\niptables -nvL -t nat | grep KUBE-SVC-$(iptables -t nat -S KUBE-NODEPORTS | grep -o 'KUBE-EXT-[A-Z0-9]*' | cut -c10-) -A 10\nexit`,
      VOTE_FILES(),
    );
    const entered = r.step('docker exec -it --privileged kind-worker2 sh');
    expect(entered.exit).toBe(0);
    const shell = r.results.filter((x) => x.prompt === '# ');
    expect(shell.length).toBe(3);
    const svc = shell[1].stdout;
    const probabilities = [...svc.matchAll(/statistic mode random probability (\S+)/g)].map((m) => m[1]);
    expect(probabilities).toEqual(['0.25000000000', '0.33333333349', '0.50000000000']);
    const chain = /Chain KUBE-SVC-\w+ \(2 references\)\n[^\n]*\n((?:[^\n]+\n)+)/.exec(svc)![1];
    expect(chain.split('\n').filter((l) => / KUBE-SEP-[A-Z0-9]+ /.test(l)).length).toBe(4);
    expect(r.results[r.results.length - 1].prompt).toBe('# ');
    expect(r.session.prompt()).toBe('root@playground:~# ');
  });

  it('labels its connections with the command line that made them', async () => {
    const r = await run(`${VOTE_SETUP}\ncurl -s -o /dev/null http://172.18.0.3:30000/\ndocker exec kind-worker curl -s -o /dev/null http://172.18.0.4:30000/`, VOTE_FILES());
    const causes = r.sim.runtime.traces.recent().map((t) => t.cause);
    expect(causes.slice(-2)).toEqual(['curl -s -o /dev/null http://172.18.0.3:30000/', 'curl -s -o /dev/null http://172.18.0.4:30000/']);
    const last = r.sim.runtime.traces.recent().slice(-1)[0].trace;
    expect(last.input.origin).toEqual({ kind: 'node', node: 'kind-worker' });
    expect(last.outcome.kind).toBe('delivered');
  });
});
