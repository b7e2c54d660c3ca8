// A tiny Redis per pod: strings and lists (the vote app pushes JSON onto
// `votes`, the worker pops it), the start-up and shutdown log of the image's
// version, and redis-cli's two output styles (raw when stdout is not a
// terminal, as with `kubectl exec` without -t; decorated with -t).
// Log lines checked against redis-server 7.0.15 (Debian); the 5.x, 6.x and
// 7.2+ variants differ in the marked places.

import type { AppContext, AppFactory, AppInstance, RespValue } from './types';
import { redisLogTime } from './time-format';

const ok = (): RespValue => ({ type: 'status', value: 'OK' });
const int = (n: number): RespValue => ({ type: 'integer', value: n });
const bulk = (s: string | null): RespValue => ({ type: 'bulk', value: s });
const err = (s: string): RespValue => ({ type: 'error', value: s });
const arr = (items: string[] | null): RespValue => ({ type: 'array', value: items === null ? null : items.map((s) => bulk(s)) });

const WRONGTYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';

function wrongArgs(cmd: string): RespValue {
  return err(`ERR wrong number of arguments for '${cmd.toLowerCase()}' command`);
}

/** The data of one Redis server (database 0). */
export class RedisStore {
  readonly strings = new Map<string, string>();
  readonly lists = new Map<string, string[]>();

