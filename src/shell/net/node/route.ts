// net-tools `route` on a node: the kernel routing table, numeric with -n.
// The lab's weave-era nodes were full VMs and had it; a stock kindest/node
// does not ship net-tools, but the lab's steps use `route -n`.

import type { Command } from '../../types';
import { routeN } from '../../../sim/net/render/route-n';

const USAGE = `Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables
       route [-v] [-FC] {add|del|flush} ...  Modify routing table for AF.
`;

export const route: Command = (argv, io, ctx) => {
  if (ctx.location.kind !== 'node') return 127;
  const args = argv.slice(1);
  let numeric = false;
  for (const a of args) {
    if (/^-[nNve]+$/.test(a)) numeric ||= a.includes('n');
    else if (a === 'add' || a === 'del' || a === 'flush') {
      io.stderr('SIOCADDRT: Operation not permitted\n');
      io.stderr('(changing routes is not simulated in this playground)\n');
      return 1;
    } else {
      io.stderr(USAGE);
      return 4;
    }
  }
  const net = ctx.sim.runtime.network.node(ctx.location.node);
  if (!net) return 1;
  let text = routeN(net);
  // Without -n the default route's destination prints as `default` (names of
  // other addresses would come from DNS, which the nodes cannot reach).
  if (!numeric) text = text.replace(/^0\.0\.0\.0 {9}/m, 'default'.padEnd(16));
  io.stdout(text);
  return 0;
};
