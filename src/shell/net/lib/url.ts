// URLs as curl 7.88 and busybox wget take them from the command line: a
// missing scheme means http, the scheme is case-insensitive, an empty port
// means the default, a port above 65535 or with letters is a malformed URL,
// IPv6 literals sit in brackets (a %25 zone id is dropped from the address),
// user info is split off, and the fragment never reaches the server.

export interface ParsedUrl {
  scheme: string;
  host: string;
  /** the host as it goes into `Host:` and messages: IPv6 literals keep their brackets */
  hostHeader: string;
  port: number;
  /** whether the URL gave the port (then it shows in `Host:` and in wget's `Connecting to`) */
  explicitPort: boolean;
  /** path and query, as on the request line */
  path: string;
  user?: string;
  password?: string;
  /** the URL as curl reports it in %{url_effective} */
  normalized: string;
}

export type UrlResult = { ok: true; url: ParsedUrl } | { ok: false; error: 'malformed' } | { ok: false; error: 'scheme'; scheme: string };

export const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, ftp: 21, ftps: 990, gopher: 70, dict: 2628, ldap: 389, telnet: 23, tftp: 69, smtp: 25, imap: 143, pop3: 110, rtsp: 554, mqtt: 1883 };

/** Schemes libcurl 7.88 on Debian knows (others: `Protocol "x" not supported or disabled in libcurl`). */
const KNOWN = new Set(['dict', 'file', 'ftp', 'ftps', 'gopher', 'gophers', 'http', 'https', 'imap', 'imaps', 'ldap', 'ldaps', 'mqtt', 'pop3', 'pop3s', 'rtmp', 'rtsp', 'scp', 'sftp', 'smb', 'smbs', 'smtp', 'smtps', 'telnet', 'tftp']);

export function parseUrl(input: string, defaultScheme = 'http'): UrlResult {
  let rest = input;
  let scheme = defaultScheme;
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/?/.exec(rest);
  if (m) {
    scheme = m[1].toLowerCase();
    rest = rest.slice(m[0].length);
    if (!KNOWN.has(scheme)) return { ok: false, error: 'scheme', scheme: m[1] };
  } else if (rest.startsWith('/')) {
    return { ok: false, error: 'malformed' };
  }
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) rest = rest.slice(0, hashAt);
  const slash = rest.search(/[/?]/);
  let authority = slash < 0 ? rest : rest.slice(0, slash);
  let path = slash < 0 ? '/' : rest.slice(slash);
  if (path.startsWith('?')) path = '/' + path;
  let user: string | undefined;
  let password: string | undefined;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    const info = authority.slice(0, at);
    authority = authority.slice(at + 1);
    const colon = info.indexOf(':');
    user = decodeURIComponent(colon < 0 ? info : info.slice(0, colon));
    if (colon >= 0) password = decodeURIComponent(info.slice(colon + 1));
  }
  let host: string;
  let portText: string | undefined;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) return { ok: false, error: 'malformed' };
    host = authority.slice(1, close).replace(/%25.*$/, '');
    const after = authority.slice(close + 1);
    if (after && !after.startsWith(':')) return { ok: false, error: 'malformed' };
    portText = after ? after.slice(1) : undefined;
  } else {
    const colon = authority.indexOf(':');
    host = colon < 0 ? authority : authority.slice(0, colon);
    portText = colon < 0 ? undefined : authority.slice(colon + 1);
  }
  if (!host) return { ok: false, error: 'malformed' };
  let port = DEFAULT_PORTS[scheme] ?? 0;
  let explicitPort = false;
  if (portText !== undefined && portText !== '') {
    if (!/^\d+$/.test(portText) || Number(portText) > 65535) return { ok: false, error: 'malformed' };
    port = Number(portText);
    explicitPort = port !== DEFAULT_PORTS[scheme];
  }
  const bracketed = host.includes(':') ? `[${host}]` : host;
  const hostHeader = explicitPort ? `${bracketed}:${port}` : bracketed;
  const normalized = `${scheme}://${user !== undefined ? `${encodeURIComponent(user)}${password !== undefined ? `:${encodeURIComponent(password)}` : ''}@` : ''}${hostHeader}${path}`;
  return { ok: true, url: { scheme, host, hostHeader, port, explicitPort, path, user, password, normalized } };
}

/** The last path segment, as `curl -O` and wget name the saved file. */
export function remoteFileName(path: string): string {
  const p = path.split('?')[0];
  return p.slice(p.lastIndexOf('/') + 1);
}
