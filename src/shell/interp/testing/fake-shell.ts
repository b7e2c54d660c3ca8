// A shell for tests: a real VirtualFs and Interpreter, a fake simulation clock,
// and a context that records clears, exits and location switches.

import type { Command, CommandIO, ExecContext, Location } from '../../types';
import type { Simulation } from '../../../sim/simulation';
import { VirtualFs, type StoredFile } from '../../fs/vfs';
import type { ShellFlavour } from '../../parse/errors';
import { Interpreter } from '../interpreter';
import type { ShellIO } from '../context';

export interface FakeShellOptions {
  flavour?: ShellFlavour;
  commands: Record<string, Command>;
  files?: StoredFile[];
  env?: Record<string, string>;
  /** Virtual start time (ms since epoch). */
  now?: number;
  history?: string[];
}

export interface RunOutput {
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in the order they were written. */
  all: string;
  status: number;
}

export interface FakeShell {
  readonly ctx: ExecContext;
  readonly fs: VirtualFs;
  readonly env: Map<string, string>;
  readonly interpreter: Interpreter;
  readonly clears: number;
  readonly exits: number;
  readonly history: string[];
  now(): number;
  /** Ask running commands to stop (Ctrl-C). */
  cancel(): void;
  run(line: string, opts?: { stdin?: string; tty?: boolean; columns?: number }): Promise<RunOutput>;
}

export function fakeShell(options: FakeShellOptions): FakeShell {
  let now = options.now ?? Date.UTC(2026, 0, 12, 9, 0, 0);
  const fs = VirtualFs.fromFiles(options.files ?? [], { now: () => now });
  const env = new Map<string, string>([
    ['HOME', '/root'],
    ['PWD', '/root'],
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ...Object.entries(options.env ?? {}),
  ]);
  const signal = { cancelled: false };
  const history = options.history ?? [];
  const commands = options.commands;
  const interpreter = new Interpreter((name) => commands[name], options.flavour ?? 'bash', {
    listCommands: () => Object.keys(commands),
  });
  let clears = 0;
  let exits = 0;
  const sim = {
    now: () => now,
    clock: { now: () => now, nextDue: () => undefined },
    changeVersion: 0,
  } as unknown as Simulation;
  const ctx: ExecContext = {
    sim,
    location: { kind: 'host' } as Location,
    fs,
    env,
    signal,
    realtime: false,
    history,
    sleep: async (ms: number) => {
      now += ms;
    },
    runLine: (line: string, io: CommandIO) => interpreter.run(line, io, ctx, { nested: true }),
    clearScreen: () => {
      clears++;
    },
    enter: async () => 0,
    exit: () => {
      exits++;
    },
  };
  return {
    ctx,
    fs,
    env,
    interpreter,
    history,
    get clears() {
      return clears;
    },
    get exits() {
      return exits;
    },
    now: () => now,
    cancel: () => {
      signal.cancelled = true;
    },
    async run(line, opts = {}) {
      let stdout = '';
      let stderr = '';
      let all = '';
      const io: ShellIO = {
        stdin: opts.stdin ?? '',
        stdout: (t) => {
          stdout += t;
          all += t;
        },
        stderr: (t) => {
          stderr += t;
          all += t;
        },
        isTTY: opts.tty ?? false,
        columns: opts.columns,
      };
      const status = await interpreter.run(line, io, ctx);
      return { stdout, stderr, all, status };
    },
  };
}
