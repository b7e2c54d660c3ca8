// kubectl logs [-f] [--tail N] [-c C] [-p] [--timestamps] POD | TYPE/NAME:
// the container's log lines as the kubelet kept them.

import type { Pod } from '../../../sim/api/types';
import { StatusError } from '../../../sim/api/errors';
import type { FlagSpec } from '../flags';
import type { KubectlEnv } from '../env';
import { KubectlError } from '../errors';
import { logFollower, podFor } from '../pods';
import type { LogLine } from '../../../sim/runtime';

export const logsFlags: FlagSpec[] = [
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'tail', type: 'int' },
  { name: 'container', short: 'c', type: 'string' },
  { name: 'previous', short: 'p', type: 'bool' },
  { name: 'timestamps', type: 'bool' },
  { name: 'since', type: 'string' },
  { name: 'all-containers', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'prefix', type: 'bool' },
  { name: 'pod-running-timeout', type: 'duration' },
];

const USAGE = `error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.
POD or TYPE/NAME is a required argument for the logs command
See 'kubectl logs -h' for help and examples`;


/** RFC 3339 with nanoseconds, as the kubelet stamps log lines. */
function stamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.replace(/\.(\d{3})Z$/, (_m, frac: string) => `.${frac}000000Z`);
}

export async function runLogs(env: KubectlEnv): Promise<number> {
  const f = env.flags;
  // kubectl's Complete: POD, or POD CONTAINER; more is a usage error, as is none without -l.
  if (f.args.length === 0 || f.args.length > 2) throw new KubectlError(USAGE);
  if (f.args.length === 1 && f.str('selector')) throw new KubectlError(`error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples`);
  const timeout = f.duration('pod-running-timeout', 20_000);
  if (timeout <= 0) throw new KubectlError('error: --pod-running-timeout must be higher than zero');
  if (f.str('selector')) throw new KubectlError('error: selectors and the all flag cannot be used when passing resource/name arguments');
  const { pod, count } = await podFor(env, f.args[0], 'logs', timeout);
  if (count > 1) env.err(`Found ${count} pods, using pod/${pod.metadata.name}\n`);
  const names = pod.spec.containers.map((c) => c.name);
  // An inline CONTAINER argument wins over -c, as in kubectl's Complete.
  let container = f.args[1] ?? f.str('container');
  if (!container) {
    container = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? names[0];
    if (names.length > 1) env.err(`Defaulted container "${container}" out of: ${names.join(', ')}\n`);
  } else if (!names.includes(container)) {
    throw new StatusError('BadRequest', `container ${container} is not valid for pod ${pod.metadata.name}`);
  }
  const status = pod.status?.containerStatuses?.find((s) => s.name === container);
  const uid = pod.metadata.uid!;
  const logs = env.sim.runtime.logs;
  const previous = f.bool('previous');
  let lines = logs.lines(uid, container, previous);
  if (previous) {
    // The kubelet keeps the log of the instance before the last restart; a container that never restarted has none.
    const restarted = !!status?.lastState?.terminated || (status?.restartCount ?? 0) > 0;
    if (!restarted) throw new StatusError('BadRequest', `previous terminated container "${container}" in pod "${pod.metadata.name}" not found`);
    lines ??= [];
  }
  if (!lines) {
    const waiting = status?.state.waiting?.reason;
    const why = waiting === 'ImagePullBackOff' || waiting === 'ErrImagePull' ? 'trying and failing to pull image' : (waiting ?? 'ContainerCreating');
    throw new StatusError('BadRequest', `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${why}`);
  }
  const format = (l: LogLine) => (f.bool('timestamps') ? `${stamp(l.at)} ` : '') + l.text + '\n';
  const now = env.now();
  let shown = lines.filter((l) => l.at <= now);
  if (f.changed('tail') && f.int('tail', -1) >= 0) shown = shown.slice(Math.max(0, shown.length - f.int('tail', -1)));
  for (const l of shown) env.out(format(l));
  if (!f.bool('follow') || previous) return 0;

  // Follow: new lines as the container writes them, until Ctrl-C (or, headless, see logFollower).
  let printed = lines.filter((l) => l.at <= now).length;
  const follower = logFollower(env);
  while (!env.ctx.signal.cancelled) {
    lines = logs.lines(uid, container) ?? [];
    const due = lines.filter((l) => l.at <= env.now());
    const wrote = due.length > printed;
    for (const l of due.slice(printed)) env.out(format(l));
    printed = Math.max(printed, due.length);
    const live = env.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name!);
    if (!live || live.metadata.uid !== uid) break;
    if (!(await follower.wait(wrote))) break;
  }
  return 0;
}
