// Commands in a kind node shell: ip's usage errors against the real iproute2
// 6.1 (the same version as kindest/node), the legacy iptables tables against
// the real iptables-legacy in an empty network namespace, rule changes that
// are recognised but not carried out, hostname, and curl from the node (which
// resolves through Docker's DNS: node names yes, cluster names no).

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { run, VOTE_FILES, VOTE_SETUP } from './harness';

function have(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

const IP_ERRORS = [['foo'], ['route', 'foo'], ['addr', 'foo'], ['link', 'show', 'dev', 'nope'], ['a', 'show', 'nope'], ['route', 'get'], ['-x'], []];
const ipSkip = have('ip') ? '' : 'iproute2 is missing';
if (ipSkip) console.warn(`skipping ip oracle: ${ipSkip}`);

describe.skipIf(!!ipSkip)('ip errors against iproute2 6.1', () => {
  it('match the real messages and exit codes', async () => {
    const r = await run(IP_ERRORS.map((a) => `docker exec kind-worker ip ${a.join(' ')}`).join('\n'));
    IP_ERRORS.forEach((args, i) => {
      const real = spawnSync('ip', args, { encoding: 'utf8' });
      expect(r.results[i].stderr).toBe(real.stderr);
      expect(r.results[i].exit).toBe(real.status);
    });
  });
});

const NS = `node-shell-oracle-${process.pid}`;
const legacySkip = process.getuid?.() !== 0 ? 'needs root for ip netns' : !have('iptables-legacy') || !have('ip') ? 'iptables-legacy or ip is missing' : '';
if (legacySkip) console.warn(`skipping iptables-legacy oracle: ${legacySkip}`);

describe.skipIf(!!legacySkip)('iptables-legacy on an nf_tables node', () => {
  it('shows empty legacy tables, and saves only the ones touched', async () => {
    const lines = ['iptables-legacy-save', 'iptables-legacy -nL', 'iptables-legacy -t nat -nvL', 'iptables-legacy-save'];
    spawnSync('ip', ['netns', 'add', NS]);
    try {
      const real = lines.map((l) => spawnSync('ip', ['netns', 'exec', NS, ...l.split(' ')], { encoding: 'utf8' }));
      const r = await run(lines.map((l) => `docker exec kind-worker ${l}`).join('\n'));
      const dated = (s: string) => s.replace(/on \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}/g, 'on DATE');
      lines.forEach((_l, i) => {
        expect(dated(r.results[i].stdout)).toBe(dated(real[i].stdout));
        expect(r.results[i].exit).toBe(real[i].status);
      });
    } finally {
      spawnSync('ip', ['netns', 'del', NS]);
    }
  });
});

describe('a kind node shell', () => {
  it('says that rule changes are not simulated, and leaves the rules alone', async () => {
    const r = await run('docker exec -it kind-worker sh\niptables -t nat -A KUBE-SERVICES -j DROP\niptables-save -t nat | grep -c -- -A');
    const change = r.step('iptables -t nat -A KUBE-SERVICES -j DROP');
    expect(change.exit).toBe(1);
    expect(change.stderr).toContain('iptables: changing rules is not simulated');
    expect(r.step('iptables-save -t nat | grep -c -- -A').stdout).not.toBe('0\n');
  });

  it('knows its names and addresses', async () => {
    const r = await run('docker exec kind-control-plane hostname\ndocker exec kind-control-plane hostname -i\ndocker exec kind-control-plane hostname -I');
    expect(r.results.map((x) => x.stdout)).toEqual([
      'kind-control-plane\n',
      'fc00:f853:ccd:e793::2 172.18.0.2\n',
      // The weave bridge comes before eth0 in interface order.
      expect.stringMatching(/^10\.\d+\.\d+\.\d+ 172\.18\.0\.2 fc00:f853:ccd:e793::2 \n$/),
    ]);
  });

  it('curls node names through Docker DNS, but not cluster names', async () => {
    const r = await run(
      `${VOTE_SETUP}\ndocker exec kind-control-plane curl -s kind-worker:30000 | grep -c 'Processed by'\ndocker exec kind-control-plane curl -sS vote.instavote:80\ndocker exec kind-control-plane curl -s http://$(kubectl get svc vote -o jsonpath='{.spec.clusterIP}')/ | grep -c 'Processed by'`,
      VOTE_FILES(),
    );
    expect(r.results[r.results.length - 3].stdout).toBe('1\n');
    expect(r.step('docker exec kind-control-plane curl -sS vote.instavote:80').stderr).toBe('curl: (6) Could not resolve host: vote.instavote\n');
    expect(r.results[r.results.length - 1].stdout).toBe('1\n');
  });
});
