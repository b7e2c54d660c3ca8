// Small HTTP helpers shared by the apps.

import type { HttpRequest } from './types';

export const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function header(req: HttpRequest, name: string): string | undefined {
  const n = name.toLowerCase();
  return req.headers.find(([k]) => k.toLowerCase() === n)?.[1];
}

/** `a=1&b=two%20words` -> { a: '1', b: 'two words' } */
export function parseForm(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const [k, v = ''] = pair.split('=');
    const dec = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    out[dec(k)] = dec(v);
  }
  return out;
}

export function parseCookies(req: HttpRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header(req, 'cookie') ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

/** The client IP of `ip:port` (access logs print the address without the port). */
export function clientIp(req: HttpRequest): string {
  const a = req.clientAddress;
  const i = a.lastIndexOf(':');
  return i > 0 && !a.endsWith(']') ? a.slice(0, i) : a;
}

/** Bytes of a body as sent (UTF-8). */
export function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

export function pathOnly(path: string): string {
  const q = path.indexOf('?');
  return q >= 0 ? path.slice(0, q) : path;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}
