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
  /**
   * Paths in `paths` that the worker's listing does not include: files a command
   * opened for editing (kubectl edit's /tmp file, a file vi just created). They
   * stay until the edit ends, or until the listing includes them.
   */
  temporary: string[];
}

export const EMPTY_FILES: FilesState = { saved: {}, paths: [], selected: null, dirty: {}, temporary: [] };

export function createFilesStore(): StoreApi<FilesState> {
  return createStore<FilesState>()(() => ({ ...EMPTY_FILES }));
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

/** Replace the file list with the worker's, keeping the selection (and temporary files) where possible. */
export function applyWorkerFiles(store: StoreApi<FilesState>, entries: readonly FileEntry[]): void {
  const files = entries.filter((f) => isEditableFile(f.path));
  files.sort((a, b) => a.path.localeCompare(b.path));
  const saved: Record<string, string> = {};
  for (const f of files) saved[f.path] = f.content;
  const prev = store.getState();
  const temporary = prev.temporary.filter((p) => !(p in saved));
  for (const t of temporary) saved[t] = prev.saved[t] ?? '';
  const paths = [...files.map((f) => f.path), ...temporary];
  const selected = prev.selected !== null && prev.selected in saved ? prev.selected : (paths[0] ?? null);
  const dirty: Record<string, boolean> = {};
  for (const p of paths) if (prev.dirty[p]) dirty[p] = true;
  const unchanged =
    sameFiles(prev, saved, paths) &&
    selected === prev.selected &&
    temporary.length === prev.temporary.length &&
    Object.keys(dirty).length === Object.keys(prev.dirty).length;
  if (unchanged) return;
  store.setState({ saved, paths, selected, dirty, temporary });
}

function sameFiles(prev: FilesState, saved: Record<string, string>, paths: string[]): boolean {
  if (prev.paths.length !== paths.length) return false;
  return paths.every((p, i) => prev.paths[i] === p && prev.saved[p] === saved[p]);
}

/**
 * Show `content` as the saved text of `path`, discarding unsaved edits (a
 * command re-opened it), and list the path as temporary unless it is listed.
 */
export function openForEdit(store: StoreApi<FilesState>, path: string, content: string): void {
  const s = store.getState();
  const listed = s.paths.includes(path);
  const dirty = { ...s.dirty };
  delete dirty[path];
  store.setState({
    saved: { ...s.saved, [path]: content },
    paths: listed ? s.paths : [...s.paths, path],
    temporary: listed ? s.temporary : [...s.temporary, path],
    dirty,
    selected: path,
  });
}

/**
 * The edit of `path` ended: a temporary file outside the learner's files goes
 * away (selecting `fallback`); one under /root stays, as the listing will have it.
 */
export function closeEdit(store: StoreApi<FilesState>, path: string, fallback: string | null): void {
  const s = store.getState();
  if (!s.temporary.includes(path)) return;
  const temporary = s.temporary.filter((p) => p !== path);
  if (isEditableFile(path)) {
    store.setState({ temporary });
    return;
  }
  const saved = { ...s.saved };
  delete saved[path];
  const dirty = { ...s.dirty };
  delete dirty[path];
  const paths = s.paths.filter((p) => p !== path);
  const selected = s.selected !== path ? s.selected : fallback !== null && paths.includes(fallback) ? fallback : (paths[0] ?? null);
  store.setState({ saved, dirty, paths, temporary, selected });
}

export function setDirty(store: StoreApi<FilesState>, path: string, dirty: boolean): void {
  const cur = store.getState().dirty;
  if (Boolean(cur[path]) === dirty) return;
  const next = { ...cur };
  if (dirty) next[path] = true;
  else delete next[path];
  store.setState({ dirty: next });
}
