// sh / bash / ash as programs: `sh -c 'SCRIPT'`, `sh FILE`, or a script on
// stdin (`echo ls | sh`), run by a nested shell in the same place. What
// `kubectl exec POD -- sh -c '…'` and `docker exec NODE sh -c '…'` rely on.

import type { Command } from '../types';

export const shellProgram: Command = async (argv, io, ctx) => {
  const name = argv[0].split('/').pop()!;
  const args = argv.slice(1);
  const childIO = { stdin: '', stdout: io.stdout, stderr: io.stderr, isTTY: io.isTTY, columns: io.columns };
  const c = args.indexOf('-c');
  if (c >= 0) {
    const script = args[c + 1];
    if (script === undefined) {
      io.stderr(name === 'bash' ? 'bash: -c: option requires an argument\n' : `${name}: -c requires an argument\n`);
      return 2;
    }
    return ctx.runLine(script, { ...childIO, stdin: io.stdin });
  }
  const file = args.find((a) => !a.startsWith('-'));
  if (file) {
    const text = ctx.fs.read(file);
    if (text === undefined) {
      io.stderr(name === 'bash' ? `bash: ${file}: No such file or directory\n` : `${name}: can't open '${file}': No such file or directory\n`);
      return 127;
    }
    return ctx.runLine(text, { ...childIO, stdin: io.stdin });
  }
  // No script: read one from stdin (an interactive shell needs -it, which the callers handle).
  if (io.stdin === '') return 0;
  return ctx.runLine(io.stdin, childIO);
};
