// curl's command line as curl 7.88.1 reads it: short letters cluster (`-sSL`,
// `-XPOST`, `-m5`), a letter that takes a parameter eats the rest of its
// cluster or the next word, long options may be shortened to a unique prefix,
// `--no-X` turns a switch off, `--opt=value` is not a thing, `--` ends the
// options. Errors print `curl: option X: ...` and the try-help line, exit 2.

import { LONG_SWITCHES, LONG_WITH_PARAM, OPTIONAL_PARAM, SHORT } from './option-table';

export type DataKind = 'data' | 'data-raw' | 'data-binary' | 'data-urlencode' | 'data-ascii' | 'json';

export interface CurlOptions {
  urls: string[];
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  include: boolean;
  head: boolean;
  fail: boolean;
  location: boolean;
  maxRedirs: number;
  insecure: boolean;
  request?: string;
  data: { kind: DataKind; value: string }[];
  get: boolean;
  headers: string[];
  userAgent?: string;
  referer?: string;
  user?: string;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  outputs: string[];
  remoteName: boolean;
  writeOut?: string;
  noProgressMeter: boolean;
  http10: boolean;
  help: boolean;
  version: boolean;
}

export type CurlParse = { ok: true; options: CurlOptions } | { ok: false; stderr: string; exit: number };

export const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";

function fail(option: string, message: string): CurlParse {
  return { ok: false, stderr: `curl: option ${option}: ${message}\n${TRY_HELP}`, exit: 2 };
}

/** curl's str2udouble: a decimal number (strtod syntax), not negative. */
function seconds(value: string): number | 'bad' | 'negative' {
  if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) return 'bad';
  const n = Number(value);
  return n < 0 ? 'negative' : n;
}

export function emptyOptions(): CurlOptions {
  return {
    urls: [], silent: false, showError: false, verbose: false, include: false, head: false, fail: false, location: false,
    maxRedirs: 50, insecure: false, data: [], get: false, headers: [], outputs: [], remoteName: false, noProgressMeter: false,
    http10: false, help: false, version: false,
  };
}

/** The long option a word names: exact, or the one option it is a prefix of. */
function lookupLong(name: string): { name: string } | 'unknown' | 'ambiguous' {
  if (LONG_WITH_PARAM.has(name) || LONG_SWITCHES.has(name)) return { name };
  const hits = [...LONG_WITH_PARAM, ...LONG_SWITCHES].filter((n) => n.startsWith(name));
  if (hits.length === 1) return { name: hits[0] };
  return hits.length ? 'ambiguous' : 'unknown';
}

/** Apply one option; a message when its parameter is wrong. */
function apply(o: CurlOptions, name: string, on: boolean, param: string | undefined): string | undefined {
  const num = (set: (ms: number) => void): string | undefined => {
    const v = seconds(param!);
    if (v === 'bad') return 'expected a proper numerical parameter';
    if (v === 'negative') return 'expected a positive numerical parameter';
    set(Math.round(v * 1000));
    return undefined;
  };
  switch (name) {
    case 'silent': o.silent = on; break;
    case 'show-error': o.showError = on; break;
    case 'verbose': o.verbose = on; break;
    case 'include': o.include = on; break;
    case 'head': o.head = on; break;
    case 'fail': case 'fail-with-body': o.fail = on; break;
    case 'location': case 'location-trusted': o.location = on; break;
    case 'insecure': o.insecure = on; break;
    case 'get': o.get = on; break;
    case 'remote-name': o.remoteName = on; break;
    case 'no-progress-meter': o.noProgressMeter = on; break;
    case 'http1.0': o.http10 = on; break;
    case 'help': o.help = true; break;
    case 'version': o.version = true; break;
    case 'manual': o.help = true; break;
    case 'request': o.request = param; break;
    case 'data': case 'data-raw': case 'data-binary': case 'data-urlencode': case 'data-ascii': case 'json':
      o.data.push({ kind: name, value: param! });
      break;
    case 'header': o.headers.push(param!); break;
    case 'user-agent': o.userAgent = param; break;
    case 'referer': o.referer = param; break;
    case 'user': o.user = param; break;
    case 'output': o.outputs.push(param!); break;
    case 'write-out': o.writeOut = param; break;
    case 'url': o.urls.push(param!); break;
    case 'max-time': return num((ms) => (o.maxTimeMs = ms));
    case 'connect-timeout': return num((ms) => (o.connectTimeoutMs = ms));
    case 'max-redirs': {
      if (!/^-?\d+$/.test(param!)) return 'expected a proper numerical parameter';
      o.maxRedirs = Number(param);
      break;
    }
    default:
      break;
  }
  return undefined;
}

export function parseCurlArgs(args: readonly string[]): CurlParse {
  const o = emptyOptions();
  let endOfOptions = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (endOfOptions || !arg.startsWith('-')) {
      o.urls.push(arg);
      continue;
    }
    if (arg === '--') {
      endOfOptions = true;
      continue;
    }
    if (arg.startsWith('--')) {
      let word = arg.slice(2);
      let on = true;
      let found = lookupLong(word);
      if (found === 'unknown' && word.startsWith('no-')) {
        const plain = lookupLong(word.slice(3));
        if (plain !== 'unknown' && plain !== 'ambiguous') {
          if (!LONG_SWITCHES.has(plain.name)) return fail(arg, "used '--no-' for option that isn't a boolean");
          found = plain;
          on = false;
          word = word.slice(3);
        }
      }
      if (found === 'unknown') return fail(arg, 'is unknown');
      if (found === 'ambiguous') return fail(arg, 'is ambiguous');
      let param: string | undefined;
      if (LONG_WITH_PARAM.has(found.name)) {
        if (i + 1 < args.length) param = args[++i];
        else if (!OPTIONAL_PARAM.has(found.name)) return fail(arg, 'requires parameter');
      }
      const msg = apply(o, found.name, on, param);
      if (msg) return fail(arg, msg);
      continue;
    }
    // A cluster of short letters.
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j];
      const name = SHORT[letter];
      if (!name) return fail(arg, 'is unknown');
      let param: string | undefined;
      if (LONG_WITH_PARAM.has(name)) {
        if (j + 1 < arg.length) param = arg.slice(j + 1);
        else if (i + 1 < args.length) param = args[++i];
        else if (!OPTIONAL_PARAM.has(name)) return fail(arg, 'requires parameter');
        const msg = apply(o, name, true, param);
        if (msg) return fail(arg, msg);
        break;
      }
      apply(o, name, true, undefined);
    }
    if (arg === '-') return fail(arg, 'is unknown');
  }
  return { ok: true, options: o };
}
