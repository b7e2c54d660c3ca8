// schoolofdevops/vote-result: Node/Express with socket.io. It connects to
// Postgres at host `db` (logging "Waiting for db" every second until it can,
// then "Connected to db"), reads `SELECT vote, COUNT(id) AS count FROM votes
// GROUP BY vote` every second and pushes the scores to the browsers.
// The page itself is an Angular template: curl sees the template, a browser
// sees the percentages (rounded to whole numbers, shown with one decimal:
// `Emacs 50.0% | Vi 50.0%`) and `No votes yet` / `1 vote` / `N votes`; the
// latter is `browserBody`. Labels follow OPTION_A / OPTION_B (default Emacs, Vi).

import type { AppContext, AppFactory, AppInstance, HttpRequest, HttpResponse } from './types';
import { byteLength, escapeHtml, pathOnly, STATUS_TEXT } from './http';
import { httpDate } from './time-format';
import { connectByName } from './connect';

const DB_TIMEOUT_MS = 10_000;
const LAST_MODIFIED = Date.UTC(2019, 0, 21, 10, 15, 2);

function template(a: string, b: string): string {
  return `<!DOCTYPE html>
<html ng-app="catsvsdogs">
  <head>
    <meta charset="utf-8">
    <title>Cats vs Dogs -- Result</title>
    <base href="/index.html">
    <meta name = "viewport" content = "width=device-width, initial-scale = 1.0">
    <meta name="keywords" content="docker-compose, docker, stack">
    <meta name="author" content="Docker">
    <link rel='stylesheet' href='/stylesheets/style.css' />
  </head>
  <body ng-controller="statsCtrl" >
    <div id="background-stats">
      <div id="background-stats-1">
      </div><!--
     --><div id="background-stats-2">
      </div>
    </div>
    <div id="content-container">
      <div id="content-container-center">
        <div id="choice">
          <div class="choice cats">
            <div class="label">${a}</div>
            <div class="stat">{{aPercent | number:1}}%</div>
          </div>
          <div class="divider"></div>
          <div class="choice dogs">
            <div class="label">${b}</div>
            <div class="stat">{{bPercent | number:1}}%</div>
          </div>
        </div>
      </div>
    </div>
    <div id="result">
      <span ng-if="total == 0">No votes yet</span>
      <span ng-if="total == 1">{{total}} vote</span>
      <span ng-if="total >= 2">{{total}} votes</span>
    </div>
    <script src="socket.io.js"></script>
    <script src="angular.min.js"></script>
    <script src="app.js"></script>
  </body>
</html>
`;
}

/** app.js's percentages: rounded, the other side takes the rest, 50/50 with no votes. */
export function resultPercentages(a: number, b: number): { a: number; b: number } {
  if (a + b === 0) return { a: 50, b: 50 };
  const pa = Math.round((a / (a + b)) * 100);
  return { a: pa, b: 100 - pa };
}

