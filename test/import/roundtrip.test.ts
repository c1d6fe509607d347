/**
 * Export, /forget, import: the same network comes back. Compared modulo what
 * a new database must give anew — the ids of contacts, reminders and the
 * ids introductions refer to. Everything else (names, tiers, cadences,
 * places, tags, dates, follow-ups, notes with their time, touches, open
 * reminders, introductions, settings) must be equal.
 */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/export/csv.ts';
import { parseImportFile } from '../../src/import/parse.ts';
import { isRefusal } from '../../src/import/record.ts';
import type { ExportData } from '../../src/export/data.ts';
import { exportUserData } from '../../src/store/export.ts';
import { findUser } from '../../src/store/users.ts';
import { startChat, type TestChat } from '../doubles/chat.ts';
import { sendFile } from './helpers.ts';

function withoutIds(data: ExportData) {
  return {
    ...data,
    contacts: data.contacts.map(({ id: _id, reminders, ...c }) => ({ ...c, reminders: reminders.map(({ id: _rid, ...r }) => r) })),
    introductions: data.introductions.map(({ fromId: _f, toId: _t, ...i }) => i),
  };
}

async function buildNetwork(chat: TestChat) {
  for (const text of [
    '/met Anna Schmidt at Verbandstagung yesterday, tier A #fintech #berlin',
    '/note Anna promoted to CFO',
    '/add Bob Meyer, tier B, last talked 4 months ago',
    '/every Bob 3 weeks',
    '/remind Bob on December 3 ask about the tender',
    '/met Carla Rossi at Web Summit last Thursday #fintech',
    '/intro Anna to Carla, both work on payments',
    '/add Tom Berger, tier D',
    '/archive Tom',
    '/add Anna Schmidt, tier C',
    '/snooze Carla until January 10',
    'emailed Carla about the pilot',
    '/settings time 8:30',
    '/settings days mon,wed,fri',
    '/settings cadence A 45 days',
    '/settings timezone Europe/Vienna',
  ]) {
    await chat.say(text);
    // /add of a known name asks first: a namesake is a new contact.
    if (text === '/add Anna Schmidt, tier C') await chat.press('New contact Anna Schmidt');
  }
}

async function exported(chat: TestChat): Promise<ExportData> {
  const [reply] = await chat.say('/export json');
  return JSON.parse(reply!.file!.content.toString('utf8')) as ExportData;
}

describe('export -> /forget -> import', () => {
  it('gives the same network back, including namesakes, archived contacts and settings', async () => {
    const chat = await startChat();
    await buildNetwork(chat);
    const before = await exported(chat);
    expect(before.contacts.map((c) => c.name)).toEqual(['Anna Schmidt', 'Bob Meyer', 'Carla Rossi', 'Tom Berger', 'Anna Schmidt']);
    expect(before.introductions).toHaveLength(1);
    const file = Buffer.from(JSON.stringify(before, null, 2));

    await chat.say('/forget');
    await chat.say('ERASE');
    expect(chat.text()).toContain('Everything is erased');

    await sendFile(chat, 'keepwarm.json', file);
    expect(chat.text()).toContain('keepwarm export keepwarm.json: 5 contacts read.');
    expect(chat.text()).toContain('5 new contacts');
    expect(chat.text()).toContain('1 introduction');
    expect(chat.text()).toContain('your settings from the file');
    await chat.press('Import');
    expect(chat.text()).toContain('✓ Imported: 5 new contacts, settings restored.');
    // A restore brings tiers with it: no triage.
    expect(chat.buttons()).toEqual([]);

    const after = await exported(chat);
    expect(withoutIds(after)).toEqual(withoutIds(before));
    // The introduction points at the right Anna (the first one), not at her namesake.
    const annaIds = after.contacts.filter((c) => c.name === 'Anna Schmidt').map((c) => c.id);
    expect(after.introductions[0]?.fromId).toBe(annaIds[0]);
  });

  it('importing the same export again adds nothing (namesakes are left alone, never guessed)', async () => {
    const chat = await startChat();
    await buildNetwork(chat);
    const file = Buffer.from(JSON.stringify(await exported(chat)));
    await sendFile(chat, 'keepwarm.json', file);
    expect(chat.text()).toContain('0 new contacts');
    expect(chat.text()).toContain('3 known contacts unchanged');
    expect(chat.text()).toContain('contact 1: Anna Schmidt fits several of your contacts — left alone rather than guessed');
    expect(chat.text()).toContain('Nothing to import');
  });

  it('an import of the export is one undo step that also restores the settings before it', async () => {
    const chat = await startChat();
    await buildNetwork(chat);
    const file = Buffer.from(JSON.stringify(await exported(chat)));
    const other = await startChat({ user: 'restorer' });
    await sendFile(other, 'keepwarm.json', file);
    await other.press('Import');
    await other.say('/settings');
    expect(other.text()).toContain('Nudge: 08:30 on Mon, Wed, Fri');
    await other.say('/undo');
    expect(other.text()).toContain('Undone: import');
    await other.say('/settings');
    expect(other.text()).toContain('Nudge: 09:00 on Mon–Fri');
    expect(await other.db.selectFrom('contacts').selectAll().where('user_id', '=', (await findUser(other.db, other.who))!.id).execute()).toEqual([]);
  });
});

