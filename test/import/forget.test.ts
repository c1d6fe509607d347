/**
 * /forget erases every row of the user in every table — the tables are read
 * from the database schema when the test runs, so a table added later is
 * covered — and the erased names are gone from the database file's bytes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { ownTables } from '../../src/store/erase.ts';
import { findUser } from '../../src/store/users.ts';
import { chatOn, startChat, type TestChat } from '../doubles/chat.ts';
import { fixture, sendFile } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'keepwarm-forget-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function fillNetwork(chat: TestChat, name: string) {
  await chat.say(`/met ${name} Quennell at Verbandstagung, tier A #fintech`);
  await chat.say(`/note ${name} runs the Zephyrine programme`);
  await chat.say(`/remind ${name} on December 3 ask about the tender`);
  await chat.say('/add Bob Meyer, tier B, last talked 4 months ago');
  await chat.say(`/intro ${name} to Bob, payments`);
  await chat.say('/settings time 8:30');
  await sendFile(chat, 'Connections.csv', fixture('linkedin-Connections.csv'));
  await chat.press('Import');
  // A question left open and a second file waiting for confirmation.
  await sendFile(chat, 'apple.vcf', fixture('apple-contacts-3.0.vcf'));
}

/** Every table of the live schema and, for each, how many rows belong to `userId`. */
async function rowsOf(chat: TestChat, userId: number): Promise<Record<string, number>> {
  const tables = await ownTables(chat.db);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const owner = table.name === 'users' ? 'id' : table.columns.some((c) => c.name === 'user_id') ? 'user_id' : undefined;
    if (!owner) continue;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const rows = await (chat.db as any).selectFrom(table.name).select(owner).where(owner, '=', userId).execute();
    counts[table.name] = rows.length;
  }
  return counts;
}

describe('/forget', () => {
  it('leaves no row of the user in any table of the schema, and the other user untouched', async () => {
    const chat = await startChat({ user: 'leaver' });
    const stayer = await chatOn(chat.database, { user: 'stayer' });
    await fillNetwork(chat, 'Ysolde');
    await fillNetwork(stayer, 'Wilhelmina');
    const leaver = (await findUser(chat.db, chat.who))!;
    const staying = (await findUser(chat.db, stayer.who))!;
    const before = await rowsOf(chat, leaver.id);
    // The test means something: the user had rows in every kind of table.
    for (const table of ['users', 'contacts', 'touches', 'notes', 'reminders', 'introductions', 'undo_log', 'pending', 'import_plans']) {
      expect(before[table], table).toBeGreaterThan(0);
    }
    const othersBefore = await rowsOf(chat, staying.id);

    await chat.say('/forget');
    await chat.say('ERASE');
    expect(chat.text()).toContain('Everything is erased');

    const after = await rowsOf(chat, leaver.id);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [table, count] of Object.entries(after)) expect(count, table).toBe(0);
    expect(await rowsOf(chat, staying.id)).toEqual(othersBefore);
  });

  it('sweeps a table with a user_id column even when it has no cascade', async () => {
    const chat = await startChat({ user: 'sweeper' });
    await chat.say('/add Anna');
    const user = (await findUser(chat.db, chat.who))!;
    const { sql } = await import('kysely');
    await sql`create table feature_later (user_id integer not null, payload text)`.execute(chat.db);
    await sql`insert into feature_later (user_id, payload) values (${user.id}, 'secret')`.execute(chat.db);
    await chat.say('/forget');
    await chat.say('ERASE');
    const left = await sql<{ n: number }>`select count(*) as n from feature_later`.execute(chat.db);
    expect(Number(left.rows[0]?.n)).toBe(0);
  });

  it('overwrites the freed pages: the erased names are not in the database file after a checkpoint', async () => {
    const path = join(dir, 'forget.db');
    const database = openSqlite(path);
    await migrateToLatest(database.db);
    const chat = await chatOn(database, { user: 'erased' });
    await fillNetwork(chat, 'Ysolde');
    const bytes = () => readFileSync(path);
    database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    // Before: the names are there (so the check below can fail).
    expect(bytes().includes('Ysolde')).toBe(true);
    expect(bytes().includes('Zephyrine')).toBe(true);
    expect(bytes().includes('Kwame')).toBe(true);

    await chat.say('/forget');
    await chat.say('ERASE');
    database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    for (const secret of ['Ysolde', 'Quennell', 'Zephyrine', 'Kwame', 'Mensah', 'nordlicht', 'Accra Mobility']) {
      expect(bytes().includes(secret), secret).toBe(false);
    }
    await database.close();
  });
});
