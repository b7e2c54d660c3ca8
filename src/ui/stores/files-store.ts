// The learner's files as the worker holds them (/root), plus which one the
// editor shows and which have unsaved edits. The editor owns the edited text
// (Monaco models); this store only knows the saved text and the dirty flags.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FileEntry } from '../../worker/protocol';

export const HOME = '/root';

export interface FilesState {
  /** Saved content by absolute path, in display order. */
  saved: Record<string, string>;
  paths: string[];
  selected: string | null;
  dirty: Record<string, boolean>;
}

export function createFilesStore(): StoreApi<FilesState> {
  return createStore<FilesState>()(() => ({ saved: {}, paths: [], selected: null, dirty: {} }));
}

/** Files the editor lists: under /root, no hidden files or directories (.kube, .bashrc). */
export function isEditableFile(path: string): boolean {
  if (!path.startsWith(HOME + '/')) return false;
  return !path
    .slice(HOME.length + 1)
    .split('/')
    .some((seg) => seg.startsWith('.') || seg === '');
}

/** Path relative to the home directory, as the learner types it in the shell. */
export function displayName(path: string): string {
  return path.startsWith(HOME + '/') ? path.slice(HOME.length + 1) : path;
}

/** A word for the shell: as is when safe, else single-quoted. */
export function shellWord(text: string): string {
  if (/^[\w./+@%=:,-]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A name typed in the "new file" box as an absolute path, or an error message.
 * Relative names live in /root.
 */
export function resolveNewName(name: string, existing: readonly string[]): { path: string } | { error: string } {
  const trimmed = name.trim();
  if (trimmed === '') return { error: 'Enter a file name' };
  if (/\s/.test(trimmed)) return { error: 'File names cannot contain spaces' };
  const rel = trimmed.replace(/^~\//, '').replace(/^\/root\//, '');
  if (rel.startsWith('/')) return { error: 'Files live in /root' };
  const path = `${HOME}/${rel}`;
  if (!isEditableFile(path) || rel.split('/').includes('..')) return { error: 'Not a valid file name' };
  if (existing.includes(path)) return { error: `${rel} already exists` };
  return { path };
}

/** Replace the file list with the worker's, keeping the selection where possible. */
export function applyWorkerFiles(store: StoreApi<FilesState>, entries: readonly FileEntry[]): void {
  const files = entries.filter((f) => isEditableFile(f.path));
  files.sort((a, b) => a.path.localeCompare(b.path));
  const saved: Record<string, string> = {};
  for (const f of files) saved[f.path] = f.content;
  const paths = files.map((f) => f.path);
  const prev = store.getState();
  const selected = prev.selected !== null && prev.selected in saved ? prev.selected : (paths[0] ?? null);
  const dirty: Record<string, boolean> = {};
  for (const p of paths) if (prev.dirty[p]) dirty[p] = true;
  if (sameFiles(prev, saved, paths) && selected === prev.selected && Object.keys(dirty).length === Object.keys(prev.dirty).length) return;
  store.setState({ saved, paths, selected, dirty });
}

function sameFiles(prev: FilesState, saved: Record<string, string>, paths: string[]): boolean {
  if (prev.paths.length !== paths.length) return false;
  return paths.every((p, i) => prev.paths[i] === p && prev.saved[p] === saved[p]);
}

export function setDirty(store: StoreApi<FilesState>, path: string, dirty: boolean): void {
  const cur = store.getState().dirty;
  if (Boolean(cur[path]) === dirty) return;
  const next = { ...cur };
  if (dirty) next[path] = true;
  else delete next[path];
  store.setState({ dirty: next });
}
