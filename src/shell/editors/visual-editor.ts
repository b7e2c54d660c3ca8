// vi, vim and nano on the learner's host: in the browser they open the file in
// the playground's editor pane and return when the learner is done (which is
// also what `kubectl edit` runs by default). Headless runs have no screen.

import type { Command } from '../types';

export const visualEditor: Command = async (argv, io, ctx) => {
  const name = argv[0];
  const file = argv.slice(1).find((a) => !a.startsWith('-') && !a.startsWith('+'));
  if (!file) {
    io.stderr(`${name}: a file name is needed here (the playground's editor opens files)\n`);
    return 1;
  }
  if (!ctx.editFile) {
    io.stderr(`${name}: no interactive editor in a headless run; set KUBE_EDITOR or EDITOR to a command (e.g. "sed -i ...")\n`);
    return 1;
  }
  const path = ctx.fs.resolve(file);
  if (!ctx.fs.exists(path)) ctx.fs.write(path, '', { parents: true });
  const result = await ctx.editFile(path);
  return result === 'saved' || result === 'cancelled' ? 0 : 1;
};
