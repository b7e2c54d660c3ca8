// One terminal: the learner's shell on the host, and the node or pod shells
// they step into (`docker exec -it`, `kubectl exec -it`), with history, the
// prompt, Ctrl-C, completion and the continuation rules for multi-line input.
// The browser worker and the headless CLI both drive this class.

import type { Simulation } from '../sim/simulation';
import type { Command, CommandIO, ExecContext, Location } from './types';
import type { Completion, OutputChunk, TerminalEffect } from '../worker/protocol';
import { Interpreter } from './interp';
import { isIncomplete } from './parse';
import { commandsFor, flavourFor, fsFor, locationEnv, promptFor } from './locations';
import { complete } from './completion';
// The network commands (curl, docker, iptables, ip, nslookup, ping...) register themselves per location.
import './net/register';
// Containers whose pod gives a command line run it in their own shell.
import './container-process';
import { browserRequest, type BrowserRequest, type BrowserResult, type CookieJar } from './net/browser';

export interface SessionOptions {
  /**
   * `realtime`: virtual time follows real time (the worker advances it) and
   * `sleep` waits for real. `virtual`: waiting advances the virtual clock at once.
   */
  mode: 'realtime' | 'virtual';
}

interface Frame {
  location: Location;
  env: Map<string, string>;
  interpreter: Interpreter;
  /** A nested shell: learns its exit status when its `exit` pops it (`enter`'s promise). */
  closed?: (status: number) => void;
  /** A nested shell: the line of the shell below that opened it, suspended until this shell exits. */
  opener?: { frame: Frame; line: Promise<number> };
}

/** What a terminal line ran, for share links and lab checks. */
export interface InputRecord {
  /** Virtual time when the line started. */
  at: number;
  line: string;
  /** Where it ran (`host`, `node:kind-worker2`, `pod:default/vote-x`). */
  where: string;
  exit: number;
}

export class TerminalSession {
  private readonly frames: Frame[];
  readonly history: string[] = [];
  readonly inputs: InputRecord[] = [];
  private cancel = { cancelled: false };
  private effect: (e: TerminalEffect) => void = () => {};
  /** Where output goes: the terminal line being run now (a suspended line writes to the one that resumed it). */
  private output: (chunk: OutputChunk) => void = () => {};
  /** Told when a command opens a nested shell while a line is being driven. */
  private entered?: (frame: Frame) => void;
  /** The terminal's width (the UI reports it; `ls` and `watch` lay out for it). */
  columns = 80;
  /** Files open in the visual editor, waiting for the learner (browser only). */
  private readonly edits = new Map<string, (r: 'saved' | 'cancelled') => void>();

  /** The in-app browser's cookies (per host:port), for this terminal's cluster. */
  private readonly cookies: CookieJar = new Map();

  /** A request from the in-app browser, made from the learner's host. */
  browse(req: BrowserRequest): BrowserResult {
    const result = browserRequest(this.context(this.frames[0], { kind: 'host' }), req, this.cookies);
    this.sim.settle();
    return result;
  }

  /** The UI says the learner is done with a file opened for editing. */
  finishEdit(path: string, saved: boolean): void {
    const done = this.edits.get(path);
    this.edits.delete(path);
    done?.(saved ? 'saved' : 'cancelled');
  }

  constructor(
    readonly sim: Simulation,
    private readonly opts: SessionOptions,
  ) {
    this.frames = [this.frame({ kind: 'host' })];
  }

  private frame(location: Location): Frame {
    const flavour = flavourFor(location);
    const interpreter = new Interpreter((name, ctx) => commandsFor(ctx.location, this.sim)[name], flavour, {
      listCommands: (ctx) => Object.keys(commandsFor(ctx.location, this.sim)).sort(),
    });
    return { location, env: locationEnv(location, this.sim), interpreter };
  }

  private get top(): Frame {
    return this.frames[this.frames.length - 1];
  }

  get location(): Location {
    return this.top.location;
  }

  prompt(): string {
    return promptFor(this.top.location, this.top.env);
  }

  isIncomplete(text: string): boolean {
    return isIncomplete(text, flavourFor(this.top.location));
  }

  /** Is the shell a nested one (a node or pod shell), where Ctrl-D means `exit`? */
  get nested(): boolean {
    return this.frames.length > 1;
  }

  /** Ctrl-C: the running command stops at its next check. */
  interrupt(): void {
    this.cancel.cancelled = true;
    // A command waiting for the editor gives up too.
    for (const path of [...this.edits.keys()]) this.finishEdit(path, false);
  }

  complete(line: string): Completion {
    return complete(line, this.top.location, this.sim, this.top.env, this.history);
  }

