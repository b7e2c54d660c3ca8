// How cobra finds the subcommand in `kubectl [flags] create [flags] service
// [flags] clusterip NAME`: at each level it drops the flags it can see and
// their values, using that level's own flags (local and inherited) to know
// which flags take a value, and takes the first word left as the next command.
// A `--flag` or two-character `-f` without `=` takes the next argument as its
// value unless the flag is known and has a default for a bare use (booleans,
// `--dry-run`, `--validate`); unknown flags take a value too, as in cobra.

import type { FlagSpec } from './flags';

function takesValue(arg: string, flags: readonly FlagSpec[]): boolean {
  if (arg.includes('=')) return false;
  let f: FlagSpec | undefined;
  if (arg.startsWith('--')) f = flags.find((x) => x.name === arg.slice(2));
  else if (arg.startsWith('-') && arg.length === 2) f = flags.find((x) => x.short === arg.slice(1));
  else return false;
  return !f || (f.type !== 'bool' && f.noOptDefault === undefined);
}

/** cobra's stripFlags: the words of `args` that are neither flags nor flag values, up to `--`. */
export function stripFlags(args: readonly string[], flags: readonly FlagSpec[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const s = args[i];
    if (s === '--') break;
    if (s.startsWith('-')) {
      if (takesValue(s, flags)) {
        // cobra stops when the value would be the last argument.
        if (args.length - (i + 1) <= 1) break;
        i++;
      }
      continue;
    }
    if (s !== '') words.push(s);
  }
  return words;
}

/** cobra's argsMinusFirstX: `args` without the first occurrence of the word `x` (flag values are skipped). */
export function argsMinusFirst(args: readonly string[], x: string, flags: readonly FlagSpec[]): string[] {
  for (let i = 0; i < args.length; i++) {
    const s = args[i];
    if (s === '--') break;
    if (s.startsWith('-')) {
      if (takesValue(s, flags)) i++;
      continue;
    }
    if (s === x) return [...args.slice(0, i), ...args.slice(i + 1)];
  }
  return [...args];
}

/**
 * The next command word of `args` at a level whose flags are `flags`: the word
 * and the arguments without it, or undefined when there is no word at all.
 */
export function nextCommand(args: readonly string[], flags: readonly FlagSpec[]): { word: string; rest: string[] } | undefined {
  const words = stripFlags(args, flags);
  if (words.length === 0) return undefined;
  return { word: words[0], rest: argsMinusFirst(args, words[0], flags) };
}
