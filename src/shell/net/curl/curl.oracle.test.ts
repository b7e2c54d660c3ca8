// Our curl against the real curl 7.88.1 on this machine (Debian 12, the same
// curl as the kind nodes), both talking to the same scripted server: stdout,
// stderr (the -v narration, CRLFs included) and exit status must match line
// for line. Times in messages (`after 0 ms`) are masked where the real one
// depends on the machine.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import type { Server } from 'node:net';
import { curlMain } from './index';
import { VirtualFs } from '../../fs/vfs';
import { scriptedApp, scriptedNet, startServer, type Routes } from './testing/scripted-server';
import { CURL_HELP } from './texts';

const CURL = process.env.CURL_PATH ?? '/usr/bin/curl';
const version = spawnSync(CURL, ['--version'], { encoding: 'utf8' }).stdout ?? '';
const skip = !version.startsWith('curl 7.88.1') ? `${CURL} is not curl 7.88.1 (found: ${version.split('\n')[0] || 'nothing'})` : '';
if (skip) console.warn(`skipping curl oracle tests: ${skip}`);

const NGINX_HEADERS: [string, string][] = [
  ['Server', 'nginx/1.27.3'],
  ['Date', 'Mon, 12 Jan 2026 09:00:00 GMT'],
  ['Content-Type', 'text/html'],
  ['Content-Length', '5'],
  ['Connection', 'keep-alive'],
];

const ROUTES: Routes = {
  '/': { status: 200, reason: 'OK', headers: NGINX_HEADERS, body: 'hello' },
  '/close': {
    status: 200,
    reason: 'OK',
    headers: [['Server', 'gunicorn'], ['Date', 'Mon, 12 Jan 2026 09:00:00 GMT'], ['Connection', 'close'], ['Content-Type', 'text/html; charset=utf-8'], ['Content-Length', '12']],
    body: '<h1>vote</h1>'.slice(0, 12),
  },
  '/404': { status: 404, reason: 'Not Found', headers: [['Server', 'nginx/1.27.3'], ['Content-Type', 'text/html'], ['Content-Length', '3'], ['Connection', 'keep-alive']], body: 'not' },
  '/500': { status: 500, reason: 'INTERNAL SERVER ERROR', headers: [['Server', 'gunicorn'], ['Connection', 'close'], ['Content-Length', '3']], body: 'bad' },
  '/moved': { status: 301, reason: 'Moved Permanently', headers: [['Server', 'nginx/1.27.3'], ['Content-Length', '3'], ['Location', '/'], ['Connection', 'keep-alive']], body: 'mov' },
  '/moved-close': { status: 302, reason: 'FOUND', headers: [['Connection', 'close'], ['Content-Length', '0'], ['Location', '/close']], body: '' },
  '/empty': 'empty',
  '/slow': 'slow',
};

let server: Server;
let port = 0;
/** A port nothing listens on. */
let closedPort = 0;

beforeAll(async () => {
  if (skip) return;
  const s = await startServer(ROUTES);
  server = s.server;
  port = s.port;
  const tmp = await startServer({});
  closedPort = tmp.port;
  await new Promise((ok) => tmp.server.close(ok));
});

afterAll(async () => {
  if (server) await new Promise((ok) => server.close(ok));
});

function realCurl(args: string[]): Promise<{ stdout: string; stderr: string; exit: number }> {
  return new Promise((resolve) => {
    const p = spawn(CURL, args, { env: { ...process.env, LANG: 'C.UTF-8' } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ stdout, stderr, exit: code ?? -1 }));
  });
}

async function simCurl(args: string[]): Promise<{ stdout: string; stderr: string; exit: number }> {
  let stdout = '';
  let stderr = '';
  const io = { stdin: '', stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t) };
  const ctx = { fs: new VirtualFs({ now: () => 0 }), signal: { cancelled: false }, sleep: async () => {} };
  const exit = await curlMain(args, scriptedNet(port, scriptedApp(ROUTES)), io, ctx, false);
  return { stdout, stderr, exit };
}

/** Machine-dependent parts: connect times and the -m timer's last millisecond. */
function mask(s: string): string {
  return s
    .replace(/after \d+ ms/g, 'after N ms')
    .replace(/Found bundle for host: 0x[0-9a-f]+/g, 'Found bundle for host: 0xADDR')
    .replace(/after 10\d\d milliseconds/g, 'after 10xx milliseconds')
    .replace(/\r[ \d]{3} [ \dk.M]{5} .*?(?=\r|\n|$)/g, '\r<meter>');
}

const U = () => `http://127.0.0.1:${port}`;

