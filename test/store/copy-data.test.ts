/**
 * Moving up: `migrate-data` copies a keepwarm SQLite file into PostgreSQL.
 *
 * These tests need a PostgreSQL server even under plain `npm test`: the one
 * TEST_DATABASE_URL names (`npm run test:pg`), else the run's one throwaway
 * server (scripts/pg-throwaway.sh, started by the first file that needs it).
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../../src/rich.ts';
import { TableChecksum, canonicalValue } from '../../src/migrate-data/checksum.ts';
import { MAX_PARAMETERS, MigrateDataRefusal, migrateData, rowsPerInsert, type MigrateDataReport } from '../../src/migrate-data/copy.ts';
import { orderByForeignKeys, sqliteTables } from '../../src/migrate-data/tables.ts';
import { openDatabase, openSqlite, type Database } from '../../src/store/db.ts';
import { exportUserData } from '../../src/store/export.ts';
import { migrateToLatest, migrator } from '../../src/store/migrate.ts';
import { chatOn } from '../doubles/chat.ts';
import { NO_POSTGRES_REASON, postgresAvailable, startTestPostgres, type TestPostgres } from '../doubles/postgres-server.ts';
import { POPULATED_TABLES, buildKeepwarmFile, buildLargeFile } from './copy-data-source.ts';

const dir = mkdtempSync(join(tmpdir(), 'keepwarm-migrate-data-'));
const source = join(dir, 'keepwarm.db');
let server: TestPostgres;

beforeAll(async () => {
  if (!postgresAvailable) return;
  server = await startTestPostgres();
  await buildKeepwarmFile(source);
});

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (database: Database) => database.db as unknown as Kysely<any>;

async function withDatabase<T>(url: string, use: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(url);
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

async function userIds(database: Database): Promise<number[]> {
  return (await database.db.selectFrom('users').select('id').orderBy('id').execute()).map((r) => r.id);
}

async function exportsOf(database: Database): Promise<Map<number, unknown>> {
  const ids = await userIds(database);
  return new Map(await Promise.all(ids.map(async (id) => [id, await exportUserData(database.db, id)] as const)));
}

/** Every row of a table as read through kysely, sorted so the two databases' row orders do not matter. */
async function rowsOf(database: Database, table: string): Promise<string[]> {
  const rows = (await untyped(database).selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
  return rows.map((row) => JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k]]))).sort();
}

const differing = (report: MigrateDataReport) => report.tables.filter((t) => !t.equal).map((t) => t.table);
const byTable = (report: MigrateDataReport) => new Map(report.tables.map((t) => [t.table, t]));

