/**
 * Store faults told apart from bugs, and the cause of a failed SQLite
 * transaction kept: SQLite rolls a transaction back by itself after some
 * errors (SQLITE_FULL during a cache spill or a commit, SQLITE_IOERR,
 * SQLITE_BUSY), and kysely's own ROLLBACK then failed with "cannot rollback -
 * no transaction is active", which is what was logged instead of the cause.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/store/db.ts';
import { storeFault } from '../../src/store/faults.ts';

describe('a failed SQLite transaction', () => {
  it('throws its cause, also when SQLite has already rolled it back by itself', async () => {
    const database = openSqlite(':memory:');
    await sql`create table t (x integer)`.execute(database.db);
    const failed = await database.db
      .transaction()
      .execute(async (tx) => {
        await sql`insert into t values (1)`.execute(tx);
        // What SQLite does by itself after SQLITE_FULL in a commit or a cache spill.
        await sql`rollback`.execute(tx);
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      })
      .catch((error: unknown) => error as Error);
    expect(failed.message).toBe('database or disk is full');
    expect(storeFault(failed)).toEqual({ kind: 'full', reason: 'database or disk is full' });
    expect(await sql`select count(*) as n from t`.execute(database.db)).toMatchObject({ rows: [{ n: 0 }] });
    await database.close();
  });
});

describe('store faults', () => {
  it.each([
    [{ code: 'SQLITE_FULL' }, 'full'],
    [{ code: 'SQLITE_IOERR_WRITE' }, 'io'],
    [{ code: 'SQLITE_BUSY' }, 'locked'],
    [{ code: 'SQLITE_READONLY' }, 'read-only'],
    [{ code: '53100' }, 'full'],
    [{ code: '57P01' }, 'unreachable'],
    [{ code: '08006' }, 'unreachable'],
    [{ code: 'ECONNREFUSED' }, 'unreachable'],
    [{ message: 'Connection terminated unexpectedly' }, 'unreachable'],
  ])('%o is a store fault of kind %s', (fields, kind) => {
    expect(storeFault(Object.assign(new Error((fields as { message?: string }).message ?? 'x'), fields))?.kind).toBe(kind);
  });

  it('is found as the cause of a wrapping error, and a bug is none', () => {
    expect(storeFault(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'SQLITE_FULL' }) }))?.kind).toBe('full');
    expect(storeFault(Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBeUndefined();
    expect(storeFault(new TypeError('x is undefined'))).toBeUndefined();
  });
});
