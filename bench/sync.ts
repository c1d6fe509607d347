/**
 * Issue 15's benchmark: one sync of a mailbox with 10,000 sent mails (a real
 * Dovecot on 127.0.0.1) and of a calendar with 5,000 events (a secret
 * iCalendar URL on a local HTTP server), each on a fresh SQLite database, as
 * ratios against floors measured in the same run: imapflow fetching the same
 * envelopes alone, and ical.js parsing the same calendar text alone. Also a
 * second sync with nothing new (the steady state every 15 minutes). Three
 * runs each; the median is printed.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import ICAL from 'ical.js';
import { ImapFlow } from 'imapflow';
import { DEFAULT_CADENCES } from '../src/core/types.ts';
import { createSourceSync } from '../src/sources/runner.ts';
import { createSecretBox } from '../src/sources/secret-box.ts';
import { withChange } from '../src/store/change.ts';
import { createContact } from '../src/store/contacts.ts';
import { openSqlite } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { connectSource } from '../src/store/sources.ts';
import { ensureUser } from '../src/store/users.ts';
import { startCalendarServer } from '../test/doubles/calendar-server.ts';
import { dovecotAvailable, mailText, NO_DOVECOT_REASON, startDovecot } from '../test/doubles/dovecot.ts';
import { heading, ms, ratio, table } from './lib.ts';

const MAILS = 10_000;
const EVENTS = 5_000;
const CONTACTS = 1_000;
const RUNS = 3;
const box = createSecretBox(randomBytes(32));

const FIRST = ['Anna', 'Bob', 'Carla', 'Jürgen', 'Lena', 'Tom', 'Sophie', 'Jan', 'Ingrid', 'May', 'Omar', 'Priya', 'Ruth', 'Stefan', 'Yuki', 'Zoë', 'Emil', 'Greta', 'Hugo', 'Ida'];
const LAST = ['Schmidt', 'Meyer', 'Rossi', 'Müller', 'Vogel', 'Berg', 'Martin', 'Larsen', 'Chen', 'Haddad', 'Patel', 'Klein', 'Wolf', 'Sato', 'Park', 'Weber', 'Fischer', 'Becker', 'Hoffmann', 'Keller'];
/** Distinct invented people: a first name, a last name and a number. */
const personName = (i: number) => `${FIRST[i % FIRST.length]!} ${LAST[Math.floor(i / FIRST.length) % LAST.length]!}${i}`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const address = (i: number) => `person${i}@example.org`;

