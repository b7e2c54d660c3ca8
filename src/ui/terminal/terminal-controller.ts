// The interactive shell front-end: turns keystrokes into an edited line, sends
// finished lines to the simulator's shell, streams the output back and draws
// the next prompt. Keys typed while a command runs wait in a queue (type-ahead),
// which is also how a pasted block of lines runs one line after another.

import type { Completion, ExecResult, OutputChunk, TerminalEffect } from '../../worker/protocol';
import { splitKeys } from './keys';
import { LineEditor } from './line-editor';
import { formatColumns, LineRenderer } from './line-render';

/** The part of xterm the controller needs. */
export interface TerminalSurface {
  write(data: string): void;
  readonly cols: number;
}

/** The simulator's shell, as seen from the terminal. */
export interface ShellBackend {
  exec(line: string, onOutput: (c: OutputChunk) => void, onEffect: (e: TerminalEffect) => void): Promise<ExecResult>;
  interrupt(): Promise<void>;
  complete(line: string): Promise<Completion>;
  isIncomplete(text: string): Promise<boolean>;
  /** The terminal's width, for commands that lay out columns (`ls`, `watch`). */
  resize?(columns: number): Promise<void>;
}

export interface CommandRecord {
  line: string;
  result: ExecResult | null;
}

type QueueItem =
  | { kind: 'key'; token: string }
  | { kind: 'command'; line: string; done: (r: ExecResult | null) => void };

export const CONTINUATION_PROMPT = '> ';
const CLEAR_SCREEN = '\x1b[H\x1b[2J';
const CLEAR_WITH_SCROLLBACK = '\x1b[H\x1b[2J\x1b[3J';

export class TerminalController {
  readonly editor = new LineEditor();
  private readonly renderer: LineRenderer;
  private prompt = '';
  /** 'starting' until the first prompt; 'busy' while waiting on the worker. */
  private state: 'starting' | 'editing' | 'busy' = 'starting';
  private running = false;
  private interrupted = false;
  /** Earlier lines of a command that needs more input (continuation prompt). */
  private continuation: string[] = [];
  private readonly queue: QueueItem[] = [];
  /** Bumped on reset, so answers for a discarded session are ignored. */
  private generation = 0;
  /** The learner's half-typed line, put aside while an injected command runs. */
  private stash: { buffer: string; cursor: number } | null = null;
  private dirty = false;
  /** The last command left the learner in a node or pod shell (Ctrl-D means `exit` there). */
  private nested = false;
  /** The command line being run, while one runs. */
  private runningText: string | null = null;
  private readonly promptListeners = new Set<() => void>();
  private readonly commandListeners = new Set<(c: CommandRecord) => void>();
  private readonly effectListeners = new Set<(e: TerminalEffect) => void>();

  constructor(
    private readonly surface: TerminalSurface,
    private readonly backend: ShellBackend,
  ) {
    this.renderer = new LineRenderer(surface.cols);
  }

  /** Show the first prompt of a fresh session. */
  start(prompt: string): void {
    this.prompt = prompt;
    this.state = 'editing';
    this.editor.newLine();
    this.beginLine();
    this.pump();
  }

  /** Start over after the cluster was reset: clear the screen, drop pending input. */
  reset(prompt: string): void {
    this.generation++;
    for (const item of this.queue) if (item.kind === 'command') item.done(null);
    this.queue.length = 0;
    this.continuation = [];
    this.running = false;
    this.runningText = null;
    this.nested = false;
    this.stash = null;
    this.surface.write(CLEAR_WITH_SCROLLBACK);
    this.start(prompt);
  }

  resize(cols: number): void {
    this.renderer.resize(cols);
    void this.backend.resize?.(cols);
  }

  /** Everything xterm's onData delivers: typed keys and pasted text. */
  input(data: string): void {
    for (const token of splitKeys(data)) {
      if (token === '\x03' && this.running) {
        this.interruptRunning();
        continue;
      }
      this.queue.push({ kind: 'key', token });
    }
    this.pump();
  }

