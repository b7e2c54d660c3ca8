// kubectl run with -i/-it (attach, --rm), --expose, and the pod shells of
// `kubectl exec -it`: the prompt moves into the pod, `exit` comes back with
// the shell's status (kubectl's last words, `$?`, `&&`), and exec/logs reach
// pods through a Service or Deployment as kubectl picks them.

import { describe, expect, it } from 'vitest';
import type { Pod, Service } from '../../src/sim/api/types';
import { run } from './harness';

const WEB = 'kubectl create deployment web --image=nginx --replicas=2\nkubectl expose deployment web --port=80\nsleep 30';

describe('kubectl run -it / -i (attach)', () => {
  it('runs a one-shot command, prints its output and deletes the pod with --rm (the labs’ lines)', async () => {
    const r = await run(`${WEB}\nkubectl run test --image=busybox:1.28 --rm -it --restart=Never -- nslookup web\necho rc=$?\nkubectl run test-pod --image=busybox --rm -it --restart=Never -- wget -qO- http://web\nkubectl get pods`);
    const ns = r.step('kubectl run test --image=busybox:1.28 --rm -it --restart=Never -- nslookup web');
    expect(ns.stdout).toMatch(/^Server: {4}10\.96\.0\.10\nAddress 1: 10\.96\.0\.10 kube-dns\.kube-system\.svc\.cluster\.local\n\nName: {6}web\nAddress 1: 10\.\d+\.\d+\.\d+ web\.default\.svc\.cluster\.local\n/);
    expect(ns.stdout.endsWith('pod "test" deleted\n')).toBe(true);
    expect(ns.exit).toBe(0);
    expect(r.step('echo rc=$?').stdout).toBe('rc=0\n');
    const wget = r.step('kubectl run test-pod --image=busybox --rm -it --restart=Never -- wget -qO- http://web');
    expect(wget.stdout).toContain('<title>Welcome to nginx!</title>');
    expect(wget.stdout.endsWith('</html>\npod "test-pod" deleted\n')).toBe(true);
    expect(r.step('kubectl get pods').stdout).not.toMatch(/^test/m);
  });

  it('returns the container’s exit code with --restart=Never, after the deletion', async () => {
    const r = await run('kubectl run t2 --image=busybox --rm -it --restart=Never -- wget -qO- http://nosuch\necho rc=$?');
    const t2 = r.results[0];
    // The command ended before kubectl could attach: kubectl shows the container's log (on stdout) instead.
    expect(t2.stdout).toBe("wget: bad address 'nosuch'\npod \"t2\" deleted\n");
    expect(t2.stderr).toBe('pod default/t2 terminated (Error)\n');
    expect(t2.exit).toBe(1);
    expect(r.results[1].stdout).toBe('rc=1\n');
  });

  it('opens the pod’s shell for `-- sh`; `exit` comes back, deletes the pod and returns the status', async () => {
    const r = await run('kubectl run dns-test --image=busybox:1.28 --rm -it --restart=Never -- sh\nhostname\ncat /etc/resolv.conf\nexit 3\necho rc=$?\nkubectl get pod dns-test');
    const open = r.results[0];
    expect(open.stderr).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(open.stdout).toBe('');
    expect(r.results[1]).toMatchObject({ prompt: '/ # ', stdout: 'dns-test\n' });
    expect(r.results[2].stdout).toContain('nameserver 10.96.0.10\n');
    const exit = r.results[3];
    expect(exit.prompt).toBe('/ # ');
    expect(exit.stdout).toBe('pod "dns-test" deleted\n');
    expect(exit.stderr).toBe('pod default/dns-test terminated (Error)\n');
    expect(exit.exit).toBe(3);
    expect(r.results[4]).toMatchObject({ prompt: 'root@playground:~# ', stdout: 'rc=3\n' });
    expect(r.results[5].stderr).toBe('Error from server (NotFound): pods "dns-test" not found\n');
  });

  it('with the default restart policy (Always): the reattach hint, and the container restarts', async () => {
    const r = await run('kubectl run -it keep --image=busybox -- sh\nexit\nsleep 5\nkubectl get pod keep');
    expect(r.results[0].stdout).toBe('');
    expect(r.results[1].stdout).toBe("Session ended, resume using 'kubectl attach keep -c keep -i -t' command when the pod is running\n");
    expect(r.results[1].exit).toBe(0);
    expect(r.results[3].stdout).toMatch(/^keep +1\/1 +Running +1 \(\d+s ago\)/m);
    const pod = r.sim.store.get<Pod>('Pod', 'default', 'keep')!;
    expect(pod.spec.containers[0]).toMatchObject({ stdin: true, stdinOnce: true, tty: true });
  });

  it('-i without -t streams a running command’s output and returns its status', async () => {
    const r = await run(`kubectl run -i --rm t3 --image=busybox --restart=Never -- sh -c 'echo hi; sleep 2; echo bye; exit 4'`);
    const t3 = r.results[0];
    expect(t3.combined).toBe("If you don't see a command prompt, try pressing enter.\nhi\nbye\npod \"t3\" deleted\npod default/t3 terminated (Error)\n");
    expect(t3.exit).toBe(4);
  });

  it('prints no `pod/NAME created` when attaching, and -q keeps kubectl quiet', async () => {
    const r = await run('kubectl run -i -q --rm q1 --image=busybox --restart=Never -- sh -c "sleep 1; echo done"');
    expect(r.results[0]).toMatchObject({ stdout: 'done\n', stderr: '', exit: 0 });
  });
});

