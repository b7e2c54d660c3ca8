// echo, as bash's builtin: -n, -e, -E (only leading arguments made of those letters are options).

import type { Command } from '../types';
import { unescape } from './lib/escapes';

export const echo: Command = (argv, io) => {
  let newline = true;
  let escapes = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (!/^-[neE]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = argv.slice(i).join(' ');
  if (escapes) {
    const u = unescape(text, true);
    if (u.stop) {
      io.stdout(u.text);
      return 0;
    }
    text = u.text;
  }
  io.stdout(newline ? text + '\n' : text);
  return 0;
};
