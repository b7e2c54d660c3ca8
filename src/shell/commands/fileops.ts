// mkdir, rmdir, rm, touch, cp, mv on the VFS, with coreutils' messages.

import type { Command, CommandIO, ExecContext } from '../types';
import { FsError } from '../fs/vfs';
import { basename } from '../fs/path';
import { getopt } from './lib/getopt';
import { errorCode, quote, quoteFile, strerror, usageError } from './lib/util';

export const mkdir: Command = (argv, io, ctx) => {
  const parsed = getopt('mkdir', argv.slice(1), {
    short: { p: 'none', v: 'none', m: 'required' },
    long: { parents: { arg: 'none', key: 'p' }, verbose: { arg: 'none', key: 'v' }, mode: { arg: 'required', key: 'm' } },
  });
  if (!parsed.ok) return usageError(io, 'mkdir', parsed.error);
  if (parsed.operands.length === 0) return usageError(io, 'mkdir', 'mkdir: missing operand');
  const parents = parsed.options.some((o) => o.key === 'p');
  const verbose = parsed.options.some((o) => o.key === 'v');
  let status = 0;
  for (const d of parsed.operands) {
    try {
      if (parents && ctx.fs.isDir(d)) continue;
      const before = parents ? missingAncestors(ctx, d) : [d];
      ctx.fs.mkdir(d, { parents });
      if (verbose) for (const made of before) io.stdout(`mkdir: created directory ${quoteFile(made)}\n`);
    } catch (e) {
      io.stderr(`mkdir: cannot create directory ${quote(ctx, d)}: ${strerror(errorCode(e))}\n`);
      status = 1;
    }
  }
  return status;
};

function missingAncestors(ctx: ExecContext, path: string): string[] {
  const parts = path.split('/');
  const out: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const p = parts.slice(0, i).join('/');
    if (p === '' || parts[i - 1] === '') continue;
    if (!ctx.fs.exists(p)) out.push(p);
  }
  return out;
}

export const rmdir: Command = (argv, io, ctx) => {
  const parsed = getopt('rmdir', argv.slice(1), { short: { p: 'none', v: 'none' }, long: { parents: { arg: 'none', key: 'p' } } });
  if (!parsed.ok) return usageError(io, 'rmdir', parsed.error);
  if (parsed.operands.length === 0) return usageError(io, 'rmdir', 'rmdir: missing operand');
  let status = 0;
  for (const d of parsed.operands) {
    try {
      ctx.fs.remove(d, { dir: true });
    } catch (e) {
      io.stderr(`rmdir: failed to remove ${quoteFile(d)}: ${strerror(errorCode(e))}\n`);
      status = 1;
    }
  }
  return status;
};

export const rm: Command = (argv, io, ctx) => {
  const parsed = getopt('rm', argv.slice(1), {
    short: { f: 'none', r: 'none', R: 'none', i: 'none', I: 'none', v: 'none', d: 'none' },
    long: {
      force: { arg: 'none', key: 'f' }, recursive: { arg: 'none', key: 'r' }, verbose: { arg: 'none', key: 'v' },
      dir: { arg: 'none', key: 'd' }, 'no-preserve-root': { arg: 'none' },
    },
  });
  if (!parsed.ok) return usageError(io, 'rm', parsed.error);
  const keys = new Set(parsed.options.map((o) => o.key));
  const force = keys.has('f');
  const recursive = keys.has('r') || keys.has('R');
  const verbose = keys.has('v');
  if (parsed.operands.length === 0) return force ? 0 : usageError(io, 'rm', 'rm: missing operand');
  let status = 0;
  for (const p of parsed.operands) {
    const base = basename(p);
    if (base === '.' || base === '..') {
      io.stderr(`rm: refusing to remove '.' or '..' directory: skipping ${quoteFile(p)}\n`);
      status = 1;
      continue;
    }
    const st = ctx.fs.stat(p);
    if (!st) {
      if (!force) {
        io.stderr(`rm: cannot remove ${quoteFile(p)}: ${p.endsWith('/') && ctx.fs.isFile(p.replace(/\/+$/, '')) ? 'Not a directory' : 'No such file or directory'}\n`);
        status = 1;
      }
      continue;
    }
    if (st.type === 'dir' && ctx.fs.resolve(p) === '/' && recursive) {
      io.stderr(`rm: it is dangerous to operate recursively on ${quoteFile('/')}\nrm: use --no-preserve-root to override this failsafe\n`);
      status = 1;
      continue;
    }
    if (st.type === 'dir' && !recursive && !keys.has('d')) {
      io.stderr(`rm: cannot remove ${quoteFile(p)}: Is a directory\n`);
      status = 1;
      continue;
    }
    try {
      const removed = verbose ? removalOrder(ctx, p) : [];
      ctx.fs.remove(p, { recursive, dir: keys.has('d') });
      for (const r of removed) {
        io.stdout(r.dir ? `removed directory ${quoteFile(r.path)}\n` : `removed ${quoteFile(r.path)}\n`);
      }
    } catch (e) {
      io.stderr(`rm: cannot remove ${quoteFile(p)}: ${strerror(errorCode(e))}\n`);
      status = 1;
    }
  }
  return status;
};

