/**
 * Whom a meeting or mail was with: every address of a contact counts, a title
 * counts when it names exactly one contact, and nothing is ever a guess
 * between two contacts.
 */
import { describe, expect, it } from 'vitest';
import type { EventOccurrence } from '../../src/sources/calendar-events.ts';
import { contactsOfEvent, contactsOfMail, titleMatcher, type AddressBook } from '../../src/sources/match.ts';
import { NETWORK } from './fixtures.ts';

const contacts = NETWORK.map((c, i) => ({ id: i + 1, name: c.name }));
const idOf = (name: string) => contacts.find((c) => c.name === name)!.id;
const book: AddressBook = new Map(
  NETWORK.flatMap((c, i) => [...(c.email ? [c.email] : []), ...c.more].map((a) => [a, [i + 1]] as [string, number[]])),
);
const titles = titleMatcher(contacts);
const self = new Set(['ada.quill@example.org']);
const rules = { book, titles, self, skipPrivate: false };

function event(patch: Partial<EventOccurrence>): EventOccurrence {
  return {
    key: 'k|1', uid: 'k', start: '2026-11-10T10:00:00.000Z', end: '2026-11-10T11:00:00.000Z', allDay: false, startDate: null,
    title: '', attendees: [], organizer: null, cancelled: false, private: false, ...patch,
  };
}

describe('titles', () => {
  it('a whole name in the title names that contact, even when another shares the first name', () => {
    expect(titles.match('Lunch mit Anna Keller')).toBe(idOf('Anna Keller'));
  });

  it('a first name only one contact has names that contact, spelled any way', () => {
    expect(titles.match('Call: Jürgen / Q1')).toBe(idOf('Jürgen Maas'));
    expect(titles.match('call juergen')).toBe(idOf('Jürgen Maas'));
  });

  it('a first name two contacts share names nobody', () => {
    expect(titles.match('Coffee with Anna')).toBeNull();
  });

  it('a title naming two contacts names nobody', () => {
    expect(titles.match('Tom Berger and Lisa Kranz')).toBeNull();
  });

  it('a last name alone counts; a prefix or a common word does not', () => {
    expect(titles.match('Meeting Haddad')).toBe(idOf('Omar Haddad'));
    expect(titles.match('Call Tomas')).toBeNull();
    expect(titles.match('Team lunch')).toBeNull();
  });
});

describe('meetings', () => {
  it('count for the contacts among the attendees, by any of their addresses', () => {
    const e = event({ attendees: [{ email: 'a.keller@keller-consulting.example', partstat: 'ACCEPTED' }, { email: 'tom.berger@example.com', partstat: 'NEEDS-ACTION' }] });
    expect(contactsOfEvent(e, rules)).toEqual({ contacts: [idOf('Anna Keller'), idOf('Tom Berger')] });
  });

  it('do not count for a contact who declined', () => {
    const e = event({ attendees: [{ email: 'carla.rossi@example.it', partstat: 'DECLINED' }, { email: 'tom.berger@example.com', partstat: 'ACCEPTED' }] });
    expect(contactsOfEvent(e, rules)).toEqual({ contacts: [idOf('Tom Berger')] });
  });

  it('do not count when the user declined, was cancelled, or is private and the user chose so', () => {
    const tom = { email: 'tom.berger@example.com', partstat: 'ACCEPTED' };
    expect(contactsOfEvent(event({ attendees: [tom, { email: 'ada.quill@example.org', partstat: 'DECLINED' }] }), rules)).toEqual({ skip: 'declined' });
    expect(contactsOfEvent(event({ attendees: [tom], cancelled: true }), rules)).toEqual({ skip: 'cancelled' });
    expect(contactsOfEvent(event({ attendees: [tom], private: true }), { ...rules, skipPrivate: true })).toEqual({ skip: 'private' });
    expect(contactsOfEvent(event({ attendees: [tom], private: true }), rules)).toEqual({ contacts: [idOf('Tom Berger')] });
  });

  it('all-day without attendees counts for nobody, even when its title names someone', () => {
    expect(contactsOfEvent(event({ allDay: true, title: "Anna Keller's birthday" }), rules)).toEqual({ skip: 'all_day_alone' });
  });

  it('an address two contacts share counts for neither', () => {
    const shared: AddressBook = new Map([['team@example.org', [1, 3]]]);
    expect(contactsOfEvent(event({ attendees: [{ email: 'team@example.org', partstat: 'ACCEPTED' }] }), { ...rules, book: shared })).toEqual({ skip: 'nobody' });
  });

  it('without a known attendee, the title decides', () => {
    expect(contactsOfEvent(event({ title: 'Lunch mit Anna Keller', attendees: [{ email: 'stranger@example.org', partstat: 'ACCEPTED' }] }), rules)).toEqual({ contacts: [idOf('Anna Keller')] });
  });
});

describe('mail', () => {
  const mail = { messageId: '<1@x>', date: '2026-11-10T10:00:00.000Z', from: ['omar.haddad@example.net'], to: ['tom.berger@example.com', 'ada.quill@example.org'], cc: ['lisa@kranz.example'], bcc: [] };

  it('a sent mail counts for the contacts among To and Cc', () => {
    expect(contactsOfMail(mail, 'sent', book, self).sort()).toEqual([idOf('Tom Berger'), idOf('Lisa Kranz')].sort());
  });

  it('a received mail counts for its sender only', () => {
    expect(contactsOfMail(mail, 'inbox', book, self)).toEqual([idOf('Omar Haddad')]);
  });
});
