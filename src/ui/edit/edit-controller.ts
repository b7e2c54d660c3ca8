// A terminal command waiting for the editor (`kubectl edit`, `vi FILE`): the
// worker sends an `edit` effect and waits for finishEdit. The file opens in the
// editor (as a temporary tab when it lives outside /root), a bar offers Done and
// Cancel, and everything closes when the command ends, however it ends (Done,
// Cancel, Ctrl-C in the terminal). kubectl edit may open the same file again
// with its errors on top: that is just another round.

import { createStore, type StoreApi } from 'zustand/vanilla';
import { closeEdit, type FilesState, openForEdit, setDirty } from '../stores/files-store';

export interface EditSession {
  path: string;
  /** The waiting program, as the learner typed it (`kubectl`, `vi`). */
  program: string;
  /** 1 for the first opening; kubectl edit re-opens with its errors on top. */
  round: number;
  /** Done or Cancel was pressed; the command has not asked again or ended yet. */
  answered: boolean;
}

export interface EditState {
  session: EditSession | null;
}

/** What the edit controller needs from the rest of the app. */
export interface EditPorts {
  readFile(path: string): Promise<string | null>;
  writeFile(path: string, content: string): Promise<void>;
  finishEdit(path: string, saved: boolean): Promise<void>;
  /** The editor's text for the file (unsaved edits included), when the editor has it. */
  draft(path: string): string | undefined;
  /** The command line the terminal is running. */
  runningLine(): string | null;
  focusEditor(): void;
  focusTerminal(): void;
}

/**
 * The text as vi, vim and nano write it: a last line always ends with a newline
 * (vim's fixendofline, nano's default), which the browser editor does not add.
 */
export function withFinalNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** The program name of a command line: `kubectl` for `KUBE_EDITOR=vi kubectl edit svc web`. */
export function programOf(line: string | null): string {
  const words = (line ?? '').trim().split(/\s+/);
  const word = words.find((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) ?? '';
  return word.split('/').pop() || 'the command';
}

export class EditController {
  readonly store: StoreApi<EditState> = createStore<EditState>()(() => ({ session: null }));
  /** Bumped when a session ends, so a file read that was still under way is dropped. */
  private epoch = 0;
  /** What the editor showed before the session, to return to afterwards. */
  private before: string | null = null;

  constructor(
    private readonly files: StoreApi<FilesState>,
    private readonly ports: EditPorts,
  ) {}

  /** The worker asked for `path` to be edited (an `edit` effect). */
  async open(path: string): Promise<void> {
    const epoch = this.epoch;
    const content = await this.ports.readFile(path);
    if (epoch !== this.epoch) return;
    const current = this.store.getState().session;
    if (!current) this.before = this.files.getState().selected;
    const round = current?.path === path ? current.round + 1 : 1;
    openForEdit(this.files, path, content ?? '');
    this.store.setState({ session: { path, program: programOf(this.ports.runningLine()), round, answered: false } });
    this.ports.focusEditor();
  }

  /** Done: save the editor's text (as the terminal editor would write it) and let the command go on. */
  async done(): Promise<void> {
    const session = this.answer();
    if (!session) return;
    const s = this.files.getState();
    const content = withFinalNewline(this.ports.draft(session.path) ?? s.saved[session.path] ?? '');
    await this.ports.writeFile(session.path, content);
    this.files.setState({ saved: { ...this.files.getState().saved, [session.path]: content } });
    setDirty(this.files, session.path, false);
    await this.ports.finishEdit(session.path, true);
    this.ports.focusTerminal();
  }

  /** Cancel: the command goes on with the file as it was (kubectl: "Edit cancelled, no changes made."). */
  async cancel(): Promise<void> {
    const session = this.answer();
    if (!session) return;
    await this.ports.finishEdit(session.path, false);
    this.ports.focusTerminal();
  }

  /** The terminal command finished (or the cluster was reset): close the bar and the temporary tab. */
  commandEnded(): void {
    this.epoch++;
    const session = this.store.getState().session;
    if (!session) return;
    closeEdit(this.files, session.path, this.before);
    this.before = null;
    this.store.setState({ session: null });
  }

  private answer(): EditSession | null {
    const session = this.store.getState().session;
    if (!session || session.answered) return null;
    this.store.setState({ session: { ...session, answered: true } });
    return session;
  }
}
