import { describe, expect, it } from 'vitest';
import { parseCurlArgs, type CurlOptions } from './options';
import { buildRequest } from './request';
import { parseUrl } from '../lib/url';

function opts(...args: string[]): CurlOptions {
  const r = parseCurlArgs(args);
  if (!r.ok) throw new Error(r.stderr);
  return r.options;
}

describe('curl option parsing', () => {
  it('clusters short switches and takes a parameter from the rest of the cluster or the next word', () => {
    const o = opts('-sSLv', '-XPOST', '-m5', '-o', 'out.html', 'http://a/');
    expect(o).toMatchObject({ silent: true, showError: true, location: true, verbose: true, request: 'POST', maxTimeMs: 5000, outputs: ['out.html'], urls: ['http://a/'] });
  });

  it('reads decimal seconds for -m and --connect-timeout', () => {
    expect(opts('--max-time', '0.5', '--connect-timeout', '2.25', 'x')).toMatchObject({ maxTimeMs: 500, connectTimeoutMs: 2250 });
  });

  it('accepts unique prefixes of long options and --no- on switches', () => {
    expect(opts('--verb', '--no-verbose', '--sil', 'x')).toMatchObject({ verbose: false, silent: true });
  });

  it('collects repeated -d and -H in order', () => {
    const o = opts('-d', 'a=1', '--data-raw', '@b', '-H', 'X: 1', '-H', 'Y: 2', 'u');
    expect(o.data).toEqual([
      { kind: 'data', value: 'a=1' },
      { kind: 'data-raw', value: '@b' },
    ]);
    expect(o.headers).toEqual(['X: 1', 'Y: 2']);
  });

  it('treats everything after -- as URLs', () => {
    expect(opts('-s', '--', '-v').urls).toEqual(['-v']);
  });

  it('reports errors as curl does, with exit status 2', () => {
    const bad = (args: string[]) => {
      const r = parseCurlArgs(args);
      return r.ok ? undefined : [r.stderr.split('\n')[0], r.exit];
    };
    expect(bad(['-H'])).toEqual(['curl: option -H: requires parameter', 2]);
    expect(bad(['--max-time=3'])).toEqual(['curl: option --max-time=3: is unknown', 2]);
    expect(bad(['--co'])).toEqual(['curl: option --co: is ambiguous', 2]);
    expect(bad(['-m', '1x'])).toEqual(['curl: option -m: expected a proper numerical parameter', 2]);
    expect(bad(['-sW'])).toEqual(['curl: option -sW: is unknown', 2]);
  });
});

describe('the request curl sends', () => {
  const url = (u: string) => {
    const p = parseUrl(u);
    if (!p.ok) throw new Error(u);
    return p.url;
  };
  const base = { head: false, get: false, json: false, http10: false, custom: [] as string[] };

  it('is a GET with Host, User-Agent and Accept', () => {
    const r = buildRequest({ ...base, url: url('172.18.0.3:30000') });
    expect([r.line, ...r.headerLines]).toEqual(['GET / HTTP/1.1', 'Host: 172.18.0.3:30000', 'User-Agent: curl/7.88.1', 'Accept: */*']);
  });

  it('posts form data with its length and type after the -H headers', () => {
    const r = buildRequest({ ...base, url: url('http://vote/'), data: 'vote=a', custom: ['X-A: b'] });
    expect([r.line, ...r.headerLines]).toEqual([
      'POST / HTTP/1.1',
      'Host: vote',
      'User-Agent: curl/7.88.1',
      'Accept: */*',
      'X-A: b',
      'Content-Length: 6',
      'Content-Type: application/x-www-form-urlencoded',
    ]);
    expect(r.body).toBe('vote=a');
  });

  it('lets -H replace or remove curl’s own headers, Host in its own place', () => {
    const r = buildRequest({ ...base, url: url('http://a:8080/x?y=1'), custom: ['Accept:', 'User-Agent: me', 'Host: b'] });
    expect(r.headerLines).toEqual(['Host: b', 'User-Agent: me']);
    expect(r.path).toBe('/x?y=1');
  });

  it('puts -G data in the query string and sends HEAD for -I', () => {
    expect(buildRequest({ ...base, url: url('http://a/s?q=1'), data: 'x=2', get: true }).line).toBe('GET /s?q=1&x=2 HTTP/1.1');
    expect(buildRequest({ ...base, url: url('http://a/'), head: true }).line).toBe('HEAD / HTTP/1.1');
  });
});

describe('URLs as curl takes them', () => {
  it('defaults the scheme and port, keeps a non-default port in Host, drops the fragment', () => {
    expect(parseUrl('redis:6379/x#frag')).toMatchObject({ ok: true, url: { scheme: 'http', host: 'redis', port: 6379, hostHeader: 'redis:6379', path: '/x' } });
    expect(parseUrl('HTTP://a:80')).toMatchObject({ ok: true, url: { hostHeader: 'a', port: 80, path: '/' } });
    expect(parseUrl('http://[::1]:8080/')).toMatchObject({ ok: true, url: { host: '::1', hostHeader: '[::1]:8080' } });
  });

  it('rejects bad ports and unknown schemes', () => {
    expect(parseUrl('http://a:65536/')).toEqual({ ok: false, error: 'malformed' });
    expect(parseUrl('http://a:x/')).toEqual({ ok: false, error: 'malformed' });
    expect(parseUrl('htp://a/')).toEqual({ ok: false, error: 'scheme', scheme: 'htp' });
  });
});
