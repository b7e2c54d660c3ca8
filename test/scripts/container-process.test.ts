// A container's command line runs in its own shell: its output is the
// container's log, its exit status ends it, its sleeps follow the virtual clock.

import { describe, expect, it } from 'vitest';
import { run } from './harness';
import { Simulation } from '../../src/sim/simulation';
import { TerminalSession } from '../../src/shell/session';
import type { Pod } from '../../src/sim/api/types';

const TWO = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: web
    image: nginx
  - name: side
    image: busybox
    command: ["sh","-c","while true; do echo hi; sleep 5; done"]
`;

function statusOf(r: Awaited<ReturnType<typeof run>>, name: string): string {
  const pods = r.step('kubectl get pods').stdout.split('\n');
  return pods.find((l) => l.startsWith(name + ' '))!.split(/\s+/)[2];
}

describe('a container runs its command line', () => {
  it('sh -c output reaches kubectl logs; exit 0 is Completed', async () => {
    const r = await run(
      [
        `kubectl run echo1 --image=busybox --restart=Never -- sh -c 'echo hello; env | grep KUBERNETES_SERVICE_HOST'`,
        'sleep 15',
        'kubectl get pods',
        'kubectl logs echo1',
      ].join('\n'),
    );
    expect(statusOf(r, 'echo1')).toBe('Completed');
    expect(r.step('kubectl logs echo1').stdout).toBe('hello\nKUBERNETES_SERVICE_HOST=10.96.0.1\n');
  });

  it('a sidecar loop logs every five seconds of virtual time', async () => {
    const r = await run(['kubectl apply -f two.yaml', 'sleep 30', 'kubectl logs two -c side --timestamps', 'kubectl logs two -c side --tail 2', 'kubectl get pods'].join('\n'), [
      { path: '/root/two.yaml', content: TWO },
    ]);
    const stamped = r.step('kubectl logs two -c side --timestamps').stdout.trim().split('\n');
    expect(stamped.length).toBeGreaterThanOrEqual(5);
    expect(stamped.every((l) => l.endsWith(' hi'))).toBe(true);
    const times = stamped.map((l) => Date.parse(l.split(' ')[0]));
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBe(5000);
    expect(r.step('kubectl logs two -c side --tail 2').stdout).toBe('hi\nhi\n');
    expect(statusOf(r, 'two')).toBe('Running');
  });

  it('the exit status decides: Error under Never, CrashLoopBackOff under Always; stderr is logged too', async () => {
    const r = await run(
      [
        `kubectl run once --image=busybox --restart=Never -- sh -c 'echo bad >&2; exit 3'`,
        `kubectl run again --image=busybox -- sh -c 'echo bad >&2; exit 3'`,
        `kubectl run missing --image=busybox --restart=Never -- cat /nonexist`,
        'sleep 40',
        'kubectl get pods',
        'kubectl logs once',
        'kubectl logs missing',
        `kubectl get pod once -o jsonpath='{.status.containerStatuses[0].state.terminated.exitCode}'`,
      ].join('\n'),
    );
    expect(statusOf(r, 'once')).toBe('Error');
    expect(statusOf(r, 'again')).toBe('CrashLoopBackOff');
    expect(statusOf(r, 'missing')).toBe('Error');
    expect(r.step('kubectl logs once').stdout).toBe('bad\n');
    expect(r.step('kubectl logs missing').stdout).toBe("cat: can't open '/nonexist': No such file or directory\n");
    expect(r.step(/exitCode/).stdout).toBe('3');
  });

  it('sleep 3600 runs for an hour; the date loop reads the virtual time', async () => {
    const r = await run(
      [
        `kubectl run nap --image=busybox --restart=Never -- sleep 3600`,
        `kubectl run clock --image=busybox -- sh -c 'while true; do date; sleep 5; done'`,
        'sleep 40',
        'kubectl get pods',
        'kubectl logs clock --tail 2',
      ].join('\n'),
    );
    expect(statusOf(r, 'nap')).toBe('Running');
    const [a, b] = r.step('kubectl logs clock --tail 2').stdout.trim().split('\n');
    expect(Date.parse(b) - Date.parse(a)).toBe(5000);
    expect(a).toMatch(/^Mon Jan 12 09:00:\d\d UTC 2026$/);
    const later = await run(`kubectl run nap --image=busybox --restart=Never -- sleep 3600\nsleep 3610\nkubectl get pods`);
    expect(statusOf(later, 'nap')).toBe('Completed');
  });

  it('what the process writes is in the container for kubectl exec, in its working directory', async () => {
    const r = await run(
      [
        `kubectl run w --image=busybox -- sh -c 'echo made > note; pwd > /tmp/where; sleep 3600'`,
        'sleep 10',
        'kubectl exec w -- cat note /tmp/where',
      ].join('\n'),
    );
    expect(r.step(/kubectl exec/).stdout).toBe('made\n/\n');
  });

  it("an official image's entrypoint script runs the command it is given; sleep infinity keeps a container up", async () => {
    const r = await run(
      [
        `kubectl run web --image=nginx --restart=Never -- sh -c 'cat /etc/os-release | head -1'`,
        `kubectl run forever --image=busybox -- sleep infinity`,
        'sleep 20',
        'kubectl get pods',
        'kubectl logs web',
      ].join('\n'),
    );
    expect(statusOf(r, 'web')).toBe('Completed');
    expect(r.step('kubectl logs web').stdout).toBe('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n');
    expect(statusOf(r, 'forever')).toBe('Running');
  });

  it('a loop that never sleeps does not hang the simulation', async () => {
    const r = await run([`kubectl run spin --image=busybox -- sh -c 'while true; do echo x; done'`, 'sleep 5', 'kubectl get pods', 'kubectl logs spin | wc -l'].join('\n'));
    expect(statusOf(r, 'spin')).toBe('Running');
    const lines = Number(r.step(/wc -l/).stdout.trim());
    expect(lines).toBeGreaterThan(1000);
    expect(lines).toBeLessThan(10_000);
  });

  it('is deterministic: the same script gives the same logs', async () => {
    const script = [`kubectl apply -f two.yaml`, `kubectl run c --image=busybox -- sh -c 'while true; do date; sleep 3; done'`, 'sleep 20', 'kubectl logs c --timestamps', 'kubectl logs two -c side --timestamps'].join('\n');
    const files = [{ path: '/root/two.yaml', content: TWO }];
    const a = await run(script, files);
    const b = await run(script, files);
    expect(a.results.map((x) => x.combined)).toEqual(b.results.map((x) => x.combined));
  });

  it('when the clock is advanced in one go (the browser ticker), the log is stamped as if it had run on time', async () => {
    const sim = new Simulation();
    const session = new TerminalSession(sim, { mode: 'virtual' });
    await session.run(`kubectl run tick --image=busybox -- sh -c 'while true; do echo t; sleep 2; done'`, () => {});
    sim.advance(20_000);
    await sim.runtime.apps.idle();
    const pod = sim.store.get<Pod>('Pod', 'default', 'tick')!;
    const lines = sim.runtime.logs.lines(pod.metadata.uid!, 'tick')!;
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (let i = 1; i < lines.length; i++) expect(lines[i].at - lines[i - 1].at).toBe(2000);
  });
  it('kubectl logs -f on a container that never stops ends after a virtual minute when headless', async () => {
    const r = await run(
      [
        `kubectl run loop --image=busybox -- sh -c 'while true; do echo hi; sleep 5; done'`,
        'sleep 10',
        'kubectl logs -f loop',
        'echo next',
      ].join('\n'),
    );
    const lines = r.step('kubectl logs -f loop').stdout.trimEnd().split('\n');
    // The lines already written, then about a minute of new ones (every 5 s), then the stream ends.
    expect(lines.every((l) => l === 'hi')).toBe(true);
    expect(lines.length).toBeGreaterThanOrEqual(12);
    expect(lines.length).toBeLessThanOrEqual(16);
    expect(r.step('echo next').stdout).toBe('next\n');
  });
});
