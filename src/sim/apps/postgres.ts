// postgres:9.4 with just enough SQL for the voting app: the worker's
// `CREATE TABLE IF NOT EXISTS votes (id VARCHAR(255) NOT NULL UNIQUE, vote
// VARCHAR(255) NOT NULL)`, `INSERT INTO votes (id, vote) VALUES ($1, $2)`
// (a second vote by the same voter violates `votes_id_key`), `UPDATE votes SET
// vote = $1 WHERE id = $2`, the result app's `SELECT vote, COUNT(id) AS count
// FROM votes GROUP BY vote`, and `SELECT * FROM votes` for a learner's psql.
//
// Start-up: the image's entrypoint initialises an empty data directory
// (initdb, a temporary server, then the real one) and refuses to when neither
// POSTGRES_PASSWORD nor POSTGRES_HOST_AUTH_METHOD is set: it prints why and
// exits 1, so the pod crash-loops (the lab's db-deploy.yaml sets
// POSTGRES_HOST_AUTH_METHOD=trust; db-pod.yaml does not). 9.4 logs without a
// prefix (`LOG:  ...`). The initdb text is reproduced from memory, not captured.

import type { AppContext, AppFactory, AppInstance, SqlResult } from './types';
import { isoSeconds } from './time-format';

interface Table {
  columns: string[];
  unique: string[];
  rows: Record<string, string>[];
}

/** initdb plus the first start of the server takes this long before it accepts TCP. */
export const POSTGRES_INIT_MS = 3000;

const REFUSAL = [
  'Error: Database is uninitialized and superuser password is not specified.',
  '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
  '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
  '',
  '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
  '       connections without a password. This is *not* recommended.',
  '',
  '       See PostgreSQL documentation about "trust":',
  '       https://www.postgresql.org/docs/current/auth-trust.html',
];

class PostgresApp implements AppInstance {
  readonly behaviour = 'postgres';
  readonly tables = new Map<string, Table>();
  private readyAt = Infinity;

  constructor(private readonly ctx: AppContext) {}

  listens(port: number): boolean {
    return port === 5432 && this.ctx.now() >= this.readyAt;
  }

