// `hostname` on a kind node (Debian's hostname 3.23: -i resolves the name
// through /etc/hosts, -I lists every global address) and in a pod (busybox's
// applet on busybox and Alpine images, Debian's on Debian images): the pod's
// name, and its IP from the kubelet's /etc/hosts.

import type { Command, ExecContext } from '../types';
import { hostnameCapitalI, hostnameI } from '../../sim/net/render';
import { nodeOf, podPlace } from './lib/where';
import { parseHostsFile } from './lib/resolve';
import { busyboxBanner, busyboxUserland } from './lib/busybox';
import { DEBIAN_HOSTNAME_USAGE } from './lib/hostname-usage';
import { HOST_NAME } from '../locations';

const BUSYBOX_USAGE =
  '\nUsage: hostname [-sidf] [HOSTNAME | -F FILE]\n\nShow or set hostname or DNS domain name\n\n' +
  '\t-s\tShort\n\t-i\tAddresses for the hostname\n\t-d\tDNS domain name\n\t-f\tFully qualified domain name\n\t-F FILE\tUse FILE\'s content as hostname\n';

function currentName(ctx: ExecContext): string {
  const l = ctx.location;
  if (l.kind === 'host') return HOST_NAME;
  const text = ctx.fs.read('/etc/hostname');
  return (text ?? '').trim() || (l.kind === 'node' ? l.node : l.pod);
}

/** Addresses the name has in /etc/hosts (glibc and busybox both read it first). */
function addressesOf(ctx: ExecContext, name: string): string[] {
  return parseHostsFile(ctx.fs.read('/etc/hosts') ?? '')
    .filter((e) => e.names.includes(name))
    .map((e) => e.ip);
}

export const hostname: Command = (argv, io, ctx) => {
  const args = argv.slice(1);
  const pod = podPlace(ctx);
  const busybox = pod ? busyboxUserland(pod.image) : false;
  const flag = args[0];
  const name = currentName(ctx);
  if (flag === undefined || flag === '-s' || flag === '--short') {
    io.stdout(`${flag ? name.split('.')[0] : name}\n`);
    return 0;
  }
  if (flag === '-i' || flag === '--ip-address') {
    const node = nodeOf(ctx);
    if (ctx.location.kind === 'node' && node) {
      const net = ctx.sim.runtime.network.node(node);
      if (net) {
        io.stdout(hostnameI(net));
        return 0;
      }
    }
    const ips = addressesOf(ctx, name);
    if (ips.length === 0) {
      io.stderr(busybox ? `hostname: ${name}: Name does not resolve\n` : 'hostname: Name or service not known\n');
      return 1;
    }
    io.stdout(`${ips.join(' ')}\n`);
    return 0;
  }
  if ((flag === '-I' || flag === '--all-ip-addresses') && !busybox) {
    const node = nodeOf(ctx);
    if (ctx.location.kind === 'node' && node) {
      const net = ctx.sim.runtime.network.node(node);
      if (net) io.stdout(hostnameCapitalI(net));
      return 0;
    }
    io.stdout(pod ? `${pod.ip} \n` : '\n');
    return 0;
  }
  if (flag === '-f' || flag === '--fqdn' || flag === '--long') {
    io.stdout(`${name}\n`);
    return 0;
  }
  if (flag === '-d' || flag === '--domain') {
    io.stdout('\n');
    return 0;
  }
  if (flag.startsWith('-')) {
    const letter = flag.replace(/^-+/, '')[0] ?? '';
    if (busybox && pod) {
      io.stderr(`hostname: invalid option -- '${letter}'\n${busyboxBanner(pod.image)}\n${BUSYBOX_USAGE}`);
      return 1;
    }
    io.stderr(flag.startsWith('--') ? `hostname: unrecognized option '${flag}'\n${DEBIAN_HOSTNAME_USAGE}` : `hostname: invalid option -- '${letter}'\n${DEBIAN_HOSTNAME_USAGE}`);
    return 255;
  }
  // Setting the name needs CAP_SYS_ADMIN, which containers do not have.
  io.stderr(busybox ? 'hostname: sethostname: Operation not permitted\n' : 'hostname: you must be root to change the host name\n');
  return 1;
};
