import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppWorld } from '../../../test/fixtures/dns/app-world';
import { formatRespRaw, formatRespTty, RedisStore } from './redis';
import { oracleSkipReason } from '../../../test/fixtures/dns/oracle';

describe('redis', () => {
  it('keeps lists the way the vote app and the worker use them', () => {
    const r = new RedisStore();
    expect(r.run(['RPUSH', 'votes', 'x', 'y'])).toEqual({ type: 'integer', value: 2 });
    expect(r.run(['LLEN', 'votes'])).toEqual({ type: 'integer', value: 2 });
    expect(r.run(['LRANGE', 'votes', '0', '-1'])).toEqual({ type: 'array', value: [{ type: 'bulk', value: 'x' }, { type: 'bulk', value: 'y' }] });
    expect(r.run(['BLPOP', 'votes', '0'])).toEqual({ type: 'array', value: [{ type: 'bulk', value: 'votes' }, { type: 'bulk', value: 'x' }] });
    expect(r.run(['LPOP', 'votes'])).toEqual({ type: 'bulk', value: 'y' });
    expect(r.run(['LPOP', 'votes'])).toEqual({ type: 'bulk', value: null });
    expect(r.run(['BLPOP', 'votes', '0'])).toEqual({ type: 'array', value: null });
    expect(r.run(['PING'])).toEqual({ type: 'status', value: 'PONG' });
    expect(r.run(['SET', 'k', 'v'])).toEqual({ type: 'status', value: 'OK' });
    expect(r.run(['LPUSH', 'k', 'v']).type).toBe('error');
  });

  it('prints like redis-cli on a terminal', () => {
    const r = new RedisStore();
    r.run(['RPUSH', 'votes', '{"voter_id": "a1", "vote": "a"}', 'b']);
    expect(formatRespTty(r.run(['LRANGE', 'votes', '0', '-1']))).toBe('1) "{\\"voter_id\\": \\"a1\\", \\"vote\\": \\"a\\"}"\n2) "b"\n');
    expect(formatRespTty(r.run(['LLEN', 'votes']))).toBe('(integer) 2\n');
    expect(formatRespTty(r.run(['LRANGE', 'none', '0', '-1']))).toBe('(empty array)\n');
    expect(formatRespTty(r.run(['GET', 'none']))).toBe('(nil)\n');
  });

  it('logs the start-up of the image version', () => {
    const w = new AppWorld();
    const p = w.startPod('redis-1', 'redis:7.0');
    expect(p.logs.map((l) => l.text)).toEqual([
      '1:C 12 Jan 2026 10:00:00.000 # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      '1:C 12 Jan 2026 10:00:00.000 # Redis version=7.0.15, bits=64, commit=00000000, modified=0, pid=1, just started',
      '1:C 12 Jan 2026 10:00:00.000 # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
      '1:M 12 Jan 2026 10:00:00.000 * monotonic clock: POSIX clock_gettime',
      '1:M 12 Jan 2026 10:00:00.000 * Running mode=standalone, port=6379.',
      '1:M 12 Jan 2026 10:00:00.000 # Server initialized',
      expect.stringMatching(/^1:M 12 Jan 2026 10:00:00\.000 # WARNING Memory overcommit must be enabled!/),
      '1:M 12 Jan 2026 10:00:00.000 * Ready to accept connections',
    ]);
    const latest = w.startPod('redis-2', 'redis').logs.map((l) => l.text);
    expect(latest[1]).toContain('Redis version=7.4.2');
    expect(latest[latest.length - 1]).toMatch(/\* Ready to accept connections tcp$/);
  });
});

const skip = oracleSkipReason({ namespace: true, tools: [['redis-server', 'redis-server'], ['redis-cli', 'redis-tools']] });
if (skip) describe('redis against the real redis-server 7.0', () => it.skip(`skipped: ${skip}`, () => {}));
describe.skipIf(!!skip)('redis against the real redis-server 7.0', () => {
  it('logs and answers redis-cli like the real server (without a terminal)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'redis-oracle-'));
    try {
      // A private network namespace: the real server takes port 6379 without clashing with anything.
      const script = [
        'ip link set lo up',
        `cd '${dir}'`,
        'redis-server > server.log 2>&1 & pid=$!',
        'for i in 1 2 3 4 5 6 7 8 9 10; do redis-cli ping >/dev/null 2>&1 && break; sleep 0.2; done',
        'echo "== rpush"; redis-cli rpush votes \'{"voter_id": "a1", "vote": "a"}\'',
        'echo "== lrange"; redis-cli lrange votes 0 -1',
        'echo "== llen"; redis-cli llen votes',
        'echo "== lpop"; redis-cli lpop votes',
        'echo "== lpop-empty"; redis-cli lpop votes',
        'echo "== ping"; redis-cli ping',
        'kill -TERM $pid; wait $pid',
        'echo "== log"; cat server.log',
      ].join('\n');
      const out = execFileSync('unshare', ['-n', '--', 'sh', '-c', script], { encoding: 'latin1', timeout: 20_000 });
      const parts = Object.fromEntries(
        out
          .split('== ')
          .filter(Boolean)
          .map((p) => {
            const i = p.indexOf('\n');
            return [p.slice(0, i), p.slice(i + 1)];
          }),
      );
      const r = new RedisStore();
      expect(formatRespRaw(r.run(['RPUSH', 'votes', '{"voter_id": "a1", "vote": "a"}']))).toBe(parts.rpush);
      expect(formatRespRaw(r.run(['LRANGE', 'votes', '0', '-1']))).toBe(parts.lrange);
      expect(formatRespRaw(r.run(['LLEN', 'votes']))).toBe(parts.llen);
      expect(formatRespRaw(r.run(['LPOP', 'votes']))).toBe(parts.lpop);
      expect(formatRespRaw(r.run(['LPOP', 'votes']))).toBe(parts['lpop-empty']);
      expect(formatRespRaw(r.run(['PING']))).toBe(parts.ping);

      const w = new AppWorld();
      const p = w.startPod('redis-1', 'redis:7.0');
      p.app.stop!();
      // Same lines once pid, time and the host-specific ones are set aside.
      const norm = (l: string) => l.replace(/^\d+:/, 'PID:').replace(/\d\d \w{3} \d{4} [\d:.]+/, 'TIME').replace(/\(\d+\)/, '(T)');
      const hostSpecific = /Redis version=|WARNING|Saving|DB saved/;
      const real = parts.log.trim().split('\n').map(norm).filter((l) => !hostSpecific.test(l));
      const sim = p.logs.map((l) => norm(l.text)).filter((l) => !hostSpecific.test(l));
      expect(sim).toEqual(real);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
