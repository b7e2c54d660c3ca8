// The tools inside pod images: what each image carries decides what runs,
// and each prints as its own implementation does (busybox 1.36 nslookup vs
// 1.28, iputils ping, redis-cli on a terminal or not, psql).

import { describe, expect, it } from 'vitest';
import { run, VOTE_FILES, VOTE_SETUP } from './harness';

describe('tools in pods', () => {
  it('runs only the programs an image has', async () => {
    const r = await run(`${VOTE_SETUP}\nkubectl run web --image=nginx\nsleep 10\nkubectl exec web -- ping -c 1 10.96.0.10\nkubectl exec web -- curl -s -o /dev/null -w '%{http_code}' localhost`, VOTE_FILES());
    const ping = r.step('kubectl exec web -- ping -c 1 10.96.0.10');
    expect(ping.stderr).toMatch(/exec: "ping": executable file not found in \$PATH: unknown\n$/);
    expect(r.step(/-w '%\{http_code\}' localhost$/).stdout).toBe('200');
  });

  it('busybox 1.36 nslookup searches dot-free names only and exits 1 on any NXDOMAIN', async () => {
    const r = await run('kubectl run bb --image=busybox -- sleep 3600\nsleep 10\nkubectl exec bb -- nslookup kubernetes.default\nkubectl exec bb -- nslookup kubernetes.default.svc.cluster.local');
    const short = r.step('kubectl exec bb -- nslookup kubernetes.default');
    expect(short.stdout).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find kubernetes.default: NXDOMAIN\n\n** server can't find kubernetes.default: NXDOMAIN\n\n");
    expect(short.exit).toBe(1);
    const full = r.step('kubectl exec bb -- nslookup kubernetes.default.svc.cluster.local');
    expect(full.stdout).toMatch(/^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10:53\n\nName:\tkubernetes\.default\.svc\.cluster\.local\nAddress: 10\.96\.0\.1\n\n/);
    expect(full.exit).toBe(0);
  });

  it('wget from busybox: the body, and busybox errors', async () => {
    const r = await run(
      `${VOTE_SETUP}\nkubectl run bb --image=busybox -- sleep 3600\nsleep 10\nkubectl exec bb -- wget -qO- http://vote.instavote\nkubectl exec bb -- wget -qO- http://redis\nkubectl exec bb -- wget -O- http://vote.instavote/nope`,
      VOTE_FILES(),
    );
    expect(r.step('kubectl exec bb -- wget -qO- http://vote.instavote').stdout).toContain('Processed by container ID vote-');
    expect(r.step('kubectl exec bb -- wget -qO- http://redis').stderr).toBe("wget: bad address 'redis'\ncommand terminated with exit code 1\n");
    const nope = r.step('kubectl exec bb -- wget -O- http://vote.instavote/nope');
    expect(nope.stderr).toMatch(/^Connecting to vote\.instavote \(10\.\d+\.\d+\.\d+:80\)\nwget: server returned error: HTTP\/1\.1 404 Not Found\ncommand terminated with exit code 1\n$/);
  });

  it('redis-cli talks to Redis over the Service, raw without a terminal and decorated on one', async () => {
    const r = await run(
      `${VOTE_SETUP}\nkubectl apply -f redis-svc.yaml\nkubectl apply -f redis-deploy.yaml\nsleep 30\nkubectl exec deploy/redis -- redis-cli -h redis rpush votes a b\nkubectl exec deploy/redis -- redis-cli lrange votes 0 -1\nkubectl exec deploy/redis -- redis-cli --no-raw lrange votes 0 -1\nkubectl exec deploy/redis -- redis-cli -h nosuch ping\nkubectl exec deploy/redis -- redis-cli -h vote -p 80 ping`,
      VOTE_FILES(),
    );
    expect(r.step('kubectl exec deploy/redis -- redis-cli -h redis rpush votes a b').stdout).toBe('2\n');
    expect(r.step('kubectl exec deploy/redis -- redis-cli lrange votes 0 -1').stdout).toBe('a\nb\n');
    expect(r.step('kubectl exec deploy/redis -- redis-cli --no-raw lrange votes 0 -1').stdout).toBe('1) "a"\n2) "b"\n');
    expect(r.step('kubectl exec deploy/redis -- redis-cli -h nosuch ping').stderr).toBe('Could not connect to Redis at nosuch:6379: Name does not resolve\ncommand terminated with exit code 1\n');
  });

  it('psql reaches postgres in its pod, and over the Service', async () => {
    const db = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
  namespace: instavote
spec:
  selector:
    matchLabels:
      app: postgres
  template:
    metadata:
      labels:
        app: postgres
        role: db
    spec:
      containers:
        - name: db
          image: postgres:9.4
          env:
            - name: POSTGRES_HOST_AUTH_METHOD
              value: trust
          ports:
            - containerPort: 5432
`;
    const r = await run(
      `kubectl create namespace instavote\nkubectl config set-context --current --namespace=instavote\nkubectl apply -f db.yaml\nsleep 30\nkubectl exec deploy/db -- psql -U postgres -c "CREATE TABLE votes (id VARCHAR(255) NOT NULL UNIQUE, vote VARCHAR(255) NOT NULL)"\nkubectl exec deploy/db -- psql -U postgres -c "INSERT INTO votes (id, vote) VALUES ('x', 'a')"\nkubectl exec deploy/db -- psql -h db -U postgres -c "select * from votes"\nkubectl expose deployment db --port 5432\nkubectl exec deploy/db -- psql -h db -U postgres -c "select * from votes"`,
      [{ path: '/root/db.yaml', content: db }],
    );
    const noSvc = r.results[r.results.length - 3];
    expect(noSvc.stderr).toBe('psql: could not translate host name "db" to address: Name or service not known\ncommand terminated with exit code 2\n');
    const last = r.results[r.results.length - 1];
    expect(last.stdout).toBe(' id | vote \n----+------\n x  | a\n(1 row)\n\n');
  });
});
