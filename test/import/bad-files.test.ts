/** Files that cannot be imported: a clear answer in the user's language, and nothing imported, ever partially. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../src/import/parse.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../src/import/limits.ts';
import { planImport } from '../../src/import/plan.ts';
import { isRefusal } from '../../src/import/record.ts';
import { withChange } from '../../src/store/change.ts';
import { applyImport } from '../../src/store/import.ts';
import { findUser } from '../../src/store/users.ts';
import { startChat } from '../doubles/chat.ts';
import { fixture, sendFile } from './helpers.ts';

const TODAY = '2026-11-23';

/** The file waits for the user's yes: nothing of it among the contacts. */
async function nothingStoredYet(chat: Awaited<ReturnType<typeof startChat>>) {
  expect(await chat.db.selectFrom('contacts').selectAll().execute()).toEqual([]);
}

async function nothingStored(chat: Awaited<ReturnType<typeof startChat>>) {
  expect(await chat.db.selectFrom('contacts').selectAll().execute()).toEqual([]);
  expect(await chat.db.selectFrom('import_plans').selectAll().execute()).toEqual([]);
  expect(await chat.db.selectFrom('pending').selectAll().execute()).toEqual([]);
}

describe('a file that is no contact list', () => {
  it('an empty file', async () => {
    const chat = await startChat();
    await sendFile(chat, 'contacts.csv', Buffer.alloc(0));
    expect(chat.text()).toBe('contacts.csv is empty.\nNothing was imported.');
    await sendFile(chat, 'contacts.vcf', ' \r\n\n ');
    expect(chat.text()).toContain('contacts.vcf is empty.');
    await nothingStored(chat);
  });

  it('binary garbage', async () => {
    const chat = await startChat();
    await sendFile(chat, 'contacts.vcf', randomBytes(4096));
    expect(chat.text()).toContain('contacts.vcf is not a text file I can read. I import vCard (.vcf), CSV with a header row (.csv)');
    await nothingStored(chat);
  });

  it('a ZIP archive (LinkedIn sends its export as one) gets a hint what to send instead', async () => {
    const chat = await startChat();
    await sendFile(chat, 'Basic_LinkedInDataExport.zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(200)]));
    expect(chat.text()).toContain('is a ZIP archive. Unpack it and send the file inside — for LinkedIn that is Connections.csv');
    await nothingStored(chat);
  });

  it('an unknown type of text file', async () => {
    const chat = await startChat();
    await sendFile(chat, 'agenda.md', '# Agenda\n\nWe talk about the roadmap and then have lunch.\n');
    expect(chat.text()).toContain("I don't know what kind of file agenda.md is.");
    await nothingStored(chat);
  });

  it('a CSV without a header naming its columns', async () => {
    const chat = await startChat();
    await sendFile(chat, 'list.csv', 'Anna,anna@example.org\nBob,bob@example.org\n');
    expect(chat.text()).toContain('I could not find the header row of list.csv');
    await nothingStored(chat);
  });

  it('a file over 20 MB is refused before it is read', async () => {
    const chat = await startChat();
    await sendFile(chat, 'huge.vcf', Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41));
    expect(chat.text()).toContain('huge.vcf is 20.0 MB — I read files up to 20.0 MB.');
    await nothingStored(chat);
  });

  it('answers in the user’s language', async () => {
    const chat = await startChat();
    await sendFile(chat, 'kontakte.csv', Buffer.alloc(0), { locale: 'de' });
    expect(chat.text()).toBe('kontakte.csv ist leer.\nEs wurde nichts importiert.');
  });

  it('JSON that is not a keepwarm export', async () => {
    const chat = await startChat();
    await sendFile(chat, 'data.json', '{"hello": "world"}');
    expect(chat.text()).toContain('data.json is not a keepwarm export I can read (version: ');
    await sendFile(chat, 'data.json', '{"version": 1, "contacts": [');
    expect(chat.text()).toContain('(not JSON)');
    await nothingStored(chat);
  });
});

describe('a malformed card', () => {
  it('is named in the preview with its line and the reason; only the good card is imported', async () => {
    const chat = await startChat();
    await sendFile(chat, 'contacts.vcf', fixture('malformed.vcf'));
    expect(chat.text()).toContain('1 new contact');
    expect(chat.text()).toContain('2 entries left out:');
    expect(chat.text()).toContain('line 6: the card could not be read (invalid line (no token ";" or ":") "this line is not a property") — left out');
    expect(chat.text()).toContain('line 11: the card could not be read (END:VCARD missing) — left out');
    await chat.press('Import');
    expect((await chat.db.selectFrom('contacts').select('name').execute()).map((c) => c.name)).toEqual(['Greta Halvorsen']);
  });
});

describe('a CSV with broken quoting', () => {
  it('is refused as a whole, naming the line where the quote opened', async () => {
    const chat = await startChat();
    await sendFile(chat, 'people.csv', fixture('broken-quoting.csv'));
    expect(chat.text()).toBe(
      'The CSV file breaks at line 3: a quote (") opened there never closes properly.\nNothing was imported; fix that line and send the file again.',
    );
    await nothingStored(chat);
  });

  it('a quote that swallows a huge part of the file is stopped early too', () => {
    const rows = ['Name,Notes', 'Ann,"open', ...Array.from({ length: 20_000 }, (_, i) => `Person ${i},`.padEnd(40, 'x'))];
    const result = parseImportFile({ name: 'big.csv', content: Buffer.from(rows.join('\n')) }, TODAY);
    expect(result).toEqual({ refused: 'broken_quoting', params: { line: 2 } });
  });
});

