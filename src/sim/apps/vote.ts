// schoolofdevops/vote: Flask under gunicorn (4 sync workers, --keep-alive 0,
// error log to stderr, access log to stdout). One route, `/`:
//  * GET renders the page; it never touches Redis, so it works without it;
//  * POST `vote=a|b` connects to host `redis`, port 6379 (socket timeout 5 s)
//    and RPUSHes `{"voter_id": ..., "vote": ...}` onto `votes`; any failure is
//    uncaught: HTTP 500 with Werkzeug's page, and a traceback in the log;
//  * a `voter_id` cookie is set when the request has none. The app computes it
//    as hex(random.getrandbits(64))[2:-1], written for Python 2 (where hex()
//    ends in "L"); under Python 3 it cuts the last digit instead.
// Access log: gunicorn's default format
//   %(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"
// with the client address as the pod sees it (after SNAT).

import type { AppContext, AppFactory, AppInstance, HttpRequest, HttpResponse } from './types';
import { byteLength, clientIp, header, parseCookies, parseForm, pathOnly, STATUS_TEXT } from './http';
import { commonLogTime, gunicornLogTime, httpDate, pythonLogTime } from './time-format';
import { renderVotePage, voteVariant, werkzeugErrorPage } from './vote-page';
import { connectByName } from './connect';
import { redisTraceback, type RedisFailure } from './vote-traceback';
import { GAI_ERRNO, gaiStrerror } from '../dns/resolver';

/** redis-py's socket_timeout=5 also bounds the connect. */
const REDIS_TIMEOUT_MS = 5000;
const GUNICORN_VERSION = '20.1.0';
const WORKER_PIDS = [7, 8, 9, 10];

class VoteApp implements AppInstance {
  readonly behaviour = 'vote';
  private readonly hostname: string;

  constructor(private readonly ctx: AppContext) {
    this.hostname = ctx.env.get('HOSTNAME') ?? ctx.pod.name;
  }

  listens(port: number): boolean {
    return port === 80;
  }

  start(): void {
    const t = gunicornLogTime(this.ctx.now());
    const log = (pid: number, text: string) => this.ctx.log('stderr', `${t} [${pid}] [INFO] ${text}`);
    log(1, `Starting gunicorn ${GUNICORN_VERSION}`);
    log(1, 'Listening at: http://0.0.0.0:80 (1)');
    log(1, 'Using worker: sync');
    for (const pid of WORKER_PIDS) log(pid, `Booting worker with pid: ${pid}`);
  }

  stop(): void {
    const t = gunicornLogTime(this.ctx.now());
    this.ctx.log('stderr', `${t} [1] [INFO] Handling signal: term`);
    for (const pid of WORKER_PIDS) this.ctx.log('stderr', `${t} [${pid}] [INFO] Worker exiting (pid: ${pid})`);
    this.ctx.log('stderr', `${t} [1] [INFO] Shutting down: Master`);
  }

  http(req: HttpRequest): HttpResponse {
    const path = pathOnly(req.path);
    let status: number;
    let body: string;
    let delayMs = 0;
    const cookies = parseCookies(req);
    const setCookie: string[] = [];
    if (path !== '/') {
      status = 404;
      body = werkzeugErrorPage(404);
    } else if (req.method !== 'GET' && req.method !== 'POST' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
      status = 405;
      body = werkzeugErrorPage(405);
    } else {
      let voterId = cookies.voter_id;
      if (!voterId) {
        // hex(random.getrandbits(64))[2:-1] under Python 3: no leading zeros, last digit cut.
        const hi = this.ctx.rng.nextUint32().toString(16);
        const lo = this.ctx.rng.nextUint32().toString(16).padStart(8, '0');
        voterId = `${hi}${lo}`.replace(/^0+/, '').slice(0, -1);
      }
      const variant = voteVariant(this.ctx.image.ref?.tag ?? 'v1', this.ctx.env);
      let vote: 'a' | 'b' | undefined;
      let failed = false;
      if (req.method === 'POST') {
        const form = parseForm(req.body);
        const choice = form.vote;
        if (choice === undefined) {
          // request.form['vote'] raises BadRequestKeyError: a 400 from Werkzeug.
          return this.respond(req, 400, badRequest(), [], 0);
        }
        const result = this.pushVote(voterId, choice);
        delayMs = result.elapsedMs;
        if (result.failure) {
          failed = true;
          for (const line of redisTraceback(pythonLogTime(this.ctx.now() + delayMs), 'redis', 6379, result.failure)) {
            this.ctx.log('stderr', line, this.ctx.now() + delayMs);
          }
        } else vote = choice === 'a' || choice === 'b' ? choice : undefined;
      }
      if (failed) {
        status = 500;
        body = werkzeugErrorPage(500);
      } else {
        status = 200;
        body = renderVotePage(variant, this.hostname, vote);
        setCookie.push(`voter_id=${voterId}; Path=/`);
      }
    }
    return this.respond(req, status, body, setCookie, delayMs);
  }

  private pushVote(voterId: string, vote: string): { failure?: RedisFailure; elapsedMs: number } {
    const c = connectByName(this.ctx, 'redis', 6379, REDIS_TIMEOUT_MS);
    if (!c.ok) {
      if (c.stage === 'dns') {
        return { failure: { kind: 'dns', errno: GAI_ERRNO[c.error], message: gaiStrerror(c.error, this.ctx.resolv.libc) }, elapsedMs: c.elapsedMs };
      }
      return { failure: { kind: c.error }, elapsedMs: c.elapsedMs };
    }
    const data = JSON.stringify({ voter_id: voterId, vote }).replace(/":"/g, '": "').replace(/","/g, '", "');
    if (!c.server?.redis) return { failure: { kind: 'refused' }, elapsedMs: c.elapsedMs };
    c.server.redis(['RPUSH', 'votes', data]);
    return { elapsedMs: c.elapsedMs };
  }

  private respond(req: HttpRequest, status: number, body: string, setCookie: string[], delayMs: number): HttpResponse {
    const at = this.ctx.now() + delayMs;
    const length = byteLength(body);
    const headers: [string, string][] = [
      ['Server', 'gunicorn'],
      ['Date', httpDate(at)],
      ['Connection', 'close'],
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Content-Length', String(length)],
      ...setCookie.map((c): [string, string] => ['Set-Cookie', c]),
    ];
    const sent = req.method === 'HEAD' ? 0 : length;
    const referer = header(req, 'referer') ?? '-';
    const agent = header(req, 'user-agent') ?? '-';
    this.ctx.log(
      'stdout',
      `${clientIp(req)} - - [${commonLogTime(at)}] "${req.method} ${req.path} ${req.version}" ${status} ${sent || '-'} "${referer}" "${agent}"`,
      at,
    );
    return { status, reason: STATUS_TEXT[status] ?? '', headers, body: req.method === 'HEAD' ? '' : body, delayMs };
  }
}

function badRequest(): string {
  return (
    '<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n' +
    '<p>The browser (or proxy) sent a request that this server could not understand.</p>\n'
  );
}

export const voteApp: AppFactory = { id: 'vote', create: (ctx) => new VoteApp(ctx) };
