import { describe, expect, it } from 'vitest';
import { addressLines, countryCode, isDeliverable, makeAddress, parseAddressText, parseStoredAddress, storedAddress } from '../../src/core/address.ts';

describe('postal addresses', () => {
  it('empty parts are null; nothing but a country is no address', () => {
    expect(makeAddress({ street: '  ', city: '', country: 'Germany' })).toBeNull();
    expect(makeAddress({ street: ' Lindenstraße  12 ', city: 'Berlin' })).toMatchObject({ street: 'Lindenstraße 12', street2: null, city: 'Berlin', kind: null });
  });

  it('a card can go only where there is a street and a city', () => {
    expect(isDeliverable(makeAddress({ street: 'Lindenstraße 12', postalCode: '10115', city: 'Berlin' }))).toBe(true);
    expect(isDeliverable(makeAddress({ city: 'Osaka', country: 'Japan' }))).toBe(false);
    expect(isDeliverable(null)).toBe(false);
  });

  it('is stored as JSON and read back; unreadable JSON is no address', () => {
    const address = makeAddress({ street: 'Hauptstraße 5', street2: 'Hinterhaus', postalCode: '01067', city: 'Dresden', kind: 'home' });
    expect(parseStoredAddress(storedAddress(address))).toEqual(address);
    expect(parseStoredAddress('{broken')).toBeNull();
    expect(parseStoredAddress('"a string"')).toBeNull();
  });

  it('knows countries by German and English name and code', () => {
    expect(['Deutschland', 'germany', 'DE', 'D'].map(countryCode)).toEqual(['DE', 'DE', 'DE', 'DE']);
    expect(countryCode('Österreich')).toBe('AT');
    expect(countryCode('Atlantis')).toBeNull();
  });
});

describe('address lines on an envelope', () => {
  it('a German address within Germany: postal code before the city, no country', () => {
    const address = makeAddress({ street: 'Hauptstraße 5', street2: 'Hinterhaus', postalCode: '01067', city: 'Dresden', country: 'Deutschland' })!;
    expect(addressLines(address)).toEqual(['Hauptstraße 5', 'Hinterhaus', '01067 Dresden']);
  });

  it('abroad, the country in capitals on the last line', () => {
    const vienna = makeAddress({ street: 'Mariahilfer Straße 88', postalCode: '1070', city: 'Wien', country: 'Österreich' })!;
    expect(addressLines(vienna)).toEqual(['Mariahilfer Straße 88', '1070 Wien', 'ÖSTERREICH']);
    expect(addressLines(vienna, { homeCountry: 'AT' })).toEqual(['Mariahilfer Straße 88', '1070 Wien']);
  });

  it('the United States: city, state and ZIP on one line', () => {
    const address = makeAddress({ street: '100 Main St', street2: 'Suite 200', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'USA' })!;
    expect(addressLines(address)).toEqual(['100 Main St', 'Suite 200', 'Springfield IL 62701', 'USA']);
  });

  it('the United Kingdom: the postcode on a line of its own', () => {
    const address = makeAddress({ street: 'Unit 4, Dockside Park', city: 'Bristol', postalCode: 'BS1 5TR', country: 'United Kingdom' })!;
    expect(addressLines(address)).toEqual(['Unit 4, Dockside Park', 'Bristol', 'BS1 5TR', 'UNITED KINGDOM']);
  });
});

describe('an address written as text', () => {
  it.each([
    ['Lindenstraße 12, 10115 Berlin', { street: 'Lindenstraße 12', street2: null, postalCode: '10115', city: 'Berlin', country: null }],
    ['Hauptstr. 5, Hinterhaus, 80331 München, Deutschland', { street: 'Hauptstr. 5', street2: 'Hinterhaus', postalCode: '80331', city: 'München', country: 'Deutschland' }],
    ['Tegnérgatan 8\n113 58 Stockholm\nSverige', { street: 'Tegnérgatan 8', postalCode: '113 58', city: 'Stockholm', country: 'Sverige' }],
    ['12 Elm Street\nSpringfield, IL 62704\nUSA', { street: '12 Elm Street', city: 'Springfield', region: 'IL', postalCode: '62704', country: 'USA' }],
  ])('%j is taken apart', (text, expected) => {
    expect(parseAddressText(text)).toMatchObject(expected);
  });

  it('text without a city line is no address', () => {
    expect(parseAddressText('somewhere nice')).toBeNull();
    expect(parseAddressText('10115 Berlin')).toBeNull();
  });
});
