/** English words of occasions and files: birthdays and addresses by chat, the card list, birthday events in the calendar export, the /stats picture. */
import type { StatsChartTexts } from '../chart/render.ts';
import type { ParseError } from '../commands/command.ts';
import { DateTime } from 'luxon';
import type { BirthdayView } from '../core/nudge-model.ts';
import type { LocalDate, Tier } from '../core/types.ts';
import type { RichText } from '../port.ts';
import { b, code, i, l, line } from '../rich.ts';
import { formatBirthdayText, formatDate } from './format.ts';

const day = (date: LocalDate, today: LocalDate) => formatDate(date, 'en', today);
const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);

const whose = (v: BirthdayView) => (v.addressed === 'female' ? 'her' : v.addressed === 'male' ? 'his' : 'their');
const weekday = (date: LocalDate) => DateTime.fromISO(date, { zone: 'utc' }).setLocale('en-GB').toFormat('cccc');

export const enOccasions = {
  icsBirthday: (name: string) => `🎂 ${name}`,
  statsChartTexts: (): StatsChartTexts => ({
    title: 'Your network — the last 12 weeks',
    touchesPerWeek: 'Touches per week',
    week: (week) => `W${week}`,
    shareOnA: 'Share of touches on A contacts',
    aim: (percent) => `aim ${percent} %`,
    noTouches: 'no touches yet',
    close: 'A and B contacts',
    limit: (limit) => `~${limit}`,
    percent: (value) => `${value} %`,
  }),
  /** The title in a label PDF's document properties. */
  cardsTitle: (year: number) => `Holiday cards ${year}`,

  occasionParseError: (e: ParseError): RichText => {
    const got = e.params['got'] ?? '';
    if (e.error === 'bad_birthday') {
      return [l`I could not read a birthday in ${b(got)}. Say e.g. ${code('/birthday Anna 12.3.')} or ${code('/birthday Anna March 12 1985')}. Nothing was changed.`];
    }
    return [l`I could not read an address in ${b(got)}. Say e.g. ${code('/address Anna Keller: Hauptstr. 5, 80331 München')} — the name, a colon, then street, postcode and city. Nothing was changed.`];
  },

  birthdaySaved: (name: string, birthday: string, next: LocalDate, turns: number | null, today: LocalDate) =>
    l`🎂 Saved: ${b(name)}'s birthday is ${formatBirthdayText(birthday, 'en')} — next ${next === today ? 'today' : day(next, today)}${turns !== null ? ` (turns ${turns})` : ''}. I will remind you on the day.`,
  addressSaved: (name: string, lines: string[]): RichText => [l`📮 Saved the address of ${b(name)}:`, ...lines.map((text) => line('   ', text))],
  /** The lines /show adds for the occasions. */
  occasionLines: (birthday: string | null, next: LocalDate | null, address: string[] | null, today: LocalDate): RichText => [
    ...(birthday ? [line(`🎂 Birthday: ${formatBirthdayText(birthday, 'en')}`, next ? ` (next ${next === today ? 'today' : day(next, today)})` : '')] : []),
    ...(address && address.length > 0 ? [line(`📮 ${address.join(', ')}`)] : []),
  ],

  /** "🎂 Anna Keller has her birthday today — a short message?"; before a day off: "on Sunday". */
  birthdayGreeting: (v: BirthdayView, nudgeDate: LocalDate, today: LocalDate) =>
    line(
      '🎂 ',
      b(v.name),
      v.addressed === null ? `'s birthday is ${v.on === nudgeDate ? 'today' : `on ${weekday(v.on)}`}` : ` has ${whose(v)} birthday ${v.on === nudgeDate ? 'today' : `on ${weekday(v.on)}`}`,
      v.turns !== null ? ` (turns ${v.turns})` : '',
      v.on === nudgeDate ? ' — a short message?' : ` — a short message ${nudgeDate === today ? 'today' : 'before'}?`,
    ),
  birthdayDoneButton: (name: string) => `🎂 Wished ${name}`,
  weekBirthdays: (views: BirthdayView[], today: LocalDate) =>
    line('🎂 Birthdays this week: ', views.map((v) => `${v.name} (${day(v.on, today)}${v.turns !== null ? `, ${v.turns}` : ''})`).join(', ')),

  cardsHead: (year: number, tiers: Tier[], cards: number, missing: number) =>
    l`🎄 ${b(`Holiday cards ${year}`)} — tiers ${tiers.join(', ')}: ${people(cards)} with an address${missing > 0 ? `, ${missing} without` : ''}.`,
  cardsEntry: (name: string, place: string) => line('• ', name, place ? ` — ${place}` : ''),
  cardsMissingHead: (n: number) => l`${b(`Without an address (${n})`)} — tap to add one, or say ${code('/address Name: street, postcode city')}:`,
  cardsEmpty: (tiers: Tier[]) => l`No active contacts in tiers ${tiers.join(', ')} — nobody to send a card to yet.`,
  cardsFiles: () => l`The list for German Excel (CSV) and the address labels (PDF, Avery Zweckform 3422 — print at 100 %) follow. ${code('/cards sent')} logs the cards once they are posted.`,
  cardsCsvCaption: () => l`📄 The list as a CSV (semicolons, for Excel).`,
  cardsPdfCaption: (labels: number, pages: number) => l`🏷 ${labels === 1 ? '1 label' : `${labels} labels`} on ${pages === 1 ? '1 sheet' : `${pages} sheets`} of Avery Zweckform 3422 (70 × 35 mm).`,
  addAddressButton: (name: string) => `📮 ${name}`,
  cardsSent: (n: number, year: number) => l`✉️ Logged a holiday card ${String(year)} for ${people(n)}. It does not move anyone's next call. ${code('/undo')} takes it back.`,
  cardsAlreadySent: (year: number) => l`The holiday cards ${String(year)} are logged already for everyone on the list.`,
  cardsSentNone: () => l`Nobody on the list has an address yet, so no cards were logged.`,
  askAddress: (name: string) => l`What is the postal address of ${b(name)}? Send it like ${i('Hauptstr. 5, 80331 München')}.`,
  addressNotUnderstood: (name: string) =>
    l`I could not read that as an address for ${b(name)} — I need a street, then postcode and city, e.g. ${i('Hauptstr. 5, 80331 München')}. Nothing was changed.`,
};