  /**
   * Run one line as if typed at the prompt. Resolves to the exit status.
   *
   * A command that opens a nested shell (`kubectl exec -it`, `kubectl run -it`,
   * `docker exec -it`) moves the prompt there at once: this resolves, while the
   * rest of the line waits, suspended, for that shell to exit. The `exit` line
   * then resumes it (the command prints its last words and returns the shell's
   * status, `&&` and `$?` see it) and resolves with the status of the resumed line.
   */
  async run(line: string, onOutput: (chunk: OutputChunk) => void, onEffect: (e: TerminalEffect) => void = () => {}): Promise<number> {
    this.cancel = { cancelled: false };
    this.effect = onEffect;
    this.output = onOutput;
    if (line.trim() !== '') this.history.push(line);
    const frame = this.top;
    const at = this.sim.now();
    const io: CommandIO = {
      stdin: '',
      stdout: (text) => this.output({ stream: 'stdout', text }),
      stderr: (text) => this.output({ stream: 'stderr', text }),
      isTTY: true,
      columns: this.columns,
    };
    let exit: number;
    // Container processes that woke up run first: the line sees their output (`kubectl logs`).
    await this.sim.runtime.apps.idle();
    try {
      exit = await this.drive(frame, frame.interpreter.run(line, io, this.context(frame)));
    } finally {
      this.sim.settle();
    }
    await this.sim.runtime.apps.idle();
    this.inputs.push({ at, line, where: whereOf(frame.location), exit });
    return exit;
  }

  /**
   * Wait for a line running in `frame`: until it ends, or until it opens a
   * nested shell (the line then waits in that shell's frame for its exit). A
   * line that exits its shell hands the status to the line that opened the
   * shell, which goes on; this waits for that one in turn.
   */
  private async drive(frame: Frame, line: Promise<number>): Promise<number> {
    for (;;) {
      const opened = new Promise<Frame>((resolve) => (this.entered = resolve));
      const r = await Promise.race([line.then((status) => ({ status, nested: undefined })), opened.then((nested) => ({ status: 0, nested }))]);
      this.entered = undefined;
      if (r.nested) {
        r.nested.opener = { frame, line };
        return 0;
      }
      if (this.frames.includes(frame)) return r.status;
      // The line left its shell (`exit`): whoever opened the shell learns the status, and its line goes on.
      frame.closed?.(r.status);
      if (!frame.opener) return r.status;
      ({ frame, line } = frame.opener);
    }
  }

  /** The ExecContext commands see for a shell frame. */
  private context(frame: Frame, location: Location = frame.location): ExecContext {
    const session = this;
    const sim = this.sim;
    const ctx: ExecContext = {
      sim,
      location,
      fs: fsFor(location, sim),
      env: frame.env,
      // The current line's: a line suspended under a nested shell resumes under a later one.
      get signal() {
        return session.cancel;
      },
      realtime: this.opts.mode === 'realtime',
      history: this.history,
      sleep: (ms) => session.sleep(ms),
      runLine: async (line: string, io: CommandIO, where?: Location) => {
        const target = where && whereOf(where) !== whereOf(frame.location) ? session.frame(where) : frame;
        return target.interpreter.run(line, io, session.context(target), { nested: true });
      },
      clearScreen: () => session.effect({ type: 'clear' }),
      ...(this.opts.mode === 'realtime'
        ? {
            editFile: (path: string) =>
              new Promise<'saved' | 'cancelled'>((resolve) => {
                session.edits.set(path, resolve);
                session.effect({ type: 'edit', path });
              }),
          }
        : {}),
      enter: (loc: Location) => {
        const nested = session.frame(loc);
        const closed = new Promise<number>((resolve) => (nested.closed = resolve));
        session.frames.push(nested);
        session.entered?.(nested);
        return closed;
      },
      exit: () => {
        if (session.frames.length > 1) session.frames.pop();
      },
    };
    return ctx;
  }

  /** Wait `ms` of virtual time: at once in headless runs; in real time (interruptible) in the browser. */
  private async sleep(ms: number): Promise<void> {
    if (ms <= 0) return;
    if (this.opts.mode === 'virtual') {
      // Time stops whenever a container's process wakes up, so that it runs at its moment.
      const apps = this.sim.runtime.apps;
      const target = this.sim.now() + ms;
      await apps.idle();
      while (!this.sim.advanceUntil(target, () => apps.processes.busy)) await apps.idle();
      await apps.idle();
      return;
    }
    const end = Date.now() + ms;
    while (!this.cancel.cancelled && Date.now() < end) {
      await new Promise((r) => setTimeout(r, Math.min(100, end - Date.now())));
    }
  }
}

function whereOf(l: Location): string {
  return l.kind === 'host' ? 'host' : l.kind === 'node' ? `node:${l.node}` : `pod:${l.namespace}/${l.pod}/${l.container}`;
}

export type { Command };