describe('kubectl run --expose', () => {
  it('creates a ClusterIP Service selecting the pod, printed before the pod', async () => {
    const r = await run('kubectl run web --image=nginx --port=80 --expose\nkubectl run x --image=nginx --expose');
    expect(r.results[0]).toMatchObject({ stdout: 'service/web created\npod/web created\n', exit: 0 });
    const svc = r.sim.store.get<Service>('Service', 'default', 'web')!;
    expect(svc.spec).toMatchObject({ type: 'ClusterIP', selector: { run: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] });
    expect(r.results[1]).toMatchObject({ stderr: "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n", exit: 1 });
  });

  it('names the namespace given by -n in a client dry run', async () => {
    const r = await run('kubectl run y --image=nginx -n shop --dry-run=client -o yaml\nkubectl config set-context --current --namespace=kube-public\nkubectl run z --image=nginx --dry-run=client -o yaml');
    expect(r.results[0].stdout).toContain('  name: "y"\n  namespace: shop\nspec:');
    expect(r.results[2].stdout).not.toContain('namespace:');
  });
});

describe('kubectl exec -it: the pod shell and its exit status', () => {
  const BB = 'kubectl run bb --image=busybox:1.28 -- sleep 3600\nkubectl run ng --image=nginx\nsleep 20';

  it('`exit 3` prints kubectl’s message and leaves $?=3; && and || see it', async () => {
    const r = await run(`${BB}\nkubectl exec -it bb -- sh\nexit 3\necho rc=$?\nkubectl exec -it bb -- sh && echo ok || echo failed $?\nexit 5\nkubectl exec -it bb -- sh && echo ok\nexit`);
    const steps = r.results.slice(3);
    expect(steps[0]).toMatchObject({ stdout: '', stderr: '', exit: 0 });
    expect(steps[1]).toMatchObject({ prompt: '/ # ', stderr: 'command terminated with exit code 3\n', exit: 3 });
    expect(steps[2]).toMatchObject({ prompt: 'root@playground:~# ', stdout: 'rc=3\n' });
    expect(steps[3].stdout).toBe('');
    expect(steps[4]).toMatchObject({ stdout: 'failed 5\n', stderr: 'command terminated with exit code 5\n', exit: 0 });
    expect(steps[6]).toMatchObject({ stdout: 'ok\n', stderr: '', exit: 0 });
    expect(r.session.location).toEqual({ kind: 'host' });
  });

  it('opens the shell for `bash -il`, `sh -l`, `/bin/sh`, `/bin/busybox sh`', async () => {
    const r = await run(`${BB}\nkubectl exec -it ng -- bash -il\nexit\nkubectl exec -it bb -- sh -l\nexit\nkubectl exec -it bb -- /bin/sh\nexit\nkubectl exec -it bb -- /bin/busybox sh\nhostname\nexit`);
    const after = (cmd: string) => r.results[r.results.findIndex((x) => x.cmd === cmd) + 1];
    expect(after('kubectl exec -it ng -- bash -il').prompt).toBe('root@ng:/# ');
    expect(after('kubectl exec -it bb -- sh -l').prompt).toBe('/ # ');
    expect(after('kubectl exec -it bb -- /bin/sh').prompt).toBe('/ # ');
    expect(after('kubectl exec -it bb -- /bin/busybox sh')).toMatchObject({ prompt: '/ # ', stdout: 'bb\n' });
    expect(r.session.location).toEqual({ kind: 'host' });
  });

  it('usage errors as kubectl v1.32 prints them', async () => {
    const r = await run('kubectl exec\nkubectl exec -it\nkubectl exec -c bb\nkubectl logs a b c');
    for (const s of r.results.slice(0, 3)) expect(s).toMatchObject({ stderr: 'error: pod, type/name or --filename must be specified\n', exit: 1 });
    expect(r.results[3].stderr).toBe("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
  });

  it('docker exec -it returns the node shell’s exit status', async () => {
    const r = await run('docker exec -it kind-worker bash\nexit 3\necho rc=$?');
    expect(r.results[1].exit).toBe(3);
    expect(r.results[2].stdout).toBe('rc=3\n');
  });
});

describe('exec and logs through a Service, Deployment or ReplicaSet', () => {
  it('pick a running, ready pod of the selector before one that is not', async () => {
    // `aaa` sorts first by name and matches the selector, but its image never pulls (Pending).
    const r = await run(`${WEB}\nkubectl run aaa --image=nginx:0.0.0-nosuch -l app=web\nsleep 5\nkubectl exec svc/web -- hostname\nkubectl logs svc/web --tail=1\nkubectl exec deploy/web -- hostname\nkubectl exec svc/nope -- hostname`);
    const host = r.step('kubectl exec svc/web -- hostname');
    expect(host.stdout).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    const logs = r.step('kubectl logs svc/web --tail=1');
    expect(logs.stderr).toMatch(/^Found 3 pods, using pod\/web-/);
    expect(r.step('kubectl exec deploy/web -- hostname').stdout).toBe(host.stdout);
    expect(r.step('kubectl exec svc/nope -- hostname').stderr).toBe('Error from server (NotFound): services "nope" not found\n');
  });

  it('a Service without a selector has no pod to attach to', async () => {
    const ext = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ext\nspec:\n  ports:\n  - port: 5432\n';
    const r = await run('kubectl apply -f ext.yaml\nkubectl exec svc/ext -- ls\nkubectl logs svc/ext', [{ path: '/root/ext.yaml', content: ext }]);
    expect(r.results[1].stderr).toBe("error: cannot attach to *v1.Service: invalid service 'ext': Service is defined without a selector\n");
    expect(r.results[2].stderr).toBe("error: cannot get the logs from *v1.Service: invalid service 'ext': Service is defined without a selector\n");
  });

  it('waits for a pod to appear, then times out as kubectl does', async () => {
    const r = await run('kubectl create service clusterip lonely --tcp=80\nkubectl exec svc/lonely -- ls\nkubectl logs svc/lonely');
    expect(r.results[1].stderr).toBe('error: timed out waiting for the condition\n');
    expect(r.results[2].stderr).toBe('error: timed out waiting for the condition\n');
  });
});

describe('kubectl logs -p', () => {
  it('shows the previous instance after a restart, and refuses only when there was none', async () => {
    const r = await run(`kubectl run cl --image=busybox -- sh -c 'echo run; sleep 2; exit 1'\nkubectl run ok --image=busybox -- sleep 3600\nsleep 20\nkubectl logs cl -p\nkubectl logs ok -p\nkubectl run quiet --image=busybox\nsleep 20\nkubectl logs quiet -p`);
    expect(r.step('kubectl logs cl -p')).toMatchObject({ stdout: 'run\n', exit: 0 });
    expect(r.step('kubectl logs ok -p')).toMatchObject({ stderr: 'Error from server (BadRequest): previous terminated container "ok" in pod "ok" not found\n', exit: 1 });
    // `sh` with no stdin exits at once without a word: its previous log is empty, not missing.
    expect(r.step('kubectl logs quiet -p')).toMatchObject({ stdout: '', stderr: '', exit: 0 });
  });
});