  /**
   * Run a command as if the learner had typed it at the prompt (the editor's
   * Apply button). Waits for the running command to finish first; a half-typed
   * line is put aside and restored afterwards. Resolves with null on reset.
   */
  runCommand(line: string): Promise<ExecResult | null> {
    return new Promise((done) => {
      this.queue.push({ kind: 'command', line, done });
      this.pump();
    });
  }

  /** The prompt shown for the next line (the continuation prompt inside a multi-line command). */
  promptText(): string {
    return this.currentPrompt();
  }

  isRunning(): boolean {
    return this.running;
  }

  /** The command line being run, or null at the prompt. */
  runningLine(): string | null {
    return this.runningText;
  }

  /** Called each time a prompt is ready for input. */
  onPrompt(listener: () => void): () => void {
    this.promptListeners.add(listener);
    return () => this.promptListeners.delete(listener);
  }

  /** Called after each command finished (files may have changed). */
  onCommand(listener: (c: CommandRecord) => void): () => void {
    this.commandListeners.add(listener);
    return () => this.commandListeners.delete(listener);
  }

  /** Effects the terminal does not handle itself (`edit`: a command waits for the editor). */
  onEffect(listener: (e: TerminalEffect) => void): () => void {
    this.effectListeners.add(listener);
    return () => this.effectListeners.delete(listener);
  }

  private currentPrompt(): string {
    return this.continuation.length > 0 ? CONTINUATION_PROMPT : this.prompt;
  }

  private pump(): void {
    while (this.state === 'editing' && this.queue.length > 0) {
      const item = this.queue.shift()!;
      if (item.kind === 'command') this.injectCommand(item.line, item.done);
      else this.handleKey(item.token);
    }
    this.flush();
  }

  private flush(): void {
    if (!this.dirty || this.state === 'starting') return;
    this.dirty = false;
    this.surface.write(this.renderer.redraw(this.editor.buffer, this.editor.cursor));
  }

  private beginLine(): void {
    this.dirty = false;
    this.surface.write(this.renderer.begin(this.currentPrompt(), this.editor.buffer, this.editor.cursor));
    for (const l of this.promptListeners) l();
  }

  private handleKey(token: string): void {
    const action = this.editor.handle(token);
    switch (action) {
      case 'none':
        return;
      case 'eof':
        // Ctrl-D on an empty line leaves a node or pod shell, as `exit` would; the
        // host shell stays open (the page has no terminal window to close).
        if (this.nested && this.continuation.length === 0) {
          this.flush();
          this.state = 'busy';
          void this.execute('exit', { echoed: false });
        }
        return;
      case 'changed':
        this.dirty = true;
        return;
      case 'submit':
        this.flush();
        void this.submit();
        return;
      case 'complete':
        this.flush();
        void this.completeLine();
        return;
      case 'interrupt':
        this.flush();
        this.surface.write(this.renderer.finish(this.editor.buffer, '^C'));
        this.continuation = [];
        this.editor.newLine();
        this.beginLine();
        return;
      case 'clearScreen':
        this.dirty = false;
        this.surface.write(CLEAR_SCREEN);
        this.surface.write(this.renderer.begin(this.currentPrompt(), this.editor.buffer, this.editor.cursor));
        return;
    }
  }

  private async submit(): Promise<void> {
    const line = this.editor.buffer;
    this.surface.write(this.renderer.finish(line));
    this.editor.remember(line);
    this.editor.newLine();
    const text = [...this.continuation, line].join('\n');
    this.state = 'busy';
    const gen = this.generation;
    let incomplete = false;
    try {
      incomplete = await this.backend.isIncomplete(text);
    } catch (err) {
      this.reportInternalError(err);
    }
    if (gen !== this.generation) return;
    if (incomplete) {
      this.continuation.push(line);
      this.ready();
      return;
    }
    this.continuation = [];
    if (text.trim() === '') {
      this.ready();
      return;
    }
    await this.execute(text);
  }

