import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { makeAddress } from '../../src/core/address.ts';
import { cardsCsv } from '../../src/cards/csv.ts';
import { cardList, type CardContact } from '../../src/cards/list.ts';
import { network40 } from './network.ts';

function rows(csv: string): Record<string, string>[] {
  // relax_quotes: Excel's ="01067" (a postal code kept as text) is an unquoted cell with quotes in it.
  return parse(csv, { delimiter: ';', columns: true, bom: true, relax_quotes: true }) as Record<string, string>[];
}

const weber: CardContact = {
  id: 1,
  name: 'Sabine Weber',
  tier: 'A',
  status: 'active',
  company: 'Weber Logistik GmbH',
  salutation: 'Frau',
  academicTitle: 'Dr.',
  address: makeAddress({ street: 'Lindenstraße 12', street2: 'Aufgang B', postalCode: '10115', city: 'Berlin', kind: 'work' }),
};

describe('the card CSV for German Excel', () => {
  it('UTF-8 with a byte-order mark, semicolons, CRLF, German headers', () => {
    const csv = cardsCsv(cardList([weber], ['A'], 2026));
    expect(csv.startsWith('\ufeffAnrede;Titel;Vorname;Nachname;Name;Firma;Straße;Adresszusatz;PLZ;Ort;Region;Land;Briefanrede;Zeile 1;Zeile 2;Zeile 3;Zeile 4;Zeile 5;Stufe\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('salutation and title in their own columns for the opening line, which is there ready-made; a column per address line', () => {
    const [row] = rows(cardsCsv(cardList([weber], ['A'], 2026)));
    expect(row).toMatchObject({
      Anrede: 'Frau',
      Titel: 'Dr.',
      Vorname: 'Sabine',
      Nachname: 'Weber',
      Firma: 'Weber Logistik GmbH',
      Straße: 'Lindenstraße 12',
      Adresszusatz: 'Aufgang B',
      PLZ: '10115',
      Ort: 'Berlin',
      Briefanrede: 'Sehr geehrte Frau Dr. Weber,',
      'Zeile 1': 'Weber Logistik GmbH',
      'Zeile 2': 'Frau Dr. Sabine Weber',
      'Zeile 3': 'Lindenstraße 12',
      'Zeile 4': 'Aufgang B',
      'Zeile 5': '10115 Berlin',
      Stufe: 'A',
    });
  });

  it('one row per card of a network of 40 (35 with an address), in the list’s order', () => {
    const list = cardList(network40().contacts, ['A', 'B'], 2026);
    const parsed = rows(cardsCsv(list));
    expect(parsed).toHaveLength(35);
    expect(parsed.map((r) => r.Name)).toEqual(list.entries.map((e) => e.person.full));
  });

  it('cells a spreadsheet would run as formulas get a quote; a postal code keeps its leading zero', () => {
    const evil: CardContact = {
      ...weber,
      name: '=HYPERLINK("http://evil.example") Weber',
      company: '@SUM(A1:A9)',
      address: makeAddress({ street: '+1+2', postalCode: '01067', city: '-Dresden', kind: 'work' }),
    };
    const csv = cardsCsv(cardList([evil], ['A'], 2026));
    const [row] = rows(csv);
    expect(row?.Firma).toBe("'@SUM(A1:A9)");
    expect(row?.Straße).toBe("'+1+2");
    expect(row?.Ort).toBe("'-Dresden");
    expect(row?.Vorname).toMatch(/^'=/);
    expect(row?.['Zeile 1']).toBe("'@SUM(A1:A9)");
    expect(row?.PLZ).toBe('="01067"');
    // Every other cell starts harmlessly; the postal code is a constant made of its digits only.
    for (const [column, cell] of Object.entries(row ?? {})) if (column !== 'PLZ') expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('English headers and opening lines on request', () => {
    const [row] = rows(cardsCsv(cardList([weber], ['A'], 2026), { language: 'en' }));
    expect(row).toMatchObject({ Salutation: 'Ms', Title: 'Dr.', 'Opening Line': 'Dear Dr Weber,', 'Line 2': 'Frau Dr. Sabine Weber' });
  });
});
