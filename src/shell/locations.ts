// Where a shell runs decides its commands, its shell flavour, its environment
// and its prompt: the learner's host (bash, kubectl, docker), a kind node
// container (`docker exec`), or a pod's container (`kubectl exec`).

import type { Simulation } from '../sim/simulation';
import type { Command, Location } from './types';
import type { ShellFlavour } from './parse';
import { genericCommands } from './commands';
import { kubectl } from './kubectl';

export const HOST_NAME = 'playground';

const hostCommands: Record<string, Command> = { ...genericCommands, kubectl };

/** Extra commands per location kind, registered by the modules that provide them (docker, iptables, curl...). */
export const locationCommands: { host: Record<string, Command>; node: Record<string, Command>; pod: Record<string, Command> } = {
  host: {},
  node: {},
  pod: {},
};

export function commandsFor(location: Location, _sim: Simulation): Record<string, Command> {
  switch (location.kind) {
    case 'host':
      return { ...hostCommands, ...locationCommands.host };
    case 'node':
      return { ...genericCommands, ...locationCommands.node };
    case 'pod':
      return { ...genericCommands, ...locationCommands.pod };
  }
}

export function flavourFor(location: Location): ShellFlavour {
  if (location.kind === 'host') return 'bash';
  if (location.kind === 'node') return location.shell === 'bash' ? 'bash' : 'sh';
  return location.shell === 'bash' ? 'bash' : 'sh';
}

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function locationEnv(location: Location, _sim: Simulation): Map<string, string> {
  switch (location.kind) {
    case 'host':
      return new Map([
        ['HOME', '/root'],
        ['HOSTNAME', HOST_NAME],
        ['LANG', 'C.UTF-8'],
        ['LOGNAME', 'root'],
        ['PATH', PATH],
        ['PWD', '/root'],
        ['SHELL', '/bin/bash'],
        ['TERM', 'xterm-256color'],
        ['USER', 'root'],
      ]);
    case 'node':
      return new Map([
        ['HOME', '/root'],
        ['HOSTNAME', location.node],
        ['PATH', PATH],
        ['PWD', '/'],
        ['TERM', 'xterm'],
      ]);
    case 'pod':
      return new Map([
        ['HOME', '/root'],
        ['HOSTNAME', location.pod],
        ['PATH', PATH],
        ['PWD', '/'],
        ['TERM', 'xterm'],
      ]);
  }
}

/** bash's `\w`: the working directory with $HOME shown as `~`. */
function tildeDir(env: Map<string, string>): string {
  const pwd = env.get('PWD') ?? '/';
  const home = env.get('HOME') ?? '/root';
  return pwd === home ? '~' : pwd.startsWith(home + '/') ? '~' + pwd.slice(home.length) : pwd;
}

export function promptFor(location: Location, env: Map<string, string>): string {
  switch (location.kind) {
    case 'host':
      return `root@${HOST_NAME}:${tildeDir(env)}# `;
    case 'node':
      // kind's node image: `sh` is dash with its bare prompt; bash shows Debian's default.
      return location.shell === 'bash' ? `root@${location.node}:${tildeDir(env)}# ` : '# ';
    case 'pod':
      return location.shell === 'bash' ? `root@${location.pod}:${tildeDir(env)}# ` : `${env.get('PWD') ?? '/'} # `;
  }
}
