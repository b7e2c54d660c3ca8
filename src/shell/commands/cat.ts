// cat [-nbEAT] [FILE]...: `-` and no operands read stdin. In busybox and
// Alpine containers, busybox's messages (`cat: can't open 'x': No such file or
// directory`, `cat: read error: Is a directory`).

import type { Command } from '../types';
import { getopt } from './lib/getopt';
import { busyboxUserland, readOperand, strerror, usageError } from './lib/util';

export const cat: Command = (argv, io, ctx) => {
  const parsed = getopt('cat', argv.slice(1), {
    short: { n: 'none', b: 'none', E: 'none', T: 'none', A: 'none', s: 'none', u: 'none', v: 'none', e: 'none', t: 'none' },
    long: {
      number: { arg: 'none', key: 'n' }, 'number-nonblank': { arg: 'none', key: 'b' }, 'show-ends': { arg: 'none', key: 'E' },
      'show-tabs': { arg: 'none', key: 'T' }, 'show-all': { arg: 'none', key: 'A' }, 'squeeze-blank': { arg: 'none', key: 's' },
    },
  });
  if (!parsed.ok) return usageError(io, 'cat', parsed.error);
  const keys = new Set(parsed.options.map((o) => o.key));
  const number = keys.has('n') || keys.has('b');
  const nonBlank = keys.has('b');
  const ends = keys.has('E') || keys.has('A') || keys.has('e');
  const tabs = keys.has('T') || keys.has('A') || keys.has('t');
  const squeeze = keys.has('s');
  const plain = !number && !ends && !tabs && !squeeze;
  let status = 0;
  let lineNo = 0;
  let lastBlank = false;
  const operands = parsed.operands.length ? parsed.operands : ['-'];
  for (const path of operands) {
    const r = readOperand(ctx, io, path);
    if ('error' in r) {
      if (!busyboxUserland(ctx)) io.stderr(`cat: ${path}: ${strerror(r.error)}\n`);
      else if (r.error === 'EISDIR') io.stderr(`cat: read error: ${strerror(r.error)}\n`);
      else io.stderr(`cat: can't open '${path}': ${strerror(r.error)}\n`);
      status = 1;
      continue;
    }
    if (plain) {
      io.stdout(r.text);
      continue;
    }
    let out = '';
    const parts = r.text.split('\n');
    for (let i = 0; i < parts.length; i++) {
      const last = i === parts.length - 1;
      if (last && parts[i] === '') break;
      let line = parts[i];
      const blank = line === '';
      if (squeeze && blank && lastBlank) continue;
      lastBlank = blank;
      if (tabs) line = line.replace(/\t/g, '^I');
      if (number && !(nonBlank && blank)) line = `${String(++lineNo).padStart(6)}\t${line}`;
      out += line + (last ? '' : ends ? '$\n' : '\n');
    }
    io.stdout(out);
  }
  return status;
};
