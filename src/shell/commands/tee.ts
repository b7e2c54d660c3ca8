// tee [-a] [FILE]...: stdin to stdout and to each file.

import type { Command } from '../types';
import { getopt } from './lib/getopt';
import { errorCode, strerror, usageError } from './lib/util';

export const tee: Command = (argv, io, ctx) => {
  const parsed = getopt('tee', argv.slice(1), {
    short: { a: 'none', i: 'none', p: 'none' },
    long: { append: { arg: 'none', key: 'a' }, 'ignore-interrupts': { arg: 'none', key: 'i' } },
  });
  if (!parsed.ok) return usageError(io, 'tee', parsed.error);
  const append = parsed.options.some((o) => o.key === 'a');
  let status = 0;
  for (const f of parsed.operands) {
    if (f === '/dev/null') continue;
    try {
      if (append && ctx.fs.isFile(f)) ctx.fs.append(f, io.stdin);
      else ctx.fs.write(f, io.stdin);
    } catch (e) {
      io.stderr(`tee: ${f}: ${strerror(errorCode(e))}\n`);
      status = 1;
    }
  }
  io.stdout(io.stdin);
  return status;
};
