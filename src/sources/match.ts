/**
 * Which contacts a meeting or a mail was with. Pure, and never a guess: an
 * address two contacts share, or a name two contacts answer to, counts for
 * nobody.
 *
 * - An address (attendee, organizer, recipient, sender) counts for the one
 *   contact that has it among all their addresses.
 * - A meeting without such an address counts when its title names exactly one
 *   contact: the whole name ("Lunch mit Anna Keller"), or a first or last name
 *   only one contact has ("Call: Jürgen / Q1"). Spellings are compared the way
 *   names are everywhere (src/core/names.ts: case, accents, ä = ae).
 */
import { nameKey } from '../core/names.ts';
import type { EventOccurrence } from './calendar-events.ts';

/** Address (lower case) → the contacts that have it. */
export type AddressBook = ReadonlyMap<string, readonly number[]>;

export interface NamedContact {
  id: number;
  name: string;
}

/** Words of a title too common to name a person by themselves. */
const COMMON = new Set([
  'call', 'meeting', 'lunch', 'dinner', 'coffee', 'breakfast', 'team', 'sync', 'with', 'and', 'the', 'for', 'review', 'intro',
  'mit', 'und', 'der', 'die', 'das', 'fur', 'von', 'termin', 'besprechung', 'telefonat', 'mittagessen', 'abendessen', 'kaffee',
]);

export interface TitleMatcher {
  /** The one contact the title names, or null (nobody, or more than one). */
  match(title: string): number | null;
}

export function titleMatcher(contacts: readonly NamedContact[]): TitleMatcher {
  const named = contacts
    .map((c) => ({ id: c.id, words: nameKey(c.name).split(' ').filter(Boolean) }))
    .filter((c) => c.words.length > 0);
  // A single word → the contacts whose first or last name it is.
  const byWord = new Map<string, Set<number>>();
  for (const c of named) {
    const ends = c.words.length === 1 ? [c.words[0]!] : [c.words[0]!, c.words[c.words.length - 1]!];
    for (const word of ends) {
      if (word.length < 3 || COMMON.has(word)) continue;
      const ids = byWord.get(word) ?? new Set<number>();
      ids.add(c.id);
      byWord.set(word, ids);
    }
  }
  // Whole names by their first word, so a title is checked against the few names it could contain.
  const byFirst = new Map<string, { id: number; words: string[] }[]>();
  for (const c of named) {
    if (c.words.length < 2) continue;
    const list = byFirst.get(c.words[0]!) ?? [];
    list.push(c);
    byFirst.set(c.words[0]!, list);
  }
  return {
    match(title) {
      const words = nameKey(title).split(' ').filter(Boolean);
      if (words.length === 0) return null;
      const found = new Set<number>();
      const used = new Set<number>();
      for (let at = 0; at < words.length; at++) {
        for (const c of byFirst.get(words[at]!) ?? []) {
          if (at + c.words.length <= words.length && c.words.every((w, i) => words[at + i] === w)) {
            found.add(c.id);
            for (let i = 0; i < c.words.length; i++) used.add(at + i);
          }
        }
      }
      for (let at = 0; at < words.length; at++) {
        if (used.has(at)) continue;
        const ids = byWord.get(words[at]!);
        if (!ids) continue;
        // Two contacts answer to this word: the title does not say which.
        if (ids.size > 1) return null;
        for (const id of ids) found.add(id);
      }
      return found.size === 1 ? [...found][0]! : null;
    },
  };
}

/** The one contact an address belongs to, or null (nobody's, or shared by several). */
export function contactOfAddress(book: AddressBook, address: string): number | null {
  const ids = book.get(address.trim().toLowerCase());
  return ids && ids.length === 1 ? ids[0]! : null;
}

export interface EventRules {
  book: AddressBook;
  titles: TitleMatcher;
  /** The user's own addresses: their answer to an invitation is theirs, and they are no contact. */
  self: ReadonlySet<string>;
  skipPrivate: boolean;
}

/** Why an occurrence counts for nobody. */
export type EventSkip = 'cancelled' | 'declined' | 'private' | 'all_day_alone' | 'nobody';

/**
 * The contacts an event occurrence was with: attendees and organizer by
 * address (a contact who declined did not come), else the one contact the
 * title names. Cancelled events, events the user declined, all-day events
 * without attendees and — when the user chose so — private events count for nobody.
 */
export function contactsOfEvent(event: EventOccurrence, rules: EventRules): { contacts: number[] } | { skip: EventSkip } {
  if (event.cancelled) return { skip: 'cancelled' };
  if (event.attendees.some((a) => rules.self.has(a.email) && a.partstat === 'DECLINED')) return { skip: 'declined' };
  if (event.private && rules.skipPrivate) return { skip: 'private' };
  if (event.allDay && event.attendees.length === 0) return { skip: 'all_day_alone' };
  const contacts = new Set<number>();
  const people = [...event.attendees.filter((a) => a.partstat !== 'DECLINED').map((a) => a.email), ...(event.organizer ? [event.organizer] : [])];
  for (const address of people) {
    if (rules.self.has(address)) continue;
    const id = contactOfAddress(rules.book, address);
    if (id !== null) contacts.add(id);
  }
  if (contacts.size === 0) {
    const named = rules.titles.match(event.title);
    if (named !== null) contacts.add(named);
  }
  return contacts.size > 0 ? { contacts: [...contacts] } : { skip: 'nobody' };
}

/** The headers of one mail that matching reads (never its body). */
export interface MailHeaders {
  messageId: string;
  /** ISO instant of the Date header (or the server's arrival time when it has none). */
  date: string;
  from: string[];
  to: string[];
  cc: string[];
  bcc: string[];
}

/**
 * The contacts a mail was with: the recipients of a mail the user sent, or
 * the sender of one they received (read only with the inbox opt-in).
 */
export function contactsOfMail(mail: MailHeaders, folder: 'sent' | 'inbox', book: AddressBook, self: ReadonlySet<string>): number[] {
  const addresses = folder === 'sent' ? [...mail.to, ...mail.cc, ...mail.bcc] : mail.from;
  const contacts = new Set<number>();
  for (const address of addresses) {
    if (self.has(address)) continue;
    const id = contactOfAddress(book, address);
    if (id !== null) contacts.add(id);
  }
  return [...contacts];
}
