/**
 * /forget erases every row of the user in every table — the tables are read
 * from the database schema when the test runs, so a table added later is
 * covered — and the erased names are gone from the database file's bytes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSourceSync } from '../../src/sources/runner.ts';
import { createSecretBox } from '../../src/sources/secret-box.ts';
import { withChange } from '../../src/store/change.ts';
import { addContactEmail } from '../../src/store/contact-emails.ts';
import { connectSource, saveCursor } from '../../src/store/sources.ts';
import { startCalendarServer, type CalendarServer } from '../doubles/calendar-server.ts';
import { openSqlite } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { ownTables } from '../../src/store/erase.ts';
import { findUser } from '../../src/store/users.ts';
import { chatOn, startChat, type TestChat } from '../doubles/chat.ts';
import { fixture, sendFile } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'keepwarm-forget-'));
const box = createSecretBox(randomBytes(32));
let calendar: CalendarServer;
beforeAll(async () => {
  calendar = await startCalendarServer();
  calendar.serve(
    '/secret-erasable/basic.ics',
    ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:lunch-1', 'DTSTART:20261120T110000Z', 'DTEND:20261120T120000Z', 'SUMMARY:Lunch with Bob Meyer', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'),
  );
});
afterAll(async () => {
  await calendar?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A calendar that logged a meeting with Bob, a mailbox position, and a further address of Bob's. */
async function connectSources(chat: TestChat): Promise<void> {
  const user = (await findUser(chat.db, chat.who))!;
  const source = await connectSource(chat.db, user.id, { kind: 'ical', name: 'Kalender', secret: calendar.url('/secret-erasable/basic.ics') }, box, chat.now);
  await createSourceSync({ db: chat.db, box, limits: { allowPrivate: true }, now: () => chat.now }).runForUser(user.id);
  await chat.db.transaction().execute((tx) => saveCursor(tx, user.id, source.id, { folder: 'sent', path: 'Sent', uidValidity: '1', lastUid: 7 }));
  const bob = await chat.db.selectFrom('contacts').select('id').where('user_id', '=', user.id).where('name', '=', 'Bob Meyer').executeTakeFirstOrThrow();
  await withChange(chat.db, user, chat.now, null, (change) => addContactEmail(change, bob.id, 'bob.second@example.org'));
}

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
    await connectSources(chat);
    await connectSources(stayer);
    const leaver = (await findUser(chat.db, chat.who))!;
    const staying = (await findUser(chat.db, stayer.who))!;
    const before = await rowsOf(chat, leaver.id);
    // The test means something: the user had rows in every kind of table.
    for (const table of ['users', 'contacts', 'touches', 'notes', 'reminders', 'introductions', 'undo_log', 'pending', 'import_plans', 'sources', 'source_items', 'source_cursors', 'contact_emails']) {
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
    await connectSources(chat);
    const sealed = (await database.db.selectFrom('sources').select('secret').executeTakeFirstOrThrow()).secret!;
    const bytes = () => readFileSync(path);
    database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    expect(bytes().includes(sealed)).toBe(true);
    // Before: the names are there (so the check below can fail).
    expect(bytes().includes('Ysolde')).toBe(true);
    expect(bytes().includes('Zephyrine')).toBe(true);
    expect(bytes().includes('Kwame')).toBe(true);

    await chat.say('/forget');
    await chat.say('ERASE');
    database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    for (const secret of ['Ysolde', 'Quennell', 'Zephyrine', 'Kwame', 'Mensah', 'nordlicht', 'Accra Mobility', sealed, 'bob.second@example.org']) {
      expect(bytes().includes(secret), secret).toBe(false);
    }
    await database.close();
  });
});
