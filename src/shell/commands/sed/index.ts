// sed [-nEs] [-i[SUFFIX]] [-e SCRIPT]... [-f FILE] [SCRIPT] [FILE]...: GNU sed 4.9.

import type { Command } from '../../types';
import { getopt } from '../lib/getopt';
import { readOperand, splitLines, strerror } from '../lib/util';
import { runSed } from './exec';
import { SedScriptError, parseScript, type SedCommand } from './script';
import { SED_USAGE } from './usage';

export const sed: Command = (argv, io, ctx) => {
  const parsed = getopt('sed', argv.slice(1), {
    short: { n: 'none', e: 'required', f: 'required', E: 'none', r: 'none', s: 'none', i: 'optional', u: 'none', z: 'none', l: 'required' },
    long: {
      quiet: { arg: 'none', key: 'n' }, silent: { arg: 'none', key: 'n' }, expression: { arg: 'required', key: 'e' },
      file: { arg: 'required', key: 'f' }, 'regexp-extended': { arg: 'none', key: 'E' }, separate: { arg: 'none', key: 's' },
      'in-place': { arg: 'optional', key: 'i' }, unbuffered: { arg: 'none', key: 'u' }, posix: { arg: 'none' },
      debug: { arg: 'none' }, sandbox: { arg: 'none' }, 'null-data': { arg: 'none', key: 'z' },
      'line-length': { arg: 'required', key: 'l' }, 'follow-symlinks': { arg: 'none' },
    },
  });
  if (!parsed.ok) {
    io.stderr(parsed.error + '\n' + SED_USAGE);
    return 1;
  }
  let quiet = false;
  let extended = false;
  let separate = false;
  let inPlace: string | undefined;
  const chunks: string[] = [];
  for (const o of parsed.options) {
    switch (o.key) {
      case 'n': quiet = true; break;
      case 'E':
      case 'r': extended = true; break;
      case 's': separate = true; break;
      case 'i':
        inPlace = o.value ?? '';
        separate = true;
        break;
      case 'e':
        chunks.push(o.value!);
        break;
      case 'f': {
        const r = readOperand(ctx, io, o.value!);
        if ('error' in r) {
          io.stderr(`sed: couldn't open file ${o.value}: ${strerror(r.error)}\n`);
          return 1;
        }
        chunks.push(r.text.replace(/\n$/, ''));
        break;
      }
    }
  }
  const operands = [...parsed.operands];
  if (chunks.length === 0) {
    if (operands.length === 0) {
      io.stderr(SED_USAGE);
      return 1;
    }
    chunks.push(operands.shift()!);
  }
  if (chunks[0].startsWith('#n\n') || chunks[0] === '#n') quiet = true;
  let script: SedCommand[];
  try {
    script = parseScript(chunks, extended);
  } catch (e) {
    if (!(e instanceof SedScriptError)) throw e;
    io.stderr(`sed: ${e.message}\n`);
    return e.message.startsWith("can't find label") ? 4 : 1;
  }
  const files = operands.length ? operands : ['-'];
  if (inPlace !== undefined && operands.length === 0) {
    io.stderr('sed: no input files\n');
    return 1;
  }
  const runOpts = {
    quiet,
    readFile: (p: string) => ctx.fs.read(p),
    writeFile: (p: string, text: string) => {
      try {
        ctx.fs.write(p, text);
      } catch {
        io.stderr(`sed: couldn't open file ${p}: No such file or directory\n`);
      }
    },
  };
  let status = 0;
  const texts: { name: string; text: string }[] = [];
  for (const f of files) {
    if (inPlace !== undefined && ctx.fs.isDir(f)) {
      io.stderr(`sed: couldn't edit ${f}: not a regular file\n`);
      status = 4;
      continue;
    }
    const r = readOperand(ctx, io, f);
    if ('error' in r) {
      io.stderr(`sed: can't read ${f}: ${strerror(r.error)}\n`);
      status = 2;
      continue;
    }
    texts.push({ name: f, text: r.text });
  }
  const groups = separate ? texts.map((t) => [t]) : [texts];
  for (const group of groups) {
    const lines: string[] = [];
    let trailingNewline = true;
    for (const t of group) {
      const s = splitLines(t.text);
      lines.push(...s.lines);
      trailingNewline = s.trailingNewline;
    }
    if (lines.length === 0) continue;
    const result = runSed(script, { lines, trailingNewline }, runOpts);
    if (inPlace !== undefined) {
      const name = group[0].name;
      if (inPlace !== '') {
        const backup = inPlace.includes('*') ? inPlace.replace(/\*/g, name.split('/').pop()!) : name + inPlace;
        ctx.fs.write(backup, group[0].text);
      }
      ctx.fs.write(name, result.output);
    } else {
      io.stdout(result.output);
    }
    if (result.exitCode !== 0) return result.exitCode;
  }
  return status;
};
