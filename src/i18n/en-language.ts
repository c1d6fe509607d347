/** English replies about what people type: near misses, details said in the chat, renames, pauses as ranges, the console (spread into en.ts). */
import { addressLines } from '../core/address.ts';
import { addDays } from '../core/dates.ts';
import { parseBirthday } from '../core/birthday.ts';
import type { LocalDate, Tier } from '../core/types.ts';
import type { DetailField } from '../commands/command.ts';
import type { Contact } from '../store/contacts.ts';
import type { Line } from '../port.ts';
import { b, code, l, line } from '../rich.ts';
import { formatDate } from './format.ts';

const day = (date: LocalDate, today: LocalDate) => formatDate(date, 'en', today);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "12 March" or "12 March 1980". */
function birthdayText(stored: string): string {
  const birthday = parseBirthday(stored);
  if (!birthday) return stored;
  return `${birthday.day} ${MONTHS[birthday.month - 1] ?? ''}${birthday.year === null ? '' : ` ${birthday.year}`}`;
}

const FIELD: Record<DetailField, string> = { email: 'email', phone: 'phone', company: 'company', role: 'role', address: 'address', birthday: 'birthday' };

export const enLanguage = {
  didYouMean: (typed: string, names: string[]) => l`I don't know ${b(typed)} — did you mean ${names.join(' or ')}?`,
  addedToKnown: (name: string, tier: Tier | undefined, lastTalked: LocalDate | undefined, today: LocalDate) =>
    line('✓ ', b(name), ' was already in your network', tier ? ` — now tier ${tier}` : '', lastTalked ? `, last talked ${day(lastTalked, today)}` : '', '.'),
  detailSet: (name: string, field: DetailField, value: string, _today: LocalDate) =>
    l`✓ ${name}'s ${FIELD[field]}: ${field === 'birthday' ? birthdayText(value) : value}. ${code('/undo')} takes it back.`,
  emailAdded: (name: string, address: string) => l`✓ Another email for ${b(name)}: ${address}.`,
  detailUnchanged: (name: string, field: DetailField) => l`${b(name)} has that ${FIELD[field]} already — nothing changed.`,
  renamed: (before: string, after: string) => l`✓ ${b(before)} is now ${b(after)}. ${code('/undo')} takes it back.`,
  /** The details of a contact card: birthday and postal address. */
  cardDetails: (c: Contact): Line[] => [
    ...(c.birthday ? [line(`🎂 Birthday: ${birthdayText(c.birthday)}`)] : []),
    ...(c.address ? [line(`✉️ ${addressLines(c.address).join(', ')}`)] : []),
  ],
  pauseLine: (from: LocalDate | null, until: LocalDate, today: LocalDate): Line =>
    from !== null && from > today ? line(`Pause from ${day(from, today)} through ${day(addDays(until, -1), today)}`) : line(`Paused until ${day(until, today)}`),
  consoleBanner: () => 'keepwarm — type /help to begin, Ctrl-D to leave.',
  consoleSavedTo: (path: string) => `saved to ${path}`,
  consolePrompt: () => 'you ›',
};
