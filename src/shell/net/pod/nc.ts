// busybox nc (the netcat-1.10 compatible applet of the busybox images):
// `nc [-v] [-z] [-w SEC] HOST PORT`. The connection goes through the packet
// engine (traced, counted) like curl's; with -z it only connects, otherwise it
// sends stdin and prints what the server answers: RESP to a Redis (inline
// commands, `echo PING | nc redis 6379` gives `+PONG`), the raw HTTP response
// to a web server. Listening (-l), UDP and -e are not simulated.

import type { Command } from '../../types';
import type { AppInstance, RespValue } from '../../../sim/apps/types';
import { waitCancellable } from '../../commands/sleep';
import { resolveName } from '../lib/resolve';
import { tcpConnect, ARP_GIVE_UP_MS, SYN_GIVE_UP_MS } from '../lib/tcp';
import { commandLine, podPlace } from '../lib/where';
import { busyboxBanner } from '../lib/busybox';

const USAGE = `
Usage: nc [OPTIONS] HOST PORT  - connect
nc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen

\t-e PROG\tRun PROG after connect (must be last)
\t-l\tListen mode, for inbound connects
\t-lk\tWith -e, provides persistent server
\t-p PORT\tLocal port
\t-s ADDR\tLocal address
\t-w SEC\tTimeout for connects and final net reads
\t-i SEC\tDelay interval for lines sent
\t-n\tDon't do DNS resolution
\t-u\tUDP mode
\t-b\tAllow broadcasts
\t-v\tVerbose
\t-o FILE\tHex dump traffic
\t-z\tZero-I/O mode (scanning)
`;

/** RESP as a server writes it. */
export function encodeResp(v: RespValue): string {
  switch (v.type) {
    case 'status':
      return `+${v.value}\r\n`;
    case 'error':
      return `-${v.value}\r\n`;
    case 'integer':
      return `:${v.value}\r\n`;
    case 'bulk':
      return v.value === null ? '$-1\r\n' : `$${new TextEncoder().encode(v.value).length}\r\n${v.value}\r\n`;
    case 'array':
      return v.value === null ? '*-1\r\n' : `*${v.value.length}\r\n${v.value.map(encodeResp).join('')}`;
  }
}

/** What the server writes back for the bytes nc sent (undefined: nothing). */
export function serverReply(server: AppInstance | undefined, input: string, port: number, clientAddress: string): string | undefined {
  if (!server || input === '') return undefined;
  if (server.redis) {
    return input
      .split('\n')
      .map((l) => l.replace(/\r$/, '').trim())
      .filter((l) => l)
      .map((l) => encodeResp(server.redis!(l.split(/\s+/))))
      .join('');
  }
  if (server.http) {
    const [head, ...bodyParts] = input.replace(/\r\n/g, '\n').split('\n\n');
    const lines = head.split('\n');
    const m = /^(\S+) (\S+) (HTTP\/1\.[01])$/.exec(lines[0] ?? '');
    if (!m) return 'HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n';
    const headers = lines.slice(1).filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()] as [string, string]);
    const res = server.http({ method: m[1], path: m[2], version: m[3] as 'HTTP/1.0' | 'HTTP/1.1', headers, body: bodyParts.join('\n\n'), clientAddress }, port);
    if (!('reason' in res)) return undefined;
    return `${m[3]} ${res.status} ${res.reason}\r\n${res.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${res.body}`;
  }
  return undefined;
}

export const nc: Command = async (argv, io, ctx) => {
  const p = podPlace(ctx);
  if (!p) return 127;
  const banner = busyboxBanner(p.image);
  let verbose = 0;
  let zero = false;
  let waitS: number | undefined;
  const pos: string[] = [];
  const args = argv.slice(1);
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (!a.startsWith('-') || a === '-') {
      pos.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if (f === 'v') verbose++;
      else if (f === 'z') zero = true;
      else if (f === 'n' || f === 'b') continue;
      else if (f === 'w' || f === 'i' || f === 'p' || f === 's' || f === 'o') {
        const v = a.length > j + 1 ? a.slice(j + 1) : args[++k];
        if (v === undefined) {
          io.stderr(`nc: option requires an argument -- '${f}'\n${banner}\n${USAGE}`);
          return 1;
        }
        if (f === 'w') {
          if (!/^\d+$/.test(v)) {
            io.stderr(`nc: invalid number '${v}'\n`);
            return 1;
          }
          waitS = Number(v);
        }
        break;
      } else if (f === 'l' || f === 'u' || f === 'e' || f === 'k') {
        io.stderr(`nc: -${f} is not simulated in this playground\n`);
        return 1;
      } else {
        io.stderr(`nc: unrecognized option: ${f}\n${banner}\n${USAGE}`);
        return 1;
      }
    }
  }
  if (pos.length < 2) {
    io.stderr(`${banner}\n${USAGE}`);
    return 1;
  }
  const [host, portText] = pos;
  const port = /^\d+$/.test(portText) ? Number(portText) : NaN;
  if (!(port > 0 && port < 65536)) {
    io.stderr(`nc: bad port '${portText}'\n`);
    return 1;
  }
  const found = resolveName(ctx, host);
  if (!(await waitCancellable(ctx, Math.round(found.elapsedMs)))) return 130;
  const ip = found.addresses.find((x) => !x.includes(':'));
  if (!found.ok || !ip) {
    io.stderr(`nc: bad address '${host}'\n`);
    return 1;
  }
  ctx.sim.runtime.traces.cause = commandLine(argv);
  const attempt = tcpConnect(ctx, ip, port);
  const fail = async (message: string, afterMs: number): Promise<number> => {
    if (!(await waitCancellable(ctx, afterMs))) return 130;
    if (zero) {
      // netcat 1.10: at one -v a refused port is not worth a line.
      if (verbose > 1 || (verbose === 1 && message !== 'Connection refused')) io.stderr(`nc: ${host} (${ip}:${port}): ${message}\n`);
    } else io.stderr(`nc: can't connect to remote host (${ip}): ${message}\n`);
    return 1;
  };
  const limitMs = waitS !== undefined && waitS > 0 ? waitS * 1000 : undefined;
  switch (attempt.kind) {
    case 'refused':
      return fail('Connection refused', 0);
    case 'unreachable':
      if (attempt.errno === 'EHOSTUNREACH' && limitMs !== undefined && limitMs < ARP_GIVE_UP_MS) return fail('Connection timed out', limitMs);
      return fail(attempt.errno === 'EHOSTUNREACH' ? 'No route to host' : 'Network is unreachable', attempt.errno === 'EHOSTUNREACH' ? ARP_GIVE_UP_MS : 0);
    case 'timeout':
      return fail('Connection timed out', limitMs !== undefined ? Math.min(limitMs, SYN_GIVE_UP_MS) : SYN_GIVE_UP_MS);
    case 'connected':
      break;
  }
  if (!(await waitCancellable(ctx, Math.round(attempt.rttMs)))) return 130;
  if (verbose) io.stderr(`${host} (${ip}:${port}) open\n`);
  if (zero) return 0;
  if (attempt.hangsUp) return 0;
  const reply = serverReply(attempt.server, io.stdin, port, attempt.clientAddress);
  if (reply) io.stdout(reply);
  return 0;
};
