// Inside a pod's container: the working directory (image WORKDIR or the pod's
// workingDir), busybox's own wording where the userland is busybox, and the
// kubelet-written /etc/hosts.

import { describe, expect, it } from 'vitest';
import { run } from './harness';

const REDIS_WORKDIR = `apiVersion: v1
kind: Pod
metadata:
  name: wd
spec:
  containers:
  - name: redis
    image: redis:alpine
    workingDir: /srv/cache
`;

describe('the working directory of a pod shell', () => {
  it('is the image WORKDIR: /app for vote, /data for redis', async () => {
    const r = await run(
      [
        'kubectl create deployment vote --image=schoolofdevops/vote:v1',
        'kubectl create deployment redis --image=redis:alpine',
        'sleep 20',
        'kubectl exec -it deploy/vote -- sh',
        'pwd',
        'exit',
        'kubectl exec -it deploy/redis -- sh',
        'pwd',
        'exit',
        'kubectl exec deploy/vote -- pwd',
      ].join('\n'),
    );
    const sh = r.results.filter((x) => x.cmd === 'pwd');
    expect(sh[0].prompt).toBe('/app # ');
    expect(sh[0].stdout).toBe('/app\n');
    expect(sh[1].prompt).toBe('/data # ');
    expect(sh[1].stdout).toBe('/data\n');
    expect(r.step('kubectl exec deploy/vote -- pwd').stdout).toBe('/app\n');
  });

  it("the container's workingDir wins over the image's, and exists", async () => {
    const r = await run(['kubectl apply -f wd.yaml', 'sleep 20', 'kubectl exec -it wd -- sh', 'pwd', 'ls -d .', 'exit'].join('\n'), [{ path: '/root/wd.yaml', content: REDIS_WORKDIR }]);
    expect(r.step('pwd').prompt).toBe('/srv/cache # ');
    expect(r.step('pwd').stdout).toBe('/srv/cache\n');
    expect(r.step('ls -d .').exit).toBe(0);
  });
});

describe('busybox wording in busybox and Alpine containers', () => {
  const SETUP = ['kubectl run bb --image=busybox:1.28 -- sleep 3600', 'kubectl run al --image=alpine -- sleep 3600', 'kubectl run ng --image=nginx', 'sleep 30'];

  it('cat and ls say it as busybox does (ls exits 1); Debian keeps GNU', async () => {
    const r = await run(
      [
        ...SETUP,
        'kubectl exec bb -- cat /nonexist',
        'kubectl exec bb -- ls /nonexist',
        'kubectl exec al -- cat /nonexist',
        'kubectl exec al -- cat /etc',
        'kubectl exec ng -- cat /nonexist',
        'kubectl exec ng -- ls /nonexist',
      ].join('\n'),
    );
    expect(r.step('kubectl exec bb -- cat /nonexist').stderr).toBe("cat: can't open '/nonexist': No such file or directory\ncommand terminated with exit code 1\n");
    expect(r.step('kubectl exec bb -- ls /nonexist').stderr).toBe('ls: /nonexist: No such file or directory\ncommand terminated with exit code 1\n');
    expect(r.step('kubectl exec al -- cat /nonexist').stderr).toBe("cat: can't open '/nonexist': No such file or directory\ncommand terminated with exit code 1\n");
    expect(r.step('kubectl exec al -- cat /etc').stderr).toBe('cat: read error: Is a directory\ncommand terminated with exit code 1\n');
    expect(r.step('kubectl exec ng -- cat /nonexist').stderr).toBe('cat: /nonexist: No such file or directory\ncommand terminated with exit code 1\n');
    expect(r.step('kubectl exec ng -- ls /nonexist').stderr).toBe("ls: cannot access '/nonexist': No such file or directory\ncommand terminated with exit code 2\n");
  });

  it('ls on the terminal lays out columns with spaces, not tabs', async () => {
    const r = await run([...SETUP, 'kubectl exec -it bb -- sh', 'ls /', 'exit', 'kubectl exec -it ng -- bash', 'ls /', 'exit'].join('\n'));
    const [bb, ng] = r.results.filter((x) => x.cmd === 'ls /');
    expect(bb.stdout).toBe('bin   dev   etc   home  proc  root  sys   tmp   usr   var\n');
    expect(ng.stdout).toContain('\t');
  });

  it('/etc/hosts is the kubelet-managed file', async () => {
    const r = await run([...SETUP, 'kubectl get pod bb -o jsonpath={.status.podIP}', 'kubectl exec bb -- cat /etc/hosts'].join('\n'));
    const ip = r.step(/jsonpath/).stdout;
    expect(r.step('kubectl exec bb -- cat /etc/hosts').stdout).toBe(
      `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\tbb\n`,
    );
  });
});
