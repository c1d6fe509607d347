/**
 * The label PDF read back as a person checking the print would: page size,
 * pages, labels per page, the text of each label, and no word outside its
 * label. Needs poppler-utils (pdfinfo, pdftotext, pdffonts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeAddress } from '../../src/core/address.ts';
import { labelsPdf } from '../../src/cards/labels-pdf.ts';
import { recipientBlock } from '../../src/cards/letter.ts';
import { cardList, type CardContact, type CardList } from '../../src/cards/list.ts';
import { labelsPerSheet, SHEETS, sheetOf } from '../../src/cards/sheets.ts';
import { network40 } from './network.ts';
import { labelRect, PdfReader, popplerInstalled } from './pdf-reader.ts';

const readers: PdfReader[] = [];
afterEach(() => readers.splice(0).forEach((r) => r.close()));

async function read(list: CardList, sheetId: '3422' | '3475' | 'L7163', sender?: string): Promise<PdfReader> {
  const reader = new PdfReader(await labelsPdf(list, SHEETS[sheetId], { sender: sender ?? null, now: new Date('2026-12-05T09:00:00Z') }));
  readers.push(reader);
  return reader;
}

const words = (lines: string[]) => lines.join(' ').split(/\s+/).filter(Boolean);

describe('the label sheets', () => {
  it('fit on A4: margins, labels and gaps add up to 210 × 297 mm, symmetric', () => {
    for (const sheet of Object.values(SHEETS)) {
      const width = 2 * sheet.marginLeft + (sheet.columns - 1) * sheet.pitchX + sheet.labelWidth;
      const height = 2 * sheet.marginTop + (sheet.rows - 1) * sheet.pitchY + sheet.labelHeight;
      expect([sheet.id, Math.round(width * 100) / 100, Math.round(height * 100) / 100]).toEqual([sheet.id, 210, 297]);
    }
    expect(labelsPerSheet(SHEETS['3422'])).toBe(24);
    expect(labelsPerSheet(SHEETS.L7163)).toBe(14);
    expect(sheetOf('l7163')).toBe(SHEETS.L7163);
    expect(sheetOf('9999')).toBeUndefined();
  });
});

describe.skipIf(!popplerInstalled)('the label PDF, read back (poppler-utils)', () => {
  const list = cardList(network40().contacts, ['A', 'B'], 2026);

  it.each([
    ['3422', 24, [24, 11]],
    ['L7163', 14, [14, 14, 7]],
  ] as const)('%s: A4 pages, %i labels a page, 35 addresses of a network of 40 on %j', async (sheetId, perPage, perPageCounts) => {
    const pdf = await read(list, sheetId);
    const sheet = SHEETS[sheetId];
    const pages = pdf.pages();
    expect(pages).toHaveLength(perPageCounts.length);
    for (const page of pages) expect(page).toEqual({ width: 595.28, height: 841.89, name: 'A4' });
    const filled: number[] = perPageCounts.map(() => 0);
    for (let index = 0; index < perPageCounts.length * perPage; index++) {
      const text = pdf.label(sheet, index);
      if (text.length > 0) filled[Math.floor(index / perPage)]! += 1;
      // Each label holds exactly its entry's address block, in order; the rest are blank.
      const entry = list.entries[index];
      expect(words(text)).toEqual(entry ? words(recipientBlock(entry)) : []);
    }
    expect(filled).toEqual([...perPageCounts]);
  });

  it('40 addresses: 2 pages of 3422 (24 + 16), 3 pages of L7163 (14 + 14 + 12)', async () => {
    const all = cardList(network40().contacts, ['A', 'B', 'C', 'D'], 2026);
    const forty = { ...all, entries: [...all.entries, ...list.entries].slice(0, 40) };
    expect(forty.entries).toHaveLength(40);
    for (const [sheetId, pages] of [['3422', [24, 16]], ['L7163', [14, 14, 12]]] as const) {
      const pdf = await read(forty, sheetId);
      expect(pdf.pages()).toHaveLength(pages.length);
      const perPage = labelsPerSheet(SHEETS[sheetId]);
      const filled = pages.map((_, page) => Array.from({ length: perPage }, (_, i) => pdf.label(SHEETS[sheetId], page * perPage + i)).filter((t) => t.length > 0).length);
      expect(filled).toEqual([...pages]);
    }
  }, 60_000);

  it('German characters are embedded (DejaVu Sans) and read back as written', async () => {
    const pdf = await read(list, '3422');
    expect(pdf.fonts()).toEqual([{ name: expect.stringMatching(/\+DejaVuSans$/), embedded: true }]);
    const all = pdf.words().map((w) => w.text).join(' ');
    for (const word of ['Müller', 'Lindenstraße', 'Łukasz', 'Şahin', 'Nørby', 'München', 'Köln', 'Herrn']) expect(all).toContain(word);
  });

  it('the sender line is on every label, above the address', async () => {
    const sender = 'Anna Keller · Lindenstraße 12 · 10115 Berlin';
    const pdf = await read(list, 'L7163', sender);
    for (const index of [0, 13, 34]) {
      const text = pdf.label(SHEETS.L7163, index);
      expect(text[0]).toBe(sender);
      expect(words(text.slice(1))).toEqual(words(recipientBlock(list.entries[index]!)));
    }
  });

  it('nothing leaves its label: long names, companies and streets shrink, wrap or are cut', async () => {
    const long: CardContact = {
      id: 1,
      name: 'Prof. Dr. Maximilian Alexander Freiherr von Schönhausen-Überlingen-Hohenzollern',
      tier: 'A',
      status: 'active',
      company: 'Fraunhofer-Institut für Produktionstechnik und Automatisierung IPA, Abteilung Robotersysteme',
      salutation: 'Herr',
      academicTitle: null,
      address: makeAddress({
        street: 'Nobelstraße 12 (Gebäude B, Eingang Süd, bitte beim Empfang im Erdgeschoss melden)',
        street2: 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft',
        postalCode: '70569',
        city: 'Stuttgart-Vaihingen',
        kind: 'work',
      }),
    };
    const short: CardContact = { ...long, id: 2, name: 'Jo Ax', company: null, address: makeAddress({ street: 'Weg 1', postalCode: '10115', city: 'Berlin' }) };
    const many = cardList([long, short, { ...long, id: 3 }], ['A'], 2026);
    for (const sheetId of ['3422', '3475', 'L7163'] as const) {
      const sheet = SHEETS[sheetId];
      const pdf = await read(many, sheetId, 'Anna Keller · Lindenstraße 12 · 10115 Berlin · Deutschland · anna.keller@example.org · +49 30 5550100');
      const placed = pdf.words();
      expect(placed.length).toBeGreaterThan(20);
      for (const word of placed) {
        const inside = [0, 1, 2].some((index) => {
          const r = labelRect(sheet, index);
          return word.page === r.page && word.xMin >= r.x && word.xMax <= r.x + r.width && word.yMin >= r.y && word.yMax <= r.y + r.height;
        });
        expect({ sheet: sheetId, word: word.text, inside }).toEqual({ sheet: sheetId, word: word.text, inside: true });
      }
      // The short address beside them keeps all its text.
      const shortIndex = many.entries.findIndex((e) => e.contactId === short.id);
      expect(words(pdf.label(sheet, shortIndex)).slice(-5)).toEqual(['Ax', 'Weg', '1', '10115', 'Berlin']);
    }
  });

  it('an empty list is one blank A4 page', async () => {
    const pdf = await read(cardList([], ['A', 'B'], 2026), '3422');
    expect(pdf.pages()).toHaveLength(1);
    expect(pdf.words()).toEqual([]);
  });
});
