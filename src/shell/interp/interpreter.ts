// Runs parsed command lines: lists, `&&`/`||`, pipelines (buffered: each
// command's stdin is the whole stdout of the one before), redirections into the
// VFS, here-documents, expansions, loops and `$?`. The commands themselves come
// from a lookup, so one interpreter serves the host, node containers and pods.

import type { Command, CommandIO, ExecContext } from '../types';
import { FsError } from '../fs/vfs';
import { basename, dirname } from '../fs/path';
import type { CommandNode, Pipeline, Redirect, Script, SimpleCommand, Word } from '../parse/ast';
import { ShellSyntaxError, type ShellFlavour } from '../parse/errors';
import { parse } from '../parse/parser';
import { cwdOf, deriveContext, type ShellExecContext, type ShellIO, type ShellRuntime } from './context';
import { ExpansionError, Expander } from './expand';
import { BufferSink, FileSink, NULL_SINK, inIsFile, inText, outSink, type Endpoint, type FdTable, type OutSink } from './fds';
import * as msg from './messages';
import { copyEnv, exportVar, setVar, shellState } from './shell-state';

export type CommandLookup = (name: string, ctx: ExecContext) => Command | undefined;

export interface InterpreterOptions {
  /** Every command name available where this shell runs (for `help`). */
  listCommands?: (ctx: ExecContext) => string[];
}

export interface RunOptions {
  /**
   * A run inside another command (`sh -c`, `watch`): `exit` ends this run
   * instead of leaving the interactive shell.
   */
  nested?: boolean;
}

/** Builtins that need the interpreter itself rather than a Command. */
const SPECIAL_BUILTINS = new Set(['break', 'continue', 'exit', 'eval', '.', 'source', ':']);
/** Builtins whose `NAME=value` arguments are not split (bash's declaration commands). */
const DECLARATION_BUILTINS = new Set(['export', 'readonly', 'local', 'declare', 'typeset']);
/** Where a command given by path (`/usr/bin/grep`) may live for the lookup to find it by name. */
const BIN_DIRS = new Set(['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin']);
/** How many loop iterations or commands run between yields to the event loop (so Ctrl-C gets through). */
const YIELD_EVERY = 64;

interface Frame {
  env: Map<string, string>;
  fds: FdTable;
}

class LoopControl {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}

class ExitRequest {
  constructor(readonly status: number) {}
}

class Cancelled {}

/**
 * An expansion error (`${x:?}`, division by zero): the interactive shell drops
 * the rest of the command line, or the rest of the subshell it happened in.
 */
class AbortLine {
  constructor(readonly status: number) {}
}

class RedirectError {
  constructor(readonly text: string) {}
}

export class Interpreter {
  constructor(
    private readonly lookupCommand: CommandLookup,
    readonly flavour: ShellFlavour = 'bash',
    private readonly options: InterpreterOptions = {},
  ) {}

  /** Run a command line (one or more lines of text); resolves to its exit status, also kept as `$?`. */
  async run(line: string, io: CommandIO, ctx: ExecContext, options: RunOptions = {}): Promise<number> {
    const run = new Run(this.flavour, this.lookupCommand, this.options, io, ctx);
    let status: number;
    try {
      status = await run.text(line, run.baseFrame());
    } catch (e) {
      if (e instanceof ExitRequest) {
        status = e.status;
        if (!options.nested) {
          if (this.flavour === 'bash') io.stderr('exit\n');
          ctx.exit();
        }
      } else if (e instanceof Cancelled) {
        status = 130;
      } else if (e instanceof AbortLine) {
        status = e.status;
      } else {
        throw e;
      }
    }
    shellState(ctx.env).status = status;
    return status;
  }
}

/** One `run`: the state of executing a line. */
class Run {
  private loopDepth = 0;
  private steps = 0;
  /** Status of the last command substitution in the current simple command. */
  private substStatus: number | null = null;

  constructor(
    private readonly flavour: ShellFlavour,
    private readonly lookupCommand: CommandLookup,
    private readonly options: InterpreterOptions,
    private readonly io: CommandIO,
    private readonly ctx: ExecContext,
  ) {}

  baseFrame(): Frame {
    const tty = (this.io as ShellIO).isTTY === true;
    const fds = new Map<number, Endpoint>([
      [0, { kind: 'in', text: this.io.stdin }],
      [1, { kind: 'out', sink: { tty, write: (t) => this.io.stdout(t) } }],
      [2, { kind: 'out', sink: { tty: false, write: (t) => this.io.stderr(t) } }],
    ]);
    return { env: this.ctx.env, fds };
  }

