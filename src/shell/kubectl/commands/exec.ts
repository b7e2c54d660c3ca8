// kubectl exec [-it] [-c CONTAINER] (POD | TYPE/NAME) -- COMMAND...: run a
// command in a running container, or with -it and a shell, open that
// container's shell in the terminal until its `exit` (whose status is exec's).
// The v1.31+ refusal of the old form without `--` included.

import { StatusError } from '../../../sim/api/errors';
import type { FlagSpec } from '../flags';
import type { KubectlEnv } from '../env';
import { KubectlError } from '../errors';
import { podFor } from '../pods';
import { shellQuote } from '../../quote';
import { commandsFor } from '../../locations';
import { hexString } from '../../../sim/core/ids';

export const execFlags: FlagSpec[] = [
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'container', short: 'c', type: 'string' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'pod-running-timeout', type: 'duration' },
];

/** `--pod-running-timeout` (how long to wait for a pod of a Service or Deployment to appear). */
export function podRunningTimeout(env: KubectlEnv, dfltMs: number): number {
  const ms = env.flags.duration('pod-running-timeout', dfltMs);
  if (ms <= 0) throw new KubectlError(`error: --pod-running-timeout must be higher than zero\nSee '${env.commandPath} -h' for help and examples`);
  return ms;
}

/**
 * The shell a command starts when it is an interactive one (`sh`, `bash -il`,
 * `/bin/sh -l`, `/bin/busybox sh`): a shell with options only, no `-c` and no
 * script. Undefined for anything else.
 */
export function interactiveShell(command: string[]): 'sh' | 'bash' | undefined {
  let argv = command;
  if (basename(argv[0]) === 'busybox' && argv.length > 1) argv = argv.slice(1);
  const name = basename(argv[0]);
  if (name !== 'sh' && name !== 'bash' && name !== 'ash') return undefined;
  const optionsOnly = argv.slice(1).every((a) => a === '-' || a === '--login' || a === '--norc' || a === '--noprofile' || /^-[a-bd-z]+$/.test(a));
  if (!optionsOnly) return undefined;
  return name === 'bash' ? 'bash' : 'sh';
}

function basename(p: string): string {
  return p.split('/').pop()!;
}

export async function runExec(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const args = f.args;
  // Complete: the resource is the first argument before `--`; without `--`, a second argument is the old form.
  const resource = args.length > 0 && f.dashAt !== 0 ? args[0] : '';
  const command = f.dashAt >= 0 ? args.slice(f.dashAt) : [];
  if (f.dashAt < 0 && args.length > 1) throw new KubectlError(`error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples`);
  const timeout = podRunningTimeout(env, 60_000);
  // Validate.
  if (!resource && f.list('filename').length === 0) throw new KubectlError('error: pod, type/name or --filename must be specified');
  if (command.length === 0) throw new KubectlError('error: you must specify at least one command for the container');
  if (!resource) throw new KubectlError('error: exec -f is not available in this playground; name the pod or TYPE/NAME');
  const { pod } = await podFor(env, resource, 'attach', timeout);
  const names = pod.spec.containers.map((c) => c.name);
  let container = f.str('container');
  if (!container) {
    container = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? names[0];
    if (names.length > 1 && !f.bool('quiet')) env.err(`Defaulted container "${container}" out of: ${names.join(', ')}\n`);
  } else if (!names.includes(container)) {
    throw new StatusError('BadRequest', `container ${container} is not valid for pod ${pod.metadata.name}`);
  }
  const status = pod.status?.containerStatuses?.find((s) => s.name === container);
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
    throw new KubectlError(`error: cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`);
  }
  if (!status?.state.running) throw new KubectlError(`error: unable to upgrade connection: container not found ("${container}")`);

  const location = { kind: 'pod' as const, namespace: pod.metadata.namespace!, pod: pod.metadata.name!, container, shell: 'sh' };
  // exec runs the program itself, not a shell: a program the image lacks fails in the runtime.
  // busybox's multi-call binary runs the applet named by its first argument.
  const userland = env.sim.runtime.apps.container(location.namespace, location.pod, container)?.image.userland;
  const viaBusybox = basename(command[0]) === 'busybox' && command.length > 1 && (userland === 'busybox' || userland === 'alpine');
  const argv = viaBusybox ? command.slice(1) : command;
  const program = basename(argv[0]);
  if (!(program in commandsFor(location, env.sim))) {
    throw new KubectlError(
      `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${hexString(env.sim.rng('exec-ids'), 64)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${command[0]}": executable file not found in $PATH: unknown`,
    );
  }
  const shell = f.bool('stdin') && f.bool('tty') ? interactiveShell(command) : undefined;
  let exit: number;
  if (shell) {
    // The container's shell holds the terminal until its `exit`; its status is exec's.
    exit = await env.ctx.enter({ ...location, shell });
  } else {
    const line = argv.map(shellQuote).join(' ');
    // -t gives the command a terminal (redis-cli formats for it, curl shows no meter).
    exit = await env.ctx.runLine(line, { stdin: f.bool('stdin') ? env.io.stdin : '', stdout: env.io.stdout, stderr: env.io.stderr, isTTY: f.bool('tty') && env.io.isTTY, columns: env.io.columns }, location);
  }
  if (exit !== 0) {
    env.err(`command terminated with exit code ${exit}\n`);
    return exit;
  }
  return 0;
}
