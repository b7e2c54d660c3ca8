// Path arithmetic for the virtual file system: purely lexical, like a shell's
// logical view of paths (there are no symlinks in the VFS, so `a/..` is `.`).

/** Turn `path` into an absolute, normalised path (no `.`, `..`, `//`, trailing `/`). */
export function resolvePath(path: string, cwd: string, home: string): string {
  let p = path;
  if (p === '~') p = home;
  else if (p.startsWith('~/')) p = home + p.slice(1);
  if (!p.startsWith('/')) p = (cwd === '/' ? '' : cwd) + '/' + p;
  return normalise(p);
}

export function normalise(absolute: string): string {
  const out: string[] = [];
  for (const seg of absolute.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

/** The segments of a normalised absolute path (`/` has none). */
export function segments(absolute: string): string[] {
  return absolute === '/' ? [] : absolute.slice(1).split('/');
}

export function dirname(absolute: string): string {
  const i = absolute.lastIndexOf('/');
  return i <= 0 ? '/' : absolute.slice(0, i);
}

/** The last component as the user wrote it (`a/b/` gives `b`), like basename(1). */
export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, name: string): string {
  if (dir.endsWith('/')) return dir + name;
  return dir + '/' + name;
}
