// The playground's in-app browser, as a client on the learner's host: the same
// name resolution, TCP path (through the nodes' iptables, traced) and app
// handlers as curl, with a browser's request headers and a cookie jar. It
// never waits out a hang: a connection that would time out is reported at once.

import type { ExecContext } from '../types';
import type { HttpRequest } from '../../sim/apps/types';
import { parseUrl } from './lib/url';
import { resolveName } from './lib/resolve';
import { tcpConnect } from './lib/tcp';

export interface BrowserRequest {
  url: string;
  method: 'GET' | 'POST';
  /** application/x-www-form-urlencoded body of a form POST */
  form?: string;
}

export type BrowserResult =
  | {
      kind: 'page';
      url: string;
      status: number;
      reason: string;
      headers: [string, string][];
      /** What to render: the app's browser view when it has one (single-page apps), else the body. */
      html: string;
      /** The pod (or host) that answered, as `ip:port` after DNAT. */
      servedBy: string;
    }
  | { kind: 'error'; url: string; code: 'ERR_INVALID_URL' | 'ERR_NAME_NOT_RESOLVED' | 'ERR_CONNECTION_REFUSED' | 'ERR_CONNECTION_TIMED_OUT' | 'ERR_ADDRESS_UNREACHABLE' | 'ERR_EMPTY_RESPONSE' };

/** Cookies per `host:port`, as a browser keeps them for the session. */
export type CookieJar = Map<string, Map<string, string>>;

const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

export function browserRequest(ctx: ExecContext, req: BrowserRequest, jar: CookieJar): BrowserResult {
  const parsed = parseUrl(req.url.trim());
  if (!parsed.ok || (parsed.url.scheme !== 'http' && parsed.url.scheme !== 'https')) return { kind: 'error', url: req.url, code: 'ERR_INVALID_URL' };
  const u = parsed.url;
  const origin = `${u.host}:${u.port}`;
  ctx.sim.runtime.traces.cause = `browser: ${req.method} ${u.normalized}`;
  const found = resolveName(ctx, u.host, 'inet');
  const ip = found.addresses[0];
  if (!found.ok || !ip) return { kind: 'error', url: u.normalized, code: 'ERR_NAME_NOT_RESOLVED' };
  const attempt = tcpConnect(ctx, ip, u.port);
  if (attempt.kind === 'refused') return { kind: 'error', url: u.normalized, code: 'ERR_CONNECTION_REFUSED' };
  if (attempt.kind === 'timeout') return { kind: 'error', url: u.normalized, code: 'ERR_CONNECTION_TIMED_OUT' };
  if (attempt.kind === 'unreachable') return { kind: 'error', url: u.normalized, code: 'ERR_ADDRESS_UNREACHABLE' };
  const server = attempt.server;
  if (!server?.http || attempt.hangsUp || attempt.tls) return { kind: 'error', url: u.normalized, code: 'ERR_EMPTY_RESPONSE' };

  const cookies = jar.get(origin) ?? new Map<string, string>();
  const headers: [string, string][] = [
    ['Host', u.hostHeader + (u.explicitPort ? `:${u.port}` : '')],
    ['Connection', 'keep-alive'],
    ['User-Agent', USER_AGENT],
    ['Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8'],
    ['Accept-Encoding', 'gzip, deflate'],
    ['Accept-Language', 'en-US,en;q=0.9'],
  ];
  if (req.method === 'POST') {
    headers.push(['Content-Type', 'application/x-www-form-urlencoded'], ['Content-Length', String((req.form ?? '').length)], ['Origin', `http://${u.hostHeader}:${u.port}`]);
  }
  if (cookies.size) headers.push(['Cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; ')]);
  const httpReq: HttpRequest = { method: req.method, path: u.path, version: 'HTTP/1.1', headers, body: req.method === 'POST' ? (req.form ?? '') : '', clientAddress: attempt.clientAddress };
  const res = server.http(httpReq, Number(attempt.serverAddress.split(':').pop()));
  if ('closed' in res) return { kind: 'error', url: u.normalized, code: 'ERR_EMPTY_RESPONSE' };
  for (const [k, v] of res.headers) {
    if (k.toLowerCase() !== 'set-cookie') continue;
    const [pair] = v.split(';');
    const eq = pair.indexOf('=');
    if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  if (cookies.size) jar.set(origin, cookies);
  return { kind: 'page', url: u.normalized, status: res.status, reason: res.reason, headers: res.headers, html: res.browserBody ?? res.body, servedBy: attempt.serverAddress };
}
