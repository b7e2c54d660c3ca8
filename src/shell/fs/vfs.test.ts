import { describe, expect, it } from 'vitest';
import { FsError, VirtualFs, type FsChange } from './vfs';
import { basename, dirname, resolvePath } from './path';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
  return 'ok';
}

describe('paths', () => {
  it('resolves relative paths, ~, . and ..', () => {
    expect(resolvePath('a/b', '/root', '/root')).toBe('/root/a/b');
    expect(resolvePath('../etc/./hosts', '/root', '/root')).toBe('/etc/hosts');
    expect(resolvePath('~', '/tmp', '/root')).toBe('/root');
    expect(resolvePath('~/x.yaml', '/tmp', '/root')).toBe('/root/x.yaml');
    expect(resolvePath('/../..//x/', '/', '/root')).toBe('/x');
    expect(resolvePath('.', '/', '/root')).toBe('/');
  });
  it('splits names like dirname and basename', () => {
    expect(dirname('/a/b')).toBe('/a');
    expect(dirname('/a')).toBe('/');
    expect(basename('a/b/')).toBe('b');
    expect(basename('/')).toBe('/');
  });
});

describe('VirtualFs', () => {
  it('starts with /root (the home), /tmp and /dev/null', () => {
    const fs = new VirtualFs();
    expect(fs.isDir('/root')).toBe(true);
    expect(fs.isDir('/tmp')).toBe(true);
    expect(fs.stat('/dev/null')?.type).toBe('device');
    expect(fs.home).toBe('/root');
    expect(fs.snapshot()).toEqual([]);
  });
  it('writes and reads files, keeping the old read/write contract', () => {
    const fs = new VirtualFs();
    fs.write('/root/vote.yaml', 'kind: Service\n');
    expect(fs.read('/root/vote.yaml')).toBe('kind: Service\n');
    expect(fs.read('/root/missing')).toBeUndefined();
    expect(fs.read('/root')).toBeUndefined();
    fs.append('/root/vote.yaml', '---\n');
    expect(fs.readFile('/root/vote.yaml')).toBe('kind: Service\n---\n');
  });
  it('fails like the kernel: missing parents, directories, files in the way', () => {
    const fs = new VirtualFs();
    fs.write('/root/f', 'x');
    expect(code(() => fs.write('/root/nodir/x', ''))).toBe('ENOENT');
    expect(code(() => fs.write('/root', ''))).toBe('EISDIR');
    expect(code(() => fs.write('/root/f/x', ''))).toBe('ENOTDIR');
    expect(code(() => fs.readFile('/root'))).toBe('EISDIR');
    expect(code(() => fs.readFile('/root/nope'))).toBe('ENOENT');
    expect(code(() => fs.readFile('/root/f/'))).toBe('ENOTDIR');
    expect(code(() => fs.list('/root/f'))).toBe('ENOTDIR');
    expect(new FsError('ENOENT', 'x').message).toBe('No such file or directory');
  });
  it('makes directories with and without -p semantics', () => {
    const fs = new VirtualFs();
    expect(code(() => fs.mkdir('/root/a/b'))).toBe('ENOENT');
    fs.mkdir('/root/a/b', { parents: true });
    expect(fs.isDir('/root/a/b')).toBe(true);
    expect(code(() => fs.mkdir('/root/a'))).toBe('EEXIST');
    expect(code(() => fs.mkdir('/root/a', { parents: true }))).toBe('ok');
    fs.write('/root/file', '');
    expect(code(() => fs.mkdir('/root/file', { parents: true }))).toBe('EEXIST');
    expect(code(() => fs.mkdir('/root/file/x', { parents: true }))).toBe('ENOTDIR');
  });
  it('lists entries in byte order and stats them', () => {
    const fs = new VirtualFs({ now: () => 42 });
    for (const n of ['b', 'B', 'a', '_x']) fs.write(`/root/${n}`, 'héllo');
    fs.mkdir('/root/sub');
    expect(fs.list('/root')).toEqual(['B', '_x', 'a', 'b', 'sub']);
    expect(fs.stat('/root/a')).toEqual({ path: '/root/a', type: 'file', size: 6, mtime: 42, nlink: 1 });
    expect(fs.stat('/root')).toMatchObject({ type: 'dir', size: 4096, nlink: 3 });
  });
  it('removes files and directories like rm, rm -r and rmdir', () => {
    const fs = new VirtualFs();
    fs.write('/root/d/f', '', { parents: true });
    expect(code(() => fs.remove('/root/d'))).toBe('EISDIR');
    expect(code(() => fs.remove('/root/d', { dir: true }))).toBe('ENOTEMPTY');
    expect(code(() => fs.remove('/root/d/f', { dir: true }))).toBe('ENOTDIR');
    fs.remove('/root/d', { recursive: true });
    expect(fs.exists('/root/d')).toBe(false);
    expect(code(() => fs.remove('/root/d'))).toBe('ENOENT');
    expect(code(() => fs.remove('/', { recursive: true }))).toBe('EBUSY');
  });
  it('renames like rename(2)', () => {
    const fs = new VirtualFs();
    fs.write('/root/a', 'A');
    fs.write('/root/b', 'B');
    fs.mkdir('/root/d');
    fs.rename('/root/a', '/root/b');
    expect(fs.read('/root/b')).toBe('A');
    expect(fs.exists('/root/a')).toBe(false);
    expect(code(() => fs.rename('/root/b', '/root/d'))).toBe('EISDIR');
    expect(code(() => fs.rename('/root/d', '/root/b'))).toBe('ENOTDIR');
    expect(code(() => fs.rename('/root/d', '/root/d/e'))).toBe('EINVAL');
    fs.rename('/root/d', '/tmp/moved');
    expect(fs.isDir('/tmp/moved')).toBe(true);
  });
  it('resolves relative paths from a view, sharing the tree', () => {
    const fs = new VirtualFs();
    const view = fs.withCwd('/root');
    view.write('x.yaml', 'x');
    expect(fs.read('/root/x.yaml')).toBe('x');
    expect(view.cwd).toBe('/root');
    expect(view.withCwd('..').resolve('tmp')).toBe('/tmp');
    expect(view.read('~/x.yaml')).toBe('x');
  });
  it('discards writes to /dev/null', () => {
    const fs = new VirtualFs();
    fs.write('/dev/null', 'gone');
    expect(fs.read('/dev/null')).toBe('');
  });
  it('tells listeners about every change, from any view', () => {
    const fs = new VirtualFs();
    const seen: FsChange[] = [];
    const off = fs.onChange((c) => seen.push(c));
    const view = fs.withCwd('/root');
    view.write('a', '1');
    view.mkdir('d');
    view.rename('a', 'd/a');
    view.touch('d/a');
    view.remove('d', { recursive: true });
    off();
    view.write('b', '');
    expect(seen).toEqual([
      { kind: 'write', path: '/root/a' },
      { kind: 'mkdir', path: '/root/d' },
      { kind: 'rename', path: '/root/a', to: '/root/d/a' },
      { kind: 'touch', path: '/root/d/a' },
      { kind: 'remove', path: '/root/d' },
    ]);
  });
  it('round-trips through snapshot and fromFiles, as plain data', () => {
    const fs = new VirtualFs();
    fs.write('/root/vote.yaml', 'a');
    fs.write('/root/lab/redis.yaml', 'b', { parents: true });
    fs.write('/tmp/t', 'c');
    fs.mkdir('/root/empty');
    const snap = fs.snapshot();
    expect(snap).toEqual([
      { path: '/root/lab/redis.yaml', content: 'b' },
      { path: '/root/vote.yaml', content: 'a' },
      { path: '/tmp/t', content: 'c' },
    ]);
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    const copy = VirtualFs.fromFiles(snap);
    expect(copy.snapshot()).toEqual(snap);
    expect(copy.isDir('/root/lab')).toBe(true);
    expect(structuredClone(snap)).toEqual(snap);
  });
  it('stamps modification times from the clock it is given', () => {
    let now = 1000;
    const fs = new VirtualFs();
    fs.setClock(() => now);
    fs.write('/root/a', '');
    now = 2000;
    fs.touch('/root/a');
    expect(fs.stat('/root/a')?.mtime).toBe(2000);
  });
});
