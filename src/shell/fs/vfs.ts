// The virtual file system: an in-memory tree of directories and text files.
// State is plain data (nested Maps of nodes); listeners and the clock live
// beside it. `withCwd` returns a view on the same tree that resolves relative
// paths against another directory, which is how the shell hands each command
// a file system that follows `cd`.

import { basename, dirname, joinPath, resolvePath, segments } from './path';

export type FsErrorCode = 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EINVAL' | 'EBUSY';

/** strerror(3) texts, as GNU tools print them after `name: `. */
export const STRERROR: Readonly<Record<FsErrorCode, string>> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
  EBUSY: 'Device or resource busy',
};

export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
  ) {
    super(STRERROR[code]);
    this.name = 'FsError';
  }
}

export type FileType = 'file' | 'dir' | 'device';

export interface FileStat {
  readonly path: string;
  readonly type: FileType;
  /** Bytes (UTF-8) for files, 4096 for directories, 0 for devices. */
  readonly size: number;
  readonly mtime: number;
  /** Hard-link count as ls -l shows it: 1 for files, 2 + subdirectories for directories. */
  readonly nlink: number;
}

export interface FsChange {
  readonly kind: 'write' | 'remove' | 'mkdir' | 'rename' | 'touch';
  readonly path: string;
  /** For renames: the new path. */
  readonly to?: string;
}

export interface StoredFile {
  path: string;
  content: string;
}

export interface VirtualFsOptions {
  /** The user's home (default `/root`), created with the tree. */
  home?: string;
  /** Virtual clock for modification times (default: always 0 until `setClock`). */
  now?: () => number;
  /** Extra directories to create (`/tmp` and `/dev` always exist). */
  dirs?: readonly string[];
}

interface FileNode {
  kind: 'file';
  content: string;
  mtime: number;
}
interface DirNode {
  kind: 'dir';
  mtime: number;
  entries: Map<string, Node>;
}
interface DeviceNode {
  kind: 'device';
  mtime: number;
}
type Node = FileNode | DirNode | DeviceNode;

interface Shared {
  root: DirNode;
  home: string;
  now: () => number;
  listeners: Set<(change: FsChange) => void>;
}

const encoder = new TextEncoder();

export class VirtualFs {
  private readonly shared: Shared;
  /** The directory relative paths resolve against. */
  readonly cwd: string;

  constructor(options: VirtualFsOptions = {}) {
    const now = options.now ?? (() => 0);
    this.shared = {
      root: { kind: 'dir', mtime: now(), entries: new Map() },
      home: options.home ?? '/root',
      now,
      listeners: new Set(),
    };
    this.cwd = '/';
    for (const d of [this.shared.home, '/tmp', '/dev', ...(options.dirs ?? [])]) this.mkdirQuiet(d);
    this.dirNode('/dev').entries.set('null', { kind: 'device', mtime: now() });
  }

  /** Rebuild a tree from `snapshot()` output (parents are created as needed). */
  static fromFiles(files: readonly StoredFile[], options: VirtualFsOptions = {}): VirtualFs {
    const fs = new VirtualFs(options);
    for (const f of files) fs.write(f.path, f.content, { parents: true });
    return fs;
  }

  /**
   * An independent copy of the whole tree (no listeners; file contents are
   * shared strings, so the copy costs one node per entry): a fresh instance of
   * a template tree, such as an image's file system for each container.
   */
  clone(now?: () => number): VirtualFs {
    const copy = (n: Node): Node =>
      n.kind === 'dir' ? { kind: 'dir', mtime: n.mtime, entries: new Map([...n.entries].map(([k, v]) => [k, copy(v)])) } : { ...n };
    const fs = Object.create(VirtualFs.prototype) as VirtualFs;
    const shared: Shared = { root: copy(this.shared.root) as DirNode, home: this.shared.home, now: now ?? this.shared.now, listeners: new Set() };
    Object.assign(fs, { shared, cwd: '/' });
    return fs;
  }

  get home(): string {
    return this.shared.home;
  }

  /** A view on the same tree whose relative paths start at `cwd`. */
  withCwd(cwd: string): VirtualFs {
    const view = Object.create(VirtualFs.prototype) as VirtualFs;
    Object.assign(view, { shared: this.shared, cwd: this.resolve(cwd) });
    return view;
  }

  /** Use the simulation's virtual clock for modification times. */
  setClock(now: () => number): void {
    this.shared.now = now;
  }

  resolve(path: string): string {
    return resolvePath(path, this.cwd, this.shared.home);
  }

