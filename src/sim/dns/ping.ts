// busybox `ping` (the same output in 1.28 and 1.36; checked against Debian's
// 1.35): it resolves the name with the C library (A and AAAA through the search
// list), prints a header, one line per echo reply, and the statistics when it
// stops (count reached, deadline, or Ctrl-C):
//
//   PING redis (10.104.128.34): 56 data bytes
//   64 bytes from 10.244.1.7: seq=0 ttl=64 time=0.081 ms
//
//   --- redis ping statistics ---
//   3 packets transmitted, 0 packets received, 100% packet loss
//
// A ClusterIP has no rule for ICMP in iptables mode, so pinging a service name
// resolves and then hears nothing; a pod IP answers. Unresolvable names give
// `ping: bad address 'redis'` on stderr and exit 1. Exit status: 0 when a
// reply came back (with -w and -c: when all did), 1 otherwise.
//
// Long runs are the shell's job (it sleeps between packets and may be
// interrupted): this module gives it the pieces, and `runPing` for bounded runs.

import type { StubResolver } from './resolver';
import { lookupAddresses } from './resolver';
import { OutputBuilder, type ToolResult } from './tool-output';

export const PING_USAGE =
  '\nUsage: ping [OPTIONS] HOST\n\n' +
  'Send ICMP ECHO_REQUESTs to HOST\n\n' +
  '\t-4,-6\t\tForce IP or IPv6 name resolution\n' +
  '\t-c CNT\t\tSend only CNT pings\n' +
  '\t-s SIZE\t\tSend SIZE data bytes in packets (default 56)\n' +
  '\t-i SECS\t\tInterval\n' +
  '\t-A\t\tPing as soon as reply is received\n' +
  '\t-t TTL\t\tSet TTL\n' +
  '\t-I IFACE/IP\tSource interface or IP address\n' +
  '\t-W SEC\t\tSeconds to wait for the first response (default 10)\n' +
  '\t\t\t(after all -c CNT packets are sent)\n' +
  '\t-w SEC\t\tSeconds until ping exits (default:infinite)\n' +
  '\t\t\t(can exit earlier with -c CNT)\n' +
  '\t-q\t\tQuiet, only display output at start/finish\n' +
  '\t-p HEXBYTE\tPayload pattern\n';

export interface PingOptions {
  /** -c: stop after this many packets (undefined: until interrupted or the deadline). */
  count?: number;
  /** -i, in ms (default 1000). */
  intervalMs: number;
  /** -w, in ms. */
  deadlineMs?: number;
  /** -W, in ms: how long to wait for replies after the last of -c packets (default 10 s). */
  waitMs: number;
  /** -s: payload size (default 56). */
  size: number;
  quiet: boolean;
}

export type PingParse = { ok: true; host: string; options: PingOptions } | { ok: false; stderr: string };

const WITH_ARG = new Set(['c', 's', 'i', 't', 'I', 'W', 'w', 'p']);

export function parsePingArgs(args: string[], banner: string): PingParse {
  const o: PingOptions = { intervalMs: 1000, waitMs: 10_000, size: 56, quiet: false };
  const usage = (msg = '') => ({ ok: false as const, stderr: `${msg}${banner}\n${PING_USAGE}` });
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if (WITH_ARG.has(f)) {
        const val = a.length > j + 1 ? a.slice(j + 1) : args[++i];
        if (val === undefined) return usage(`ping: option requires an argument -- '${f}'\n`);
        const n = Number(val);
        if (f === 'c') o.count = Math.max(0, Math.floor(n));
        else if (f === 's') o.size = Math.floor(n);
        else if (f === 'i') o.intervalMs = Math.round(n * 1000);
        else if (f === 'W') o.waitMs = Math.round(n * 1000);
        else if (f === 'w') o.deadlineMs = Math.round(n * 1000);
        if (['c', 's', 'W', 'w'].includes(f) && !Number.isFinite(n)) return { ok: false, stderr: `ping: invalid number '${val}'\n` };
        break;
      }
      if (f === 'q') o.quiet = true;
      else if (f === '4' || f === '6' || f === 'A') continue;
      else return usage(`ping: invalid option -- '${f}'\n`);
    }
  }
  if (positional.length !== 1) return usage();
  return { ok: true, host: positional[0], options: o };
}

