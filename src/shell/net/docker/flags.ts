// The docker CLI's flag parsing (spf13/pflag): `-it`, `-e VAL` / `-eVAL`,
// `--env VAL` / `--env=VAL`, `--` ends flags; `docker exec` stops at the first
// argument (the container), so the command's own options stay its own. Errors
// come with the usage line and exit 125.

export interface FlagDef {
  long: string;
  short?: string;
  kind: 'bool' | 'value';
}

export type FlagParse =
  | { ok: true; flags: Set<string>; values: Map<string, string>; positional: string[] }
  | { ok: false; stderr: string; exit: number };

export function parseFlags(args: readonly string[], defs: FlagDef[], usage: string, command: string, interspersed = true): FlagParse {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const positional: string[] = [];
  const fail = (msg: string): FlagParse => ({ ok: false, stderr: `${msg}\n\n${usage}\n\nRun '${command} --help' for more information\n`, exit: 125 });
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      if (!interspersed) {
        positional.push(...args.slice(i));
        break;
      }
      positional.push(a);
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const def = defs.find((d) => d.long === name);
      if (!def) return fail(`unknown flag: --${name}`);
      if (def.kind === 'bool') {
        if (eq < 0 || a.slice(eq + 1) !== 'false') flags.add(def.long);
        continue;
      }
      const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined) return fail(`flag needs an argument: --${name}`);
      values.set(def.long, v);
      flags.add(def.long);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const letter = a[j];
      const def = defs.find((d) => d.short === letter);
      if (!def) return fail(`unknown shorthand flag: '${letter}' in -${a.slice(j)}`);
      if (def.kind === 'bool') {
        flags.add(def.long);
        continue;
      }
      const rest = a.slice(j + 1);
      const v = rest !== '' ? rest.replace(/^=/, '') : args[++i];
      if (v === undefined) return fail(`flag needs an argument: '${letter}' in -${letter}`);
      values.set(def.long, v);
      flags.add(def.long);
      break;
    }
  }
  return { ok: true, flags, values, positional };
}
