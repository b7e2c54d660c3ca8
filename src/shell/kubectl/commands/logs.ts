// kubectl logs [-f] [--tail N] [-c C] [-p] [--timestamps] POD | TYPE/NAME:
// the container's log lines as the kubelet kept them.

import type { Pod } from '../../../sim/api/types';
import { StatusError } from '../../../sim/api/errors';
import type { FlagSpec } from '../flags';
import type { KubectlEnv } from '../env';
import { KubectlError } from '../errors';
import { podsOf } from '../pods';
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
  if (f.args.length === 0) throw new KubectlError(USAGE);
  const pods = podsOf(env, f.args[0]);
  if (pods.length > 1) env.err(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}\n`);
  const pod = pods[0];
  const names = pod.spec.containers.map((c) => c.name);
  let container = f.str('container') || (f.args[1] ?? '');
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
  if (previous && !lines) {
    throw new StatusError('BadRequest', `previous terminated container "${container}" in pod "${pod.metadata.name}" not found`);
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

  // Follow: new lines as the container writes them, until Ctrl-C (or, headless, until quiet).
  let printed = lines.filter((l) => l.at <= now).length;
  let idleSince = env.now();
  while (!env.ctx.signal.cancelled) {
    lines = logs.lines(uid, container) ?? [];
    const due = lines.filter((l) => l.at <= env.now());
    if (due.length > printed) {
      for (const l of due.slice(printed)) env.out(format(l));
      printed = due.length;
      idleSince = env.now();
    }
    const live = env.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name!);
    if (!live || live.metadata.uid !== uid) break;
    if (!env.ctx.realtime) {
      const next = env.sim.clock.nextDue();
      if (next === undefined || next - idleSince > 60_000) break;
      await env.ctx.sleep(Math.max(1, next - env.now()));
    } else {
      await env.ctx.sleep(250);
    }
  }
  return 0;
}
