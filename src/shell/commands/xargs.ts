// xargs [-n N] [-I R] [-d DELIM] [-0] [-r] [-t] [COMMAND [ARGS]...] (GNU findutils):
// runs COMMAND (default echo) with items read from stdin; the command's stdin is empty.

import type { Command, CommandIO, ExecContext } from '../types';
import { shellOf } from '../interp/context';
import { getopt } from './lib/getopt';
import { usageError } from './lib/util';

export const xargs: Command = async (argv, io, ctx) => {
  const parsed = getopt('xargs', argv.slice(1), {
    short: { n: 'required', I: 'required', i: 'optional', d: 'required', '0': 'none', r: 'none', t: 'none', L: 'required', P: 'required', s: 'required', x: 'none', p: 'none', a: 'required', E: 'required' },
    long: {
      'max-args': { arg: 'required', key: 'n' }, 'no-run-if-empty': { arg: 'none', key: 'r' }, verbose: { arg: 'none', key: 't' },
      null: { arg: 'none', key: '0' }, delimiter: { arg: 'required', key: 'd' }, 'max-lines': { arg: 'required', key: 'L' },
      'max-procs': { arg: 'required', key: 'P' }, replace: { arg: 'optional', key: 'i' },
    },
    permute: false,
  });
  if (!parsed.ok) return usageError(io, 'xargs', parsed.error);
  let maxArgs = Infinity;
  let replace: string | undefined;
  let delim: string | undefined;
  let noRunIfEmpty = false;
  let verbose = false;
  let maxLines = 0;
  for (const o of parsed.options) {
    if (o.key === 'n') maxArgs = Math.max(1, Number(o.value));
    else if (o.key === 'I') replace = o.value;
    else if (o.key === 'i') replace = o.value ?? '{}';
    else if (o.key === 'd') delim = o.value === '\\n' ? '\n' : o.value === '\\t' ? '\t' : o.value;
    else if (o.key === '0') delim = '\0';
    else if (o.key === 'r') noRunIfEmpty = true;
    else if (o.key === 't') verbose = true;
    else if (o.key === 'L') maxLines = Math.max(1, Number(o.value));
  }
  const command = parsed.operands.length ? parsed.operands : ['echo'];
  let items: string[];
  let lines: string[][] = [];
  if (replace !== undefined) {
    items = io.stdin.split('\n').map((l) => l.replace(/^[ \t]+/, '')).filter((l) => l !== '');
  } else if (delim !== undefined) {
    items = io.stdin.split(delim);
    if (items.length && items[items.length - 1] === '') items.pop();
  } else {
    const r = splitItems(io.stdin);
    if ('error' in r) {
      io.stderr(`xargs: unmatched ${r.error} quote; by default quotes are special to xargs unless you use the -0 option\n`);
      return 1;
    }
    items = r.items;
    lines = r.lines;
  }
  const runs: string[][] = [];
  if (replace !== undefined) {
    for (const item of items) runs.push(command.map((a) => a.split(replace!).join(item)));
  } else if (maxLines > 0) {
    for (let i = 0; i < lines.length; i += maxLines) runs.push([...command, ...lines.slice(i, i + maxLines).flat()]);
  } else if (items.length === 0) {
    if (!noRunIfEmpty) runs.push([...command]);
  } else {
    for (let i = 0; i < items.length; i += maxArgs === Infinity ? items.length : maxArgs) {
      runs.push([...command, ...items.slice(i, i + (maxArgs === Infinity ? items.length : maxArgs))]);
    }
  }
  let status = 0;
  for (const run of runs) {
    if (ctx.signal.cancelled) return 130;
    if (verbose) io.stderr(run.join(' ') + '\n');
    const s = await execute(run, io, ctx);
    if (s === 127 || s === 126) return s;
    if (s === 255) {
      io.stderr(`xargs: ${run[0]}: exited with status 255; aborting\n`);
      return 124;
    }
    if (s !== 0) status = 123;
  }
  return status;
};

async function execute(argv: string[], io: CommandIO, ctx: ExecContext): Promise<number> {
  const command = shellOf(ctx)?.lookup(argv[0]);
  if (!command) {
    io.stderr(`xargs: ${argv[0]}: No such file or directory\n`);
    return 127;
  }
  return command(argv, { stdin: '', stdout: io.stdout, stderr: io.stderr }, ctx);
}

/** Blank-separated items with xargs' quoting (' " and backslash). */
function splitItems(text: string): { items: string[]; lines: string[][] } | { error: 'single' | 'double' } {
  const items: string[] = [];
  const lines: string[][] = [];
  let line: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      has = true;
    } else if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (end < 0 || (nl >= 0 && nl < end)) return { error: c === "'" ? 'single' : 'double' };
      cur += text.slice(i + 1, end);
      has = true;
      i = end;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (has) {
        items.push(cur);
        line.push(cur);
      }
      cur = '';
      has = false;
      if (c === '\n' && line.length) {
        lines.push(line);
        line = [];
      }
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) {
    items.push(cur);
    line.push(cur);
  }
  if (line.length) lines.push(line);
  return { items, lines };
}
