// Small helpers shared by the generic commands: GNU's quoting of file names in
// messages (locale-dependent), the `Try 'x --help'` hint, reading operands.

import type { CommandIO, ExecContext } from '../../types';
import { FsError, STRERROR, type FsErrorCode } from '../../fs/vfs';

/** True when the environment selects a UTF-8 locale (GNU tools then quote with ‘ ’). */
export function utf8Locale(env: Map<string, string>): boolean {
  const lc = env.get('LC_ALL') || env.get('LC_CTYPE') || env.get('LANG') || '';
  return /utf-?8/i.test(lc);
}

/**
 * A value as coreutils' quote() shows it in messages: ‘x’ in UTF-8 locales,
 * 'x' in C (mkdir's errors, invalid arguments, `extra operand`).
 */
export function quote(ctx: Pick<ExecContext, 'env'>, name: string): string {
  if (utf8Locale(ctx.env)) return `\u2018${name}\u2019`;
  if (name.includes("'")) return `"${name}"`;
  return `'${name}'`;
}

/**
 * A file name as coreutils' quoteaf() shows it: shell quoting that can be
 * pasted back, ASCII in every locale (rm, ls, cp, mv, touch, head, tail).
 */
export function quoteFile(name: string): string {
  if (!name.includes("'")) return `'${name}'`;
  if (!/["$`\\]/.test(name)) return `"${name}"`;
  return `'${name.replace(/'/g, "'\\''")}'`;
}

/**
 * Do the coreutils here come from busybox (a busybox or Alpine container)?
 * Their messages and layouts differ from GNU's (`cat: can't open 'x': ...`).
 */
export function busyboxUserland(ctx: Pick<ExecContext, 'location' | 'sim'>): boolean {
  const l = ctx.location;
  if (l?.kind !== 'pod') return false;
  const userland = ctx.sim?.runtime?.apps.container(l.namespace, l.pod, l.container)?.image.userland;
  return userland === 'busybox' || userland === 'alpine';
}

export function tryHelp(prog: string): string {
  return `Try '${prog} --help' for more information.\n`;
}

/** Print a usage error with the `Try` hint; returns `status`. */
export function usageError(io: CommandIO, prog: string, line: string, status = 1): number {
  io.stderr(line + '\n' + tryHelp(prog));
  return status;
}

export function errorCode(e: unknown): FsErrorCode {
  if (e instanceof FsError) return e.code;
  throw e;
}

export function strerror(code: FsErrorCode): string {
  return STRERROR[code];
}

/** The text of an operand (`-` is stdin), or the error code opening it failed with. */
export function readOperand(ctx: ExecContext, io: CommandIO, path: string): { text: string } | { error: FsErrorCode } {
  if (path === '-') return { text: io.stdin };
  try {
    return { text: ctx.fs.readFile(path) };
  } catch (e) {
    return { error: errorCode(e) };
  }
}

/** Split text into lines, remembering whether the last one ended with a newline. */
export function splitLines(text: string): { lines: string[]; trailingNewline: boolean } {
  if (text === '') return { lines: [], trailingNewline: true };
  const trailingNewline = text.endsWith('\n');
  const lines = (trailingNewline ? text.slice(0, -1) : text).split('\n');
  return { lines, trailingNewline };
}

/** Parse a non-negative decimal count as coreutils does (`10`, `+5`); undefined if invalid. */
export function parseCount(s: string): number | undefined {
  if (!/^\+?[0-9]+$/.test(s)) return undefined;
  return Number(s.replace('+', ''));
}
