// sleep NUMBER[SUFFIX]...: waits in virtual time, in slices so Ctrl-C ends it promptly.

import type { Command, ExecContext } from '../types';
import { getopt } from './lib/getopt';
import { quote, usageError } from './lib/util';

const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** How long one uninterrupted wait lasts at most. */
const SLICE_MS = 250;

export const sleep: Command = async (argv, io, ctx) => {
  const parsed = getopt('sleep', argv.slice(1), { long: { help: { arg: 'none' }, version: { arg: 'none' } } });
  if (!parsed.ok) return usageError(io, 'sleep', parsed.error);
  if (parsed.operands.length === 0) return usageError(io, 'sleep', 'sleep: missing operand');
  let total = 0;
  let bad = false;
  for (const a of parsed.operands) {
    // `sleep infinity` (GNU and busybox): until killed, the usual way to keep a container up.
    if (/^inf(inity)?$/i.test(a)) {
      total = Infinity;
      continue;
    }
    const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(a);
    if (!m) {
      io.stderr(`sleep: invalid time interval ${quote(ctx, a)}\n`);
      bad = true;
      continue;
    }
    total += Number(m[1]) * UNIT_MS[m[2]];
  }
  if (bad) {
    io.stderr("Try 'sleep --help' for more information.\n");
    return 1;
  }
  return (await waitCancellable(ctx, Math.round(total))) ? 0 : 130;
};

/** Wait `ms` of virtual time; false if cancelled first. */
export async function waitCancellable(ctx: ExecContext, ms: number): Promise<boolean> {
  let left = ms;
  while (left > 0) {
    if (ctx.signal.cancelled) return false;
    // A container's process waits in one piece (one clock timer for `sleep 3600`).
    const step = ctx.process ? left : Math.min(left, SLICE_MS);
    await ctx.sleep(step);
    left -= step;
  }
  return !ctx.signal.cancelled;
}
