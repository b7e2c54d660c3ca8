// `docker exec [-it] [--privileged] NODE CMD...` on the learner's host: with
// -i and -t and a shell it opens the node's shell in the terminal (the lab's
// `docker exec -it --privileged kind-worker2 sh`); otherwise it runs the
// program in the node (no shell in between, except for `sh -c` / `bash -c`)
// and exits with its status.

import type { CommandIO, ExecContext, Location } from '../../types';
import { commandsFor } from '../../locations';
import { findContainer } from '../lib/docker-host';
import { DOCKER_EXEC_HELP } from './texts';
import { parseFlags, type FlagDef } from './flags';

const FLAGS: FlagDef[] = [
  { long: 'detach', short: 'd', kind: 'bool' },
  { long: 'detach-keys', kind: 'value' },
  { long: 'env', short: 'e', kind: 'value' },
  { long: 'env-file', kind: 'value' },
  { long: 'interactive', short: 'i', kind: 'bool' },
  { long: 'privileged', kind: 'bool' },
  { long: 'tty', short: 't', kind: 'bool' },
  { long: 'user', short: 'u', kind: 'value' },
  { long: 'workdir', short: 'w', kind: 'value' },
  { long: 'help', kind: 'bool' },
];

const USAGE = 'Usage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]';
const SHELLS = new Map([
  ['sh', 'sh'],
  ['/bin/sh', 'sh'],
  ['bash', 'bash'],
  ['/bin/bash', 'bash'],
  ['/usr/bin/bash', 'bash'],
]);

/** Shell builtins with no program file behind them: exec cannot start them. */
const NOT_PROGRAMS = new Set([
  'cd', 'export', 'unset', 'history', 'type', 'help', 'read', 'exit', 'eval', 'source', '.', ':', 'break', 'continue',
  'alias', 'unalias', 'set', 'shift', 'return', 'exec', 'hash', 'jobs', 'fg', 'bg', 'umask', 'ulimit', 'times', 'trap',
  'local', 'readonly', 'declare', 'typeset', 'let', 'getopts', 'wait', 'command',
]);

export function shellQuote(a: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

export async function dockerExec(args: string[], io: CommandIO, ctx: ExecContext): Promise<number> {
  const parsed = parseFlags(args, FLAGS, USAGE, 'docker exec', false);
  if (!parsed.ok) {
    io.stderr(parsed.stderr);
    return parsed.exit;
  }
  if (parsed.flags.has('help')) {
    io.stdout(DOCKER_EXEC_HELP);
    return 0;
  }
  if (parsed.positional.length < 2) {
    io.stderr(`docker: 'docker exec' requires at least 2 arguments\n\n${USAGE}\n\nSee 'docker exec --help' for more information\n`);
    return 1;
  }
  const [ref, program, ...rest] = parsed.positional;
  const container = findContainer(ctx, ref);
  if (!container) {
    io.stderr(`Error response from daemon: No such container: ${ref}\n`);
    return 1;
  }
  const shell = SHELLS.get(program);
  const node: Location = { kind: 'node', node: container.name, shell: shell === 'bash' ? 'bash' : 'sh' };
  const interactive = parsed.flags.has('interactive');
  const tty = parsed.flags.has('tty');
  if (shell && rest[0] !== '-c') {
    // A shell (`sh`, `bash -l`) without -i reads nothing and exits at once.
    // The shell holds the terminal until its `exit`, whose status docker exec returns.
    if (interactive) return ctx.enter(node);
    return 0;
  }
  const name = program.split('/').pop()!;
  const known = shell !== undefined || (!NOT_PROGRAMS.has(name) && name in commandsFor(node, ctx.sim));
  if (!known) {
    io.stderr(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\n`);
    return 126;
  }
  if (shell && rest[1] === undefined) {
    io.stderr(shell === 'bash' ? 'bash: -c: option requires an argument\n' : 'sh: 0: -c requires an argument\n');
    return 2;
  }
  const line = shell ? rest[1] : [program, ...rest].map(shellQuote).join(' ');
  const childIO = { stdin: interactive ? io.stdin : '', stdout: (t: string) => io.stdout(t), stderr: (t: string) => io.stderr(t), isTTY: tty };
  return ctx.runLine(line, childIO, node);
}
