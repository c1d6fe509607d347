/**
 * The one seam that knows which database keepwarm talks to. Everything else
 * receives a `Kysely<DB>` and writes portable queries.
 */
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, type SelectQueryBuilder } from 'kysely';
import { createPrivateFile, makePrivateDir } from '../private-files.ts';
import { KeepwarmSqliteDialect } from './sqlite-dialect.ts';
import type { DB } from './schema.ts';

export const DEFAULT_DATABASE_URL = './data/keepwarm.db';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** The better-sqlite3 handle, for online backups and pragmas; undefined on PostgreSQL. */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

export function databaseKind(url: string): DatabaseKind {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

/** `sqlite:path`, `sqlite://path`, a plain path, or `:memory:`. */
export function sqlitePath(url: string): string {
  const path = url.replace(/^sqlite:(\/\/)?/i, '');
  return path === '' ? ':memory:' : path;
}

/**
 * How hard a commit insists on reaching the disk (docs/storage.md, "Durability"):
 * NORMAL survives any crash of keepwarm itself and may lose the last commits to
 * a power cut or a kernel crash; FULL survives those too, at one fsync per commit.
 */
export type SqliteSynchronous = 'normal' | 'full';

export interface DatabaseOptions {
  synchronous?: SqliteSynchronous;
  /** PostgreSQL: connections in this process's pool. */
  poolSize?: number;
  /** PostgreSQL: where a lost idle connection is noted. */
  log?: { warn(fields: object, message: string): void };
}

/**
 * Opens an SQLite file, `:memory:`, or an in-memory copy of a database that
 * `sqlite.serialize()` returned (tests copy one migrated database instead of
 * migrating each of theirs).
 */
export function openSqlite(path: string | Buffer, options: DatabaseOptions = {}): Database {
  if (typeof path === 'string' && path !== ':memory:') {
    makePrivateDir(dirname(path));
    // SQLite gives the -wal and -shm files the database file's own mode.
    createPrivateFile(path);
  }
  const sqlite = new SQLite(path);
  // Settings asserted at boot (docs/storage.md): the chosen durability,
  // concurrent readers, waits instead of SQLITE_BUSY, and rows that really cascade.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // Freed pages are overwritten, so erased data is gone from the file too.
  sqlite.pragma('secure_delete = ON');
  const db = new Kysely<DB>({ dialect: new KeepwarmSqliteDialect(sqlite) });
  const close = async () => {
    await db.destroy();
    // kysely's destroy skips a driver that never ran a query: close the file anyway.
    if (sqlite.open) sqlite.close();
  };
  return { db, kind: 'sqlite', sqlite, close };
}

export async function openDatabase(url: string = DEFAULT_DATABASE_URL, options: DatabaseOptions = {}): Promise<Database> {
  if (databaseKind(url) === 'postgres') {
    // Loaded lazily so SQLite users never load the pg driver.
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(url, options.poolSize, options.log);
  }
  return openSqlite(sqlitePath(url), options);
}

/**
 * Rows several instances compete for (due users, outbox messages): on
 * PostgreSQL they are locked, and rows another instance holds are skipped
 * rather than waited for; SQLite serialises writers anyway (BEGIN IMMEDIATE).
 * The one place outside this file that needs to know the dialect asks here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function claimRows<Q extends SelectQueryBuilder<any, any, any>>(db: Kysely<DB> | Kysely<unknown>, query: Q): Q {
  return db.getExecutor().adapter instanceof PostgresAdapter ? (query.forUpdate().skipLocked() as Q) : query;
}
