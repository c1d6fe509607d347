/** The rest of the command language, one rule a test. */
import { describe, expect, it } from 'vitest';
import { startChat } from '../doubles/chat.ts';

describe('settings and pause', () => {
  it('/settings shows the defaults: 09:00, Mon–Fri, 2 people, A 60 and B 180 days', async () => {
    const chat = await startChat();
    await chat.say('/settings');
    expect(chat.text()).toContain('Nudge: 09:00 on Mon–Fri, 2 people a day');
    expect(chat.text()).toContain('Time zone: Europe/Berlin (from your platform)');
    expect(chat.text()).toContain('Cadence: A every 60 days, B every 180 days');
  });

  it('each setting changes and /undo restores it', async () => {
    const chat = await startChat();
    await chat.say('/settings time 8:30');
    expect(chat.text()).toContain('Nudge time: 08:30');
    await chat.say('/settings days mon,wed,fri');
    await chat.say('/settings count 1');
    await chat.say('/settings cadence A 45 days');
    await chat.say('/settings timezone America/New_York');
    await chat.say('/settings');
    expect(chat.text()).toContain('Nudge: 08:30 on Mon, Wed, Fri, 1 person a day');
    expect(chat.text()).toContain('Time zone: America/New_York');
    expect(chat.text()).toContain('A every 45 days');
    await chat.say('/undo');
    await chat.say('/settings');
    expect(chat.text()).toContain('Time zone: Europe/Berlin');
  });

  it('/settings language de switches the replies to German at once', async () => {
    const chat = await startChat();
    await chat.say('/settings language de');
    expect(chat.text()).toContain('Ab jetzt spreche ich Deutsch');
    await chat.say('/stats');
    expect(chat.text()).toContain('Dein Netzwerk');
  });

  it('/pause until a date and /resume', async () => {
    const chat = await startChat();
    await chat.say('/pause until January 6');
    expect(chat.text()).toContain('paused until Wed 6 Jan 2027');
    await chat.say('/resume');
    expect(chat.text()).toContain('resumed');
    await chat.say('/resume');
    expect(chat.text()).toContain('not paused');
  });
});

describe('cadence, tiers and the overdue list', () => {
  it('an A contact last talked 61 days ago is overdue; a B contact is not', async () => {
    const chat = await startChat();
    await chat.say('/add Anna, tier A, last talked 61 days ago');
    await chat.say('/add Bob, tier B, last talked 61 days ago');
    await chat.say('/overdue');
    expect(chat.text()).toContain('Tier A (1)');
    expect(chat.text()).toContain('Anna — 61 days since contact, 1 day over');
    expect(chat.text()).not.toContain('Bob');
  });

  it('/every gives one person their own cadence', async () => {
    const chat = await startChat();
    await chat.say('/add Bob, tier B, last talked 30 days ago');
    await chat.say('/every Bob 3 weeks');
    expect(chat.text()).toContain('Bob: every 21 days. Overdue since');
    await chat.say('/overdue');
    expect(chat.text()).toContain('Bob — 30 days since contact, 9 days over');
  });

  it('C contacts are never in /today', async () => {
    const chat = await startChat();
    await chat.say('/add Carl, tier C, last talked 2 years ago');
    await chat.say('/today');
    expect(chat.text()).toContain('Nobody is due today');
  });

  it('/tier answers the follow-up question and warns past 150 close contacts', async () => {
    const chat = await startChat();
    for (let i = 0; i < 151; i++) await chat.say(`/add Person ${i}, tier B`);
    expect(chat.text()).toContain('151 A and B contacts');
    await chat.say('/tier Person 150 C');
    expect(chat.text()).toContain('Person 150 is now tier C (passive: never nudged); was B');
    expect(chat.text()).not.toContain('A and B contacts');
  });
});

describe('snooze, no answer, reminders, introductions', () => {
  it('a snoozed contact leaves /today until the date, and the nudge promises her back on it', async () => {
    const chat = await startChat();
    await chat.say('/add Anna, tier A, last talked 3 months ago');
    await chat.say('/snooze Anna 2 weeks');
    expect(chat.text()).toContain("Anna snoozed — I'll suggest them again on Mon 7 Dec");
    await chat.say('/today');
    expect(chat.text()).toContain('Nobody is due today');
    chat.advanceDays(14);
    await chat.say('/today');
    expect(chat.text()).toContain('1. Anna (A)');
  });

  it('no answer logs an attempt, keeps the cadence and promises the person back on the nudge day 3 days on', async () => {
    const chat = await startChat();
    await chat.say('/add Bob, tier A, last talked 70 days ago');
    await chat.say('no answer Bob');
    expect(chat.text()).toContain('tried Bob, no answer');
    await chat.say('/show Bob');
    expect(chat.text()).toContain('70 days ago');
    chat.advanceDays(3);
    await chat.say('/today');
    expect(chat.text()).toContain('1. Bob (A) — back as promised · last contact 73 days ago');
  });

  it('a reminder puts the person on the agenda that day, with its text', async () => {
    const chat = await startChat();
    await chat.say('/add Bob, tier C');
    await chat.say('/remind Bob on December 3 ask about the tender');
    expect(chat.text()).toContain('remind you about Bob on Thu 3 Dec: ask about the tender');
    chat.advanceDays(10);
    await chat.say('/today');
    expect(chat.text()).toContain('Bob (C) — reminder');
    expect(chat.text()).toContain('ask about the tender');
    await chat.say('done Bob');
    await chat.say('/today');
    expect(chat.text()).not.toContain('tender');
  });

  it('/intro logs the introduction and counts as contact with both', async () => {
    const chat = await startChat();
    await chat.say('/add Anna, tier A, last talked 3 months ago');
    await chat.say('/add Bob, tier B, last talked 1 year ago');
    await chat.say('/intro Anna to Bob, both work on heat pumps');
    expect(chat.text()).toContain('You introduced Anna to Bob — both work on heat pumps');
    await chat.say('/overdue');
    expect(chat.text()).toContain('Nobody is overdue');
  });
});

