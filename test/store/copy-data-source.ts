/**
 * SQLite files for the migrate-data tests: one a real keepwarm database built
 * by the bot and the scheduler (several users, every kind of row), one large
 * and plain, written row by row with SQL.
 */
import SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { createConversation } from '../../src/bot/conversation.ts';
import type { PlatformIdentity } from '../../src/core/identity.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import { encodeLabel } from '../../src/store/undo-label.ts';
import { DEFAULT_CADENCES } from '../../src/core/types.ts';
import { planSync } from '../../src/sources/plan.ts';
import { createSecretBox } from '../../src/sources/secret-box.ts';
import { withChange } from '../../src/store/change.ts';
import { addContactEmail } from '../../src/store/contact-emails.ts';
import { openSqlite, type Database } from '../../src/store/db.ts';
import { applySyncPlan } from '../../src/store/source-items.ts';
import { connectSource, saveCursor } from '../../src/store/sources.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { TestChat } from '../doubles/chat.ts';
import { FakeMessenger, serverError } from '../doubles/messenger.ts';
import { fixture, sendFile } from '../import/helpers.ts';

/** Every table the bot, the scheduler and the adapters write, so a test can insist each got rows. */
export const POPULATED_TABLES = [
  'users',
  'contacts',
  'touches',
  'notes',
  'reminders',
  'introductions',
  'undo_log',
  'pending',
  'inbound_events',
  'nudges',
  'nudge_entries',
  'outbox',
  'import_plans',
  'telegram_callbacks',
  'slack_installations',
  'sources',
  'source_cursors',
  'source_items',
  'contact_emails',
];

/**
 * A keepwarm SQLite file as a few weeks of use leave it: users in three
 * languages and zones, contacts met, added, imported, archived and deleted,
 * notes, touches, reminders, introductions, settings, undo steps, an open
 * "which Anna?", an import waiting for its Import button, and a daily nudge
 * sent to two users and still in the outbox for a third.
 */
