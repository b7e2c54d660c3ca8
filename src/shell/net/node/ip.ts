// `ip` (iproute2 6.1, Debian 12) in a kind node: `addr` and `link` (full, -br,
// -o, -s, -4/-6, `show dev X`), `route show|list [SELECTOR]` (both families,
// both tables, -d) and `route get ADDR`, `neigh show`, with iproute2's option,
// object and command abbreviations and its error texts.

import type { Command } from '../../types';
import { ipAddr, ipLink, ipRouteGet, type IpResult, type IpShowOptions } from '../../../sim/net/render';
import { ipRouteList, type IpGlobals } from '../../../sim/net/render/ip-route';
import { ipNeighShow, nodeNeighbours, type Neighbour } from '../../../sim/net/render/ip-neigh';
import { plausibleLinkStats, type LinkStats } from '../../../sim/net/render/ip-addr';
import type { Interface, NodeNetwork } from '../../../sim/net/render/node-network';
import { clusterNodes, nodeIP, nodeOf } from '../lib/where';
import { kindContainers } from '../lib/docker-host';

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

/** iproute2's matches(): the word is a prefix of the keyword. */
function matches(word: string, keyword: string): boolean {
  return word.length > 0 && keyword.startsWith(word);
}

/** Objects in iproute2's table order (the first one a word abbreviates wins); those simulated are named. */
const OBJECTS = ['address', 'addrlabel', 'maddress', 'route', 'rule', 'neighbor', 'neighbour', 'ntable', 'ntbl', 'link'];
const SIMULATED: Record<string, string> = { address: 'address', route: 'route', neighbor: 'neigh', neighbour: 'neigh', link: 'link' };

/** The global options, in the order iproute2 tries them. */
const OPTIONS = ['-loops', '-family', '-human', '-human-readable', '-iec', '-stats', '-statistics', '-details', '-resolve', '-oneline', '-timestamp', '-tshort', '-Version', '-force', '-batch', '-brief', '-json', '-pretty', '-rcvbuf', '-color', '-help', '-netns', '-Numeric', '-all'];

export interface IpEnv {
  net: NodeNetwork;
  neighbours: readonly Neighbour[];
  stats: (i: Interface) => LinkStats;
}

const err = (stderr: string, exitCode: number): IpResult => ({ stdout: '', stderr, exitCode });
const NOT_SIMULATED = (what: string) => err(`ip: ${what} is not simulated in this playground\n`, 2);

/** The whole command, for the shell and the oracle tests. */
export function ipMain(env: IpEnv, argv: string[]): IpResult {
  const { net } = env;
  const args = [...argv];
  const g: IpGlobals & { brief?: boolean; oneline?: boolean; stats?: boolean } = {};
  while (args.length && args[0].startsWith('-')) {
    let o = args.shift()!;
    if (o === '--') break;
    if (o.startsWith('--')) o = o.slice(1);
    if (o === '-4') g.family = 'inet';
    else if (o === '-6') g.family = 'inet6';
    else {
      const opt = OPTIONS.find((k) => matches(o, k));
      if (opt === '-family') {
        const f = args.shift();
        if (f === 'inet' || f === 'inet6') g.family = f;
        else if (f === undefined || f === 'help') return err(IP_USAGE, 255);
        else return err(`Error: argument "${f}" is wrong: invalid protocol family\n\n`, 255);
      } else if (opt === '-stats' || opt === '-statistics') g.stats = true;
      else if (opt === '-details') g.details = true;
      else if (opt === '-oneline') g.oneline = true;
      else if (opt === '-brief') g.brief = true;
      else if (opt === '-Version') return { stdout: 'ip utility, iproute2-6.1.0, libbpf 1.1.2\n', stderr: '', exitCode: 0 };
      else if (opt === '-help') return err(IP_USAGE, 255);
      else if (opt === '-human' || opt === '-human-readable' || opt === '-iec' || opt === '-resolve' || opt === '-color' || opt === '-Numeric' || opt === '-all') continue;
      else return err(`Option "${o}" is unknown, try "ip -help".\n`, 255);
    }
  }
  const objWord = args.shift();
  if (objWord === undefined || matches(objWord, 'help')) return err(IP_USAGE, 255);
  const objFull = OBJECTS.find((name) => matches(objWord, name));
  const obj = objFull ? SIMULATED[objFull] : undefined;
  if (!objFull) return err(`Object "${objWord}" is unknown, try "ip help".\n`, 1);
  if (!obj) return NOT_SIMULATED(`ip ${objFull}`);
  const cmd = args.shift() ?? 'show';
  const isShow = matches(cmd, 'show') || matches(cmd, 'list') || matches(cmd, 'lst');

  if (obj === 'route') {
    for (const change of ['add', 'change', 'replace', 'prepend', 'append', 'test', 'delete']) {
      if (matches(cmd, change)) return NOT_SIMULATED('changing routes');
    }
    if (isShow) return ipRouteList(net, args, g);
    if (matches(cmd, 'get')) {
      const dst = args.filter((a) => a !== 'to')[0];
      if (!dst) return err('need at least a destination address\n', 1);
      return ipRouteGet(net, dst);
    }
    if (matches(cmd, 'flush')) return NOT_SIMULATED('changing routes');
    return err(`Command "${cmd}" is unknown, try "ip route help".\n`, 255);
  }
  if (obj === 'neigh') {
    for (const change of ['add', 'change', 'replace', 'delete', 'flush']) {
      if (matches(cmd, change)) return NOT_SIMULATED('changing the neighbour table');
    }
    if (isShow) return ipNeighShow(env.neighbours, net.interfaces.map((i) => i.name), args, g);
    return err(`Command "${cmd}" is unknown, try "ip neigh help".\n`, 255);
  }
  const objName = obj === 'address' ? 'address' : obj;
  if (!isShow) return err(`Command "${cmd}" is unknown, try "ip ${objName} help".\n`, 255);
  const rest = args.filter((a) => a !== 'dev');
  const opts: IpShowOptions = { family: g.family, brief: g.brief, oneline: g.oneline, stats: g.stats ? env.stats : undefined };
  if (rest[0]) opts.dev = rest[0];
  return obj === 'address' ? ipAddr(net, opts) : ipLink(net, opts);
}

export const ip: Command = (argv, io, ctx) => {
  const node = nodeOf(ctx);
  const net = node ? ctx.sim.runtime.network.node(node) : undefined;
  if (!node || !net) return 127;
  const nodes = clusterNodes(ctx);
  const controlPlane = nodes.some((n) => n.metadata.name === node && 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {}));
  const started = kindContainers(ctx).find((c) => c.name === node)?.startedMs ?? ctx.sim.now();
  const uptimeS = (ctx.sim.now() - started) / 1000;
  const env: IpEnv = {
    net,
    neighbours: nodeNeighbours(net, nodes.map(nodeIP).filter((a) => a)),
    stats: (i) => plausibleLinkStats(node, i, uptimeS, controlPlane),
  };
  const r = ipMain(env, argv.slice(1));
  if (r.stdout) io.stdout(r.stdout);
  if (r.stderr) io.stderr(r.stderr);
  return r.exitCode;
};
