/** Every format and variant the importer reads, from fixtures written for the purpose (invented people). */
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../src/import/parse.ts';
import { isRefusal, type ImportRecord, type ParsedImport } from '../../src/import/record.ts';
import { fixture } from './helpers.ts';

const TODAY = '2026-11-23';

function read(name: string, as = name): ParsedImport {
  const result = parseImportFile({ name: as, content: fixture(name) }, TODAY);
  if (isRefusal(result)) throw new Error(`${name} refused: ${JSON.stringify(result)}`);
  return result;
}

/** Records by name; the first of two namesakes. */
function byName(parsed: ParsedImport): Map<string, ImportRecord> {
  return new Map([...parsed.records].reverse().map((r) => [r.name, r]));
}

describe('vCard 3.0 as Apple Contacts exports it', () => {
  const parsed = read('apple-contacts-3.0.vcf');
  it('reads every card of the file, with the line each starts on', () => {
    expect(parsed.source).toBe('vcard');
    expect(parsed.records.map((r) => [r.line, r.name])).toEqual([
      [1, 'Dr. Maren Lindqvist'],
      [556, 'Chidi Okafor'],
      [566, 'Fernwärme Kooperative eG'],
      [575, 'no.name.person@example.org'],
    ]);
  });
  it('takes the preferred address first, the organisation without its unit, the title as role', () => {
    expect(byName(parsed).get('Dr. Maren Lindqvist')).toMatchObject({
      emails: ['maren.lindqvist@nordlicht.example', 'maren@home.example'],
      phones: ['+49 170 5550101'],
      company: 'Nordlicht Energie GmbH',
      role: 'Head of Partnerships',
    });
  });
  it('unescapes \\, \\; and \\n in notes', () => {
    expect(byName(parsed).get('Dr. Maren Lindqvist')?.notes).toEqual(['Met at the Windkraft summit, Hamburg.\nLikes sailing; ask about the Baltic tour.']);
  });
  it('skips the 40 KB photo folded over hundreds of lines', () => {
    expect(JSON.stringify(parsed)).not.toMatch(/[A-Za-z0-9+/]{60}/);
  });
  it('names a card without a name by its address', () => {
    expect(byName(parsed).get('no.name.person@example.org')?.emails).toEqual(['no.name.person@example.org']);
  });
});

describe('vCard 3.0 as Google Contacts exports it (LF line ends, a BOM, any UTF-8)', () => {
  const parsed = read('google-contacts-3.0.vcf');
  it('reads names in any script, folded notes with multibyte characters', () => {
    expect(parsed.records.map((r) => r.name)).toEqual(['Søren Kierkegård-Nørby', '山田 花子', 'Amélie Durand 🎻']);
    expect(parsed.records[0]?.notes).toEqual(['Ønsker at høre om vores pilotprojekt i Aarhus – ring i foråret. Han taler også tysk og fransk.']);
  });
});

describe('vCard 2.1 as Outlook exports it (Windows-1252, quoted-printable, bare parameters)', () => {
  const parsed = read('outlook-2.1.vcf');
  it('decodes quoted-printable in the card charset, joining soft line breaks', () => {
    const juergen = byName(parsed).get('Dr. Jürgen Müller-Lüdenscheid');
    expect(juergen).toMatchObject({
      company: 'Großhandel Süd AG',
      role: 'Leiter Einkauf',
      emails: ['j.mueller@grosshandel-sued.example'],
      phones: ['+49 89 5550 2200', '+49 151 5550 2201'],
    });
    expect(juergen?.notes).toEqual(['Kennengelernt auf der Hannover Messe, Halle 7.\nInteresse an Wärmepumpen, Ausschreibung im Frühjahr; Ansprechpartner für Bayern.']);
  });
  it('skips the 2.1 base64 photo that ends with a blank line, and reads the card after it', () => {
    expect(parsed.records.map((r) => r.name)).toEqual(['Dr. Jürgen Müller-Lüdenscheid', 'Ilse Brandt']);
    expect(parsed.issues).toEqual([]);
  });
});

describe('vCard 2.1 as Android exports it (UTF-8 quoted-printable over several lines)', () => {
  const parsed = read('android-2.1.vcf');
  it('decodes multi-byte UTF-8 split across soft line breaks', () => {
    expect(parsed.records[0]).toMatchObject({ name: 'Zofia Łukaszewicz', emails: ['zofia.l@poczta.example'], phones: ['+48 600 555 010'] });
    expect(parsed.records[0]?.notes).toEqual(['Zażółć gęślą jaźń – met at the Kraków fintech meetup; wants an intro to a payments lawyer.\nSecond line of the note.']);
    expect(parsed.records[1]).toMatchObject({ name: 'Tomasz', line: 101 });
  });
});

