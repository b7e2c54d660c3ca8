// The whole voting app: vote -> redis -> worker -> postgres -> result.

import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppWorld, request } from '../../../test/fixtures/dns/app-world';
import { oracleSkipReason } from '../../../test/fixtures/dns/oracle';
import type { HttpResponse } from './types';
import { formatPsql, POSTGRES_INIT_MS } from './postgres';
import { resultPercentages } from './result';

const trust = [{ name: 'POSTGRES_HOST_AUTH_METHOD', value: 'trust' }];

function texts(w: AppWorld, pod: string): string[] {
  return w.pods.get(pod)!.logs.map((l) => l.text);
}

describe('the voting pipeline', () => {
  it('the worker waits for redis and db, then moves votes into postgres; the result page counts them', () => {
    const w = new AppWorld();
    w.startPod('worker-1', 'schoolofdevops/vote-worker:latest');
    w.startPod('result-1', 'schoolofdevops/vote-result:latest');
    w.advance(2500);
    expect(texts(w, 'worker-1').slice(0, 3)).toEqual(['Waiting for redis', 'Waiting for redis', 'Waiting for redis']);
    expect(texts(w, 'result-1').slice(0, 3)).toEqual(['App running on port 80', 'Waiting for db', 'Waiting for db']);

    w.startPod('redis-1', 'schoolofdevops/redis:latest');
    w.addService('instavote', 'redis', '10.104.128.34', 6379, ['redis-1']);
    w.startPod('db-1', 'postgres:9.4', { env: trust });
    w.addService('instavote', 'db', '10.96.200.10', 5432, ['db-1']);
    w.advance(POSTGRES_INIT_MS + 3000);
    const worker = texts(w, 'worker-1');
    expect(worker).toContain('Connected to redis');
    expect(worker.slice(-3)).toEqual(['Waiting for db', 'Connected to db', 'Watching vote queue'].slice(-3));
    expect(texts(w, 'result-1')).toContain('Connected to db');

    const vote = w.startPod('vote-1', 'schoolofdevops/vote:v1');
    const cast = (choice: string, cookie: string) =>
      vote.app.http!(request('POST', '/', { body: `vote=${choice}`, headers: [['Cookie', `voter_id=${cookie}`]] }), 80) as HttpResponse;
    expect(cast('a', 'v1').status).toBe(200);
    expect(cast('b', 'v2').status).toBe(200);
    expect(cast('b', 'v1').status).toBe(200);
    w.advance(1500);
    expect(texts(w, 'worker-1').slice(-3)).toEqual(["Processing vote for 'a' by 'v1'", "Processing vote for 'b' by 'v2'", "Processing vote for 'b' by 'v1'"]);
    // The second vote of v1 violates the unique id: postgres logs it, the worker updates instead.
    expect(texts(w, 'db-1').slice(-3)).toEqual([
      'ERROR:  duplicate key value violates unique constraint "votes_id_key"',
      'DETAIL:  Key (id)=(v1) already exists.',
      'STATEMENT:  INSERT INTO votes (id, vote) VALUES ($1, $2)',
    ]);
    const page = w.pods.get('result-1')!.app.http!(request('GET', '/'), 80) as HttpResponse;
    expect(page.body).toContain('{{aPercent | number:1}}%');
    expect(page.browserBody).toContain('<div class="label">Emacs</div><div class="stat">0.0%</div>');
    expect(page.browserBody).toContain('<div class="label">Vi</div><div class="stat">100.0%</div>');
    expect(page.browserBody).toContain('<span>2 votes</span>');
  });

  it('postgres refuses to start without a password or trust', () => {
    const w = new AppWorld();
    const p = w.startPod('db', 'postgres:9.4');
    expect(p.exitCode).toBe(1);
    expect(p.logs[0].text).toBe('Error: Database is uninitialized and superuser password is not specified.');
    expect(p.app.listens(5432)).toBe(false);
  });

  it('percentages round like the result page script', () => {
    expect(resultPercentages(0, 0)).toEqual({ a: 50, b: 50 });
    expect(resultPercentages(1, 2)).toEqual({ a: 33, b: 67 });
  });
});

