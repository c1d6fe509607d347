/**
 * Calendars and mailboxes connected in the chat, against the real servers
 * the sources tests start (a local HTTP server for iCalendar URLs, Dovecot):
 * a new source is checked once and answered with what it found or why not;
 * a failure stores nothing; the password comes in the next message, is never
 * parsed as a command and never stored unsealed; /sources, /disconnect,
 * /mail inbox, /calendar private, /sync and /undo of a sync.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourcesAccess } from '../../src/bot/conversation.ts';
import { createSecretBox } from '../../src/sources/secret-box.ts';
import { createSourceSync } from '../../src/sources/runner.ts';
import { listSources } from '../../src/store/sources.ts';
import { ensureUser } from '../../src/store/users.ts';
import { startCalendarServer, hugeCalendar, type CalendarServer } from '../doubles/calendar-server.ts';
import { startChat, type TestChat } from '../doubles/chat.ts';
import type { Database } from '../../src/store/db.ts';
import { NO_DOVECOT_REASON, dovecotAvailable, mailText, startDovecot, type TestDovecot } from '../doubles/dovecot.ts';
import { NO_RADICALE_REASON, radicaleAvailable, startRadicale, type TestRadicale } from '../doubles/radicale.ts';
import { freePort } from '../doubles/net.ts';
import { calendarFixture, NOW } from './fixtures.ts';
import { addNetwork } from './world.ts';

let server: CalendarServer;
beforeAll(async () => {
  server = await startCalendarServer();
  server.serve('/google/private-5f1c/basic.ics', calendarFixture('google-secret-address'));
  server.serve('/huge.ics', hugeCalendar(50 * 1024 * 1024));
});
afterAll(async () => server?.stop());

/** `sources` is the very object the conversation holds: a test may swap its functions. */
type Chat = TestChat & { database: Database; sources: SourcesAccess };

/** A chat in Berlin at the fixtures' moment, with the invented network, whose conversation may sync sources on 127.0.0.1. */
async function chatWithSources(options: { key?: boolean; locale?: string; platform?: 'console' | 'telegram' | 'slack' } = {}): Promise<Chat> {
  const box = options.key === false ? undefined : createSecretBox(randomBytes(32));
  const holder: { sync?: ReturnType<typeof createSourceSync> } = {};
  const sources: SourcesAccess = {
    box,
    runSource: (userId, sourceId) => holder.sync!.runSource(userId, sourceId),
    runForUser: (userId) => holder.sync!.runForUser(userId),
  };
  const chat = await startChat({ now: NOW, sources, ...(options.locale ? { locale: options.locale } : {}), ...(options.platform ? { platform: options.platform } : {}) });
  holder.sync = createSourceSync({ db: chat.database.db, box, limits: { allowPrivate: true }, now: () => chat.now });
  const user = await ensureUser(chat.database.db, chat.who, { chatId: 'c', timeZone: 'Europe/Berlin' }, NOW);
  await addNetwork(chat.database, user, NOW);
  return Object.assign(chat, { sources });
}

async function counts(chat: Chat) {
  const db = chat.database.db;
  const n = async (table: 'sources' | 'source_items' | 'touches' | 'pending') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { sources: await n('sources'), items: await n('source_items'), touches: await n('touches'), pending: await n('pending') };
}

async function withChat(use: (chat: Chat) => Promise<void>, options: Parameters<typeof chatWithSources>[0] = {}) {
  const chat = await chatWithSources(options);
  try {
    await use(chat);
  } finally {
    await chat.database.close();
  }
}

