/**
 * When the database cannot take a write — a full disk (SQLITE_FULL, here
 * through SQLite's own max_page_count, the same error path as a full file
 * system) — the user hears so in their language, nothing changes, an update
 * the platform redelivers is refused so it comes again, /readyz says why, the
 * log names the cause, and everything recovers by itself once there is room.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createConversation, RetryLater } from '../../src/bot/conversation.ts';
import type { Incoming, Reply } from '../../src/port.ts';
import { plainText } from '../../src/rich.ts';
import { createHealth } from '../../src/ops/health.ts';
import { openSqlite, type Database } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { fillDatabase } from '../doubles/full-database.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const NOW = new Date('2026-11-23T09:00:00Z');
const LONG_NOTE = 'likes sailing and long stories about regattas '.repeat(9).trim();

async function fullDatabase(): Promise<{ database: Database; room(): void; logged: { level: string; fields: object; message: string }[]; handle(incoming: Partial<Incoming> & { eventId: string }): Promise<Reply[]> }> {
  const dir = mkdtempSync(join(tmpdir(), 'keepwarm-full-'));
  dirs.push(dir);
  const database = openSqlite(join(dir, 'keepwarm.db'));
  await migrateToLatest(database.db);
  const logged: { level: string; fields: object; message: string }[] = [];
  const log = {
    error: (fields: object, message: string) => logged.push({ level: 'error', fields, message }),
    warn: (fields: object, message: string) => logged.push({ level: 'warn', fields, message }),
  };
  const bot = createConversation({ db: database.db, log });
  const base: Incoming = { from: { platform: 'telegram', teamId: '', userId: '42' }, chatId: '42', locale: 'en', timeZone: 'Europe/Berlin' };
  const handle = (incoming: Partial<Incoming> & { eventId: string }) => bot.handle({ ...base, ...incoming }, NOW);
  await handle({ eventId: 'setup-1', text: '/add Anna Schmidt, tier A' });
  // From here on the file may not grow: every write that needs a new page fails with SQLITE_FULL.
  const { room } = fillDatabase(database.sqlite!, LONG_NOTE.length);
  return { database, logged, handle, room };
}

/** The user's notes (not the padding that filled the disk). */
const notes = (database: Database) => database.sqlite!.prepare(`select count(*) as n from notes where text like 'likes%'`).get() as { n: number };

describe('a full disk', () => {
  it('the user hears "I cannot save right now — nothing was changed", nothing changes, and the log names the cause', async () => {
    const { database, logged, handle } = await fullDatabase();
    const replies = await handle({ eventId: 'u1', text: `/note Anna ${LONG_NOTE}` });
    expect(replies.map((r) => plainText(r.text)).join('\n')).toContain('I cannot save right now — nothing was changed');
    expect(notes(database)).toEqual({ n: 0 });
    const lines = logged.map((l) => `${l.message} ${JSON.stringify(l.fields)}`).join('\n');
    expect(lines).toContain('database or disk is full');
    expect(lines).not.toContain('cannot rollback');
  });

  it('in German too', async () => {
    const { handle } = await fullDatabase();
    const replies = await handle({ eventId: 'u1', locale: 'de', text: `/note Anna ${LONG_NOTE}` });
    expect(replies.map((r) => plainText(r.text)).join('\n')).toContain('Ich kann gerade nichts speichern — nichts wurde geändert');
  });

  it('an update the platform redelivers is refused with the answer, and handled once when it comes again with room on the disk', async () => {
    const { database, handle, room } = await fullDatabase();
    const update = { eventId: 'u7', text: `/note Anna ${LONG_NOTE}`, redeliverable: true as const };
    const refused = await handle(update).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(RetryLater);
    expect((refused as RetryLater).reason).toBe('database or disk is full');
    expect((refused as RetryLater).replies.map((r) => plainText(r.text)).join('\n')).toContain('I cannot save right now — nothing was changed');

    // Delivered again while the disk is still full: refused again, without a second apology.
    const again = await handle(update).then(
      () => undefined,
      (error: unknown) => error as RetryLater,
    );
    expect(again?.replies).toEqual([]);

    room();
    const replies = await handle(update);
    expect(plainText(replies[0]!.text)).toContain('Note on Anna Schmidt');
    expect(notes(database)).toEqual({ n: 1 });
    // And a further redelivery is a duplicate: still one note.
    expect(await handle(update)).toEqual([]);
    expect(notes(database)).toEqual({ n: 1 });
  });

  it('/readyz is 503 naming the full disk while a write cannot be made, and 200 again by itself once there is room', async () => {
    const { database, handle, room } = await fullDatabase();
    const health = createHealth({ db: database.db });
    expect(await health.readiness()).toEqual({ ready: true });
    await handle({ eventId: 'u1', text: `/note Anna ${LONG_NOTE}` });
    expect(await health.readiness()).toEqual({ ready: false, reason: 'database or disk is full' });
    room();
    expect(await health.readiness()).toEqual({ ready: true });
  });
});
