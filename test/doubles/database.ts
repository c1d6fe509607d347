/**
 * Databases for tests. `npm test` uses SQLite (in memory, or a file for
 * process tests); with TEST_DATABASE_URL set (`npm run test:pg`) the same
 * tests run on PostgreSQL, each in a database of its own on that server.
 *
 * A database each, not a schema each: kysely's migrator reads the catalog of
 * every schema in its database, so a schema another worker drops at the same
 * moment would fail it. Databases are named for the run
 * (test/doubles/postgres-global.ts drops whatever a run leaves behind).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, openSqlite, type Database } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';

export const postgresUrl = process.env.TEST_DATABASE_URL;
export const onPostgres = postgresUrl !== undefined && postgresUrl !== '';

let admin: pg.Pool | undefined;

/** Creates a database named for this run (from `template` when given) and returns its name. */
async function newPostgresDatabase(kind: string, template?: string): Promise<string> {
  admin ??= new pg.Pool({ connectionString: postgresUrl, max: 2 });
  const name = `${inject('testDatabasePrefix')}${kind}_${process.pid}_${threadId}_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  return name;
}

function postgresUrlOf(database: string): string {
  const parsed = new URL(postgresUrl!);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A URL a child process can open: an SQLite file in `dir`, or a new, empty
 * PostgreSQL database (the process migrates it itself).
 */
export async function freshDatabaseUrl(dir: string, name: string): Promise<string> {
  if (!onPostgres) return join(dir, `${name}.db`);
  return postgresUrlOf(await newPostgresDatabase('p'));
}

let postgresTemplate: Promise<string> | undefined;

/** A database migrated once per test worker, which each test's database copies (CREATE DATABASE … TEMPLATE). */
function migratedPostgres(): Promise<string> {
  postgresTemplate ??= (async () => {
    const name = await newPostgresDatabase('tmpl');
    const database = await openDatabase(postgresUrlOf(name));
    await migrateToLatest(database.db);
    // A template must have no connections when it is copied.
    await database.close();
    return name;
  })();
  return postgresTemplate;
}

let sqliteTemplate: Promise<Buffer> | undefined;

/**
 * A migrated in-memory database, serialized once per test worker: each test
 * opens a copy, which takes a millisecond where migrating takes a hundred.
 */
function migratedSqlite(): Promise<Buffer> {
  sqliteTemplate ??= (async () => {
    const database = openSqlite(':memory:');
    await migrateToLatest(database.db);
    const image = database.sqlite!.serialize();
    await database.close();
    return image;
  })();
  return sqliteTemplate;
}

/** A fresh, migrated SQLite database in memory, on PostgreSQL runs too. */
export async function migratedSqliteInMemory(): Promise<Database> {
  return openSqlite(await migratedSqlite());
}

/** A fresh, migrated database for one test. */
export async function testDatabase(): Promise<Database> {
  if (!onPostgres) return migratedSqliteInMemory();
  const name = await newPostgresDatabase('t', await migratedPostgres());
  const database = await openDatabase(postgresUrlOf(name));
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin?.query(`drop database if exists ${name} with (force)`);
    },
  };
}