const CASES: [string, () => string[]][] = [
  ['GET, verbose, keep-alive', () => ['-v', '-s', `${U()}/`]],
  ['GET, verbose, Connection: close', () => ['-v', '-s', `${U()}/close`]],
  ['GET, body only', () => ['-s', `${U()}/`]],
  ['-i', () => ['-s', '-i', `${U()}/`]],
  ['-I', () => ['-s', '-I', `${U()}/`]],
  ['-v -I', () => ['-v', '-s', '-I', `${U()}/`]],
  ['POST form', () => ['-v', '-s', '-X', 'POST', '-d', 'vote=a', `${U()}/close`]],
  ['-X POST with -d, verbose: the note', () => ['-v', '-X', 'POST', '-d', 'vote=a', '-o', '/dev/null', '--no-progress-meter', `${U()}/close`]],
  ['-X GET, verbose', () => ['-v', '-X', 'GET', '--no-progress-meter', `${U()}/`]],
  ['-X HEAD warns', () => ['-X', 'HEAD', '-m', '1', '--no-progress-meter', `${U()}/404`]],
  ['two -d joined', () => ['-v', '-s', '-d', 'vote=a', '-d', 'x=y', `${U()}/`]],
  ['custom headers', () => ['-v', '-s', '-H', 'X-A: b', '-H', 'Accept:', '-A', 'agent/1', `${U()}/`]],
  ['-H replaces Host', () => ['-v', '-s', '-H', 'Host: vote.example', `${U()}/`]],
  ['refused', () => ['-sS', `http://127.0.0.1:${closedPort}/`]],
  ['refused, verbose', () => ['-v', '-s', `http://127.0.0.1:${closedPort}/`]],
  ['refused, localhost tries both families', () => ['-v', '-s', `http://localhost:${closedPort}/`]],
  ['-f 404', () => ['-sS', '-f', `${U()}/404`]],
  ['-f 500 verbose', () => ['-v', '-s', '-f', `${U()}/500`]],
  ['500 without -f', () => ['-s', '-i', `${U()}/500`]],
  ['empty reply', () => ['-sS', `${U()}/empty`]],
  ['empty reply, verbose', () => ['-v', '-s', `${U()}/empty`]],
  ['write-out', () => ['-sS', '-o', '/dev/null', '-w', '%{http_code} %{size_download} %{num_connects} %{http_version} %{method} %{scheme} %{remote_ip}:%{remote_port} %{content_type} %{exitcode} %{size_header}\\n', `${U()}/`]],
  ['write-out after a failure', () => ['-sS', '-w', '%{http_code} %{errormsg} %{exitcode}\\n', `http://127.0.0.1:${closedPort}/`]],
  ['unknown write-out variable', () => ['-s', '-o', '/dev/null', '-w', '%{http_code}%{foo}\\n', `${U()}/`]],
  ['-L reuses the connection', () => ['-v', '-s', '-L', `${U()}/moved`]],
  ['-L after Connection: close', () => ['-v', '-s', '-L', `${U()}/moved-close`]],
  ['3xx without -L', () => ['-s', '-i', `${U()}/moved`]],
  ['two URLs share a connection', () => ['-v', '-s', `${U()}/`, `${U()}/404`]],
  ['failed then good: exit is the last', () => ['-sS', `http://127.0.0.1:${closedPort}/`, `${U()}/`]],
  ['good then failed', () => ['-sS', `${U()}/`, `http://127.0.0.1:${closedPort}/`]],
  ['max-time while waiting', () => ['-sS', '-m', '1', `${U()}/slow`]],
  ['max-time, verbose', () => ['-v', '-s', '-m', '1', `${U()}/slow`]],
  ['progress meter to a pipe', () => [`${U()}/`]],
  ['progress meter with an error', () => [`http://127.0.0.1:${closedPort}/`]],
  ['no progress meter with --no-progress-meter', () => ['--no-progress-meter', `${U()}/`]],
  ['scheme-less URL', () => ['-sS', `127.0.0.1:${port}/`]],
  ['bad port', () => ['-sS', 'http://127.0.0.1:99999/']],
  ['bad port, verbose', () => ['-v', '-s', 'http://127.0.0.1:99999/']],
  ['unknown scheme', () => ['-sS', 'htp://x/']],
  ['unknown scheme, verbose', () => ['-v', '-s', 'htp://x/']],
  ['-I with -d', () => ['-I', '-d', 'a=b', `${U()}/`]],
  ['missing parameter', () => ['-X']],
  ['missing parameter in a cluster', () => ['-sX']],
  ['unknown long option', () => ['--foo']],
  ['no --opt=value', () => ['--max-time=5', `${U()}/`]],
  ['ambiguous prefix', () => ['--ver']],
  ['unique prefix', () => ['--verb', '-s', `${U()}/`]],
  ['unknown letter in a cluster', () => ['-sW']],
  ['bad number', () => ['-m', 'abc', `${U()}/`]],
  ['negative number', () => ['-m', '-1', `${U()}/`]],
  ['--no- on an option with a parameter', () => ['--no-max-time', '5']],
  ['no URL', () => ['-s']],
  ['nothing at all', () => []],
  ['--help', () => ['--help']],
];

describe.skipIf(!!skip)('curl against the real curl 7.88.1', () => {
  for (const [name, args] of CASES) {
    it(name, async () => {
      const a = args();
      const real = await realCurl(a);
      const sim = await simCurl(a);
      expect(mask(sim.stderr)).toBe(mask(real.stderr));
      expect(sim.stdout).toBe(real.stdout);
      expect(sim.exit).toBe(real.exit);
    });
  }
  it('has the same --help text', async () => {
    expect((await realCurl(['--help'])).stdout).toBe(CURL_HELP);
  });
});
