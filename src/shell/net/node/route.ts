// net-tools `route` on a node: the kernel routing table, numeric with -n (or
// -N), extended with -e / -ee, the empty routing cache with -C. The lab's
// weave-era nodes were full VMs and had it; a stock kindest/node does not ship
// net-tools, but the lab's steps use `route -n`.

import type { Command } from '../../types';
import { routeN } from '../../../sim/net/render/route-n';
import type { NodeNetwork } from '../../../sim/net/render/node-network';

const USAGE = `Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables
       route [-v] [-FC] {add|del|flush} ...  Modify routing table for AF.

       route {-h|--help} [<AF>]              Detailed usage syntax for specified AF.
       route {-V|--version}                  Display version/author and exit.

        -v, --verbose            be verbose
        -n, --numeric            don't resolve names
        -e, --extend             display other/more information
        -F, --fib                display Forwarding Information Base (default)
        -C, --cache              display routing cache instead of FIB

  <AF>=Use -4, -6, '-A <af>' or '--<af>'; default: inet
  List of possible address families (which support routing):
`;

const FAMILIES = `    inet (DARPA Internet) inet6 (IPv6) ax25 (AMPR AX.25) 
    netrom (AMPR NET/ROM) rose (AMPR ROSE) ipx (Novell IPX) 
    ddp (Appletalk DDP) x25 (CCITT X.25) 
`;

const VERSION = `net-tools 2.10
+NEW_ADDRT +RTF_IRTT +RTF_REJECT +I18N +SELINUX
AF: (inet) +UNIX +INET +INET6 +IPX +AX25 +NETROM +X25 +ATALK +ECONET +ROSE -BLUETOOTH
HW:  +ETHER +ARC +SLIP +PPP +TUNNEL -TR +AX25 +NETROM +X25 +FR +ROSE +ASH +SIT +FDDI +HIPPI +HDLC/LAPB +EUI64 
`;

const LONG: Record<string, string> = { numeric: 'n', extend: 'e', verbose: 'v', fib: 'F', cache: 'C', help: 'h', version: 'V', protocol: 'A', inet: '4', inet6: '6' };
const FAMILY_NAMES = ['inet', 'inet6', 'ax25', 'netrom', 'rose', 'ipx', 'ddp', 'x25', 'unix', 'econet', 'ash', 'x25'];

export interface RouteResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** getopt's complaint, printed before the usage on stdout */
  complaint?: string;
}

/** The whole command over a node's network, for the shell and the oracle tests. */
export function routeMain(net: NodeNetwork, args: string[]): RouteResult {
  let numeric = false;
  let extend = 0;
  let cache = false;
  let family = 'inet';
  const positional: string[] = [];
  // `route -h` and a bad option print the usage on stdout, the families on stderr, and exit 0.
  const help = (complaint?: string): RouteResult => ({ stdout: USAGE, stderr: FAMILIES, exitCode: 0, complaint });
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    let flags: string[];
    let inlineArg: string | undefined;
    if (a.startsWith('--') && a.length > 2) {
      const [name, value] = a.slice(2).split('=', 2);
      const hits = Object.keys(LONG).filter((l) => l.startsWith(name));
      const exact = Object.keys(LONG).find((l) => l === name);
      const hit = exact ?? (hits.length === 1 ? hits[0] : undefined);
      if (!hit) {
        const msg =
          hits.length > 1 ? `route: option '--${name}' is ambiguous; possibilities:${hits.map((h) => ` '--${h}'`).join('')}\n` : `route: unrecognized option '--${name}'\n`;
        return help(msg);
      }
      flags = [LONG[hit]];
      inlineArg = value;
    } else if (a.startsWith('-') && a.length > 1) {
      flags = a.slice(1).split('');
    } else {
      positional.push(a);
      continue;
    }
    for (let j = 0; j < flags.length; j++) {
      const f = flags[j];
      if (f === 'n' || f === 'N') numeric = true;
      else if (f === 'e') extend++;
      else if (f === 'C') cache = true;
      else if (f === 'F') cache = false;
      else if (f === 'v') continue;
      else if (f === '4') family = 'inet';
      else if (f === '6') family = 'inet6';
      else if (f === 'h') return help();
      else if (f === 'V') return { stdout: VERSION, stderr: '', exitCode: 0 };
      else if (f === 'A') {
        const v = inlineArg ?? (j + 1 < flags.length ? flags.slice(j + 1).join('') : args[++k]);
        if (v === undefined) return help("route: option requires an argument -- 'A'\n");
        if (!FAMILY_NAMES.includes(v)) return { stdout: '', stderr: `Unknown address family \`${v}'.\n`, exitCode: 1 };
        family = v;
        break;
      } else return help(`route: invalid option -- '${f}'\n`);
    }
  }
  if (positional.length) {
    const cmd = positional[0];
    if (cmd === 'add' || cmd === 'del' || cmd === 'flush') {
      return { stdout: '', stderr: 'SIOCADDRT: Operation not permitted\n(changing routes is not simulated in this playground)\n', exitCode: 1 };
    }
    return { stdout: '', stderr: USAGE + FAMILIES, exitCode: 3 };
  }
  if (family !== 'inet') {
    return { stdout: '', stderr: `route: the ${family} routing table is not simulated in this playground\n`, exitCode: 1 };
  }
  // Without -n the default route's destination prints as `default` (names of
  // other addresses would come from DNS, which the nodes cannot reach).
  return { stdout: routeN(net, { extend, cache, defaultName: numeric ? undefined : 'default' }), stderr: '', exitCode: 0 };
}

export const route: Command = (argv, io, ctx) => {
  if (ctx.location.kind !== 'node') return 127;
  const net = ctx.sim.runtime.network.node(ctx.location.node);
  if (!net) return 1;
  const r = routeMain(net, argv.slice(1));
  if (r.complaint) io.stderr(r.complaint);
  if (r.stdout) io.stdout(r.stdout);
  if (r.stderr) io.stderr(r.stderr);
  return r.exitCode;
};
