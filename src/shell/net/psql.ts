// `psql [-h HOST] [-p PORT] [-U USER] [-d DB] -c SQL` in an image that ships
// it (the postgres images): without -h it talks to the server of its own pod
// over the Unix socket, with -h over the simulated network; it prints results
// as psql's aligned tables. The connection errors are those of the image's
// psql: 9.x (`psql: could not connect to server: ...`) or 14+ (`psql: error:
// connection to server ... failed: ...`).

import type { Command } from '../types';
import type { AppInstance } from '../../sim/apps/types';
import { formatPsql } from '../../sim/apps/postgres';
import { clientConnect } from './lib/client-connect';
import { commandLine, podPlace } from './lib/where';

const SOCKET = '/var/run/postgresql/.s.PGSQL.5432';

interface Options {
  host?: string;
  port: number;
  commands: string[];
}

const LONG: Record<string, string> = { host: 'h', port: 'p', command: 'c', file: 'f', username: 'U', dbname: 'd' };
const WITH_VALUE = new Set(['h', 'p', 'c', 'f', 'U', 'd']);
const SWITCHES = new Set(['q', 'w', 'X', 'A', 't', 'x']);

function parse(args: string[], stdin: string, read: (f: string) => string | undefined): Options | { error: string } {
  const o: Options = { port: 5432, commands: [] };
  const tryHelp = 'Try "psql --help" for more information.\n';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    let flag: string;
    let value: string | undefined;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      flag = LONG[name] ?? (name === 'quiet' || name === 'no-psqlrc' ? 'q' : '');
      if (!flag) return { error: `psql: unrecognized option '${a}'\n${tryHelp}` };
      if (eq >= 0) value = a.slice(eq + 1);
    } else if (a.startsWith('-') && a.length > 1) {
      flag = a[1];
      if (a.length > 2) value = a.slice(2);
    } else continue;
    if (SWITCHES.has(flag)) continue;
    if (!WITH_VALUE.has(flag)) return { error: `psql: invalid option -- '${flag}'\n${tryHelp}` };
    value ??= args[++i];
    if (value === undefined) return { error: `psql: option requires an argument -- '${flag}'\n${tryHelp}` };
    if (flag === 'h') o.host = value;
    else if (flag === 'p') o.port = Number(value);
    else if (flag === 'c') o.commands.push(value);
    else if (flag === 'f') o.commands.push(...splitStatements(read(value) ?? ''));
  }
  if (o.commands.length === 0 && stdin.trim()) o.commands.push(...splitStatements(stdin));
  return o;
}

function splitStatements(text: string): string[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

export const psql: Command = async (argv, io, ctx) => {
  const pod = podPlace(ctx);
  if (!pod) return 127;
  const parsed = parse(argv.slice(1), io.stdin, (f) => ctx.fs.read(f) ?? undefined);
  if ('error' in parsed) {
    io.stderr(parsed.error);
    return 1;
  }
  if (parsed.commands.length === 0) {
    io.stderr('psql: the interactive prompt is not simulated in this playground; give the statement with -c (psql -U postgres -c "select * from votes")\n');
    return 1;
  }
  const major = Number.parseInt(pod.image.appVersion ?? '', 10) || 17;
  const modern = major >= 14;
  let server: AppInstance | undefined;
  if (parsed.host === undefined) {
    server = ctx.sim.runtime.apps.tcpServer(pod.namespace, pod.pod, parsed.port);
    if (!server?.sql) {
      io.stderr(
        modern
          ? `psql: error: connection to server on socket "${SOCKET}" failed: No such file or directory\n\tIs the server running locally and accepting connections on that socket?\n`
          : `psql: could not connect to server: No such file or directory\n\tIs the server running locally and accepting\n\tconnections on Unix domain socket "${SOCKET}"?\n`,
      );
      return 2;
    }
  } else {
    ctx.sim.runtime.traces.cause = commandLine(argv);
    const c = await clientConnect(ctx, parsed.host, parsed.port);
    if (c.kind === 'interrupted') return 130;
    if (c.kind === 'resolve-failed') {
      io.stderr(modern ? `psql: error: could not translate host name "${parsed.host}" to address: ${c.message}\n` : `psql: could not translate host name "${parsed.host}" to address: ${c.message}\n`);
      return 2;
    }
    if (c.kind === 'connect-failed') {
      io.stderr(
        modern
          ? `psql: error: connection to server at "${parsed.host}" (${c.ip}), port ${parsed.port} failed: ${c.message}\n\tIs the server running on that host and accepting TCP/IP connections?\n`
          : `psql: could not connect to server: ${c.message}\n\tIs the server running on host "${parsed.host}" (${c.ip}) and accepting\n\tTCP/IP connections on port ${parsed.port}?\n`,
      );
      return 2;
    }
    server = c.attempt.server;
    if (!server?.sql) {
      io.stderr(modern ? `psql: error: connection to server at "${parsed.host}" (${c.ip}), port ${parsed.port} failed: server closed the connection unexpectedly\n` : 'psql: server closed the connection unexpectedly\n');
      return 2;
    }
  }
  let status = 0;
  for (const statement of parsed.commands) {
    const r = server.sql!(statement);
    if (r.error) {
      io.stderr(formatPsql(r));
      status = 1;
    } else io.stdout(formatPsql(r));
  }
  return status;
};