/** What `rm -rv` reports, depth first, before the tree is gone. */
function removalOrder(ctx: ExecContext, p: string): { path: string; dir: boolean }[] {
  if (!ctx.fs.isDir(p)) return [{ path: p, dir: false }];
  const out: { path: string; dir: boolean }[] = [];
  for (const name of ctx.fs.list(p)) out.push(...removalOrder(ctx, `${p.replace(/\/$/, '')}/${name}`));
  out.push({ path: p, dir: true });
  return out;
}

export const touch: Command = (argv, io, ctx) => {
  const parsed = getopt('touch', argv.slice(1), {
    short: { a: 'none', c: 'none', m: 'none', d: 'required', t: 'required', r: 'required' },
    long: { 'no-create': { arg: 'none', key: 'c' }, date: { arg: 'required', key: 'd' } },
  });
  if (!parsed.ok) return usageError(io, 'touch', parsed.error);
  if (parsed.operands.length === 0) return usageError(io, 'touch', 'touch: missing file operand');
  const noCreate = parsed.options.some((o) => o.key === 'c');
  let status = 0;
  for (const f of parsed.operands) {
    if (noCreate && !ctx.fs.exists(f)) continue;
    try {
      ctx.fs.touch(f);
    } catch (e) {
      io.stderr(`touch: cannot touch ${quoteFile(f)}: ${strerror(errorCode(e))}\n`);
      status = 1;
    }
  }
  return status;
};

interface TransferPlan {
  sources: string[];
  /** Destination for each source. */
  targets: string[];
}

/** cp and mv's operand rules: `SRC DEST`, or `SRC... DIR`. */
function plan(prog: 'cp' | 'mv', operands: string[], io: CommandIO, ctx: ExecContext, targetDir?: string): TransferPlan | number {
  if (operands.length === 0) return usageError(io, prog, `${prog}: missing file operand`);
  if (targetDir === undefined && operands.length === 1) {
    return usageError(io, prog, `${prog}: missing destination file operand after ${quoteFile(operands[0])}`);
  }
  const dest = targetDir ?? operands[operands.length - 1];
  const sources = targetDir === undefined ? operands.slice(0, -1) : operands;
  if (ctx.fs.isDir(dest)) {
    return { sources, targets: sources.map((s) => `${dest.replace(/\/+$/, '')}/${basename(s)}`) };
  }
  if (sources.length > 1 || targetDir !== undefined) {
    const why = ctx.fs.exists(dest) ? ' is not a directory' : ': No such file or directory';
    io.stderr(`${prog}: target ${quoteFile(dest)}${why}\n`);
    return 1;
  }
  return { sources, targets: [dest] };
}

export const cp: Command = (argv, io, ctx) => {
  const parsed = getopt('cp', argv.slice(1), {
    short: { r: 'none', R: 'none', f: 'none', i: 'none', n: 'none', v: 'none', p: 'none', a: 'none', t: 'required' },
    long: {
      recursive: { arg: 'none', key: 'r' }, force: { arg: 'none', key: 'f' }, verbose: { arg: 'none', key: 'v' },
      archive: { arg: 'none', key: 'a' }, 'no-clobber': { arg: 'none', key: 'n' }, 'target-directory': { arg: 'required', key: 't' },
    },
  });
  if (!parsed.ok) return usageError(io, 'cp', parsed.error);
  const keys = new Set(parsed.options.map((o) => o.key));
  const recursive = keys.has('r') || keys.has('R') || keys.has('a');
  const noClobber = keys.has('n');
  const verbose = keys.has('v');
  const p = plan('cp', parsed.operands, io, ctx, parsed.options.find((o) => o.key === 't')?.value);
  if (typeof p === 'number') return p;
  let status = 0;
  p.sources.forEach((src, i) => {
    const dst = p.targets[i];
    const st = ctx.fs.stat(src);
    if (!st) {
      io.stderr(`cp: cannot stat ${quoteFile(src)}: No such file or directory\n`);
      status = 1;
      return;
    }
    if (st.type === 'dir' && !recursive) {
      io.stderr(`cp: -r not specified; omitting directory ${quoteFile(src)}\n`);
      status = 1;
      return;
    }
    const srcAbs = ctx.fs.resolve(src);
    const dstAbs = ctx.fs.resolve(dst);
    if (srcAbs === dstAbs) {
      io.stderr(`cp: ${quoteFile(src)} and ${quoteFile(dst)} are the same file\n`);
      status = 1;
      return;
    }
    if (st.type === 'dir') {
      if (dstAbs.startsWith(srcAbs + '/')) {
        io.stderr(`cp: cannot copy a directory, ${quoteFile(src)}, into itself, ${quoteFile(dst)}\n`);
        status = 1;
        return;
      }
      if (ctx.fs.isFile(dst)) {
        io.stderr(`cp: cannot overwrite non-directory ${quoteFile(dst)} with directory ${quoteFile(src)}\n`);
        status = 1;
        return;
      }
      status = Math.max(status, copyTree(ctx, io, src, dst, verbose));
      return;
    }
    if (noClobber && ctx.fs.exists(dst)) return;
    if (ctx.fs.isDir(dst)) {
      io.stderr(`cp: cannot overwrite directory ${quoteFile(dst)} with non-directory\n`);
      status = 1;
      return;
    }
    try {
      ctx.fs.write(dst, ctx.fs.readFile(src));
      if (verbose) io.stdout(`${quoteFile(src)} -> ${quoteFile(dst)}\n`);
    } catch (e) {
      io.stderr(`cp: cannot create regular file ${quoteFile(dst)}: ${strerror(errorCode(e))}\n`);
      status = 1;
    }
  });
  return status;
};

