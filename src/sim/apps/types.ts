// The contract between the simulated applications and the rest of the
// simulation. Apps never reach into the packet engine or the store: everything
// they need arrives through an AppContext, and everything they do to the
// outside world goes through its network (`PodNetwork`) and log sink.

import type { Rng } from '../core/rng';
import type { DnsTransport } from '../dns/types';
import type { Libc } from '../dns/resolver';
import type { ResolvConf } from '../dns/resolvconf';
import type { HostsEntry } from '../dns/hosts';
import type { ImageInfo } from './images';
import type { Trace } from '../packet/types';

// ------------------------------------------------------------------ network

/**
 * How a TCP connection attempt from a pod ended, as the packet engine decides:
 * accepted by a listening app (after DNAT; `clientAddress` is what the server
 * sees, after any SNAT), refused (RST, or kube-proxy's REJECT of a service
 * without endpoints), or silently dropped.
 */
export type TcpConnectResult = (
  | {
      ok: true;
      /** The app that accepted, if the target runs one (undefined: a port nobody simulates). */
      server: AppInstance | undefined;
      /** The server's view of the client, `ip:port` (`10.244.1.1:43122` after SNAT). */
      clientAddress: string;
      /** Where the connection really landed after DNAT, `ip:port`. */
      serverAddress: string;
      rttMs?: number;
    }
  | { ok: false; error: 'refused' | 'timeout' | 'unreachable' }
) & {
  /** The packet engine's walk of this connection (the same record the trace log keeps). */
  trace?: Trace;
};

/** TCP from one source (a pod's network namespace, or a node). Implemented by the packet engine. */
export interface TcpTransport {
  connect(ip: string, port: number): TcpConnectResult;
}

/** Everything network a container's processes can do, bound to its pod. */
export interface PodNetwork {
  dns: DnsTransport;
  tcp: TcpTransport;
}

// ------------------------------------------------------------------ http

export interface HttpRequest {
  method: string;
  /** Path with query string, as on the request line. */
  path: string;
  version: 'HTTP/1.0' | 'HTTP/1.1';
  /** In the order the client sent them. */
  headers: [string, string][];
  body: string;
  /** `ip:port` of the client as the server sees it (after SNAT). */
  clientAddress: string;
}

export interface HttpResponse {
  status: number;
  reason: string;
  /** In the order the server writes them (Date, Content-Length and the like included). */
  headers: [string, string][];
  body: string;
  /** The server takes this long to answer (a 5 s Redis timeout before the 500). */
  delayMs?: number;
  /**
   * What a browser shows when it differs from the bytes (a single-page app that
   * renders with JavaScript, an Angular template): ready-made HTML for the UI.
   */
  browserBody?: string;
}

/** A server that accepts the connection but answers an HTTP request with nothing (curl: "Empty reply from server"). */
export interface HttpNoResponse {
  status: 0;
  closed: 'empty-reply' | 'reset';
}

// ------------------------------------------------------------------ redis & sql

/** RESP values, as redis-cli prints them. */
export type RespValue =
  | { type: 'status'; value: string }
  | { type: 'error'; value: string }
  | { type: 'integer'; value: number }
  | { type: 'bulk'; value: string | null }
  | { type: 'array'; value: RespValue[] | null };

export interface SqlResult {
  /** `INSERT 0 1`, `UPDATE 1`, `SELECT 2`, `CREATE TABLE`; or an error. */
  command?: string;
  rows?: Record<string, string>[];
  error?: string;
  /** The error's DETAIL line. */
  detail?: string;
}

// ------------------------------------------------------------------ apps

export type LogStream = 'stdout' | 'stderr';

/** What one running container of an app is given. */
export interface AppContext {
  pod: { name: string; namespace: string; ip: string; nodeName: string; uid?: string };
  container: string;
  image: ImageInfo;
  /** The process environment (see dns/env.ts processEnv). */
  env: ReadonlyMap<string, string>;
  /** The container's command line as the process sees it (entrypoint + cmd, or the pod's command/args). */
  argv: readonly string[];
  /** Virtual time in ms. */
  now(): number;
  rng: Rng;
  /**
   * Append one line (without newline) to the container's log. `atMs` is when
   * the program writes it, if later than now (a request that finishes after a
   * timeout logs then).
   */
  log(stream: LogStream, line: string, atMs?: number): void;
  net: PodNetwork;
  /** The container's /etc/resolv.conf and /etc/hosts, and its C library. */
  resolv: { conf: ResolvConf; hosts: readonly HostsEntry[]; libc: Libc };
  /** The container's declared ports (a generic image listens on these). */
  containerPorts: readonly number[];
  /** The node, for programs that print it (nginx logs the kernel; worker counts follow the CPUs). */
  host?: { kernelVersion?: string; cpus?: number };
  /** The main process exits on its own (a crash): the kubelet restarts it per restartPolicy. */
  exit?(code: number): void;
}

export interface AppInstance {
  readonly behaviour: string;
  /** Does the app accept TCP connections on this port? */
  listens(port: number): boolean;
  /** Writes the start-up log. Called once when the container starts. */
  start(): void;
  http?(req: HttpRequest, port: number): HttpResponse | HttpNoResponse;
  redis?(argv: string[]): RespValue;
  sql?(statement: string, params?: string[]): SqlResult;
  /**
   * Background work that is due (retry loops, polling). Returns in how many ms
   * to call again, or undefined for "nothing scheduled". The kubelet calls it
   * once after start() and then when due, on the virtual clock.
   */
  wake?(): number | undefined;
  /** SIGTERM: the shutdown log lines. */
  stop?(): void;
}

export interface AppFactory {
  /** The behaviour id the image catalog refers to. */
  id: string;
  create(ctx: AppContext): AppInstance;
}