export async function buildKeepwarmFile(path: string): Promise<void> {
  const database = openSqlite(path);
  await migrateToLatest(database.db);
  const errors: unknown[] = [];
  const bot = createConversation({ db: database.db, log: { error: (fields) => errors.push((fields as { err?: unknown }).err ?? fields), warn: () => undefined } });
  let now = new Date('2026-11-23T09:00:00Z');
  const chat = (who: PlatformIdentity, timeZone: string, locale?: string) => new TestChat(bot, database.db, errors, who, locale, timeZone, now);
  const console_ = (userId: string) => ({ platform: 'console' as const, teamId: '', userId });

  const ada = chat(console_('ada'), 'Europe/Berlin');
  await ada.say('/met Anna Schmidt at Verbandstagung yesterday, tier A');
  await ada.say('/note Anna promoted to CFO');
  await ada.say('/add Bob Meyer, tier B, last talked 7 months ago');
  await ada.say('called Bob last Friday about the offer');
  await ada.say('/met Carla Rossi at Web Summit last Thursday #fintech #lisbon');
  await ada.say('/every Carla 3 weeks');
  await ada.say('/remind Bob on December 3 ask about the tender');
  await ada.say('/intro Anna to Bob, both work on heat pumps');
  await ada.say('/add Tom Tester, tier D');
  await ada.say('/archive Tom');
  await ada.say('/add Zed Zimmer, tier C');
  await ada.say('/delete Zed');
  await ada.press('Delete');
  await ada.say('/settings time 8:30');
  await ada.say('/snooze Carla 2 weeks');
  await ada.say('/add Hugo Brandt, tier A, last talked 4 months ago');

  const bea = chat(console_('bea'), 'Europe/Berlin', 'de_DE.UTF-8');
  await bea.say('/met Dr. Jürgen Müller auf der Hannover Messe gestern, Stufe A');
  await bea.say('/note Jürgen: Hobby Segeln 🚤');
  await bea.say('Jurgen gestern angerufen');
  await bea.say('/add Ørsted Åsa, Stufe B, zuletzt gesprochen vor 14 Monaten');
  await bea.say('/tier Åsa A');
  await bea.say('/undo');
  await bea.say('/settings count 1');
  // A pause said as a range keeps its first day (users.paused_from).
  await bea.say('/pause vom 23.12. bis 6.1.');

  const cem = chat(console_('cem'), 'America/New_York');
  await cem.say('/add Anna Berg, tier B, last talked 8 months ago');
  await cem.say('/add Anna Lind, tier A, last talked 4 months ago');
  await sendFile(cem, 'generic-en.csv', fixture('generic-en.csv'));
  await cem.say('yes');
  // Another file, left waiting for its Import button: an import plan.
  await sendFile(cem, 'Connections.csv', fixture('linkedin-Connections.csv'));

  const dan = chat({ platform: 'telegram', teamId: '', userId: '4242' }, 'Asia/Tokyo', 'en');
  await dan.say('/add Anna Ito, tier A, last talked 5 months ago');
  await dan.say('/add Anna Sato, tier B, last talked 1 year ago');
  await dan.say('/pause until January 6');
  await dan.say('/resume');
  // An open question: which Anna?
  await dan.say('called Anna yesterday');

  const eve = chat({ platform: 'slack', teamId: 'T01ACME', userId: 'U07EVE' }, 'Europe/London');
  await eve.say('/add Fiona Grant, tier A, last talked 3 months ago');
  await eve.say('/add Gus Hale, tier B, last talked 1 year ago');

  // The next morning's nudges: ada's (08:30) and bea's (09:00) are sent and
  // answered; cem's fails once and waits in the outbox for its retry.
  const messenger = new FakeMessenger('console');
  messenger.failNext('cem', serverError());
  const scheduler = createScheduler({ db: database.db, messengers: [messenger], now: () => now });
  for (const iso of ['2026-11-24T07:30:00Z', '2026-11-24T08:00:00Z']) {
    now = new Date(iso);
    await scheduler.tick();
  }
  ada.now = now;
  bea.now = now;
  await ada.say('done Hugo');
  await bea.say('erledigt');

  // Rows the adapters keep, keyed by text that sorts differently by byte and by language.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = database.db as unknown as Kysely<any>;
  await db
    .insertInto('telegram_callbacks')
    .values(['Zeta', 'alpha', 'Ärger', 'beta', '_x', '10', '9'].map((key, i) => ({ key, payload: `p:${i}`, created_at: now.toISOString() })))
    .execute();
  await db
    .insertInto('slack_installations')
    .values([
      { enterprise_id: '', team_id: 'T01ACME', is_enterprise_install: 0, installation: '{"bot":{"token":"xoxb-test"}}', inactive: 0, installed_at: now.toISOString(), updated_at: now.toISOString() },
      { enterprise_id: 'E9', team_id: 'tlower', is_enterprise_install: 1, installation: null, inactive: 1, inactive_reason: 'tokens_revoked', installed_at: now.toISOString(), updated_at: now.toISOString() },
    ])
    .execute();
  await logBySources(database, now);
  await database.close();
  if (errors.length > 0) throw errors[0];
}

/**
 * A mailbox and a calendar of ada's that logged touches (the sync's own
 * writing path, fed what a read would have found), and a further address of Anna's.
 */
