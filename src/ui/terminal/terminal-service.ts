// The one xterm instance of the page and its controller. Created once and
// attached to whatever element the terminal pane renders (xterm re-parents its
// element on open()), so React remounts never lose the session on screen.

import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { terminalTheme } from '../theme';
import { type ShellBackend, TerminalController } from './terminal-controller';

export class TerminalService {
  readonly term: Terminal;
  readonly controller: TerminalController;
  private readonly fit = new FitAddon();
  private element: HTMLElement | null = null;

  constructor(backend: ShellBackend, theme: 'light' | 'dark') {
    this.term = new Terminal({
      convertEol: true,
      cursorBlink: true,
      fontFamily: "ui-monospace, 'DejaVu Sans Mono', 'Cascadia Mono', Menlo, Consolas, 'Liberation Mono', monospace",
      fontSize: 13,
      lineHeight: 1.15,
      scrollback: 5000,
      theme: terminalTheme(theme),
    });
    this.term.loadAddon(this.fit);
    const term = this.term;
    this.controller = new TerminalController(
      {
        write: (data) => term.write(data),
        get cols() {
          return term.cols;
        },
      },
      backend,
    );
    term.onData((data) => this.controller.input(data));
    term.onResize(({ cols }) => this.controller.resize(cols));
    term.attachCustomKeyEventHandler((e) => this.browserKeys(e));
  }

  attach(el: HTMLElement): void {
    if (this.element === el) return;
    this.element = el;
    this.term.open(el);
    this.fitNow();
  }

  fitNow(): void {
    if (!this.element || this.element.clientWidth === 0 || this.element.clientHeight === 0) return;
    try {
      this.fit.fit();
    } catch {
      // Not rendered yet (hidden pane); the next resize fits.
    }
  }

  setTheme(theme: 'light' | 'dark'): void {
    this.term.options.theme = terminalTheme(theme);
  }

  focus(): void {
    this.term.focus();
  }

  /** The whole buffer (scrollback included) as plain text: wrapped rows joined, trailing blanks trimmed. */
  text(): string {
    const buf = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buf.length; i++) {
      const line = buf.getLine(i);
      if (!line) continue;
      const s = line.translateToString(false);
      if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += s;
      else lines.push(s);
    }
    const trimmed = lines.map((l) => l.trimEnd());
    while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
    return trimmed.join('\n');
  }

  /**
   * Keys the browser should handle rather than the shell: copy when text is
   * selected, and paste shortcuts (the paste event then reaches xterm).
   */
  private browserKeys(e: KeyboardEvent): boolean {
    if (e.type !== 'keydown') return true;
    const key = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && key === 'c' && this.term.hasSelection()) return false;
    if ((e.ctrlKey || e.metaKey) && key === 'v') return false;
    if (e.ctrlKey && e.shiftKey && key === 'c') return false;
    return true;
  }
}
