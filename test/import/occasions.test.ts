/**
 * Birthdays, postal addresses, salutations and titles in real-world files:
 * vCards as Apple, Google and Outlook write them, CSV exports with English and
 * German headers (Outlook, Google, XING, spreadsheets). Invented people.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseImportBirthday } from '../../src/import/dates.ts';
import { addressColumnOf } from '../../src/import/address-columns.ts';
import { parseImportFile } from '../../src/import/parse.ts';
import { isRefusal, type ImportRecord, type ParsedImport } from '../../src/import/record.ts';
import { parseAddressText, parseStoredAddress } from '../../src/core/address.ts';
import { splitHonorifics } from '../../src/core/honorifics.ts';
import { formatBirthday } from '../../src/core/birthday.ts';
import { startChat } from '../doubles/chat.ts';
import { contactsByName, fixture, sendFile } from './helpers.ts';

const TODAY = '2026-12-05';

function parse(name: string): ParsedImport {
  const parsed = parseImportFile({ name, content: fixture(name) }, TODAY);
  if (isRefusal(parsed)) throw new Error(`refused ${name}: ${parsed.refused}`);
  return parsed;
}

function byName(parsed: ParsedImport): Map<string, ImportRecord> {
  return new Map(parsed.records.map((r) => [r.name, r]));
}

describe('vCard BDAY', () => {
  it('Apple: a full date, and a birthday without a year written as 1604 with X-APPLE-OMIT-YEAR (29 February too)', () => {
    const people = byName(parse('apple-occasions-3.0.vcf'));
    expect(people.get('Thomas Kern')?.birthday).toBe('1979-11-30');
    expect(people.get('Dr. Sabine Weber')?.birthday).toBe('03-12');
    expect(people.get('Lea Brandstetter')?.birthday).toBe('02-29');
  });

  it('Google: 1985-03-12 and the year-less --06-21', () => {
    const people = byName(parse('google-occasions-3.0.vcf'));
    expect(people.get('Inês Carvalho')?.birthday).toBe('1985-03-12');
    expect(people.get('Malte Jansen')?.birthday).toBe('06-21');
  });

  it('Outlook 2.1: 19720229', () => {
    expect(byName(parse('outlook-occasions-2.1.vcf')).get('Dr. Heinrich Großmann')?.birthday).toBe('1972-02-29');
  });

  it('vCard 4.0: --0312 and 19850312; a text birthday is reported and the card kept without it', () => {
    const parsed = parse('vcard-4.0-occasions.vcf');
    const people = byName(parsed);
    expect(people.get('Dana Whitfield')?.birthday).toBe('03-12');
    expect(people.get('Omar Haddad')?.birthday).toBe('1985-03-12');
    expect(people.get('Greta Lindholm')?.birthday).toBeNull();
    expect(parsed.issues).toEqual([{ line: 16, code: 'bad_date', detail: 'circa 1960', skipped: false }]);
  });
});

describe('vCard ADR: one address per contact', () => {
  it('the preferred one (Apple: WORK;pref over HOME), a second street line after the line break, the kind kept', () => {
    expect(byName(parse('apple-occasions-3.0.vcf')).get('Dr. Sabine Weber')?.address).toEqual({
      street: 'Lindenstraße 12', street2: 'Aufgang B', postalCode: '10115', city: 'Berlin', region: null, country: 'Deutschland', kind: 'work',
    });
  });

  it('an address a card can reach beats a WORK one with only a country (Google)', () => {
    expect(byName(parse('google-occasions-3.0.vcf')).get('Inês Carvalho')?.address).toMatchObject({ street: 'Rua Augusta 100', street2: '3.º Esq.', city: 'Lisboa', kind: 'home' });
  });

  it("Outlook's X-MS-OL-DEFAULT-POSTAL-ADDRESS:1 makes the HOME address the one, quoted-printable decoded", () => {
    expect(byName(parse('outlook-occasions-2.1.vcf')).get('Dr. Heinrich Großmann')?.address).toMatchObject({ street: 'Fördestraße 7', postalCode: '24105', city: 'Kiel', kind: 'home' });
  });

  it('vCard 4.0: PREF=1 wins over the home address; a comma-separated street is two lines', () => {
    expect(byName(parse('vcard-4.0-occasions.vcf')).get('Dana Whitfield')?.address).toEqual({
      street: '100 Main St', street2: 'Suite 200', postalCode: '62701', city: 'Springfield', region: 'IL', country: 'USA', kind: 'work',
    });
  });

  it("N's honorific prefix gives the salutation and title ('Herr Dr.', 'Ms.', 'Dr.')", () => {
    expect(byName(parse('outlook-occasions-2.1.vcf')).get('Dr. Heinrich Großmann')).toMatchObject({ salutation: 'Herr', academicTitle: 'Dr.' });
    expect(byName(parse('vcard-4.0-occasions.vcf')).get('Dana Whitfield')).toMatchObject({ salutation: 'Ms', academicTitle: null });
    expect(byName(parse('apple-occasions-3.0.vcf')).get('Dr. Sabine Weber')).toMatchObject({ salutation: null, academicTitle: 'Dr.' });
  });
});

describe('CSV birthdays', () => {
  it.each([
    ['1985-03-12', '1985-03-12'],
    ['--09-14', '09-14'],
    ['12.3.1985', '1985-03-12'],
    ['14.02.', '02-14'],
    ['12.03.85', '03-12'],
    ['3/12/1985', '1985-03-12'],
    ['25/12/1985', '1985-12-25'],
    ['12. März 1985', '1985-03-12'],
    ['March 12', '03-12'],
    ['12 Mar 1985', '1985-03-12'],
  ])('%s is read as %s (a two-digit year is dropped: 85 or 2085?)', (text, stored) => {
    const parsed = parseImportBirthday(text);
    expect(parsed && formatBirthday(parsed)).toBe(stored);
  });

  it("Outlook's 0/0/00 is no birthday and no problem; 11/31/1990 and 31.04.1988 are reported", () => {
    const outlook = parse('outlook-occasions.csv');
    expect(byName(outlook).get('Paul Meier')?.birthday).toBeNull();
    expect(outlook.issues).toEqual([{ line: 4, code: 'bad_date', detail: '11/31/1990', skipped: false }]);
    expect(parse('adressen-de.csv').issues).toEqual([{ line: 5, code: 'bad_date', detail: '31.04.1988', skipped: false }]);
  });

  it('Geburtstag and Geburtsdatum columns (German Outlook, XING, spreadsheets)', () => {
    expect(byName(parse('outlook-de-occasions.csv')).get('Birgit Hoffmann')?.birthday).toBe('1985-03-12');
    expect(byName(parse('xing-adressen.csv')).get('Svenja Hoffmann')?.birthday).toBe('05-07');
    expect(byName(parse('adressen-de.csv')).get('Mehmet Yılmaz')?.birthday).toBe('1990-02-01');
  });
});

describe('CSV addresses, salutations and titles', () => {
  it('English Outlook: Business and Home columns, the business one first, Title as salutation or title', () => {
    const people = byName(parse('outlook-occasions.csv'));
    expect(people.get('Rachel Okonkwo')).toMatchObject({
      salutation: 'Ms',
      role: 'Head of Sales',
      address: { street: 'Unit 4, Dockside Park', city: 'Bristol', postalCode: 'BS1 5TR', country: 'United Kingdom', kind: 'work' },
    });
    expect(people.get('Paul Meier')).toMatchObject({
      academicTitle: 'Dr.',
      address: { street: 'Schillerstraße 9', street2: '2. OG links', postalCode: '80336', city: 'München', region: 'Bayern', kind: 'home' },
    });
  });

  it('German Outlook: "Anrede" holds salutation and title, "Straße geschäftlich 2" is the second line', () => {
    const people = byName(parse('outlook-de-occasions.csv'));
    expect(people.get('Birgit Hoffmann')).toMatchObject({ salutation: 'Frau', academicTitle: 'Dr.', address: { street: 'Königsallee 60', street2: 'Eingang C', postalCode: '40212', city: 'Düsseldorf', kind: 'work' } });
    expect(people.get('Jörg Schäfer')).toMatchObject({ salutation: 'Herr', address: { street: 'Gartenweg 2', postalCode: '04109', city: 'Leipzig', kind: 'home' } });
  });

  it("Google: labelled Address 1/2 groups, and a formatted address when it is all there is; 'Name Prefix' as title", () => {
    const people = byName(parse('google-occasions.csv'));
    expect(people.get('Björn Eriksson')?.address).toMatchObject({ street: 'Hamngatan 2', postalCode: '111 47', city: 'Stockholm', kind: 'work' });
    expect(people.get('Nadia Haddad')).toMatchObject({ academicTitle: 'Dr.', birthday: '09-14', address: { street: 'Rue Gouraud 12', city: 'Beirut', country: 'Lebanon', kind: 'home' } });
  });

  it('a German spreadsheet: Straße + Hausnummer, Adresszusatz, PLZ, Ort, Land, Anrede and Titel', () => {
    const people = byName(parse('adressen-de.csv'));
    expect(people.get('Ulrike von Bergen')).toMatchObject({
      salutation: 'Frau',
      academicTitle: 'Prof. Dr.',
      address: { street: 'Marie-Curie-Straße 1', street2: 'Raum 04.12', postalCode: '47533', city: 'Kleve', country: null },
    });
    expect(people.get('Mehmet Yılmaz')?.address).toMatchObject({ street: 'Industriestraße 44a', postalCode: '45699', city: 'Herten' });
    expect(people.get('Kim Nguyen')?.address).toBeNull();
  });

  it('XING: "(geschäftlich)" and "(privat)" columns', () => {
    const people = byName(parse('xing-adressen.csv'));
    expect(people.get('Konstantin Albers')).toMatchObject({ salutation: 'Herr', academicTitle: 'Dr.', address: { street: 'Speicherstraße 21', city: 'Bremen', kind: 'work' } });
    expect(people.get('Svenja Hoffmann')?.address).toMatchObject({ street: 'Lindenallee 5', postalCode: '50968', city: 'Köln', kind: 'home' });
  });

  it.each([
    ['Business Street 2', { part: 'street2', kind: 'work' }],
    ['Home Postal Code', { part: 'postalCode', kind: 'home' }],
    ['Business Country/Region', { part: 'country', kind: 'work' }],
    ['Land/Region privat', { part: 'country', kind: 'home' }],
    ['Bundesland/Kanton privat', { part: 'region', kind: 'home' }],
    ['Weitere Postleitzahl', { part: 'postalCode', kind: 'other' }],
    ['Address 2 - Extended Address', { part: 'extended', kind: null, group: '2' }],
    ['PLZ', { part: 'postalCode', kind: null }],
    ['Ort', { part: 'city', kind: null }],
  ])('the header %s is an address column', (header, expected) => {
    expect(addressColumnOf(header)).toMatchObject(expected);
  });

  it.each(['Firma', 'E-Mail (privat)', 'Telefon geschäftlich', 'Notes', 'Address 1 - Label Type Thing'])('the header %s is none', (header) => {
    expect(addressColumnOf(header)).toBeUndefined();
  });
});

describe('importing into the network', () => {
  it('a new contact gets birthday, address, salutation and title; a known one gains them only where empty', async () => {
    const chat = await startChat();
    await chat.say('/add Birgit Hoffmann, tier A');
    await sendFile(chat, 'outlook-de-occasions.csv', fixture('outlook-de-occasions.csv'));
    await chat.say('yes');
    const contacts = await contactsByName(chat);
    const birgit = contacts.get('Birgit Hoffmann');
    expect(birgit).toMatchObject({ tier: 'A', birthday: '1985-03-12', salutation: 'Frau', academic_title: 'Dr.' });
    expect(parseStoredAddress(birgit?.address)).toMatchObject({ street: 'Königsallee 60', city: 'Düsseldorf' });
    expect(contacts.get('Jörg Schäfer')).toMatchObject({ birthday: null, salutation: 'Herr' });

    // A second file with another birthday and address changes nothing that is already there.
    const other = 'Vorname;Nachname;Geburtstag;Straße;PLZ;Ort\r\nBirgit;Hoffmann;01.01.1970;Andere Straße 1;10115;Berlin\r\nJörg;Schäfer;24.12.;;;\r\n';
    await sendFile(chat, 'zweite.csv', other);
    await chat.say('yes');
    const after = await contactsByName(chat);
    expect(after.get('Birgit Hoffmann')).toMatchObject({ birthday: '1985-03-12', address: birgit?.address });
    expect(after.get('Jörg Schäfer')?.birthday).toBe('12-24');
  });
});

describe('no input breaks the occasion readers', () => {
  it('any text as a birthday, an address, a header or a name prefix gives an answer or none, never an error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const birthday = parseImportBirthday(text);
        if (birthday) expect(formatBirthday(birthday)).toMatch(/^(\d{4}-)?\d{2}-\d{2}$/);
        const address = parseAddressText(text);
        if (address) expect(address.city).not.toBeNull();
        addressColumnOf(text);
        expect(typeof splitHonorifics(text).rest).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});
