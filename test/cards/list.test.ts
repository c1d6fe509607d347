import { describe, expect, it } from 'vitest';
import { makeAddress } from '../../src/core/address.ts';
import { openingLine, recipientBlock, recipientLine } from '../../src/cards/letter.ts';
import { cardList, type CardContact } from '../../src/cards/list.ts';
import { network40 } from './network.ts';

function contact(overrides: Partial<CardContact>): CardContact {
  return { id: 1, name: 'Anna Keller', tier: 'A', status: 'active', company: null, salutation: null, academicTitle: null, address: null, ...overrides };
}

describe('the card list of the year', () => {
  it('a network of 40 A and B contacts with 5 addresses missing: 35 cards, 5 named as missing; C, D and archived left out', () => {
    const { contacts, onList, missing } = network40();
    const list = cardList(contacts, undefined, 2026);
    expect(list.year).toBe(2026);
    expect(list.tiers).toEqual(['A', 'B']);
    expect(list.entries).toHaveLength(35);
    expect(list.missing.map((e) => e.contactId).sort((a, b) => a - b)).toEqual(missing);
    expect([...list.entries, ...list.missing].map((e) => e.contactId).sort((a, b) => a - b)).toEqual(onList);
  });

  it('any tiers on request', () => {
    const { contacts } = network40();
    const list = cardList(contacts, ['C'], 2026);
    expect(list.entries.map((e) => e.contactId)).toEqual([41, 45]);
    expect(cardList(contacts, ['A', 'B', 'C', 'D'], 2026).entries).toHaveLength(39);
  });

  it('sorted by family name as German lists file them: "von Bergen" under B, umlauts with their letter', () => {
    const address = makeAddress({ street: 'Weg 1', postalCode: '10115', city: 'Berlin' });
    const list = cardList(
      [
        contact({ id: 1, name: 'Zoe Zander', address }),
        contact({ id: 2, name: 'Ulrike von Bergen', address }),
        contact({ id: 3, name: 'Jörg Özdemir', address }),
        contact({ id: 4, name: 'Anna Ahrens', address }),
      ],
      ['A'],
      2026,
    );
    expect(list.entries.map((e) => e.person.full)).toEqual(['Anna Ahrens', 'Ulrike von Bergen', 'Jörg Özdemir', 'Zoe Zander']);
  });
});

describe('the envelope and the opening line', () => {
  const berlin = makeAddress({ street: 'Lindenstraße 12', postalCode: '10115', city: 'Berlin', kind: 'work' });

  it('"Sehr geehrte Frau Dr. Weber" / "Sehr geehrter Herr Kern", and "Herrn" on the envelope', () => {
    const [weber] = cardList([contact({ name: 'Sabine Weber', salutation: 'Frau', academicTitle: 'Dr.', company: 'Weber Logistik GmbH', address: berlin })], ['A'], 2026).entries;
    const [kern] = cardList([contact({ name: 'Thomas Kern', salutation: 'Herr', address: makeAddress({ street: 'Hauptstraße 5', postalCode: '01067', city: 'Dresden', kind: 'home' }) })], ['A'], 2026).entries;
    expect(openingLine(weber!, 'de')).toBe('Sehr geehrte Frau Dr. Weber,');
    expect(openingLine(kern!, 'de')).toBe('Sehr geehrter Herr Kern,');
    expect(recipientBlock(weber!)).toEqual(['Weber Logistik GmbH', 'Frau Dr. Sabine Weber', 'Lindenstraße 12', '10115 Berlin']);
    expect(recipientBlock(kern!)).toEqual(['Herrn Thomas Kern', 'Hauptstraße 5', '01067 Dresden']);
  });

  it('in English: "Dear Ms Weber," and "Dear Dr Kern,"; English salutations on the envelope as stored', () => {
    const [weber] = cardList([contact({ name: 'Sabine Weber', salutation: 'Frau', address: berlin })], ['A'], 2026).entries;
    const [kern] = cardList([contact({ name: 'Max Kern', salutation: 'Mr', academicTitle: 'Dr.', address: berlin })], ['A'], 2026).entries;
    expect(openingLine(weber!, 'en')).toBe('Dear Ms Weber,');
    expect(openingLine(kern!, 'en')).toBe('Dear Dr Kern,');
    expect(recipientLine(kern!)).toBe('Dr. Max Kern');
  });

  it('without a salutation the whole name, never a guess at gender; only the highest title is said', () => {
    const [roth] = cardList([contact({ name: 'Prof. Dr. Alex Roth', address: berlin })], ['A'], 2026).entries;
    expect(openingLine(roth!, 'de')).toBe('Guten Tag Prof. Alex Roth,');
    expect(openingLine(roth!, 'en')).toBe('Dear Professor Alex Roth,');
    expect(recipientLine(roth!)).toBe('Prof. Dr. Alex Roth');
  });

  it('a home address carries no company; an address abroad ends with the country in capitals', () => {
    const [ines] = cardList(
      [contact({ name: 'Inês Carvalho', company: 'Tejo Solar', address: makeAddress({ street: 'Rua Augusta 100', postalCode: '1100-053', city: 'Lisboa', country: 'Portugal', kind: 'home' }) })],
      ['A'],
      2026,
    ).entries;
    expect(recipientBlock(ines!)).toEqual(['Inês Carvalho', 'Rua Augusta 100', '1100-053 Lisboa', 'PORTUGAL']);
  });
});
