/** Deutsche Antworten darauf, wie Menschen schreiben: Beinahe-Treffer, Angaben im Chat, Umbenennen, Pausen als Zeitraum, die Konsole (in de.ts eingebunden). */
import { addressLines } from '../core/address.ts';
import { addDays } from '../core/dates.ts';
import { parseBirthday } from '../core/birthday.ts';
import type { LocalDate, Tier } from '../core/types.ts';
import type { DetailField } from '../commands/command.ts';
import type { Contact } from '../store/contacts.ts';
import type { Line } from '../port.ts';
import { b, code, l, line } from '../rich.ts';
import { formatDate } from './format.ts';
import type { enLanguage } from './en-language.ts';

const day = (date: LocalDate, today: LocalDate) => formatDate(date, 'de', today);
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** „12. März“ oder „12. März 1980“. */
function birthdayText(stored: string): string {
  const birthday = parseBirthday(stored);
  if (!birthday) return stored;
  return `${birthday.day}. ${MONTHS[birthday.month - 1] ?? ''}${birthday.year === null ? '' : ` ${birthday.year}`}`;
}

const FIELD: Record<DetailField, string> = { email: 'E-Mail', phone: 'Telefon', company: 'Firma', role: 'Rolle', address: 'Adresse', birthday: 'Geburtstag' };

export const deLanguage: typeof enLanguage = {
  didYouMean: (typed, names) => l`${b(typed)} kenne ich nicht — meinst du ${names.join(' oder ')}?`,
  addedToKnown: (name: string, tier: Tier | undefined, lastTalked: LocalDate | undefined, today: LocalDate) =>
    line('✓ ', b(name), ' war schon in deinem Netzwerk', tier ? ` — jetzt Stufe ${tier}` : '', lastTalked ? `, zuletzt gesprochen am ${day(lastTalked, today)}` : '', '.'),
  detailSet: (name, field, value) => l`✓ ${FIELD[field]} von ${name}: ${field === 'birthday' ? birthdayText(value) : value}. ${code('/rückgängig')} nimmt es zurück.`,
  emailAdded: (name, address) => l`✓ Eine weitere E-Mail-Adresse für ${b(name)}: ${address}.`,
  detailUnchanged: (name, field) => l`${b(name)} hat diese Angabe (${FIELD[field]}) schon — nichts geändert.`,
  renamed: (before, after) => l`✓ ${b(before)} heißt jetzt ${b(after)}. ${code('/rückgängig')} nimmt es zurück.`,
  cardDetails: (c: Contact): Line[] => [
    ...(c.birthday ? [line(`🎂 Geburtstag: ${birthdayText(c.birthday)}`)] : []),
    ...(c.address ? [line(`✉️ ${addressLines(c.address).join(', ')}`)] : []),
  ],
  pauseLine: (from, until, today) =>
    from !== null && from > today ? line(`Pause vom ${day(from, today)} bis einschließlich ${day(addDays(until, -1), today)}`) : line(`Pausiert bis ${day(until, today)}`),
  consoleBanner: () => 'keepwarm — schreib /hilfe für den Anfang, Strg-D beendet.',
  consoleSavedTo: (path) => `gespeichert in ${path}`,
  consolePrompt: () => 'du ›',
};
