// GNU-style option parsing (getopt_long with argument permutation): options may
// follow operands (`grep KUBE-SVC -A 10`), short options cluster (`-iA3`), long
// options may be abbreviated to a unique prefix, `--` ends options. The error
// texts are glibc's.

export type ArgKind = 'none' | 'required' | 'optional';

export interface OptionSpec {
  /** Short options, e.g. `{ n: 'none', k: 'required' }`. */
  short?: Record<string, ArgKind>;
  /** Long options by name; `key` makes one an alias of a short option. */
  long?: Record<string, { arg: ArgKind; key?: string }>;
  /** Operands may come before options (GNU default); false stops at the first operand. */
  permute?: boolean;
  /** Accept `-NUM` (head -5, grep -3) as option `#` with the digits as value. */
  numeric?: boolean;
}

export interface ParsedOption {
  /** The short letter, the long option's `key`, or its name. */
  key: string;
  value?: string;
}

export type GetoptResult =
  | { ok: true; options: ParsedOption[]; operands: string[] }
  | { ok: false; error: string };

export function getopt(prog: string, args: readonly string[], spec: OptionSpec): GetoptResult {
  const short = spec.short ?? {};
  const long = spec.long ?? {};
  const options: ParsedOption[] = [];
  const operands: string[] = [];
  const permute = spec.permute ?? true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const exact = long[name] ? [name] : [];
      const matches = exact.length ? exact : Object.keys(long).filter((n) => n.startsWith(name));
      const distinct = new Set(matches.map((m) => long[m].key ?? m));
      if (matches.length === 0) return { ok: false, error: `${prog}: unrecognized option '${eq < 0 ? a : a.slice(0, eq)}'` };
      if (distinct.size > 1) {
        return {
          ok: false,
          error: `${prog}: option '${eq < 0 ? a : a.slice(0, eq)}' is ambiguous; possibilities:` + matches.map((m) => ` '--${m}'`).join(''),
        };
      }
      const full = matches[0];
      const def = long[full];
      const key = def.key ?? full;
      if (def.arg === 'none') {
        if (eq >= 0) return { ok: false, error: `${prog}: option '--${full}' doesn't allow an argument` };
        options.push({ key });
      } else if (eq >= 0) {
        options.push({ key, value: a.slice(eq + 1) });
      } else if (def.arg === 'required') {
        if (i + 1 >= args.length) return { ok: false, error: `${prog}: option '--${full}' requires an argument` };
        options.push({ key, value: args[++i] });
      } else {
        options.push({ key });
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (spec.numeric && /[0-9]/.test(c)) {
          let k = j;
          while (k < a.length && /[0-9]/.test(a[k])) k++;
          options.push({ key: '#', value: a.slice(j, k) });
          j = k - 1;
          continue;
        }
        const kind = short[c];
        if (kind === undefined) return { ok: false, error: `${prog}: invalid option -- '${c}'` };
        if (kind === 'none') {
          options.push({ key: c });
          continue;
        }
        const rest = a.slice(j + 1);
        if (rest !== '') options.push({ key: c, value: rest });
        else if (kind === 'optional') options.push({ key: c });
        else if (i + 1 < args.length) options.push({ key: c, value: args[++i] });
        else return { ok: false, error: `${prog}: option requires an argument -- '${c}'` };
        break;
      }
      continue;
    }
    operands.push(a);
    if (!permute) {
      operands.push(...args.slice(i + 1));
      break;
    }
  }
  return { ok: true, options, operands };
}
