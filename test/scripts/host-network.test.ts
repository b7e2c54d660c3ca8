// The learner's host as a Docker host: what docker ps shows, entering a node,
// the ports kind published (localhost:30000 leads to the control plane's node
// port), addresses the host cannot reach (ClusterIPs: the SYNs leave by the
// default route and nothing answers), and a NodePort with externalTrafficPolicy
// Local entered on a node without a local endpoint (dropped: curl hangs until
// the kernel gives up, or until -m).

import { describe, expect, it } from 'vitest';
import { run, VOTE_FILES, VOTE_SETUP } from './harness';

const LOCAL_SVC = `apiVersion: v1
kind: Service
metadata:
  name: vote-local
spec:
  type: NodePort
  externalTrafficPolicy: Local
  selector:
    role: vote
  ports:
    - port: 80
      nodePort: 30100
`;

describe('the host and its kind containers', () => {
  it('lists the node containers and enters one', async () => {
    const r = await run('docker ps\ndocker exec -it kind-worker2 bash\nhostname\nip route show\nroute -n\nexit\ndocker exec foo sh\ndocker exec kind-worker2');
    const ps = r.step('docker ps').stdout.split('\n');
    expect(ps[0]).toMatch(/^CONTAINER ID   IMAGE                  COMMAND                  CREATED          STATUS          PORTS +NAMES$/);
    expect(ps.slice(1, 4).map((l) => l.split(/\s+/).pop())).toEqual(['kind-worker2', 'kind-worker', 'kind-control-plane']);
    for (const line of ps.slice(1, 4)) expect(line).toMatch(/^[0-9a-f]{12}   kindest\/node:v1\.32\.2   "\/usr\/local\/bin\/entr…"   10 minutes ago   Up 10 minutes   /);
    expect(ps[3]).toContain('0.0.0.0:30000->30000/tcp, 0.0.0.0:30055-30056->30055-30056/tcp, ');
    expect(ps[3]).toContain(', 127.0.0.1:40457->6443/tcp   kind-control-plane');
    expect(r.step('hostname').prompt).toBe('root@kind-worker2:/# ');
    expect(r.step('hostname').stdout).toBe('kind-worker2\n');
    expect(r.step('ip route show').stdout).toMatch(
      /^default via 172\.18\.0\.1 dev eth0 \n10\.32\.0\.0\/12 dev weave proto kernel scope link src 10\.\d+\.\d+\.\d+ \n172\.18\.0\.0\/16 dev eth0 proto kernel scope link src 172\.18\.0\.4 \n$/,
    );
    // kindest/node ships no net-tools.
    // The lab uses route -n on its nodes (full VMs then), so the simulated nodes have net-tools.
    expect(r.step('route -n').exit).toBe(0);
    expect(r.step('route -n').stdout).toContain('10.32.0.0       0.0.0.0         255.240.0.0     U     0      0        0 weave\n');
    expect(r.step('docker exec foo sh').stderr).toBe('Error response from daemon: No such container: foo\n');
    expect(r.step('docker exec foo sh').exit).toBe(1);
    expect(r.step('docker exec kind-worker2').stderr).toBe(
      "docker: 'docker exec' requires at least 2 arguments\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nSee 'docker exec --help' for more information\n",
    );
  });

  it('reaches node ports through the published ports, and not the cluster network', async () => {
    const r = await run(
      `${VOTE_SETUP}\ncurl -s localhost:30000 | grep -c 'Processed by'\ncurl -sS localhost:31000\ncurl -sS localhost:30800\ndate +%s\ncurl -sS http://$(kubectl get svc vote -o jsonpath='{.spec.clusterIP}')/\ndate +%s`,
      VOTE_FILES(),
    );
    expect(r.step("curl -s localhost:30000 | grep -c 'Processed by'").stdout).toBe('1\n');
    expect(r.step('curl -sS localhost:31000').stderr).toBe("curl: (7) Failed to connect to localhost port 31000 after 0 ms: Couldn't connect to server\n");
    // Published, but no Service has that node port: docker-proxy accepts and hangs up.
    expect(r.step('curl -sS localhost:30800').stderr).toBe('curl: (52) Empty reply from server\n');
    const cluster = r.step(/jsonpath='\{\.spec\.clusterIP\}'\)\/$/);
    expect(cluster.stderr).toMatch(/^curl: \(28\) Failed to connect to 10\.\d+\.\d+\.\d+ port 80 after 134096 ms: Couldn't connect to server\n$/);
    expect(cluster.exit).toBe(28);
    const [t0, t1] = r.results.filter((x) => x.cmd === 'date +%s').map((x) => Number(x.stdout));
    expect(t1 - t0).toBeGreaterThanOrEqual(134);
  });

  it('drops traffic for an external-Local service on a node without a local endpoint', async () => {
    const r = await run(
      `${VOTE_SETUP}\nkubectl apply -f vote-local.yaml\ncurl -s http://172.18.0.3:30100/ | grep -c 'Processed by'\ndate +%s\ncurl -sS http://172.18.0.2:30100/\ndate +%s\ncurl -sS -m 5 http://172.18.0.2:30100/\ndate +%s`,
      [...VOTE_FILES(), { path: '/root/vote-local.yaml', content: LOCAL_SVC }],
    );
    expect(r.step("curl -s http://172.18.0.3:30100/ | grep -c 'Processed by'").stdout).toBe('1\n');
    const hang = r.step('curl -sS http://172.18.0.2:30100/');
    expect(hang.stderr).toBe("curl: (28) Failed to connect to 172.18.0.2 port 30100 after 134096 ms: Couldn't connect to server\n");
    expect(hang.exit).toBe(28);
    const capped = r.step('curl -sS -m 5 http://172.18.0.2:30100/');
    expect(capped.stderr).toBe('curl: (28) Connection timed out after 5001 milliseconds\n');
    const [t0, t1, t2] = r.results.filter((x) => x.cmd === 'date +%s').map((x) => Number(x.stdout));
    expect(t1 - t0).toBeGreaterThanOrEqual(134);
    expect(t2 - t1).toBe(5);
  });

  it('runs programs and sh -c scripts in a node, with their exit status', async () => {
    const r = await run("docker exec kind-worker2 sh -c 'hostname; ip -br addr show dev eth0'\ndocker exec kind-worker2 sh -c\ndocker exec kind-worker2 nslookup kubernetes\ndocker exec kind-worker2 iptables -t nope -L");
    expect(r.results[0].stdout).toMatch(/^kind-worker2\neth0@if\d+ +UP +172\.18\.0\.4\/16 fc00:f853:ccd:e793::4\/64 fe80::[0-9a-f:]+\/64 \n$/);
    expect(r.results[1]).toMatchObject({ stderr: 'sh: 0: -c requires an argument\n', exit: 2 });
    // kindest/node has no DNS tools.
    expect(r.results[2]).toMatchObject({ stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nslookup": executable file not found in $PATH: unknown\n', exit: 126 });
    expect(r.results[3].stderr).toBe("iptables v1.8.9 (nf_tables): table 'nope' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n");
    expect(r.results[3].exit).toBe(3);
  });
});