describe('CSV and vCard exports read back', () => {
  it('the CSV export imports into an empty network with names, tiers, addresses, companies, roles, places, tags and last contacts', async () => {
    const chat = await startChat();
    await buildNetwork(chat);
    const user = (await findUser(chat.db, chat.who))!;
    const data = await exportUserData(chat.db, user.id);
    const parsed = parseImportFile({ name: 'keepwarm.csv', content: Buffer.from(toCsv(data)) }, '2026-11-23');
    if (isRefusal(parsed)) throw new Error('refused');
    expect(parsed.records.map((r) => [r.name, r.tier, r.place, r.tags, r.lastContactOn])).toEqual(
      data.contacts.map((c) => [c.name, c.tier, c.place, c.tags, c.lastTouchOn]),
    );
    expect(parsed.issues).toEqual([]);
  });

  it('the vCard export imports with names, addresses and tiers', async () => {
    const chat = await startChat();
    await chat.say('/add Jürgen Müller, tier A');
    await chat.say('/note Jürgen likes sailing; ask about the regatta, in June');
    await chat.say('/add Bob Meyer, tier B');
    const [reply] = await chat.say('/export vcf');
    const parsed = parseImportFile({ name: reply!.file!.name, content: reply!.file!.content }, '2026-11-23');
    if (isRefusal(parsed)) throw new Error('refused');
    expect(parsed.records.map((r) => [r.name, r.tier, r.notes])).toEqual([
      ['Jürgen Müller', 'A', ['likes sailing; ask about the regatta, in June']],
      ['Bob Meyer', 'B', []],
    ]);
  });
  it('tags come back from the vCard export, a comma, semicolon or backslash inside a tag included', async () => {
    const chat = await tagged();
    const [reply] = await chat.say('/export vcf');
    const parsed = parseImportFile({ name: reply!.file!.name, content: reply!.file!.content }, '2026-11-23');
    if (isRefusal(parsed)) throw new Error('refused');
    expect(parsed.records.map((r) => [r.name, r.tags])).toEqual(TAGGED);
  });

  it('tags with a comma, semicolon or quote in them survive the CSV export and import as they were', async () => {
    const chat = await tagged();
    const [reply] = await chat.say('/export csv');
    const parsed = parseImportFile({ name: reply!.file!.name, content: reply!.file!.content }, '2026-11-23');
    if (isRefusal(parsed)) throw new Error('refused');
    expect(parsed.records.map((r) => [r.name, r.tags])).toEqual(TAGGED);
  });

  it('a tags cell written by hand is still split at commas and semicolons, and quotes keep one tag together', () => {
    const csv = 'Name,Tags\r\nAnna Schmidt,"fintech; berlin, #lisbon"\r\nBob Meyer,"payments, ""M&A, Europe"""\r\n';
    const parsed = parseImportFile({ name: 'contacts.csv', content: Buffer.from(csv) }, '2026-11-23');
    if (isRefusal(parsed)) throw new Error('refused');
    expect(parsed.records.map((r) => [r.name, r.tags])).toEqual([
      ['Anna Schmidt', ['fintech', 'berlin', 'lisbon']],
      ['Bob Meyer', ['payments', 'M&A, Europe']],
    ]);
  });
});

/** Tags typed in chat are words; a file (keepwarm JSON, CSV, vCard) can bring any text. */
const TAGGED: [string, string[]][] = [
  ['Anna Schmidt', ['fintech', 'M&A, Europe', 'Q1; Q2', 'say "hi"', 'back\\slash']],
  ['Bob Meyer', []],
];

async function tagged(): Promise<TestChat> {
  const chat = await startChat();
  const contacts = TAGGED.map(([name, tags]) => ({ name, tier: 'B', tags }));
  await sendFile(chat, 'keepwarm.json', JSON.stringify({ version: 1, contacts }));
  await chat.press('Import');
  const stored = await chat.db.selectFrom('contacts').select(['name', 'tags']).orderBy('id').execute();
  expect(stored.map((c) => [c.name, JSON.parse(c.tags)])).toEqual(TAGGED);
  return chat;
}
