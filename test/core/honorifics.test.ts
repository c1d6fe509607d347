import { describe, expect, it } from 'vitest';
import { personName, splitHonorifics, titleForOpening, toSalutation, withoutSalutation } from '../../src/core/honorifics.ts';

describe('salutations and titles are kept apart from the name', () => {
  it.each([
    ['Frau Dr. Sabine Weber', { salutation: 'Frau', title: 'Dr.', rest: 'Sabine Weber' }],
    ['Herrn Prof. Dr. Max Kern', { salutation: 'Herr', title: 'Prof. Dr.', rest: 'Max Kern' }],
    ['Hr. Kern', { salutation: 'Herr', title: null, rest: 'Kern' }],
    ['Dr. med. Anna Roth', { salutation: null, title: 'Dr. med.', rest: 'Anna Roth' }],
    ['Dr.-Ing. Jan Ott', { salutation: null, title: 'Dr.-Ing.', rest: 'Jan Ott' }],
    ['Mr. Tom Berger', { salutation: 'Mr', title: null, rest: 'Tom Berger' }],
    ['Herr Dr.', { salutation: 'Herr', title: 'Dr.', rest: '' }],
    ['Anna Keller', { salutation: null, title: null, rest: 'Anna Keller' }],
  ])('%s', (text, expected) => {
    expect(splitHonorifics(text)).toEqual(expected);
  });

  it('a salutation is stored in one spelling per word', () => {
    expect(['frau', 'Fr.', 'HERR', 'Herrn', 'Miss', 'mrs.', 'Mx'].map(toSalutation)).toEqual(['Frau', 'Frau', 'Herr', 'Herr', 'Ms', 'Mrs', 'Mx']);
    expect(toSalutation('Dr.')).toBeNull();
  });

  it('a name never keeps the salutation it starts with, but keeps a title', () => {
    expect(withoutSalutation('Herr Max Kern')).toEqual({ name: 'Max Kern', salutation: 'Herr' });
    expect(withoutSalutation('Dr. Max Kern')).toEqual({ name: 'Dr. Max Kern', salutation: null });
    expect(withoutSalutation('Frau')).toEqual({ name: 'Frau', salutation: null });
  });
});

describe('a name taken apart for a letter', () => {
  it('the title written in the name is used when none is stored, and the family name keeps its particles', () => {
    expect(personName('Dr. Ulrike von Bergen', { salutation: 'Frau' })).toEqual({ full: 'Ulrike von Bergen', given: 'Ulrike', family: 'von Bergen', salutation: 'Frau', title: 'Dr.' });
    expect(personName('Ludwig van der Berg')).toMatchObject({ given: 'Ludwig', family: 'van der Berg' });
  });

  it('the stored title wins over one in the name', () => {
    expect(personName('Dr. Max Kern', { title: 'Prof. Dr.' }).title).toBe('Prof. Dr.');
  });

  it('the opening line says only the highest title, without faculty; diplomas are not said', () => {
    expect(titleForOpening('Prof. Dr. med.')).toBe('Prof.');
    expect(titleForOpening('Dr. rer. nat.')).toBe('Dr.');
    expect(titleForOpening('Dipl.-Ing.')).toBeNull();
    expect(titleForOpening(null)).toBeNull();
  });
});
