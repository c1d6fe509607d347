/**
 * Birthdays, addresses, salutations and titles survive every export that
 * keepwarm reads back (JSON, vCard, CSV), and the calendar export has each
 * birthday as a yearly all-day event.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../src/import/parse.ts';
import { isRefusal, type ImportRecord } from '../../src/import/record.ts';
import type { ExportData, ExportedContact } from '../../src/export/data.ts';
import { startChat, type TestChat } from '../doubles/chat.ts';
import { fixture, sendFile } from './helpers.ts';

const FILES = ['apple-occasions-3.0.vcf', 'outlook-occasions-2.1.vcf', 'vcard-4.0-occasions.vcf', 'adressen-de.csv', 'outlook-occasions.csv'];

async function networkWithOccasions(): Promise<TestChat> {
  const chat = await startChat();
  for (const name of FILES) {
    await sendFile(chat, name, fixture(name));
    await chat.say('yes');
  }
  return chat;
}

async function exported(chat: TestChat, format: 'json' | 'csv' | 'vcf' | 'ics'): Promise<{ name: string; content: Buffer }> {
  const [reply] = await chat.say(`/export ${format}`);
  return reply!.file!;
}

type Occasions = Pick<ExportedContact, 'birthday' | 'address' | 'salutation' | 'academicTitle'>;

function occasionsOf(contacts: (ExportedContact | ImportRecord)[]): Record<string, Occasions> {
  return Object.fromEntries(
    contacts.map((c) => [c.name, { birthday: c.birthday ?? null, address: c.address ?? null, salutation: c.salutation ?? null, academicTitle: c.academicTitle ?? null }]),
  );
}

describe('occasions in the exports', () => {
  it('JSON: "birthday" as MM-DD or YYYY-MM-DD and an "address" object; export, /forget, import gives them back', async () => {
    const chat = await networkWithOccasions();
    const file = await exported(chat, 'json');
    const before = JSON.parse(file.content.toString('utf8')) as ExportData;
    const weber = before.contacts.find((c) => c.name === 'Dr. Sabine Weber');
    expect(weber).toMatchObject({
      birthday: '03-12',
      academicTitle: 'Dr.',
      address: { street: 'Lindenstraße 12', street2: 'Aufgang B', postalCode: '10115', city: 'Berlin', region: null, country: 'Deutschland', kind: 'work' },
    });
    expect(before.contacts.find((c) => c.name === 'Thomas Kern')?.birthday).toBe('1979-11-30');

    await chat.say('/forget');
    await chat.say('ERASE');
    await sendFile(chat, 'keepwarm.json', file.content);
    await chat.press('Import');
    const after = JSON.parse((await exported(chat, 'json')).content.toString('utf8')) as ExportData;
    expect(occasionsOf(after.contacts)).toEqual(occasionsOf(before.contacts));
  });

  it('JSON: a note keeps its hook ("due" and "hook") through export, /forget and import; a plain note has none', async () => {
    const chat = await startChat();
    await chat.say('/add Anna Keller, tier A');
    await chat.say('/note Anna in March: speaks at the forum');
    await chat.say('/note Anna likes sailing');
    const file = await exported(chat, 'json');
    const notes = (JSON.parse(file.content.toString('utf8')) as ExportData).contacts[0]!.notes;
    expect(notes.map((n) => [n.text, n.due, n.hook])).toEqual([
      ['in March: speaks at the forum', '2027-03-01', 'dated'],
      ['likes sailing', undefined, undefined],
    ]);
    await chat.say('/forget');
    await chat.say('ERASE');
    await sendFile(chat, 'keepwarm.json', file.content);
    await chat.press('Import');
    const rows = await chat.db.selectFrom('notes').select(['text', 'due_on', 'hook']).orderBy('id').execute();
    expect(rows).toEqual([
      { text: 'in March: speaks at the forum', due_on: '2027-03-01', hook: 'dated' },
      { text: 'likes sailing', due_on: null, hook: null },
    ]);
  });

  it('vCard: BDAY (--MMDD without a year), ADR with its type, and salutation and title in N read back the same', async () => {
    const chat = await networkWithOccasions();
    const file = await exported(chat, 'vcf');
    const text = file.content.toString('utf8');
    expect(text).toContain('BDAY:--0312\r\n');
    expect(text).toContain('BDAY:19720229\r\n');
    expect(text).toContain('ADR;TYPE=work:;;Lindenstraße 12\\nAufgang B;Berlin;;10115;Deutschland\r\n');
    expect(text).toContain('N:von Bergen;Ulrike;;Frau Prof. Dr.;\r\n');
    const parsed = parseImportFile(file, '2026-11-23');
    if (isRefusal(parsed)) throw new Error('refused');
    const data = JSON.parse((await exported(chat, 'json')).content.toString('utf8')) as ExportData;
    expect(occasionsOf(parsed.records)).toEqual(occasionsOf(data.contacts));
  });

  it('CSV: birthday, salutation, title and the address columns read back the same', async () => {
    const chat = await networkWithOccasions();
    const file = await exported(chat, 'csv');
    const parsed = parseImportFile(file, '2026-11-23');
    if (isRefusal(parsed)) throw new Error('refused');
    expect(parsed.issues).toEqual([]);
    const data = JSON.parse((await exported(chat, 'json')).content.toString('utf8')) as ExportData;
    expect(occasionsOf(parsed.records)).toEqual(occasionsOf(data.contacts));
  });

  it('ICS: each birthday a yearly all-day event; 29 February recurs on the last day of February', async () => {
    const chat = await networkWithOccasions();
    const text = (await exported(chat, 'ics')).content.toString('utf8');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const birthdays = new Map(events.filter((e) => e.summary.startsWith('🎂')).map((e) => [e.summary, e]));
    expect([...birthdays.keys()].sort()).toEqual(
      ['🎂 Dana Whitfield', '🎂 Dr. Heinrich Großmann', '🎂 Dr. Sabine Weber', '🎂 Lea Brandstetter', '🎂 Mehmet Yılmaz', '🎂 Omar Haddad', '🎂 Rachel Okonkwo', '🎂 Thomas Kern', '🎂 Ulrike von Bergen'].sort(),
    );
    const kern = birthdays.get('🎂 Thomas Kern')!;
    expect(kern.startDate.isDate).toBe(true);
    expect(kern.startDate.toString()).toBe('1979-11-30');
    expect(kern.isRecurring()).toBe(true);
    // Without a year the series starts this year.
    expect(birthdays.get('🎂 Dr. Sabine Weber')!.startDate.toString()).toBe('2026-03-12');

    const occurrences = (event: ICAL.Event, count: number) => {
      const iterator = event.iterator();
      return Array.from({ length: count }, () => iterator.next()?.toString());
    };
    expect(occurrences(birthdays.get('🎂 Dr. Heinrich Großmann')!, 6)).toEqual(['1972-02-29', '1973-02-28', '1974-02-28', '1975-02-28', '1976-02-29', '1977-02-28']);
    expect(occurrences(kern, 3)).toEqual(['1979-11-30', '1980-11-30', '1981-11-30']);
    expect(chat.text()).toContain('your reminders and birthdays');
  });
});
