// The generic commands every shell location offers (GNU coreutils, grep 3.8,
// sed 4.9, mawk 1.3.4, procps watch and bash builtins), by name.

import type { Command } from '../types';
import { awk } from './awk';
import { cd, clear, exportCommand, falseCommand, history, pwd, trueCommand, unset } from './builtins';
import { cat } from './cat';
import { cut } from './cut';
import { date } from './date';
import { echo } from './echo';
import { env, printenv } from './env';
import { cp, mkdir, mv, rm, rmdir, touch } from './fileops';
import { grep } from './grep';
import { head, tail } from './head-tail';
import { ls } from './ls';
import { printf } from './printf';
import { sed } from './sed';
import { seq } from './seq';
import { sleep } from './sleep';
import { sort } from './sort';
import { tee } from './tee';
import { test } from './test';
import { tr } from './tr';
import { uniq } from './uniq';
import { watch } from './watch';
import { wc } from './wc';
import { help, type, which } from './which-type-help';
import { xargs } from './xargs';

export { helpText } from './which-type-help';
export { commandPath, SHELL_BUILTINS } from './paths';

export const genericCommands: Record<string, Command> = {
  '[': test,
  awk,
  cat,
  cd,
  clear,
  cp,
  cut,
  date,
  echo,
  env,
  export: exportCommand,
  false: falseCommand,
  grep,
  head,
  help,
  history,
  ls,
  mawk: awk,
  mkdir,
  mv,
  printenv,
  printf,
  pwd,
  rm,
  rmdir,
  sed,
  seq,
  sleep,
  sort,
  tail,
  tee,
  test,
  touch,
  tr,
  true: trueCommand,
  type,
  uniq,
  unset,
  watch,
  wc,
  which,
  xargs,
};
