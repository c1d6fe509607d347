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
import { migrateData } from '../../src/store/copy-data.ts';
import { openDatabase, openSqlite } from '../../src/store/db.ts';
import { migrateToLatest, migrator } from '../../src/store/migrate.ts';
import { chatOn } from '../doubles/chat.ts';
import { freePort } from '../doubles/net.ts';
import { NO_POSTGRES_REASON, postgresAvailable, startTestPostgres, type TestPostgres } from '../doubles/postgres-server.ts';

const LAST_BEFORE_CLEANING = '2026-11-25-0006-send-budget';
const dir = mkdtempSync(join(tmpdir(), 'keepwarm-legacy-text-'));
let server: TestPostgres | undefined;

beforeAll(async () => {
  if (postgresAvailable) server = await startTestPostgres(await freePort());
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** An SQLite file as an older keepwarm left it: a contact, a note and an undo step holding a NUL, a bell and a lone surrogate. */
async function legacyFile(path: string): Promise<void> {
  const database = openSqlite(path);
  const result = await (await migrator(database.db)).migrateTo(LAST_BEFORE_CLEANING);
  expect(result.error).toBeUndefined();
  const chat = await chatOn(database);
  await chat.say('/met Anna Schmidt at Verbandstagung, tier A #fintech');
  await chat.say('/note Anna likes sailing');
  // What the bot stored then, written here as it was stored.
  database.sqlite!.prepare(`update contacts set name = 'Ann' || char(0) || 'a Sch' || char(7) || 'midt', name_key = 'ann a sch midt', tags = ?, place = ?`).run(JSON.stringify(['fin\u0000tech']), 'Verbands\u202Etagung');
  database.sqlite!.prepare(`update notes set text = 'likes ' || char(0) || 'sailing'`).run();
  database.sqlite!.prepare(`update undo_log set ops = replace(ops, 'likes sailing', 'likes \\u0000sailing \\ud800')`).run();
  // A week later: the test chat below numbers its updates from 1 again.
  database.sqlite!.prepare('delete from inbound_events').run();
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
    for (const command of ['/find Anna', '/show Anna Schmidt', '/list', '/undo']) {
      await chat.say(command);
      expect(chat.text(), command).toContain('Anna');
    }
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
