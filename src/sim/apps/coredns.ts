// CoreDNS as a process: its start-up log and its HTTP side (health on 8080,
// ready on 8181, Prometheus metrics on 9153). The DNS answers themselves come
// from src/sim/dns, which serves every CoreDNS pod of the cluster.

import type { AppContext, AppFactory, AppInstance, HttpRequest, HttpResponse } from './types';
import { byteLength, pathOnly } from './http';
import { httpDate } from './time-format';

const VERSION = '1.11.3';
const GO = 'go1.21.11';
const REVISION = 'a6338e9';
/** reload's hash of kubeadm's default Corefile (the one kind installs). */
const COREFILE_SHA512 = '591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908';

const METRICS = `# HELP coredns_build_info A metric with a constant '1' value labeled by version, revision, and goversion from which CoreDNS was built.
# TYPE coredns_build_info gauge
coredns_build_info{goversion="${GO}",revision="${REVISION}",version="${VERSION}"} 1
# HELP coredns_health_request_failures_total The number of times the health check failed.
# TYPE coredns_health_request_failures_total counter
coredns_health_request_failures_total 0
`;

class CoreDnsApp implements AppInstance {
  readonly behaviour = 'coredns';
  constructor(private readonly ctx: AppContext) {}

  listens(port: number): boolean {
    return port === 8080 || port === 8181 || port === 9153;
  }

  start(): void {
    for (const line of ['.:53', `[INFO] plugin/reload: Running configuration SHA512 = ${COREFILE_SHA512}`, `CoreDNS-${VERSION}`, `linux/amd64, ${GO}, ${REVISION}`]) {
      this.ctx.log('stdout', line);
    }
  }

  http(req: HttpRequest, port: number): HttpResponse {
    const path = pathOnly(req.path);
    if (port === 8080 && path === '/health') return this.reply(200, 'OK');
    if (port === 8181 && path === '/ready') return this.reply(200, 'OK');
    if (port === 9153 && path === '/metrics') return this.reply(200, METRICS, 'text/plain; version=0.0.4; charset=utf-8');
    return this.reply(404, '404 page not found\n');
  }

  /** Go's net/http: Date, Content-Length, Content-Type for a short body. */
  private reply(status: number, body: string, type = 'text/plain; charset=utf-8'): HttpResponse {
    return {
      status,
      reason: status === 200 ? 'OK' : 'Not Found',
      headers: [
        ['Date', httpDate(this.ctx.now())],
        ['Content-Length', String(byteLength(body))],
        ['Content-Type', type],
      ],
      body,
    };
  }
}

export const corednsApp: AppFactory = { id: 'coredns', create: (ctx) => new CoreDnsApp(ctx) };
