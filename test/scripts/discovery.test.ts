// K105 steps 7 and 8 from the terminal: voting fails with the 500 page while
// redis has no Service (the log says why), nslookup and ping from a vote pod
// before and after the Service exists, the REJECT of a Service without
// endpoints, and voting succeeding once redis runs. Also the service
// environment variables, which only pods started after the Service have.

import { describe, expect, it } from 'vitest';
import { run, VOTE_FILES, VOTE_SETUP } from './harness';

const POD = "$(kubectl get pods -l role=vote -o jsonpath='{.items[0].metadata.name}')";
const POST = 'curl -sS -X POST -d vote=a http://172.18.0.3:30000/';

describe('vote to redis, from nothing to working', () => {
  it('goes from the 500 page to a recorded vote', async () => {
    const r = await run(
      `${VOTE_SETUP}
${POST}
for p in $(kubectl get pods -l role=vote -o name); do kubectl logs $p; done | grep ^redis.exceptions
kubectl apply -f redis-svc.yaml
${POST}
for p in $(kubectl get pods -l role=vote -o name); do kubectl logs $p; done | grep ^redis.exceptions
kubectl apply -f redis-deploy.yaml
sleep 30
${POST}
kubectl exec deploy/redis -- redis-cli lrange votes 0 -1`,
      VOTE_FILES(),
    );
    const posts = r.results.filter((x) => x.cmd === POST);
    expect(posts.map((p) => p.exit)).toEqual([0, 0, 0]);
    expect(posts[0].stdout).toContain('<title>500 Internal Server Error</title>');
    expect(posts[1].stdout).toContain('<title>500 Internal Server Error</title>');
    expect(posts[2].stdout).toContain('Processed by container ID');
    expect(posts[2].stdout).not.toContain('500 Internal Server Error');
    const logs = r.results.filter((x) => x.cmd.includes('kubectl logs'));
    expect(logs[0].stdout).toBe('redis.exceptions.ConnectionError: Error -2 connecting to redis:6379. Name does not resolve.\n');
    expect(logs[1].stdout).toContain('redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. Connection refused.\n');
    expect(r.step('kubectl exec deploy/redis -- redis-cli lrange votes 0 -1').stdout).toMatch(/^\{"voter_id": "[0-9a-f]+", "vote": "a"\}\n$/);
  });

  it('resolves redis only once the Service exists (busybox 1.28 nslookup)', async () => {
    const r = await run(
      `${VOTE_SETUP}
kubectl exec ${POD} -- nslookup redis
kubectl apply -f redis-svc.yaml
kubectl exec ${POD} -- nslookup redis
kubectl get svc redis -o jsonpath='{.spec.clusterIP}'`,
      VOTE_FILES(),
    );
    const [before, after] = r.results.filter((x) => x.cmd.endsWith('nslookup redis'));
    expect(before.stdout).toBe('Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n');
    expect(before.stderr).toBe("nslookup: can't resolve 'redis'\ncommand terminated with exit code 1\n");
    expect(before.exit).toBe(1);
    const ip = r.step(/jsonpath='\{\.spec\.clusterIP\}'/).stdout;
    expect(after.stdout).toBe(
      `Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      redis\nAddress 1: ${ip} redis.instavote.svc.cluster.local\n`,
    );
    expect(after.exit).toBe(0);
  });

  it('pings: a ClusterIP never answers, a pod does', async () => {
    const r = await run(
      `${VOTE_SETUP}
kubectl exec ${POD} -- ping -c 2 redis
kubectl apply -f redis-svc.yaml
kubectl exec ${POD} -- ping -c 3 redis
kubectl exec ${POD} -- ping redis
kubectl exec ${POD} -- ping -c 2 $(kubectl get pods -l role=vote -o jsonpath='{.items[3].status.podIP}')
date +%s`,
      VOTE_FILES(),
    );
    const pings = r.results.filter((x) => x.cmd.includes(' -- ping'));
    expect(pings[0].stderr).toBe("ping: bad address 'redis'\ncommand terminated with exit code 1\n");
    expect(pings[1].stdout).toMatch(/^PING redis \(10\.\d+\.\d+\.\d+\): 56 data bytes\n\n--- redis ping statistics ---\n3 packets transmitted, 0 packets received, 100% packet loss\n$/);
    expect(pings[1].exit).toBe(1);
    // Without -c a headless ping stops as if interrupted after a few packets.
    expect(pings[2].stdout).toMatch(/\n4 packets transmitted, 0 packets received, 100% packet loss\n$/);
    expect(pings[3].stdout).toMatch(
      /^PING (10\.\d+\.\d+\.\d+) \(\1\): 56 data bytes\n64 bytes from \1: seq=0 ttl=64 time=\d\.\d{3} ms\n64 bytes from \1: seq=1 ttl=64 time=\d\.\d{3} ms\n\n--- \1 ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min\/avg\/max = [\d.]+\/[\d.]+\/[\d.]+ ms\n$/,
    );
    expect(pings[3].exit).toBe(0);
  });

  it('refuses connections to a Service without endpoints (kube-proxy REJECT)', async () => {
    const r = await run(
      `${VOTE_SETUP}
kubectl apply -f redis-svc.yaml
docker exec kind-worker curl -sS http://$(kubectl get svc redis -o jsonpath='{.spec.clusterIP}'):6379/
kubectl get svc redis -o jsonpath='{.spec.clusterIP}'
kubectl exec ${POD} -- wget -qO- http://redis:6379/`,
      VOTE_FILES(),
    );
    const ip = r.step(/^kubectl get svc redis/).stdout;
    const curl = r.step(/^docker exec kind-worker curl/);
    expect(curl.stderr).toBe(`curl: (7) Failed to connect to ${ip} port 6379 after 0 ms: Couldn't connect to server\n`);
    expect(curl.exit).toBe(7);
    const wget = r.step(/wget -qO- http:\/\/redis:6379/);
    expect(wget.stderr).toBe(`wget: can't connect to remote host (${ip}): Connection refused\ncommand terminated with exit code 1\n`);
  });

  it('gives service variables only to pods started after the Service', async () => {
    const r = await run(
      `${VOTE_SETUP}
kubectl apply -f redis-svc.yaml
kubectl exec ${POD} -- env | grep -c REDIS_
kubectl delete pod ${POD}
sleep 30
kubectl get pods -l role=vote --sort-by=.metadata.creationTimestamp -o jsonpath='{.items[3].metadata.name}'
kubectl exec $(kubectl get pods -l role=vote --sort-by=.metadata.creationTimestamp -o jsonpath='{.items[3].metadata.name}') -- env | grep REDIS_ | sort`,
      VOTE_FILES(),
    );
    const before = r.step(/env \| grep -c REDIS_/);
    expect(before.stdout).toBe('0\n');
    const ip = /REDIS_SERVICE_HOST=(\S+)/.exec(r.step(/env \| grep REDIS_ \| sort/).stdout)?.[1];
    expect(r.step(/env \| grep REDIS_ \| sort/).stdout).toBe(
      [
        `REDIS_PORT=tcp://${ip}:6379`,
        `REDIS_PORT_6379_TCP=tcp://${ip}:6379`,
        `REDIS_PORT_6379_TCP_ADDR=${ip}`,
        'REDIS_PORT_6379_TCP_PORT=6379',
        'REDIS_PORT_6379_TCP_PROTO=tcp',
        `REDIS_SERVICE_HOST=${ip}`,
        'REDIS_SERVICE_PORT=6379',
      ].join('\n') + '\n',
    );
  });
});
