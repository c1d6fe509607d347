/** The small rules of import, one a test: decoding, dates, columns, matching. */
import { describe, expect, it } from 'vitest';
import { fieldOf, mapColumns } from '../../src/import/columns.ts';
import { parseImportDate } from '../../src/import/dates.ts';
import { decodeFile } from '../../src/import/decode.ts';
import { parseImportFile } from '../../src/import/parse.ts';
import { planImport, type ExistingContact } from '../../src/import/plan.ts';
import { decodeQuotedPrintable } from '../../src/import/quoted-printable.ts';
import { isRefusal, type ImportRecord, type ParsedImport } from '../../src/import/record.ts';

const TODAY = '2026-11-23';

describe('quoted-printable (RFC 2045)', () => {
  it('decodes bytes in the given charset', () => {
    expect(decodeQuotedPrintable('J=C3=BCrgen')).toBe('Jürgen');
    expect(decodeQuotedPrintable('J=FCrgen', 'Windows-1252')).toBe('Jürgen');
    expect(decodeQuotedPrintable('J=FCrgen', 'ISO-8859-1')).toBe('Jürgen');
  });
  it('drops soft line breaks and keeps a stray = that is no escape', () => {
    expect(decodeQuotedPrintable('a=\r\nb=\nc')).toBe('abc');
    expect(decodeQuotedPrintable('1=2 and x=')).toBe('1=2 and x');
  });
  it('an unknown charset falls back to UTF-8', () => {
    expect(decodeQuotedPrintable('=C3=A4', 'x-made-up')).toBe('ä');
  });
});

describe('decoding a file', () => {
  it('UTF-8 with and without BOM, UTF-16 with BOM, Windows-1252', () => {
    expect(decodeFile(Buffer.from('\ufeffName', 'utf8'))).toMatchObject({ kind: 'text', text: 'Name', encoding: 'utf-8' });
    expect(decodeFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Name\tE-Mail', 'utf16le')]))).toMatchObject({ text: 'Name\tE-Mail', encoding: 'utf-16le' });
    expect(decodeFile(Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]))).toMatchObject({ text: 'Müller', encoding: 'windows-1252' });
  });
  it('a UTF-16 CSV from Excel ("Unicode text", tab-separated) imports', () => {
    const content = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Vorname\tNachname\tE-Mail\r\nGöran\tPersson\tgoran@example.se\r\n', 'utf16le')]);
    const parsed = parseImportFile({ name: 'kontakte.txt', content }, TODAY);
    expect(isRefusal(parsed) ? parsed : parsed.records.map((r) => [r.name, r.emails[0]])).toEqual([['Göran Persson', 'goran@example.se']]);
  });
  it('old Mac line ends (CR only) in a vCard', () => {
    const parsed = parseImportFile({ name: 'mac.vcf', content: Buffer.from('BEGIN:VCARD\rVERSION:3.0\rFN:Ada Byron\rEND:VCARD\r') }, TODAY);
    expect(isRefusal(parsed) ? parsed : parsed.records.map((r) => r.name)).toEqual(['Ada Byron']);
  });
});

describe('dates as exports write them', () => {
  it.each([
    ['12 Mar 2024', '2024-03-12'],
    ['03 Jan 2025', '2025-01-03'],
    ['12. März 2024', '2024-03-12'],
    ['12.03.2024', '2024-03-12'],
    ['1.2.24', '2024-02-01'],
    ['2024-03-12', '2024-03-12'],
    ['2024-03-12T10:15:00Z', '2024-03-12'],
    ['20240312', '2024-03-12'],
    ['March 12, 2024', '2024-03-12'],
    ['3/12/2024', '2024-03-12'],
    ['13/03/2024', '2024-03-13'],
    ['2024/3/12', '2024-03-12'],
  ])('%s is %s', (text, date) => {
    expect(parseImportDate(text)).toBe(date);
  });
  it.each(['31.02.2024', 'sometime', '12 Foo 2024', '', '99/99/2024', '01.01.1850'])('%s is no date', (text) => {
    expect(parseImportDate(text)).toBeNull();
  });
});

