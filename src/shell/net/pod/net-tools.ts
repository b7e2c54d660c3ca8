// busybox's network applets in a pod (busybox and Alpine images): `ip addr|
// link|route`, `route [-n]` and `ifconfig [-a] [IFACE]`, over the pod's weave
// network namespace (src/sim/net/render/pod-network.ts). A hostNetwork pod
// sees its node's devices.

import type { Command, ExecContext } from '../../types';
import { podNetwork, busyboxIpAddr, busyboxIpLink, busyboxIpRoute, busyboxIfconfig, type BbResult, type IfStats } from '../../../sim/net/render/pod-network';
import { routeN } from '../../../sim/net/render/route-n';
import { weaveVethName, type Interface, type NodeNetwork } from '../../../sim/net/render/node-network';
import { podPlace } from '../lib/where';
import { busyboxBanner } from '../lib/busybox';

/** The network namespace a pod's commands see. */
export function podNetOf(ctx: ExecContext): NodeNetwork | undefined {
  const p = podPlace(ctx);
  if (!p) return undefined;
  const node = ctx.sim.runtime.network.node(p.node);
  if (!node) return undefined;
  if (p.hostNetwork) return node;
  const rc = ctx.sim.runtime.apps.container(p.namespace, p.pod, p.container);
  const veth = node.interfaces.find((i) => i.name === weaveVethName(rc?.pod.metadata.uid ?? ''));
  return podNetwork({
    name: p.pod,
    ip: p.ip,
    bridgeIP: node.bridgeIP,
    weaveCIDR: `${node.weaveCIDR.addr}/${node.weaveCIDR.len}`,
    index: veth?.peerIndex ?? 2,
    peerIndex: veth?.index ?? 3,
  });
}

function emit(io: { stdout(s: string): void; stderr(s: string): void }, r: BbResult): number {
  if (r.stdout) io.stdout(r.stdout);
  if (r.stderr) io.stderr(r.stderr);
  return r.exitCode;
}

const IP_USAGE = `
Usage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]

OPTIONS := -f[amily] inet|inet6|link | -o[neline]

ip addr add|del IFADDR dev IFACE | show|flush [dev IFACE] [to PREFIX]
ip route list|flush|add|del|change|append|replace|test ROUTE
ip link set IFACE [up|down] [arp on|off] [multicast on|off]
\t[promisc on|off] [mtu NUM] [name NAME] [qlen NUM] [address MAC]
\t[master IFACE | nomaster] [netns PID]
ip tunnel add|change|del|show [NAME]
\t[mode ipip|gre|sit] [remote ADDR] [local ADDR] [ttl TTL]
ip neigh show|flush [to PREFIX] [dev DEV] [nud STATE]
ip rule [list] | add|del SELECTOR ACTION
`;

/** busybox ip over a pod's namespace; `banner` is the image's busybox line. */
export function busyboxIpMain(net: NodeNetwork, argv: string[], banner: string): BbResult {
  const args = [...argv];
  let family: 'inet' | 'inet6' | undefined;
  const usage: BbResult = { stdout: '', stderr: banner + '\n' + IP_USAGE, exitCode: 1 };
  while (args[0]?.startsWith('-')) {
    const o = args.shift()!;
    if (o === '-4') family = 'inet';
    else if (o === '-6') family = 'inet6';
    else if (o === '-o' || o === '-oneline' || o === '-s') continue;
    else if ('-family'.startsWith(o) && o.length > 1) {
      const f = args.shift();
      if (f === 'inet' || f === 'inet6') family = f;
    } else return usage;
  }
  const obj = args.shift();
  if (obj === undefined) return usage;
  const pick = (word: string, words: string[]) => words.find((w) => w.startsWith(word));
  const o = pick(obj, ['address', 'route', 'link', 'tunnel', 'neigh', 'rule']);
  if (!o) return usage;
  const cmd = args.shift() ?? 'show';
  const show = ['show', 'list', 'lst'].some((w) => w.startsWith(cmd));
  if (o === 'tunnel' || o === 'neigh' || o === 'rule' || !show) {
    return { stdout: '', stderr: `ip: ${o === 'address' || o === 'route' || o === 'link' ? 'changing the network' : `ip ${o}`} is not simulated in this playground\n`, exitCode: 1 };
  }
  const rest = args.filter((a) => a !== 'dev');
  if (o === 'route') return busyboxIpRoute(net);
  if (o === 'address') return busyboxIpAddr(net, { dev: rest[0], family });
  return busyboxIpLink(net, { dev: rest[0] });
}

export const podIp: Command = (argv, io, ctx) => {
  const net = podNetOf(ctx);
  const p = podPlace(ctx);
  if (!net || !p) return 127;
  return emit(io, busyboxIpMain(net, argv.slice(1), busyboxBanner(p.image)));
};

export const podRoute: Command = (argv, io, ctx) => {
  const net = podNetOf(ctx);
  if (!net) return 127;
  const args = argv.slice(1);
  const numeric = args.some((a) => /^-[a-zA-Z]*n/.test(a));
  const other = args.filter((a) => !/^-[ne]+$/.test(a));
  if (other.length) {
    io.stderr('route: changing routes is not simulated in this playground\n');
    return 1;
  }
  io.stdout(routeN(net, numeric ? {} : { defaultName: 'default', noGateway: '*' }));
  return 0;
};

/** Counters: the simulator counts no frames; a pod's trickle grows with its age. */
function podStats(ctx: ExecContext): (i: Interface) => IfStats {
  const p = podPlace(ctx);
  const rc = p ? ctx.sim.runtime.apps.container(p.namespace, p.pod, p.container) : undefined;
  const started = rc?.pod.status?.startTime ? Date.parse(rc.pod.status.startTime) : ctx.sim.now();
  const t = Math.max(0, (ctx.sim.now() - started) / 1000);
  return (i) => {
    if (i.name === 'lo') return { rxPackets: 0, txPackets: 0, rxBytes: 0, txBytes: 0 };
    const rxPackets = 5 + Math.floor(t * 0.05);
    const txPackets = 1 + Math.floor(t * 0.01);
    return { rxPackets, txPackets, rxBytes: rxPackets * 86 + 70, txBytes: txPackets * 74 + 16 };
  };
}

export const podIfconfig: Command = (argv, io, ctx) => {
  const net = podNetOf(ctx);
  if (!net) return 127;
  const args = argv.slice(1).filter((a) => a !== '-a');
  if (args.length > 1) {
    io.stderr('ifconfig: changing interfaces is not simulated in this playground\n');
    return 1;
  }
  return emit(io, busyboxIfconfig(net, podStats(ctx), args[0]));
};
