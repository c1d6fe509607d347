/** Deutsche Wörter zu Anlässen und Dateien — dieselben Schlüssel wie en-occasions.ts. */
import { DateTime } from 'luxon';
import type { LocalDate } from '../core/types.ts';
import { b, code, i, l, line } from '../rich.ts';
import type { enOccasions } from './en-occasions.ts';
import { formatBirthdayText, formatDate } from './format.ts';

const day = (date: LocalDate, today: LocalDate) => formatDate(date, 'de', today);
const people = (n: number) => (n === 1 ? '1 Person' : `${n} Personen`);

const weekday = (date: LocalDate) => DateTime.fromISO(date, { zone: 'utc' }).setLocale('de-DE').toFormat('cccc');

export const deOccasions: typeof enOccasions = {
  icsBirthday: (name) => `🎂 ${name}`,
  statsChartTexts: () => ({
    title: 'Dein Netzwerk — die letzten 12 Wochen',
    touchesPerWeek: 'Kontakte pro Woche',
    week: (week) => `KW ${week}`,
    shareOnA: 'Anteil A-Kontakte',
    aim: (percent) => `Ziel ${percent} %`,
    noTouches: 'noch keine Kontakte',
    close: 'A- und B-Kontakte',
    limit: (limit) => `~${limit}`,
    percent: (value) => `${value} %`,
  }),
  cardsTitle: (year) => `Weihnachtskarten ${year}`,

  occasionParseError: (e) => {
    const got = e.params['got'] ?? '';
    if (e.error === 'bad_birthday') {
      return [l`In ${b(got)} finde ich keinen Geburtstag. Schreib z. B. ${code('/geburtstag Anna 12.3.')} oder ${code('/geburtstag Anna 12. März 1985')}. Nichts wurde geändert.`];
    }
    return [l`In ${b(got)} finde ich keine Adresse. Schreib z. B. ${code('/adresse Anna Keller: Hauptstr. 5, 80331 München')} — den Namen, einen Doppelpunkt, dann Straße, PLZ und Ort. Nichts wurde geändert.`];
  },

  birthdaySaved: (name, birthday, next, turns, today) =>
    l`🎂 Gespeichert: ${b(name)} hat am ${formatBirthdayText(birthday, 'de')} Geburtstag — das nächste Mal ${next === today ? 'heute' : day(next, today)}${turns !== null ? ` (wird ${turns})` : ''}. Ich erinnere dich am Tag.`,
  addressSaved: (name, lines) => [l`📮 Adresse von ${b(name)} gespeichert:`, ...lines.map((text) => line('   ', text))],
  occasionLines: (birthday, next, address, today) => [
    ...(birthday ? [line(`🎂 Geburtstag: ${formatBirthdayText(birthday, 'de')}`, next ? ` (nächster ${next === today ? 'heute' : day(next, today)})` : '')] : []),
    ...(address && address.length > 0 ? [line(`📮 ${address.join(', ')}`)] : []),
  ],

  birthdayGreeting: (v, nudgeDate, today) =>
    line(
      '🎂 ',
      b(v.name),
      ` hat ${v.on === nudgeDate ? 'heute' : `am ${weekday(v.on)}`} Geburtstag`,
      v.turns !== null ? ` (wird ${v.turns})` : '',
      v.on === nudgeDate ? ' — eine kurze Nachricht?' : ` — eine kurze Nachricht ${nudgeDate === today ? 'heute' : 'vorher'}?`,
    ),
  birthdayDoneButton: (name) => `🎂 ${name} gratuliert`,
  weekBirthdays: (views, today) =>
    line('🎂 Geburtstage diese Woche: ', views.map((v) => `${v.name} (${day(v.on, today)}${v.turns !== null ? `, ${v.turns}` : ''})`).join(', ')),

  cardsHead: (year, tiers, cards, missing) =>
    l`🎄 ${b(`Weihnachtskarten ${year}`)} — Stufen ${tiers.join(', ')}: ${people(cards)} mit Adresse${missing > 0 ? `, ${missing} ohne` : ''}.`,
  cardsEntry: (name, place) => line('• ', name, place ? ` — ${place}` : ''),
  cardsMissingHead: (n) => l`${b(`Ohne Adresse (${n})`)} — tippe, um eine einzutragen, oder schreib ${code('/adresse Name: Straße, PLZ Ort')}:`,
  cardsEmpty: (tiers) => l`Keine aktiven Kontakte in den Stufen ${tiers.join(', ')} — noch niemand für eine Karte.`,
  cardsFiles: () => l`Es folgen die Liste für Excel (CSV) und die Adressetiketten (PDF, Avery Zweckform 3422 — mit 100 % drucken). ${code('/weihnachtskarten verschickt')} trägt die Karten ein, sobald sie unterwegs sind.`,
  cardsCsvCaption: () => l`📄 Die Liste als CSV (Semikolon, für Excel).`,
  cardsPdfCaption: (labels, pages) => l`🏷 ${labels === 1 ? '1 Etikett' : `${labels} Etiketten`} auf ${pages === 1 ? '1 Bogen' : `${pages} Bögen`} Avery Zweckform 3422 (70 × 35 mm).`,
  addAddressButton: (name) => `📮 ${name}`,
  cardsSent: (n, year) => l`✉️ Weihnachtskarte ${String(year)} für ${people(n)} eingetragen. Am nächsten Anruf ändert das nichts. ${code('/undo')} nimmt es zurück.`,
  cardsAlreadySent: (year) => l`Die Weihnachtskarten ${String(year)} sind für alle auf der Liste schon eingetragen.`,
  cardsSentNone: () => l`Noch niemand auf der Liste hat eine Adresse, also wurden keine Karten eingetragen.`,
  askAddress: (name) => l`Wie lautet die Postanschrift von ${b(name)}? Schick sie so: ${i('Hauptstr. 5, 80331 München')}.`,
  addressNotUnderstood: (name) =>
    l`Das kann ich nicht als Adresse von ${b(name)} lesen — ich brauche Straße, dann PLZ und Ort, z. B. ${i('Hauptstr. 5, 80331 München')}. Nichts wurde geändert.`,
};
