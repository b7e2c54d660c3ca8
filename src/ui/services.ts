// Everything the views share: the worker client, the stores it feeds, the
// terminal, and the file operations. Views read stores and call these methods;
// they never talk to the worker directly.

import type { ClusterSnapshot, ExecResult } from '../worker/protocol';
import type { SimClient } from '../worker/client';
import type { BrowserController, BrowserPorts } from './browser/browser-controller';
import type { DiagramGraph } from './diagram/graph';
import { PacketBoard } from './diagram/packets';
import { EditController } from './edit/edit-controller';
import { applyWorkerFiles, createFilesStore, displayName, EMPTY_FILES, resolveNewName, setDirty, shellWord } from './stores/files-store';
import { createPrefsStore, defaultPrefs, type KeyValueStorage } from './stores/prefs-store';
import { createSnapshotBatcher, createSnapshotStore, type SnapshotBatcher } from './stores/snapshot-store';
import { createTraceBatcher, createTraceStore, type TraceBatcher } from './stores/trace-store';
import { TerminalService } from './terminal/terminal-service';

/** What the lazily loaded editor offers the rest of the app once it is there. */
export interface EditorBridge {
  /** The editor's text for a file, saved or not (undefined: no model yet). */
  draft(path: string): string | undefined;
  /** Current file's markers (schema warnings, syntax errors). */
  markers(path?: string): { severity: number; message: string; startLineNumber: number }[];
  value(): string;
  setValue(text: string): void;
  path(): string | null;
  focus(): void;
}

export class AppServices {
  readonly prefs;
  readonly snapshots = createSnapshotStore();
  readonly files = createFilesStore();
  readonly packets = new PacketBoard();
  readonly traces = createTraceStore();
  readonly terminal: TerminalService;
  /** A command waiting for the editor (kubectl edit, vi). */
  readonly edits: EditController;
  /**
   * The in-app browser, made by its panel on first use (the code loads with the
   * panel); its state lives here, across tab switches.
   */
  browser: BrowserController | null = null;
  editor: EditorBridge | null = null;
  /** The diagram's latest graph, registered by the diagram pane (for tests and traces). */
  diagramGraph: (() => DiagramGraph | null) | null = null;
  firstPromptMs: number | null = null;
  /** Resolves when the first prompt is on screen (heavy panes load after it). */
  readonly prompted: Promise<void>;
  private markPrompted!: () => void;
  private readonly batcher: SnapshotBatcher;
  private readonly traceBatcher: TraceBatcher;
  private generation = 0;
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;

  constructor(
    readonly client: SimClient,
    storage: KeyValueStorage | null,
    prefersDark: boolean,
  ) {
    this.prefs = createPrefsStore(storage, defaultPrefs(prefersDark));
    this.batcher = createSnapshotBatcher(this.snapshots, (cb) => requestAnimationFrame(cb));
    this.traceBatcher = createTraceBatcher(this.traces, (cb) => requestAnimationFrame(cb));
    this.terminal = new TerminalService(client.shell, this.prefs.getState().theme);
    this.edits = new EditController(this.files, {
      readFile: (path) => client.readFile(path),
      writeFile: (path, content) => client.api.writeFile(path, content),
      finishEdit: (path, saved) => client.api.finishEdit(path, saved),
      draft: (path) => this.editor?.draft(path),
      runningLine: () => this.terminal.controller.runningLine(),
      focusEditor: () => queueMicrotask(() => this.editor?.focus()),
      focusTerminal: () => this.terminal.focus(),
    });

    this.prompted = new Promise((resolve) => (this.markPrompted = resolve));
    this.terminal.controller.onPrompt(() => {
      if (this.firstPromptMs !== null) return;
      this.firstPromptMs = performance.now();
      performance.mark('playground:first-prompt');
      this.markPrompted();
    });
    // Commands can create, change or delete files (cat > f, kubectl get -o yaml > f).
    this.terminal.controller.onCommand(() => {
      this.edits.commandEnded();
      void this.refreshFiles();
    });
    this.terminal.controller.onEffect((effect) => {
      if (effect.type === 'edit') void this.edits.open(effect.path);
    });
  }

