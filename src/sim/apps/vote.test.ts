import { describe, expect, it } from 'vitest';
import { AppWorld, request } from '../../../test/fixtures/dns/app-world';
import type { HttpResponse } from './types';
import { werkzeugErrorPage } from './vote-page';
import { commonLogTime } from './time-format';

function vote(world: AppWorld, choice: string): HttpResponse {
  const app = world.pods.get('vote-sbvm6')!.app;
  return app.http!(request('POST', '/', { body: `vote=${choice}`, headers: [['User-Agent', 'Mozilla/5.0'], ['Referer', 'http://172.18.0.2:30000/']] }), 80) as HttpResponse;
}

function lines(world: AppWorld, stream?: 'stdout' | 'stderr'): string[] {
  return world.pods.get('vote-sbvm6')!.logs.filter((l) => !stream || l.stream === stream).map((l) => l.text);
}

describe('the vote app', () => {
  it('logs gunicorn start-up on stderr', () => {
    const w = new AppWorld();
    w.startPod('vote-sbvm6', 'schoolofdevops/vote:v1');
    expect(lines(w, 'stderr')).toEqual([
      '[2026-01-12 10:00:00 +0000] [1] [INFO] Starting gunicorn 20.1.0',
      '[2026-01-12 10:00:00 +0000] [1] [INFO] Listening at: http://0.0.0.0:80 (1)',
      '[2026-01-12 10:00:00 +0000] [1] [INFO] Using worker: sync',
      '[2026-01-12 10:00:00 +0000] [7] [INFO] Booting worker with pid: 7',
      '[2026-01-12 10:00:00 +0000] [8] [INFO] Booting worker with pid: 8',
      '[2026-01-12 10:00:00 +0000] [9] [INFO] Booting worker with pid: 9',
      '[2026-01-12 10:00:00 +0000] [10] [INFO] Booting worker with pid: 10',
    ]);
  });

  it('serves the page without Redis, with the pod name and a voter_id cookie', () => {
    const w = new AppWorld();
    const p = w.startPod('vote-sbvm6', 'schoolofdevops/vote:v1');
    const r = p.app.http!(request('GET', '/'), 80) as HttpResponse;
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>Emacs vs Vi!</title>');
    expect(r.body).toContain('<h5>App Version v1</h5>');
    expect(r.body).toContain('<h3>Emacs vs Vi!</h3>');
    expect(r.body).toContain('Processed by container ID vote-sbvm6');
    expect(r.body).toContain('(Tip: you can change your vote)');
    expect(r.body).toContain('background-color:#1aaaf8');
    expect(r.body).not.toMatch(/https?:\/\//);
    expect(r.headers.map(([k]) => k)).toEqual(['Server', 'Date', 'Connection', 'Content-Type', 'Content-Length', 'Set-Cookie']);
    expect(r.headers[0][1]).toBe('gunicorn');
    expect(r.headers[5][1]).toMatch(/^voter_id=[0-9a-f]{1,15}; Path=\/$/);
    expect(Number(r.headers[4][1])).toBe(new TextEncoder().encode(r.body).length);
    expect(lines(w, 'stdout')).toEqual([`10.244.1.1 - - [${commonLogTime(w.now)}] "GET / HTTP/1.1" 200 ${r.headers[4][1]} "-" "curl/8.5.0"`]);
  });

  it('fails the POST with 500 and "Name does not resolve" when there is no redis Service', () => {
    const w = new AppWorld();
    w.startPod('vote-sbvm6', 'schoolofdevops/vote:v1');
    const r = vote(w, 'a');
    expect(r.status).toBe(500);
    expect(r.body).toBe(werkzeugErrorPage(500));
    expect(r.body).toContain('<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>');
    const err = lines(w, 'stderr');
    expect(err).toContain('[2026-01-12 10:00:00,000] ERROR in app: Exception on / [POST]');
    expect(err).toContain('socket.gaierror: [Errno -2] Name does not resolve');
    expect(err[err.length - 1]).toBe('redis.exceptions.ConnectionError: Error -2 connecting to redis:6379. Name does not resolve.');
    expect(lines(w, 'stdout')[0]).toBe(`10.244.1.1 - - [${commonLogTime(w.now)}] "POST / HTTP/1.1" 500 ${r.body.length} "http://172.18.0.2:30000/" "Mozilla/5.0"`);
  });

  it('fails with "Connection refused" when the Service has no endpoints', () => {
    const w = new AppWorld();
    w.startPod('vote-sbvm6', 'schoolofdevops/vote:v1');
    w.addService('instavote', 'redis', '10.104.128.34', 6379);
    const r = vote(w, 'b');
    expect(r.status).toBe(500);
    const err = lines(w, 'stderr');
    expect(err).toContain('ConnectionRefusedError: [Errno 111] Connection refused');
    expect(err[err.length - 1]).toBe('redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. Connection refused.');
  });

  it('fails after the 5 s socket timeout when packets are black-holed', () => {
    const w = new AppWorld();
    w.startPod('vote-sbvm6', 'schoolofdevops/vote:v1');
    w.addService('instavote', 'redis', '10.104.128.34', 6379);
    w.blackholes.add('10.104.128.34');
    const r = vote(w, 'a');
    expect(r.status).toBe(500);
    expect(r.delayMs).toBe(5000);
    const logs = w.pods.get('vote-sbvm6')!.logs;
    expect(logs[logs.length - 2].text).toBe('redis.exceptions.TimeoutError: Timeout connecting to server');
    expect(logs[logs.length - 1].at).toBe(w.now + 5000);
  });

  it('stores the vote in Redis and marks the chosen button', () => {
    const w = new AppWorld();
    const redis = w.startPod('redis-6f7d', 'schoolofdevops/redis:latest');
    w.startPod('vote-sbvm6', 'schoolofdevops/vote:v1');
    w.addService('instavote', 'redis', '10.104.128.34', 6379, ['redis-6f7d']);
    const r = vote(w, 'a');
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/<button id="a" type="submit" name="vote" class="a" value="a" disabled>Emacs <svg class="check"/);
    expect(r.body).toContain('<button id="b" type="submit" name="vote" class="b" value="b" style="opacity:0.5">Vi</button>');
    const cookie = r.headers.find(([k]) => k === 'Set-Cookie')![1];
    const voter = /voter_id=([0-9a-f]+)/.exec(cookie)![1];
    const stored = redis.app.redis!(['LRANGE', 'votes', '0', '-1']);
    expect(stored).toEqual({ type: 'array', value: [{ type: 'bulk', value: `{"voter_id": "${voter}", "vote": "a"}` }] });
  });

  it('keeps the voter_id cookie it was sent', () => {
    const w = new AppWorld();
    w.startPod('vote-sbvm6', 'schoolofdevops/vote:v1');
    const r = w.pods.get('vote-sbvm6')!.app.http!(request('GET', '/', { headers: [['Cookie', 'voter_id=abc123']] }), 80) as HttpResponse;
    expect(r.headers.find(([k]) => k === 'Set-Cookie')![1]).toBe('voter_id=abc123; Path=/');
  });

  it('differs by tag and follows OPTION_A / OPTION_B', () => {
    const w = new AppWorld();
    const v4 = w.startPod('vote-v4', 'schoolofdevops/vote:v4').app.http!(request('GET', '/'), 80) as HttpResponse;
    expect(v4.body).toContain('<h5>App Version v4</h5>');
    expect(v4.body).toContain('<h3>Nikon vs Canon!</h3>');
    const latest = w.startPod('vote-old', 'schoolofdevops/vote:latest').app.http!(request('GET', '/'), 80) as HttpResponse;
    expect(latest.body).not.toContain('App Version');
    expect(latest.body).toContain('<h3>Cats vs Dogs!</h3>');
    const custom = w
      .startPod('vote-env', 'schoolofdevops/vote:v1', { env: [{ name: 'OPTION_A', value: 'Tabs' }, { name: 'OPTION_B', value: 'Spaces' }] })
      .app.http!(request('GET', '/'), 80) as HttpResponse;
    expect(custom.body).toContain('<title>Tabs vs Spaces!</title>');
  });

  it('answers other paths and methods like Flask', () => {
    const w = new AppWorld();
    const app = w.startPod('vote-sbvm6', 'schoolofdevops/vote:v1').app;
    expect((app.http!(request('GET', '/nope'), 80) as HttpResponse).status).toBe(404);
    expect((app.http!(request('DELETE', '/'), 80) as HttpResponse).body).toBe(werkzeugErrorPage(405));
  });
});
