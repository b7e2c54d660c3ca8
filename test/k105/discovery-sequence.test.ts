// K105's service-discovery sequence as one terminal session, in the lab's
// order, every output checked against the formats of dns-and-env.md (busybox
// 1.28 nslookup, containerd's resolv.conf) and kubectl-output.md (describe
// svc, v1.31+ exec). The vote app's outcome follows what it can reach.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScript } from '../../src/cli/script';

const starter = join(import.meta.dirname, '..', '..', 'labs', 'starter');
const FILES = ['instavote-ns.yaml', 'vote-rs.yaml', 'vote-svc.yaml', 'redis-svc.yaml', 'redis-deploy.yaml'].map((f) => ({
  path: `/root/${f}`,
  content: readFileSync(join(starter, f), 'utf8'),
}));

const POD = "$(kubectl get pods -l role=vote -o jsonpath='{.items[0].metadata.name}')";
const SERVER_BLOCK = 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n';

const SCRIPT = `kubectl apply -f instavote-ns.yaml
kubectl config set-context --current --namespace=instavote
kubectl apply -f vote-rs.yaml
kubectl apply -f vote-svc.yaml
sleep 30
curl -s -X POST -d vote=a http://172.18.0.3:30000/ | grep -c '<h1>Internal Server Error</h1>'
kubectl exec ${POD} nslookup redis
kubectl exec ${POD} -- nslookup redis
kubectl apply -f redis-svc.yaml
kubectl exec ${POD} -- nslookup redis
kubectl exec ${POD} -- nslookup redis.instavote.svc.cluster.local
kubectl exec ${POD} -- cat /etc/resolv.conf
kubectl describe svc redis
kubectl get svc -n kube-system
kubectl apply -f redis-deploy.yaml
sleep 30
kubectl get pods -l app=redis -o jsonpath='{.items[0].status.podIP}'
kubectl describe svc redis
kubectl get svc redis -o jsonpath='{.spec.clusterIP}'
curl -s -X POST -d vote=b http://172.18.0.3:30000/ | grep -c '<h1>Internal Server Error</h1>'
kubectl exec deploy/redis -- redis-cli llen votes
`;

describe('K105: service discovery from a vote pod', () => {
  it('runs the lab sequence with the real texts at every step', async () => {
    const { results } = await runScript(SCRIPT, FILES);
    const at = (prefix: string, n = 0) => results.filter((r) => r.cmd.startsWith(prefix))[n];

    // No redis Service: the vote fails (500), the name does not resolve.
    expect(at('curl -s -X POST -d vote=a').stdout).toBe('1\n');
    // The lab's form without `--` is refused by kubectl v1.31+.
    const legacy = results.find((r) => r.cmd.endsWith(') nslookup redis'))!;
    expect(legacy.stderr).toBe('error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee \'kubectl exec -h\' for help and examples\n');
    const lookups = results.filter((r) => r.cmd.endsWith('-- nslookup redis'));
    expect(lookups[0].stdout).toBe(SERVER_BLOCK);
    expect(lookups[0].stderr).toBe("nslookup: can't resolve 'redis'\ncommand terminated with exit code 1\n");

    // With the Service: the short name and the full name resolve to its cluster IP, endpoints or not.
    const clusterIP = at("kubectl get svc redis -o jsonpath='{.spec.clusterIP}'").stdout;
    expect(clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);
    expect(lookups[1].stdout).toBe(`${SERVER_BLOCK}Name:      redis\nAddress 1: ${clusterIP} redis.instavote.svc.cluster.local\n`);
    expect(at('kubectl exec $(kubectl get pods -l role=vote', 3).stdout).toBe(
      `${SERVER_BLOCK}Name:      redis.instavote.svc.cluster.local\nAddress 1: ${clusterIP} redis.instavote.svc.cluster.local\n`,
    );
    expect(results.find((r) => r.cmd.endsWith('-- cat /etc/resolv.conf'))!.stdout).toBe(
      'search instavote.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
    const [noEndpoints, withEndpoint] = results.filter((r) => r.cmd === 'kubectl describe svc redis');
    expect(noEndpoints.stdout).toBe(
      [
        'Name:                     redis',
        'Namespace:                instavote',
        'Labels:                   role=redis',
        '                          tier=back',
        'Annotations:              <none>',
        'Selector:                 app=redis',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        `IP:                       ${clusterIP}`,
        `IPs:                      ${clusterIP}`,
        'Port:                     <unset>  6379/TCP',
        'TargetPort:               6379/TCP',
        'Endpoints:                ',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
    expect(at('kubectl get svc -n kube-system').stdout).toBe(
      'NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE\nkube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   10m\n',
    );

    // With a redis pod: describe lists it, and the vote is stored.
    const redisIP = at("kubectl get pods -l app=redis -o jsonpath='{.items[0].status.podIP}'").stdout;
    expect(withEndpoint.stdout).toContain(`Endpoints:                ${redisIP}:6379\n`);
    expect(at('curl -s -X POST -d vote=b').stdout).toBe('0\n');
    expect(at('curl -s -X POST -d vote=b').exit).toBe(1);
    expect(at('kubectl exec deploy/redis -- redis-cli llen votes').stdout).toBe('1\n');
  });
});
