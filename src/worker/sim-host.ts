// The worker side of SimWorkerApi: owns the Simulation and the learner's shell
// session, keeps virtual time following real time, and pushes snapshots.
// Kept apart from sim.worker.ts so it can be driven directly in tests.

import * as Comlink from 'comlink';
import { Simulation } from '../sim/simulation';
import { TerminalSession } from '../shell/session';
import type { TraceRecord } from '../sim/runtime/traces';
import type { BrowserRequest, BrowserResult } from '../shell/net/browser';
import { OrderedSink } from './ordered-sink';
import type { ClusterSnapshot, Completion, ExecResult, FileEntry, OutputChunk, SimWorkerApi, TerminalEffect } from './protocol';
import { RealtimeClock, type Ticker } from './realtime-clock';
import { SnapshotPump, type Timers } from './snapshot-pump';

export const HOME = '/root';

export interface SimHostOptions {
  /** 'realtime' in the browser; 'virtual' runs sleeps instantly (tests). */
  mode: 'realtime' | 'virtual';
  timers: Timers & Ticker;
  snapshotIntervalMs?: number;
  tickMs?: number;
  /** Files the learner finds in /root on a fresh cluster. */
  starterFiles?: readonly { path: string; content: string }[];
}

interface World {
  sim: Simulation;
  session: TerminalSession;
  unsubscribe: () => void;
  /** Trace feeds of this cluster; they end with it. */
  traceSubscriptions: (() => void)[];
}

/** Free the MessagePort behind a comlink-proxied callback (a no-op for plain functions). */
function release(fn: unknown): void {
  if (typeof fn !== 'function') return;
  const releaser = (fn as unknown as Record<symbol, unknown>)[Comlink.releaseProxy];
  if (typeof releaser === 'function') (releaser as () => void)();
}

export class SimHost implements SimWorkerApi {
  private world: World | null = null;
  private readonly pump: SnapshotPump;
  private readonly clock: RealtimeClock;
  private readonly subscribers: ((s: ClusterSnapshot) => void)[] = [];
  private columns = 80;

  constructor(private readonly options: SimHostOptions) {
    this.pump = new SnapshotPump(() => this.current().sim.snapshot(), options.timers, options.snapshotIntervalMs ?? 50);
    this.clock = new RealtimeClock(options.timers, options.tickMs ?? 100);
  }

  /**
   * Start (or restart) a fresh cluster. Subscriptions belong to one cluster:
   * they end here, and the page subscribes again, so a snapshot of the old
   * cluster still in flight can never be mistaken for one of the new.
   */
  async init(options: { seed?: number }): Promise<{ prompt: string }> {
    this.dispose();
    const sim = new Simulation({ seed: options.seed });
    for (const f of this.options.starterFiles ?? []) sim.fs.write(f.path, f.content, { parents: true });
    const session = new TerminalSession(sim, { mode: this.options.mode });
    session.columns = this.columns;
    const unsubscribe = sim.onChange(() => this.pump.changed());
    this.world = { sim, session, unsubscribe, traceSubscriptions: [] };
    if (this.options.mode === 'realtime') {
      this.clock.start(sim, (err) => console.error('simulation tick failed', err));
    }
    this.pump.retarget(() => sim.snapshot());
    return { prompt: session.prompt() };
  }

  async exec(line: string, onOutput: (c: OutputChunk) => void, onEffect: (e: TerminalEffect) => void): Promise<ExecResult> {
    const { session } = this.current();
    const sink = new OrderedSink((item) => (item.kind === 'output' ? onOutput(item.chunk) : onEffect(item.effect)));
    try {
      const exit = await session.run(
        line,
        (c: OutputChunk) => sink.output(c),
        (e: TerminalEffect) => sink.effect(e),
      );
      return { exit, prompt: session.prompt(), nested: session.nested };
    } finally {
      await sink.flush();
      release(onOutput);
      release(onEffect);
    }
  }

  async browse(req: BrowserRequest): Promise<BrowserResult> {
    return this.current().session.browse(req);
  }

  async finishEdit(path: string, saved: boolean): Promise<void> {
    this.world?.session.finishEdit(path, saved);
  }

  async resize(columns: number): Promise<void> {
    this.columns = columns;
    if (this.world) this.world.session.columns = columns;
  }

  async interrupt(): Promise<void> {
    this.world?.session.interrupt();
  }

  async complete(line: string): Promise<Completion> {
    const c = this.current().session.complete(line);
    return { line: c.line, candidates: [...c.candidates] };
  }

  async isIncomplete(text: string): Promise<boolean> {
    return this.current().session.isIncomplete(text);
  }

  async prompt(): Promise<string> {
    return this.current().session.prompt();
  }

  async listFiles(): Promise<FileEntry[]> {
    return this.current()
      .sim.fs.snapshot()
      .filter((f) => f.path.startsWith(HOME + '/'))
      .map((f) => ({ path: f.path, content: f.content }));
  }

  async readFile(path: string): Promise<string | null> {
    return this.current().sim.fs.read(path) ?? null;
  }

  async writeFile(path: string, content: string): Promise<void> {
    this.current().sim.fs.write(path, content, { parents: true });
  }

  async deleteFile(path: string): Promise<void> {
    this.current().sim.fs.remove(path);
  }

  async snapshot(): Promise<ClusterSnapshot> {
    return this.current().sim.snapshot();
  }

  async subscribe(onSnapshot: (s: ClusterSnapshot) => void): Promise<void> {
    this.subscribers.push(onSnapshot);
    this.pump.subscribe(onSnapshot);
  }

  async subscribeTraces(onTrace: (t: TraceRecord) => void): Promise<void> {
    const world = this.current();
    const stop = world.sim.runtime.traces.subscribe((t) => onTrace(t));
    world.traceSubscriptions.push(() => {
      stop();
      release(onTrace);
    });
  }

  private current(): World {
    if (!this.world) throw new Error('simulation not started: call init() first');
    return this.world;
  }

  private dispose(): void {
    this.clock.stop();
    this.pump.stop();
    this.pump.clearSubscribers();
    for (const s of this.subscribers.splice(0)) release(s);
    this.world?.unsubscribe();
    for (const stop of this.world?.traceSubscriptions.splice(0) ?? []) stop();
    this.world?.session.interrupt();
    this.world = null;
  }
}