describe('/calendar with a secret iCalendar URL', () => {
  it('checks it once and answers with what it found; /sources lists it; /undo takes back what it logged', () =>
    withChat(async (chat) => {
      const replies = await chat.say(`/calendar ${server.url('/google/private-5f1c/basic.ics')}`);
      expect(chat.text()).toContain('Connected your calendar 127.0.0.1');
      expect(chat.text()).toMatch(/\d+ events read, 5 meetings logged/);
      // The URL is the secret: the message that carried it is taken out of the chat where possible.
      expect(replies[0]?.deleteIncoming).toBe(true);
      expect((await counts(chat)).touches).toBe(5);

      await chat.say('/sources');
      expect(chat.text()).toMatch(/1\. 📅 127\.0\.0\.1 — last read today 19:00: \d+ events read, 5 meetings logged/);
      // The secret path never shows.
      expect(chat.text()).not.toContain('private-5f1c');

      await chat.say('/undo');
      expect(chat.text()).toContain('Undone');
      expect((await counts(chat)).touches).toBe(0);
      // Taken back stays taken back: the next sync logs none of them again.
      await chat.say('/sync');
      expect(chat.text()).toMatch(/127\.0\.0\.1: \d+ read, 0 logged/);
      expect((await counts(chat)).touches).toBe(0);
    }));

  it('without KEEPWARM_SECRET_KEY it explains that the operator must set one, and stores nothing', () =>
    withChat(
      async (chat) => {
        await chat.say(`/calendar ${server.url('/google/private-5f1c/basic.ics')}`);
        expect(chat.text()).toContain('KEEPWARM_SECRET_KEY');
        await chat.say('/mail imap.example.org ada');
        expect(chat.text()).toContain('KEEPWARM_SECRET_KEY');
        expect(await counts(chat)).toMatchObject({ sources: 0, pending: 0, touches: 0 });
      },
      { key: false },
    ));

  it('a 50 MB calendar, a missing file and a host nobody listens on: a clear answer each, nothing stored or changed', () =>
    withChat(async (chat) => {
      await chat.say(`/calendar ${server.url('/huge.ics')}`);
      expect(chat.text()).toContain('larger than I read');
      await chat.say(`/calendar ${server.url('/nothing-here.ics')}`);
      expect(chat.text()).toContain('the server answers with an error');
      await chat.say(`/calendar http://127.0.0.1:${await freePort()}/cal.ics`);
      expect(chat.text()).toContain('cannot be reached');
      expect(chat.text()).toContain('Nothing was stored');
      expect(await counts(chat)).toMatchObject({ sources: 0, items: 0, touches: 0 });
    }));

  it('answers in German', () =>
    withChat(
      async (chat) => {
        await chat.say(`/kalender ${server.url('/google/private-5f1c/basic.ics')}`);
        expect(chat.text()).toContain('Dein Kalender 127.0.0.1 ist verbunden');
        await chat.say('/kalender privat aus');
        expect(chat.text()).toContain('Als privat markierte Termine lasse ich jetzt aus');
        await chat.say('/quellen');
        expect(chat.text()).toContain('private Termine ausgelassen');
      },
      { locale: 'de' },
    ));

  it('a URL with a user name and password in it, or none at all, is refused with the usage', () =>
    withChat(async (chat) => {
      await chat.say('/calendar https://ada:secret@dav.example.org/cal.ics');
      expect(chat.text()).toContain('/calendar https://…');
      await chat.say('/calendar');
      expect(chat.text()).toContain('secret address');
      expect((await counts(chat)).sources).toBe(0);
    }));
});

describe('/show and /forget', () => {
  it('/show marks a touch a calendar logged, and only those', () =>
    withChat(async (chat) => {
      await chat.say(`/calendar ${server.url('/google/private-5f1c/basic.ics')}`);
      await chat.say('called Tom Berger yesterday');
      await chat.say('/show Tom Berger');
      const history = chat.text().split('\n').filter((line) => line.startsWith('•'));
      expect(history.filter((line) => line.includes('📅 from your calendar'))).toHaveLength(3);
      expect(history.find((line) => line.includes('call'))).not.toContain('from your');
    }));

  it('/forget erases sources, what they saw, folder positions and sealed secrets', () =>
    withChat(async (chat) => {
      await chat.say(`/calendar ${server.url('/google/private-5f1c/basic.ics')}`);
      expect(await counts(chat)).toMatchObject({ sources: 1, touches: 5 });
      await chat.say('/forget');
      await chat.say('ERASE');
      expect(await counts(chat)).toMatchObject({ sources: 0, items: 0, touches: 0 });
      const cursors = await chat.database.db.selectFrom('source_cursors').selectAll().execute();
      const emails = await chat.database.db.selectFrom('contact_emails').selectAll().execute();
      expect([cursors.length, emails.length]).toEqual([0, 0]);
    }));
});

