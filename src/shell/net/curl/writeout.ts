// curl -w / --write-out: %{variable} expansions after a transfer, the \n \r \t
// escapes, %% for a percent sign, %{stdout} / %{stderr} to switch streams, and
// `curl: unknown --write-out variable: 'x'` on stderr for a name it does not
// know (7.88.1 names and formats: times with 6 decimals, http_code in 3 digits).

import type { TransferStats } from './transfer';

export interface WriteOutContext {
  stats: TransferStats;
  exitCode: number;
  errorMessage: string;
  /** 1-based index of the URL on the command line */
  urlNum: number;
  url: string;
  filename: string;
}

function value(name: string, c: WriteOutContext): string | undefined {
  const s = c.stats;
  const t = (sec: number) => sec.toFixed(6);
  switch (name) {
    case 'http_code':
    case 'response_code':
      return String(s.httpCode).padStart(3, '0');
    case 'http_connect':
      return '000';
    case 'http_version':
      return s.httpVersion;
    case 'content_type':
      return s.contentType;
    case 'errormsg':
      return c.errorMessage;
    case 'exitcode':
      return String(c.exitCode);
    case 'filename_effective':
      return c.filename;
    case 'local_ip':
      return s.localIp;
    case 'local_port':
      return String(s.localPort);
    case 'method':
      return s.method;
    case 'num_connects':
      return String(s.numConnects);
    case 'num_headers':
      return '0';
    case 'num_redirects':
      return String(s.numRedirects);
    case 'redirect_url':
      return s.redirectUrl;
    case 'remote_ip':
      return s.remoteIp;
    case 'remote_port':
      return String(s.remotePort);
    case 'scheme':
      return s.scheme;
    case 'size_download':
      return String(s.sizeDownload);
    case 'size_header':
      return String(s.sizeHeader);
    case 'size_request':
      return String(s.sizeRequest);
    case 'size_upload':
      return String(s.sizeUpload);
    case 'speed_download':
      return String(s.timeTotal > 0 ? Math.floor(s.sizeDownload / s.timeTotal) : 0);
    case 'speed_upload':
      return String(s.timeTotal > 0 ? Math.floor(s.sizeUpload / s.timeTotal) : 0);
    case 'ssl_verify_result':
    case 'proxy_ssl_verify_result':
      return '0';
    case 'time_namelookup':
      return t(s.timeNamelookup);
    case 'time_connect':
      return t(s.timeConnect);
    case 'time_appconnect':
      return t(0);
    case 'time_pretransfer':
      return t(s.timeConnect);
    case 'time_starttransfer':
      return t(s.timeStarttransfer);
    case 'time_redirect':
      return t(0);
    case 'time_total':
      return t(s.timeTotal);
    case 'url':
      return c.url;
    case 'url_effective':
      return s.urlEffective;
    case 'urlnum':
      return String(c.urlNum - 1);
    default:
      return undefined;
  }
}

/** Expand a -w format; returns the text per stream in order. */
export function writeOut(format: string, c: WriteOutContext): { stream: 'stdout' | 'stderr'; text: string }[] {
  const out: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  let stream: 'stdout' | 'stderr' = 'stdout';
  let buf = '';
  const flush = () => {
    if (buf) out.push({ stream, text: buf });
    buf = '';
  };
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '%' && format[i + 1] === '%') {
      buf += '%';
      i++;
    } else if (ch === '%' && format[i + 1] === '{') {
      const end = format.indexOf('}', i + 2);
      if (end < 0) {
        buf += ch;
        continue;
      }
      const name = format.slice(i + 2, end);
      i = end;
      if (name === 'stdout' || name === 'stderr') {
        flush();
        stream = name;
        continue;
      }
      const v = value(name, c);
      if (v === undefined) {
        flush();
        out.push({ stream: 'stderr', text: `curl: unknown --write-out variable: '${name}'\n` });
      } else buf += v;
    } else if (ch === '\\' && i + 1 < format.length && 'nrt\\'.includes(format[i + 1])) {
      const e = format[++i];
      buf += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : '\\';
    } else buf += ch;
  }
  flush();
  return out;
}
