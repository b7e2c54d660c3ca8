// What the interpreter tells a command beyond the Command contract in
// ../types.ts, carried as optional extra properties (so any CommandIO or
// ExecContext still works): whether stdout is the terminal, how wide it is,
// and the shell itself (for `type`, `which`, `help`, and `xargs` / `env CMD`,
// which look a command up and run it with their own not-found messages).

import type { Command, CommandIO, ExecContext } from '../types';
import type { VirtualFs } from '../fs/vfs';
import type { ShellFlavour } from '../parse/errors';

export interface ShellIO extends CommandIO {
  /** stdout is the terminal itself (not a pipe, a file or a capture). */
  readonly isTTY?: boolean;
  /** Terminal width in columns, when stdout is the terminal. */
  readonly columns?: number;
  /** stdin comes from a regular file (`cmd < file`), not a pipe: wc pads differently. */
  readonly stdinIsFile?: boolean;
}

export interface ShellRuntime {
  readonly flavour: ShellFlavour;
  /** The command a name runs here (shell builtins included), if any. */
  lookup(name: string): Command | undefined;
  /** Names the interpreter handles itself (`break`, `exit`, `eval`, `.`...). */
  isSpecialBuiltin(name: string): boolean;
  /** Every command name available here, when the host gave a list. */
  commandNames(): string[];
}

export interface ShellExecContext extends ExecContext {
  readonly shell?: ShellRuntime;
}

export function shellOf(ctx: ExecContext): ShellRuntime | undefined {
  return (ctx as ShellExecContext).shell;
}

export function isTty(io: CommandIO): boolean {
  return (io as ShellIO).isTTY === true;
}

/** Output width for column layouts: the terminal's, else $COLUMNS, else 80. */
export function terminalColumns(io: CommandIO, env: Map<string, string>): number {
  const fromIo = (io as ShellIO).columns;
  if (fromIo !== undefined && fromIo > 0) return fromIo;
  const fromEnv = Number(env.get('COLUMNS'));
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80;
}

/** The shell's working directory: $PWD (which `cd` maintains), else $HOME, else `/`. */
export function cwdOf(ctx: Pick<ExecContext, 'env'>): string {
  return ctx.env.get('PWD') ?? ctx.env.get('HOME') ?? '/';
}

/** An ExecContext for one command: same session, its own file-system view, env and shell. */
export function deriveContext(
  base: ExecContext,
  over: { fs: VirtualFs; env: Map<string, string>; shell: ShellRuntime },
): ShellExecContext {
  return {
    get sim() {
      return base.sim;
    },
    get location() {
      return base.location;
    },
    fs: over.fs,
    env: over.env,
    get signal() {
      return base.signal;
    },
    sleep: (ms) => base.sleep(ms),
    get realtime() {
      return base.realtime;
    },
    runLine: (line, io, location) => base.runLine(line, io, location),
    clearScreen: () => base.clearScreen(),
    // Subshells and pipelines keep the terminal's editor (vi, kubectl edit).
    editFile: base.editFile ? (path) => base.editFile!(path) : undefined,
    enter: (location) => base.enter(location),
    exit: () => base.exit(),
    get history() {
      return base.history;
    },
    get process() {
      return base.process;
    },
    shell: over.shell,
  };
}