describe('/disconnect and the switches', () => {
  it('/disconnect N removes source N with its password; the touches it logged stay', () =>
    withChat(async (chat) => {
      await chat.say(`/calendar ${server.url('/google/private-5f1c/basic.ics')}`);
      await chat.say('/disconnect 2');
      expect(chat.text()).toContain('There is no number 2');
      await chat.say('/disconnect 1');
      expect(chat.text()).toContain('Disconnected your calendar 127.0.0.1');
      expect(await counts(chat)).toMatchObject({ sources: 0, touches: 5 });
      await chat.say('/sources');
      expect(chat.text()).toContain('No calendar or mailbox is connected');
    }));

  it('/mail inbox on needs a mailbox; /calendar private off leaves private events out of every calendar', () =>
    withChat(async (chat) => {
      await chat.say('/mail inbox on');
      expect(chat.text()).toContain('No mailbox is connected');
      await chat.say(`/calendar ${server.url('/google/private-5f1c/basic.ics')}`);
      await chat.say('/calendar private off');
      expect(chat.text()).toContain('Events marked private are left out now (1 calendar)');
      const [source] = await listSources(chat.database.db, (await ensureUser(chat.database.db, chat.who, { chatId: 'c' }, NOW)).id);
      expect(source?.options.skipPrivate).toBe(true);
    }));
});

if (!dovecotAvailable) console.warn(`skipping the mailbox part of ${import.meta.filename}: ${NO_DOVECOT_REASON}`);
describe.skipIf(!dovecotAvailable)('/mail with the app password in the next message (Dovecot)', () => {
  const ADA = { user: 'ada', password: 'correct horse battery' };
  let dovecot: TestDovecot;
  beforeAll(async () => {
    dovecot = await startDovecot([ADA]);
    dovecot.deliver('ada', 'Sent', [
      mailText({ from: 'ada@example.org', to: ['tom.berger@example.com'], date: new Date('2026-11-18T10:00:00Z'), messageId: '<c1@example.org>' }),
      mailText({ from: 'ada@example.org', to: ['anna.keller@example.org'], date: new Date('2026-11-19T10:00:00Z'), messageId: '<c2@example.org>' }),
    ]);
    dovecot.deliver('ada', 'INBOX', [mailText({ from: 'omar.haddad@example.net', to: ['ada@example.org'], date: new Date('2026-11-19T11:00:00Z'), messageId: '<i1@example.net>' })]);
  });
  afterAll(async () => dovecot?.stop());

  const mailCommand = () => `/mail imap://${dovecot.host}:${dovecot.port} ${ADA.user}`;

  it('asks for the password, connects with it, and keeps it only sealed', () =>
    withChat(async (chat) => {
      await chat.say(mailCommand());
      expect(chat.text()).toContain(`Now send the app password for ${ADA.user} at 127.0.0.1`);
      expect((await counts(chat)).sources).toBe(0);
      const replies = await chat.say(ADA.password);
      expect(chat.text()).toContain('Connected your mailbox 127.0.0.1: 2 mails read, 2 logged');
      await chat.say('/show Tom Berger');
      expect(chat.text()).toContain('an email · ✉️ from your mailbox');
      expect(replies[0]?.deleteIncoming).toBe(true);
      const row = await chat.database.db.selectFrom('sources').select(['secret', 'username', 'options']).executeTakeFirstOrThrow();
      expect(row.secret).toMatch(/^v1\./);
      expect(row.secret).not.toContain(ADA.password);
      const pending = await chat.database.db.selectFrom('pending').selectAll().execute();
      expect(JSON.stringify(pending)).not.toContain(ADA.password);

      await chat.say('/mail inbox on');
      expect(chat.text()).toContain('counts too now (1 mailbox)');
      await chat.say('/sync');
      expect(chat.text()).toContain('127.0.0.1: 1 read, 1 logged');
      await chat.say('/undo');
      expect(chat.text()).toContain('Undone');
      expect((await counts(chat)).touches).toBe(2);
    }));

  it('a wrong password that reads like a command: refused by the server, never run as a command, nothing stored', () =>
    withChat(async (chat) => {
      await chat.say(mailCommand());
      await chat.say('met Zora Quint at Verbandstagung, tier A');
      expect(chat.text()).toContain('does not accept the user name or password');
      expect(chat.text()).toContain('Nothing was stored');
      const contacts = await chat.database.db.selectFrom('contacts').select('name').execute();
      expect(contacts.map((c) => c.name)).not.toContain('Zora Quint');
      expect(await counts(chat)).toMatchObject({ sources: 0, pending: 0, touches: 0 });
    }));

  it('when handling the password fails, nothing is kept and the message, delivered again, is still the password', () =>
    withChat(async (chat) => {
      const real = chat.sources.runSource;
      chat.sources.runSource = () => {
        chat.sources.runSource = real;
        return Promise.reject(new Error('the database went away'));
      };
      await chat.say(mailCommand());
      await expect(chat.say(ADA.password)).rejects.toThrow('the database went away');
      expect(await counts(chat)).toMatchObject({ sources: 0, pending: 1 });
      await chat.say(ADA.password);
      expect(chat.text()).toContain('Connected your mailbox 127.0.0.1');
      expect(await counts(chat)).toMatchObject({ sources: 1, pending: 0 });
    }));

  it('/cancel instead of the password cancels; ten minutes later a message is a message again', () =>
    withChat(async (chat) => {
      await chat.say(mailCommand());
      await chat.say('/cancel');
      expect(chat.text()).toContain('no password was stored');
      await chat.say(mailCommand());
      chat.now = new Date(chat.now.getTime() + 11 * 60_000);
      await chat.say('/show Tom Berger');
      expect(chat.text()).toContain('Tom Berger');
      expect(await counts(chat)).toMatchObject({ sources: 0, pending: 0 });
    }));

  it('on Telegram the answer says the message was deleted; on Slack it asks the user to delete it', async () => {
    for (const [platform, expected] of [
      ['telegram', 'I deleted your message'],
      ['slack', 'Slack does not let me delete your message'],
    ] as const) {
      await withChat(
        async (chat) => {
          await chat.say(mailCommand());
          await chat.say(ADA.password);
          expect(chat.text()).toContain(expected);
        },
        { platform },
      );
    }
  });
});