  /** Show the first prompt; `started` is an init() already under way (see worker/early-start.ts). */
  async boot(started?: Promise<{ prompt: string }>): Promise<void> {
    const { prompt } = await (started ?? this.client.api.init({}));
    this.terminal.controller.start(prompt);
    await Promise.all([this.connect(), this.refreshFiles()]);
  }

  /** A fresh cluster: new simulation, clean screen, starter files, no unsaved edits. */
  async reset(): Promise<void> {
    this.generation++;
    this.packets.clear();
    this.traceBatcher.reset();
    this.browser?.reset();
    this.edits.commandEnded();
    const { prompt } = await this.client.api.init({});
    this.terminal.controller.reset(prompt);
    this.files.setState({ ...EMPTY_FILES });
    await Promise.all([this.connect(), this.refreshFiles()]);
  }

  /** What the browser needs from the app (the token maker comes with the panel). */
  browserPorts(newToken: () => string): BrowserPorts {
    return { browse: (req) => this.client.api.browse(req), snapshot: () => this.latestSnapshot(), newToken };
  }

  latestSnapshot(): ClusterSnapshot | null {
    return this.snapshots.getState().snapshot;
  }

  /** Re-read the file list; calls during a refresh coalesce into one more. */
  refreshFiles(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        applyWorkerFiles(this.files, await this.client.api.listFiles());
      } while (this.refreshAgain);
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Show a file in the editor; `focus` when the learner picked it (never steal focus from the terminal otherwise). */
  selectFile(path: string, focus = false): void {
    this.files.setState({ selected: path });
    if (focus) queueMicrotask(() => this.editor?.focus());
  }

  async saveFile(path: string, content: string): Promise<void> {
    await this.client.api.writeFile(path, content);
    const s = this.files.getState();
    this.files.setState({ saved: { ...s.saved, [path]: content }, paths: s.paths.includes(path) ? s.paths : [...s.paths, path].sort() });
    setDirty(this.files, path, false);
    await this.refreshFiles();
  }

  /** Create an empty file from a name typed by the learner; returns an error message or null. */
  async createFile(name: string): Promise<string | null> {
    const resolved = resolveNewName(name, this.files.getState().paths);
    if ('error' in resolved) return resolved.error;
    await this.saveFile(resolved.path, '');
    this.selectFile(resolved.path, true);
    return null;
  }

  /** Rename (saving unsaved edits under the new name); returns an error message or null. */
  async renameFile(path: string, name: string): Promise<string | null> {
    const resolved = resolveNewName(name, this.files.getState().paths);
    if ('error' in resolved) return resolved.error;
    const content = this.editor?.draft(path) ?? this.files.getState().saved[path] ?? '';
    await this.client.api.writeFile(resolved.path, content);
    await this.client.api.deleteFile(path);
    setDirty(this.files, path, false);
    this.files.setState({ selected: resolved.path });
    await this.refreshFiles();
    this.editor?.focus();
    return null;
  }

  async deleteFile(path: string): Promise<void> {
    await this.client.api.deleteFile(path);
    setDirty(this.files, path, false);
    await this.refreshFiles();
  }

  /** Save the file, then run `kubectl apply -f FILE` at the prompt as if typed. */
  async applyFile(path: string): Promise<ExecResult | null> {
    const saved = this.files.getState().saved[path];
    const content = this.editor?.draft(path) ?? saved ?? '';
    if (content !== saved) await this.saveFile(path, content);
    return this.terminal.controller.runCommand(`kubectl apply -f ${shellWord(displayName(path))}`);
  }

  private async connect(): Promise<void> {
    const gen = ++this.generation;
    this.batcher.reset();
    await Promise.all([
      this.client.subscribe((s) => {
        if (gen === this.generation) this.batcher.push(s);
      }),
      this.client.subscribeTraces((t) => {
        if (gen === this.generation) this.traceBatcher.push(t);
      }),
    ]);
  }
}
