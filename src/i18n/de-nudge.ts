/** Deutsche Texte der täglichen Erinnerung und von /today. */
import type { EntryState } from '../core/nudge-choice.ts';
import type { LocalDate } from '../core/types.ts';
import { formatDate, percent } from './format.ts';
import { b, code, i, l, line } from '../rich.ts';
import type { enNudge } from './en-nudge.ts';

const day = (date: LocalDate, today: LocalDate) => formatDate(date, 'de', today);
const ago = (days: number) => (days <= 0 ? 'heute' : days === 1 ? 'gestern' : `vor ${days} Tagen`);

const STATE: Record<Exclude<EntryState, 'open'>, string> = {
  done: '✅ erledigt',
  attempt: '📵 nicht erreicht — kommt in ein paar Tagen wieder',
  skipped: '⏭ heute übersprungen',
  snoozed: '💤 zurückgestellt',
  ignored: 'nicht beantwortet',
};

export const deNudge: typeof enNudge = {
  nudgeGreeting: (kind, calls) =>
    kind === 'today'
      ? l`📞 ${calls === 0 ? 'Gerade ist niemand dran.' : calls === 1 ? 'Jetzt eine Person anrufen:' : `Jetzt ${calls} Personen anrufen:`}`
      : l`☀️ Guten Morgen! ${calls === 0 ? '' : calls === 1 ? 'Dein Anruf für heute:' : `Deine ${calls} Anrufe für heute:`}`,
  weekLine: (w) =>
    l`Letzte Woche: ${String(w.touches)} ${w.touches === 1 ? 'Kontakt' : 'Kontakte'}${w.shareOnA === null ? '' : `, ${percent(w.shareOnA)} mit A-Kontakten (Ziel 80 %)`}.`,
  pickHead: (index, v) =>
    line(`${index}. `, b(v.name), ` (${v.tier}) — `, v.reason === 'reminder' ? 'Erinnerung' : v.noContactYet ? 'noch kein Kontakt' : v.daysSince === 0 ? 'heute fällig' : `letzter Kontakt ${ago(v.daysSince)}`),
  answered: (v, state, detail) => line(b(v.name), ` — ${STATE[state]}`, detail ? ` (${detail})` : ''),
  followUpsHead: () => l`✍️ ${b('Kurz nachfassen')} — eine kurze Nachricht, solange es frisch ist:`,
  followUpGroup: (place, names) => line(`• die ${names.length} Personen von `, b(place), ': ', names.join(', ')),
  followUpOne: (v, today, stage) =>
    line(
      '• ',
      b(v.name),
      stage === 'second' ? ' — ein zweiter Kontakt, zwei Wochen später' : '',
      v.place ? ` (${v.place}${v.metOn ? `, ${day(v.metOn, today)}` : ''})` : v.metOn ? ` (kennengelernt ${day(v.metOn, today)})` : '',
    ),
  tierQuestionsHead: () => l`🏷 ${b('Stimmt die Stufe noch?')}`,
  tierQuestion: (v) => l`• ${b(v.name)} ist Stufe ${v.tier} — zum Bestätigen oder Ändern tippen.`,
  ignoredHead: () => l`🤔 ${b('Nach drei Erinnerungen nicht kontaktiert')} — behalten, auf C setzen oder archivieren?`,
  ignoredQuestion: (v) => l`• ${b(v.name)} (${v.tier})`,
  reviewInvite: () => l`🔎 Deine letzte Durchsicht ist ein halbes Jahr her — ${code('/review')} geht dein Netzwerk mit dir durch.`,
  followUpDoneButton: (name) => `✅ ${name}`,
  groupDoneButton: (place, n) => `✅ Alle ${n} · ${place}`,
  tierQuestionButton: (name, tier) => `${name}: ${tier}`,
  keepPersonButton: (name) => `${name} behalten`,
  toCButton: (name) => `${name} → C`,
  archivePersonButton: (name) => `${name} archivieren`,
  whichOpen: (names) => l`Wen meinst du — ${names.join(' oder ')}? Schreib z. B. ${code(`erledigt ${names[0] ?? ''}`)} oder ${code('done both')}.`,
  bothButton: () => 'Beide',
  allButton: (n) => `Alle ${n}`,
  groupDone: (n, place) => l`✅ Bei allen ${String(n)} von ${place} nachgefasst.`,
  snoozedUntilDetail: (until, today) => `bis ${day(until, today)}`,
  nextStepDetail: (due, today) => `wieder fällig ${day(due, today)}`,
  noteDetail: (note) => note,
  talkAbout: (note) => l`💬 Gesprächsthema: ${i(note)}`,
};