if (!radicaleAvailable) console.warn(`skipping the CalDAV part of ${import.meta.filename}: ${NO_RADICALE_REASON}`);
describe.skipIf(!radicaleAvailable)('/calendar caldav with the password in the next message (Radicale)', () => {
  const ADA = { user: 'ada', password: 'cal-secret 42' };
  let radicale: TestRadicale;
  beforeAll(async () => {
    radicale = await startRadicale([ADA]);
    await radicale.makeCalendar(ADA, 'work');
    const ics = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//keepwarm tests//EN',
      'BEGIN:VEVENT', 'UID:review-1', 'DTSTAMP:20261101T000000Z', 'DTSTART;TZID=Europe/Berlin:20261110T100000', 'DTEND;TZID=Europe/Berlin:20261110T110000', 'SUMMARY:Review',
      'ATTENDEE;PARTSTAT=ACCEPTED:mailto:tom.berger@example.com',
      'END:VEVENT', 'END:VCALENDAR', '',
    ].join('\r\n');
    await radicale.putEvent(ADA, 'work', 'review-1', ics);
  });
  afterAll(async () => radicale?.stop());

  it('connects with the right password and answers what it found; a wrong one stores nothing', () =>
    withChat(async (chat) => {
      await chat.say(`/calendar caldav ${radicale.url} ${ADA.user}`);
      expect(chat.text()).toContain(`Now send the password for ${ADA.user} at 127.0.0.1`);
      await chat.say('not the password');
      expect(chat.text()).toContain('does not accept the user name or password');
      expect(await counts(chat)).toMatchObject({ sources: 0, touches: 0 });

      await chat.say(`/kalender caldav ${radicale.url} ${ADA.user}`);
      await chat.say(ADA.password);
      expect(chat.text()).toContain('Connected your calendar 127.0.0.1: 1 event read, 1 meeting logged');
      await chat.say('/sources');
      expect(chat.text()).toContain(`1. 📅 127.0.0.1 (${ADA.user})`);
    }));
});
