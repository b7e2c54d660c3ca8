// busybox `wget` in a pod (texts of busybox 1.35/1.36): `Connecting to HOST
// (IP:PORT)`, then the body to stdout (-O-) or a file, the progress bar line
// and `written to stdout` / `'FILE' saved`; -q keeps only the body and the
// errors: `wget: bad address 'x'`, `wget: can't connect to remote host (IP):
// Connection refused`, `wget: server returned error: HTTP/1.1 500 ...`.
// Redirects are followed. The request is busybox's: HTTP/1.1 with `Host`,
// `User-Agent: Wget` and `Connection: close`.

import type { Command, CommandIO, ExecContext } from '../types';
import { waitCancellable } from '../commands/sleep';
import { parseUrl, remoteFileName, type ParsedUrl } from './lib/url';
import { SYN_GIVE_UP_MS, ARP_GIVE_UP_MS } from './lib/tcp';
import { simulatedNet, type ToolNet } from './lib/tool-net';
import { commandLine, podPlace } from './lib/where';
import { busyboxBanner } from './lib/busybox';
import { exchange, headerValue, byteLength, type HttpAnswer } from './curl/response';
import { resolveLocation } from './curl/transfer';
import type { CurlRequest } from './curl/request';

const USAGE = `
Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
\t[--post-data STR | --post-file FILE] [-Y on/off]
\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP

\t--spider\tOnly check URL existence: $? is 0 if exists
\t--header STR\tAdd STR (of form 'header: value') to headers
\t--post-data STR\tSend STR using POST method
\t--post-file FILE\tSend FILE using POST method
\t--no-check-certificate\tDon't validate the server's certificate
\t-c\t\tContinue retrieval of aborted transfer
\t-q\t\tQuiet
\t-P DIR\t\tSave to DIR (default .)
\t-S    \t\tShow server response
\t-T SEC\t\tNetwork read timeout is SEC seconds
\t-O FILE\t\tSave to FILE ('-' for stdout)
\t-o LOGFILE\tLog messages to FILE
\t-U STR\t\tUse STR for User-Agent header
\t-Y on/off\tUse proxy
`;

interface WgetOptions {
  quiet: boolean;
  output?: string;
  dir?: string;
  showResponse: boolean;
  spider: boolean;
  timeoutMs?: number;
  agent: string;
  headers: string[];
  postData?: string;
  urls: string[];
}

const WITH_ARG = new Set(['O', 'o', 'P', 'U', 'T', 'Y']);
const LONG_WITH_ARG = new Set(['header', 'post-data', 'post-file', 'output-document', 'user-agent', 'timeout', 'directory-prefix', 'proxy']);

function parse(args: string[], ctx: WgetCtx): WgetOptions | { error: string } {
  const o: WgetOptions = { quiet: false, showResponse: false, spider: false, agent: 'Wget', headers: [], urls: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      let value: string | undefined;
      if (LONG_WITH_ARG.has(name)) {
        value = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (value === undefined) return { error: `wget: option '--${name}' requires an argument\n` };
      }
      if (name === 'quiet') o.quiet = true;
      else if (name === 'spider') o.spider = true;
      else if (name === 'server-response') o.showResponse = true;
      else if (name === 'header') o.headers.push(value!);
      else if (name === 'post-data') o.postData = value;
      else if (name === 'post-file') o.postData = ctx.fs.read(value!) ?? '';
      else if (name === 'output-document') o.output = value;
      else if (name === 'user-agent') o.agent = value!;
      else if (name === 'timeout') o.timeoutMs = Number(value) * 1000;
      else if (name === 'directory-prefix') o.dir = value;
      else if (!['no-check-certificate', 'continue', 'proxy', 'no-verbose'].includes(name)) return { error: `wget: unrecognized option '${a}'\n` };
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      o.urls.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if (WITH_ARG.has(f)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return { error: `wget: option requires an argument -- '${f}'\n` };
        if (f === 'O') o.output = v;
        else if (f === 'P') o.dir = v;
        else if (f === 'U') o.agent = v;
        else if (f === 'T') o.timeoutMs = Number(v) * 1000;
        break;
      }
      if (f === 'q') o.quiet = true;
      else if (f === 'S') o.showResponse = true;
      else if (f === 'c') continue;
      else return { error: `wget: invalid option -- '${f}'\n` };
    }
  }
  return o;
}

