// CoreDNS as a container: the start-up log kind's CoreDNS prints, and its
// health, readiness and metrics ports reached through the cluster network.

import { describe, expect, it } from 'vitest';
import { run } from './harness';

describe('CoreDNS pods', () => {
  it('log what CoreDNS 1.11.3 logs at start-up', async () => {
    const r = await run('kubectl logs -n kube-system deploy/coredns');
    expect(r.step('kubectl logs -n kube-system deploy/coredns').stdout).toBe(
      '.:53\n' +
        '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908\n' +
        'CoreDNS-1.11.3\n' +
        'linux/amd64, go1.21.11, a6338e9\n',
    );
  });

  it('answer health on 8080, ready on 8181 and metrics on 9153 (through kube-dns)', async () => {
    const r = await run(
      [
        'docker exec kind-worker curl -s http://10.32.0.2:8080/health',
        'docker exec kind-worker curl -s http://10.32.0.2:8181/ready',
        'docker exec kind-worker curl -s http://10.96.0.10:9153/metrics',
        'docker exec kind-worker curl -s -o /dev/null -w %{http_code} http://10.32.0.2:8080/nope',
      ].join('\n'),
    );
    expect(r.step('docker exec kind-worker curl -s http://10.32.0.2:8080/health').stdout).toBe('OK');
    expect(r.step('docker exec kind-worker curl -s http://10.32.0.2:8181/ready').stdout).toBe('OK');
    expect(r.step('docker exec kind-worker curl -s http://10.96.0.10:9153/metrics').stdout).toContain('coredns_build_info{goversion="go1.21.11",revision="a6338e9",version="1.11.3"} 1\n');
    expect(r.step('docker exec kind-worker curl -s -o /dev/null -w %{http_code} http://10.32.0.2:8080/nope').stdout).toBe('404');
  });
});