  /** Parse and run shell text (a command line, `eval`'s arguments, a sourced file). */
  async text(src: string, frame: Frame): Promise<number> {
    let parsed;
    try {
      parsed = parse(src, this.flavour);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      this.shellError(frame, e.text(this.flavour));
      return this.setStatus(frame, e.status);
    }
    if (this.flavour === 'bash') {
      for (const doc of parsed.unterminatedHeredocs) {
        this.shellError(frame, `warning: here-document at line ${doc.line} delimited by end-of-file (wanted \`${doc.delimiter}')`);
      }
    }
    if (parsed.script.items.length === 0) return shellState(frame.env).status;
    return this.script(parsed.script, frame);
  }

  private async script(script: Script, frame: Frame): Promise<number> {
    let status = shellState(frame.env).status;
    for (const item of script.items) {
      this.checkCancel();
      if (item.background) this.shellError(frame, msg.backgroundUnsupported());
      status = await this.andOr(item.andOr, frame);
    }
    return status;
  }

  private async andOr(node: Script['items'][number]['andOr'], frame: Frame): Promise<number> {
    let status = await this.pipeline(node.first, frame);
    for (const { op, pipeline } of node.rest) {
      if ((op === '&&') === (status === 0)) status = await this.pipeline(pipeline, frame);
    }
    return status;
  }

  private async pipeline(p: Pipeline, frame: Frame): Promise<number> {
    let status: number;
    if (p.commands.length === 1) {
      status = await this.command(p.commands[0], frame);
    } else {
      let input: Endpoint | undefined = frame.fds.get(0);
      status = 0;
      for (let i = 0; i < p.commands.length; i++) {
        const node = p.commands[i];
        // Pipes are buffered: after Ctrl-C during `kubectl get pods -w | grep vote`, the
        // simple commands downstream still get what was produced, as they would have seen
        // it stream. Loops and groups downstream do not run.
        const draining = i > 0 && this.ctx.signal.cancelled;
        if (!draining || node.type !== 'simple') this.checkCancel();
        const last = i === p.commands.length - 1;
        const fds = new Map(frame.fds);
        if (input) fds.set(0, input);
        const pipe = new BufferSink();
        if (!last) {
          fds.set(1, { kind: 'out', sink: pipe });
          if (p.stderrToo[i]) fds.set(2, { kind: 'out', sink: pipe });
        }
        // every stage runs in a subshell: `cd` or `x=1` in a pipeline does not stick
        try {
          const stage = { env: copyEnv(frame.env), fds };
          status = draining ? await this.simple(node as SimpleCommand, stage, true) : await this.command(node, stage);
        } catch (e) {
          if (!(e instanceof ExitRequest || e instanceof AbortLine)) throw e;
          status = e.status;
        }
        input = { kind: 'in', text: pipe.text };
      }
      this.checkCancel();
    }
    if (p.bang) status = status === 0 ? 1 : 0;
    return this.setStatus(frame, status);
  }

  private async command(node: CommandNode, frame: Frame): Promise<number> {
    switch (node.type) {
      case 'simple':
        return this.simple(node, frame);
      case 'subshell':
        return this.withRedirects(node.redirects, frame, async (f) => {
          try {
            return await this.script(node.body, { env: copyEnv(f.env), fds: f.fds });
          } catch (e) {
            if (e instanceof ExitRequest || e instanceof AbortLine) return e.status;
            throw e;
          }
        });
      case 'group':
        return this.withRedirects(node.redirects, frame, (f) => this.script(node.body, f));
      case 'if':
        return this.withRedirects(node.redirects, frame, async (f) => {
          for (const clause of node.clauses) {
            if ((await this.script(clause.cond, f)) === 0) return this.script(clause.then, f);
          }
          return node.else ? this.script(node.else, f) : 0;
        });
      case 'for':
        return this.withRedirects(node.redirects, frame, async (f) => {
          let items: string[];
          try {
            items = node.items ? await this.expander(f).words(node.items) : [];
          } catch (e) {
            return this.expansionFailed(e, f);
          }
          return this.loop(f, async (iteration) => {
            if (iteration >= items.length) return false;
            setVar(f.env, node.name, items[iteration]);
            return true;
          }, node.body);
        });
      case 'while':
        return this.withRedirects(node.redirects, frame, (f) =>
          this.loop(f, async () => {
            const c = await this.script(node.cond, f);
            return node.until ? c !== 0 : c === 0;
          }, node.body),
        );
    }
  }

