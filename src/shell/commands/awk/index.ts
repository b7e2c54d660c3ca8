// awk (mawk 1.3.4, the awk of Debian and of the kind node image):
// awk [-F fs] [-v var=value]... ['program' | -f progfile] [file | var=value]...

import type { Command } from '../../types';
import { exportedEntries } from '../../interp/shell-state';
import { AwkSyntaxError, unescapeAwk } from './lexer';
import { parseProgram } from './parser';
import { AwkRuntime } from './runtime';
import type { Program } from './ast';
import { strerror } from '../lib/util';
import { FsError } from '../../fs/vfs';

const USAGE = `Usage: mawk [Options] [Program] [file ...]

Program:
    The -f option value is the name of a file containing program text.
    If no -f option is given, a "--" ends option processing; the following
    parameters are the program text.

Options:
    -f program-file  Program  text is read from file instead of from the
                     command-line.  Multiple -f options are accepted.
    -F value         sets the field separator, FS, to value.
    -v var=value     assigns value to program variable var.
    --               unambiguous end of options.

    Implementation-specific options are prefixed "-W".  They can be
    abbreviated:

    -W version       show version information and exit.
    -W dump          show assembler-like listing of program and exit.
    -W help          show this message and exit.
    -W interactive   set unbuffered output, line-buffered input.
    -W exec file     use file as program as well as last option.
    -W random=number set initial random seed.
    -W sprintf=number adjust size of sprintf buffer.
    -W posix_space   do not consider "\\n" a space.
    -W usage         show this message and exit.
`;

export const awk: Command = async (argv, io, ctx) => {
  const prog = (argv[0] ?? 'awk').split('/').pop()!;
  const args = argv.slice(1);
  let fs: string | undefined;
  const assigns: [string, string][] = [];
  const progFiles: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const flag = a[1];
    const inline = a.slice(2);
    const value = (): string | undefined => (inline !== '' ? inline : args[++i]);
    if (flag === 'F') {
      const v = value();
      if (v === undefined) return missingArg(io, prog, 'F');
      fs = v === 't' ? '\t' : unescapeAwk(v);
    } else if (flag === 'v') {
      const v = value();
      if (v === undefined) return missingArg(io, prog, 'v');
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(v);
      if (!m) {
        io.stderr(`${prog}: improper assignment: -v ${v}\n`);
        return 2;
      }
      assigns.push([m[1], unescapeAwk(m[2])]);
    } else if (flag === 'f') {
      const v = value();
      if (v === undefined) return missingArg(io, prog, 'f');
      progFiles.push(v);
    } else if (flag === 'W') {
      value();
    } else {
      io.stderr(`${prog}: not an option: ${a}\n`);
      return 2;
    }
  }
  let source: string;
  if (progFiles.length > 0) {
    const texts: string[] = [];
    for (const f of progFiles) {
      const t = f === '-' ? io.stdin : ctx.fs.read(f);
      if (t === undefined) {
        io.stderr(`${prog}: couldn't open file ${f}\n`);
        return 2;
      }
      texts.push(t);
    }
    source = texts.join('\n');
  } else {
    if (i >= args.length) {
      io.stderr(USAGE);
      return 2;
    }
    source = args[i++];
  }
  const operands = args.slice(i);
  let program: Program;
  try {
    program = parseProgram(source);
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    io.stderr(`${prog}: line ${e.line}: ${e.message}\n`);
    return 2;
  }
  const missing = undefinedFunction(program);
  if (missing) {
    io.stderr(`${prog}: line ${source.split('\n').length + 1}: function ${missing} never defined\n`);
    return 2;
  }
  const rt = new AwkRuntime(
    program,
    {
      readFile: (path) => {
        if (path === '-' || path === '/dev/stdin') return { text: io.stdin };
        try {
          return { text: ctx.fs.readFile(path) };
        } catch (e) {
          if (e instanceof FsError) return { error: strerror(e.code) };
          throw e;
        }
      },
    },
    () => ctx.signal.cancelled,
    prog,
  );
  rt.setEnviron(exportedEntries(ctx.env), ['awk', ...operands]);
  if (fs !== undefined) rt.setVar('FS', fs);
  for (const [k, v] of assigns) rt.setVar(k, v);
  const result = rt.run(operands);
  io.stdout(result.stdout);
  if (result.stderr) io.stderr(result.stderr);
  for (const [path, f] of result.files) {
    try {
      if (f.append && ctx.fs.isFile(path)) ctx.fs.append(path, f.text);
      else ctx.fs.write(path, f.text);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      io.stderr(`${prog}: cannot open "${path}" for output (${strerror(e.code)})\n`);
      return 2;
    }
  }
  for (const p of result.pipes) {
    await ctx.runLine(p.command, { stdin: p.input, stdout: io.stdout, stderr: io.stderr });
  }
  return result.exitCode;
};

function missingArg(io: { stderr(t: string): void }, prog: string, flag: string): number {
  io.stderr(`${prog}: option requires an argument -- ${flag}\n`);
  return 2;
}

/** The first user function called but never defined (mawk reports it before running). */
function undefinedFunction(program: Program): string | null {
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const rec = node as Record<string, unknown>;
    if (rec.k === 'call' && typeof rec.name === 'string' && !program.functions.has(rec.name)) seen.add(rec.name);
    for (const v of Object.values(rec)) visit(v);
  };
  visit(program.begin);
  visit(program.end);
  visit(program.rules);
  for (const f of program.functions.values()) visit(f.body);
  return seen.size ? [...seen][0] : null;
}
