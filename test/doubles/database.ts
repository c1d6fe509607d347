/**
 * Databases for tests. `npm test` uses SQLite (in memory, or a file for
 * process tests); with TEST_DATABASE_URL set (`npm run test:pg`) the same
 * tests run on PostgreSQL, each getting a fresh schema of its own.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, openSqlite, type Database } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';

export const postgresUrl = process.env.TEST_DATABASE_URL;
export const onPostgres = postgresUrl !== undefined && postgresUrl !== '';

let admin: pg.Pool | undefined;

async function newSchema(): Promise<string> {
  admin ??= new pg.Pool({ connectionString: postgresUrl, max: 2 });
  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin.query(`create schema ${schema}`);
  return schema;
}

function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/**
 * A URL a child process can open: an SQLite file in `dir`, or a fresh
 * PostgreSQL schema (its search_path in the URL's `options`).
 */
export async function freshDatabaseUrl(dir: string, name: string): Promise<string> {
  if (!onPostgres) return join(dir, `${name}.db`);
  return withSearchPath(postgresUrl!, await newSchema());
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
  const schema = await newSchema();
  const database = await openDatabase(withSearchPath(postgresUrl!, schema));
  await migrateToLatest(database.db);
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin?.query(`drop schema if exists ${schema} cascade`);
    },
  };
}