  private injectCommand(line: string, done: (r: ExecResult | null) => void): void {
    if (this.continuation.length > 0) {
      // An unfinished multi-line command cannot be put aside; abandon it as Ctrl-C would.
      this.surface.write(this.renderer.finish(this.editor.buffer, '^C'));
      this.continuation = [];
      this.editor.newLine();
      this.beginLine();
    }
    if (this.editor.buffer !== '') this.stash = { buffer: this.editor.buffer, cursor: this.editor.cursor };
    this.editor.setLine(line);
    this.surface.write(this.renderer.redraw(line, line.length));
    this.surface.write(this.renderer.finish(line));
    this.editor.remember(line);
    this.editor.newLine();
    this.state = 'busy';
    void this.execute(line).then(done);
  }

  /**
   * Run `text` in the worker's shell. `echoed: false` is Ctrl-D's `exit`: the line
   * was never typed, so whatever the shell prints (bash: `exit`) lands right after
   * the prompt, and a fresh row is started if it printed no line of its own.
   */
  private async execute(text: string, opts: { echoed: boolean } = { echoed: true }): Promise<ExecResult | null> {
    const gen = this.generation;
    this.running = true;
    this.runningText = text;
    this.interrupted = false;
    let result: ExecResult | null = null;
    let lastOutput = '';
    try {
      result = await this.backend.exec(
        text,
        (chunk) => {
          if (gen !== this.generation) return;
          if (chunk.text !== '') lastOutput = chunk.text;
          this.surface.write(chunk.text);
        },
        (effect) => {
          if (gen !== this.generation) return;
          if (effect.type === 'clear') this.surface.write(CLEAR_WITH_SCROLLBACK);
          else for (const l of this.effectListeners) l(effect);
        },
      );
    } catch (err) {
      if (gen === this.generation) this.reportInternalError(err);
    }
    if (gen !== this.generation) return null;
    this.running = false;
    this.runningText = null;
    if (this.interrupted) this.surface.write('\r\n');
    else if (!opts.echoed && !lastOutput.endsWith('\n')) this.surface.write('\r\n');
    if (result) {
      this.prompt = result.prompt;
      this.nested = result.nested;
    }
    for (const l of this.commandListeners) l({ line: text, result });
    this.ready();
    return result;
  }

  private interruptRunning(): void {
    this.interrupted = true;
    this.surface.write('^C');
    // The tty discards type-ahead on SIGINT; queued injected commands still run.
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i].kind === 'key') this.queue.splice(i, 1);
    this.backend.interrupt().catch((err) => this.reportInternalError(err));
  }

  private async completeLine(): Promise<void> {
    const { buffer, cursor } = this.editor;
    const before = buffer.slice(0, cursor);
    const after = buffer.slice(cursor);
    this.state = 'busy';
    const gen = this.generation;
    let completion: Completion | null = null;
    try {
      completion = await this.backend.complete(before);
    } catch (err) {
      this.reportInternalError(err);
    }
    if (gen !== this.generation) return;
    this.state = 'editing';
    // The line may grow (a common prefix) and candidates may be listed, or both.
    if (completion && completion.line !== before) {
      this.editor.setLine(completion.line + after, completion.line.length);
      this.dirty = true;
    }
    if (completion && completion.candidates.length > 1) {
      this.flush();
      this.surface.write(this.renderer.finish(this.editor.buffer));
      const rows = formatColumns(completion.candidates, this.surface.cols);
      this.surface.write(rows.join('\r\n') + '\r\n');
      this.beginLine();
    }
    this.pump();
  }

  /** Back at a prompt: draw it, restore a put-aside line, and continue with queued input. */
  private ready(): void {
    this.state = 'editing';
    if (this.stash && this.continuation.length === 0) {
      this.editor.setLine(this.stash.buffer, this.stash.cursor);
      this.stash = null;
    }
    this.beginLine();
    this.pump();
  }

  private reportInternalError(err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    this.surface.write(`\r\nplayground: internal error: ${message}\r\n`);
  }
}
