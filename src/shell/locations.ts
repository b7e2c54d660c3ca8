// Where a shell runs decides its commands, its shell flavour, its environment
// and its prompt: the learner's host (bash, kubectl, docker), a kind node
// container (`docker exec`), or a pod's container (`kubectl exec`).

import type { Simulation } from '../sim/simulation';
import type { Command, Location } from './types';
import type { ShellFlavour } from './parse';
import type { VirtualFs } from './fs/vfs';
import { genericCommands } from './commands';
import { kubectl } from './kubectl';
import { visualEditor } from './editors/visual-editor';
import { shellProgram } from './programs/shell';
import { hasProgram } from '../sim/apps';

export const HOST_NAME = 'playground';

const shells: Record<string, Command> = { sh: shellProgram, bash: shellProgram };
const hostCommands: Record<string, Command> = { ...genericCommands, ...shells, kubectl, vi: visualEditor, vim: visualEditor, nano: visualEditor };

/** Extra commands per location kind, registered by the modules that provide them (docker, iptables, curl...). */
export const locationCommands: { host: Record<string, Command>; node: Record<string, Command>; pod: Record<string, Command> } = {
  host: {},
  node: {},
  pod: {},
};

/** Programs that only some images carry; the rest of a userland's tools are the generic ones. */
const IMAGE_TOOLS = ['curl', 'wget', 'ping', 'nslookup', 'dig', 'host', 'nc', 'redis-cli', 'psql', 'sh', 'bash', 'ash'];
/** busybox applets that busybox and Alpine images have and Debian-slim ones do not. */
const BUSYBOX_NET_APPLETS = ['ip', 'route', 'ifconfig'];

export function commandsFor(location: Location, sim: Simulation): Record<string, Command> {
  switch (location.kind) {
    case 'host':
      return { ...hostCommands, ...locationCommands.host };
    case 'node':
      return { ...genericCommands, ...shells, ...locationCommands.node };
    case 'pod': {
      const rc = sim.runtime.apps.container(location.namespace, location.pod, location.container);
      if (!rc || rc.image.userland === 'distroless') return {};
      const out: Record<string, Command> = { ...genericCommands };
      for (const [name, cmd] of Object.entries({ ...shells, ash: shellProgram, ...locationCommands.pod })) {
        // busybox and Alpine images call their shell ash as well.
        if (BUSYBOX_NET_APPLETS.includes(name)) {
          if (rc.image.userland === 'busybox' || rc.image.userland === 'alpine') out[name] = cmd;
          continue;
        }
        const has = name === 'ash' ? hasProgram(rc.image, 'sh') && (rc.image.userland === 'busybox' || rc.image.userland === 'alpine') : hasProgram(rc.image, name);
        if (!IMAGE_TOOLS.includes(name) || has) out[name] = cmd;
      }
      return out;
    }
  }
}

/** The file tree a command sees where it runs. */
export function fsFor(location: Location, sim: Simulation): VirtualFs {
  switch (location.kind) {
    case 'host':
      return sim.fs;
    case 'node':
      return sim.runtime.nodeFs(location.node) ?? sim.fs;
    case 'pod':
      return sim.runtime.apps.containerFs(location.namespace, location.pod, location.container) ?? sim.fs;
  }
}

export function flavourFor(location: Location): ShellFlavour {
  if (location.kind === 'host') return 'bash';
  if (location.kind === 'node') return location.shell === 'bash' ? 'bash' : 'sh';
  return location.shell === 'bash' ? 'bash' : 'sh';
}

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function locationEnv(location: Location, sim: Simulation): Map<string, string> {
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
    case 'pod': {
      // The process environment the kubelet gave the container when it started.
      const rc = sim.runtime.apps.container(location.namespace, location.pod, location.container);
      const env = new Map((rc?.env ?? []).map((e) => [e.name, e.value] as [string, string]));
      // The process starts in the container's working directory: the pod's workingDir, else the image's WORKDIR.
      env.set('PWD', workingDirOf(rc));
      if (!env.has('HOME')) env.set('HOME', '/root');
      return env;
    }
  }
}

/** Where a container's processes start (`kubectl exec` too): spec workingDir, else the image's WORKDIR, else `/`. */
export function workingDirOf(rc: { container: { workingDir?: string }; image: { workingDir: string } } | undefined): string {
  return rc?.container.workingDir || rc?.image.workingDir || '/';
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
