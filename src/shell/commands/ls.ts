// ls [-laA1dhrtSFp] [FILE]...: GNU coreutils 9 output. On a terminal, names
// go in columns laid out like GNU ls (tab stops of 8); into a pipe or a file,
// one per line. In busybox and Alpine containers, busybox's ls: its messages
// (`ls: x: No such file or directory`, status 1) and its columns (padded with
// spaces, all as wide as the longest name plus two).

import type { Command, CommandIO, ExecContext } from '../types';
import type { FileStat } from '../fs/vfs';
import { isTty, terminalColumns } from '../interp/context';
import { getopt } from './lib/getopt';
import { busyboxUserland, quoteFile, usageError } from './lib/util';
import { strftime } from './date';

interface Entry {
  name: string;
  stat: FileStat;
}

interface Options {
  long: boolean;
  all: boolean;
  almostAll: boolean;
  onePerLine: boolean;
  directory: boolean;
  human: boolean;
  reverse: boolean;
  sort: 'name' | 'time' | 'size' | 'none';
  classify: boolean;
  slash: boolean;
  busybox: boolean;
}

/** GNU ls calls a file recent (time shown instead of year) within half a Gregorian year. */
const SIX_MONTHS_MS = (365.2425 * 24 * 60 * 60 * 1000) / 2;

export const ls: Command = (argv, io, ctx) => {
  const parsed = getopt('ls', argv.slice(1), {
    short: { l: 'none', a: 'none', A: 'none', '1': 'none', d: 'none', h: 'none', r: 'none', t: 'none', S: 'none', U: 'none', F: 'none', p: 'none', C: 'none' },
    long: {
      all: { arg: 'none', key: 'a' }, 'almost-all': { arg: 'none', key: 'A' }, directory: { arg: 'none', key: 'd' },
      'human-readable': { arg: 'none', key: 'h' }, reverse: { arg: 'none', key: 'r' }, classify: { arg: 'none', key: 'F' },
      color: { arg: 'optional' },
    },
  });
  if (!parsed.ok) return usageError(io, 'ls', parsed.error, 2);
  const o: Options = {
    long: false, all: false, almostAll: false, onePerLine: !isTty(io), directory: false, human: false,
    reverse: false, sort: 'name', classify: false, slash: false, busybox: busyboxUserland(ctx),
  };
  for (const opt of parsed.options) {
    switch (opt.key) {
      case 'l': o.long = true; break;
      case 'a': o.all = true; break;
      case 'A': o.almostAll = true; break;
      case '1': o.onePerLine = true; break;
      case 'C': o.onePerLine = false; break;
      case 'd': o.directory = true; break;
      case 'h': o.human = true; break;
      case 'r': o.reverse = true; break;
      case 't': o.sort = 'time'; break;
      case 'S': o.sort = 'size'; break;
      case 'U': o.sort = 'none'; break;
      case 'F': o.classify = true; break;
      case 'p': o.slash = true; break;
    }
  }
  const operands = parsed.operands.length ? parsed.operands : ['.'];
  let status = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const p of operands) {
    const stat = ctx.fs.stat(p);
    if (!stat) {
      const why = p.endsWith('/') && ctx.fs.isFile(p.replace(/\/+$/, '')) ? 'Not a directory' : 'No such file or directory';
      io.stderr(o.busybox ? `ls: ${p}: ${why}\n` : `ls: cannot access ${quoteFile(p)}: ${why}\n`);
      status = o.busybox ? 1 : 2;
      continue;
    }
    if (stat.type === 'dir' && !o.directory) dirs.push({ name: p, stat });
    else files.push({ name: p, stat });
  }
  const now = ctx.sim.now();
  let out = '';
  if (files.length) out += render(sortEntries(files, o), o, io, ctx, now);
  const headers = operands.length > 1 || files.length > 0 || status !== 0;
  sortEntries(dirs, o).forEach((d, i) => {
    if (out !== '' || i > 0) out += '\n';
    if (headers) out += `${d.name}:\n`;
    const entries = listDir(d.name, o, ctx);
    if (o.long) out += `total ${total(entries, o.human)}\n`;
    out += render(sortEntries(entries, o), o, io, ctx, now);
  });
  io.stdout(out);
  return status;
};

function listDir(dir: string, o: Options, ctx: ExecContext): Entry[] {
  const out: Entry[] = [];
  if (o.all) {
    for (const dot of ['.', '..']) out.push({ name: dot, stat: ctx.fs.stat(`${dir}/${dot}`)! });
  }
  for (const name of ctx.fs.list(dir)) {
    if (name.startsWith('.') && !o.all && !o.almostAll) continue;
    out.push({ name, stat: ctx.fs.stat(dir.replace(/\/$/, '') + '/' + name)! });
  }
  return out;
}

function sortEntries(entries: Entry[], o: Options): Entry[] {
  if (o.sort === 'none') return entries;
  const byName = (a: Entry, b: Entry): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const cmp =
    o.sort === 'time' ? (a: Entry, b: Entry) => b.stat.mtime - a.stat.mtime || byName(a, b)
    : o.sort === 'size' ? (a: Entry, b: Entry) => b.stat.size - a.stat.size || byName(a, b)
    : byName;
  const sorted = [...entries].sort(cmp);
  return o.reverse ? sorted.reverse() : sorted;
}

