// kubectl exec [-it] [-c CONTAINER] POD -- COMMAND...: run a command in a
// running container, or with -it and a shell, open that container's shell in
// the terminal. The v1.31+ refusal of the old form without `--` included.

import { StatusError } from '../../../sim/api/errors';
import type { FlagSpec } from '../flags';
import type { KubectlEnv } from '../env';
import { KubectlError } from '../errors';
import { podsOf } from '../pods';
import { shellQuote } from '../../quote';
import { commandsFor } from '../../locations';
import { hexString } from '../../../sim/core/ids';

export const execFlags: FlagSpec[] = [
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'container', short: 'c', type: 'string' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'pod-running-timeout', type: 'string' },
];

const SHELLS = new Set(['sh', 'bash', 'ash', '/bin/sh', '/bin/bash', '/bin/ash', '/bin/busybox']);


export async function runExec(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  const before = f.dashAt >= 0 ? f.args.slice(0, f.dashAt) : f.args;
  const command = f.dashAt >= 0 ? f.args.slice(f.dashAt) : [];
  if (before.length === 0) {
    throw new KubectlError(`error: expected 'exec POD_NAME COMMAND [ARG1] [ARG2] ... [ARGN]'.\nPOD_NAME and COMMAND are required arguments for the exec command\nSee 'kubectl exec -h' for help and examples`);
  }
  if (before.length > 1) throw new KubectlError(`error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples`);
  if (command.length === 0) throw new KubectlError('error: you must specify at least one command for the container');
  const pod = podsOf(env, before[0])[0];
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
  const program = command[0].split('/').pop()!;
  if (!(program in commandsFor(location, env.sim))) {
    throw new KubectlError(
      `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${hexString(env.sim.rng('exec-ids'), 64)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${command[0]}": executable file not found in $PATH: unknown`,
    );
  }
  const interactive = f.bool('stdin') && f.bool('tty');
  if (interactive && command.length === 1 && SHELLS.has(command[0])) {
    const shell = command[0].replace(/^\/bin\//, '');
    env.ctx.enter({ ...location, shell: shell === 'bash' ? 'bash' : 'sh' });
    return 0;
  }
  const line = command.map(shellQuote).join(' ');
  // -t gives the command a terminal (redis-cli formats for it, curl shows no meter).
  const exit = await env.ctx.runLine(line, { stdin: f.bool('stdin') ? env.io.stdin : '', stdout: env.io.stdout, stderr: env.io.stderr, isTTY: f.bool('tty') && env.io.isTTY, columns: env.io.columns }, location);
  if (exit !== 0) {
    env.err(`command terminated with exit code ${exit}\n`);
    return exit;
  }
  return 0;
}

