// A scripted HTTP server for curl tests: the same table of responses serves a
// real TCP socket (for the real curl) and the simulation's app interface (for
// ours), so both curls talk to the same server.

import { createServer, type Server, type Socket } from 'node:net';
import type { AppInstance, HttpRequest, HttpResponse, HttpNoResponse } from '../../../../sim/apps/types';
import type { CurlNet } from '../transfer';
import type { TcpAttempt } from '../../lib/tcp';

export interface Scripted {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

/** Paths with special behaviour: /empty closes without answering, /slow never answers. */
export type Route = Scripted | 'empty' | 'slow';

export type Routes = Record<string, Route>;

function raw(r: Scripted, head: boolean): string {
  return `HTTP/1.1 ${r.status} ${r.reason}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${head ? '' : r.body}`;
}

function closes(r: Scripted): boolean {
  return r.headers.some(([k, v]) => k.toLowerCase() === 'connection' && v.toLowerCase() === 'close');
}

/** Serve the routes on a real socket; resolves with the port. */
export async function startServer(routes: Routes): Promise<{ port: number; server: Server; requests: string[] }> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
    let buf = Buffer.alloc(0);
    sock.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buf.subarray(0, end).toString('latin1');
        const len = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (buf.length < end + 4 + len) return;
        const req = buf.subarray(0, end + 4 + len).toString('latin1');
        buf = buf.subarray(end + 4 + len);
        requests.push(req);
        const [method, path] = head.split(' ');
        const route = routes[path] ?? routes['*'];
        if (route === 'empty') {
          sock.destroy();
          return;
        }
        if (route === 'slow' || route === undefined) return;
        sock.write(raw(route, method === 'HEAD'));
        if (closes(route)) sock.end();
      }
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const close = server.close.bind(server);
  server.close = ((cb?: (err?: Error) => void) => {
    for (const s of sockets) s.destroy();
    return close(cb);
  }) as typeof server.close;
  return { port, server, requests };
}

/** The same routes as a simulated app. */
export function scriptedApp(routes: Routes): AppInstance {
  return {
    behaviour: 'scripted',
    listens: () => true,
    start: () => {},
    http(req: HttpRequest): HttpResponse | HttpNoResponse {
      const route = routes[req.path] ?? routes['*'];
      if (route === 'empty' || route === undefined) return { status: 0, closed: 'empty-reply' };
      if (route === 'slow') return { status: 200, reason: 'OK', headers: [], body: '', delayMs: 3_600_000 };
      return { status: route.status, reason: route.reason, headers: route.headers, body: route.body };
    },
  };
}

/** A network where 127.0.0.1:port runs the app and every other address and port refuses. */
export function scriptedNet(port: number, app: AppInstance, overrides: Partial<Record<string, TcpAttempt>> = {}): CurlNet {
  return {
    resolve(host) {
      if (host === 'localhost') return { ok: true, addresses: ['127.0.0.1', '::1'], elapsedMs: 0 };
      if (/^[\d.]+$/.test(host) || host.includes(':')) return { ok: true, addresses: [host], elapsedMs: 0 };
      return { ok: false, addresses: [], elapsedMs: 0 };
    },
    connect(ip, p) {
      const o = overrides[`${ip}:${p}`];
      if (o) return o;
      if (ip === '127.0.0.1' && p === port) return { kind: 'connected', server: app, clientAddress: '127.0.0.1:40000', serverAddress: `127.0.0.1:${p}`, rttMs: 0.1 };
      return { kind: 'refused', rttMs: 0.05 };
    },
  };
}
