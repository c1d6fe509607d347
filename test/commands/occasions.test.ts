/** The occasion commands: the card list, birthdays and addresses by chat (parse-occasion.ts). */
import { describe, expect, it } from 'vitest';
import { BERLIN, command, refusal } from './helpers.ts';

describe('/weihnachtskarten, /cards, /holiday-cards', () => {
  it.each(['/weihnachtskarten', '/cards', '/holiday-cards', '/holiday_cards', 'Weihnachtskarten', '/Karten'])('%s asks for the A and B list', (text) => {
    expect(command(text, 'cards')).toEqual({ intent: 'cards', tiers: [], sent: false });
  });

  it('tiers are read in any order and spelling, each once', () => {
    expect(command('/cards A', 'cards').tiers).toEqual(['A']);
    expect(command('/cards c, a b', 'cards').tiers).toEqual(['A', 'B', 'C']);
    expect(command('/weihnachtskarten A und B und A', 'cards').tiers).toEqual(['A', 'B']);
  });

  it('"sent" / "verschickt" marks the cards as sent', () => {
    expect(command('/cards sent', 'cards').sent).toBe(true);
    expect(command('Weihnachtskarten verschickt', 'cards').sent).toBe(true);
  });

  it('a word that is no tier is refused and names what it got', () => {
    expect(refusal('/cards A Z')).toMatchObject({ error: 'bad_tier', intent: 'cards', params: { got: 'Z' } });
  });
});

describe('/birthday and /geburtstag', () => {
  it.each([
    ['/birthday Anna 12.3.', 'Anna', '03-12'],
    ['/birthday Anna 12.3', 'Anna', '03-12'],
    ['/geburtstag Anna Keller 12.03.1985', 'Anna Keller', '1985-03-12'],
    ['/geburtstag Anna am 12. März', 'Anna', '03-12'],
    ['/birthday Anna: March 12, 1985', 'Anna', '1985-03-12'],
    ['/birthday Jürgen 1 Oct', 'Jürgen', '10-01'],
    ['/birthday Bob 1990-07-04', 'Bob', '1990-07-04'],
    ['/birthday Bob --0229', 'Bob', '02-29'],
  ])('%s sets the birthday of %s to %s', (text, name, birthday) => {
    expect(command(text, 'birthday')).toEqual({ intent: 'birthday', name, birthday });
  });

  it.each([
    ['Anna hat am 12. März Geburtstag', 'Anna', '03-12'],
    ['Anna Keller hat am 12.3. Geburtstag', 'Anna Keller', '03-12'],
    ["Anna's birthday is March 12", 'Anna', '03-12'],
    ['Anna’s birthday is on 12 March 1985.', 'Anna', '1985-03-12'],
    ['Annas Geburtstag ist am 1. Mai', 'Anna', '05-01'],
    ['Bob was born on July 4, 1990', 'Bob', '1990-07-04'],
  ])('plain text "%s" sets the birthday of %s', (text, name, birthday) => {
    expect(command(text, 'birthday')).toEqual({ intent: 'birthday', name, birthday });
  });

  it('a day the month lacks, a year to come or before 1901 is refused with what was read', () => {
    // A day no month has is said so before anything reads it (parse.ts, impossibleDate).
    expect(refusal('/birthday Anna 31.2.')).toMatchObject({ error: 'impossible_date', params: { got: '31.2.' } });
    expect(refusal('/birthday Anna 29.2.2023')).toMatchObject({ error: 'impossible_date' });
    expect(refusal('/birthday Anna 1.1.2031')).toMatchObject({ error: 'bad_birthday' });
    expect(refusal('/birthday Anna 1.1.1604')).toMatchObject({ error: 'bad_birthday' });
    expect(refusal('Anna hat am Freitag Geburtstag')).toMatchObject({ error: 'bad_birthday', params: { name: 'Anna' } });
  });

  it('a birthday without a name or a date is refused', () => {
    expect(refusal('/birthday')).toMatchObject({ error: 'missing_name', intent: 'birthday' });
    expect(refusal('/birthday 12.3.')).toMatchObject({ error: 'missing_name' });
    expect(refusal('/birthday Anna soon')).toMatchObject({ error: 'bad_birthday' });
  });

  it('"this year" is the year in the user\'s zone: 2026 is a year of birth on 23 Nov 2026', () => {
    expect(command('/birthday Baby 1.11.2026', 'birthday', BERLIN).birthday).toBe('2026-11-01');
  });
});

describe('/address and /adresse', () => {
  it('the name ends at the colon; street, postcode and city follow', () => {
    expect(command('/address Anna Keller: Hauptstr. 5, 80331 München', 'address')).toEqual({
      intent: 'address',
      name: 'Anna Keller',
      address: expect.objectContaining({ street: 'Hauptstr. 5', postalCode: '80331', city: 'München' }),
    });
    expect(command('/adresse Bob: Rua Augusta 10, 1100-053 Lisboa, Portugal', 'address').address).toMatchObject({ city: 'Lisboa', country: 'Portugal' });
  });

  it('without a colon, or without a postcode and city, nothing is guessed', () => {
    expect(refusal('/address Anna Keller Hauptstr. 5 80331 München')).toMatchObject({ error: 'bad_address', intent: 'address' });
    expect(refusal('/address Anna: somewhere nice')).toMatchObject({ error: 'bad_address', params: { got: 'somewhere nice', name: 'Anna' } });
    expect(refusal('/address')).toMatchObject({ error: 'missing_name' });
  });
});
