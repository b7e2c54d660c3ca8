// GNU getopt_long as iptables uses it: RETURN_IN_ORDER ('-' first in optstring,
// non-options come back as code 1), ':' codes for missing arguments, opterr off,
// unique-prefix matching of long options.

export interface LongOption {
  name: string;
  /** 0 none, 1 required, 2 optional (only as --name=value) */
  hasArg: 0 | 1 | 2;
  val: string;
}

export interface OptEvent {
  /** the option letter, '1' for a non-option, '?' unknown, ':' missing argument */
  code: string;
  optarg?: string;
  /** the argv element that produced the event, for error messages */
  arg: string;
}

export class Getopt {
  private optind = 0;
  private cluster = '';
  private clusterArg = '';
  private readonly shortSpec = new Map<string, 0 | 1 | 2>();

  constructor(
    readonly argv: readonly string[],
    optstring: string,
    private readonly longs: readonly LongOption[],
  ) {
    for (let i = 0; i < optstring.length; i++) {
      const c = optstring[i];
      if (c === '-' || c === ':') continue;
      let kind: 0 | 1 | 2 = 0;
      if (optstring[i + 1] === ':') {
        kind = optstring[i + 2] === ':' ? 2 : 1;
        i += kind;
      }
      this.shortSpec.set(c, kind);
    }
  }

  /** Index of the next argv element not consumed yet (iptables reads chain names from there). */
  get index(): number {
    return this.optind;
  }

  /** Consume the next argv element (iptables' argv[optind++]). */
  take(): string {
    return this.argv[this.optind++];
  }

  /** iptables' xs_has_arg(): the next element exists and is not an option or '!'. */
  hasArg(): boolean {
    const a = this.argv[this.optind];
    return a !== undefined && a[0] !== '-' && a[0] !== '!';
  }

  next(): OptEvent | undefined {
    if (this.cluster) return this.short();
    if (this.optind >= this.argv.length) return undefined;
    const arg = this.argv[this.optind++];
    if (arg === '--') return undefined;
    if (arg.startsWith('--')) return this.long(arg);
    if (arg.startsWith('-') && arg.length > 1) {
      this.cluster = arg.slice(1);
      this.clusterArg = arg;
      return this.short();
    }
    return { code: '1', optarg: arg, arg };
  }

  private short(): OptEvent {
    const c = this.cluster[0];
    this.cluster = this.cluster.slice(1);
    const arg = this.clusterArg;
    const kind = this.shortSpec.get(c);
    if (kind === undefined) return { code: '?', arg };
    if (kind === 0) return { code: c, arg };
    if (this.cluster) {
      const optarg = this.cluster;
      this.cluster = '';
      return { code: c, optarg, arg };
    }
    if (kind === 2) return { code: c, arg };
    if (this.optind >= this.argv.length) return { code: ':', arg };
    return { code: c, optarg: this.argv[this.optind++], arg };
  }

  private long(arg: string): OptEvent {
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const value = eq < 0 ? undefined : arg.slice(eq + 1);
    let opt = this.longs.find((o) => o.name === name);
    if (!opt) {
      const candidates = this.longs.filter((o) => o.name.startsWith(name));
      const distinct = new Set(candidates.map((o) => `${o.val}/${o.hasArg}`));
      if (name === '' || distinct.size !== 1) return { code: '?', arg };
      opt = candidates[0];
    }
    if (opt.hasArg === 0) return value === undefined ? { code: opt.val, arg } : { code: '?', arg };
    if (value !== undefined) return { code: opt.val, optarg: value, arg };
    if (opt.hasArg === 2) return { code: opt.val, arg };
    if (this.optind >= this.argv.length) return { code: ':', arg };
    return { code: opt.val, optarg: this.argv[this.optind++], arg };
  }
}