  /** Run `body` while `proceed(iteration)` says so, handling break/continue; returns the last body status. */
  private async loop(frame: Frame, proceed: (iteration: number) => Promise<boolean>, body: Script): Promise<number> {
    let status = 0;
    this.loopDepth++;
    try {
      for (let i = 0; ; i++) {
        this.checkCancel();
        await this.yieldNow();
        if (!(await proceed(i))) break;
        try {
          status = await this.script(body, frame);
        } catch (e) {
          if (!(e instanceof LoopControl)) throw e;
          status = 0;
          if (e.levels > 1) {
            e.levels--;
            throw e;
          }
          if (e.kind === 'break') break;
        }
      }
    } finally {
      this.loopDepth--;
    }
    return status;
  }

  private async simple(cmd: SimpleCommand, frame: Frame, draining = false): Promise<number> {
    if (!draining) this.checkCancel();
    await this.yieldNow();
    this.substStatus = null;
    const ex = this.expander(frame);
    let argv: string[];
    const values: string[] = [];
    try {
      argv = await this.expandArgv(cmd.words, ex);
      for (const a of cmd.assigns) values.push(await ex.string(a.value.parts));
    } catch (e) {
      return this.expansionFailed(e, frame);
    }
    if (argv.length === 0) {
      cmd.assigns.forEach((a, i) => setVar(frame.env, a.name, (a.append ? frame.env.get(a.name) ?? '' : '') + values[i]));
      const status = this.substStatus ?? 0;
      return this.withRedirects(cmd.redirects, frame, async () => status);
    }
    let env = frame.env;
    if (cmd.assigns.length > 0) {
      env = copyEnv(frame.env);
      cmd.assigns.forEach((a, i) => exportVar(env, a.name, (a.append ? env.get(a.name) ?? '' : '') + values[i]));
    }
    return this.withRedirects(cmd.redirects, { env, fds: frame.fds }, (f) => this.invoke(argv, f));
  }

  private async expandArgv(words: Word[], ex: Expander): Promise<string[]> {
    if (words.length === 0) return [];
    const head = await ex.fields(words[0]);
    if (head.length !== 1 || !DECLARATION_BUILTINS.has(head[0])) return [...head, ...(await ex.words(words.slice(1)))];
    const argv = [...head];
    for (const w of words.slice(1)) {
      if (/^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(w.raw)) argv.push(await ex.string(w.parts));
      else argv.push(...(await ex.fields(w)));
    }
    return argv;
  }

  private async invoke(argv: string[], frame: Frame): Promise<number> {
    const name = argv[0];
    if (SPECIAL_BUILTINS.has(name)) return this.special(name, argv, frame);
    const io = this.commandIO(frame);
    const ctx = this.commandContext(frame);
    const found = this.resolve(name, ctx);
    if ('error' in found) {
      io.stderr(`${this.flavour}: ${found.error}\n`);
      return found.status;
    }
    const status = await found.command(argv, io, ctx);
    return status & 255;
  }

  private resolve(name: string, ctx: ExecContext): { command: Command } | { error: string; status: number } {
    if (name.includes('/')) {
      const st = ctx.fs.stat(name);
      if (st?.type === 'dir') {
        return { error: this.flavour === 'bash' ? `${name}: Is a directory` : `${name}: Permission denied`, status: 126 };
      }
      if (st) return { error: `${name}: Permission denied`, status: 126 };
      const abs = ctx.fs.resolve(name);
      const command = BIN_DIRS.has(dirname(abs)) ? this.lookupCommand(basename(abs), ctx) : undefined;
      if (command) return { command };
      return { error: msg.pathNotFound(this.flavour, name), status: 127 };
    }
    const command = name === '' ? undefined : this.lookupCommand(name, ctx);
    if (command) return { command };
    return { error: msg.commandNotFound(this.flavour, name), status: 127 };
  }

