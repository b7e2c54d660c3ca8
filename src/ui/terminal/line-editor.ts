// The editable input line of the terminal: buffer, cursor, kill buffer and
// history, with readline/emacs key bindings. Pure state: it knows nothing about
// xterm; the controller renders it and acts on the returned action.

import { isPrintable, keyName } from './keys';

export type EditorAction =
  | 'none' // nothing changed
  | 'changed' // buffer or cursor changed: redraw
  | 'submit' // Enter
  | 'complete' // Tab
  | 'interrupt' // Ctrl-C
  | 'clearScreen' // Ctrl-L
  | 'eof'; // Ctrl-D on an empty line

export const HISTORY_LIMIT = 1000;

export class LineEditor {
  buffer = '';
  cursor = 0;
  private readonly history: string[] = [];
  /** Position while browsing history; equals history.length on the new line. */
  private historyIndex = 0;
  /** What the learner had typed before browsing history, restored at the bottom. */
  private draft = '';
  private killed = '';
  /** Consecutive kills add to one kill-buffer entry, as in readline. */
  private lastWasKill = false;

  handle(token: string): EditorAction {
    const name = keyName(token);
    const wasKill = this.lastWasKill;
    this.lastWasKill = false;
    return this.dispatch(token, name, wasKill);
  }

  private dispatch(token: string, name: ReturnType<typeof keyName>, wasKill: boolean): EditorAction {
    if (name === null) {
      if (!isPrintable(token)) return 'none';
      this.insert(token);
      return 'changed';
    }
    switch (name) {
      case 'enter':
        return 'submit';
      case 'tab':
        return 'complete';
      case 'interrupt':
        return 'interrupt';
      case 'clearScreen':
        return 'clearScreen';
      case 'eof':
        if (this.buffer === '') return 'eof';
        return this.deleteForward();
      case 'backspace':
        if (this.cursor === 0) return 'none';
        this.splice(this.cursor - 1, this.cursor, '');
        return 'changed';
      case 'delete':
        return this.deleteForward();
      case 'left':
        return this.moveTo(this.cursor - 1);
      case 'right':
        return this.moveTo(this.cursor + 1);
      case 'home':
        return this.moveTo(0);
      case 'end':
        return this.moveTo(this.buffer.length);
      case 'wordLeft':
        return this.moveTo(alnumWordStart(this.buffer, this.cursor));
      case 'wordRight':
        return this.moveTo(alnumWordEnd(this.buffer, this.cursor));
      case 'killToStart':
        return this.kill(0, this.cursor, wasKill);
      case 'killToEnd':
        return this.kill(this.cursor, this.buffer.length, wasKill);
      case 'killWordBack':
        return this.kill(spaceWordStart(this.buffer, this.cursor), this.cursor, wasKill);
      case 'killAlnumWordBack':
        return this.kill(alnumWordStart(this.buffer, this.cursor), this.cursor, wasKill);
      case 'killWordForward':
        return this.kill(this.cursor, alnumWordEnd(this.buffer, this.cursor), wasKill);
      case 'yank':
        if (this.killed === '') return 'none';
        this.insert(this.killed);
        return 'changed';
      case 'up':
        return this.browse(-1);
      case 'down':
        return this.browse(1);
    }
  }

  /** Replace the whole line (completion, an injected command). */
  setLine(text: string, cursor = text.length): void {
    this.buffer = text;
    this.cursor = Math.max(0, Math.min(cursor, text.length));
  }

  /** Start a fresh, empty line (after Enter or Ctrl-C) at the bottom of history. */
  newLine(): void {
    this.buffer = '';
    this.cursor = 0;
    this.historyIndex = this.history.length;
    this.draft = '';
  }

  /** Remember an accepted line; blank lines and immediate repeats are skipped, as bash's ignoredups does. */
  remember(line: string): void {
    if (line.trim() === '') return;
    if (this.history[this.history.length - 1] !== line) this.history.push(line);
    if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
    this.historyIndex = this.history.length;
  }

  entries(): readonly string[] {
    return this.history;
  }

  clearHistory(): void {
    this.history.length = 0;
    this.newLine();
  }

  private insert(text: string): void {
    this.splice(this.cursor, this.cursor, text);
  }

  private splice(from: number, to: number, text: string): void {
    this.buffer = this.buffer.slice(0, from) + text + this.buffer.slice(to);
    this.cursor = from + text.length;
  }

  private deleteForward(): EditorAction {
    if (this.cursor >= this.buffer.length) return 'none';
    this.splice(this.cursor, this.cursor + 1, '');
    return 'changed';
  }

  private moveTo(pos: number): EditorAction {
    const clamped = Math.max(0, Math.min(pos, this.buffer.length));
    if (clamped === this.cursor) return 'none';
    this.cursor = clamped;
    return 'changed';
  }

  private kill(from: number, to: number, append: boolean): EditorAction {
    this.lastWasKill = true;
    if (from >= to) return 'none';
    const text = this.buffer.slice(from, to);
    const backward = to === this.cursor && from < to;
    if (!append) this.killed = text;
    else this.killed = backward ? text + this.killed : this.killed + text;
    this.splice(from, to, '');
    return 'changed';
  }

  private browse(step: number): EditorAction {
    const target = this.historyIndex + step;
    if (target < 0 || target > this.history.length) return 'none';
    if (this.historyIndex === this.history.length) this.draft = this.buffer;
    this.historyIndex = target;
    this.setLine(target === this.history.length ? this.draft : this.history[target]);
    return 'changed';
  }
}

const isSpace = (c: string) => c === ' ' || c === '\t';
const isAlnum = (c: string) => /[\p{L}\p{N}_]/u.test(c);

/** Start of the whitespace-delimited word before `pos` (Ctrl-W, unix-word-rubout). */
export function spaceWordStart(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && isSpace(text[i - 1])) i--;
  while (i > 0 && !isSpace(text[i - 1])) i--;
  return i;
}

/** Start of the alphanumeric word before `pos` (Alt-B, Alt-Backspace). */
export function alnumWordStart(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && !isAlnum(text[i - 1])) i--;
  while (i > 0 && isAlnum(text[i - 1])) i--;
  return i;
}

/** End of the alphanumeric word after `pos` (Alt-F, Alt-D). */
export function alnumWordEnd(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && !isAlnum(text[i])) i++;
  while (i < text.length && isAlnum(text[i])) i++;
  return i;
}
