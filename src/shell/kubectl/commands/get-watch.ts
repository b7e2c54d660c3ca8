// kubectl get -w: the first listing, then one row per change as the watch
// delivers it, through one tab writer that remembers column widths (as
// kubectl's does), until Ctrl-C. Headless runs end once the cluster is idle.

import type { KubeObject, LabelSelector } from '../../../sim/api/types';
import { matchesSelector } from '../../../sim/api/selectors';
import type { KubectlEnv } from '../env';
import { createWatchTablePrinter, printNames } from '../printers';
import { printObjects, type OutputFormat } from '../output';
import { KubectlError } from '../errors';

export interface WatchRequest {
  kind: string;
  namespace: string | undefined;
  /** Watching one named object. */
  name?: string;
  selector: LabelSelector | undefined;
  format: OutputFormat;
  showKind: boolean;
  allNamespaces: boolean;
  showLabels: boolean;
  labelColumns: string[];
  noHeaders: boolean;
  /** `--watch-only`: no first listing. */
  watchOnly: boolean;
}

/** How long a headless watch waits for something to happen before it ends. */
const IDLE_MS = 60_000;

export async function watchGet(env: KubectlEnv, initial: KubeObject[], req: WatchRequest): Promise<number> {
  const f = req.format;
  const table =
    f.kind === 'table'
      ? createWatchTablePrinter(req.kind, { wide: f.wide, withKind: req.showKind, allNamespaces: req.allNamespaces, showLabels: req.showLabels, labelColumns: req.labelColumns, noHeaders: req.noHeaders })
      : undefined;
  const print = (objs: KubeObject[]) => {
    if (objs.length === 0) return;
    if (table) env.out(table.print(objs, env.now()));
    else if (f.kind === 'name') env.out(printNames(objs));
    else for (const o of objs) env.out(printObjects(f, o, [o]));
  };
  if (!req.watchOnly) print(initial);

  const pending: KubeObject[] = [];
  const unsubscribe = env.store.watch(req.kind, (e) => {
    const o = e.object;
    if (req.namespace !== undefined && o.metadata.namespace !== undefined && o.metadata.namespace !== req.namespace) return;
    if (req.name !== undefined && o.metadata.name !== req.name) return;
    if (req.selector && !matchesSelector(req.selector, o.metadata.labels)) return;
    pending.push(o);
  });
  let idleSince = env.now();
  try {
    while (!env.ctx.signal.cancelled) {
      if (pending.length) {
        print(pending.splice(0));
        idleSince = env.now();
      }
      if (!env.ctx.realtime) {
        const next = env.sim.clock.nextDue();
        if (next === undefined || next - idleSince > IDLE_MS) break;
        await env.ctx.sleep(Math.max(1, next - env.now()));
      } else {
        await env.ctx.sleep(200);
      }
    }
  } finally {
    unsubscribe();
  }
  return 0;
}

export function oneKindOnly(count: number): void {
  if (count !== 1) {
    throw new KubectlError(`error: watch is only supported on individual resources and resource collections, but ${count} resources were found`);
  }
}