const skip = oracleSkipReason({
  tools: [['psql', 'postgresql-client-15']],
  check: () => {
    if (process.getuid?.() !== 0) return 'needs root (to run initdb as the postgres user)';
    try {
      execFileSync('sh', ['-c', 'test -x /usr/lib/postgresql/15/bin/initdb && id postgres'], { stdio: 'ignore' });
      return undefined;
    } catch {
      return 'the PostgreSQL 15 server is not installed (apt-get install -y postgresql-15)';
    }
  },
});

if (skip) describe('psql output against the real psql', () => it.skip(`skipped: ${skip}`, () => {}));
describe.skipIf(!!skip)('psql output against the real psql', () => {
  it('formats the votes table and the counts like psql', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-oracle-'));
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'latin1' }).trim()), 0);
    chmodSync(dir, 0o755);
    const sql = [
      'CREATE TABLE IF NOT EXISTS votes (id VARCHAR(255) NOT NULL UNIQUE, vote VARCHAR(255) NOT NULL);',
      "INSERT INTO votes (id, vote) VALUES ('1c2ee3b3b8e7b6d', 'a');",
      "INSERT INTO votes (id, vote) VALUES ('x', 'b');",
    ].join('\n');
    writeFileSync(path.join(dir, 'q.sql'), sql);
    chmodSync(path.join(dir, 'q.sql'), 0o644);
    const bin = '/usr/lib/postgresql/15/bin';
    const script = [
      `${bin}/initdb -D ${dir}/data -A trust >/dev/null`,
      `${bin}/pg_ctl -D ${dir}/data -o "-k ${dir} -c listen_addresses=" -l ${dir}/log -w start >/dev/null`,
      `psql -h ${dir} -U postgres -q -f ${dir}/q.sql`,
      `echo "== all"; psql -h ${dir} -U postgres -c "select * from votes"`,
      `echo "== counts"; psql -h ${dir} -U postgres -c "SELECT vote, COUNT(id) AS count FROM votes GROUP BY vote ORDER BY vote"`,
      `echo "== dup"; psql -h ${dir} -U postgres -c "INSERT INTO votes (id, vote) VALUES ('x', 'b')" 2>&1`,
      `${bin}/pg_ctl -D ${dir}/data -m fast stop >/dev/null`,
    ].join('\n');
    try {
      // cwd: the postgres user must be able to enter it (a clone under a 0700 mktemp directory is not).
      const out = execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', script], { encoding: 'latin1', timeout: 60_000, cwd: dir });
      const parts = Object.fromEntries(
        out
          .split('== ')
          .filter(Boolean)
          .map((p) => [p.slice(0, p.indexOf('\n')), p.slice(p.indexOf('\n') + 1)]),
      );
      const w = new AppWorld();
      const db = w.startPod('db', 'postgres:9.4', { env: trust });
      w.advance(POSTGRES_INIT_MS);
      db.app.sql!('CREATE TABLE IF NOT EXISTS votes (id VARCHAR(255) NOT NULL UNIQUE, vote VARCHAR(255) NOT NULL)');
      db.app.sql!('INSERT INTO votes (id, vote) VALUES ($1, $2)', ['1c2ee3b3b8e7b6d', 'a']);
      db.app.sql!('INSERT INTO votes (id, vote) VALUES ($1, $2)', ['x', 'b']);
      expect(formatPsql(db.app.sql!('select * from votes'))).toBe(parts.all);
      expect(formatPsql(db.app.sql!('SELECT vote, COUNT(id) AS count FROM votes GROUP BY vote'))).toBe(parts.counts);
      expect(formatPsql(db.app.sql!("INSERT INTO votes (id, vote) VALUES ('x', 'b')"))).toBe(parts.dup);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
