// Resolve a host name and connect, the way a plain client program does it
// (redis-cli, psql): getaddrinfo, then connect() to the first IPv4 address,
// waiting the virtual time each step takes (DNS timeouts, ARP, the kernel's
// SYN retries) so that a hang is a hang. Errors carry the C library's and the
// kernel's texts.

import type { ExecContext } from '../../types';
import { gaiStrerror } from '../../../sim/dns/resolver';
import { waitCancellable } from '../../commands/sleep';
import { resolveName } from './resolve';
import { podPlace } from './where';
import { tcpConnect, ARP_GIVE_UP_MS, SYN_GIVE_UP_MS, type TcpAttempt } from './tcp';

export type ClientConnect =
  | { kind: 'connected'; ip: string; attempt: TcpAttempt & { kind: 'connected' } }
  | { kind: 'resolve-failed'; message: string }
  | { kind: 'connect-failed'; ip: string; message: string }
  | { kind: 'interrupted' };

export async function clientConnect(ctx: ExecContext, host: string, port: number): Promise<ClientConnect> {
  const found = resolveName(ctx, host);
  if (!(await waitCancellable(ctx, Math.round(found.elapsedMs)))) return { kind: 'interrupted' };
  const ip = found.addresses.find((a) => !a.includes(':')) ?? found.addresses[0];
  if (!found.ok || !ip) {
    const libc = podPlace(ctx)?.image.libc;
    return { kind: 'resolve-failed', message: gaiStrerror(found.error ?? 'NONAME', libc === 'musl' || libc === 'uclibc' ? libc : 'glibc') };
  }
  const attempt = tcpConnect(ctx, ip, port);
  switch (attempt.kind) {
    case 'connected':
      if (!(await waitCancellable(ctx, Math.round(attempt.rttMs)))) return { kind: 'interrupted' };
      return { kind: 'connected', ip, attempt };
    case 'refused':
      return { kind: 'connect-failed', ip, message: 'Connection refused' };
    case 'unreachable':
      if (!(await waitCancellable(ctx, attempt.errno === 'EHOSTUNREACH' ? ARP_GIVE_UP_MS : 0))) return { kind: 'interrupted' };
      return { kind: 'connect-failed', ip, message: attempt.errno === 'EHOSTUNREACH' ? 'No route to host' : 'Network is unreachable' };
    case 'timeout':
      if (!(await waitCancellable(ctx, SYN_GIVE_UP_MS))) return { kind: 'interrupted' };
      return { kind: 'connect-failed', ip, message: 'Connection timed out' };
  }
}
