/**
 * A PostgreSQL server for tests that need one even under plain `npm test`
 * (SQLite -> PostgreSQL copies): the server TEST_DATABASE_URL names when it is
 * set (`npm run test:pg`), otherwise one throwaway server for the whole run
 * (scripts/pg-throwaway.sh on the port test/doubles/postgres-global.ts picked),
 * started by the first file that asks and stopped when the run ends.
 * Each target is a fresh schema in a database of the file's own, or a fresh
 * database when a test needs one.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { inject } from 'vitest';
import { throwawayLock } from './postgres-global.ts';

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
  /** A database of this file's own (the schemas below live in it). */
  url: string;
  /** A URL whose search_path is a new, empty schema. */
  freshSchemaUrl(): Promise<string>;
  /** A URL of a new, empty database, created with `options` (e.g. an ICU locale). */
  freshDatabaseUrl(options?: string): Promise<string>;
  /** Runs SQL as the server's administrator on `url`'s database. */
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
  stop(): Promise<void>;
}

/** A throwaway server of one test's own, which it may take down and bring back. */
export interface OwnTestPostgres {
  /** The server's default database. */
  url: string;
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
  /** An outage: the server stops (every connection ended), keeping its data. */
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
 * The run's throwaway server: the first file to get the lock starts it; the
 * others wait until it answers. A failed start is written next to the lock,
 * so every waiting file fails with the reason instead of a timeout.
 */
async function throwawayServer(port: number): Promise<string> {
  const lock = throwawayLock(port);
  const failure = join(lock, 'failed');
  let starter = true;
  try {
    mkdirSync(lock);
  } catch {
    starter = false;
  }
  if (starter) {
    try {
      return (await run(SCRIPT, ['start', String(port)])).stdout.trim();
    } catch (error) {
      writeFileSync(failure, String((error as { stderr?: string }).stderr || error));
      throw error;
    }
  }
  const url = `postgres://postgres@127.0.0.1:${port}/keepwarm_test`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (existsSync(failure)) throw new Error(`the throwaway PostgreSQL server did not start: ${readFileSync(failure, 'utf8')}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return url;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`the throwaway PostgreSQL server on port ${port} never answered`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function databaseUrl(server: string, database: string): string {
  const parsed = new URL(server);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A database of this file's own on the shared server under `npm run test:pg`,
 * else on the run's throwaway one: its schemas are this file's alone, and
 * dropping them never disturbs another file reading its catalog.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const given = process.env.TEST_DATABASE_URL;
  const server = given ? given : await throwawayServer(inject('throwawayPostgresPort'));
  const serverAdmin = new pg.Pool({ connectionString: server, max: 2 });
  const name = (kind: string) => `${inject('testDatabasePrefix')}${kind}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const home = name('md');
  await serverAdmin.query(`create database ${home}`);
  const url = databaseUrl(server, home);
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  // The admin's idle connections end with an outage too: noted, not fatal.
  admin.on('error', () => undefined);
  const databases: string[] = [];
  return {
    url,
    query: (text, values) => admin.query(text, values),
    async freshSchemaUrl() {
      const schema = name('s');
      await admin.query(`create schema ${schema}`);
      return withSearchPath(url, schema);
    },
    async freshDatabaseUrl(options = '') {
      const database = name('md');
      await serverAdmin.query(`create database ${database} ${options}`);
      databases.push(database);
      return databaseUrl(server, database);
    },
    /** Drops what this file created; the server itself stays for the other files (the run's teardown stops it). */
    async stop() {
      await admin.end();
      for (const database of [...databases, home]) await serverAdmin.query(`drop database if exists ${database} with (force)`);
      await serverAdmin.end();
    },
  };
}

/**
 * A throwaway server of the test's own on `port`, even under `npm run
 * test:pg`: a test that halts its server must not halt the one other files share.
 */
export async function startOwnTestPostgres(port: number): Promise<OwnTestPostgres> {
  const url = (await run(SCRIPT, ['start', String(port)])).stdout.trim();
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  // The admin's idle connections end with an outage too: noted, not fatal.
  admin.on('error', () => undefined);
  return {
    url,
    query: (text, values) => admin.query(text, values),
    halt: async () => void (await run(SCRIPT, ['halt', String(port)])),
    resume: async () => void (await run(SCRIPT, ['resume', String(port)])),
    async stop() {
      await admin.end();
      await run(SCRIPT, ['stop', String(port)]);
    },
  };
}