describe('a CSV row whose quotes do not pair up (issue 13)', () => {
  it('is left out and named with its line; the rest is imported only after the user says yes', async () => {
    const chat = await startChat();
    await sendFile(chat, 'people.csv', 'Name,Email,Company\nPaula Richter,paula@richter.example,ACME\n"Ann Open,ann@example.org,"Acme\nMia Lang,mia@lang.example,Foo\n');
    expect(chat.text()).toContain('2 contacts read');
    expect(chat.text()).toContain('line 3: its quotes (") do not pair up, so I cannot tell its cells apart — left out');
    expect(chat.buttons().map((b) => b.label)).toEqual(['📥 Import 2', 'Cancel']);
    await nothingStoredYet(chat);
    await chat.press('Import');
    const names = (await chat.db.selectFrom('contacts').select('name').orderBy('name').execute()).map((r) => r.name);
    expect(names).toEqual(['Mia Lang', 'Paula Richter']);
  });

  it('a quoted cell with quotes of its own inside is no broken row', () => {
    const result = parseImportFile({ name: 'people.csv', content: Buffer.from('Name,Email,Notes\n"""Hi"" Ann",ann@example.org,"said ""hello"", then left"\n') }, TODAY);
    expect(isRefusal(result) ? result : result.records.map((r) => [r.name, r.notes])).toEqual([['"Hi" Ann', ['said "hello", then left']]]);
  });
});

describe('a CSV too wide to read', () => {
  it('a header of 100,000 columns is refused as that, not as a quote that never closes', async () => {
    const chat = await startChat();
    const header = ['Name', 'Email', ...Array.from({ length: 99_998 }, (_, i) => `Extra ${i}`)].join(',');
    await sendFile(chat, 'wide.csv', `${header}\nAnn,ann@example.org\n`);
    expect(chat.text()).toBe('The header row of wide.csv names 100,000 columns — I read files of up to 1,000.\nNothing was imported.');
    await nothingStored(chat);
  });

  it('a row longer than 256 KB without a quote is refused as too long, naming its line', () => {
    const result = parseImportFile({ name: 'long.csv', content: Buffer.from(`Name,Notes\nAnn,short\nBob,${'x'.repeat(300 * 1024)}\n`) }, TODAY);
    expect(result).toEqual({ refused: 'row_too_long', params: { line: 3, max: 256 } });
  });
});

describe('a CSV with 1,000,000 rows', () => {
  it('is refused at the row cap without reading the rest', () => {
    const header = 'First Name,Last Name,Email Address\n';
    const content = Buffer.from(header + 'A,B,\n'.repeat(1_000_000));
    expect(content.length).toBeLessThan(MAX_IMPORT_BYTES);
    const result = parseImportFile({ name: 'Connections.csv', content }, TODAY);
    expect(result).toEqual({ refused: 'too_many_rows', params: { max: MAX_IMPORT_ROWS } });
  });

  it('the cap itself is still fine', () => {
    const content = Buffer.from('Name\n' + Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => `P${i}`).join('\n'));
    const result = parseImportFile({ name: 'people.csv', content }, TODAY);
    expect(isRefusal(result) ? result : result.records.length).toBe(MAX_IMPORT_ROWS);
  });

  it('the chat says so in a sentence', async () => {
    const chat = await startChat();
    await sendFile(chat, 'rows.csv', 'Name\n' + 'A\n'.repeat(MAX_IMPORT_ROWS + 1));
    expect(chat.text()).toContain('That file has more than 50,000 contacts — more than I import at once.');
    await nothingStored(chat);
  });
});

describe('a vCard with a huge photo', () => {
  it('a 15 MB base64 photo on one line is skipped, and the cards around it are read', () => {
    const photo = 'A'.repeat(15 * 1024 * 1024);
    const text = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Before Photo\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:With Photo\r\nPHOTO;ENCODING=b;TYPE=JPEG:${photo}\r\nEMAIL:photo@example.org\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:After Photo\r\nEND:VCARD\r\n`;
    const result = parseImportFile({ name: 'big.vcf', content: Buffer.from(text) }, TODAY);
    if (isRefusal(result)) throw new Error('refused');
    expect(result.records.map((r) => [r.name, r.emails])).toEqual([
      ['Before Photo', []],
      ['With Photo', ['photo@example.org']],
      ['After Photo', []],
    ]);
  });
});

describe('one transaction per confirmed import', () => {
  it('a failure half-way rolls everything back: no contact of the import remains', async () => {
    const chat = await startChat();
    await chat.say('/start');
    const user = (await findUser(chat.db, chat.who))!;
    const parsed = parseImportFile({ name: 'apple.vcf', content: fixture('apple-contacts-3.0.vcf') }, TODAY);
    if (isRefusal(parsed)) throw new Error('refused');
    const plan = planImport(parsed, { today: TODAY, existing: [] });
    // A merge into a contact that does not exist fails after the new contacts were written.
    plan.merge.push({ contactId: 999_999, name: 'Ghost', patch: { email: 'ghost@example.org' }, notes: [], touch: null, keepwarm: { dated: [], touches: [], reminders: [] } });
    await expect(withChange(chat.db, user, chat.now, '{"key":"import"}', (change) => applyImport(change, plan, { today: TODAY, touchNote: null }))).rejects.toThrow();
    expect(await chat.db.selectFrom('contacts').selectAll().execute()).toEqual([]);
    expect(await chat.db.selectFrom('notes').selectAll().execute()).toEqual([]);
    expect(await chat.db.selectFrom('undo_log').selectAll().execute()).toEqual([]);
  });
});