// Skipped only without PostgreSQL binaries — NO_POSTGRES_REASON says what to install.
if (!postgresAvailable) console.warn(`skipping ${import.meta.filename}: ${NO_POSTGRES_REASON}`);
describe.skipIf(!postgresAvailable)('migrate-data copies a keepwarm SQLite database into PostgreSQL', () => {
  it('every user’s JSON export and every row of every table are the same afterwards', async () => {
    const sqlite = openSqlite(source);
    const before = await exportsOf(sqlite);
    const to = await server.freshSchemaUrl();
    const progress: string[] = [];
    const report = await migrateData({ from: source, to, progress: (line) => progress.push(line) });

    expect(differing(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.migrationsApplied.length).toBeGreaterThan(0);
    const tables = byTable(report);
    // The bot, the scheduler and the adapters left rows in every table; all of them came over.
    for (const table of POPULATED_TABLES) {
      expect(tables.get(table)?.sourceRows, table).toBeGreaterThan(0);
      expect(tables.get(table), table).toMatchObject({ copied: tables.get(table)!.sourceRows, targetRows: tables.get(table)!.sourceRows, equal: true });
    }
    expect([...tables.keys()]).not.toContain('kysely_migration');
    expect(progress.some((line) => line.startsWith('copied touches'))).toBe(true);

    await withDatabase(to, async (target) => {
      expect(before.size).toBe(5);
      expect(await exportsOf(target)).toEqual(before);
      for (const table of POPULATED_TABLES) expect(await rowsOf(target, table), table).toEqual(await rowsOf(sqlite, table));
    });
    await sqlite.close();
  });

  it('running it twice is safe: the second run copies nothing and verifies the same', async () => {
    const to = await server.freshSchemaUrl();
    // Small batches: key pages break inside composite text keys (inbound_events) too.
    const first = await migrateData({ from: source, to, batchRows: 7 });
    expect(first.ok).toBe(true);
    expect(byTable(first).get('inbound_events')!.inserts).toBe(Math.ceil(byTable(first).get('inbound_events')!.sourceRows / 7));
    const second = await migrateData({ from: source, to });
    expect(second.ok).toBe(true);
    expect(second.migrationsApplied).toEqual([]);
    expect(second.tables.map((t) => t.copied)).toEqual(second.tables.map(() => 0));
    expect(second.tables.map((t) => [t.table, t.targetRows, t.targetChecksum])).toEqual(first.tables.map((t) => [t.table, t.targetRows, t.targetChecksum]));
  });

  it('a target holding other data under the same ids fails verification, names the table, and is left as it was', async () => {
    const to = await server.freshSchemaUrl();
    await withDatabase(to, async (target) => {
      await migrateToLatest(target.db);
      await target.db
        .insertInto('users')
        .values({ id: 1, platform: 'console', platform_user_id: 'somebody-else', created_on: '2025-01-01', created_at: '2025-01-01T00:00:00.000Z' })
        .execute();
    });
    const report = await migrateData({ from: source, to });
    expect(report.ok).toBe(false);
    expect(differing(report)).toEqual(['users']);
    expect(byTable(report).get('users')).toMatchObject({ sourceRows: 5, targetRows: 5, equal: false });
    await withDatabase(to, async (target) => {
      // Rolled back: the stranger's row untouched, nothing of the copy stayed.
      expect(await target.db.selectFrom('users').select(['id', 'platform_user_id']).execute()).toEqual([{ id: 1, platform_user_id: 'somebody-else' }]);
      expect(await target.db.selectFrom('contacts').select('id').execute()).toEqual([]);
    });
  });

  it('a row colliding under another unique key stops the copy, names the table, and writes nothing', async () => {
    const to = await server.freshSchemaUrl();
    await withDatabase(to, async (target) => {
      await migrateToLatest(target.db);
      await target.db.insertInto('users').values({ id: 99, platform: 'console', platform_user_id: 'ada', created_on: '2025-01-01', created_at: '2025-01-01T00:00:00.000Z' }).execute();
    });
    await expect(migrateData({ from: source, to })).rejects.toThrow(/copying users failed: duplicate key value violates unique constraint "users_identity"/);
    await withDatabase(to, async (target) => {
      expect(await userIds(target)).toEqual([99]);
      expect(await target.db.selectFrom('touches').select('id').execute()).toEqual([]);
    });
  });

  it('keepwarm started on the target afterwards adds users, contacts and touches with new ids (the sequences were reset)', async () => {
    const to = await server.freshSchemaUrl();
    expect((await migrateData({ from: source, to })).ok).toBe(true);
    await withDatabase(to, async (target) => {
      const maxContact = (await target.db.selectFrom('contacts').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
      const ada = await chatOn(target, { user: 'ada', now: new Date('2026-11-25T10:00:00Z') });
      // The de-duplication keys came over too: a platform redelivering an old update changes nothing.
      expect(await ada.say('/met Zoe Neumann at Expo Real, tier A')).toEqual([]);
      let event = 0;
      const say = async (text: string) => plainText((await ada.bot.handle({ from: ada.who, chatId: 'chat-ada', text, eventId: `after-${++event}` }, ada.now)).flatMap((r) => r.text));
      expect(await say('/met Zoe Neumann at Expo Real, tier A')).toContain('Met Zoe Neumann at Expo Real');
      expect(await say('/note Zoe likes sailing')).toContain('Note on Zoe Neumann');
      expect(await say('called Zoe yesterday')).toContain('Zoe Neumann');
      expect(ada.errors).toEqual([]);
      const zoe = await target.db.selectFrom('contacts').selectAll().where('name', '=', 'Zoe Neumann').executeTakeFirstOrThrow();
      expect(zoe.id).toBeGreaterThan(maxContact);
      const newbie = await chatOn(target, { user: 'newbie' });
      await newbie.say('/add Dora Fischer, tier B');
      expect(await userIds(target)).toEqual([1, 2, 3, 4, 5, 6]);
      const exported = await exportUserData(target.db, 1);
      expect(exported.contacts.find((c) => c.name === 'Zoe Neumann')).toMatchObject({ notes: [{ text: 'likes sailing' }], touches: [{ kind: 'call' }, { kind: 'met' }] });
    });
  });

  it('text keys are hashed in byte order on both sides, even when the PostgreSQL database sorts by language rules', async () => {
    const to = await server.freshDatabaseUrl(`template template0 locale_provider icu icu_locale 'en-US'`);
    const report = await migrateData({ from: source, to });
    expect(report.ok).toBe(true);
    await withDatabase(to, async (target) => {
      // The database's own order is not SQLite's, so the checksum had to ask for byte order.
      const keys = (await target.db.selectFrom('telegram_callbacks' as never).select('key' as never).orderBy('key' as never).execute()) as { key: string }[];
      const byLanguage = keys.map((k) => k.key);
      expect(byLanguage).not.toEqual([...byLanguage].sort());
    });
  });

  it('copies a table it was never told about, found in the live schema; one without a primary key only into an empty table', async () => {
    const extended = join(dir, 'extended.db');
    copyFileSync(source, extended);
    // What a later migration would create on each side (withId: SQLite's autoincrement, PostgreSQL's identity).
    const ddl = (id: string) => `create table later_tags (${id}, contact_id integer not null references contacts(id) on delete cascade, tag text not null);
      create table audit_lines (at text not null, line text not null)`;
    const sqlite = new SQLite(extended);
    sqlite.exec(ddl('id integer primary key autoincrement'));
    sqlite.exec(`insert into later_tags (id, contact_id, tag) values (7, 1, 'board'), (9, 2, 'Ärger');
      insert into audit_lines values ('2026-11-24', 'same'), ('2026-11-24', 'same'), ('2026-11-23', 'earlier')`);
    sqlite.close();
    const to = await server.freshSchemaUrl();
    await withDatabase(to, async (target) => {
      await migrateToLatest(target.db);
      for (const statement of ddl('id integer generated by default as identity primary key').split(';')) await target.db.executeQuery(CompiledQuery.raw(statement));
    });
    const first = byTable(await migrateData({ from: extended, to }));
    expect(first.get('later_tags')).toMatchObject({ sourceRows: 2, copied: 2, equal: true });
    expect(first.get('audit_lines')).toMatchObject({ sourceRows: 3, copied: 3, equal: true });
    expect([...first.keys()].indexOf('later_tags')).toBeGreaterThan([...first.keys()].indexOf('contacts'));
    const second = await migrateData({ from: extended, to });
    expect(second.ok).toBe(true);
    expect(byTable(second).get('audit_lines')).toMatchObject({ copied: 0, targetRows: 3, equal: true });
    // The target's sequence for the new table was reset too.
    await withDatabase(to, async (target) => {
      const { rows } = await target.db.executeQuery<{ id: number }>(CompiledQuery.raw(`insert into later_tags (contact_id, tag) values (1, 'new') returning id`));
      expect(rows[0]!.id).toBe(10);
    });
  });

  it('refuses, with what to do, a source older than keepwarm — before touching the target', async () => {
    const older = join(dir, 'older.db');
    const database = openSqlite(older);
    expect((await (await migrator(database.db)).migrateTo('2026-11-25-0002-nudges')).error).toBeUndefined();
    await database.close();
    const to = await server.freshSchemaUrl();
    const refusal = migrateData({ from: older, to });
    await expect(refusal).rejects.toBeInstanceOf(MigrateDataRefusal);
    await expect(refusal).rejects.toThrow(/older than this keepwarm: migrations 2026-11-25-0003-telegram, .* are not applied.*keepwarm migrate/);
    const schema = new URL(to).searchParams.get('options')!.replace('-c search_path=', '');
    expect((await server.query(`select count(*)::int as n from information_schema.tables where table_schema = $1`, [schema])).rows[0].n).toBe(0);
  });

  it('refuses a PostgreSQL source, an SQLite target, a missing file and a file that is not keepwarm’s', async () => {
    const to = await server.freshSchemaUrl();
    await expect(migrateData({ from: server.url, to })).rejects.toThrow(/the source must be an SQLite database/);
    await expect(migrateData({ from: source, to: join(dir, 'other.db') })).rejects.toThrow(/the target must be a PostgreSQL URL/);
    await expect(migrateData({ from: join(dir, 'missing.db'), to })).rejects.toThrow(/no SQLite database at/);
    const stranger = join(dir, 'stranger.db');
    new SQLite(stranger).exec('create table things (id integer primary key)').close();
    await expect(migrateData({ from: stranger, to })).rejects.toThrow(/is not a keepwarm database/);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'just some text, long enough to not be an empty database file'.repeat(20));
    await expect(migrateData({ from: text, to })).rejects.toThrow(/cannot read .* as an SQLite database/);
  });

  it('a large database (200 users × 100 contacts × 5 touches) goes over in batches of at most 1,000 rows', { timeout: 120_000 }, async () => {
    const large = join(dir, 'large.db');
    await buildLargeFile(large, 200, 100, 5);
    const to = await server.freshSchemaUrl();
    const report = await migrateData({ from: large, to });
    expect(report.ok).toBe(true);
    const tables = byTable(report);
    expect(tables.get('users')).toMatchObject({ sourceRows: 200, targetRows: 200, copied: 200, inserts: 1 });
    expect(tables.get('contacts')).toMatchObject({ sourceRows: 20_000, targetRows: 20_000, copied: 20_000, inserts: 20 });
    expect(tables.get('touches')).toMatchObject({ sourceRows: 100_000, targetRows: 100_000, copied: 100_000, inserts: 100 });
    await withDatabase(to, async (target) => {
      expect(await exportUserData(target.db, 200)).toEqual(await withDatabase(large, (s) => exportUserData(s.db, 200)));
    });
  });
});

describe('what migrate-data copies and how it compares', () => {
  it('finds every application table in the live schema and orders parents before children, whatever their names', () => {
    const sqlite = new SQLite(':memory:');
    sqlite.exec(`
      create table kysely_migration (name text primary key);
      create table a_child (id integer primary key autoincrement, parent_id integer references z_parent(id), up_id integer references a_child(id));
      create table z_parent (id integer primary key, root text references m_root(code));
      create table m_root (code text primary key, label text);
      create table pair (left_key text, right_key integer, note text, primary key (right_key, left_key));
      insert into a_child (parent_id) values (null);
    `);
    const tables = sqliteTables(sqlite);
    expect(tables.map((t) => t.name)).toEqual(['m_root', 'pair', 'z_parent', 'a_child']);
    expect(tables.find((t) => t.name === 'pair')).toEqual({ name: 'pair', columns: ['left_key', 'right_key', 'note'], primaryKey: ['right_key', 'left_key'], parents: [] });
    expect(tables.find((t) => t.name === 'a_child')!.parents).toEqual(['z_parent']);
    sqlite.close();
  });

  it('refuses tables whose foreign keys form a cycle, naming them', () => {
    const table = (name: string, parents: string[]) => ({ name, columns: ['id'], primaryKey: ['id'], parents });
    expect(() => orderByForeignKeys([table('a', ['b']), table('b', ['a']), table('c', [])])).toThrow(/cycle.*: a, b$/);
  });

  it('never sends more bound parameters than PostgreSQL takes', () => {
    for (let columns = 1; columns <= 400; columns++) {
      const rows = rowsPerInsert(columns);
      expect(rows * columns).toBeLessThanOrEqual(MAX_PARAMETERS);
      expect(rows).toBeGreaterThanOrEqual(1);
      expect(rows).toBeLessThanOrEqual(1000);
    }
    expect(rowsPerInsert(16)).toBe(1000);
    expect(rowsPerInsert(100)).toBe(655);
  });

  it('hashes SQLite’s and pg’s forms of one value alike, and different values apart', () => {
    // pg hands bigint and numeric over as strings, booleans as true/false.
    expect(canonicalValue('integer', 42)).toBe(canonicalValue('integer', '42'));
    expect(canonicalValue('integer', 9007199254740993n)).toBe(canonicalValue('integer', '9007199254740993'));
    expect(canonicalValue('number', 1.5)).toBe(canonicalValue('number', '1.50'));
    expect(canonicalValue('boolean', 1)).toBe(canonicalValue('boolean', true));
    expect(canonicalValue('text', '42')).not.toBe(canonicalValue('integer', 42));
    expect(canonicalValue('text', '')).not.toBe(canonicalValue('text', null));
    const sum = (rows: unknown[][]) => {
      const checksum = new TableChecksum(['integer', 'text']);
      rows.forEach((row) => checksum.add(row));
      return checksum.digest();
    };
    expect(sum([[1, 'Anna'], [2, 'Bob']])).toBe(sum([['1', 'Anna'], ['2', 'Bob']]));
    expect(sum([[1, 'Anna'], [2, 'Bob']])).not.toBe(sum([[1, 'Anna'], [2, 'Bobby']]));
    expect(sum([[1, 'Anna'], [2, 'Bob']])).not.toBe(sum([[2, 'Bob'], [1, 'Anna']]));
  });
});
