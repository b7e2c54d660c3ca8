// One kubectl invocation: where its output goes, which namespace it works in,
// and the cluster it talks to (only through the API store, like a client).

import type { CommandIO, ExecContext } from '../types';
import type { Simulation } from '../../sim/simulation';
import type { ApiStore } from '../../sim/api/store';
import { Flags } from './flags';

export interface KubectlEnv {
  readonly sim: Simulation;
  readonly store: ApiStore;
  readonly io: CommandIO;
  readonly ctx: ExecContext;
  readonly flags: Flags;
  /** `-n`, else the context's namespace. */
  readonly namespace: string;
  /** Was a namespace given with `-n/--namespace` (kubectl's EnforceNamespace; `-n ""` does not count)? */
  readonly explicitNamespace: boolean;
  /** `kubectl get` etc., for usage texts. */
  readonly commandPath: string;
  /** This kubectl process's pid (klog headers print it). */
  readonly pid: number;
  out(text: string): void;
  err(text: string): void;
  now(): number;
  /** Hand the terminal to a pod's container (`run -it`, `exec -it`); set by the shell that can do it. */
  attach?: (pod: import('../../sim/api/types').Pod, container?: string) => Promise<number>;
}

/** The numbers in a klog header line (`E0112 09:00:00.000000   12345 run.go:72] ...`). */
export function klogHeader(level: 'E' | 'W' | 'I', nowMs: number, pid: number, where: string): string {
  const d = new Date(nowMs);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const micros = String((nowMs % 1000) * 1000).padStart(6, '0');
  return `${level}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micros} ${String(pid).padStart(7)} ${where}] `;
}

/** Each kubectl run is a new process with its own pid (counted per simulated host). */
const pids = new WeakMap<Simulation, number>();
export function newPid(sim: Simulation): number {
  const pid = (pids.get(sim) ?? 4821) + 7;
  pids.set(sim, pid);
  return pid;
}

export function makeEnv(sim: Simulation, io: CommandIO, ctx: ExecContext, flags: Flags, commandPath: string): KubectlEnv {
  const ns = flags.str('namespace');
  return {
    sim,
    store: sim.store,
    io,
    ctx,
    flags,
    namespace: ns || sim.currentNamespace,
    explicitNamespace: ns !== '',
    commandPath,
    pid: newPid(sim),
    out: (t) => io.stdout(t),
    err: (t) => io.stderr(t),
    now: () => sim.now(),
  };
}

/**
 * `{ namespace }` when the namespace came from `-n/--namespace`, else `{}`: the
 * objects kubectl builds itself (`create deployment|service`, `run`, `expose`)
 * carry `metadata.namespace` only then (kubectl's `if o.EnforceNamespace`), so
 * it shows in `--dry-run=client -o yaml`.
 */
export function namespaceFromFlag(env: Pick<KubectlEnv, 'explicitNamespace' | 'namespace'>): { namespace?: string } {
  return env.explicitNamespace ? { namespace: env.namespace } : {};
}