async function logBySources(database: Database, now: Date): Promise<void> {
  const db = database.db;
  const ada = (await db.selectFrom('users').selectAll().where('platform_user_id', '=', 'ada').executeTakeFirstOrThrow());
  const owner = { id: ada.id, cadences: DEFAULT_CADENCES };
  const contacts = await db.selectFrom('contacts').select(['id', 'name']).where('user_id', '=', ada.id).execute();
  const anna = contacts.find((c) => c.name === 'Anna Schmidt')!.id;
  const bob = contacts.find((c) => c.name === 'Bob Meyer')!.id;
  const box = createSecretBox(Buffer.alloc(32, 7));
  const mail = await connectSource(db, ada.id, { kind: 'imap', name: 'mail.example.org', host: 'mail.example.org', username: 'ada', secret: 'app-password', options: { port: 993, tls: 'implicit' } }, box, now);
  const calendar = await connectSource(db, ada.id, { kind: 'ical', name: 'calendar.example.org', secret: 'https://calendar.example.org/secret.ics' }, box, now);
  await withChange(db, owner, now, encodeLabel({ key: 'sync', name: 'mail.example.org' }), async (change) => {
    const observations = [
      { key: 'mail:<m1@example.org>', contactId: anna, kind: 'email' as const, on: '2026-11-20', startsAt: null, allDay: false, ended: true },
      { key: 'mail:<m1@example.org>', contactId: bob, kind: 'email' as const, on: '2026-11-20', startsAt: null, allDay: false, ended: true },
    ];
    await applySyncPlan(change, mail.id, planSync({ sourceId: mail.id, observations, known: [], completeFrom: null }));
    await saveCursor(change.tx, ada.id, mail.id, { folder: 'sent', path: 'Gesendete Objekte', uidValidity: '3857529045', lastUid: 4711 });
    await addContactEmail(change, anna, 'anna@schmidt-consulting.example');
  });
  await withChange(db, owner, now, encodeLabel({ key: 'sync', name: 'calendar.example.org' }), async (change) => {
    const observations = [
      { key: 'event:lunch@example.org|', contactId: anna, kind: 'meeting' as const, on: '2026-11-19', startsAt: '2026-11-19T11:30:00.000Z', allDay: false, ended: true },
      { key: 'event:walk@example.org|20261126T100000', contactId: bob, kind: 'meeting' as const, on: '2026-11-26', startsAt: '2026-11-26T09:00:00.000Z', allDay: false, ended: false },
    ];
    await applySyncPlan(change, calendar.id, planSync({ sourceId: calendar.id, observations, known: [], completeFrom: '2026-10-25' }));
  });
}

/** `users × contactsPerUser × touchesPerContact` rows written straight with SQL, as fast as SQLite goes. */
export async function buildLargeFile(path: string, users: number, contactsPerUser: number, touchesPerContact: number): Promise<void> {
  const database = openSqlite(path);
  await migrateToLatest(database.db);
  await database.close();
  const sqlite = new SQLite(path);
  const at = '2026-11-23T09:00:00.000Z';
  const user = sqlite.prepare(`insert into users (platform, team_id, platform_user_id, created_on, created_at) values ('console', '', ?, '2026-01-01', ?)`);
  const contact = sqlite.prepare(
    `insert into contacts (user_id, name, name_key, tier, source, tags, created_on, created_at, last_touch_on) values (?, ?, ?, ?, 'add', '["bulk"]', '2026-01-01', ?, ?)`,
  );
  const touch = sqlite.prepare(`insert into touches (user_id, contact_id, touched_on, kind, note, created_at) values (?, ?, ?, 'call', ?, ?)`);
  sqlite.transaction(() => {
    for (let u = 0; u < users; u++) {
      const userId = Number(user.run(`bulk-${u}`, at).lastInsertRowid);
      for (let c = 0; c < contactsPerUser; c++) {
        const name = `Person ${u}-${c}`;
        const contactId = Number(contact.run(userId, name, name.toLowerCase(), 'ABCD'[c % 4], at, '2026-11-01').lastInsertRowid);
        for (let t = 0; t < touchesPerContact; t++) touch.run(userId, contactId, `2026-${String((t % 12) + 1).padStart(2, '0')}-01`, t % 3 === 0 ? null : `talk ${t}`, at);
      }
    }
  })();
  sqlite.close();
}
