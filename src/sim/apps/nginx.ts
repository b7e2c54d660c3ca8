// The official nginx image: the stock `Welcome to nginx!` page (byte for byte
// the upstream html/index.html, 615 bytes, the same file Debian ships as
// /usr/share/nginx/html/index.html), nginx's own error pages (CRLF line ends),
// the image's `main` access log format (combined plus "$http_x_forwarded_for")
// to stdout, the error log to stderr, and the entrypoint's start-up lines.

import type { AppContext, AppFactory, AppInstance, HttpRequest, HttpResponse } from './types';
import { clientIp, header, pathOnly } from './http';
import { commonLogTime, httpDate, slashTime } from './time-format';

export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** The image's /usr/share/nginx/html/50x.html (the stock page; the default config serves it for 5xx errors). */
export const NGINX_50X_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

/** nginx's own status texts (its 405 is "Not Allowed"). */
const NGINX_STATUS: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** nginx's built-in error page for a status, e.g. 404 Not Found. */
export function nginxErrorPage(status: number, version: string): string {
  const title = `${status} ${NGINX_STATUS[status] ?? ''}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

/** When the image's index.html was written (1.27.3's build); Last-Modified and the ETag follow from it. */
const INDEX_MTIME_MS = Date.UTC(2024, 10, 26, 15, 55, 0);

class NginxApp implements AppInstance {
  readonly behaviour = 'nginx';
  private readonly version: string;
  private readonly workers: number[];
  private connections = 0;

  constructor(private readonly ctx: AppContext) {
    this.version = ctx.image.appVersion ?? '1.27.3';
    const cpus = ctx.host?.cpus ?? 4;
    this.workers = Array.from({ length: cpus }, (_, i) => 29 + i);
  }

  listens(port: number): boolean {
    return port === 80;
  }

  start(): void {
    const out = (s: string) => this.ctx.log('stdout', s);
    const ep = '/docker-entrypoint.sh';
    out(`${ep}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`);
    out(`${ep}: Looking for shell scripts in /docker-entrypoint.d/`);
    out(`${ep}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`);
    out('10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf');
    out('10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf');
    out(`${ep}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`);
    out(`${ep}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`);
    out(`${ep}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`);
    out(`${ep}: Configuration complete; ready for start up`);
    const t = slashTime(this.ctx.now());
    const notice = (s: string) => this.ctx.log('stderr', `${t} [notice] 1#1: ${s}`);
    notice('using the "epoll" event method');
    notice(`nginx/${this.version}`);
    notice('built by gcc 12.2.0 (Debian 12.2.0-14) ');
    notice(`OS: Linux ${this.ctx.host?.kernelVersion ?? '6.8.0-51-generic'}`);
    notice('getrlimit(RLIMIT_NOFILE): 1048576:1048576');
    notice('start worker processes');
    for (const pid of this.workers) notice(`start worker process ${pid}`);
  }

  stop(): void {
    // STOPSIGNAL SIGQUIT: graceful shutdown.
    const t = slashTime(this.ctx.now());
    const notice = (pid: number, s: string) => this.ctx.log('stderr', `${t} [notice] ${pid}#${pid}: ${s}`);
    notice(1, 'signal 3 (SIGQUIT) received, shutting down');
    for (const pid of this.workers) {
      notice(pid, 'gracefully shutting down');
      notice(pid, 'exiting');
      notice(pid, 'exit');
    }
    for (const pid of this.workers) {
      notice(1, `signal 17 (SIGCHLD) received from ${pid}`);
      notice(1, `worker process ${pid} exited with code 0`);
    }
    notice(1, 'exit');
  }

  http(req: HttpRequest): HttpResponse {
    const now = this.ctx.now();
    const path = pathOnly(req.path);
    const conn = ++this.connections;
    let status = 200;
    let body = NGINX_INDEX_HTML;
    let extra: [string, string][] = [];
    if (path !== '/' && path !== '/index.html') {
      status = 404;
      body = nginxErrorPage(404, this.version);
      const host = header(req, 'host');
      this.ctx.log(
        'stderr',
        `${slashTime(now)} [error] ${this.workers[0]}#${this.workers[0]}: *${conn} open() "/usr/share/nginx/html${path}" failed (2: No such file or directory), ` +
          `client: ${clientIp(req)}, server: localhost, request: "${req.method} ${req.path} ${req.version}"${host ? `, host: "${host}"` : ''}`,
      );
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      status = 405;
      body = nginxErrorPage(405, this.version);
    } else {
      const mtime = Math.floor(INDEX_MTIME_MS / 1000);
      extra = [
        ['Last-Modified', httpDate(INDEX_MTIME_MS)],
        ['Connection', req.version === 'HTTP/1.1' ? 'keep-alive' : 'close'],
        ['ETag', `"${mtime.toString(16)}-${NGINX_INDEX_HTML.length.toString(16)}"`],
        ['Accept-Ranges', 'bytes'],
      ];
    }
    const headers: [string, string][] = [
      ['Server', `nginx/${this.version}`],
      ['Date', httpDate(now)],
      ['Content-Type', 'text/html'],
      ['Content-Length', String(body.length)],
      ...(status === 200 ? extra : [['Connection', req.version === 'HTTP/1.1' ? 'keep-alive' : 'close'] as [string, string]]),
    ];
    const sent = req.method === 'HEAD' ? 0 : body.length;
    this.ctx.log(
      'stdout',
      `${clientIp(req)} - - [${commonLogTime(now)}] "${req.method} ${req.path} ${req.version}" ${status} ${sent} "${header(req, 'referer') ?? '-'}" "${header(req, 'user-agent') ?? '-'}" "${header(req, 'x-forwarded-for') ?? '-'}"`,
    );
    return { status, reason: NGINX_STATUS[status] ?? '', headers, body: req.method === 'HEAD' ? '' : body };
  }
}

export const nginxApp: AppFactory = { id: 'nginx', create: (ctx) => new NginxApp(ctx) };
