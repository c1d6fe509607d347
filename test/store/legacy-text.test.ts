/**
 * Text stored before input was cleaned at the edge: SQLite kept NULs, control
 * characters and lone surrogates as they came. Migrating cleans them once, so
 * every command works on them and `keepwarm migrate-data` copies the database
 * into PostgreSQL (which refuses a NUL in text).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameKey } from '../../src/core/names.ts';
import { migrateData } from '../../src/migrate-data/copy.ts';
import { openDatabase, openSqlite } from '../../src/store/db.ts';
import { migrateToLatest, migrator } from '../../src/store/migrate.ts';
import { chatOn } from '../doubles/chat.ts';
import { NO_POSTGRES_REASON, postgresAvailable, startTestPostgres, type TestPostgres } from '../doubles/postgres-server.ts';

const LAST_BEFORE_CLEANING = '2026-12-05-0007-occasions';
const dir = mkdtempSync(join(tmpdir(), 'keepwarm-legacy-text-'));
let server: TestPostgres | undefined;

beforeAll(async () => {
  if (postgresAvailable) server = await startTestPostgres();
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** An SQLite file as an older keepwarm left it: a contact, a note and an undo step holding a NUL, a bell and a lone surrogate, written as it stored them. */
async function legacyFile(path: string): Promise<void> {
  const database = openSqlite(path);
  const result = await (await migrator(database.db)).migrateTo(LAST_BEFORE_CLEANING);
  expect(result.error).toBeUndefined();
  const sqlite = database.sqlite!;
  const at = '2026-11-20T10:00:00.000Z';
  sqlite.prepare(`insert into users (id, platform, platform_user_id, created_on, created_at) values (1, 'console', 'tester', '2026-11-20', ?)`).run(at);
  sqlite
    .prepare(`insert into contacts (id, user_id, name, name_key, tier, source, place, tags, created_on, created_at) values (1, 1, 'Ann' || char(0) || 'a Sch' || char(7) || 'midt', 'ann a sch midt', 'A', 'met', ?, ?, '2026-11-20', ?)`)
    .run('Verbands\u202Etagung', JSON.stringify(['fin\u0000tech']), at);
  sqlite.prepare(`insert into notes (user_id, contact_id, text, created_at) values (1, 1, 'likes ' || char(0) || 'sailing', ?)`).run(at);
  const ops = JSON.stringify([{ op: 'delete', table: 'notes', id: 1 }, { op: 'update', table: 'contacts', id: 1, before: { place: 'Kon\u0000gress \ud800' } }]);
  sqlite.prepare(`insert into undo_log (user_id, label, ops, created_at) values (1, 'note', ?, ?)`).run(ops, at);
  await database.close();
}

describe('text stored before cleaning', () => {
  it('is cleaned by migrating, and the contact is found again by its clean name', async () => {
    const path = join(dir, 'migrate.db');
    await legacyFile(path);
    const database = openSqlite(path);
    await migrateToLatest(database.db);
    const contact = await database.db.selectFrom('contacts').select(['name', 'name_key', 'tags', 'place']).executeTakeFirstOrThrow();
    expect(contact).toEqual({ name: 'Anna Schmidt', name_key: nameKey('Anna Schmidt'), tags: JSON.stringify(['fintech']), place: 'Verbandstagung' });
    expect((await database.db.selectFrom('notes').select('text').executeTakeFirstOrThrow()).text).toBe('likes sailing');
    expect((await database.db.selectFrom('undo_log').select('ops').execute()).map((r) => r.ops).join()).not.toMatch(/\\u0000|\\ud800/i);
    const chat = await chatOn(database);
    for (const command of ['/find Anna', '/show Anna Schmidt', '/list']) {
      await chat.say(command);
      expect(chat.text(), command).toContain('Anna');
    }
    await chat.say('/undo');
    expect(chat.text()).toContain('Undone');
    expect((await database.db.selectFrom('contacts').select('place').executeTakeFirstOrThrow()).place).toBe('Kongress \uFFFD');
    await chat.say('/export json');
    expect(chat.replies.find((r) => r.file)!.file!.content.toString()).toContain('"name": "Anna Schmidt"');
    await database.close();
  });

  it.skipIf(!postgresAvailable)('no longer stops migrate-data: the copy into PostgreSQL verifies', async () => {
    const path = join(dir, 'copy.db');
    await legacyFile(path);
    const migrated = openSqlite(path);
    await migrateToLatest(migrated.db);
    await migrated.close();
    const to = await server!.freshSchemaUrl();
    const report = await migrateData({ from: path, to });
    expect(report.ok).toBe(true);
    const target = await openDatabase(to);
    expect((await target.db.selectFrom('contacts').select('name').executeTakeFirstOrThrow()).name).toBe('Anna Schmidt');
    await target.close();
  }, 60_000);
});

if (!postgresAvailable) console.warn(`skipping the PostgreSQL half of ${import.meta.filename}: ${NO_POSTGRES_REASON}`);
