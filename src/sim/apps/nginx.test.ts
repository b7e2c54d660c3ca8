// nginx against the real thing: Debian's nginx (1.22) serves the same stock
// index.html and builds its error pages and headers with the same code as the
// image's 1.27; we run it with the image's `main` log format and compare.

import { describe, expect, it } from 'vitest';
import { spawn, execFileSync } from 'node:child_process';
import { oracleSkipReason } from '../../../test/fixtures/dns/oracle';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { AppWorld, request } from '../../../test/fixtures/dns/app-world';
import type { HttpResponse } from './types';
import { NGINX_INDEX_HTML, nginxErrorPage } from './nginx';

const DEBIAN_INDEX = '/usr/share/nginx/html/index.html';
const skip = oracleSkipReason({
  tools: [['nginx', 'nginx-light']],
  check: () => (existsSync(DEBIAN_INDEX) ? undefined : `${DEBIAN_INDEX} is missing (apt-get install -y nginx-common)`),
});

interface Got {
  status: number;
  reason: string;
  headers: string[];
  body: string;
}

function get(port: number, method: string, p: string): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: p, headers: { 'User-Agent': 'curl/8.5.0', Accept: '*/*' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const names = res.rawHeaders.filter((_, i) => i % 2 === 0);
        resolve({ status: res.statusCode!, reason: res.statusMessage!, headers: names, body: Buffer.concat(chunks).toString('latin1') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('nginx page and logs', () => {
  it('serves the stock page, 615 bytes', () => {
    expect(NGINX_INDEX_HTML.length).toBe(615);
    const w = new AppWorld();
    const r = w.startPod('web', 'nginx').app.http!(request('GET', '/'), 80) as HttpResponse;
    expect(r.body).toBe(NGINX_INDEX_HTML);
    expect(r.headers.map(([k]) => k)).toEqual(['Server', 'Date', 'Content-Type', 'Content-Length', 'Last-Modified', 'Connection', 'ETag', 'Accept-Ranges']);
    expect(r.headers[0][1]).toBe('nginx/1.27.3');
    expect(r.headers[6][1]).toBe('"6745ef54-267"');
  });

  it('logs the start-up and each request in the image formats', () => {
    const w = new AppWorld();
    const p = w.startPod('web', 'nginx:1.27');
    p.app.http!(request('GET', '/nope'), 80);
    const text = p.logs.map((l) => `${l.stream}: ${l.text}`);
    expect(text).toContain('stdout: /docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(text).toContain('stderr: 2026/01/12 10:00:00 [notice] 1#1: nginx/1.27.0');
    expect(text).toContain(
      'stderr: 2026/01/12 10:00:00 [error] 29#29: *1 open() "/usr/share/nginx/html/nope" failed (2: No such file or directory), client: 10.244.1.1, server: localhost, request: "GET /nope HTTP/1.1", host: "10.96.100.1"',
    );
    expect(text[text.length - 1]).toBe('stdout: 10.244.1.1 - - [12/Jan/2026:10:00:00 +0000] "GET /nope HTTP/1.1" 404 153 "-" "curl/8.5.0" "-"');
  });
});

if (skip) describe('nginx against the real nginx (Debian package)', () => it.skip(`skipped: ${skip}`, () => {}));
describe.skipIf(!!skip)('nginx against the real nginx (Debian package)', () => {
  it('matches pages, status lines, header order and the access log format', async () => {
    expect(NGINX_INDEX_HTML).toBe(readFileSync(DEBIAN_INDEX, 'latin1'));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nginx-oracle-'));
    const port = 20000 + (process.pid % 20000);
    writeFileSync(
      path.join(dir, 'nginx.conf'),
      `worker_processes 1;\ndaemon off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log notice;\nevents { worker_connections 64; }\n` +
        'http {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n' +
        "  log_format main '$remote_addr - $remote_user [$time_local] \"$request\" '\n                    '$status $body_bytes_sent \"$http_referer\" '\n                    '\"$http_user_agent\" \"$http_x_forwarded_for\"';\n" +
        `  access_log ${dir}/access.log main;\n  server { listen 127.0.0.1:${port}; server_name localhost; location / { root /usr/share/nginx/html; index index.html index.htm; } }\n}\n`,
    );
    const child = spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
    try {
      let ok = false;
      for (let i = 0; i < 50 && !ok; i++) {
        await new Promise((r) => setTimeout(r, 100));
        ok = await get(port, 'GET', '/').then(
          () => true,
          () => false,
        );
      }
      const version = /nginx\/([\d.]+)/.exec(execFileSync('nginx', ['-v'], { encoding: 'latin1', stdio: ['ignore', 'pipe', 'pipe'] }) || '')?.[1];
      const realIndex = await get(port, 'GET', '/');
      const real404 = await get(port, 'GET', '/nope');
      const real405 = await get(port, 'POST', '/');
      const w = new AppWorld();
      const app = w.startPod('web', 'nginx').app;
      const simIndex = app.http!(request('GET', '/'), 80) as HttpResponse;
      const sim404 = app.http!(request('GET', '/nope'), 80) as HttpResponse;
      const sim405 = app.http!(request('POST', '/'), 80) as HttpResponse;
      const v = /nginx\/([\d.]+)/.exec(real404.body)?.[1] ?? version!;
      expect(realIndex.body).toBe(simIndex.body);
      expect(realIndex.headers).toEqual(simIndex.headers.map(([k]) => k));
      expect(real404.body).toBe(nginxErrorPage(404, v));
      expect([real404.status, real404.reason]).toEqual([404, sim404.reason]);
      expect(real404.headers).toEqual(sim404.headers.map(([k]) => k));
      expect(real405.body).toBe(nginxErrorPage(405, v));
      expect([real405.status, real405.reason]).toEqual([405, sim405.reason]);
      expect(real405.headers).toEqual(sim405.headers.map(([k]) => k));
      const realLog = readFileSync(path.join(dir, 'access.log'), 'latin1').trim().split('\n');
      const simLog = w.pods.get('web')!.logs.filter((l) => l.stream === 'stdout' && l.text.includes('HTTP/1.1')).map((l) => l.text);
      const norm = (l: string) => l.replace(/^\S+/, 'IP').replace(/\[[^\]]+\]/, '[TIME]');
      expect(realLog.slice(-3).map(norm)).toEqual(simLog.map(norm));
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
