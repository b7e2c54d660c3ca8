// The HTTP request curl 7.88 sends: the method from -X / -I / -d / -G, the
// request line, its own headers in libcurl's order (Host, Authorization,
// User-Agent, Accept, Referer), the -H headers after them (a -H header with
// the name of one of curl's own replaces it; `Name:` removes it; `Name;` sends
// it empty), then Content-Length and Content-Type for a body.

import type { ParsedUrl } from '../lib/url';

export const CURL_VERSION = '7.88.1';

export interface CurlRequest {
  method: string;
  /** the request line without CRLF */
  line: string;
  version: 'HTTP/1.0' | 'HTTP/1.1';
  path: string;
  /** header lines as sent (and as -v shows them), without CRLF */
  headerLines: string[];
  /** the same headers as (name, value) pairs for the server */
  headers: [string, string][];
  body: string;
}

export interface RequestInput {
  url: ParsedUrl;
  method?: string;
  head: boolean;
  /** the -d data, joined; undefined when none was given */
  data?: string;
  /** -G: the data goes into the query string */
  get: boolean;
  json: boolean;
  http10: boolean;
  userAgent?: string;
  referer?: string;
  custom: string[];
}

function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** The method curl uses without -X. */
export function defaultMethod(input: Pick<RequestInput, 'head' | 'data' | 'get'>): string {
  if (input.head) return 'HEAD';
  if (input.data !== undefined && !input.get) return 'POST';
  return 'GET';
}

export function buildRequest(input: RequestInput): CurlRequest {
  const { url } = input;
  let path = url.path;
  let body = '';
  const sendsBody = input.data !== undefined && !input.get && !input.head;
  if (input.data !== undefined && input.get) path += (path.includes('?') ? '&' : '?') + input.data;
  if (sendsBody) body = input.data!;
  const method = input.method ?? defaultMethod(input);
  const version = input.http10 ? 'HTTP/1.0' : 'HTTP/1.1';

  const custom = input.custom.map(parseCustom).filter((c): c is CustomHeader => c !== undefined);
  const overridden = (name: string) => custom.some((c) => c.name.toLowerCase() === name.toLowerCase());
  const lines: string[] = [];
  const pairs: [string, string][] = [];
  const own = (name: string, value: string | undefined) => {
    if (value === undefined || overridden(name)) return;
    lines.push(`${name}: ${value}`);
    pairs.push([name, value]);
  };
  // A -H Host: takes the place of curl's own; other replacements go where the -H headers go.
  const customHost = custom.find((c) => c.name.toLowerCase() === 'host');
  if (!customHost) own('Host', url.hostHeader);
  else if (!customHost.remove) {
    lines.push(customHost.line);
    pairs.push([customHost.name, customHost.value]);
  }
  if (url.user !== undefined) own('Authorization', `Basic ${base64(`${url.user}:${url.password ?? ''}`)}`);
  own('User-Agent', input.userAgent ?? `curl/${CURL_VERSION}`);
  own('Accept', input.json ? 'application/json' : '*/*');
  own('Referer', input.referer);
  for (const c of custom) {
    if (c.remove || c === customHost) continue;
    lines.push(c.line);
    pairs.push([c.name, c.value]);
  }
  if (sendsBody) {
    own('Content-Length', String(new TextEncoder().encode(body).length));
    own('Content-Type', input.json ? 'application/json' : 'application/x-www-form-urlencoded');
  }
  return { method, version, path, line: `${method} ${path} ${version}`, headerLines: lines, headers: pairs, body };
}

interface CustomHeader {
  name: string;
  value: string;
  line: string;
  remove: boolean;
}

function parseCustom(h: string): CustomHeader | undefined {
  const colon = h.indexOf(':');
  const semi = h.indexOf(';');
  if (colon < 0) {
    // `Name;` sends an empty header; anything else without a colon is ignored.
    if (semi > 0 && h.slice(semi + 1).trim() === '') {
      const name = h.slice(0, semi);
      return { name, value: '', line: `${name}:`, remove: false };
    }
    return undefined;
  }
  const name = h.slice(0, colon);
  const value = h.slice(colon + 1).trim();
  if (value === '') return { name, value, line: h, remove: true };
  return { name, value, line: h, remove: false };
}