function ms3(us: number): string {
  return `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;
}

export function pingHeader(host: string, ip: string, size: number): string {
  return `PING ${host} (${ip}): ${size} data bytes\n`;
}

/** One echo reply: `64 bytes from 10.244.1.7: seq=0 ttl=64 time=0.081 ms` (rtt rounded to µs). */
export function pingReplyLine(ip: string, size: number, seq: number, ttl: number, rttMs: number): string {
  return `${size + 8} bytes from ${ip}: seq=${seq} ttl=${ttl} time=${ms3(Math.round(rttMs * 1000))} ms\n`;
}

/** The closing block; round-trip times only when something came back. */
export function pingStatistics(host: string, transmitted: number, rttsMs: number[]): string {
  const received = rttsMs.length;
  const loss = transmitted ? Math.floor(((transmitted - received) * 100) / transmitted) : 0;
  let s = `\n--- ${host} ping statistics ---\n${transmitted} packets transmitted, ${received} packets received, ${loss}% packet loss\n`;
  if (received) {
    const us = rttsMs.map((r) => Math.round(r * 1000));
    const avg = Math.floor(us.reduce((a, b) => a + b, 0) / received);
    s += `round-trip min/avg/max = ${ms3(Math.min(...us))}/${ms3(avg)}/${ms3(Math.max(...us))} ms\n`;
  }
  return s;
}

export function pingExitCode(options: PingOptions, received: number): number {
  if (received === 0) return 1;
  if (options.deadlineMs !== undefined && options.count !== undefined && received < options.count) return 1;
  return 0;
}

/** The ICMP echo as the network carries it: the reply's TTL and round trip, or nothing. */
export type EchoFn = (ip: string, seq: number) => { ttl: number; rttMs: number } | undefined;

export type PingStart = { ok: true; host: string; ip: string; options: PingOptions; header: string; result: OutputBuilder } | { ok: false; result: ToolResult };

/** Parse and resolve; the header is ready to print. */
export function startPing(args: string[], resolver: StubResolver, banner: string): PingStart {
  const out = new OutputBuilder();
  const parsed = parsePingArgs(args, banner);
  if (!parsed.ok) {
    out.err(parsed.stderr);
    return { ok: false, result: out.done(1) };
  }
  const found = lookupAddresses(parsed.host, 'unspec', resolver);
  out.took(found);
  if (!found.ok) {
    out.err(`ping: bad address '${parsed.host}'\n`);
    return { ok: false, result: out.done(1) };
  }
  const ip = found.addresses[0];
  return { ok: true, host: parsed.host, ip, options: parsed.options, header: pingHeader(parsed.host, ip, parsed.options.size), result: out };
}

/**
 * A whole run on the virtual clock: `-c` packets (or until `stopAfterMs`, the
 * moment the user presses Ctrl-C, or the -w deadline), then the statistics.
 */
export function runPing(args: string[], resolver: StubResolver, echo: EchoFn, banner: string, stopAfterMs?: number): ToolResult {
  const s = startPing(args, resolver, banner);
  if (!s.ok) return s.result;
  const { options: o, result: out } = s;
  out.out(s.header);
  const start = out.elapsedMs;
  const limit = Math.min(stopAfterMs ?? Infinity, o.deadlineMs ?? Infinity);
  if (!Number.isFinite(limit) && o.count === undefined) throw new Error('runPing needs -c, -w or stopAfterMs');
  const rtts: number[] = [];
  let sent = 0;
  let t = 0;
  while ((o.count === undefined || sent < o.count) && t < limit) {
    const reply = echo(s.ip, sent);
    sent++;
    if (reply && t + reply.rttMs <= limit) {
      rtts.push(reply.rttMs);
      if (!o.quiet) out.out(pingReplyLine(s.ip, o.size, sent - 1, reply.ttl, reply.rttMs));
    }
    if (o.count !== undefined && sent >= o.count) {
      // After the last packet: wait for stragglers (2x the worst rtt), or -W when nothing came back.
      const wait = rtts.length ? Math.max(...rtts) * 2 : o.waitMs;
      t = Math.min(limit, t + wait);
      break;
    }
    t = Math.min(limit, t + o.intervalMs);
  }
  out.elapsedMs = start + t;
  out.out(pingStatistics(s.host, sent, rtts));
  return out.done(pingExitCode(o, rtts.length));
}
