// watch [-n SECS] [-t] COMMAND...: re-runs the command every interval with
// procps-ng's header (`Every 2.0s: CMD` left, `HOST: DATE` right), clearing
// the screen between refreshes, until Ctrl-C (status 0, as procps watch).
// Headless runs stop once the simulation has nothing more scheduled.

import type { Command, ExecContext } from '../types';
import { terminalColumns } from '../interp/context';
import { strftime } from './date';
import { getopt } from './lib/getopt';
import { waitCancellable } from './sleep';

/** How long a headless watch goes on after the cluster last changed. */
const IDLE_MS = 60_000;

const USAGE = `
Usage:
 watch [options] command

Options:
  -b, --beep             beep if command has a non-zero exit
  -c, --color            interpret ANSI color and style sequences
  -d, --differences[=<permanent>]
                         highlight changes between updates
  -e, --errexit          exit if command has a non-zero exit
  -g, --chgexit          exit when output from command changes
  -q, --equexit <cycles>
                         exit when output from command does not change
  -n, --interval <secs>  seconds to wait between updates
  -p, --precise          attempt run command in precise intervals
  -t, --no-title         turn off header
  -w, --no-wrap          turn off line wrapping
  -x, --exec             pass command to exec instead of "sh -c"

 -h, --help     display this help and exit
 -v, --version  output version information and exit

For more details see watch(1).
`;

export const watch: Command = async (argv, io, ctx) => {
  const parsed = getopt('watch', argv.slice(1), {
    short: { n: 'required', t: 'none', d: 'optional', b: 'none', c: 'none', e: 'none', g: 'none', p: 'none', w: 'none', x: 'none', q: 'required' },
    long: {
      interval: { arg: 'required', key: 'n' }, 'no-title': { arg: 'none', key: 't' }, differences: { arg: 'optional', key: 'd' },
      exec: { arg: 'none', key: 'x' }, errexit: { arg: 'none', key: 'e' }, chgexit: { arg: 'none', key: 'g' },
      'no-wrap': { arg: 'none', key: 'w' }, color: { arg: 'none', key: 'c' }, precise: { arg: 'none', key: 'p' },
    },
    permute: false,
  });
  if (!parsed.ok) {
    io.stderr(parsed.error + '\n' + USAGE);
    return 1;
  }
  if (parsed.operands.length === 0) {
    io.stderr(USAGE);
    return 1;
  }
  let seconds = 2;
  let title = true;
  let exitOnError = false;
  let exitOnChange = false;
  for (const o of parsed.options) {
    if (o.key === 'n') {
      const v = Number(o.value!.replace(',', '.'));
      if (!Number.isFinite(v)) {
        io.stderr(`watch: failed to parse argument: '${o.value}'\n`);
        return 1;
      }
      seconds = Math.max(0.1, v);
    } else if (o.key === 't') title = false;
    else if (o.key === 'e') exitOnError = true;
    else if (o.key === 'g') exitOnChange = true;
  }
  const command = parsed.operands.join(' ');
  const host = hostname(ctx);
  let idleSince = ctx.sim.now();
  let version = changeVersion(ctx);
  let previous: string | undefined;
  while (!ctx.signal.cancelled) {
    let output = '';
    const status = await ctx.runLine(command, { stdin: '', stdout: (t) => (output += t), stderr: (t) => (output += t) });
    if (ctx.signal.cancelled) break;
    ctx.clearScreen();
    let screen = '';
    if (title) screen += header(`Every ${seconds.toFixed(1)}s: ${command}`, `${host}: ${strftime('%a %b %e %H:%M:%S %Y', ctx.sim.now())}`, terminalColumns(io, ctx.env)) + '\n\n';
    io.stdout(screen + output);
    if (exitOnError && status !== 0) return 8;
    if (exitOnChange && previous !== undefined && previous !== output) return 0;
    previous = output;
    if (!ctx.realtime) {
      const v = changeVersion(ctx);
      if (v !== version) {
        version = v;
        idleSince = ctx.sim.now();
      }
      const next = ctx.sim.clock.nextDue();
      if (next === undefined || next - idleSince > IDLE_MS) break;
    }
    if (!(await waitCancellable(ctx, Math.round(seconds * 1000)))) break;
  }
  return 0;
};

function header(left: string, right: string, width: number): string {
  const room = width - right.length - 1;
  if (room <= 0) return right.slice(0, width);
  const l = left.length > room ? left.slice(0, room) : left;
  return l + ' '.repeat(width - l.length - right.length) + right;
}

function hostname(ctx: ExecContext): string {
  const fromEnv = ctx.env.get('HOSTNAME');
  if (fromEnv) return fromEnv;
  switch (ctx.location.kind) {
    case 'node':
      return ctx.location.node;
    case 'pod':
      return ctx.location.pod;
    default:
      return 'localhost';
  }
}

function changeVersion(ctx: ExecContext): number {
  return ctx.sim.changeVersion;
}
