// Our busybox wget against the real busybox wget on this machine (Debian's
// 1.35; Alpine's 1.35/1.36 print the same texts for these cases), both talking
// to the same scripted server.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:net';
import { wgetMain } from './wget';
import { VirtualFs } from '../fs/vfs';
import { scriptedApp, scriptedNet, startServer, type Routes } from './curl/testing/scripted-server';

const BUSYBOX = process.env.BUSYBOX_PATH ?? '/usr/bin/busybox';
const version = spawnSync(BUSYBOX, [], { encoding: 'utf8' }).stdout ?? '';
const skip = /^BusyBox v1\.3[5-6]/.test(version) ? '' : `${BUSYBOX} is not busybox 1.35/1.36`;
if (skip) console.warn(`skipping wget oracle tests: ${skip}`);

const ROUTES: Routes = {
  '/': { status: 200, reason: 'OK', headers: [['Server', 'nginx/1.27.3'], ['Content-Type', 'text/html'], ['Content-Length', '6'], ['Connection', 'keep-alive']], body: 'hello\n' },
  '/big': { status: 200, reason: 'OK', headers: [['Content-Length', '150000'], ['Connection', 'close']], body: 'x'.repeat(150000) },
  '/404': { status: 404, reason: 'Not Found', headers: [['Server', 'nginx/1.27.3'], ['Content-Length', '3'], ['Connection', 'keep-alive']], body: 'not' },
  '/500': { status: 500, reason: 'INTERNAL SERVER ERROR', headers: [['Server', 'gunicorn'], ['Connection', 'close'], ['Content-Length', '3']], body: 'bad' },
  '/moved': { status: 301, reason: 'Moved Permanently', headers: [['Content-Length', '0'], ['Location', '/'], ['Connection', 'close']], body: '' },
  '/empty': 'empty',
};

let server: Server;
let port = 0;
let closedPort = 0;
const dir = mkdtempSync(join(tmpdir(), 'wget-oracle-'));

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

function real(args: string[]): Promise<{ stdout: string; stderr: string; exit: number }> {
  return new Promise((resolve) => {
    const p = spawn(BUSYBOX, ['wget', ...args], { cwd: dir });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ stdout, stderr, exit: code ?? -1 }));
  });
}

async function sim(args: string[], fs = new VirtualFs({ now: () => 0, home: dir })) {
  let stdout = '';
  let stderr = '';
  const io = { stdin: '', stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t) };
  const exit = await wgetMain(args, scriptedNet(port, scriptedApp(ROUTES)), io, { fs, signal: { cancelled: false }, sleep: async () => {} }, 'BusyBox');
  return { stdout, stderr, exit, fs };
}

const U = () => `http://127.0.0.1:${port}`;

const CASES: [string, () => string[]][] = [
  ['-O- shows the progress', () => ['-O-', `${U()}/`]],
  ['-qO- prints the body only', () => ['-qO-', `${U()}/`]],
  ['-S shows the response head', () => ['-S', '-O-', `${U()}/`]],
  ['a big body: the size in k', () => ['-O', '/dev/null', `${U()}/big`]],
  ['a file', () => ['-O', `${dir}/page.html`, `${U()}/`]],
  ['404', () => ['-O-', `${U()}/404`]],
  ['500, quiet', () => ['-qO-', `${U()}/500`]],
  ['refused', () => ['-O-', `http://127.0.0.1:${closedPort}/`]],
  ['refused, quiet', () => ['-qO-', `http://127.0.0.1:${closedPort}/`]],
  ['bad address', () => ['-qO-', 'http://nosuchhost.invalid/']],
  ['empty reply', () => ['-qO-', `${U()}/empty`]],
  ['redirect', () => ['-O-', `${U()}/moved`]],
];

describe.skipIf(!!skip)('busybox wget against the real one', () => {
  for (const [name, args] of CASES) {
    it(name, async () => {
      const a = args();
      const r = await real(a);
      const s = await sim(a);
      expect(s.stderr).toBe(r.stderr);
      expect(s.stdout).toBe(r.stdout);
      expect(s.exit).toBe(r.exit);
    });
  }

  it('saves to a file named after the URL, and refuses to overwrite it', async () => {
    const fs = new VirtualFs({ now: () => 0, home: dir });
    fs.mkdir(dir, { parents: true });
    const r1 = await real([`${U()}/404`.replace('/404', '/')]);
    const first = await sim([`${U()}/`], fs.withCwd(dir));
    expect(first.stderr).toBe(r1.stderr);
    expect(fs.read(`${dir}/index.html`)).toBe(readFileSync(`${dir}/index.html`, 'utf8'));
    const r2 = await real([`${U()}/`]);
    const again = await sim([`${U()}/`], fs.withCwd(dir));
    expect(again.stderr).toBe(r2.stderr);
    expect(again.exit).toBe(r2.exit);
  });

  it('overwrites a file given with -O', async () => {
    const fs = new VirtualFs({ now: () => 0, home: dir });
    fs.mkdir(dir, { parents: true });
    fs.write(`${dir}/out.html`, 'old');
    const r = await real(['-O', `${dir}/out.html`, `${U()}/`]);
    const s = await sim(['-O', `${dir}/out.html`, `${U()}/`], fs);
    expect(s.stderr).toBe(r.stderr);
    expect(fs.read(`${dir}/out.html`)).toBe(readFileSync(`${dir}/out.html`, 'utf8'));
  });
});