  onChange(listener: (change: FsChange) => void): () => void {
    this.shared.listeners.add(listener);
    return () => this.shared.listeners.delete(listener);
  }

  exists(path: string): boolean {
    return this.lookup(path) !== undefined;
  }

  isDir(path: string): boolean {
    return this.lookup(path)?.kind === 'dir';
  }

  isFile(path: string): boolean {
    return this.lookup(path)?.kind === 'file';
  }

  stat(path: string): FileStat | undefined {
    const node = this.lookup(path);
    if (!node) return undefined;
    const abs = this.resolve(path);
    switch (node.kind) {
      case 'file':
        return { path: abs, type: 'file', size: encoder.encode(node.content).length, mtime: node.mtime, nlink: 1 };
      case 'dir': {
        let subdirs = 0;
        for (const child of node.entries.values()) if (child.kind === 'dir') subdirs++;
        return { path: abs, type: 'dir', size: 4096, mtime: node.mtime, nlink: 2 + subdirs };
      }
      case 'device':
        return { path: abs, type: 'device', size: 0, mtime: node.mtime, nlink: 1 };
    }
  }

  /** File content, or undefined when `path` is missing or not a regular file. */
  read(path: string): string | undefined {
    const node = this.lookup(path);
    if (node?.kind === 'file') return node.content;
    if (node?.kind === 'device') return '';
    return undefined;
  }

  /** File content; throws FsError (ENOENT, EISDIR, ENOTDIR). */
  readFile(path: string): string {
    const node = this.lookupOrThrow(path);
    if (node.kind === 'dir') throw new FsError('EISDIR', path);
    return node.kind === 'file' ? node.content : '';
  }

  /**
   * Create or replace a file. The parent must exist unless `parents` is set;
   * throws FsError (ENOENT, ENOTDIR, EISDIR).
   */
  write(path: string, content: string, options: { parents?: boolean } = {}): void {
    this.put(path, content, false, options.parents ?? false);
  }

  append(path: string, content: string): void {
    this.put(path, content, true, false);
  }

  /** Create an empty file or update the modification time of an existing entry. */
  touch(path: string): void {
    const node = this.lookup(path);
    if (node) {
      node.mtime = this.shared.now();
      this.emit({ kind: 'touch', path: this.resolve(path) });
      return;
    }
    this.put(path, '', true, false);
  }

  /** mkdir(2), or `mkdir -p` with `parents`: throws FsError (EEXIST, ENOENT, ENOTDIR). */
  mkdir(path: string, options: { parents?: boolean } = {}): void {
    const abs = this.resolve(path);
    const segs = segments(abs);
    let dir = this.shared.root;
    for (let i = 0; i < segs.length; i++) {
      const last = i === segs.length - 1;
      const child = dir.entries.get(segs[i]);
      if (child === undefined) {
        if (!last && !options.parents) throw new FsError('ENOENT', path);
        const made: DirNode = { kind: 'dir', mtime: this.shared.now(), entries: new Map() };
        dir.entries.set(segs[i], made);
        dir.mtime = made.mtime;
        this.emit({ kind: 'mkdir', path: '/' + segs.slice(0, i + 1).join('/') });
        dir = made;
        continue;
      }
      if (child.kind !== 'dir') throw new FsError(last ? 'EEXIST' : 'ENOTDIR', path);
      if (last && !options.parents) throw new FsError('EEXIST', path);
      dir = child;
    }
    if (segs.length === 0 && !options.parents) throw new FsError('EEXIST', path);
  }

  /**
   * Remove a file, or a directory with `recursive` (rm -r) or when it is empty
   * and `dir` is set (rmdir). Throws FsError (ENOENT, EISDIR, ENOTEMPTY, EBUSY).
   */
  remove(path: string, options: { recursive?: boolean; dir?: boolean } = {}): void {
    const abs = this.resolve(path);
    const node = this.lookupOrThrow(path);
    if (abs === '/') throw new FsError('EBUSY', path);
    if (node.kind === 'dir') {
      if (!options.recursive && !options.dir) throw new FsError('EISDIR', path);
      if (!options.recursive && node.entries.size > 0) throw new FsError('ENOTEMPTY', path);
    } else if (options.dir && !options.recursive) {
      throw new FsError('ENOTDIR', path);
    }
    const parent = this.dirNode(dirname(abs));
    parent.entries.delete(basename(abs));
    parent.mtime = this.shared.now();
    this.emit({ kind: 'remove', path: abs });
  }