  start(): void {
    const env = this.ctx.env;
    const out = (s: string, at?: number) => this.ctx.log('stdout', s, at);
    const log = (s: string, at?: number) => this.ctx.log('stderr', s, at);
    if (!env.get('POSTGRES_PASSWORD') && !env.get('POSTGRES_HOST_AUTH_METHOD')) {
      for (const l of REFUSAL) log(l);
      this.ctx.exit?.(1);
      return;
    }
    const t0 = this.ctx.now();
    const data = env.get('PGDATA') ?? '/var/lib/postgresql/data';
    const initdb = [
      'The files belonging to this database system will be owned by user "postgres".',
      'This user must also own the server process.',
      '',
      'The database cluster will be initialized with locale "en_US.utf8".',
      'The default database encoding has accordingly been set to "UTF8".',
      'The default text search configuration will be set to "english".',
      '',
      'Data page checksums are disabled.',
      '',
      `fixing permissions on existing directory ${data} ... ok`,
      'creating subdirectories ... ok',
      'selecting default max_connections ... 100',
      'selecting default shared_buffers ... 128MB',
      'selecting dynamic shared memory implementation ... posix',
      'creating configuration files ... ok',
      `creating template1 database in ${data}/base/1 ... ok`,
      'initializing pg_authid ... ok',
      'initializing dependencies ... ok',
      'creating system views ... ok',
      "loading system objects' descriptions ... ok",
      'creating collations ... ok',
      'creating conversions ... ok',
      'creating dictionaries ... ok',
      'setting privileges on built-in objects ... ok',
      'creating information schema ... ok',
      'loading PL/pgSQL server-side language ... ok',
      'vacuuming database template1 ... ok',
      'copying template1 to template0 ... ok',
      'copying template1 to postgres ... ok',
      'syncing data to disk ... ok',
      '',
      'Success. You can now start the database server using:',
      '',
      `    postgres -D ${data}`,
      'or',
      `    pg_ctl -D ${data} -l logfile start`,
      '',
    ];
    for (const l of initdb) out(l, t0 + 1200);
    log('', t0 + 1200);
    log('WARNING: enabling "trust" authentication for local connections', t0 + 1200);
    log('You can change this by editing pg_hba.conf or using the option -A, or', t0 + 1200);
    log('--auth-local and --auth-host, the next time you run initdb.', t0 + 1200);
    out('waiting for server to start....', t0 + 1300);
    const up = (at: number, shutAt: number) => {
      log(`LOG:  database system was shut down at ${isoSeconds(shutAt)} UTC`, at);
      log('LOG:  MultiXact member wraparound protections are now enabled', at);
      log('LOG:  database system is ready to accept connections', at);
      log('LOG:  autovacuum launcher started', at);
    };
    up(t0 + 1400, t0 + 1200);
    out(' done', t0 + 1500);
    out('server started', t0 + 1500);
    out('ALTER ROLE', t0 + 1600);
    out('', t0 + 1600);
    out('', t0 + 1600);
    out('/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*', t0 + 1600);
    out('', t0 + 1600);
    log('LOG:  received fast shutdown request', t0 + 1700);
    out('waiting for server to shut down....', t0 + 1700);
    log('LOG:  aborting any active transactions', t0 + 1700);
    log('LOG:  autovacuum launcher shutting down', t0 + 1700);
    log('LOG:  shutting down', t0 + 1800);
    log('LOG:  database system is shut down', t0 + 1900);
    out(' done', t0 + 2000);
    out('server stopped', t0 + 2000);
    out('', t0 + 2000);
    out('PostgreSQL init process complete; ready for start up.', t0 + 2000);
    out('', t0 + 2000);
    up(t0 + POSTGRES_INIT_MS, t0 + 1900);
    this.readyAt = t0 + POSTGRES_INIT_MS;
  }

  stop(): void {
    // SIGTERM is postgres's "smart" shutdown.
    const log = (s: string) => this.ctx.log('stderr', s);
    log('LOG:  received smart shutdown request');
    log('LOG:  autovacuum launcher shutting down');
    log('LOG:  shutting down');
    log('LOG:  database system is shut down');
  }

