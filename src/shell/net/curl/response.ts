// What comes back on a connection after curl sends its request: the app's HTTP
// response, or what a server that is not an HTTP app does with an HTTP request.
//   * an app with http(): its response (it may take a while: delayMs);
//   * redis: it answers the request line as a command (`-ERR ...`), which
//     curl 7.88 rejects as HTTP/0.9;
//   * a TLS-only port (API server, kubelet): Go's plain-HTTP answer;
//   * anything else, or docker-proxy whose container side failed: the
//     connection closes with no bytes (curl: Empty reply from server).

import type { AppInstance, HttpRequest } from '../../../sim/apps/types';
import type { TcpAttempt } from '../lib/tcp';
import type { CurlRequest } from './request';

export interface HttpAnswer {
  version: string;
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
  delayMs: number;
}

export type Exchange =
  | { kind: 'response'; response: HttpAnswer }
  | { kind: 'empty' }
  | { kind: 'reset' }
  | { kind: 'http09' };

/** Go's net/http on a TLS listener, when a plain HTTP request arrives. */
const GO_TLS_PLAIN: HttpAnswer = {
  version: 'HTTP/1.0',
  status: 400,
  reason: 'Bad Request',
  headers: [],
  body: 'Client sent an HTTP request to an HTTPS server.\n',
  delayMs: 0,
};

export function exchange(attempt: TcpAttempt & { kind: 'connected' }, req: CurlRequest): Exchange {
  if (attempt.hangsUp) return { kind: 'empty' };
  if (attempt.tls) return { kind: 'response', response: GO_TLS_PLAIN };
  const server: AppInstance | undefined = attempt.server;
  if (!server) return { kind: 'empty' };
  if (!server.http) return server.redis ? { kind: 'http09' } : { kind: 'empty' };
  const port = Number(attempt.serverAddress.slice(attempt.serverAddress.lastIndexOf(':') + 1));
  const httpReq: HttpRequest = {
    method: req.method,
    path: req.path,
    version: req.version,
    headers: req.headers,
    body: req.body,
    clientAddress: attempt.clientAddress,
  };
  const r = server.http(httpReq, port);
  if ('closed' in r) return { kind: r.closed === 'reset' ? 'reset' : 'empty' };
  const res = r;
  return {
    kind: 'response',
    response: { version: 'HTTP/1.1', status: res.status, reason: res.reason, headers: res.headers, body: req.method === 'HEAD' ? '' : res.body, delayMs: res.delayMs ?? 0 },
  };
}

export function headerValue(r: HttpAnswer, name: string): string | undefined {
  const n = name.toLowerCase();
  return r.headers.find(([k]) => k.toLowerCase() === n)?.[1];
}

/** Whether curl keeps the connection after this response (HTTP/1.1 without `Connection: close`). */
export function keepsAlive(r: HttpAnswer): boolean {
  const conn = headerValue(r, 'connection')?.toLowerCase();
  if (r.version === 'HTTP/1.0') return conn === 'keep-alive';
  return conn !== 'close';
}

export function statusLine(r: HttpAnswer): string {
  return `${r.version} ${r.status}${r.reason ? ` ${r.reason}` : ''}`;
}

export function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** The response head as curl writes it for -i / -I / -D: CRLF line ends, a blank line at the end. */
export function headText(r: HttpAnswer): string {
  return `${statusLine(r)}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
}
