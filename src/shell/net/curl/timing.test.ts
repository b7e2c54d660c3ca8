// curl's waits in virtual time: a dropped SYN costs the kernel's two minutes
// and more, ARP failure three seconds, -m and --connect-timeout cut them
// short, a slow server is waited for, and Ctrl-C ends the wait.

import { describe, expect, it } from 'vitest';
import { curlMain } from './index';
import { VirtualFs } from '../../fs/vfs';
import { scriptedApp, scriptedNet } from './testing/scripted-server';
import type { TcpAttempt } from '../lib/tcp';
import type { AppInstance } from '../../../sim/apps/types';

async function curl(args: string[], overrides: Record<string, TcpAttempt> = {}, cancelAfterMs?: number) {
  let waited = 0;
  const signal = { cancelled: false };
  let stderr = '';
  let stdout = '';
  const ctx = {
    fs: new VirtualFs({ now: () => 0 }),
    signal,
    sleep: async (ms: number) => {
      waited += ms;
      if (cancelAfterMs !== undefined && waited >= cancelAfterMs) signal.cancelled = true;
    },
  };
  const io = { stdin: '', stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t) };
  const exit = await curlMain(args, scriptedNet(80, scriptedApp({ '/': { status: 200, reason: 'OK', headers: [['Content-Length', '2']], body: 'ok' } }), overrides), io, ctx, true);
  return { exit, waited, stderr, stdout };
}

const slowApp = (delayMs: number): AppInstance => ({
  behaviour: 'slow',
  listens: () => true,
  start: () => {},
  http: () => ({ status: 500, reason: 'INTERNAL SERVER ERROR', headers: [['Content-Length', '3']], body: 'bad', delayMs }),
});

describe('curl timing', () => {
  it('waits for the kernel to give up on a silent address', async () => {
    const r = await curl(['-sS', 'http://10.96.0.5/'], { '10.96.0.5:80': { kind: 'timeout' } });
    expect(r.waited).toBe(134_096);
    expect(r.stderr).toBe("curl: (28) Failed to connect to 10.96.0.5 port 80 after 134096 ms: Couldn't connect to server\n");
    expect(r.exit).toBe(28);
  });

  it('stops at -m or --connect-timeout', async () => {
    const m = await curl(['-sS', '-m', '3', 'http://10.96.0.5/'], { '10.96.0.5:80': { kind: 'timeout' } });
    expect(m.waited).toBe(3000);
    expect(m.stderr).toBe('curl: (28) Connection timed out after 3001 milliseconds\n');
    const ct = await curl(['-sS', '--connect-timeout', '2', 'http://10.96.0.5/'], { '10.96.0.5:80': { kind: 'timeout' } });
    expect(ct.waited).toBe(2000);
    expect(ct.stderr).toBe('curl: (28) Failed to connect to 10.96.0.5 port 80 after 2001 ms: Timeout was reached\n');
  });

  it('takes three seconds to find that nobody has an address', async () => {
    const r = await curl(['-sS', 'http://172.18.0.9/'], { '172.18.0.9:80': { kind: 'unreachable', errno: 'EHOSTUNREACH', afterMs: 3071 } });
    expect(r.waited).toBe(3071);
    expect(r.stderr).toBe("curl: (7) Failed to connect to 172.18.0.9 port 80 after 3071 ms: Couldn't connect to server\n");
  });

  it('waits for a slow server, or times out on it', async () => {
    const slow = { '127.0.0.1:8080': { kind: 'connected', server: slowApp(5000), clientAddress: '127.0.0.1:40000', serverAddress: '127.0.0.1:8080', rttMs: 0.1 } as TcpAttempt };
    const full = await curl(['-s', 'http://127.0.0.1:8080/'], slow);
    expect(full.waited).toBe(5000);
    expect(full.stdout).toBe('bad');
    const cut = await curl(['-sS', '-m', '2', 'http://127.0.0.1:8080/'], slow);
    expect(cut.waited).toBe(2000);
    expect(cut.stderr).toBe('curl: (28) Operation timed out after 2001 milliseconds with 0 bytes received\n');
  });

  it('ends on Ctrl-C with status 130 and no message', async () => {
    const r = await curl(['-sS', 'http://10.96.0.5/'], { '10.96.0.5:80': { kind: 'timeout' } }, 10_000);
    expect(r.exit).toBe(130);
    expect(r.waited).toBeLessThan(11_000);
    expect(r.stderr).toBe('');
  });

  it('writes the body to a file with -o, nothing to stdout', async () => {
    let stdout = '';
    const fs = new VirtualFs({ now: () => 0 });
    const io = { stdin: '', stdout: (t: string) => (stdout += t), stderr: () => {} };
    const exit = await curlMain(['-s', '-o', '/root/page', 'http://127.0.0.1:80/'], scriptedNet(80, scriptedApp({ '/': { status: 200, reason: 'OK', headers: [['Content-Length', '2']], body: 'ok' } })), io, { fs, signal: { cancelled: false }, sleep: async () => {} }, true);
    expect(exit).toBe(0);
    expect(stdout).toBe('');
    expect(fs.read('/root/page')).toBe('ok');
  });
});

describe('curl -v', () => {
  it('narrates the connection, the request and the response as curl 7.88.1 does', async () => {
    let stderr = '';
    const io = { stdin: '', stdout: () => {}, stderr: (t: string) => (stderr += t) };
    const app = scriptedApp({ '/': { status: 200, reason: 'OK', headers: [['Server', 'nginx/1.27.3'], ['Content-Length', '2'], ['Connection', 'keep-alive']], body: 'ok' } });
    const exit = await curlMain(['-v', 'http://127.0.0.1/'], scriptedNet(80, app), io, { fs: new VirtualFs({ now: () => 0 }), signal: { cancelled: false }, sleep: async () => {} }, true);
    expect(exit).toBe(0);
    expect(stderr).toBe(
      '*   Trying 127.0.0.1:80...\n' +
        '* Connected to 127.0.0.1 (127.0.0.1) port 80 (#0)\n' +
        '> GET / HTTP/1.1\r\n> Host: 127.0.0.1\r\n> User-Agent: curl/7.88.1\r\n> Accept: */*\r\n> \r\n' +
        '< HTTP/1.1 200 OK\r\n< Server: nginx/1.27.3\r\n< Content-Length: 2\r\n< Connection: keep-alive\r\n< \r\n' +
        '* Connection #0 to host 127.0.0.1 left intact\n',
    );
  });
});