function calendarText(now: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//keepwarm bench//EN', 'X-WR-CALNAME:me@example.org'];
  for (let i = 0; i < EVENTS; i++) {
    // Spread over the 30 days before now; one in ten a weekly series, one in five with a title instead of attendees.
    const start = new Date(now - ((i * 517) % (29 * 24)) * 3600_000 - 3600_000);
    const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
    lines.push('BEGIN:VEVENT', `UID:bench-${i}@example.org`, 'DTSTAMP:20261101T000000Z', `DTSTART:${stamp(start)}`, `DTEND:${stamp(new Date(start.getTime() + 3600_000))}`);
    if (i % 10 === 0) lines.push('RRULE:FREQ=WEEKLY;COUNT=8');
    if (i % 5 === 0) lines.push(`SUMMARY:Lunch with ${personName(i % CONTACTS)}`);
    else lines.push(`SUMMARY:Meeting ${i}`, `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${address(i % CONTACTS)}`, 'ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.org');
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}

async function freshWorld() {
  const database = openSqlite(':memory:');
  await migrateToLatest(database.db);
  const now = new Date();
  const user = await ensureUser(database.db, { platform: 'console', teamId: '', userId: 'bench' }, { timeZone: 'Europe/Berlin' }, now);
  await withChange(database.db, { id: user.id, cadences: DEFAULT_CADENCES }, now, null, async (change) => {
    for (let i = 0; i < CONTACTS; i++) await createContact(change, { name: personName(i), tier: 'B', source: 'add', email: address(i), createdOn: '2026-01-01' });
  });
  return { database, user };
}

export async function benchSync(): Promise<void> {
  heading(`sync: one sync of ${MAILS.toLocaleString('en')} sent mails and of ${EVENTS.toLocaleString('en')} events, against fetching and parsing them alone`);
  if (!dovecotAvailable) {
    console.log(`skipped: ${NO_DOVECOT_REASON}`);
    return;
  }
  const account = { user: 'bench', password: 'bench-pass' };
  const dovecot = await startDovecot([account]);
  const server = await startCalendarServer();
  try {
    const now = Date.now();
    dovecot.deliver(
      'bench',
      'Sent',
      Array.from({ length: MAILS }, (_, i) => mailText({ from: 'me@example.org', to: [address(i % CONTACTS)], cc: i % 3 === 0 ? [address((i * 7) % CONTACTS)] : [], date: new Date(now - ((i % 25) + 1) * 86_400_000), messageId: `<bench-${i}@example.org>` })),
    );
    const ics = calendarText(now);
    server.serve('/secret/basic.ics', ics);

    // Floor 1: imapflow fetching the envelopes of the Sent folder, nothing else.
    const fetchEnvelopes = async () => {
      const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: account.user, pass: account.password }, logger: false });
      await client.connect();
      const lock = await client.getMailboxLock('Sent', { readOnly: true });
      let n = 0;
      for await (const m of client.fetch('1:*', { uid: true, envelope: true, internalDate: true }, { uid: true })) if (m.envelope) n++;
      lock.release();
      await client.logout();
      if (n !== MAILS) throw new Error(`fetched ${n} envelopes, expected ${MAILS}`);
    };
    await fetchEnvelopes(); // Dovecot indexes the new maildir once.
    // Floor 2: ical.js parsing the calendar text, nothing else.
    const parse = () => new ICAL.Component(ICAL.parse(ics));
    parse();

    const time = async (fn: () => Promise<unknown> | unknown) => {
      const start = performance.now();
      await fn();
      return performance.now() - start;
    };
    const floors = { imap: [] as number[], ics: [] as number[] };
    const mail = { first: [] as number[], again: [] as number[], added: 0 };
    const calendar = { first: [] as number[], again: [] as number[], added: 0 };
    for (let run = 0; run < RUNS; run++) {
      floors.imap.push(await time(fetchEnvelopes));
      floors.ics.push(await time(parse));
      for (const [kind, target] of [['imap', mail], ['ical', calendar]] as const) {
        const { database, user } = await freshWorld();
        const fields =
          kind === 'imap'
            ? { kind, name: 'mail', host: dovecot.host, username: account.user, secret: account.password, options: { port: dovecot.port, tls: 'none' as const } }
            : { kind, name: 'calendar', secret: server.url('/secret/basic.ics') };
        await connectSource(database.db, user.id, fields, box, new Date());
        const sync = createSourceSync({ db: database.db, box, limits: { allowPrivate: true } });
        let result: Awaited<ReturnType<typeof sync.runForUser>> = [];
        target.first.push(await time(async () => (result = await sync.runForUser(user.id))));
        if (result[0]?.result !== 'ok') throw new Error(`the ${kind} sync failed: ${result[0]?.result}`);
        target.added = result[0].summary!.added;
        target.again.push(await time(() => sync.runForUser(user.id)));
        await database.close();
      }
    }
    const imapFloor = median(floors.imap);
    const icsFloor = median(floors.ics);
    console.log(
      table([
        ['', 'median', 'ratio', 'floor'],
        ['IMAP envelope fetch alone (imapflow)', ms(imapFloor), '1.00x', ''],
        [`mailbox sync, first (${mail.added.toLocaleString('en')} touches)`, ms(median(mail.first)), ratio(median(mail.first), imapFloor), 'IMAP fetch'],
        ['mailbox sync, nothing new (resumes after the last UID)', ms(median(mail.again)), ratio(median(mail.again), imapFloor), 'IMAP fetch'],
        ['ICS parse alone (ical.js)', ms(icsFloor), '1.00x', ''],
        [`calendar sync, first (${calendar.added.toLocaleString('en')} touches)`, ms(median(calendar.first)), ratio(median(calendar.first), icsFloor), 'ICS parse'],
        ['calendar sync, nothing changed', ms(median(calendar.again)), ratio(median(calendar.again), icsFloor), 'ICS parse'],
        ['both, first sync', ms(median(mail.first) + median(calendar.first)), ratio(median(mail.first) + median(calendar.first), imapFloor + icsFloor), 'fetch + parse'],
      ]),
    );
  } finally {
    await server.stop();
    await dovecot.stop();
  }
}
