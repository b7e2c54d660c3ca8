// One Monaco model per file, kept in step with the files store: new files get a
// model, files changed in the worker update models that have no unsaved edits
// (as one undoable edit), deleted files lose theirs. Edits flip the store's
// dirty flag by comparing the model with the saved text.

import type { StoreApi } from 'zustand/vanilla';
import { type FilesState, setDirty } from '../stores/files-store';
import { languageFor, monaco, uriFor } from './monaco-setup';

export class ModelRegistry {
  private readonly models = new Map<string, { model: monaco.editor.ITextModel; sub: monaco.IDisposable }>();

  constructor(private readonly files: StoreApi<FilesState>) {}

  get(path: string): monaco.editor.ITextModel | null {
    return this.models.get(path)?.model ?? null;
  }

  pathOf(model: monaco.editor.ITextModel | null): string | null {
    if (!model) return null;
    for (const [path, m] of this.models) if (m.model === model) return path;
    return null;
  }

  sync(state: FilesState): void {
    const present = new Set(state.paths);
    for (const [path, m] of this.models) {
      if (present.has(path)) continue;
      m.sub.dispose();
      m.model.dispose();
      this.models.delete(path);
    }
    for (const path of state.paths) {
      const saved = state.saved[path] ?? '';
      const existing = this.models.get(path);
      if (!existing) {
        this.create(path, saved);
        continue;
      }
      if (!state.dirty[path] && existing.model.getValue() !== saved) {
        existing.model.pushEditOperations([], [{ range: existing.model.getFullModelRange(), text: saved }], () => null);
      }
    }
  }

  dispose(): void {
    for (const m of this.models.values()) {
      m.sub.dispose();
      m.model.dispose();
    }
    this.models.clear();
  }

  private create(path: string, content: string): void {
    const uri = uriFor(path);
    // A model may survive from an earlier mount (React StrictMode mounts twice).
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(content, languageFor(path), uri);
    model.updateOptions({ tabSize: 2, insertSpaces: true });
    const sub = model.onDidChangeContent(() => {
      const saved = this.files.getState().saved[path];
      setDirty(this.files, path, model.getValue() !== saved);
    });
    this.models.set(path, { model, sub });
  }
}