  private async special(name: string, argv: string[], frame: Frame): Promise<number> {
    switch (name) {
      case ':':
        return 0;
      case 'break':
      case 'continue': {
        const n = argv[1] === undefined ? 1 : Number(argv[1]);
        if (!Number.isInteger(n) || n < 1) {
          this.shellError(frame, `${name}: ${argv[1]}: loop count out of range`);
          return 1;
        }
        if (this.loopDepth === 0) {
          if (this.flavour === 'bash') this.shellError(frame, msg.loopOnly(name));
          return 0;
        }
        throw new LoopControl(name, Math.min(n, this.loopDepth));
      }
      case 'exit': {
        let status = shellState(frame.env).status;
        if (argv[1] !== undefined) {
          if (!/^[-+]?[0-9]+$/.test(argv[1])) {
            this.shellError(frame, `exit: ${argv[1]}: numeric argument required`);
            status = 2;
          } else {
            status = Number(argv[1]) & 255;
          }
        }
        throw new ExitRequest(status);
      }
      case 'eval':
        return this.text(argv.slice(1).join(' '), frame);
      case '.':
      case 'source': {
        const path = argv[1];
        if (path === undefined) {
          this.shellError(frame, `${name}: filename argument required`);
          outSink(frame.fds, 2).write(`${name}: usage: ${name} filename [arguments]\n`);
          return 2;
        }
        const text = this.ctx.fs.withCwd(cwdOf({ env: frame.env })).read(path);
        if (text === undefined) {
          this.shellError(frame, msg.sourceNotFound(this.flavour, name, path));
          return this.flavour === 'bash' ? 1 : 2;
        }
        return this.text(text, frame);
      }
    }
    return 0;
  }

  private async withRedirects(redirects: Redirect[], frame: Frame, body: (f: Frame) => Promise<number>): Promise<number> {
    if (redirects.length === 0) return body(frame);
    const opened: FileSink[] = [];
    let fds: FdTable;
    try {
      fds = await this.applyRedirects(redirects, frame, opened);
    } catch (e) {
      if (e instanceof RedirectError) {
        this.shellError(frame, e.text);
        return 1;
      }
      return this.expansionFailed(e, frame);
    }
    try {
      return await body({ env: frame.env, fds });
    } finally {
      for (const s of opened) s.flush();
    }
  }

  private async applyRedirects(redirects: Redirect[], frame: Frame, opened: FileSink[]): Promise<FdTable> {
    const fds = new Map(frame.fds);
    const ex = this.expander(frame);
    const fs = this.ctx.fs.withCwd(cwdOf({ env: frame.env }));
    const target = async (r: Redirect): Promise<string> => {
      const fields = await ex.fields(r.target);
      if (fields.length !== 1) throw new RedirectError(msg.ambiguousRedirect(r.target.raw));
      return fields[0];
    };
    const openWrite = (path: string, append: boolean): OutSink => {
      switch (path) {
        case '/dev/null':
          return NULL_SINK;
        case '/dev/stdout':
          return outSink(fds, 1);
        case '/dev/stderr':
          return outSink(fds, 2);
        case '/dev/tty':
          return outSink(this.baseFrame().fds, 1);
      }
      try {
        if (!append || !fs.exists(path)) fs.write(path, '');
        else if (fs.isDir(path)) throw new FsError('EISDIR', path);
      } catch (e) {
        if (e instanceof FsError) throw new RedirectError(msg.redirectFailed(this.flavour, path, e.code, true));
        throw e;
      }
      const sink = new FileSink(fs, fs.resolve(path));
      opened.push(sink);
      return sink;
    };
    for (const r of redirects) {
      const input = r.op === '<' || r.op === '<<' || r.op === '<<-' || r.op === '<<<' || r.op === '<&' || r.op === '<>';
      const fd = r.fd ?? (input ? 0 : 1);
      switch (r.op) {
        case '<<':
        case '<<-': {
          const doc = r.heredoc!;
          fds.set(fd, { kind: 'in', text: await ex.string(doc.body) });
          break;
        }
        case '<<<':
          fds.set(fd, { kind: 'in', text: (await ex.string(r.target.parts)) + '\n' });
          break;
        case '<':
        case '<>': {
          const path = await target(r);
          if (path === '/dev/stdin') {
            fds.set(fd, { kind: 'in', text: inText(fds) });
            break;
          }
          try {
            if (r.op === '<>' && !fs.exists(path)) fs.write(path, '');
            fds.set(fd, { kind: 'in', text: fs.readFile(path), file: true });
          } catch (e) {
            if (e instanceof FsError) throw new RedirectError(msg.redirectFailed(this.flavour, path, e.code, false));
            throw e;
          }
          break;
        }
        case '>':
        case '>|':
        case '>>':
          fds.set(fd, { kind: 'out', sink: openWrite(await target(r), r.op === '>>') });
          break;
        case '&>':
        case '&>>': {
          const sink = openWrite(await target(r), r.op === '&>>');
          fds.set(1, { kind: 'out', sink });
          fds.set(2, { kind: 'out', sink });
          break;
        }
        case '>&':
        case '<&': {
          const t = await target(r);
          if (t === '-') {
            fds.set(fd, { kind: 'closed' });
          } else if (/^[0-9]+$/.test(t)) {
            const src = fds.get(Number(t));
            if (!src || src.kind === 'closed' || (src.kind === 'in') !== input) throw new RedirectError(msg.badFd(t));
            fds.set(fd, src);
          } else if (r.op === '>&' && r.fd === null) {
            const sink = openWrite(t, false);
            fds.set(1, { kind: 'out', sink });
            fds.set(2, { kind: 'out', sink });
          } else {
            throw new RedirectError(msg.ambiguousRedirect(r.target.raw));
          }
          break;
        }
      }
    }
    return fds;
  }

