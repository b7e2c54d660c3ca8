// `ping` in a pod: busybox's applet (busybox and Alpine images, the lab's vote
// image) or iputils (netshoot, dnsutils). It resolves through the pod's
// resolver, sends one echo per interval and prints each reply as it comes;
// it ends after -c packets, at the -w deadline, or on Ctrl-C, with the
// statistics. A ClusterIP never answers (iptables mode has no rule for ICMP).
// Headless runs (tests, CLI) cannot press Ctrl-C: without -c or -w, ping
// stops after HEADLESS_PACKETS packets as if interrupted half an interval
// after the last one.
//
// An address nobody answers ARP for (an unused pod IP, a free address of the
// kind network) makes the kernel give up after three probes, 3 s after the
// first packet it queued, and fail every packet queued meanwhile at once:
// iputils prints a `From SRC icmp_seq=N Destination Host Unreachable` line
// for each, in those batches, counts them as errors and ends as soon as every
// packet is answered or failed; busybox ignores the errors and waits as for a
// silent address. iputils' `time` is when the last packet left (its timer
// drifts a little each interval), not how long it waited for replies.

import type { Command, CommandIO, ExecContext } from '../types';
import { parsePingArgs, pingExitCode, pingHeader, pingReplyLine, pingStatistics, type PingOptions } from '../../sim/dns';
import { gaiStrerror, lookupName } from '../../sim/dns/resolver';
import { waitCancellable } from '../commands/sleep';
import { icmpProbe, type EchoReply } from './lib/icmp';
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

/** ms the kernel spends on ARP before failing the packets queued for an address (3 probes, 1 s apart). */
export const ARP_FAIL_MS = 3000;
/** how much later than the failure ping reads the errors */
const ERROR_READ_MS = 72;
/** iputils' send timer drifts this much per interval (ms): a little more while errors keep it busy */
const DRIFT_MS = 1;
const DRIFT_UNREACHABLE_MS = 10;

/** C's %g (6 significant digits) of a float, for iputils' packet loss. */
export function percentG(x: number): string {
  const f = Math.fround(x);
  if (f === 0) return '0';
  return String(Number(f.toPrecision(6)));
}

export interface IputilsStats {
  sent: number;
  rtts: number[];
  errors: number;
  /** the largest number of packets in flight when an answer or error came back */
  pipe: number;
  /** when the last packet left, from the first (ms) */
  timeMs: number;
}

/** iputils' closing block (finish()): loss to 6 digits, errors, the rtt line and the pipe on one last line. */
export function iputilsStatistics(host: string, s: IputilsStats): string {
  const got = s.rtts.length;
  let out = `\n--- ${host} ping statistics ---\n${s.sent} packets transmitted, ${got} received`;
  if (s.errors) out += `, +${s.errors} errors`;
  if (s.sent) out += `, ${percentG(((s.sent - got) * 100) / s.sent)}% packet loss, time ${Math.round(s.timeMs)}ms`;
  out += '\n';
  let comma = '';
  if (got) {
    const us = s.rtts.map((r) => Math.round(r * 1000));
    const avg = us.reduce((a, b) => a + b, 0) / got;
    const mdev = Math.sqrt(Math.max(0, us.reduce((a, b) => a + b * b, 0) / got - avg * avg));
    out += `rtt min/avg/max/mdev = ${us3(Math.min(...us))}/${us3(Math.round(avg))}/${us3(Math.max(...us))}/${us3(Math.round(mdev))} ms`;
    comma = ', ';
  }
  if (s.pipe > 1) out += `${comma}pipe ${s.pipe}`;
  return out + '\n';
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
  statistics: (host, sent, rtts, elapsedMs) => iputilsStatistics(host, { sent, rtts, errors: 0, pipe: 1, timeMs: elapsedMs }),
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
  if (iputils) {
    const named = !isIPv4(host);
    const name = (addr: string): string => {
      if (!named) return addr;
      const n = lookupName(addr, resolver).name;
      return n ? `${n} (${addr})` : addr;
    };
    return runIputils(ctx, io, host, ip, from, name, options);
  }
  return runEchoes(ctx, io, flavour, host, ip, from, options);
};

interface Batch {
  start: number;
  seqs: number[];
  /** who reports the failure */
  from: string;
}

/**
 * iputils on the virtual clock: a packet every interval; replies print as
 * they come; packets to an address nobody answers ARP for fail in batches
 * (every packet sent within ARP_FAIL_MS of the one that started the
 * resolution); the run ends after -c packets once each is answered or failed
 * (or after -W when some are still unaccounted for), at the -w deadline, or on
 * Ctrl-C.
 */
async function runIputils(ctx: ExecContext, io: CommandIO, host: string, ip: string, from: string, name: (addr: string) => string, o: PingOptions): Promise<number> {
  const rtts: number[] = [];
  let sent = 0;
  let errors = 0;
  let pipe = 1;
  let unreachable = false;
  let t = 0;
  const batches: Batch[] = [];
  const headlessLimit = !ctx.realtime && o.count === undefined && o.deadlineMs === undefined ? HEADLESS_PACKETS : undefined;
  let nextSend = 0;
  let lastSend = 0;
  let stopAt = o.deadlineMs ?? Infinity;
  for (;;) {
    const fail = batches.length ? batches[0].start + ARP_FAIL_MS + ERROR_READ_MS : Infinity;
    const next = Math.min(nextSend, fail, stopAt);
    if (!Number.isFinite(next)) break;
    if (next > t) {
      const ok = await waitCancellable(ctx, Math.round(next - t));
      if (!ok) break;
      t = next;
    }
    if (t >= stopAt) break;
    if (t === nextSend) {
      // Send a packet.
      sent++;
      lastSend = t;
      const outcome = icmpProbe(ctx, ip);
      if (outcome.kind === 'reply') {
        rtts.push(outcome.rttMs);
        if (!o.quiet) io.stdout(IPUTILS.reply(from, o.size, sent - 1, outcome));
      } else if (outcome.kind === 'unreachable') {
        unreachable = true;
        const open = batches[batches.length - 1];
        if (open && t < open.start + ARP_FAIL_MS) open.seqs.push(sent);
        else batches.push({ start: t, seqs: [sent], from: outcome.from });
      }
      const last = (o.count !== undefined && sent >= o.count) || (headlessLimit !== undefined && sent >= headlessLimit);
      nextSend = last ? Infinity : t + o.intervalMs;
      if (last) {
        if (headlessLimit !== undefined) stopAt = Math.min(stopAt, t + o.intervalMs / 2);
        else if (rtts.length + errors >= sent && !batches.length) break;
        // Lingering for what is still out: -W (10 s by default) after the last packet.
        else stopAt = Math.min(stopAt, t + o.waitMs);
      }
      continue;
    }
    if (t === fail) {
      const b = batches.shift()!;
      for (const seq of b.seqs) {
        errors++;
        pipe = Math.max(pipe, sent - seq + 1);
        if (!o.quiet) io.stdout(`From ${name(b.from)} icmp_seq=${seq} Destination Host Unreachable\n`);
      }
      if (o.count !== undefined && rtts.length + errors >= o.count) break;
    }
  }
  const drift = unreachable ? DRIFT_UNREACHABLE_MS : DRIFT_MS;
  const timeMs = sent > 1 ? lastSend + ((sent - 1) * drift) : 0;
  io.stdout(iputilsStatistics(host, { sent, rtts, errors, pipe, timeMs }));
  return pingExitCode(o, rtts.length);
}

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
    const probe = icmpProbe(ctx, ip);
    const echo = probe.kind === 'reply' ? probe : undefined;
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
