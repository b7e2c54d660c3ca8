// Shell patterns (`*`, `?`, `[...]`) for pathname expansion and `${x#pat}`.
// In a pattern string, a backslash quotes the next character: the expander
// escapes quoted text that way, so `"*".yaml` matches only a literal `*`.

import type { VirtualFs } from '../fs/vfs';

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f',
  word: 'A-Za-z0-9_', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~',
};

export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?') return true;
    else if (c === '[' && bracketEnd(pattern, i) > 0) return true;
  }
  return false;
}

/** Remove the backslash quoting of a pattern string. */
export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\(.)/gs, '$1');
}

/** Escape text so that it matches itself as a pattern. */
export function escapePattern(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&');
}

/** The regular-expression source for a pattern (unanchored). */
export function patternSource(pattern: string, greedy = true): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      out += escapeRegex(pattern[++i]);
    } else if (c === '*') {
      out += greedy ? '[^]*' : '[^]*?';
    } else if (c === '?') {
      out += '[^]';
    } else if (c === '[') {
      const end = bracketEnd(pattern, i);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      out += bracketSource(pattern.slice(i + 1, end));
      i = end;
    } else {
      out += escapeRegex(c);
    }
  }
  return out;
}

export function patternRegExp(pattern: string): RegExp {
  return new RegExp('^(?:' + patternSource(pattern) + ')$');
}

/** Offset of the `]` closing a bracket expression opened at `open`, or -1. */
function bracketEnd(p: string, open: number): number {
  let i = open + 1;
  if (p[i] === '!' || p[i] === '^') i++;
  if (p[i] === ']') i++;
  for (; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      if (close > 0) i = close + 1;
    } else if (p[i] === ']') return i;
  }
  return -1;
}

function bracketSource(body: string): string {
  let i = 0;
  let negate = false;
  if (body[0] === '!' || body[0] === '^') {
    negate = true;
    i = 1;
  }
  let set = '';
  for (; i < body.length; i++) {
    const c = body[i];
    if (c === '[' && body[i + 1] === ':') {
      const close = body.indexOf(':]', i + 2);
      const name = body.slice(i + 2, close);
      if (close > 0 && name in CLASSES) {
        set += CLASSES[name];
        i = close + 1;
        continue;
      }
    }
    if (c === '\\' && i + 1 < body.length) {
      set += escapeClassChar(body[++i]);
    } else {
      set += c === '-' && i > 0 && i < body.length - 1 ? '-' : escapeClassChar(c);
    }
  }
  return (negate ? '[^' : '[') + set + ']';
}

function escapeClassChar(c: string): string {
  return /[\\\]^-]/.test(c) ? '\\' + c : c;
}

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Pathname expansion against the VFS: the sorted matches, or an empty list
 * (the caller keeps the word as it was, like bash without nullglob).
 */
export function globFiles(pattern: string, fs: VirtualFs): string[] {
  const absolute = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let candidates: string[] = [absolute ? '/' : ''];
  for (let si = absolute ? 1 : 0; si < segs.length; si++) {
    const seg = segs[si];
    const last = si === segs.length - 1;
    const next: string[] = [];
    for (const base of candidates) {
      const dir = base === '' ? '.' : base;
      if (!hasGlobChars(seg)) {
        const path = join(base, unescapePattern(seg));
        if (last ? fs.exists(path) : fs.isDir(path)) next.push(path);
        continue;
      }
      if (!fs.isDir(dir)) continue;
      const re = patternRegExp(seg);
      const dotOk = seg.startsWith('.') || seg.startsWith('\\.');
      for (const name of fs.list(dir)) {
        if (name.startsWith('.') && !dotOk) continue;
        if (!re.test(name)) continue;
        const path = join(base, name);
        if (last || fs.isDir(path)) next.push(path);
      }
    }
    candidates = next;
    if (candidates.length === 0) return [];
  }
  if (pattern.endsWith('/')) candidates = candidates.filter((c) => fs.isDir(c)).map((c) => c + '/');
  return candidates.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function join(base: string, name: string): string {
  if (base === '') return name;
  return base.endsWith('/') ? base + name : base + '/' + name;
}
