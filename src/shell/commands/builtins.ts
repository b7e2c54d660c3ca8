// Shell builtins that work on the session's state: true, false, pwd, cd,
// export, unset, history, clear. Their errors carry the shell's prefix
// (`bash: cd: ...`, `sh: cd: ...`).

import type { Command, ExecContext } from '../types';
import { cwdOf, shellOf } from '../interp/context';
import { exportVar, exportedEntries, setVar, unsetVar } from '../interp/shell-state';
import { strerror } from './lib/util';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function flavour(ctx: ExecContext): 'bash' | 'sh' {
  return shellOf(ctx)?.flavour ?? 'bash';
}

export const trueCommand: Command = () => 0;
export const falseCommand: Command = () => 1;

export const pwd: Command = (_argv, io, ctx) => {
  io.stdout(cwdOf(ctx) + '\n');
  return 0;
};

export const cd: Command = (argv, io, ctx) => {
  const sh = flavour(ctx);
  const args = argv.slice(1).filter((a, i) => !(i === 0 && (a === '-L' || a === '-P' || a === '--')));
  if (args.length > 1 && sh === 'bash') {
    io.stderr('bash: cd: too many arguments\n');
    return 1;
  }
  let target: string | undefined = args[0];
  let print = false;
  if (target === undefined || target === '') {
    target = ctx.env.get('HOME');
  } else if (target === '-') {
    target = ctx.env.get('OLDPWD');
    if (target === undefined) {
      io.stderr(`${sh}: cd: OLDPWD not set\n`);
      return 1;
    }
    print = true;
  }
  if (target === undefined) {
    io.stderr(`${sh}: cd: HOME not set\n`);
    return 1;
  }
  const st = ctx.fs.stat(target);
  if (!st || st.type !== 'dir') {
    const why = strerror(st ? 'ENOTDIR' : 'ENOENT');
    if (sh === 'bash') io.stderr(`bash: cd: ${args[0] === '-' ? target : args[0] ?? target}: ${why}\n`);
    else io.stderr(`sh: cd: can't cd to ${target}: ${why}\n`);
    return sh === 'bash' ? 1 : 2;
  }
  const old = cwdOf(ctx);
  const next = ctx.fs.resolve(target);
  setVar(ctx.env, 'OLDPWD', old);
  setVar(ctx.env, 'PWD', next);
  if (print) io.stdout(next + '\n');
  return 0;
};

export const exportCommand: Command = (argv, io, ctx) => {
  const sh = flavour(ctx);
  let args = argv.slice(1);
  let unexport = false;
  while (args[0]?.startsWith('-') && args[0] !== '-') {
    const opt = args.shift()!;
    if (opt === '--') break;
    if (opt === '-n') unexport = true;
    else if (opt !== '-p') {
      io.stderr(`${sh}: export: ${opt}: invalid option\n${sh === 'bash' ? 'export: usage: export [-fn] [name[=value] ...] or export -p\n' : ''}`);
      return 2;
    }
  }
  if (args.length === 0) {
    const entries = exportedEntries(ctx.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [k, v] of entries) {
      io.stdout(sh === 'bash' ? `declare -x ${k}="${v.replace(/["\\$`]/g, '\\$&')}"\n` : `export ${k}='${v.replace(/'/g, `'"'"'`)}'\n`);
    }
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME.test(name)) {
      io.stderr(sh === 'bash' ? `bash: export: \`${a}': not a valid identifier\n` : `sh: export: ${a}: bad variable name\n`);
      status = sh === 'bash' ? 1 : 2;
      continue;
    }
    if (unexport) {
      if (ctx.env.has(name)) {
        const v = ctx.env.get(name)!;
        unsetVar(ctx.env, name);
        setVar(ctx.env, name, v);
      }
    } else {
      exportVar(ctx.env, name, eq < 0 ? undefined : a.slice(eq + 1));
    }
  }
  return status;
};

export const unset: Command = (argv, io, ctx) => {
  const sh = flavour(ctx);
  let status = 0;
  for (const a of argv.slice(1)) {
    if (a === '-v' || a === '-f') continue;
    if (!NAME.test(a)) {
      io.stderr(sh === 'bash' ? `bash: unset: \`${a}': not a valid identifier\n` : `sh: unset: ${a}: bad variable name\n`);
      status = sh === 'bash' ? 1 : 2;
      continue;
    }
    unsetVar(ctx.env, a);
  }
  return status;
};

/** bash numbers history from 1 as `%5d  %s`, busybox ash from 0 as `%4d %s`. */
export const history: Command = (argv, io, ctx) => {
  const sh = flavour(ctx);
  const all = ctx.history;
  let from = 0;
  if (argv[1] !== undefined) {
    if (!/^[0-9]+$/.test(argv[1])) {
      io.stderr(`${sh}: history: ${argv[1]}: numeric argument required\n`);
      return 1;
    }
    from = Math.max(0, all.length - Number(argv[1]));
  }
  let out = '';
  for (let i = from; i < all.length; i++) {
    out += sh === 'bash' ? `${String(i + 1).padStart(5)}  ${all[i]}\n` : `${String(i).padStart(4)} ${all[i]}\n`;
  }
  io.stdout(out);
  return 0;
};

export const clear: Command = (_argv, _io, ctx) => {
  ctx.clearScreen();
  return 0;
};

export function isValidName(name: string): boolean {
  return NAME.test(name);
}