function copyTree(ctx: ExecContext, io: CommandIO, src: string, dst: string, verbose: boolean): number {
  try {
    if (!ctx.fs.isDir(dst)) ctx.fs.mkdir(dst);
  } catch (e) {
    io.stderr(`cp: cannot create directory ${quoteFile(dst)}: ${strerror(errorCode(e))}\n`);
    return 1;
  }
  if (verbose) io.stdout(`${quoteFile(src)} -> ${quoteFile(dst)}\n`);
  let status = 0;
  for (const name of ctx.fs.list(src)) {
    const s = `${src.replace(/\/+$/, '')}/${name}`;
    const d = `${dst.replace(/\/+$/, '')}/${name}`;
    if (ctx.fs.isDir(s)) status = Math.max(status, copyTree(ctx, io, s, d, verbose));
    else {
      ctx.fs.write(d, ctx.fs.readFile(s));
      if (verbose) io.stdout(`${quoteFile(s)} -> ${quoteFile(d)}\n`);
    }
  }
  return status;
}

export const mv: Command = (argv, io, ctx) => {
  const parsed = getopt('mv', argv.slice(1), {
    short: { f: 'none', i: 'none', n: 'none', v: 'none', t: 'required' },
    long: { force: { arg: 'none', key: 'f' }, verbose: { arg: 'none', key: 'v' }, 'no-clobber': { arg: 'none', key: 'n' }, 'target-directory': { arg: 'required', key: 't' } },
  });
  if (!parsed.ok) return usageError(io, 'mv', parsed.error);
  const keys = new Set(parsed.options.map((o) => o.key));
  const p = plan('mv', parsed.operands, io, ctx, parsed.options.find((o) => o.key === 't')?.value);
  if (typeof p === 'number') return p;
  let status = 0;
  p.sources.forEach((src, i) => {
    const dst = p.targets[i];
    const st = ctx.fs.stat(src);
    if (!st) {
      io.stderr(`mv: cannot stat ${quoteFile(src)}: No such file or directory\n`);
      status = 1;
      return;
    }
    const srcAbs = ctx.fs.resolve(src);
    const dstAbs = ctx.fs.resolve(dst);
    if (srcAbs === dstAbs) {
      io.stderr(`mv: ${quoteFile(src)} and ${quoteFile(dst)} are the same file\n`);
      status = 1;
      return;
    }
    if (keys.has('n') && ctx.fs.exists(dst)) return;
    try {
      ctx.fs.rename(src, dst);
      if (keys.has('v')) io.stdout(`renamed ${quoteFile(src)} -> ${quoteFile(dst)}\n`);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      status = 1;
      if (e.code === 'EINVAL') io.stderr(`mv: cannot move ${quoteFile(src)} to a subdirectory of itself, ${quoteFile(dst)}\n`);
      else if (e.code === 'ENOTDIR' && st.type === 'dir') io.stderr(`mv: cannot overwrite non-directory ${quoteFile(dst)} with directory ${quoteFile(src)}\n`);
      else if (e.code === 'EISDIR') io.stderr(`mv: cannot overwrite directory ${quoteFile(dst)} with non-directory\n`);
      else io.stderr(`mv: cannot move ${quoteFile(src)} to ${quoteFile(dst)}: ${e.message}\n`);
    }
  });
  return status;
};