/** busybox's smart_ulltoa5: 5 characters, 1024-based units with one decimal below 100. */
export function size5(n: number): string {
  if (n < 100000) return String(n).padStart(5);
  const units = 'kMGTPEZY';
  let idx = -1;
  let fract = 0;
  do {
    fract = n % 1024;
    n = Math.floor(n / 1024);
    idx++;
  } while (n >= 10000);
  const text = n < 100 ? `${n}.${Math.floor((fract * 10) / 1024)}${units[idx]}` : `${n}${units[idx]}`;
  return text.padStart(5);
}

function progressLine(name: string, bytes: number): string {
  return `${name.padEnd(20).slice(0, 20)} 100% |${'*'.repeat(32)}| ${size5(bytes)}  0:00:00 ETA\n`;
}

const ERRNO: Record<string, string> = { refused: 'Connection refused', EHOSTUNREACH: 'No route to host', ENETUNREACH: 'Network is unreachable', timeout: 'Connection timed out' };

class WgetFailure {
  constructor(readonly message: string) {}
}

type WgetCtx = Pick<ExecContext, 'fs' | 'signal' | 'sleep'>;

export const wget: Command = async (argv, io, ctx) => {
  const pod = podPlace(ctx);
  if (!pod) return 127;
  ctx.sim.runtime.traces.cause = commandLine(argv);
  return wgetMain(argv.slice(1), simulatedNet(ctx), io, ctx, busyboxBanner(pod.image));
};

/** busybox wget over any network (tests give a scripted one). */
export async function wgetMain(args: string[], net: ToolNet, io: CommandIO, ctx: WgetCtx, banner: string): Promise<number> {
  const parsed = parse(args, ctx);
  if ('error' in parsed) {
    io.stderr(`${parsed.error}${banner}\n${USAGE}`);
    return 1;
  }
  if (parsed.urls.length === 0) {
    io.stderr(`${banner}\n${USAGE}`);
    return 1;
  }
  let status = 0;
  for (const raw of parsed.urls) {
    try {
      const ok = await fetchOne(raw, parsed, net, io, ctx);
      if (ok === 'interrupted') return 130;
    } catch (e) {
      if (!(e instanceof WgetFailure)) throw e;
      io.stderr(e.message);
      status = 1;
    }
  }
  return status;
}

async function fetchOne(raw: string, o: WgetOptions, net: ToolNet, io: CommandIO, ctx: WgetCtx): Promise<'ok' | 'interrupted'> {
  const first = parseUrl(raw);
  if (!first.ok) throw new WgetFailure(first.error === 'scheme' ? `wget: not an http or ftp url: ${raw}\n` : `wget: bad address '${raw}'\n`);
  let url: ParsedUrl = first.url;
  const target = o.output ?? (o.dir ? `${o.dir}/` : '') + (remoteFileName(url.path) || 'index.html');
  const toStdout = target === '-';
  let connectedTo = '';
  for (let hops = 0; hops < 20; hops++) {
    // A redirect to the same server reuses its address, without a new `Connecting to` line.
    const announce = connectedTo !== url.hostHeader;
    connectedTo = url.hostHeader;
    const answer = await request(url, o, net, io, ctx, announce);
    if (answer === 'interrupted') return 'interrupted';
    const location = headerValue(answer, 'location');
    if (answer.status >= 300 && answer.status < 400 && location) {
      const next = parseUrl(resolveLocation(url, location));
      if (!next.ok) throw new WgetFailure(`wget: bad address '${location}'\n`);
      url = next.url;
      continue;
    }
    if (answer.status >= 400 || answer.status < 200) throw new WgetFailure(`wget: server returned error: ${answer.version} ${answer.status} ${answer.reason}\n`);
    if (o.spider) {
      if (!o.quiet) io.stderr('remote file exists\n');
      return 'ok';
    }
    const bytes = byteLength(answer.body);
    if (toStdout) {
      if (!o.quiet) io.stderr('writing to stdout\n');
      io.stdout(answer.body);
      if (!o.quiet) io.stderr(progressLine('-', bytes) + 'written to stdout\n');
    } else {
      // Only the name taken from the URL refuses to overwrite; -O FILE truncates.
      if (o.output === undefined && ctx.fs.exists(target)) throw new WgetFailure(`wget: can't open '${target}': File exists\n`);
      if (!o.quiet) io.stderr(`saving to '${target}'\n`);
      try {
        ctx.fs.write(target, answer.body);
      } catch {
        throw new WgetFailure(`wget: can't open '${target}': No such file or directory\n`);
      }
      if (!o.quiet) io.stderr(progressLine(target.split('/').pop()!, bytes) + `'${target}' saved\n`);
    }
    return 'ok';
  }
  throw new WgetFailure('wget: too many redirections\n');
}

