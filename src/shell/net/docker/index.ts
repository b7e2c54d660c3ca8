// `docker` on the learner's host (Docker 28.2.2): `ps` and `exec` against the
// kind node containers, help and version. Docker's other commands exist on a
// real host but are not simulated; they say so instead of inventing output.

import type { Command } from '../../types';
import { dockerPs } from './ps';
import { dockerExec } from './exec';
import { DOCKER_HELP } from './texts';

export const DOCKER_VERSION_LINE = 'Docker version 28.2.2, build e6534b4\n';

/** Docker's commands (`docker --help`), for telling unknown ones from unsimulated ones. */
const KNOWN = new Set(
  (
    'run exec ps build pull push images login logout search version info builder buildx compose checkpoint container context image ' +
    'manifest network plugin system trust volume config node secret service stack swarm attach commit cp create diff events ' +
    'export history import inspect kill load logs pause port rename restart rm rmi save start stats stop tag top unpause update wait'
  ).split(' '),
);

export const docker: Command = async (argv, io, ctx) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    io.stderr(DOCKER_HELP);
    return 0;
  }
  const [cmd, ...rest] = args;
  switch (cmd) {
    case '--help':
    case '-h':
    case 'help':
      io.stdout(DOCKER_HELP);
      return 0;
    case '-v':
    case '--version':
      io.stdout(DOCKER_VERSION_LINE);
      return 0;
    case 'ps':
      return dockerPs(rest, io, ctx);
    case 'exec':
      return dockerExec(rest, io, ctx);
    case 'container': {
      const [sub, ...more] = rest;
      if (sub === 'ls' || sub === 'list' || sub === 'ps') return dockerPs(more, io, ctx);
      if (sub === 'exec') return dockerExec(more, io, ctx);
      break;
    }
    default:
      if (!KNOWN.has(cmd)) {
        const usage = `\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n`;
        if (cmd.startsWith('--')) io.stderr(`unknown flag: ${cmd.split('=')[0]}${usage}`);
        else if (cmd.startsWith('-')) io.stderr(`unknown shorthand flag: '${cmd[1]}' in ${cmd}${usage}`);
        else io.stderr(`docker: unknown command: docker ${cmd}\n\nRun 'docker --help' for more information\n`);
        return cmd.startsWith('-') ? 125 : 1;
      }
  }
  io.stderr(`docker ${[cmd, ...rest.slice(0, 1)].join(' ')}: not simulated in this playground (only docker ps and docker exec are)\n`);
  return 1;
};