  private expander(frame: Frame): Expander {
    return new Expander({
      env: frame.env,
      fs: this.ctx.fs.withCwd(cwdOf({ env: frame.env })),
      flavour: this.flavour,
      status: () => shellState(frame.env).status,
      commandSubstitution: (script) => this.substitute(script, frame),
    });
  }

  private async substitute(script: Script, frame: Frame): Promise<string> {
    const out = new BufferSink();
    const fds = new Map<number, Endpoint>(frame.fds);
    fds.set(0, { kind: 'in', text: '' });
    fds.set(1, { kind: 'out', sink: out });
    let status: number;
    try {
      status = await this.script(script, { env: copyEnv(frame.env), fds });
    } catch (e) {
      if (!(e instanceof ExitRequest || e instanceof AbortLine)) throw e;
      status = e.status;
    }
    this.substStatus = status;
    shellState(frame.env).status = status;
    return out.text;
  }

  private expansionFailed(e: unknown, frame: Frame): never {
    if (!(e instanceof ExpansionError)) throw e;
    this.shellError(frame, e.text(this.flavour));
    throw new AbortLine(this.setStatus(frame, e.status(this.flavour)));
  }

  private commandIO(frame: Frame): ShellIO {
    const out = outSink(frame.fds, 1);
    const err = outSink(frame.fds, 2);
    return {
      stdin: inText(frame.fds),
      stdinIsFile: inIsFile(frame.fds),
      stdout: (t) => out.write(t),
      stderr: (t) => err.write(t),
      isTTY: out.tty,
      columns: (this.io as ShellIO).columns,
    };
  }

  private commandContext(frame: Frame): ShellExecContext {
    const fs = this.ctx.fs.withCwd(cwdOf({ env: frame.env }));
    let derived: ShellExecContext | undefined;
    const shell: ShellRuntime = {
      flavour: this.flavour,
      lookup: (name) => {
        if (SPECIAL_BUILTINS.has(name)) return undefined;
        const r = this.resolve(name, derived!);
        return 'command' in r ? r.command : undefined;
      },
      isSpecialBuiltin: (name) => SPECIAL_BUILTINS.has(name),
      commandNames: () => [...new Set([...(this.options.listCommands?.(derived!) ?? []), ...SPECIAL_BUILTINS])].sort(),
    };
    derived = deriveContext(this.ctx, { fs, env: frame.env, shell });
    return derived;
  }

  private shellError(frame: Frame, text: string): void {
    outSink(frame.fds, 2).write(`${this.flavour}: ${text}\n`);
  }

  private setStatus(frame: Frame, status: number): number {
    shellState(frame.env).status = status;
    return status;
  }

  private checkCancel(): void {
    if (this.ctx.signal.cancelled) throw new Cancelled();
  }

  /**
   * Let the event loop run now and then: in the browser, Ctrl-C arrives as a
   * message, which a tight loop (`while true; do echo x; done`) would never let in.
   * Scheduling only: no time is read, so output stays deterministic.
   */
  private async yieldNow(): Promise<void> {
    // A container's process: its steps run on its own virtual time (a busy loop is charged CPU time).
    const process = this.ctx.process;
    if (process) {
      const charged = process.step();
      if (charged) await charged;
      return;
    }
    if (++this.steps % YIELD_EVERY !== 0 || !this.ctx.realtime) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}

