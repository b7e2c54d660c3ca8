// `curl` (7.88.1, as on Debian 12: the kind nodes, the learner's host and the
// Debian-based images), one implementation for every location: names resolve
// where curl runs, connections go through the simulated network, HTTP is
// answered by the simulated apps. Each URL is one transfer; the exit status is
// the last transfer's.

import type { Command, CommandIO, ExecContext } from '../../types';
import { isTty } from '../../interp/context';
import { parseCurlArgs, TRY_HELP, type CurlOptions } from './options';
import { CurlSession, Transfer, type CurlNet, type TransferResult } from './transfer';
import { writeOut } from './writeout';
import { CURL_HELP, CURL_VERSION_TEXT } from './texts';
import { defaultMethod } from './request';
import { remoteFileName, parseUrl } from '../lib/url';
import { waitCancellable } from '../../commands/sleep';
import { simulatedNet } from '../lib/tool-net';
import { commandLine } from '../lib/where';

export const curl: Command = async (argv, io, ctx) => {
  ctx.sim.runtime.traces.cause = commandLine(argv);
  return curlMain(argv.slice(1), simulatedNet(ctx, { curlLocalhost: true }), io, ctx, isTty(io));
};

type CurlCtx = Pick<ExecContext, 'fs' | 'signal' | 'sleep'>;

/** curl's main over any network (tests give a scripted one). */
export async function curlMain(args: string[], net: CurlNet, io: CommandIO, ctx: CurlCtx, stdoutTty: boolean): Promise<number> {
  if (args.length === 0) {
    io.stderr(TRY_HELP);
    return 2;
  }
  const parsed = parseCurlArgs(args);
  if (!parsed.ok) {
    io.stderr(parsed.stderr);
    return parsed.exit;
  }
  const o = parsed.options;
  if (o.help) {
    io.stdout(CURL_HELP);
    return 0;
  }
  if (o.version) {
    io.stdout(CURL_VERSION_TEXT);
    return 0;
  }
  if (o.urls.length === 0) {
    io.stderr(`curl: no URL specified!\n${TRY_HELP}`);
    return 2;
  }
  const data = postData(o, io, ctx);
  if (o.head && data !== undefined) {
    if (!o.silent) io.stderr('Warning: You can only select one HTTP request method! You asked for both POST \nWarning: (-d, --data) and HEAD (-I, --head).\n');
    return 2;
  }
  return runCurl(o, data, net, io, ctx, stdoutTty);
}

/** The transfers of one curl command over any network (tests give a scripted one). */
export async function runCurl(o: CurlOptions, data: string | undefined, net: CurlNet, io: CommandIO, ctx: CurlCtx, stdoutTty: boolean): Promise<number> {
  const session = new CurlSession();
  let exit = 0;
  for (let i = 0; i < o.urls.length; i++) {
    const raw = o.urls[i];
    let output = o.outputs[i];
    if (output === undefined && o.remoteName) {
      const p = parseUrl(raw);
      output = p.ok ? remoteFileName(p.url.path) : '';
      if (output === '') {
        if (!o.silent || o.showError) io.stderr('curl: (23) Failed writing received data to disk/application\n');
        exit = 23;
        continue;
      }
    }
    const toTerminal = output === undefined && stdoutTty;
    let body = '';
    const transfer = new Transfer(
      net,
      {
        stderr: (t) => io.stderr(t),
        body: (t) => {
          if (output === undefined) io.stdout(t);
          else body += t;
        },
        wait: (ms) => waitCancellable(ctx as ExecContext, ms),
      },
      session,
      {
        verbose: o.verbose,
        meter: !o.silent && !o.noProgressMeter && !toTerminal,
        dataTraces: !toTerminal,
        include: o.include,
        fail: o.fail,
        location: o.location,
        maxRedirs: o.maxRedirs,
        maxTimeMs: o.maxTimeMs,
        connectTimeoutMs: o.connectTimeoutMs,
        request: {
          method: o.request,
          head: o.head,
          data,
          get: o.get,
          json: o.data.some((d) => d.kind === 'json'),
          http10: o.http10,
          userAgent: o.userAgent,
          referer: o.referer,
          custom: o.headers,
        },
      },
    );
    if (o.request !== undefined && !o.silent) {
      if (o.request === 'HEAD') io.stderr('Warning: Setting custom HTTP method to HEAD with -X/--request may not work the \nWarning: way you want. Consider using -I/--head instead.\n');
      else if (o.verbose && o.request === defaultMethod({ head: o.head, data, get: o.get })) io.stderr(`Note: Unnecessary use of -X or --request, ${o.request} is already inferred.\n`);
    }
    const r: TransferResult = await transfer.run(raw);
    if (r.interrupted) return 130;
    let code = r.code;
    let message = r.message;
    if (code === 0 && output !== undefined && output !== '/dev/null') {
      try {
        ctx.fs.write(output, body);
      } catch {
        code = 23;
        message = 'Failure writing output to destination';
      }
    }
    if (code !== 0 && (!o.silent || o.showError)) io.stderr(`curl: (${code}) ${message}\n`);
    if (o.writeOut !== undefined) {
      const chunks = writeOut(o.writeOut, { stats: r.stats, exitCode: code, errorMessage: message, urlNum: i + 1, url: raw, filename: output ?? '' });
      for (const c of chunks) if (c.stream === 'stderr') io.stderr(c.text);
      const text = chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join('');
      if (text) io.stdout(text);
    }
    exit = code;
  }
  return exit;
}

/** The -d / --data-* values joined with `&`, files read (`@file`, `@-` for stdin); undefined without any. */
function postData(o: CurlOptions, io: CommandIO, ctx: CurlCtx): string | undefined {
  if (o.data.length === 0) return undefined;
  const read = (name: string): string | undefined => {
    if (name === '-') return io.stdin;
    try {
      return ctx.fs.read(name) ?? undefined;
    } catch {
      return undefined;
    }
  };
  const parts: string[] = [];
  for (const d of o.data) {
    let v = d.value;
    if (d.kind === 'data-urlencode') {
      parts.push(urlencodeItem(v, read));
      continue;
    }
    if (d.kind !== 'data-raw' && v.startsWith('@')) {
      const text = read(v.slice(1));
      if (text === undefined && !o.silent) io.stderr(`Warning: Couldn't read data from file "${v.slice(1)}", this makes an empty POST.\n`);
      v = text ?? '';
      // -d @file drops carriage returns and newlines; --data-binary keeps them.
      if (d.kind === 'data' || d.kind === 'data-ascii') v = v.replace(/[\r\n]/g, '');
    }
    parts.push(v);
  }
  return parts.join('&');
}

function urlencodeItem(v: string, read: (name: string) => string | undefined): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const eq = v.indexOf('=');
  const at = v.indexOf('@');
  if (eq >= 0 && (at < 0 || eq < at)) return eq === 0 ? enc(v.slice(1)) : `${v.slice(0, eq)}=${enc(v.slice(eq + 1))}`;
  if (at >= 0) {
    const content = read(v.slice(at + 1)) ?? '';
    return at === 0 ? enc(content) : `${v.slice(0, at)}=${enc(content)}`;
  }
  return enc(v);
}
