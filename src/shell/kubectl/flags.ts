// Command-line flags as cobra/pflag parse them for kubectl: `--name=v`,
// `--name v`, `-n v`, `-nv`, `-n=v`, grouped booleans (`-it`), interspersed
// arguments, `--` ending flags, repeated string-array flags; and pflag's exact
// error texts.

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** Value for a bare `--dry-run` (pflag's NoOptDefVal). */
  noOptDefault?: string;
  required?: boolean;
}

export interface ParsedFlags {
  values: Map<string, string | string[] | boolean | number>;
  /** Which flags were given on the command line. */
  changed: Set<string>;
  args: string[];
  /** Index in `args` where `--` appeared (-1 when absent). */
  dashAt: number;
}

export class FlagError extends Error {}

/** The flags every kubectl command accepts (kubectl's persistent flags). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'server', short: 's', type: 'string' },
  { name: 'token', type: 'string' },
  { name: 'request-timeout', type: 'string' },
  { name: 'v', short: 'v', type: 'int' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'as', type: 'string' },
  { name: 'warnings-as-errors', type: 'bool' },
  { name: 'match-server-version', type: 'bool' },
  { name: 'help', short: 'h', type: 'bool' },
];

function flagLabel(f: FlagSpec): string {
  return f.short ? `-${f.short}, --${f.name}` : `--${f.name}`;
}

function setValue(out: ParsedFlags, f: FlagSpec, raw: string): void {
  switch (f.type) {
    case 'bool': {
      const v = raw.toLowerCase();
      if (!['true', 'false', '1', '0', 't', 'f'].includes(v)) {
        throw new FlagError(`invalid argument "${raw}" for "${flagLabel(f)}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
      }
      out.values.set(f.name, ['true', '1', 't'].includes(v));
      break;
    }
    case 'int': {
      if (!/^[-+]?\d+$/.test(raw)) {
        throw new FlagError(`invalid argument "${raw}" for "${flagLabel(f)}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
      }
      out.values.set(f.name, Number(raw));
      break;
    }
    case 'stringArray': {
      const prev = out.changed.has(f.name) ? (out.values.get(f.name) as string[]) : [];
      out.values.set(f.name, [...prev, raw]);
      break;
    }
    case 'stringSlice': {
      const prev = out.changed.has(f.name) ? (out.values.get(f.name) as string[]) : [];
      out.values.set(f.name, [...prev, ...(raw === '' ? [] : raw.split(','))]);
      break;
    }
    case 'duration': {
      const ms = parseGoDuration(raw);
      if (typeof ms === 'string') throw new FlagError(`invalid argument "${raw}" for "${flagLabel(f)}" flag: ${ms}`);
      out.values.set(f.name, ms);
      break;
    }
    default:
      out.values.set(f.name, raw);
  }
  out.changed.add(f.name);
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration, in milliseconds; a string is its error text. */
export function parseGoDuration(text: string): number | string {
  const quoted = JSON.stringify(text);
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return `time: invalid duration ${quoted}`;
  let total = 0;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    if (m[0] === '' || m[0] === '.') return `time: invalid duration ${quoted}`;
    s = s.slice(m[0].length);
    const unit = /^[^\d.]*/.exec(s)![0];
    if (unit === '') return `time: missing unit in duration ${quoted}`;
    if (!(unit in DURATION_UNITS)) return `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`;
    s = s.slice(unit.length);
    total += Number(`${m[1] || '0'}.${m[2] || '0'}`) * DURATION_UNITS[unit];
  }
  return sign * total;
}

export function parseFlags(argv: string[], specs: FlagSpec[], interspersed = true): ParsedFlags {
  const out: ParsedFlags = { values: new Map(), changed: new Set(), args: [], dashAt: -1 };
  const byName = new Map(specs.map((f) => [f.name, f]));
  const byShort = new Map(specs.filter((f) => f.short).map((f) => [f.short!, f]));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.dashAt = out.args.length;
      out.args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const f = byName.get(name);
      if (!f) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) setValue(out, f, a.slice(eq + 1));
      else if (f.type === 'bool') setValue(out, f, 'true');
      else if (f.noOptDefault !== undefined) setValue(out, f, f.noOptDefault);
      else if (i + 1 < argv.length) setValue(out, f, argv[++i]);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && a !== '-') {
      // Shorthands: -it, -nfoo, -n foo, -n=foo
      let j = 1;
      while (j < a.length) {
        const c = a[j];
        const f = byShort.get(c);
        if (!f) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        const rest = a.slice(j + 1);
        if (f.type === 'bool') {
          if (rest.startsWith('=')) {
            setValue(out, f, rest.slice(1));
            break;
          }
          setValue(out, f, 'true');
          j++;
          continue;
        }
        if (rest.startsWith('=')) setValue(out, f, rest.slice(1));
        else if (rest.length > 0) setValue(out, f, rest);
        else if (f.noOptDefault !== undefined) setValue(out, f, f.noOptDefault);
        else if (i + 1 < argv.length) setValue(out, f, argv[++i]);
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        break;
      }
      continue;
    }
    out.args.push(a);
    if (!interspersed) {
      out.args.push(...argv.slice(i + 1));
      break;
    }
  }
  return out;
}

/** Typed access with defaults. */
export class Flags {
  constructor(private readonly p: ParsedFlags) {}
  get args(): string[] {
    return this.p.args;
  }
  get dashAt(): number {
    return this.p.dashAt;
  }
  changed(name: string): boolean {
    return this.p.changed.has(name);
  }
  str(name: string, dflt = ''): string {
    const v = this.p.values.get(name);
    return typeof v === 'string' ? v : dflt;
  }
  bool(name: string, dflt = false): boolean {
    const v = this.p.values.get(name);
    return typeof v === 'boolean' ? v : dflt;
  }
  int(name: string, dflt: number): number {
    const v = this.p.values.get(name);
    return typeof v === 'number' ? v : dflt;
  }
  /** A duration flag, in milliseconds. */
  duration(name: string, dfltMs: number): number {
    const v = this.p.values.get(name);
    return typeof v === 'number' ? v : dfltMs;
  }
  list(name: string): string[] {
    const v = this.p.values.get(name);
    return Array.isArray(v) ? v : [];
  }
}

/** Levenshtein distance, for cobra's "Did you mean this?". */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

/** Cobra's suggestions: distance up to 2, or a prefix match, in command order. */
export function suggest(typed: string, commands: string[]): string[] {
  const lower = typed.toLowerCase();
  return commands.filter((c) => editDistance(lower, c) <= 2 || c.startsWith(lower));
}
