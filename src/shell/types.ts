// The contract between the shell interpreter and every command it runs.
// A command is a function of (argv, io, ctx) returning an exit status, like a
// process: it reads stdin as text, writes stdout/stderr, and must never throw
// for user errors (it prints the real tool's message and returns non-zero).

import type { Simulation } from '../sim/simulation';
import type { VirtualFs } from './fs/vfs';

export interface CommandIO {
  /** The whole of stdin (pipes are buffered; a command sees all of its input at once). */
  readonly stdin: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** stdout is the terminal itself (not a pipe, a file or a capture): `ls` prints columns. */
  readonly isTTY?: boolean;
  /** The terminal's width in columns, when stdout is the terminal. */
  readonly columns?: number;
  /** stdin comes from a file redirect (`wc < file` pads like for a file). */
  readonly stdinIsFile?: boolean;
}

/** Where a shell runs: the learner's host, a kind node container, or a pod's container. */
export type Location =
  | { kind: 'host' }
  | { kind: 'node'; node: string; shell: 'sh' | 'bash' }
  | { kind: 'pod'; namespace: string; pod: string; container: string; shell: string };

/** Cooperative cancellation for long commands (Ctrl-C in the terminal). */
export interface CancelSignal {
  readonly cancelled: boolean;
}

export interface ExecContext {
  readonly sim: Simulation;
  readonly location: Location;
  /** Files visible where the command runs (the host's home holds the editor's files). */
  readonly fs: VirtualFs;
  /** Shell variables and exported environment ($HOME, $PATH...). */
  readonly env: Map<string, string>;
  readonly signal: CancelSignal;
  /**
   * Wait `ms` of virtual time. Headless runs advance the virtual clock at once;
   * the browser waits in real time while the clock follows it.
   */
  sleep(ms: number): Promise<void>;
  /**
   * True in the browser, where virtual time follows real time and watching
   * commands run until Ctrl-C. False in headless runs (CLI, tests): there,
   * watching commands end once nothing more is scheduled to happen.
   */
  readonly realtime: boolean;
  /** Run a command line in the same shell (used by `watch`, `sh -c`, `kubectl exec`). */
  runLine(line: string, io: CommandIO, location?: Location): Promise<number>;
  /** Ask the terminal to clear the screen (`clear`, Ctrl-L). */
  clearScreen(): void;
  /**
   * Open an interactive shell at another location (`docker exec -it`, `kubectl exec -it`, `kubectl run -it`):
   * the terminal's prompt moves there at once. Resolves with that shell's exit status when its `exit` leaves it;
   * a command that awaits it goes on then, as the process that held the terminal would.
   */
  enter(location: Location): Promise<number>;
  /** Leave the interactive shell (`exit`), back to the one that opened it. */
  exit(): void;
  /** Command history of this terminal session, oldest first. */
  readonly history: readonly string[];
  /**
   * Open a file of the host in the terminal's visual editor and wait until the
   * learner is done. Only where there is one (the browser); headless runs have none.
   */
  editFile?(path: string): Promise<'saved' | 'cancelled'>;
  /**
   * Set when the shell is a container's own process (its command line), not
   * a terminal: nothing interrupts its waits (they need no slicing), and each
   * step of its shell may cost virtual CPU time, so a loop that never sleeps
   * cannot spin forever (src/sim/runtime/processes.ts).
   */
  readonly process?: { step(): Promise<void> | undefined };
}

/** `argv[0]` is the command's own name, as a process sees it. */
export type Command = (argv: string[], io: CommandIO, ctx: ExecContext) => number | Promise<number>;