describe('finding and reviewing', () => {
  it('/find searches names, places and notes', async () => {
    const chat = await startChat();
    await chat.say('/met Anna Berg at Verbandstagung, tier A, CFO at Siemens');
    await chat.say('/add Bob Meyer');
    await chat.say('/find siemens');
    expect(chat.text()).toContain('1 found for siemens');
    expect(chat.text()).toContain('Anna Berg');
    await chat.say('/find 100%');
    expect(chat.text()).toContain('Nothing found');
  });

  it('/review walks oldest-reviewed first and suggests archiving D', async () => {
    const chat = await startChat();
    await chat.say('/add Dora, tier D');
    chat.advanceDays(1);
    await chat.say('/add Anna, tier A');
    await chat.say('/review');
    expect(chat.text()).toContain('Review — 2 to go');
    expect(chat.text()).toContain('Dora (tier D)');
    expect(chat.text()).toContain('Suggestion: archive');
    await chat.press('Archive');
    expect(chat.text()).toContain('Dora archived');
    expect(chat.text()).toContain('Anna (tier A)');
    await chat.press('Keep');
    expect(chat.text()).toContain('Review finished');
    await chat.say('/list');
    expect(chat.text()).not.toContain('Dora');
  });

  it('/help and /help met', async () => {
    const chat = await startChat();
    await chat.say('/help');
    expect(chat.text()).toContain('What I understand');
    await chat.say('/help met');
    expect(chat.text()).toContain('/met NAME');
    await chat.say('/help zebra');
    expect(chat.text()).toContain('no help on zebra');
  });
});

describe('export and forget', () => {
  it('/export json returns a file with the whole network', async () => {
    const chat = await startChat();
    await chat.say('/met Anna at Verbandstagung, tier A #fintech');
    await chat.say('/note Anna promoted to CFO');
    const [reply] = await chat.say('/export json');
    const data = JSON.parse(reply!.file!.content.toString('utf8'));
    expect(data.contacts[0]).toMatchObject({ name: 'Anna', tier: 'A', place: 'Verbandstagung', tags: ['fintech'], metOn: '2026-11-23' });
    expect(data.contacts[0].notes[0].text).toBe('promoted to CFO');
  });

  it('/forget needs the typed word; anything else cancels', async () => {
    const chat = await startChat();
    await chat.say('/met Anna at X');
    await chat.say('/forget');
    expect(chat.text()).toContain('type ERASE');
    await chat.say('/list');
    expect(chat.text()).toContain('Nothing was erased');
    expect(chat.text()).toContain('Anna');
    await chat.say('/forget');
    await chat.say('erase');
    expect(chat.text()).toContain('Everything is erased');
    for (const table of ['contacts', 'touches', 'notes', 'users', 'undo_log', 'pending'] as const) {
      expect(await chat.db.selectFrom(table).selectAll().execute()).toEqual([]);
    }
  });
});

describe('the due date kept for the scheduler', () => {
  it('always equals what the cadence rule says, through touches, tier and cadence changes and undo', async () => {
    const { nextDueOn } = await import('../../src/core/cadence.ts');
    const { listContacts } = await import('../../src/store/contacts.ts');
    const { findUser } = await import('../../src/store/users.ts');
    const chat = await startChat();
    const steps = [
      '/add Anna, tier A, last talked 3 months ago',
      '/met Bob at Messe',
      'called Anna yesterday',
      '/tier Bob C',
      '/every Anna 2 weeks',
      '/settings cadence B 90 days',
      '/tier Bob B',
      '/undo',
      '/undo',
      '/settings cadence A 30 days',
      '/undo',
    ];
    for (const step of steps) {
      await chat.say(step);
      const user = (await findUser(chat.db, chat.who))!;
      const rows = await chat.db.selectFrom('contacts').select(['id', 'due_on']).execute();
      for (const contact of await listContacts(chat.db, user.id)) {
        expect(rows.find((r) => r.id === contact.id)?.due_on, `${step}: ${contact.name}`).toBe(nextDueOn(contact, user.cadences));
      }
    }
  });
});

describe('cancelling /forget', () => {
  it('a typed "no" cancels and says only that nothing was erased', async () => {
    const chat = await startChat({ locale: 'de' });
    await chat.say('/met Anna at X');
    await chat.say('/forget');
    await chat.say('nein');
    expect(chat.text()).toBe('Nichts wurde gelöscht.');
    await chat.say('/list');
    expect(chat.text()).toContain('Anna');
  });
});
