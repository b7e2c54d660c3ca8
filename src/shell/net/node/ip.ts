// `ip` (iproute2 6.1, Debian 12) in a kind node: `addr` and `link` (full,
// -br, -4/-6, `show dev X`), `route show` and `route get ADDR`, with iproute2's
// object and command abbreviations and its error texts.

import type { Command, CommandIO } from '../../types';
import { ipAddr, ipLink, ipRouteGet, ipRouteShow, type IpShowOptions } from '../../../sim/net/render';
import { nodeOf } from '../lib/where';

const IP_USAGE = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |
                   link | macsec | maddress | monitor | mptcp | mroute | mrule |
                   neighbor | neighbour | netconf | netns | nexthop | ntable |
                   ntbl | route | rule | sr | tap | tcpmetrics |
                   token | tunnel | tuntap | vrf | xfrm }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                    -h[uman-readable] | -iec | -j[son] | -p[retty] |
                    -f[amily] { inet | inet6 | mpls | bridge | link } |
                    -4 | -6 | -M | -B | -0 |
                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                    -c[olor]}
`;

/** iproute2 matches a word against a keyword by prefix (`a` is address, `r` route). */
function matches(word: string, keyword: string, min = 1): boolean {
  return word.length >= min && keyword.startsWith(word);
}

const OBJECTS: [string, string][] = [
  ['address', 'a'],
  ['link', 'l'],
  ['route', 'r'],
];

function out(io: CommandIO, r: { stdout: string; stderr: string; exitCode: number }): number {
  if (r.stdout) io.stdout(r.stdout);
  if (r.stderr) io.stderr(r.stderr);
  return r.exitCode;
}

export const ip: Command = (argv, io, ctx) => {
  const node = nodeOf(ctx);
  const net = node ? ctx.sim.runtime.network.node(node) : undefined;
  if (!net) return 127;
  const args = argv.slice(1);
  const opts: IpShowOptions = {};
  while (args.length && args[0].startsWith('-')) {
    const o = args.shift()!.replace(/^--?/, '-');
    if (o === '-4') opts.family = 'inet';
    else if (o === '-6') opts.family = 'inet6';
    else if (matches(o.slice(1), 'brief', 2)) opts.brief = true;
    else if (matches(o.slice(1), 'color') || o === '-N' || matches(o.slice(1), 'numeric', 2)) continue;
    else if (o === '-V' || matches(o.slice(1), 'Version')) {
      io.stdout('ip utility, iproute2-6.1.0, libbpf 1.1.2\n');
      return 0;
    } else if (o === '-h' || matches(o.slice(1), 'help')) {
      io.stderr(IP_USAGE);
      return 255;
    } else {
      io.stderr(`Option "${o}" is unknown, try "ip -help".\n`);
      return 255;
    }
  }
  const objWord = args.shift();
  if (objWord === undefined || matches(objWord, 'help')) {
    io.stderr(IP_USAGE);
    return 255;
  }
  const obj = OBJECTS.find(([name]) => matches(objWord, name))?.[0];
  if (!obj) {
    io.stderr(`Object "${objWord}" is unknown, try "ip help".\n`);
    return 1;
  }
  const cmd = args.shift() ?? 'show';
  const objName = obj === 'address' ? 'address' : obj;
  if (obj === 'route') {
    if (matches(cmd, 'show') || matches(cmd, 'list')) {
      if (opts.family === 'inet6') {
        io.stderr('ip: IPv6 routes are not simulated in this playground\n');
        return 1;
      }
      io.stdout(ipRouteShow(net));
      return 0;
    }
    if (matches(cmd, 'get')) {
      const dst = args.filter((a) => a !== 'to')[0];
      if (!dst) {
        io.stderr('need at least a destination address\n');
        return 1;
      }
      return out(io, ipRouteGet(net, dst));
    }
    io.stderr(`Command "${cmd}" is unknown, try "ip route help".\n`);
    return 255;
  }
  if (!(matches(cmd, 'show') || matches(cmd, 'list') || matches(cmd, 'lst'))) {
    io.stderr(`Command "${cmd}" is unknown, try "ip ${objName} help".\n`);
    return 255;
  }
  const rest = args.filter((a) => a !== 'dev');
  if (rest[0]) opts.dev = rest[0];
  return out(io, obj === 'address' ? ipAddr(net, opts) : ipLink(net, opts));
};
