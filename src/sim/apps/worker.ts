// The Java worker (schoolofdevops/vote-worker, schoolofdevops/worker): it
// connects to host `redis` (retrying every second with "Waiting for redis"),
// then to host `db` ("Waiting for db"), creates the votes table, and then
// moves every vote from the Redis list `votes` into Postgres: INSERT, or UPDATE
// when the voter already voted. All its messages go to stderr. It keeps the
// connections it opened (to the pods it reached), as Jedis and JDBC do.

import type { AppContext, AppFactory, AppInstance } from './types';
import { connectByName } from './connect';

/** Jedis's default connection timeout. */
const REDIS_TIMEOUT_MS = 2000;
/** PgJDBC's default connectTimeout. */
const DB_TIMEOUT_MS = 10_000;
const RETRY_MS = 1000;
/** How often the simulation lets the blocking BLPOP loop run. */
const POLL_MS = 250;

class WorkerApp implements AppInstance {
  readonly behaviour = 'worker';
  private stage: 'redis' | 'db' | 'watching' = 'redis';
  private redisServer?: AppInstance;
  private dbServer?: AppInstance;

  constructor(private readonly ctx: AppContext) {}

  listens(): boolean {
    return false;
  }

  start(): void {}

  private say(line: string, atOffset = 0): void {
    this.ctx.log('stderr', line, this.ctx.now() + atOffset);
  }

  wake(): number {
    if (this.stage === 'redis') {
      const c = connectByName(this.ctx, 'redis', 6379, REDIS_TIMEOUT_MS);
      if (c.ok && c.server?.redis && c.server.redis(['KEYS', '*']).type === 'array') {
        this.redisServer = c.server;
        this.stage = 'db';
        this.say('Connected to redis', c.elapsedMs);
        return c.elapsedMs;
      }
      this.say('Waiting for redis', c.elapsedMs);
      return c.elapsedMs + RETRY_MS;
    }
    if (this.stage === 'db') {
      const c = connectByName(this.ctx, 'db', 5432, DB_TIMEOUT_MS);
      if (c.ok && c.server?.sql) {
        this.dbServer = c.server;
        c.server.sql('CREATE TABLE IF NOT EXISTS votes (id VARCHAR(255) NOT NULL UNIQUE, vote VARCHAR(255) NOT NULL)');
        this.stage = 'watching';
        this.say('Connected to db', c.elapsedMs);
        this.say('Watching vote queue', c.elapsedMs);
        return c.elapsedMs + POLL_MS;
      }
      this.say('Waiting for db', c.elapsedMs);
      return c.elapsedMs + RETRY_MS;
    }
    for (;;) {
      const r = this.redisServer!.redis!(['BLPOP', 'votes', '0']);
      if (r.type !== 'array' || !r.value) break;
      const json = r.value[1];
      if (json.type !== 'bulk' || json.value === null) break;
      let voterId = '';
      let vote = '';
      try {
        const data = JSON.parse(json.value) as { voter_id?: string; vote?: string };
        voterId = String(data.voter_id ?? '');
        vote = String(data.vote ?? '');
      } catch {
        continue;
      }
      this.say(`Processing vote for '${vote}' by '${voterId}'`);
      const insert = this.dbServer!.sql!('INSERT INTO votes (id, vote) VALUES ($1, $2)', [voterId, vote]);
      if (insert.error) this.dbServer!.sql!('UPDATE votes SET vote = $1 WHERE id = $2', [vote, voterId]);
    }
    return POLL_MS;
  }
}

export const workerApp: AppFactory = { id: 'worker', create: (ctx) => new WorkerApp(ctx) };