describe('vCard 4.0', () => {
  const parsed = read('vcard-4.0.vcf');
  it('reads tel: URIs, PREF=1, tab-folded lines and keepwarm’s own tier', () => {
    expect(parsed.records[0]).toMatchObject({
      name: 'Priyanka Raghunathan',
      emails: ['priyanka@monsoon.example', 'priya.r@mail.example'],
      phones: ['+91-80-5550-0199'],
      tier: 'A',
      notes: ['Wants to pilot demand response in Pune, follow up after the monsoon season.\nPrefers WhatsApp.'],
    });
  });
});

describe('a malformed card', () => {
  const parsed = read('malformed.vcf');
  it('is reported with its line and the reason; the good cards still come in', () => {
    expect(parsed.records.map((r) => r.name)).toEqual(['Greta Halvorsen']);
    expect(parsed.issues).toEqual([
      { line: 6, code: 'bad_card', detail: 'invalid line (no token ";" or ":") "this line is not a property"', skipped: true },
      { line: 11, code: 'bad_card', detail: 'END:VCARD missing', skipped: true },
    ]);
  });
});

describe('LinkedIn Connections.csv', () => {
  const parsed = read('linkedin-Connections.csv', 'Connections.csv');
  it('finds the header below the "Notes:" lines and reads "Connected On" as the last contact', () => {
    expect(parsed.source).toBe('linkedin');
    expect(parsed.records.map((r) => [r.line, r.name, r.lastContactOn])).toEqual([
      [5, 'Maren Lindqvist', '2024-03-12'],
      [6, 'Kwame Mensah', '2025-01-03'],
      [7, 'Lena Vogel', '2023-02-28'],
      [8, 'Diego Fernández', '2022-08-15'],
      [9, 'Ana Kovač', '2026-11-07'],
    ]);
  });
  it('maps Company and Position, keeps quoted commas, and leaves missing addresses empty', () => {
    expect(byName(parsed).get('Kwame Mensah')).toMatchObject({ company: 'Accra Mobility, Ltd.', role: 'Founder & CEO', emails: [] });
    expect(byName(parsed).get('Lena Vogel')).toMatchObject({ role: 'Partner, Strategy', emails: ['lena.vogel@example.de'] });
  });
});

describe('XING contact export (German headers, semicolons, Windows-1252)', () => {
  const parsed = read('xing-kontakte.csv');
  it('detects the delimiter and the encoding, and maps the German columns', () => {
    expect(parsed.source).toBe('xing');
    expect(byName(parsed).get('Jürgen Müller-Lüdenscheid')).toMatchObject({
      emails: ['j.mueller@grosshandel-sued.example'],
      phones: ['+49 89 5550 2200'],
      company: 'Großhandel Süd AG',
      role: 'Leiter Einkauf',
      lastContactOn: '2019-05-14',
      tags: ['Einkauf', 'Messe'],
      notes: ['Kennt den Einkaufsleiter der Stadtwerke'],
    });
    expect(byName(parsed).get('Özgür Kaya')).toMatchObject({ phones: ['+49 160 5550404'], notes: ['Interesse an E-Lkw; Rückruf im Januar'] });
  });
});

describe('a generic CSV whose header names the columns', () => {
  it('English headers: name, email, phone, company, role, tier, last contact, notes', () => {
    const parsed = read('generic-en.csv');
    expect(byName(parsed).get('Hana Novak')).toMatchObject({ tier: 'A', lastContactOn: '2026-10-02', notes: ['Wants a second store;\nask about Vienna'] });
    expect(byName(parsed).get('Theo Lambert')).toMatchObject({ tier: 'B', lastContactOn: '2026-06-15' });
    expect(byName(parsed).get('Oskar Berg')?.lastContactOn).toBe('2026-03-14');
  });
  it('German headers: Vorname, Nachname, E-Mail, Telefon, Firma, Position, Stufe, Letzter Kontakt, Notizen', () => {
    const parsed = read('generic-de.csv');
    expect(parsed.records.map((r) => [r.name, r.tier, r.lastContactOn])).toEqual([
      ['Friederike Baumgärtner', 'A', '2026-11-03'],
      ['Kai Schröder', 'B', '2026-03-12'],
      ['Marlene Koch', 'C', null],
    ]);
  });
  it('Google Contacts CSV: "E-mail 1 - Value", "Organization Title"', () => {
    const parsed = read('google-contacts.csv');
    expect(parsed.records[0]).toMatchObject({ name: 'Björn Eriksson', emails: ['bjorn@eriksson.example', 'bjorn.e@mail.example'], role: 'Founder', company: 'Eriksson Vind AB' });
  });
  it('Outlook CSV: "Title" is Dr./Mr. there, "Job Title" the role; type and display-name columns are no addresses', () => {
    const parsed = read('outlook-contacts.csv');
    expect(parsed.records[0]).toMatchObject({ name: 'Claudia Reinholt', role: 'Geschäftsführerin', emails: ['c.reinholt@reinholt.example'], phones: ['+49 711 5550 700'] });
    expect(parsed.records[1]).toMatchObject({ name: "Sam O'Neill", role: null, notes: ['Cousin of a client'] });
  });
});
