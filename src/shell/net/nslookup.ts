// `nslookup` in a pod, in the flavour its image carries (busybox 1.28 for the
// lab's vote image and busybox:1.28, busybox 1.36 for busybox:latest and
// Alpine, BIND's for the dnsutils images), over the pod's resolver: the
// queries are packets through the simulated network, and a lookup that times
// out takes its seconds.

import type { Command } from '../types';
import { runNslookup } from '../../sim/dns';
import { waitCancellable } from '../commands/sleep';
import { stubResolver } from './lib/resolve';
import { commandLine, podPlace } from './lib/where';

export const nslookup: Command = async (argv, io, ctx) => {
  const pod = podPlace(ctx);
  const resolver = stubResolver(ctx);
  const flavour = pod?.image.tools.nslookup;
  if (!pod || !resolver || !flavour) return 127;
  ctx.sim.runtime.traces.cause = commandLine(argv);
  const r = runNslookup(flavour, argv.slice(1), resolver);
  if (!(await waitCancellable(ctx, Math.round(r.elapsedMs)))) return 130;
  for (const c of r.chunks) (c.stream === 'stdout' ? io.stdout : io.stderr)(c.text);
  return r.exitCode;
};
