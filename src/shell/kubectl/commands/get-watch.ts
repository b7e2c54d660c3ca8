// kubectl get -w: after the first listing, one line per change as the watch
// delivers it (kubectl flushes its tab writer per event, so each row is laid
// out on its own), until Ctrl-C. Headless runs stop once the cluster is idle.

import type { KubeObject, LabelSelector } from '../../../sim/api/types';
import { matchesSelector } from '../../../sim/api/selectors';
import type { KubectlEnv } from '../env';
import { printGetTables, printNames } from '../printers';
import { printObjects, type OutputFormat } from '../output';

export interface WatchRequest {
  namespace: string | undefined;
  selector: LabelSelector | undefined;
  format: OutputFormat;
  multipleKinds: boolean;
}

/** How long a headless watch waits for nothing to happen before it ends. */
const IDLE_MS = 60_000;

export async function watchGet(env: KubectlEnv, kinds: string[], req: WatchRequest): Promise<number> {
  const pending: KubeObject[] = [];
  const unsubscribe = kinds.map((k) =>
    env.store.watch(k, (e) => {
      const o = e.object;
      if (req.namespace !== undefined && o.metadata.namespace !== undefined && o.metadata.namespace !== req.namespace) return;
      if (req.selector && !matchesSelector(req.selector, o.metadata.labels)) return;
      pending.push(o);
    }),
  );
  let idleSince = env.now();
  try {
    while (!env.ctx.signal.cancelled) {
      if (pending.length) {
        const batch = pending.splice(0);
        for (const o of batch) emit(env, o, req);
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
    for (const u of unsubscribe) u();
  }
  return 0;
}

function emit(env: KubectlEnv, o: KubeObject, req: WatchRequest): void {
  const f = req.format;
  if (f.kind === 'table') {
    env.out(printGetTables([{ kind: o.kind, items: [o] }], { wide: f.wide, withKind: req.multipleKinds, noHeaders: true, allNamespaces: req.namespace === undefined }, env.now()));
  } else if (f.kind === 'name') {
    env.out(printNames([o]));
  } else {
    env.out(printObjects(f, o, [o]));
  }
}
