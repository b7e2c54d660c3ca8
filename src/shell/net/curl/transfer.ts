// One curl transfer (a URL, and the redirects -L follows), as curl 7.88.1
// performs and narrates it: resolve, try each address, send the request, wait
// for the answer, write the body; the -v lines, the progress meter and the
// error, each at the virtual moment it happens. The network is whatever
// `CurlNet` gives (the simulation, or a scripted one in tests).

import type { TcpAttempt } from '../lib/tcp';
import type { ToolNet } from '../lib/tool-net';
import { SYN_GIVE_UP_MS, ARP_GIVE_UP_MS } from '../lib/tcp';
import { parseUrl, type ParsedUrl } from '../lib/url';
import { METER_HEADER, meterLine } from './meter';
import { TransferClock, type Waiter } from './clock';
import { buildRequest, type CurlRequest, type RequestInput } from './request';
import { byteLength, exchange, headerValue, headText, keepsAlive, type Exchange, type HttpAnswer } from './response';
import { COULDNT_CONNECT_TEXT, CURLE, CurlFailure, ERRNO_TEXT, TIMEOUT_TEXT, URL_MALFORMAT_TEXT } from './errors';

/** The network curl uses (the simulation's, or a scripted one in tests). */
export type CurlNet = ToolNet;

export interface TransferSettings {
  verbose: boolean;
  /** show the progress meter */
  meter: boolean;
  /** `{ [N bytes data]` lines: shown unless the body goes to a terminal */
  dataTraces: boolean;
  include: boolean;
  fail: boolean;
  location: boolean;
  maxRedirs: number;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  request: Omit<RequestInput, 'url'>;
}

export interface TransferStats {
  httpCode: number;
  httpVersion: string;
  method: string;
  scheme: string;
  urlEffective: string;
  remoteIp: string;
  remotePort: number | '';
  localIp: string;
  localPort: number | '';
  numConnects: number;
  numRedirects: number;
  redirectUrl: string;
  contentType: string;
  sizeDownload: number;
  sizeHeader: number;
  sizeRequest: number;
  sizeUpload: number;
  timeNamelookup: number;
  timeConnect: number;
  timeStarttransfer: number;
  timeTotal: number;
}

export interface TransferResult {
  code: number;
  message: string;
  stats: TransferStats;
  interrupted: boolean;
}

interface OpenConnection {
  id: number;
  host: string;
  port: number;
  ip: string;
  attempt: TcpAttempt & { kind: 'connected' };
}

/** State kept across the URLs of one curl command: connection numbers, the connection cache. */
export class CurlSession {
  nextId = 0;
  open?: OpenConnection;
  /** a fake but stable address for `Found bundle for host` */
  readonly bundle = '0x55d3b41a52c0';
  /** names resolved earlier in this command */
  readonly dnsCache = new Map<string, string[]>();
}

export interface TransferIO extends Waiter {
  stderr(text: string): void;
  /** the body (and -i headers), where it goes */
  body(text: string): void;
}

function hostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export class Transfer {
  private readonly clock: TransferClock;
  private readonly stats: TransferStats;
  private url!: ParsedUrl;

  constructor(
    private readonly net: CurlNet,
    private readonly io: TransferIO,
    private readonly session: CurlSession,
    private readonly s: TransferSettings,
  ) {
    this.clock = new TransferClock(io, (t) => io.stderr(t), s.maxTimeMs);
    this.stats = {
      httpCode: 0, httpVersion: '0', method: 'GET', scheme: '', urlEffective: '', remoteIp: '', remotePort: '', localIp: '', localPort: '',
      numConnects: 0, numRedirects: 0, redirectUrl: '', contentType: '', sizeDownload: 0, sizeHeader: 0, sizeRequest: 0, sizeUpload: 0,
      timeNamelookup: 0, timeConnect: 0, timeStarttransfer: 0, timeTotal: 0,
    };
  }

  private info(line: string): void {
    if (this.s.verbose) this.io.stderr(`* ${line}\n`);
  }

  private done(code: number, message: string, interrupted = false): TransferResult {
    this.stats.timeTotal = this.clock.elapsed / 1000;
    return { code, message, stats: this.stats, interrupted };
  }

  async run(rawUrl: string): Promise<TransferResult> {
    const parsed = parseUrl(rawUrl);
    if (!parsed.ok) {
      this.stats.urlEffective = rawUrl;
      if (parsed.error === 'scheme') {
        const msg = `Protocol "${parsed.scheme}" not supported or disabled in libcurl`;
        this.info(msg);
        this.info('Closing connection -1');
        return this.done(CURLE.UNSUPPORTED_PROTOCOL, msg);
      }
      this.info('Closing connection -1');
      return this.done(CURLE.URL_MALFORMAT, URL_MALFORMAT_TEXT);
    }
    if (this.s.meter) {
      this.io.stderr(METER_HEADER);
      this.io.stderr(meterLine({ elapsedMs: 0, downloaded: 0, uploaded: 0, uploadSize: 0 }));
      this.clock.meter = { elapsedMs: 0, downloaded: 0, uploaded: 0, uploadSize: 0 };
    }
    try {
      return await this.follow(parsed.url);
    } catch (e) {
      if (e instanceof Interrupted) return this.done(0, '', true);
      if (e instanceof CurlFailure) return this.done(e.code, e.message);
      throw e;
    }
  }

  private async wait(ms: number, onDeadline: () => CurlFailure): Promise<void> {
    const r = await this.clock.advance(ms);
    if (r === 'interrupted') throw new Interrupted();
    if (r === 'deadline') throw onDeadline();
  }

  /** A failure after the transfer got going: the meter's last line, then the connection closes. */
  private failAfterStart(code: number, message: string, connection: string): CurlFailure {
    this.clock.finalMeter();
    this.info(`Closing connection ${connection}`);
    return new CurlFailure(code, message);
  }

  private timedOutAfterConnect(connId: number): CurlFailure {
    const msg = `Operation timed out after ${this.s.maxTimeMs! + 1} milliseconds with ${this.stats.sizeDownload} bytes received`;
    this.info(msg);
    return this.failAfterStart(CURLE.OPERATION_TIMEDOUT, msg, String(connId));
  }

  private async follow(first: ParsedUrl): Promise<TransferResult> {
    let url = first;
    let method = this.s.request.method;
    let data = this.s.request.data;
    for (let redirects = 0; ; redirects++) {
      this.url = url;
      const answer = await this.once(url, method, data);
      const location = headerValue(answer, 'location');
      const redirect = answer.status >= 300 && answer.status < 400 && location !== undefined;
      if (!redirect || !this.s.location) return this.done(0, '');
      if (redirects >= this.s.maxRedirs) {
        throw this.failAfterStart(CURLE.TOO_MANY_REDIRECTS, `Maximum (${this.s.maxRedirs}) redirects followed`, String(this.session.open?.id ?? 0));
      }
      const next = resolveLocation(url, location!);
      const parsed = parseUrl(next);
      if (!parsed.ok) throw new CurlFailure(CURLE.URL_MALFORMAT, URL_MALFORMAT_TEXT);
      this.info(`Issue another request to this URL: '${parsed.url.normalized}'`);
      this.stats.numRedirects++;
      // 301/302/303 turn a POST into a GET, as curl does without --post30x
      // (a method forced with -X stays, as it does in curl).
      if ([301, 302, 303].includes(answer.status) && method === undefined && data !== undefined) data = undefined;
      url = parsed.url;
    }
  }

  /** Resolve and connect, or reuse the open connection to the same host and port. */
  private async connection(url: ParsedUrl): Promise<OpenConnection> {
    const cached = this.session.open;
    if (cached && cached.host === url.host && cached.port === url.port) {
      this.info(`Found bundle for host: ${this.session.bundle} [serially]`);
      this.info('Can not multiplex, even if we wanted to');
      this.info(`Re-using existing connection #${cached.id} with host ${url.host}`);
      this.noteConnection(cached);
      return cached;
    }
    this.session.open = undefined;
    const cachedNames = this.session.dnsCache.get(url.host.toLowerCase());
    if (cachedNames) this.info(`Hostname ${url.host} was found in DNS cache`);
    const found = cachedNames ? { ok: true, addresses: cachedNames, elapsedMs: 0 } : this.net.resolve(url.host);
    if (found.ok && !cachedNames) this.session.dnsCache.set(url.host.toLowerCase(), found.addresses);
    await this.wait(found.elapsedMs, () => {
      const msg = `Resolving timed out after ${this.s.maxTimeMs! + 1} milliseconds`;
      this.info(msg);
      return this.failAfterStart(CURLE.OPERATION_TIMEDOUT, msg, '0');
    });
    this.stats.timeNamelookup = this.clock.elapsed / 1000;
    if (!found.ok || found.addresses.length === 0) {
      const msg = `Could not resolve host: ${url.host}`;
      this.info(msg);
      this.info(`Closing connection ${this.session.nextId++}`);
      throw new CurlFailure(CURLE.COULDNT_RESOLVE_HOST, msg);
    }
    const id = this.session.nextId;
    let failure: { code: number; text: string } = { code: CURLE.COULDNT_CONNECT, text: COULDNT_CONNECT_TEXT };
    for (const ip of found.addresses) {
      this.info(`  Trying ${hostPort(ip, url.port)}...`);
      const attempt = this.net.connect(ip, url.port);
      this.stats.numConnects++;
      switch (attempt.kind) {
        case 'connected': {
          await this.wait(attempt.rttMs, () => this.connectDeadline(id));
          this.session.nextId++;
          this.info(`Connected to ${url.host} (${ip}) port ${url.port} (#${id})`);
          this.stats.timeConnect = this.clock.elapsed / 1000;
          const conn = { id, host: url.host, port: url.port, ip, attempt };
          this.noteConnection(conn);
          this.session.open = conn;
          return conn;
        }
        case 'refused':
          await this.wait(attempt.rttMs, () => this.connectDeadline(id));
          this.info(`connect to ${ip} port ${url.port} failed: ${ERRNO_TEXT.ECONNREFUSED}`);
          failure = { code: CURLE.COULDNT_CONNECT, text: COULDNT_CONNECT_TEXT };
          break;
        case 'unreachable':
          if (attempt.errno === 'ENETUNREACH') {
            this.info(`Immediate connect fail for ${ip}: ${ERRNO_TEXT.ENETUNREACH}`);
          } else {
            await this.wait(ARP_GIVE_UP_MS, () => this.connectDeadline(id));
            this.info(`connect to ${ip} port ${url.port} failed: ${ERRNO_TEXT.EHOSTUNREACH}`);
          }
          failure = { code: CURLE.COULDNT_CONNECT, text: COULDNT_CONNECT_TEXT };
          break;
        case 'timeout': {
          const ct = this.s.connectTimeoutMs;
          if (ct !== undefined && ct < SYN_GIVE_UP_MS && (this.s.maxTimeMs === undefined || ct < this.s.maxTimeMs)) {
            await this.wait(ct, () => this.connectDeadline(id));
            this.info(`ipv4 connect timeout after ${ct}ms, move on!`);
            const msg = `Failed to connect to ${url.host} port ${url.port} after ${ct + 1} ms: ${TIMEOUT_TEXT}`;
            this.info(msg);
            throw this.failAfterStart(CURLE.OPERATION_TIMEDOUT, msg, String(id));
          }
          await this.wait(SYN_GIVE_UP_MS, () => this.connectDeadline(id));
          this.info(`connect to ${ip} port ${url.port} failed: ${ERRNO_TEXT.ETIMEDOUT}`);
          failure = { code: CURLE.OPERATION_TIMEDOUT, text: COULDNT_CONNECT_TEXT };
          break;
        }
      }
    }
    const msg = `Failed to connect to ${url.host} port ${url.port} after ${this.clock.ms} ms: ${failure.text}`;
    this.info(msg);
    this.session.nextId++;
    throw this.failAfterStart(failure.code, msg, String(id));
  }

  private noteConnection(conn: OpenConnection): void {
    this.stats.remoteIp = conn.ip;
    this.stats.remotePort = conn.port;
    const a = conn.attempt.clientAddress;
    const colon = a.lastIndexOf(':');
    this.stats.localIp = a.slice(0, colon).replace(/^\[|\]$/g, '');
    this.stats.localPort = Number(a.slice(colon + 1));
  }

  private connectDeadline(id: number): CurlFailure {
    const msg = `Connection timed out after ${this.s.maxTimeMs! + 1} milliseconds`;
    this.info(msg);
    return this.failAfterStart(CURLE.OPERATION_TIMEDOUT, msg, String(id));
  }

  /** One request and its response on a connection; returns the response (for redirects). */
  private async once(url: ParsedUrl, method: string | undefined, data: string | undefined): Promise<HttpAnswer> {
    this.stats.scheme = url.scheme.toUpperCase();
    this.stats.urlEffective = url.normalized;
    const conn = await this.connection(url);
    const req: CurlRequest = buildRequest({ ...this.s.request, url, method, data });
    this.stats.method = req.method;
    this.sendRequest(req);
    const ex: Exchange = exchange(conn.attempt, req);
    const rtt = conn.attempt.rttMs;
    if (ex.kind !== 'response') {
      await this.wait(rtt, () => this.timedOutAfterConnect(conn.id));
      this.session.open = undefined;
      const [code, msg] =
        ex.kind === 'empty'
          ? [CURLE.GOT_NOTHING, 'Empty reply from server']
          : ex.kind === 'reset'
            ? [CURLE.RECV_ERROR, 'Recv failure: Connection reset by peer']
            : [CURLE.UNSUPPORTED_PROTOCOL, 'Received HTTP/0.9 when not allowed'];
      this.info(msg);
      throw this.failAfterStart(code, msg, String(conn.id));
    }
    const res = ex.response;
    await this.wait(rtt + res.delayMs, () => this.timedOutAfterConnect(conn.id));
    this.stats.timeStarttransfer = this.clock.elapsed / 1000;
    await this.receive(res, req, conn);
    return res;
  }

  /**
   * `-X HEAD` (not -I): curl still expects the Content-Length bytes the server
   * never sends after a HEAD. It waits until the server closes (nginx after
   * its 65 s keep-alive timeout, a `Connection: close` server at once) or -m.
   */
  private async awaitMissingBody(res: HttpAnswer, conn: OpenConnection): Promise<void> {
    const expected = Number(headerValue(res, 'content-length') ?? 0);
    if (!expected) return;
    const closesAfter = keepsAlive(res) ? 65_000 : 0;
    await this.wait(closesAfter, () => {
      const msg = `Operation timed out after ${this.s.maxTimeMs! + 1} milliseconds with 0 out of ${expected} bytes received`;
      this.info(msg);
      return this.failAfterStart(CURLE.OPERATION_TIMEDOUT, msg, String(conn.id));
    });
    this.session.open = undefined;
    const msg = `transfer closed with ${expected} bytes remaining to read`;
    this.info(msg);
    throw this.failAfterStart(CURLE.PARTIAL_FILE, msg, String(conn.id));
  }

  private sendRequest(req: CurlRequest): void {
    const head = [req.line, ...req.headerLines].map((l) => `${l}\r\n`).join('') + '\r\n';
    if (this.s.verbose) this.io.stderr(head.split('\r\n').slice(0, -1).map((l) => `> ${l}\r\n`).join(''));
    const bodyBytes = byteLength(req.body);
    this.stats.sizeRequest += byteLength(head) + bodyBytes;
    this.stats.sizeUpload += bodyBytes;
    if (bodyBytes && this.s.verbose && this.s.dataTraces) this.io.stderr(`} [${bodyBytes} bytes data]\n`);
    if (this.clock.meter) this.clock.meter = { ...this.clock.meter, uploaded: bodyBytes, uploadSize: bodyBytes };
  }

  private async receive(res: HttpAnswer, req: CurlRequest, conn: OpenConnection): Promise<void> {
    const head = headText(res);
    this.stats.httpCode = res.status;
    this.stats.httpVersion = res.version.replace('HTTP/', '');
    this.stats.sizeHeader += byteLength(head);
    this.stats.contentType = headerValue(res, 'content-type') ?? '';
    const location = headerValue(res, 'location');
    if (location && res.status >= 300 && res.status < 400) this.stats.redirectUrl = parseUrlOr(resolveLocation(this.url, location));
    if (res.version === 'HTTP/1.0') this.info('HTTP 1.0, assume close after body');
    const failing = this.s.fail && res.status >= 400;
    if (this.s.verbose) {
      const lines = head.split('\r\n').slice(0, -1);
      // With --fail curl stops reading at the end of the headers, before the blank line.
      const shown = failing ? lines.slice(0, -1) : lines;
      this.io.stderr(shown.map((l) => `< ${l}\r\n`).join(''));
    }
    if (failing) {
      const msg = `The requested URL returned error: ${res.status}`;
      this.info(msg);
      this.session.open = undefined;
      throw this.failAfterStart(CURLE.HTTP_RETURNED_ERROR, msg, String(conn.id));
    }
    if (this.s.include || this.s.request.head) this.io.body(head);
    if (req.method === 'HEAD' && !this.s.request.head) await this.awaitMissingBody(res, conn);
    const redirecting = this.s.location && location !== undefined && res.status >= 300 && res.status < 400;
    const bytes = byteLength(res.body);
    if (redirecting && bytes > 0) this.info('Ignoring the response-body');
    if (bytes > 0) {
      if (this.s.verbose && this.s.dataTraces) this.io.stderr(`{ [${Math.min(bytes, 16384)} bytes data]\n`);
      if (!redirecting) this.io.body(res.body);
    }
    this.stats.sizeDownload += bytes;
    if (this.clock.meter) this.clock.meter = { ...this.clock.meter, downloaded: bytes, downloadSize: bytes };
    if (!redirecting) this.clock.finalMeter();
    if (keepsAlive(res)) {
      this.info(`Connection #${conn.id} to host ${conn.host} left intact`);
    } else {
      this.info(`Closing connection ${conn.id}`);
      this.session.open = undefined;
    }
  }
}

class Interrupted extends Error {}

/** A Location header against the URL it came from. */
export function resolveLocation(base: ParsedUrl, location: string): string {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(location)) return location;
  const origin = `${base.scheme}://${base.hostHeader}`;
  if (location.startsWith('//')) return `${base.scheme}:${location}`;
  if (location.startsWith('/')) return origin + location;
  const dir = base.path.split('?')[0].replace(/[^/]*$/, '');
  return origin + dir + location;
}

function parseUrlOr(u: string): string {
  const p = parseUrl(u);
  return p.ok ? p.url.normalized : u;
}