  /** rename(2): replaces a file target, or an empty directory target with a directory. */
  rename(from: string, to: string): void {
    const src = this.resolve(from);
    const dst = this.resolve(to);
    const node = this.lookupOrThrow(from);
    if (src === dst) return;
    if (dst.startsWith(src + '/') || src === '/') throw new FsError('EINVAL', to);
    const parent = this.parentDirOrThrow(to);
    const existing = parent.entries.get(basename(dst));
    if (existing) {
      if (existing.kind === 'dir' && node.kind !== 'dir') throw new FsError('EISDIR', to);
      if (existing.kind !== 'dir' && node.kind === 'dir') throw new FsError('ENOTDIR', to);
      if (existing.kind === 'dir' && existing.entries.size > 0) throw new FsError('ENOTEMPTY', to);
    }
    const oldParent = this.dirNode(dirname(src));
    oldParent.entries.delete(basename(src));
    parent.entries.set(basename(dst), node);
    oldParent.mtime = parent.mtime = this.shared.now();
    this.emit({ kind: 'rename', path: src, to: dst });
  }

  /** Entry names of a directory in byte order (ls's C-locale order); throws FsError (ENOENT, ENOTDIR). */
  list(path: string): string[] {
    const node = this.lookupOrThrow(path);
    if (node.kind !== 'dir') throw new FsError('ENOTDIR', path);
    return [...node.entries.keys()].sort(byteOrder);
  }

  /** Every regular file, sorted by path: what a share link stores. */
  snapshot(): StoredFile[] {
    const out: StoredFile[] = [];
    const walk = (dir: DirNode, at: string): void => {
      for (const [name, node] of dir.entries) {
        const p = joinPath(at, name);
        if (node.kind === 'file') out.push({ path: p, content: node.content });
        else if (node.kind === 'dir') walk(node, p);
      }
    };
    walk(this.shared.root, '/');
    return out.sort((a, b) => byteOrder(a.path, b.path));
  }

  private put(path: string, content: string, append: boolean, parents: boolean): void {
    const abs = this.resolve(path);
    if (path.endsWith('/')) throw new FsError(this.lookup(abs)?.kind === 'dir' ? 'EISDIR' : 'ENOENT', path);
    if (parents) this.mkdirQuiet(dirname(abs));
    const parent = this.parentDirOrThrow(path);
    const name = basename(abs);
    const existing = parent.entries.get(name);
    const now = this.shared.now();
    if (existing?.kind === 'dir') throw new FsError('EISDIR', path);
    if (existing?.kind === 'device') {
      existing.mtime = now;
      return;
    }
    if (existing) {
      existing.content = append ? existing.content + content : content;
      existing.mtime = now;
    } else {
      parent.entries.set(name, { kind: 'file', content, mtime: now });
      parent.mtime = now;
    }
    this.emit({ kind: 'write', path: abs });
  }

  private mkdirQuiet(path: string): void {
    try {
      this.mkdir(path, { parents: true });
    } catch {
      // a file is in the way: leave the tree as it is
    }
  }

  private parentDirOrThrow(path: string): DirNode {
    const parentPath = dirname(this.resolve(path));
    const parent = this.lookup(parentPath);
    if (!parent) throw new FsError('ENOENT', path);
    if (parent.kind !== 'dir') throw new FsError('ENOTDIR', path);
    return parent;
  }

  private dirNode(abs: string): DirNode {
    const node = this.lookup(abs);
    if (node?.kind !== 'dir') throw new FsError('ENOTDIR', abs);
    return node;
  }

  private lookupOrThrow(path: string): Node {
    const node = this.lookup(path);
    if (node) return node;
    throw new FsError(this.blockedByFile(path) ? 'ENOTDIR' : 'ENOENT', path);
  }

  /** True when a prefix of `path` (or the path itself, given with a trailing `/`) is a file. */
  private blockedByFile(path: string): boolean {
    const segs = segments(this.resolve(path));
    let node: Node = this.shared.root;
    for (const s of segs) {
      if (node.kind !== 'dir') return true;
      const next = node.entries.get(s);
      if (!next) return false;
      node = next;
    }
    return node.kind !== 'dir' && path.endsWith('/');
  }

  private lookup(path: string): Node | undefined {
    let node: Node = this.shared.root;
    for (const s of segments(this.resolve(path))) {
      if (node.kind !== 'dir') return undefined;
      const next = node.entries.get(s);
      if (!next) return undefined;
      node = next;
    }
    // `file/` names a directory that is not there
    if (node.kind !== 'dir' && /\/\.?$/.test(path) && path !== '/') return undefined;
    return node;
  }

  private emit(change: FsChange): void {
    for (const l of [...this.shared.listeners]) l(change);
  }
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
