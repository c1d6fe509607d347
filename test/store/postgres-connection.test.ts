/**
 * A PostgreSQL connection that dies — the server restarts, fails over, or an
 * administrator runs pg_terminate_backend — is an error for the query that
 * used it, never a crash of the process: before, `pg`'s pool emitted an
 * `'error'` event nobody listened to, and Node ended the process.
 * Only this test's own connections are terminated (found by application_name),
 * so it is safe on a shared server (`npm run test:pg`).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/db.ts';
import { storeFault } from '../../src/store/faults.ts';
import { NO_POSTGRES_REASON, postgresAvailable, startTestPostgres, type TestPostgres } from '../doubles/postgres-server.ts';

let server: TestPostgres | undefined;
beforeAll(async () => {
  if (postgresAvailable) server = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);

async function withOwnConnections<T>(use: (database: Database, terminate: () => Promise<number>) => Promise<T>): Promise<T> {
  const name = `kw_${randomBytes(6).toString('hex')}`;
  const url = new URL(await server!.freshSchemaUrl());
  url.searchParams.set('application_name', name);
  const warnings: string[] = [];
  const database = await openDatabase(url.toString(), { log: { warn: (_fields, message) => warnings.push(message) } });
  const terminate = async () => (await server!.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [name])).rowCount ?? 0;
  process.on('uncaughtException', onUncaught);
  try {
    return await use(database, terminate);
  } finally {
    process.off('uncaughtException', onUncaught);
    await database.close();
  }
}

if (!postgresAvailable) console.warn(`skipping ${import.meta.filename}: ${NO_POSTGRES_REASON}`);
describe.skipIf(!postgresAvailable)('a PostgreSQL connection that dies', () => {
  it('while idle in the pool: the process lives on and the next query opens a new connection', async () => {
    await withOwnConnections(async (database, terminate) => {
      await sql`select 1`.execute(database.db);
      expect(await terminate()).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(rows).toEqual([{ one: 1 }]);
      expect(uncaught).toEqual([]);
    });
  });

  it('in the middle of a transaction: that transaction fails with a store fault, the process lives on, the next one works', async () => {
    await withOwnConnections(async (database, terminate) => {
      const failed = await database.db
        .transaction()
        .execute(async (tx) => {
          await sql`select 1`.execute(tx);
          await terminate();
          await new Promise((resolve) => setTimeout(resolve, 300));
          await sql`select 1`.execute(tx);
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(storeFault(failed)).toEqual({ kind: 'unreachable', reason: 'database unreachable' });
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(rows).toEqual([{ one: 1 }]);
      expect(uncaught).toEqual([]);
    });
  });
});
