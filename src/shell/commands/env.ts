// env and printenv: the exported environment; `env NAME=value CMD` runs CMD with it changed.

import type { Command } from '../types';
import { deriveContext, shellOf } from '../interp/context';
import { copyEnv, exportVar, exportedEntries, unsetVar } from '../interp/shell-state';
import { getopt } from './lib/getopt';
import { quote, usageError } from './lib/util';

export const env: Command = async (argv, io, ctx) => {
  const parsed = getopt('env', argv.slice(1), {
    short: { i: 'none', u: 'required', '0': 'none' },
    long: { ignore_environment: { arg: 'none', key: 'i' }, unset: { arg: 'required', key: 'u' } },
    permute: false,
  });
  if (!parsed.ok) return usageError(io, 'env', parsed.error, 125);
  let childEnv = copyEnv(ctx.env);
  for (const o of parsed.options) {
    if (o.key === 'i') {
      childEnv = copyEnv(new Map());
    } else if (o.key === 'u') unsetVar(childEnv, o.value!);
  }
  const rest = [...parsed.operands];
  if (rest[0] === '-') {
    childEnv = copyEnv(new Map());
    rest.shift();
  }
  while (rest.length > 0 && /^[^=]+=/.test(rest[0])) {
    const a = rest.shift()!;
    const eq = a.indexOf('=');
    exportVar(childEnv, a.slice(0, eq), a.slice(eq + 1));
  }
  if (rest.length === 0) {
    io.stdout(exportedEntries(childEnv).map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  const shell = shellOf(ctx);
  const command = shell?.lookup(rest[0]);
  if (!shell || !command) {
    io.stderr(`env: ${quote(ctx, rest[0])}: No such file or directory\n`);
    return 127;
  }
  return command(rest, io, deriveContext(ctx, { fs: ctx.fs, env: childEnv, shell }));
};

export const printenv: Command = (argv, io, ctx) => {
  const names = argv.slice(1);
  const exported = new Map(exportedEntries(ctx.env));
  if (names.length === 0) {
    io.stdout([...exported].map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  let status = 0;
  for (const n of names) {
    const v = exported.get(n);
    if (v === undefined) status = 1;
    else io.stdout(v + '\n');
  }
  return status;
};
