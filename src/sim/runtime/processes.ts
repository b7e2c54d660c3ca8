// The main processes of containers whose pod gives them a command line
// (`sh -c 'while true; do echo hi; sleep 5; done'`, `sleep 3600`): the shell
// layer runs the line with the same interpreter `kubectl exec` uses, and this
// module gives that run its place in virtual time.
//
// A process has its own time, never ahead of the clock. Commands take no time;
// `sleep` (and every other wait: ping's interval, wget's timeout) moves the
// process's time on: at once while the process is behind the clock, else on a
// clock timer. Time only moves when the clock does, so a loop never spins or
// blocks: it runs on until its next sleep, then waits for the clock. What it
// writes is stamped with its own time, so its log is right however the clock
// was advanced (the headless terminal stops the clock whenever a process wakes
// up; the browser's ticker lets processes catch up in steps of 100 ms).
//
// A loop that never sleeps (`while true; do echo x; done`) is charged CPU time
// after a while, so it cannot starve everything else.
//
// Nothing here costs anything for containers without a process: no timers,
// no per-tick work.

import type { LogStream } from '../apps/types';
import type { Timer } from '../core/clock';
import type { Clock } from './clock-like';

/** What the shell layer is told about a process to run. */
export interface ProcessLaunch {
  namespace: string;
  pod: string;
  container: string;
  /** The command line as the runtime computes it (command + args, or the image's entrypoint + cmd). */
  argv: readonly string[];
}

/** What a running process can do with the world outside its shell. */
export interface ProcessHost {
  /** The process's own virtual time, in ms (never ahead of the clock). */
  now(): number;
  /** Let `ms` pass for this process: at once while it is behind the clock, else on the clock. */
  sleep(ms: number): Promise<void>;
  /** One step of its shell (a command, a loop iteration): busy loops are charged CPU time here. */
  step(): Promise<void> | undefined;
  /** Output to the container's log (stdout or stderr), split into lines. */
  write(stream: LogStream, text: string): void;
  /** The process ended with this status (the kubelet decides what happens next). */
  exit(status: number): void;
  /** Killed (the container stopped or restarted): it must not go on. */
  readonly killed: boolean;
}

/**
 * Runs container processes: returns a starter when it can run the launch's
 * program (the image has it), undefined when it cannot (the runtime then
 * falls back to what it knows of the program).
 */
export type ProcessRunner = (sim: unknown, launch: ProcessLaunch) => ((host: ProcessHost) => void) | undefined;

let runner: ProcessRunner | undefined;

/** The shell layer registers the runner (src/shell/container-process.ts). */
export function setProcessRunner(r: ProcessRunner | undefined): void {
  runner = r;
}

export function processRunner(): ProcessRunner | undefined {
  return runner;
}

/** Steps a process may take between two waits before it is charged CPU time. */
const FREE_STEPS = 1000;
/** Then every CHARGE_EVERY steps cost CHARGE_MS: about a millisecond per step. */
const CHARGE_EVERY = 10;
const CHARGE_MS = 10;

const NEVER = new Promise<void>(() => {});

interface ProcessEvents {
  log(stream: LogStream, line: string, at: number): void;
  exit(status: number, at: number): void;
}

/** Every process of the runtime, and whether any of them is ready to run right now. */
export class ProcessTable {
  private runnable = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly clock: Clock) {}

  /** Is some process ready to run (woken by the clock, or started, and not yet waiting again)? */
  get busy(): boolean {
    return this.runnable > 0;
  }

  /** Resolves once every process waits for the clock (or has ended). */
  idle(): Promise<void> {
    if (this.runnable === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  spawn(events: ProcessEvents): ContainerProcess {
    return new ContainerProcess(this, this.clock, events);
  }

  /** @internal */
  wake(): void {
    this.runnable++;
  }

  /** @internal */
  sleepOne(): void {
    if (--this.runnable > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

export class ContainerProcess implements ProcessHost {
  private time: number;
  private state: 'runnable' | 'waiting' | 'dead' = 'runnable';
  private timer?: Timer;
  private steps = 0;
  private readonly partial: Record<LogStream, string> = { stdout: '', stderr: '' };

  constructor(
    private readonly table: ProcessTable,
    private readonly clock: Clock,
    private readonly events: ProcessEvents,
  ) {
    this.time = clock.now();
    table.wake();
  }

  get killed(): boolean {
    return this.state === 'dead';
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    this.steps = 0;
    return this.until(this.time + Math.max(0, Math.round(ms)));
  }

  step(): Promise<void> | undefined {
    if (this.state === 'dead') return NEVER;
    if (++this.steps <= FREE_STEPS || this.steps % CHARGE_EVERY !== 0) return undefined;
    return this.until(this.time + CHARGE_MS);
  }

  write(stream: LogStream, text: string): void {
    if (this.state === 'dead' || text === '') return;
    const lines = (this.partial[stream] + text).split('\n');
    this.partial[stream] = lines.pop()!;
    for (const line of lines) this.events.log(stream, line, this.time);
  }

  exit(status: number): void {
    if (this.state === 'dead') return;
    this.flush();
    this.end();
    this.events.exit(status, this.time);
  }

  /** SIGKILL: the container stopped or restarted. Nothing more is written or reported. */
  kill(): void {
    if (this.state === 'dead') return;
    this.flush();
    this.end();
  }

  private end(): void {
    if (this.state === 'runnable') this.table.sleepOne();
    if (this.timer) this.timer.cancelled = true;
    this.timer = undefined;
    this.state = 'dead';
  }

  /** A last line without its newline still reaches the log. */
  private flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.partial[stream] !== '') this.events.log(stream, this.partial[stream], this.time);
      this.partial[stream] = '';
    }
  }

  private until(at: number): Promise<void> {
    if (this.state === 'dead') return NEVER;
    if (at === Infinity) {
      // `sleep infinity`: waits until killed, with no timer at all.
      this.state = 'waiting';
      this.table.sleepOne();
      return NEVER;
    }
    if (at <= this.clock.now()) {
      // Behind the clock: catch up without waiting.
      this.time = at;
      return Promise.resolve();
    }
    this.state = 'waiting';
    this.table.sleepOne();
    return new Promise<void>((resolve) => {
      this.timer = this.clock.after(at - this.clock.now(), () => {
        this.timer = undefined;
        if (this.state !== 'waiting') return;
        this.state = 'runnable';
        this.table.wake();
        this.time = at;
        resolve();
      });
    });
  }
}
