// `redis-cli [-h HOST] [-p PORT] [-n DB] [--raw|--no-raw] CMD [ARG...]` in an
// image that ships it (the redis images): connects over the simulated network
// (its own pod over loopback by default), runs the command on the Redis it
// reaches, and prints the reply decorated on a terminal and raw otherwise,
// as redis-cli does. Commands can also come on stdin, one per line.

import type { Command } from '../types';
import type { AppInstance, RespValue } from '../../sim/apps/types';
import { formatRespRaw, formatRespTty } from '../../sim/apps/redis';
import { isTty } from '../interp/context';
import { clientConnect } from './lib/client-connect';
import { commandLine, podPlace } from './lib/where';

interface Options {
  host: string;
  port: number;
  db?: string;
  raw?: boolean;
  command: string[];
}

function parse(args: string[]): Options | { error: string } {
  const o: Options = { host: '127.0.0.1', port: 6379, command: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = () => args[++i];
    if (a === '-h') o.host = next() ?? o.host;
    else if (a === '-p') {
      const v = next();
      if (!v || !/^\d+$/.test(v)) return { error: `Unrecognized option or bad number of args for: '-p'\n` };
      o.port = Number(v);
    } else if (a === '-n') o.db = next();
    else if (a === '-a' || a === '--pass' || a === '--user') next();
    else if (a === '--raw') o.raw = true;
    else if (a === '--no-raw') o.raw = false;
    else if (a === '--no-auth-warning' || a === '-c') continue;
    else if (a.startsWith('-') && o.command.length === 0) return { error: `Unrecognized option or bad number of args for: '${a}'\n` };
    else {
      o.command = args.slice(i);
      break;
    }
  }
  return o;
}

/** Split a line of redis-cli input into words (double quotes group words). */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]));
  return out;
}

export const redisCli: Command = async (argv, io, ctx) => {
  const pod = podPlace(ctx);
  if (!pod) return 127;
  const parsed = parse(argv.slice(1));
  if ('error' in parsed) {
    io.stderr(parsed.error);
    return 1;
  }
  const commands = parsed.command.length ? [parsed.command] : io.stdin.split('\n').map(words).filter((w) => w.length);
  if (commands.length === 0) {
    io.stderr('redis-cli: the interactive prompt is not simulated in this playground; give the command as arguments (redis-cli KEYS \'*\')\n');
    return 1;
  }
  ctx.sim.runtime.traces.cause = commandLine(argv);
  const c = await clientConnect(ctx, parsed.host, parsed.port);
  if (c.kind === 'interrupted') return 130;
  if (c.kind !== 'connected') {
    io.stderr(`Could not connect to Redis at ${parsed.host}:${parsed.port}: ${c.message}\n`);
    return 1;
  }
  const server: AppInstance | undefined = c.attempt.server;
  const major = Number((pod.image.appVersion ?? '7').split('.')[0]) || 7;
  const tty = parsed.raw === undefined ? isTty(io) : !parsed.raw;
  const print = (v: RespValue) => io.stdout(tty ? formatRespTty(v, major) : formatRespRaw(v));
  if (!server?.redis) {
    // Not a Redis on the other end: the server hangs up without a reply.
    io.stderr('Error: Server closed the connection\n');
    return 1;
  }
  if (parsed.db !== undefined && parsed.db !== '0') print(server.redis(['SELECT', parsed.db]));
  for (const cmd of commands) print(server.redis(cmd));
  return 0;
};

