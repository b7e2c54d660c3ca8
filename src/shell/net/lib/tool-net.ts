// The network as a client tool (curl, wget) sees it: name resolution and TCP
// connect. The simulation's implementation resolves where the tool runs;
// tests give a scripted one. curl resolves `localhost` itself (127.0.0.1,
// then ::1); other names go through the location's resolver. Inside the
// cluster only IPv4 is simulated, so AAAA answers are not tried there.

import type { ExecContext } from '../../types';
import { resolveName } from './resolve';
import { tcpConnect, type TcpAttempt } from './tcp';

export interface ToolNet {
  /** getaddrinfo of a host where the tool runs (numeric hosts included) */
  resolve(host: string): { ok: boolean; addresses: string[]; elapsedMs: number };
  connect(ip: string, port: number): TcpAttempt;
}

export function simulatedNet(ctx: ExecContext, options: { curlLocalhost?: boolean } = {}): ToolNet {
  return {
    resolve(host: string) {
      if (options.curlLocalhost && host.toLowerCase() === 'localhost') return { ok: true, addresses: ['127.0.0.1', '::1'], elapsedMs: 0 };
      const found = resolveName(ctx, host);
      let addresses = found.addresses;
      if (ctx.location.kind !== 'host') addresses = addresses.filter((a) => !a.includes(':') || a === '::1');
      return { ok: found.ok && addresses.length > 0, addresses, elapsedMs: found.elapsedMs };
    },
    connect: (ip, port) => tcpConnect(ctx, ip, port),
  };
}
