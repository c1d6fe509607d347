/**
 * The morning nudge with a connected calendar: the real conversation, sync
 * and scheduler on one database, a calendar on a local HTTP server, a clock
 * the test moves. It says what logged itself since yesterday's nudge and
 * who today's meetings are with, with what to talk about; it sends these
 * lines even when nobody is due; and it says nothing of sources to a user
 * who has none.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSourceDigest } from '../../src/core/source-digest.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import { createSecretBox } from '../../src/sources/secret-box.ts';
import { createSourceSync } from '../../src/sources/runner.ts';
import { startCalendarServer, type CalendarServer } from '../doubles/calendar-server.ts';
import { chatOn, memoryDatabase } from '../doubles/chat.ts';
import { FakeMessenger } from '../doubles/messenger.ts';

/** Monday 23 November 2026, 19:00 in Berlin: the calendar is connected in the evening. */
const MONDAY_EVENING = new Date('2026-11-23T18:00:00Z');
/** Tuesday 08:05 in Berlin, just after the nudge time (08:00). */
const TUESDAY_MORNING = new Date('2026-11-24T07:05:00Z');

function event(uid: string, start: string, end: string, title: string, attendees: string[]): string {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20261101T000000Z',
    `DTSTART:${start}`,
    `DTEND:${end}`,
    `SUMMARY:${title}`,
    'ORGANIZER;CN=Ada Quill:mailto:ada.quill@example.org',
    ...attendees.map((a) => `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${a}`),
    'END:VEVENT',
  ].join('\r\n');
}

const CALENDAR = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//keepwarm tests//EN',
  event('lunch-1@test', '20261123T110000Z', '20261123T120000Z', 'Lunch', ['ada.quill@example.org', 'anna.keller@example.org']),
  event('call-1@test', '20261123T150000Z', '20261123T153000Z', 'Call', ['lisa@kranz.example']),
  // Today at 14:00 in Berlin.
  event('board-1@test', '20261124T130000Z', '20261124T140000Z', 'Budget review', ['tom.berger@example.com']),
  'END:VCALENDAR',
].join('\r\n');

let server: CalendarServer;
beforeAll(async () => {
  server = await startCalendarServer();
  server.serve('/secret-3d9f/cal.ics', CALENDAR);
});
afterAll(async () => server?.stop());

async function morning(options: { connect: boolean; everyoneRecent?: boolean }) {
  const database = await memoryDatabase();
  const box = createSecretBox(randomBytes(32));
  let now = MONDAY_EVENING;
  const sync = createSourceSync({ db: database.db, box, limits: { allowPrivate: true }, now: () => now });
  const chat = await chatOn(database, { user: 'ada', now, sources: { box, runSource: sync.runSource, runForUser: sync.runForUser } });
  const messenger = new FakeMessenger('console');
  const scheduler = createScheduler({ db: database.db, messengers: [messenger], now: () => now });
  await chat.say('/settings time 8:00');
  const touched = options.everyoneRecent ? ', last talked 3 days ago' : ', last talked 3 months ago';
  await chat.say(`/add Anna Keller, tier A${touched}`);
  await chat.say(`/add Tom Berger, tier A${touched}`);
  await chat.say(`/add Lisa Kranz, tier A${touched}`);
  await chat.say('/note Tom Berger promoted to CFO');
  for (const [name, email] of [['Anna Keller', 'anna.keller@example.org'], ['Tom Berger', 'tom.berger@example.com'], ['Lisa Kranz', 'lisa@kranz.example']]) {
    await database.db.updateTable('contacts').set({ email }).where('name', '=', name!).execute();
  }
  if (options.connect) {
    await chat.say(`/calendar ${server.url('/secret-3d9f/cal.ics')}`);
    expect(chat.text()).toContain('2 meetings logged');
  }
  now = TUESDAY_MORNING;
  chat.now = now;
  await scheduler.tick();
  await database.close();
  return messenger.sent.map((s) => s.text).join('\n---\n');
}

describe('the morning nudge with a calendar', () => {
  it('says what logged itself since yesterday and who today’s meetings are with', async () => {
    const text = await morning({ connect: true });
    expect(text).toContain('🔄 logged by themselves since yesterday: 2 meetings (Anna Keller, Lisa Kranz)');
    expect(text).toContain('📅 today: 14:00 Tom Berger — last talked 3 months ago; talk about: promoted to CFO');
  });

  it('is sent for those lines even when nobody is due', async () => {
    const text = await morning({ connect: true, everyoneRecent: true });
    // Talked to everyone on Friday: nobody to call, and still a message for the meeting.
    expect(text).not.toContain('calls for today');
    expect(text).toContain('📅 today: 14:00 Tom Berger — last talked 4 days ago; talk about: promoted to CFO');
  });

  it('says nothing of sources to a user who has none', async () => {
    const text = await morning({ connect: false });
    expect(text).toContain('Good morning');
    expect(text).not.toContain('🔄');
    expect(text).not.toContain('📅 today');
  });
});

describe('the digest', () => {
  const contacts = new Map([
    [1, { name: 'Anna Keller', lastTouchOn: '2026-11-23' }],
    [2, { name: 'Tom Berger', lastTouchOn: '2026-08-20' }],
    [3, { name: 'Lisa Kranz', lastTouchOn: null }],
    [4, { name: 'Omar Haddad', lastTouchOn: '2026-11-24' }],
  ]);
  const base = { contacts, notes: new Map<number, string>(), timeZone: 'Europe/Berlin', today: '2026-11-24' };

  it('names three people and then "…", counting meetings and mails apart', () => {
    const logged = [1, 2, 3, 4].map((contactId, index) => ({ contactId, kind: index % 2 === 0 ? 'meeting' : 'email' }));
    expect(buildSourceDigest({ ...base, logged, events: [] })?.logged).toEqual({ meetings: 2, mails: 2, names: ['Anna Keller', 'Tom Berger', 'Lisa Kranz'], more: 1 });
  });

  it('shows each contact once a day, all-day meetings without a time, and "last talked" only before today', () => {
    const events = [
      { contactId: 4, startsAt: '2026-11-24T08:00:00Z', allDay: false },
      { contactId: 4, startsAt: '2026-11-24T12:00:00Z', allDay: false },
      { contactId: 3, startsAt: null, allDay: true },
    ];
    expect(buildSourceDigest({ ...base, logged: [], events })?.today).toEqual([
      { time: '09:00', name: 'Omar Haddad', lastTalked: null, note: null },
      { time: null, name: 'Lisa Kranz', lastTalked: null, note: null },
    ]);
  });

  it('is nothing when nothing logged itself and no meeting is today', () => {
    expect(buildSourceDigest({ ...base, logged: [], events: [] })).toBeUndefined();
  });
});
