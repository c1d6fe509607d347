/** PostgreSQL through kysely's own dialect and `pg`'s pool. */
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './db.ts';
import type { DB } from './schema.ts';

export interface PoolLog {
  warn(fields: object, message: string): void;
}

/** How long a new connection may take; a server that does not answer then is unreachable, not waited for. */
const CONNECT_TIMEOUT_MS = 5000;

export function openPostgres(url: string, poolSize = 10, log?: PoolLog): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
  // A connection dies when the server restarts, fails over, or an administrator
  // ends it. pg then emits 'error' — on the pool for an idle connection, on the
  // client for one a query holds — and an 'error' nobody listens to ends the
  // process. The query that used it fails (a store fault: the update is refused
  // and comes again); the pool drops the connection and opens a new one.
  pool.on('error', (error: Error & { code?: string }) => log?.warn({ code: error.code }, 'postgres: an idle connection was lost; the pool opens a new one'));
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}