function rendered(a: string, b: string, votes: { a: number; b: number }): string {
  const p = resultPercentages(votes.a, votes.b);
  const total = votes.a + votes.b;
  const count = total === 0 ? 'No votes yet' : total === 1 ? '1 vote' : `${total} votes`;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Cats vs Dogs -- Result</title>
<style>
body{margin:0;height:100vh;font-family:'Open Sans','Helvetica Neue',Arial,sans-serif;color:#fff;background:#1d6fb8}
#background-stats{position:absolute;inset:0;display:flex}#background-stats-1{background:#2196f3;width:${p.a}%}#background-stats-2{background:#00bcd4;width:${p.b}%}
#content-container{position:relative;z-index:2;display:flex;align-items:center;justify-content:center;height:100%}
#choice{display:flex;align-items:center;font-size:2em}.choice{width:280px;text-align:center}.label{text-transform:uppercase;font-weight:700}.stat{font-size:2em}
.divider{width:2px;height:140px;background:rgba(255,255,255,.6);margin:0 40px}
#result{position:absolute;bottom:40px;right:20px;z-index:3;opacity:.8}
</style></head><body>
<div id="background-stats"><div id="background-stats-1"></div><div id="background-stats-2"></div></div>
<div id="content-container"><div id="choice">
<div class="choice cats"><div class="label">${a}</div><div class="stat">${p.a.toFixed(1)}%</div></div>
<div class="divider"></div>
<div class="choice dogs"><div class="label">${b}</div><div class="stat">${p.b.toFixed(1)}%</div></div>
</div></div>
<div id="result"><span>${count}</span></div>
</body></html>
`;
}

class ResultApp implements AppInstance {
  readonly behaviour = 'result';
  private db?: AppInstance;
  private votes = { a: 0, b: 0 };

  constructor(private readonly ctx: AppContext) {}

  listens(port: number): boolean {
    return port === Number(this.ctx.env.get('PORT') ?? 80);
  }

  start(): void {
    this.ctx.log('stdout', `App running on port ${this.ctx.env.get('PORT') ?? 80}`);
  }

  wake(): number {
    if (!this.db) {
      const c = connectByName(this.ctx, 'db', 5432, DB_TIMEOUT_MS);
      if (c.ok && c.server?.sql) {
        this.db = c.server;
        this.ctx.log('stdout', 'Connected to db', this.ctx.now() + c.elapsedMs);
        return c.elapsedMs;
      }
      this.ctx.log('stderr', 'Waiting for db', this.ctx.now() + c.elapsedMs);
      return c.elapsedMs + 1000;
    }
    const r = this.db.sql!('SELECT vote, COUNT(id) AS count FROM votes GROUP BY vote');
    if (r.error) {
      this.ctx.log('stderr', `Error performing query: error: ${r.error}`);
    } else {
      const v = { a: 0, b: 0 };
      for (const row of r.rows ?? []) if (row.vote === 'a' || row.vote === 'b') v[row.vote] = Number(row.count);
      this.votes = v;
    }
    return 1000;
  }

  /** The current scores, as the browsers get them. */
  scores(): { a: number; b: number } {
    return { ...this.votes };
  }

  http(req: HttpRequest): HttpResponse {
    const path = pathOnly(req.path);
    const a = escapeHtml(this.ctx.env.get('OPTION_A') ?? 'Emacs');
    const b = escapeHtml(this.ctx.env.get('OPTION_B') ?? 'Vi');
    const cors: [string, string][] = [
      ['X-Powered-By', 'Express'],
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Allow-Headers', 'Origin, X-Requested-With, Content-Type, Accept'],
      ['Access-Control-Allow-Methods', 'PUT, GET, POST, DELETE, OPTIONS'],
    ];
    const date: [string, string][] = [
      ['Date', httpDate(this.ctx.now())],
      ['Connection', 'keep-alive'],
    ];
    if ((path === '/' || path === '/index.html') && (req.method === 'GET' || req.method === 'HEAD')) {
      const body = template(a, b);
      const len = byteLength(body);
      const headers: [string, string][] = [
        ...cors,
        ['Accept-Ranges', 'bytes'],
        ['Cache-Control', 'public, max-age=0'],
        ['Last-Modified', httpDate(LAST_MODIFIED)],
        ['ETag', `W/"${len.toString(16)}-${Math.floor(LAST_MODIFIED / 1000).toString(16)}"`],
        ['Content-Type', 'text/html; charset=UTF-8'],
        ['Content-Length', String(len)],
        ...date,
      ];
      return { status: 200, reason: 'OK', headers, body: req.method === 'HEAD' ? '' : body, browserBody: rendered(a, b, this.votes) };
    }
    const body = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${req.method} ${escapeHtml(path)}</pre>\n</body>\n</html>\n`;
    const headers: [string, string][] = [
      ...cors,
      ['Content-Security-Policy', "default-src 'none'"],
      ['X-Content-Type-Options', 'nosniff'],
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Content-Length', String(byteLength(body))],
      ...date,
    ];
    return { status: 404, reason: STATUS_TEXT[404], headers, body };
  }
}

export const resultApp: AppFactory = { id: 'result', create: (ctx) => new ResultApp(ctx) };
