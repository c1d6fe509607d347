/** PostgreSQL through kysely's own dialect and `pg`'s pool. */
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './db.ts';
import type { DB } from './schema.ts';

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}
