import { describe, expect, it } from 'vitest';
import { AppWorld, request } from '../../../test/fixtures/dns/app-world';
import type { HttpResponse } from './types';
import { kuardVersionColor, type KuardInstance } from './kuard';
import { fnv32a } from '../core/ids';

function kuard(world = new AppWorld()) {
  const p = world.startPod('kuard', 'gcr.io/kuar-demo/kuard-amd64:blue', { ns: 'instavote' });
  const call = (method: string, path: string, body = '') => p.app.http!(request(method, path, { body }), 8080) as HttpResponse;
  return { world, p, call, app: p.app as KuardInstance };
}

describe('kuard', () => {
  it('logs its start-up with the Go log prefix', () => {
    const { p } = kuard();
    const text = p.logs.map((l) => l.text);
    expect(text.slice(0, 5)).toEqual([
      '2026/01/12 10:00:00 Starting kuard version: v0.10.0-blue',
      `2026/01/12 10:00:00 ${'*'.repeat(70)}`,
      '2026/01/12 10:00:00 * WARNING: This server may expose sensitive',
      '2026/01/12 10:00:00 * and secret information. Be careful.',
      `2026/01/12 10:00:00 ${'*'.repeat(70)}`,
    ]);
    expect(text).toContain('2026/01/12 10:00:00 Config: ');
    expect(text[text.length - 1]).toBe('2026/01/12 10:00:00 Serving on HTTP on :8080');
  });

  it('serves the page shell with the page context', () => {
    const { call } = kuard();
    const r = call('GET', '/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>KUAR Demo</title>');
    expect(r.body).toContain(
      `var pageContext = {"urlBase":"","hostname":"kuard","addrs":["10.244.1.10"],"version":"v0.10.0-blue","versionColor":"hsl(${fnv32a('v0.10.0-blue') % 360},100%,50%)","requestDump":"GET / HTTP/1.1\\r\\nHost: 10.96.100.1\\r\\nAccept: */*\\r\\nUser-Agent: curl/8.5.0","requestProto":"HTTP/1.1","requestAddr":"10.244.1.1:51234"}`,
    );
    expect(r.headers.map(([k]) => k)).toEqual(['Date', 'Content-Length', 'Content-Type']);
    expect(r.browserBody).toContain('Demo application version <i>v0.10.0-blue</i>');
    expect(call('GET', '/-/env').browserBody).toContain('KUBERNETES_SERVICE_HOST');
    expect(kuardVersionColor('v0.10.0-blue')).toMatch(/^hsl\(\d+,100%,50%\)$/);
  });

  it('readiness: ok, then fail the next N, then ok again; permanent failure', () => {
    const { call, app } = kuard();
    const ready = call('GET', '/ready');
    expect([ready.status, ready.body]).toEqual([200, 'ok']);
    expect(ready.headers.map(([k]) => k)).toEqual(['Content-Type', 'Date', 'Content-Length']);
    const put = call('PUT', '/ready/api', '{"failNext":3}');
    expect(JSON.parse(put.body)).toMatchObject({ probePath: '/ready', failNext: 3 });
    expect(app.readinessState()).toEqual({ failNext: 3, ready: false });
    expect([1, 2, 3, 4].map(() => `${call('GET', '/ready').status} ${call('GET', '/healthy').status}`)).toEqual(['500 200', '500 200', '500 200', '200 200']);
    app.setFailNext('readiness', -1);
    expect(call('GET', '/ready').body).toBe('fail, permanent');
    const history = JSON.parse(call('GET', '/ready/api').body).history;
    expect(history[0]).toMatchObject({ id: 6, code: 500 });
    expect(history.length).toBe(6);
  });

  it('counts down in its messages', () => {
    const { call } = kuard();
    call('PUT', '/healthy/api', '{"failNext":2}');
    expect([call('GET', '/healthy').body, call('GET', '/healthy').body, call('GET', '/healthy').body]).toEqual(['fail, 1 left', 'fail, 0 left', 'ok']);
  });

  it('shows its environment, including service variables of services that existed at start', () => {
    const world = new AppWorld();
    world.addService('instavote', 'redis', '10.104.128.34', 6379);
    const { call } = kuard(world);
    const env = JSON.parse(call('GET', '/env/api').body);
    expect(env.commandLine).toEqual(['/kuard']);
    expect(env.env).toMatchObject({ HOSTNAME: 'kuard', HOME: '/', KUBERNETES_SERVICE_HOST: '10.96.0.1', REDIS_SERVICE_HOST: '10.104.128.34', REDIS_PORT: 'tcp://10.104.128.34:6379' });
  });

  it('answers DNS queries through the search list, as miekg/dns prints them', () => {
    const world = new AppWorld();
    world.addService('instavote', 'redis', '10.104.128.34', 6379);
    const { call } = kuard(world);
    const r = call('POST', '/dns/api', '{"type":"A","name":"redis"}');
    const result = JSON.parse(r.body).result as string;
    expect(result.replace(/id: \d+/, 'id: ID')).toBe(
      ';; opcode: QUERY, status: NOERROR, id: ID\n;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 0\n\n' +
        ';; QUESTION SECTION:\n;redis.instavote.svc.cluster.local.\tIN\t A\n\n' +
        ';; ANSWER SECTION:\nredis.instavote.svc.cluster.local.\t30\tIN\tA\t10.104.128.34\n',
    );
    const miss = JSON.parse(call('POST', '/dns/api', '{"type":"A","name":"nosuch"}').body).result as string;
    expect(miss).toMatch(/^;; opcode: QUERY, status: NXDOMAIN, id: \d+\n;; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 0\n/);
    expect(miss).toContain(';nosuch.\tIN\t A\n');
    expect(miss).toContain('\n;; AUTHORITY SECTION:\n.\t30\tIN\tSOA\ta.root-servers.net. nstld.verisign-grs.com. 2026011200 1800 900 604800 86400\n');
    expect(call('POST', '/dns/api', '{"type":"BOGUS","name":"x"}').body).toBe('Unknown DNS type: BOGUS\n');
  });

  it('logs every request and answers unknown paths like httprouter', () => {
    const { call, p } = kuard();
    const r = call('GET', '/nope');
    expect([r.status, r.body]).toEqual([404, '404 page not found\n']);
    expect(p.logs[p.logs.length - 1].text).toBe('2026/01/12 10:00:00 10.244.1.1:51234 GET /nope');
    expect(call('GET', '/metrics').body).toContain('request_duration_seconds_count{method="GET",route="/nope",status_code="404"} 1\n');
  });
});
