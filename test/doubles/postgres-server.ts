/**
 * A PostgreSQL server for tests that need one even under plain `npm test`
 * (SQLite -> PostgreSQL copies): the server TEST_DATABASE_URL names when it is
 * set (`npm run test:pg`), otherwise a throwaway server started by
 * scripts/pg-throwaway.sh on the caller's own port and removed afterwards.
 * Each target is a fresh schema, or a fresh database when a test needs one.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * Whether these tests can have a PostgreSQL: TEST_DATABASE_URL, or Debian's
 * server binaries for a throwaway one. CI installs them (.ci/run); on a fresh
 * machine without them, `npm test` reports these tests as skipped, saying why.
 */
export const postgresAvailable =
  Boolean(process.env.TEST_DATABASE_URL) ||
  (existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(join('/usr/lib/postgresql', v, 'bin', 'initdb'))));

export const NO_POSTGRES_REASON = 'needs PostgreSQL: set TEST_DATABASE_URL or install Debian\'s postgresql (apt-get install postgresql)';
const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'pg-throwaway.sh');

export interface TestPostgres {
  /** The server's URL (its default database). */
  url: string;
  /** A URL whose search_path is a new, empty schema. */
  freshSchemaUrl(): Promise<string>;
  /** A URL of a new, empty database, created with `options` (e.g. an ICU locale). */
  freshDatabaseUrl(options?: string): Promise<string>;
  /** Runs SQL as the server's administrator on `url`'s database. */
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
  /** An outage: the server stops (every connection ended), keeping its data; only for a server of the test's own. */
  halt(): Promise<void>;
  /** The server is back, with the data it had. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/**
 * The shared server under `npm run test:pg`, else a throwaway one on `port`;
 * with `own`, always a throwaway one (a test that stops its server must not
 * stop the one other tests share).
 */
export async function startTestPostgres(port: number, options: { own?: boolean } = {}): Promise<TestPostgres> {
  const given = options.own ? undefined : process.env.TEST_DATABASE_URL;
  const url = given ? given : (await run(SCRIPT, ['start', String(port)])).stdout.trim();
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  // The admin's idle connections end with an outage too: noted, not fatal.
  admin.on('error', () => undefined);
  const schemas: string[] = [];
  const databases: string[] = [];
  const name = (prefix: string) => `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  return {
    url,
    query: (text, values) => admin.query(text, values),
    async freshSchemaUrl() {
      const schema = name('md');
      await admin.query(`create schema ${schema}`);
      schemas.push(schema);
      return withSearchPath(url, schema);
    },
    async freshDatabaseUrl(options = '') {
      const database = name('md');
      await admin.query(`create database ${database} ${options}`);
      databases.push(database);
      const parsed = new URL(url);
      parsed.pathname = `/${database}`;
      return parsed.toString();
    },
    async halt() {
      if (given) throw new Error('halt needs a server of the test\'s own: startTestPostgres(port, { own: true })');
      await run(SCRIPT, ['halt', String(port)]);
    },
    async resume() {
      await run(SCRIPT, ['resume', String(port)]);
    },
    async stop() {
      if (given) {
        for (const schema of schemas) await admin.query(`drop schema if exists ${schema} cascade`);
        for (const database of databases) await admin.query(`drop database if exists ${database} with (force)`);
      }
      await admin.end();
      if (!given) await run(SCRIPT, ['stop', String(port)]);
    },
  };
}