  sql(statement: string, params: string[] = []): SqlResult {
    const s = statement.trim().replace(/;$/, '');
    const value = (tok: string) => {
      const m = /^\$(\d+)$/.exec(tok.trim());
      if (m) return params[Number(m[1]) - 1] ?? '';
      return tok.trim().replace(/^'(.*)'$/, '$1');
    };
    let m = /^CREATE TABLE (IF NOT EXISTS )?(\w+) \((.*)\)$/i.exec(s);
    if (m) {
      const name = m[2].toLowerCase();
      if (this.tables.has(name)) {
        if (m[1]) return { command: 'CREATE TABLE' };
        return this.error(`relation "${name}" already exists`, statement);
      }
      const cols = m[3].split(',').map((c) => c.trim().split(/\s+/));
      this.tables.set(name, { columns: cols.map((c) => c[0].toLowerCase()), unique: cols.filter((c) => /UNIQUE/i.test(c.join(' '))).map((c) => c[0].toLowerCase()), rows: [] });
      return { command: 'CREATE TABLE' };
    }
    m = /^INSERT INTO (\w+) \(([^)]*)\) VALUES \(([^)]*)\)$/i.exec(s);
    if (m) {
      const t = this.table(m[1]);
      if (!t) return this.error(`relation "${m[1].toLowerCase()}" does not exist`, statement);
      const cols = m[2].split(',').map((c) => c.trim().toLowerCase());
      const vals = m[3].split(',').map(value);
      const row = Object.fromEntries(cols.map((c, i) => [c, vals[i]]));
      for (const u of t.unique) {
        if (t.rows.some((r) => r[u] === row[u])) {
          return this.error(`duplicate key value violates unique constraint "${m[1].toLowerCase()}_${u}_key"`, statement, `Key (${u})=(${row[u]}) already exists.`);
        }
      }
      t.rows.push(row);
      return { command: 'INSERT 0 1' };
    }
    m = /^UPDATE (\w+) SET (\w+) = (\S+) WHERE (\w+) = (\S+)$/i.exec(s);
    if (m) {
      const t = this.table(m[1]);
      if (!t) return this.error(`relation "${m[1].toLowerCase()}" does not exist`, statement);
      const [col, val, key, keyVal] = [m[2].toLowerCase(), value(m[3]), m[4].toLowerCase(), value(m[5])];
      let n = 0;
      for (const r of t.rows) if (r[key] === keyVal) (r[col] = val), n++;
      return { command: `UPDATE ${n}` };
    }
    m = /^SELECT (\w+), COUNT\((\w+)\) AS count FROM (\w+) GROUP BY (\w+)$/i.exec(s);
    if (m) {
      const t = this.table(m[3]);
      if (!t) return this.error(`relation "${m[3].toLowerCase()}" does not exist`, statement);
      const col = m[1].toLowerCase();
      const counts = new Map<string, number>();
      for (const r of t.rows) counts.set(r[col], (counts.get(r[col]) ?? 0) + 1);
      const rows = [...counts.entries()].map(([v, c]) => ({ [col]: v, count: String(c) }));
      return { command: `SELECT ${rows.length}`, rows };
    }
    m = /^SELECT \* FROM (\w+)$/i.exec(s);
    if (m) {
      const t = this.table(m[1]);
      if (!t) return this.error(`relation "${m[1].toLowerCase()}" does not exist`, statement);
      return { command: `SELECT ${t.rows.length}`, rows: t.rows.map((r) => ({ ...r })) };
    }
    return this.error(`syntax error at or near "${s.split(/\s+/)[0]}"`, statement);
  }

  private table(name: string): Table | undefined {
    return this.tables.get(name.toLowerCase());
  }

  /** The server logs every failed statement with its detail. */
  private error(message: string, statement: string, detail?: string): SqlResult {
    this.ctx.log('stderr', `ERROR:  ${message}`);
    if (detail) this.ctx.log('stderr', `DETAIL:  ${detail}`);
    this.ctx.log('stderr', `STATEMENT:  ${statement}`);
    return detail ? { error: message, detail } : { error: message };
  }
}

/** psql's aligned output for a result (`psql -c "select * from votes"`), as checked against psql 15. */
export function formatPsql(r: SqlResult): string {
  if (r.error) return `ERROR:  ${r.error}\n${r.detail ? `DETAIL:  ${r.detail}\n` : ''}`;
  if (!r.rows) return `${r.command}\n`;
  const cols = r.rows.length ? Object.keys(r.rows[0]) : ['id', 'vote'];
  const widths = cols.map((c) => Math.max(c.length, ...r.rows!.map((row) => (row[c] ?? '').length)));
  const center = (s: string, w: number) => {
    const left = Math.floor((w - s.length) / 2);
    return ' '.repeat(left) + s + ' '.repeat(w - s.length - left);
  };
  const head = cols.map((c, i) => ` ${center(c, widths[i])} `).join('|');
  const rule = widths.map((w) => '-'.repeat(w + 2)).join('+');
  const rows = r.rows.map((row) =>
    cols
      .map((c, i) => {
        // Numbers (the count column) are right-aligned; text is left-aligned, the last column unpadded.
        const v = row[c] ?? '';
        const cell = c === 'count' ? ` ${v.padStart(widths[i])}` : ` ${v.padEnd(widths[i])}`;
        return i === cols.length - 1 ? cell.trimEnd() : `${cell} `;
      })
      .join('|'),
  );
  const n = r.rows.length;
  return `${head}\n${rule}\n${rows.map((x) => `${x}\n`).join('')}(${n} ${n === 1 ? 'row' : 'rows'})\n\n`;
}

export const postgresApp: AppFactory = { id: 'postgres', create: (ctx) => new PostgresApp(ctx) };
