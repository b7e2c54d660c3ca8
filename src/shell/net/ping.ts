// `ping` in a pod: busybox's applet (busybox and Alpine images, the lab's vote
// image) or iputils (netshoot, dnsutils). It resolves through the pod's
// resolver, sends one echo per interval and prints each reply as it comes;
// it ends after -c packets, at the -w deadline, or on Ctrl-C, with the
// statistics. A ClusterIP never answers (iptables mode has no rule for ICMP).
// Headless runs (tests, CLI) cannot press Ctrl-C: without -c or -w, ping
// stops after HEADLESS_PACKETS packets as if interrupted half an interval
// after the last one.

import type { Command, CommandIO, ExecContext } from '../types';
import { parsePingArgs, pingExitCode, pingHeader, pingReplyLine, pingStatistics, type PingOptions } from '../../sim/dns';
import { gaiStrerror, lookupName } from '../../sim/dns/resolver';
import { waitCancellable } from '../commands/sleep';
import { icmpEcho, type EchoReply } from './lib/icmp';
import { resolveName, stubResolver } from './lib/resolve';
import { commandLine, podPlace } from './lib/where';
import { busyboxBanner } from './lib/busybox';
import { isIPv4 } from '../../sim/dns/names';

export const HEADLESS_PACKETS = 4;

interface Flavour {
  header(host: string, ip: string, canonical: string, size: number): string;
  reply(from: string, size: number, seq: number, echo: EchoReply): string;
  statistics(host: string, sent: number, rtts: number[], elapsedMs: number): string;
  badAddress(host: string, error: string): string;
  badAddressExit: number;
}

function us3(us: number): string {
  return `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;
}

/** iputils' reply time: 3 decimals under 1 ms, 2 under 10, 1 under 100. */
function iputilsTime(ms: number): string {
  const us = Math.round(ms * 1000);
  if (us >= 100000 - 50) return `${Math.floor((us + 500) / 1000)}`;
  if (us >= 10000 - 5) return `${Math.floor((us + 50) / 1000)}.${Math.floor(((us + 50) % 1000) / 100)}`;
  if (us >= 1000) return `${Math.floor((us + 5) / 1000)}.${String(Math.floor(((us + 5) % 1000) / 10)).padStart(2, '0')}`;
  return us3(us);
}

const BUSYBOX: Flavour = {
  header: (host, ip, _c, size) => pingHeader(host, ip, size),
  reply: (from, size, seq, e) => pingReplyLine(from, size, seq, e.ttl, e.rttMs),
  statistics: (host, sent, rtts) => pingStatistics(host, sent, rtts),
  badAddress: (host) => `ping: bad address '${host}'\n`,
  badAddressExit: 1,
};

const IPUTILS: Flavour = {
  header: (host, ip, canonical, size) => `PING ${isIPv4(host) ? host : canonical} (${ip}) ${size}(${size + 28}) bytes of data.\n`,
  reply: (from, size, seq, e) => `${size + 8} bytes from ${from}: icmp_seq=${seq + 1} ttl=${e.ttl} time=${iputilsTime(e.rttMs)} ms\n`,
  statistics: (host, sent, rtts, elapsedMs) => {
    const got = rtts.length;
    const loss = sent ? Math.floor(((sent - got) * 100) / sent) : 0;
    let s = `\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${got} received, ${loss}% packet loss, time ${Math.round(elapsedMs)}ms\n`;
    if (got) {
      const us = rtts.map((r) => Math.round(r * 1000));
      const avg = us.reduce((a, b) => a + b, 0) / got;
      const mdev = Math.sqrt(us.reduce((a, b) => a + b * b, 0) / got - avg * avg);
      s += `rtt min/avg/max/mdev = ${us3(Math.min(...us))}/${us3(Math.round(avg))}/${us3(Math.max(...us))}/${us3(Math.round(mdev))} ms\n`;
    }
    return s;
  },
  badAddress: (host, error) => `ping: ${host}: ${error}\n`,
  badAddressExit: 2,
};

export const ping: Command = async (argv, io, ctx) => {
  const pod = podPlace(ctx);
  const resolver = stubResolver(ctx);
  // On a node: iputils' ping, as on the lab's full-VM nodes (a stock kindest/node ships none).
  const onNode = ctx.location.kind === 'node';
  if ((!pod && !onNode) || !resolver) return 127;
  const iputils = onNode || pod!.image.tools.ping === 'iputils';
  const flavour = iputils ? IPUTILS : BUSYBOX;
  const parsed = parsePingArgs(argv.slice(1), pod ? busyboxBanner(pod.image) : '');
  if (!parsed.ok) {
    io.stderr(parsed.stderr);
    return iputils ? 2 : 1;
  }
  const { host, options } = parsed;
  ctx.sim.runtime.traces.cause = commandLine(argv);
  const found = resolveName(ctx, host);
  if (!(await waitCancellable(ctx, Math.round(found.elapsedMs)))) return 130;
  const ip = found.addresses.find((a) => isIPv4(a));
  if (!found.ok || !ip) {
    io.stderr(flavour.badAddress(host, gaiStrerror(found.error ?? 'NONAME', resolver.libc)));
    return flavour.badAddressExit;
  }
  io.stdout(flavour.header(host, ip, found.canonicalName ?? host, options.size));
  let from = ip;
  if (iputils && !isIPv4(host)) {
    const name = lookupName(ip, resolver).name;
    if (name) from = `${name} (${ip})`;
  }
  return runEchoes(ctx, io, flavour, host, ip, from, options);
};

async function runEchoes(ctx: ExecContext, io: CommandIO, flavour: Flavour, host: string, ip: string, from: string, o: PingOptions): Promise<number> {
  const rtts: number[] = [];
  let sent = 0;
  let t = 0;
  const headlessLimit = !ctx.realtime && o.count === undefined && o.deadlineMs === undefined ? HEADLESS_PACKETS : undefined;
  const wait = async (ms: number): Promise<boolean> => {
    const step = Math.max(0, Math.round(ms));
    const ok = await waitCancellable(ctx, step);
    t += step;
    return ok;
  };
  for (;;) {
    if (o.deadlineMs !== undefined && t >= o.deadlineMs) break;
    const echo = icmpEcho(ctx, ip);
    sent++;
    if (echo) {
      rtts.push(echo.rttMs);
      if (!o.quiet) io.stdout(flavour.reply(from, o.size, sent - 1, echo));
    }
    const last = (o.count !== undefined && sent >= o.count) || (headlessLimit !== undefined && sent >= headlessLimit);
    if (last) {
      // After the last packet: stragglers get twice the slowest round trip, or -W when nothing came back.
      const tail = headlessLimit !== undefined ? o.intervalMs / 2 : rtts.length === sent ? 0 : o.waitMs;
      const limit = o.deadlineMs !== undefined ? Math.min(tail, o.deadlineMs - t) : tail;
      await wait(limit);
      break;
    }
    const step = o.deadlineMs !== undefined ? Math.min(o.intervalMs, o.deadlineMs - t) : o.intervalMs;
    if (!(await wait(step))) break;
  }
  io.stdout(flavour.statistics(host, sent, rtts, t));
  return pingExitCode(o, rtts.length);
}