async function request(url: ParsedUrl, o: WgetOptions, net: ToolNet, io: CommandIO, ctx: WgetCtx, announce: boolean): Promise<HttpAnswer | 'interrupted'> {
  const found = net.resolve(url.host);
  if (!(await waitCancellable(ctx as ExecContext, Math.round(found.elapsedMs)))) return 'interrupted';
  const ip = found.addresses.find((a) => !a.includes(':')) ?? found.addresses[0];
  if (!found.ok || !ip) throw new WgetFailure(`wget: bad address '${url.host}'\n`);
  if (!o.quiet && announce) io.stderr(`Connecting to ${url.hostHeader} (${ip}:${url.port})\n`);
  const attempt = net.connect(ip, url.port);
  if (attempt.kind !== 'connected') {
    let wait = 0;
    let reason = ERRNO.refused;
    if (attempt.kind === 'timeout') {
      if (o.timeoutMs !== undefined && o.timeoutMs < SYN_GIVE_UP_MS) {
        if (!(await waitCancellable(ctx as ExecContext, o.timeoutMs))) return 'interrupted';
        throw new WgetFailure('wget: download timed out\n');
      }
      wait = SYN_GIVE_UP_MS;
      reason = ERRNO.timeout;
    } else if (attempt.kind === 'unreachable') {
      wait = attempt.errno === 'EHOSTUNREACH' ? ARP_GIVE_UP_MS : 0;
      reason = ERRNO[attempt.errno];
    }
    if (!(await waitCancellable(ctx as ExecContext, wait))) return 'interrupted';
    throw new WgetFailure(`wget: can't connect to remote host (${ip}): ${reason}\n`);
  }
  const headers: [string, string][] = [
    ['Host', url.hostHeader],
    ['User-Agent', o.agent],
  ];
  for (const h of o.headers) {
    const c = h.indexOf(':');
    if (c > 0) headers.push([h.slice(0, c), h.slice(c + 1).trim()]);
  }
  const method = o.postData !== undefined ? 'POST' : o.spider ? 'HEAD' : 'GET';
  if (o.postData !== undefined) headers.push(['Content-Type', 'application/x-www-form-urlencoded'], ['Content-Length', String(byteLength(o.postData))]);
  headers.push(['Connection', 'close']);
  const req: CurlRequest = { method, path: url.path, version: 'HTTP/1.1', line: `${method} ${url.path} HTTP/1.1`, headerLines: [], headers, body: o.postData ?? '' };
  const ex = exchange(attempt, req);
  if (ex.kind !== 'response') {
    if (!(await waitCancellable(ctx as ExecContext, Math.round(attempt.rttMs)))) return 'interrupted';
    throw new WgetFailure(ex.kind === 'reset' ? 'wget: error getting response: Connection reset by peer\n' : 'wget: error getting response\n');
  }
  const res = ex.response;
  const waitMs = attempt.rttMs + res.delayMs;
  if (o.timeoutMs !== undefined && waitMs > o.timeoutMs) {
    if (!(await waitCancellable(ctx as ExecContext, o.timeoutMs))) return 'interrupted';
    throw new WgetFailure('wget: download timed out\n');
  }
  if (!(await waitCancellable(ctx as ExecContext, Math.round(waitMs)))) return 'interrupted';
  if (o.showResponse) {
    io.stderr(`  ${res.version} ${res.status} ${res.reason}\n${res.headers.map(([k, v]) => `  ${k}: ${v}\n`).join('')}  \n`);
  }
  return res;
}
