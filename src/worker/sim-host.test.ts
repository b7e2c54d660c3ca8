// SimHost on the real engine, in virtual mode (no real waiting), called the way
// comlink calls it, with timers driven by hand.

import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, OutputChunk, TerminalEffect } from './protocol';
import { SimHost } from './sim-host';

function manualTimers() {
  let t = 0;
  const timeouts: { at: number; cb: () => void }[] = [];
  const intervals: { every: number; next: number; cb: () => void }[] = [];
  return {
    timers: {
      now: () => t,
      setTimeout: (cb: () => void, ms: number) => timeouts.push({ at: t + ms, cb }),
      clearTimeout: () => {},
      setInterval: (cb: () => void, ms: number) => intervals.push({ every: ms, next: t + ms, cb }),
      clearInterval: () => {},
    },
    /** Run every timeout that is due after moving `ms` forward. */
    advance(ms: number) {
      t += ms;
      for (const due of timeouts.filter((x) => x.at <= t)) {
        timeouts.splice(timeouts.indexOf(due), 1);
        due.cb();
      }
    },
  };
}

async function run(host: SimHost, line: string) {
  const events: (OutputChunk | TerminalEffect)[] = [];
  const result = await host.exec(
    line,
    (c) => events.push(c),
    (e) => events.push(e),
  );
  const text = events.map((e) => ('text' in e ? e.text : `<${e.type}>`)).join('');
  return { ...result, text, events };
}

describe('SimHost', () => {
  it('runs shell lines on a fresh cluster and returns exit status and prompt', async () => {
    const { timers } = manualTimers();
    const host = new SimHost({ mode: 'virtual', timers });
    const { prompt } = await host.init({});
    expect(prompt).toMatch(/\S[#$] $/);
    const nodes = await run(host, 'kubectl get nodes');
    expect(nodes.exit).toBe(0);
    expect(nodes.prompt).toBe(prompt);
    expect(nodes.text.split('\n').map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual(
      expect.arrayContaining(['kind-control-plane Ready', 'kind-worker Ready', 'kind-worker2 Ready']),
    );
    const bad = await run(host, 'kubectl get nosuchthing');
    expect(bad.exit).not.toBe(0);
    expect(bad.events.some((e) => 'stream' in e && e.stream === 'stderr')).toBe(true);
  });

  it('keeps output and the clear effect in order', async () => {
    const { timers } = manualTimers();
    const host = new SimHost({ mode: 'virtual', timers });
    await host.init({});
    const r = await run(host, 'echo one; clear; echo two');
    expect(r.text).toBe('one\n<clear>two\n');
  });

  it('lists, writes and deletes the learner files in /root', async () => {
    const { timers } = manualTimers();
    const host = new SimHost({ mode: 'virtual', timers });
    await host.init({});
    await host.writeFile('/root/labs/web-svc.yaml', 'kind: Service\n');
    expect(await host.listFiles()).toContainEqual({ path: '/root/labs/web-svc.yaml', content: 'kind: Service\n' });
    expect((await run(host, 'cat labs/web-svc.yaml')).text).toBe('kind: Service\n');
    await run(host, "echo 'a: 1' > made-in-shell.yaml");
    expect((await host.listFiles()).map((f) => f.path)).toContain('/root/made-in-shell.yaml');
    await host.deleteFile('/root/labs/web-svc.yaml');
    expect((await host.listFiles()).map((f) => f.path)).not.toContain('/root/labs/web-svc.yaml');
    expect((await host.listFiles()).every((f) => f.path.startsWith('/root/'))).toBe(true);
  });

  it('pushes snapshots at most once per interval, and only for new versions', async () => {
    const clock = manualTimers();
    const host = new SimHost({ mode: 'virtual', timers: clock.timers, snapshotIntervalMs: 50 });
    await host.init({});
    const got: ClusterSnapshot[] = [];
    await host.subscribe((s) => got.push(s));
    clock.advance(0);
    expect(got).toHaveLength(1);
    expect(got[0].nodes.map((n) => n.name).sort()).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    await run(host, 'kubectl create deployment web --image=nginx --replicas=2');
    await run(host, 'kubectl expose deployment web --port=80 --type=NodePort');
    clock.advance(10);
    expect(got).toHaveLength(1);
    clock.advance(50);
    expect(got).toHaveLength(2);
    expect(got[1].version).toBeGreaterThan(got[0].version);
    expect(got[1].services.map((s) => s.name)).toContain('web');
    clock.advance(500);
    expect(got).toHaveLength(2);
  });

  it('ends subscriptions at init, so a new cluster starts a new stream', async () => {
    const clock = manualTimers();
    const host = new SimHost({ mode: 'virtual', timers: clock.timers });
    await host.init({});
    const old: ClusterSnapshot[] = [];
    await host.subscribe((s) => old.push(s));
    clock.advance(100);
    await host.init({});
    await run(host, 'kubectl create deployment web --image=nginx');
    clock.advance(100);
    expect(old).toHaveLength(1);
  });

  it('opens vi and kubectl edit in the page editor in real-time mode, and reads their files back', async () => {
    const host = new SimHost({ mode: 'realtime', timers: manualTimers().timers });
    await host.init({});
    const editing = (line: string) => {
      const effects: TerminalEffect[] = [];
      let text = '';
      let opened!: (path: string) => void;
      const edit = new Promise<string>((r) => (opened = r));
      const done = host.exec(
        line,
        (c) => (text += c.text),
        (e) => {
          effects.push(e);
          if (e.type === 'edit') opened(e.path);
        },
      );
      // A command that ends without opening the editor fails the test at once, with what it printed.
      const finishedFirst = done.then(() => Promise.reject(new Error(`${line} ended without an edit effect: ${text}`)));
      return { edit: Promise.race([edit, finishedFirst]), done, output: () => text };
    };

    // Through a pipeline, so the editor must survive the derived subshell context.
    const vi = editing('vi notes.txt | cat');
    const notes = await vi.edit;
    expect(notes).toBe('/root/notes.txt');
    await host.writeFile(notes, 'hello\n');
    await host.finishEdit(notes, true);
    expect((await vi.done).exit).toBe(0);
    expect(await host.readFile('/root/notes.txt')).toBe('hello\n');

    await run(host, 'kubectl create service clusterip web --tcp=80');
    const edit = editing('kubectl edit svc web');
    const tmp = await edit.edit;
    expect(tmp.startsWith('/tmp/')).toBe(true);
    const yaml = (await host.readFile(tmp))!;
    expect(yaml).toContain('kind: Service');
    await host.writeFile(tmp, yaml.replace('type: ClusterIP', 'type: NodePort'));
    await host.finishEdit(tmp, true);
    expect((await edit.done).exit).toBe(0);
    expect(edit.output()).toBe('service/web edited\n');
    expect((await run(host, 'kubectl get svc web -o jsonpath={.spec.type}')).text).toBe('NodePort');
    expect(await host.readFile('/nonexistent')).toBeNull();
  });

  it('refuses calls before init with a clear error', async () => {
    const host = new SimHost({ mode: 'virtual', timers: manualTimers().timers });
    await expect(host.prompt()).rejects.toThrow(/init\(\)/);
  });
});