  run(argv: string[]): RespValue {
    if (argv.length === 0) return err('ERR unknown command');
    const [cmd, ...a] = argv;
    const c = cmd.toUpperCase();
    const list = (k: string) => this.lists.get(k);
    const idx = (i: string, len: number) => {
      const n = Number.parseInt(i, 10);
      return n < 0 ? len + n : n;
    };
    switch (c) {
      case 'PING':
        return a.length ? bulk(a[0]) : { type: 'status', value: 'PONG' };
      case 'ECHO':
        return a.length === 1 ? bulk(a[0]) : wrongArgs(c);
      case 'SELECT':
        return a[0] === '0' ? ok() : err('ERR DB index is out of range');
      case 'SET':
        if (a.length < 2) return wrongArgs(c);
        this.lists.delete(a[0]);
        this.strings.set(a[0], a[1]);
        return ok();
      case 'GET':
        if (a.length !== 1) return wrongArgs(c);
        if (this.lists.has(a[0])) return err(WRONGTYPE);
        return bulk(this.strings.get(a[0]) ?? null);
      case 'RPUSH':
      case 'LPUSH': {
        if (a.length < 2) return wrongArgs(c);
        if (this.strings.has(a[0])) return err(WRONGTYPE);
        const l = list(a[0]) ?? [];
        if (c === 'RPUSH') l.push(...a.slice(1));
        else for (const v of a.slice(1)) l.unshift(v);
        this.lists.set(a[0], l);
        return int(l.length);
      }
      case 'LPOP':
      case 'RPOP':
      case 'BLPOP': {
        // BLPOP answers at once when there is data; blocking is the caller's loop.
        const keys = c === 'BLPOP' ? a.slice(0, -1) : [a[0]];
        for (const k of keys) {
          if (this.strings.has(k)) return err(WRONGTYPE);
          const l = list(k);
          if (!l?.length) continue;
          const v = c === 'RPOP' ? l.pop()! : l.shift()!;
          if (l.length === 0) this.lists.delete(k);
          return c === 'BLPOP' ? arr([k, v]) : bulk(v);
        }
        return c === 'BLPOP' ? arr(null) : bulk(null);
      }
      case 'LLEN':
        if (this.strings.has(a[0])) return err(WRONGTYPE);
        return int(list(a[0])?.length ?? 0);
      case 'LRANGE': {
        if (a.length !== 3) return wrongArgs(c);
        const l = list(a[0]) ?? [];
        const start = Math.max(0, idx(a[1], l.length));
        const stop = Math.min(l.length - 1, idx(a[2], l.length));
        return arr(start > stop ? [] : l.slice(start, stop + 1));
      }
      case 'KEYS': {
        const pattern = new RegExp(`^${(a[0] ?? '*').replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
        return arr([...this.strings.keys(), ...this.lists.keys()].filter((k) => pattern.test(k)).sort());
      }
      case 'EXISTS':
        return int(a.filter((k) => this.strings.has(k) || this.lists.has(k)).length);
      case 'DEL':
        return int(a.filter((k) => this.strings.delete(k) || this.lists.delete(k)).length);
      case 'TYPE':
        return { type: 'status', value: this.lists.has(a[0]) ? 'list' : this.strings.has(a[0]) ? 'string' : 'none' };
      case 'DBSIZE':
        return int(this.strings.size + this.lists.size);
      case 'FLUSHALL':
      case 'FLUSHDB':
        this.strings.clear();
        this.lists.clear();
        return ok();
      default:
        return err(`ERR unknown command '${cmd}', with args beginning with: ${a.map((x) => `'${x}' `).join('')}`);
    }
  }
}

/** redis-cli without a terminal: values one per line, nothing decorated. */
export function formatRespRaw(v: RespValue): string {
  switch (v.type) {
    case 'status':
      return `${v.value}\n`;
    case 'error':
      return `${v.value}\n`;
    case 'integer':
      return `${v.value}\n`;
    case 'bulk':
      return `${v.value ?? ''}\n`;
    case 'array':
      return v.value === null ? '\n' : v.value.map(formatRespRaw).join('');
  }
}

/** redis-cli on a terminal (`kubectl exec -it`): quotes, (integer), numbered arrays. */
export function formatRespTty(v: RespValue, major = 7, indent = ''): string {
  switch (v.type) {
    case 'status':
      return `${v.value}\n`;
    case 'error':
      return `(error) ${v.value}\n`;
    case 'integer':
      return `(integer) ${v.value}\n`;
    case 'bulk':
      return v.value === null ? '(nil)\n' : `${JSON.stringify(v.value)}\n`;
    case 'array': {
      if (v.value === null) return '(nil)\n';
      if (v.value.length === 0) return major >= 6 ? '(empty array)\n' : '(empty list or set)\n';
      const width = String(v.value.length).length;
      return v.value
        .map((item, i) => {
          const label = `${String(i + 1).padStart(width)}) `;
          const body = formatRespTty(item, major, indent + ' '.repeat(label.length));
          return `${i === 0 ? '' : indent}${label}${body}`;
        })
        .join('');
    }
  }
}

class RedisApp implements AppInstance {
  readonly behaviour = 'redis';
  readonly data = new RedisStore();
  private readonly version: string;

  constructor(private readonly ctx: AppContext) {
    this.version = ctx.image.appVersion ?? '7.4.2';
  }

  listens(port: number): boolean {
    return port === 6379;
  }

  private line(role: 'C' | 'M', level: '#' | '*', text: string): void {
    this.ctx.log('stdout', `1:${role} ${redisLogTime(this.ctx.now())} ${level} ${text}`);
  }

  start(): void {
    const [major, minor] = this.version.split('.').map(Number);
    const v72 = major > 7 || (major === 7 && minor >= 2);
    const startLevel = v72 ? '*' : '#';
    this.line('C', startLevel, 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
    this.line('C', startLevel, `Redis version=${this.version}, bits=64, commit=00000000, modified=0, pid=1, just started`);
    this.line('C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf');
    if (major > 6 || (major === 6 && minor >= 2)) this.line('M', '*', 'monotonic clock: POSIX clock_gettime');
    this.line('M', '*', 'Running mode=standalone, port=6379.');
    this.line('M', v72 ? '*' : '#', 'Server initialized');
    if (major >= 7) {
      this.line(
        'M',
        '#',
        'WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add \'vm.overcommit_memory = 1\' to /etc/sysctl.conf and then reboot or run the command \'sysctl vm.overcommit_memory=1\' for this to take effect.',
      );
    } else {
      this.line(
        'M',
        '#',
        "WARNING overcommit_memory is set to 0! Background save may fail under low memory condition. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
      );
    }
    this.line('M', '*', v72 ? 'Ready to accept connections tcp' : 'Ready to accept connections');
  }

  redis(argv: string[]): RespValue {
    return this.data.run(argv);
  }

  stop(): void {
    this.ctx.log('stdout', `1:signal-handler (${Math.floor(this.ctx.now() / 1000)}) Received SIGTERM scheduling shutdown...`);
    this.line('M', '#', 'User requested shutdown...');
    this.line('M', '*', 'Saving the final RDB snapshot before exiting.');
    this.line('M', '*', 'DB saved on disk');
    this.line('M', '#', 'Redis is now ready to exit, bye bye...');
  }
}

export const redisApp: AppFactory = { id: 'redis', create: (ctx) => new RedisApp(ctx) };