function decorated(e: Entry, o: Options): string {
  if ((o.classify || o.slash) && e.stat.type === 'dir') return e.name + '/';
  return e.name;
}

function render(entries: Entry[], o: Options, io: CommandIO, ctx: ExecContext, now: number): string {
  if (entries.length === 0) return '';
  if (o.long) return longListing(entries, o, now);
  const names = entries.map((e) => decorated(e, o));
  if (o.onePerLine) return names.map((n) => n + '\n').join('');
  if (o.busybox) return busyboxColumns(names, terminalColumns(io, ctx.env));
  return columns(names, terminalColumns(io, ctx.env));
}

/**
 * busybox ls's layout (coreutils/ls.c display_files): every column as wide as
 * the longest name plus two, as many as fit in one less than the terminal's
 * width, filled down then across, padded with spaces.
 */
export function busyboxColumns(names: string[], width: number): string {
  const lens = names.map((s) => [...s].length);
  const columnWidth = Math.max(...lens) + 2;
  let cols = Math.floor((width - 1) / columnWidth);
  let rows = names.length;
  if (cols > 1) rows = Math.ceil(names.length / cols);
  else cols = 1;
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    let column = 0;
    let nextTab = 0;
    for (let c = 0; c < cols; c++) {
      const i = c * rows + r;
      if (i >= names.length) continue;
      if (column > 0) {
        line += ' '.repeat(nextTab - column);
        column = nextTab;
      }
      nextTab = column + columnWidth;
      line += names[i];
      column += lens[i];
    }
    out += line + '\n';
  }
  return out;
}

function longListing(entries: Entry[], o: Options, now: number): string {
  const rows = entries.map((e) => ({
    mode: e.stat.type === 'dir' ? 'drwxr-xr-x' : e.stat.type === 'device' ? 'crw-rw-rw-' : '-rw-r--r--',
    links: String(e.stat.nlink),
    size: e.stat.type === 'device' ? '1, 3' : o.human ? human(e.stat.size) : String(e.stat.size),
    date: listingDate(e.stat.mtime, now),
    name: decorated(e, o),
  }));
  const w = (f: (r: (typeof rows)[number]) => string): number => Math.max(...rows.map((r) => f(r).length));
  const linkW = w((r) => r.links);
  const sizeW = w((r) => r.size);
  return rows
    .map((r) => `${r.mode} ${r.links.padStart(linkW)} root root ${r.size.padStart(sizeW)} ${r.date} ${r.name}\n`)
    .join('');
}

function listingDate(mtime: number, now: number): string {
  const recent = mtime <= now + 60_000 && now - mtime < SIX_MONTHS_MS;
  return strftime(recent ? '%b %e %H:%M' : '%b %e  %Y', mtime);
}

/** Disk usage in 1K blocks, assuming 4K file-system blocks as on ext4. */
function total(entries: Entry[], humanSizes: boolean): string {
  let kb = 0;
  for (const e of entries) {
    if (e.stat.type === 'dir') kb += 4;
    else if (e.stat.type === 'file') kb += Math.ceil(e.stat.size / 4096) * 4;
  }
  return humanSizes ? human(kb * 1024) : String(kb);
}

/** `ls -h` sizes: powers of 1024, one decimal below 10, rounded up like GNU's human_ceiling. */
export function human(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ['K', 'M', 'G', 'T', 'P'];
  let v = bytes;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (v < 10) {
    const r = Math.ceil(v * 10) / 10;
    if (r < 10) return r.toFixed(1) + units[u];
    v = r;
  }
  const c = Math.ceil(v);
  if (c >= 1024 && u < units.length - 1) return '1.0' + units[u + 1];
  return String(c) + units[u];
}

/** GNU ls's vertical column layout: the most columns that fit the width, padded with tabs. */
export function columns(names: string[], width: number): string {
  const n = names.length;
  const lens = names.map((s) => [...s].length);
  let best = { cols: 1, widths: [Math.max(...lens)] };
  const maxCols = Math.max(1, Math.min(n, Math.floor(width / 3)));
  for (let cols = maxCols; cols >= 1; cols--) {
    const rows = Math.ceil(n / cols);
    // GNU starts every column at its minimum width of 3
    const widths = new Array<number>(cols).fill(3);
    for (let i = 0; i < n; i++) {
      const c = Math.floor(i / rows);
      widths[c] = Math.max(widths[c], lens[i] + (c === cols - 1 ? 0 : 2));
    }
    if (widths.reduce((a, b) => a + b, 0) < width) {
      best = { cols, widths };
      break;
    }
  }
  const rows = Math.ceil(n / best.cols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let pos = 0;
    let line = '';
    for (let c = 0; c < best.cols; c++) {
      const i = c * rows + r;
      if (i >= n) break;
      line += names[i];
      const next = (c + 1) * rows + r;
      if (next >= n) break;
      const from = pos + lens[i];
      const to = pos + best.widths[c];
      line += indent(from, to);
      pos = to;
    }
    out += line + '\n';
  }
  return out;
}

function indent(from: number, to: number): string {
  let s = '';
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      s += '\t';
      from += 8 - (from % 8);
    } else {
      s += ' ';
      from++;
    }
  }
  return s;
}
