// head and tail: -n N (head -n -N: all but the last N; tail -n +N: from line N),
// -c N, -NUM, -q/-v and `==> name <==` headers for several files.

import type { Command, CommandIO, ExecContext } from '../types';
import { waitCancellable } from './sleep';
import { getopt } from './lib/getopt';
import { quote, quoteFile, readOperand, strerror, usageError } from './lib/util';

interface Selection {
  bytes: boolean;
  /** head: count from the start, or all but the last |n| when negative. tail: from the end, or from n when `fromStart`. */
  count: number;
  fromStart: boolean;
}

/** Split keeping each line's newline, so output preserves a missing final newline. */
function linesWithEnds(text: string): string[] {
  const out = text.match(/[^\n]*\n|[^\n]+$/g);
  return out ?? [];
}

function parseSelection(prog: 'head' | 'tail', argv: string[], io: CommandIO, ctx: ExecContext): { sel: Selection; files: string[]; headers: boolean | undefined; follow: boolean } | number {
  const parsed = getopt(prog, argv.slice(1), {
    short: { n: 'required', c: 'required', q: 'none', v: 'none', f: 'none', F: 'none', s: 'required', z: 'none' },
    long: {
      lines: { arg: 'required', key: 'n' }, bytes: { arg: 'required', key: 'c' }, quiet: { arg: 'none', key: 'q' },
      silent: { arg: 'none', key: 'q' }, verbose: { arg: 'none', key: 'v' }, follow: { arg: 'optional', key: 'f' },
    },
    numeric: true,
  });
  if (!parsed.ok) return usageError(io, prog, parsed.error);
  const sel: Selection = { bytes: false, count: 10, fromStart: false };
  let headers: boolean | undefined;
  let follow = false;
  for (const o of parsed.options) {
    if (o.key === 'n' || o.key === 'c' || o.key === '#') {
      const v = o.value!;
      const m = /^([-+]?)([0-9]+)([a-zA-Z]*)$/.exec(v);
      const mult: Record<string, number> = { '': 1, b: 512, K: 1024, k: 1024, KB: 1000, M: 1048576, MB: 1e6, G: 1073741824 };
      if (!m || !(m[3] in mult)) {
        io.stderr(`${prog}: invalid number of ${o.key === 'c' ? 'bytes' : 'lines'}: ${quote(ctx, v)}\n`);
        return 1;
      }
      const n = Number(m[2]) * mult[m[3]];
      sel.bytes = o.key === 'c';
      if (prog === 'head') sel.count = m[1] === '-' ? -n : n;
      else {
        sel.fromStart = m[1] === '+';
        sel.count = n;
      }
    } else if (o.key === 'q') headers = false;
    else if (o.key === 'v') headers = true;
    else if (o.key === 'f' || o.key === 'F') follow = true;
  }
  return { sel, files: parsed.operands.length ? parsed.operands : ['-'], headers, follow };
}

function run(prog: 'head' | 'tail', pick: (text: string, sel: Selection) => string): Command {
  return async (argv, io, ctx) => {
    const p = parseSelection(prog, argv, io, ctx);
    if (typeof p === 'number') return p;
    const showHeaders = p.headers ?? p.files.length > 1;
    let status = 0;
    let first = true;
    for (const f of p.files) {
      const r = readOperand(ctx, io, f);
      if ('error' in r) {
        io.stderr(`${prog}: cannot open ${quoteFile(f)} for reading: ${strerror(r.error)}\n`);
        status = 1;
        continue;
      }
      if (showHeaders) io.stdout(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
      first = false;
      io.stdout(pick(r.text, p.sel));
    }
    if (prog === 'tail' && p.follow && ctx.realtime) {
      while (await waitCancellable(ctx, 1000));
      return 130;
    }
    return status;
  };
}

export const head = run('head', (text, sel) => {
  if (sel.bytes) return sel.count >= 0 ? text.slice(0, sel.count) : text.slice(0, Math.max(0, text.length + sel.count));
  const lines = linesWithEnds(text);
  return (sel.count >= 0 ? lines.slice(0, sel.count) : lines.slice(0, Math.max(0, lines.length + sel.count))).join('');
});

export const tail = run('tail', (text, sel) => {
  if (sel.bytes) return sel.fromStart ? text.slice(Math.max(0, sel.count - 1)) : sel.count === 0 ? '' : text.slice(-sel.count);
  const lines = linesWithEnds(text);
  if (sel.fromStart) return lines.slice(Math.max(0, sel.count - 1)).join('');
  return sel.count === 0 ? '' : lines.slice(-sel.count).join('');
});