describe('column names', () => {
  it.each([
    ['E-Mail (geschäftlich)', 'email'],
    ['E-mail 2 Address', 'email'],
    ['Email Address', 'email'],
    ['E-mail 1 - Value', 'email'],
    ['Mobile Phone', 'phone'],
    ['Telefon (privat)', 'phone'],
    ['Handy', 'phone'],
    ['Firma', 'company'],
    ['Organization Name', 'company'],
    ['Position', 'role'],
    ['Job Title', 'role'],
    ['Connected On', 'lastContact'],
    ['Letzter Kontakt', 'lastContact'],
    ['Stufe', 'tier'],
    ['Notizen', 'notes'],
  ])('%s means %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });
  it.each(['E-mail Type', 'E-mail Display Name', 'Business Fax', 'Phone 1 - Type', 'When exporting your connection data, some email addresses are missing'])('%s is ignored', (header) => {
    expect(fieldOf(header)).toBeUndefined();
  });
  it('a bare Title is the role unless the file has a job title column', () => {
    expect(mapColumns(['Name', 'Title']).role).toEqual([1]);
    expect(mapColumns(['Title', 'Name', 'Job Title']).role).toEqual([2]);
  });
});

function record(name: string, extra: Partial<ImportRecord> = {}): ImportRecord {
  return { line: 1, name, emails: [], phones: [], company: null, role: null, tier: null, lastContactOn: null, notes: [], tags: [], place: null, ...extra };
}
function contact(id: number, name: string, extra: Partial<ExistingContact> = {}): ExistingContact {
  return { id, name, email: null, phone: null, company: null, role: null, place: null, tags: [], lastTouchOn: null, notes: [], ...extra };
}
function plan(records: ImportRecord[], existing: ExistingContact[]) {
  const parsed: ParsedImport = { source: 'csv', records, issues: [] };
  return planImport(parsed, { today: TODAY, existing });
}

describe('the plan: whom a record is', () => {
  it('the same email address (any case) is the same person, whatever the name', () => {
    const p = plan([record('M. Lindqvist', { emails: ['MAREN@x.example'] })], [contact(1, 'Maren', { email: 'maren@x.example' })]);
    expect(p.create).toEqual([]);
    expect(p.unchanged).toBe(1);
  });
  it('the same spelling of the name matches (umlauts, accents, titles aside)', () => {
    const p = plan([record('Dr. Juergen Mueller', { company: 'Acme' })], [contact(1, 'Jürgen Müller')]);
    expect(p.merge).toEqual([expect.objectContaining({ contactId: 1, patch: { company: 'Acme' } })]);
  });
  it('a first name alone is no match: the import never guesses', () => {
    const p = plan([record('Jürgen')], [contact(1, 'Jürgen Müller')]);
    expect(p.create).toHaveLength(1);
  });
  it('fills what is empty and never overwrites a tier, an email or a note', () => {
    const p = plan(
      [record('Anna Schmidt', { tier: 'D', emails: ['new@x.example', 'Anna@x.example'], phones: ['+49 1'], role: 'CFO', notes: ['old note', 'new note'] })],
      [contact(1, 'Anna Schmidt', { email: 'anna@x.example', role: 'CEO', notes: ['old note'] })],
    );
    expect(p.merge[0]).toMatchObject({ patch: { phone: '+49 1' }, notes: ['new note'] });
    expect(p.merge[0]?.patch).not.toHaveProperty('email');
    expect(p.merge[0]?.patch).not.toHaveProperty('role');
  });
  it('a later last contact adds a touch; an earlier or equal one does not', () => {
    const existing = [contact(1, 'Anna', { lastTouchOn: '2025-01-01' })];
    expect(plan([record('Anna', { lastContactOn: '2025-06-01' })], existing).merge[0]).toMatchObject({ touch: '2025-06-01', patch: { lastTouchOn: '2025-06-01' } });
    expect(plan([record('Anna', { lastContactOn: '2025-01-01' })], existing).unchanged).toBe(1);
  });
  it('duplicates inside the file fold into one new contact', () => {
    const p = plan([record('Kai Berg', { emails: ['kai@x.example'] }), record('Kai Berg', { phones: ['+49 2'] }), record('K. Berg', { emails: ['KAI@x.example'], role: 'CTO' })], []);
    expect(p.create).toHaveLength(1);
    expect(p.create[0]?.record).toMatchObject({ phones: ['+49 2'], role: 'CTO' });
    expect(p.duplicates).toBe(2);
  });
  it('new contacts are tier C unless the file says otherwise', () => {
    const p = plan([record('A'), record('B', { tier: 'A' })], []);
    expect(p.create.map((c) => c.tier)).toEqual(['C', 'A']);
  });
});
