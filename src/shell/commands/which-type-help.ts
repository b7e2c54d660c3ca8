// which, type and help: what a name runs here, and the playground's own
// summary of what it supports.

import type { Command, ExecContext } from '../types';
import { shellOf } from '../interp/context';
import { SHELL_BUILTINS, SHELL_KEYWORDS, commandPath } from './paths';

function isExternal(name: string, ctx: ExecContext): boolean {
  const shell = shellOf(ctx);
  if (!shell || SHELL_BUILTINS.has(name) || SHELL_KEYWORDS.has(name) || shell.isSpecialBuiltin(name)) return false;
  return shell.lookup(name) !== undefined;
}

export const which: Command = (argv, io, ctx) => {
  const names = argv.slice(1).filter((a) => a !== '-a');
  if (names.length === 0) return 1;
  let status = 0;
  for (const n of names) {
    if (n.includes('/')) {
      // files in the VFS are never executable
      status = 1;
      continue;
    }
    // `echo`, `printf`, `test`, `[`, `true`... also exist as programs
    const alsoProgram = ['echo', 'printf', 'test', '[', 'true', 'false', 'pwd', 'kill'].includes(n);
    if (isExternal(n, ctx) || (alsoProgram && shellOf(ctx)?.lookup(n))) io.stdout(commandPath(n, ctx.location) + '\n');
    else status = 1;
  }
  return status;
};

export const type: Command = (argv, io, ctx) => {
  const shell = shellOf(ctx);
  const flavour = shell?.flavour ?? 'bash';
  let status = 0;
  let terse = false;
  for (const n of argv.slice(1)) {
    if (n === '-t') {
      terse = true;
      continue;
    }
    if (SHELL_KEYWORDS.has(n)) io.stdout(terse ? 'keyword\n' : `${n} is a shell keyword\n`);
    else if ((SHELL_BUILTINS.has(n) || shell?.isSpecialBuiltin(n)) && (shell?.lookup(n) || shell?.isSpecialBuiltin(n))) {
      io.stdout(terse ? 'builtin\n' : `${n} is a shell builtin\n`);
    } else if (isExternal(n, ctx)) io.stdout(terse ? 'file\n' : `${n} is ${commandPath(n, ctx.location)}\n`);
    else {
      status = 1;
      if (terse) continue;
      if (flavour === 'bash') io.stderr(`bash: type: ${n}: not found\n`);
      else io.stdout(`${n}: not found\n`);
    }
  }
  return status;
};

/** The playground's help text for a location, given the command names available there. */
export function helpText(names: readonly string[], width = 80): string {
  const sorted = [...new Set(names)].filter((n) => /^[a-z[.:]/.test(n)).sort();
  const lines: string[] = [];
  let line = ' ';
  for (const n of sorted) {
    if (line.length + 1 + n.length > width - 1) {
      lines.push(line);
      line = ' ';
    }
    line += ' ' + n;
  }
  if (line.trim()) lines.push(line);
  return [
    'This playground simulates a Kubernetes cluster. Commands available here:',
    '',
    ...lines,
    '',
    'The shell understands pipes (|), && and ||, ;, redirections (> >> < 2> 2>&1 &> /dev/null),',
    "here-documents (<<EOF, <<'EOF', <<-EOF), variables ($VAR, ${VAR:-default}, export), $(...) and",
    '`...`, $((arithmetic)), globs (*.yaml), if/for/while loops and comments.',
    'Ctrl-C stops a running command (kubectl get -w, watch, sleep); Ctrl-L clears the screen.',
    '',
  ].join('\n');
}

export const help: Command = (_argv, io, ctx) => {
  io.stdout(helpText(shellOf(ctx)?.commandNames() ?? []));
  return 0;
};
