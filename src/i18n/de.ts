/** Deutsche Antworten — dieselben Schlüssel wie en.ts, sonst meldet der Type-Check einen Fehler. */
import { cadenceDaysFor, daysSinceLastTouch, nextDueOn } from '../core/cadence.ts';
import type { ContactFacts, FollowUpStage } from '../core/contact.ts';
import { daysBetween } from '../core/dates.ts';
import type { Stats } from '../core/stats.ts';
import type { LocalDate, Tier, TierCadences, TouchKind } from '../core/types.ts';
import type { ReviewSuggestion } from '../core/review.ts';
import type { Note, Reminder, Touch } from '../store/activity.ts';
import type { Contact } from '../store/contacts.ts';
import type { User } from '../store/users.ts';
import type { ReviewChoice } from '../commands/actions.ts';
import { formatDate, percent } from './format.ts';
import type { Line, RichText } from '../port.ts';
import { b, code, i, l, line } from '../rich.ts';
import type { UndoLabel } from '../store/undo-label.ts';
import { deHelp } from './de-help.ts';
import { parseError } from './de-errors.ts';
import { deLanguage } from './de-language.ts';
import { deNudge } from './de-nudge.ts';
import { deImport } from './de-import.ts';
import { deOccasions } from './de-occasions.ts';
import { deSources } from './de-sources.ts';
import { deTelegram } from './de-telegram.ts';
import { deSlack } from './de-slack.ts';
import type { HolidaysShown, SettingsChange } from './help-topics.ts';
import type { Messages } from './messages.ts';

const day = (date: LocalDate, today: LocalDate) => formatDate(date, 'de', today);

function ago(days: number): string {
  if (days <= 0) return 'heute';
  if (days === 1) return 'gestern';
  return `vor ${days} Tagen`;
}

/** The one wording of a contact's last contact in lists: a logged touch, or none yet. */
function lastContact(c: Contact, today: LocalDate): string {
  const since = daysSinceLastTouch(c, today);
  return since === null ? 'noch kein Kontakt' : `letzter Kontakt ${ago(since)}`;
}

function inDays(days: number): string {
  if (days <= 0) return 'heute';
  if (days === 1) return 'morgen';
  return `in ${days} Tagen`;
}

function days(n: number): string {
  return n === 1 ? '1 Tag' : `${n} Tage`;
}

function daysDative(n: number): string {
  return n === 1 ? '1 Tag' : `${n} Tagen`;
}

const TIER_MEANING: Record<Tier, string> = {
  A: 'intensivste Pflege',
  B: 'normale Pflege',
  C: 'passiv: keine Erinnerungen',
  D: 'kein Potenzial: bei der Durchsicht zum Archivieren vorgeschlagen',
};

const KIND: Record<TouchKind, string> = {
  met: 'ein Treffen',
  call: 'ein Anruf',
  meeting: 'ein Treffen',
  message: 'eine Nachricht',
  email: 'eine E-Mail',
  other: 'ein Kontakt',
  attempt: 'ein Versuch',
  card: 'eine Weihnachtskarte',
};

const FOLLOW_UP: Record<FollowUpStage, string> = {
  first: 'nachfassen — ihr habt euch gerade kennengelernt',
  second: 'zweiter Kontakt — zwei Wochen nach dem Nachfassen',
  tier: 'Stufe bestätigen',
};

const UNDO: Record<UndoLabel['key'], (l: UndoLabel) => string> = {
  met: (x) => `neuer Kontakt ${x.name}`,
  add: (x) => `${x.name} hinzugefügt`,
  touch: (x) => `Kontakt mit ${x.name}`,
  attempt: (x) => `Versuch, ${x.name} zu erreichen`,
  note: (x) => `Notiz zu ${x.name}`,
  tier: (x) => `Stufe von ${x.name}`,
  cadence: (x) => `Rhythmus von ${x.name}`,
  snooze: (x) => `${x.name} zurückgestellt`,
  skip: (x) => `${x.name} übersprungen`,
  remind: (x) => `Erinnerung an ${x.name}`,
  archive: (x) => `${x.name} archiviert`,
  delete: (x) => `${x.name} gelöscht`,
  intro: (x) => `${x.name} mit ${x.other} bekannt gemacht`,
  settings: () => 'Änderung der Einstellungen',
  pause: () => 'Pause',
  resume: () => 'Fortsetzen',
  review: (x) => `Durchsicht von ${x.name}`,
  import: () => 'Import',
  answer: (x) => `Antwort zu ${x.name}`,
  reminderDone: () => 'Erinnerung als erledigt markiert',
  sync: (x) => `was ${x.name} von selbst eingetragen hat`,
  detail: (x) => `Angaben zu ${x.name}`,
  rename: (x) => `${x.other} in ${x.name} umbenannt`,
  cards: (x) => `Weihnachtskarten ${x.name}`,
  birthday: (x) => `Geburtstag von ${x.name}`,
  address: (x) => `Adresse von ${x.name}`,
};

function nextDueLine(contact: ContactFacts, cadences: TierCadences, today: LocalDate): Line {
  const due = nextDueOn(contact, cadences);
  if (due === null) return l`${contact.tier === 'C' || contact.tier === 'D' ? `Stufe ${contact.tier}: ${TIER_MEANING[contact.tier]}.` : ''}`;
  const left = daysBetween(today, due);
  if (left < 0) return l`Überfällig seit ${day(due, today)}.`;
  if (left === 0) return l`Heute wieder fällig.`;
  return l`Wieder fällig am ${day(due, today)} (${inDays(left)}).`;
}

/** The German word of an answer, for its example. */
const ANSWER_WORDS: Record<string, string> = { done: 'erledigt', noanswer: 'nicht erreicht', skip: 'überspringen', keep: 'behalten', archive: 'archivieren' };

/** "📅 from your calendar" after a touch a source logged (docs/sources.md). */
function sourceMark(t: Touch): string {
  return t.fromSource && (t.kind === 'meeting' || t.kind === 'email') ? ` · ${deSources.touchFromSource(t.kind)}` : '';
}


export const de: Messages = {
  ...deTelegram,
  lang: 'de',
  ...deNudge,
  internalError: () => l`Entschuldigung — bei mir ist etwas schiefgegangen. Nichts wurde geändert; bitte versuch es noch einmal.`,
  cannotSaveNow: () => l`Ich kann gerade nichts speichern — nichts wurde geändert. Bitte versuch es in ein paar Minuten noch einmal.`,
  cannotSaveNowRetried: () => l`Ich kann gerade nichts speichern — nichts wurde geändert. Ich nehme diese Nachricht von selbst noch einmal, sobald ich kann.`,
  tooFast: () => l`Du schickst mir Nachrichten schneller, als ich sie beantworten kann, darum habe ich einige übersprungen. Gib mir eine Minute und schick dann noch einmal, was ich nicht beantwortet habe.`,
  parseError,

  metSaved: (p) =>
    line(
      '✓ ',
      b(p.name),
      p.place ? ` (${p.place})` : '',
      p.date === p.today ? ' heute kennengelernt' : ` am ${day(p.date, p.today)} kennengelernt`,
      ` — Stufe ${p.tier}`,
      p.tags.length ? ` · ${p.tags.map((t) => `#${t}`).join(' ')}` : '',
      '.',
    ),
  followUpPlanned: (due, today) =>
    due <= today ? l`Heute nachfassen, solange das Gespräch frisch ist.` : l`Ich schlage das Nachfassen am ${day(due, today)} vor, solange das Gespräch frisch ist.`,
  noteKept: (note) => l`📝 Notiz: ${i(note)}`,
  askTier: () => l`Welche Stufe? Gespeichert ist B; zum Ändern tippen.`,
  dunbarWarning: (close, limit) =>
    l`⚠ Du pflegst jetzt ${String(close)} A- und B-Kontakte — mehr als die ~${String(limit)} engen Beziehungen, die ein Mensch halten kann. Stuf einige auf C herab.`,
  samePerson: (name, existing) =>
    line(
      'Du hast schon ',
      ...existing.flatMap((c, index) => [index > 0 ? ', ' : '', b(c.name), ` (Stufe ${c.tier}${c.place ? `, ${c.place}` : ''})`]),
      `. Ist ${name} dieselbe Person?`,
    ),
  sameButton: (c) => `Dieselbe: ${c.name}`,
  newContactButton: (name) => `Neuer Kontakt ${name}`,
  metAgain: (name, date, today) => l`✓ Treffen mit ${b(name)} ${date === today ? 'heute' : `am ${day(date, today)}`} eingetragen.`,
  added: (p) =>
    line('✓ ', b(p.name), ` hinzugefügt — Stufe ${p.tier}`, p.lastTalked ? `, zuletzt gesprochen am ${day(p.lastTalked, p.today)} (${ago(daysBetween(p.lastTalked, p.today))})` : '', '.'),
  noteAdded: (name, note) => l`📝 Notiz zu ${b(name)}: ${i(note)}`,
  tierSet: (name, before, after) =>
    before === after
      ? l`${b(name)} bleibt in Stufe ${after} (${TIER_MEANING[after]}).`
      : l`${b(name)} ist jetzt Stufe ${after} (${TIER_MEANING[after]}); vorher ${before}.`,
  cadenceSet: (contact, cadences, today) =>
    line(b(contact.name), `: alle ${days(cadenceDaysFor(contact, cadences) ?? 0)}. `, ...nextDueLine(contact, cadences, today)),
  alreadyArchived: (name) => l`${b(name)} ist schon archiviert.`,
  archived: (name) => l`🗄 ${b(name)} archiviert — bleibt gespeichert, wird aber nie mehr vorgeschlagen. ${code('/rückgängig')} holt den Kontakt zurück.`,
  confirmDelete: (name) => l`${b(name)} mit allen Notizen, Kontakten und Erinnerungen löschen?`,
  deleteButton: (name) => `${name} löschen`,
  deleted: (name) => l`🗑 ${b(name)} gelöscht. ${code('/rückgängig')} holt den Kontakt zurück.`,
  introSelf: (name) => l`${b(name)} kann nicht sich selbst vorgestellt werden.`,
  introLogged: (a, other, note) =>
    line('🤝 Du hast ', b(a), ' mit ', b(other), ' bekannt gemacht', note ? ' — ' : '', note ? i(note) : '', '. Zählt als Kontakt mit beiden.'),

  touchLogged: (p) =>
    line('✓ Eingetragen: ', KIND[p.kind], ' mit ', b(p.name), p.on === p.today ? ' heute' : ` am ${day(p.on, p.today)}`, p.note ? ' — ' : '', p.note ? i(p.note) : '', '.'),
  followUpDone: (stage, next, today) =>
    stage === 'first'
      ? l`Nachgefasst. Einen zweiten Kontakt schlage ich am ${next ? day(next.due, today) : 'Tag in zwei Wochen'} vor.`
      : l`Zweiter Kontakt erledigt. Als Nächstes: die Stufe bestätigen${next ? `, am ${day(next.due, today)}` : ''}.`,
  nextDue: nextDueLine,
  attemptLogged: (name, back, today) =>
    l`📵 Notiert: ${b(name)} nicht erreicht. Der Rhythmus bleibt; ich schlage den Kontakt am ${day(back, today)} wieder vor.`,
  snoozed: (name, until, today, promised) =>
    promised ? l`💤 ${b(name)} zurückgestellt — ich schlage den Kontakt am ${day(until, today)} wieder vor.` : l`💤 ${b(name)} zurückgestellt bis ${day(until, today)}.`,
  skipped: (name) => l`⏭ ${b(name)} für heute übersprungen.`,
  reminderSet: (name, due, note, today) =>
    line('⏰ Ich erinnere dich am ', day(due, today), ' an ', b(name), note ? ': ' : '', note ? i(note) : '', '.'),
  reminderQuestion: (text, due, today) => line('⏰ Die Erinnerung ', text ? i(`„${text}“`) : '', ` (${day(due, today)}) auch als erledigt markieren?`),
  reminderDoneButton: () => '✅ Ja, erledigt',
  reminderKeepButton: () => 'Offen lassen',
  reminderClosed: (text) => line('⏰ Erinnerung ', text ? i(`„${text}“`) : '', ' erledigt.'),
  reminderKept: () => l`Gut — die Erinnerung bleibt offen.`,
  reminderGone: () => l`Diese Erinnerung ist nicht mehr offen — nichts geändert.`,
  answerWho: (intent) =>
    l`Wen meinst du? Schreib z. B. ${code(`${ANSWER_WORDS[intent] ?? intent} Anna`)}.`,

  doneButton: (name) => `✅ Erledigt: ${name}`,
  noAnswerButton: () => '📵 Nicht erreicht',
  skipButton: () => '⏭ Überspringen',
  snoozeButton: (n) => (n % 7 === 0 ? `💤 ${n / 7} Wo.` : `💤 ${n} T.`),
  addButton: (name) => `${name} hinzufügen`,
  cancelButton: () => 'Abbrechen',
  keepButton: () => 'Behalten',
  archiveButton: () => 'Archivieren',
  stopReviewButton: () => 'Stopp',
  choiceLabel: (c) => `${c.name} (${c.tier}${c.place ? `, ${c.place}` : ''}${c.status === 'archived' ? ', archiviert' : ''})`,

  whichOne: (name, count) => l`${String(count)} Kontakte passen zu ${b(name)} — welcher?`,
  moreMatches: (n) => l`…und ${String(n)} weitere; schreib mehr vom Namen, um einzugrenzen.`,
  unknownName: (name) => l`${b(name)} kenne ich noch nicht.`,
  offerAdd: (name) => l`${name} als neuen Kontakt (Stufe B) anlegen?`,
  tryFind: () => l`Versuch ${code('/suche')} mit einem Teil des Namens, oder ${code('/liste')}.`,
  contactGone: () => l`Diesen Kontakt gibt es nicht mehr.`,
  questionExpired: () => l`Diese Frage ist nicht mehr offen — nichts wurde geändert.`,
  buttonUnknown: () => l`Diesen Knopf kenne ich nicht — nichts wurde geändert.`,
  nothingPending: () => l`Es gibt gerade keine offene Frage.`,
  pickAButton: () => l`Bitte wähle einen der Knöpfe oben.`,
  cancelled: () => l`OK, abgebrochen. Nichts wurde geändert.`,
  keptAsIs: (name) => l`OK, ${b(name)} bleibt, wie es ist.`,

  agendaReminder: (text, due, today) => line('⏰ ', text ? i(text) : 'Erinnerung', due < today ? ` (seit ${day(due, today)})` : ''),
  agendaPlace: (place, metOn, today) => l`📍 kennengelernt: ${place}${metOn ? ` (${day(metOn, today)})` : ''}`,
  lostWarning: (since) => l`⚠ ${String(since)} Tage ohne Kontakt — nach drei Monaten ist ein Kontakt so gut wie verloren.`,
  nobodyDue: () => l`Heute ist niemand fällig. 🎉`,
  nobodyOverdue: () => l`Niemand ist überfällig. 🎉`,
  upcoming: (name, on, inN, today) => l`Als Nächstes: ${b(name)} ${inDays(inN)} (${day(on, today)}).`,
  overdueFollowUps: (n) => l`${b(`Nachfassen (${n})`)}`,
  followUpEntry: (c, stage, today) => line('• ', b(c.name), ` — ${FOLLOW_UP[stage]}`, c.metOn ? ` (kennengelernt ${day(c.metOn, today)})` : ''),
  overdueReminders: (n) => l`${b(`Erinnerungen (${n})`)}`,
  reminderEntry: (name, text, due, today) => line('• ', b(name), ` — ${day(due, today)}`, text ? ': ' : '', text ? i(text) : ''),
  overdueTierHead: (tier, n) => l`${b(`Stufe ${tier} (${n})`)}`,
  overdueEntry: (name, since, over, lost) =>
    line('• ', b(name), since === null ? ' — noch kein Kontakt' : ` — seit ${daysDative(since)} kein Kontakt`, over > 0 ? `, ${days(over)} drüber` : ', heute fällig', lost ? ' ⚠' : ''),
  foundNone: (query) => l`Nichts gefunden für ${b(query)}.`,
  foundHead: (query, n) => l`${String(n)} Treffer für ${b(query)}:`,
  contactListEntry: (c, today) =>
    line(
      '• ',
      b(c.name),
      ` (${c.tier})`,
      c.company ? ` · ${c.company}` : '',
      c.place ? ` · ${c.place}` : '',
      ` · ${lastContact(c, today)}`,
      c.status === 'archived' ? ' · archiviert' : '',
    ),
  listTierHead: (tier, n) => l`${b(`Stufe ${tier} — ${TIER_MEANING[tier]} (${n})`)}`,
  listEmpty: () => l`Dein Netzwerk ist noch leer. Fang an mit ${code('/met Anna auf der Verbandstagung, Stufe A')}.`,
  listEmptyTier: (tiers) => l`Keine aktiven Kontakte in Stufe ${tiers}.`,
  contactCard: (c: Contact, h: { touches: Touch[]; notes: Note[]; reminders: Reminder[] }, cadences: TierCadences, today: LocalDate): RichText => [
    line(b(c.name), ` — Stufe ${c.tier} (${TIER_MEANING[c.tier]})`, c.status === 'archived' ? ' · archiviert' : ''),
    ...(c.company || c.role ? [line([c.role, c.company].filter(Boolean).join(' bei '))] : []),
    ...(c.place || c.metOn ? [line('📍 kennengelernt', c.place ? `: ${c.place}` : '', c.metOn ? ` am ${day(c.metOn, today)}` : '')] : []),
    line(`Letzter Kontakt: ${c.lastTouchOn ? `${day(c.lastTouchOn, today)} (${ago(daysSinceLastTouch(c, today) ?? 0)})` : 'noch keiner'}`),
    line(`Rhythmus: ${cadenceDaysFor(c, cadences) ? `alle ${days(cadenceDaysFor(c, cadences) ?? 0)}` : 'keiner'}. `, ...nextDueLine(c, cadences, today)),
    ...(c.followUp ? [line(`Nachfassen: ${FOLLOW_UP[c.followUp.stage]}, ${day(c.followUp.due, today)}`)] : []),
    ...(c.snoozedUntil && c.snoozedUntil > today ? [line(`💤 Zurückgestellt bis ${day(c.snoozedUntil, today)}`)] : []),
    ...(c.tags.length ? [line(c.tags.map((t) => `#${t}`).join(' '))] : []),
    ...(c.email || c.phone ? [line([c.email, c.phone].filter(Boolean).join(' · '))] : []),
    ...deLanguage.cardDetails(c),
    ...(h.notes.length ? [line(b('Notizen')), ...h.notes.slice(0, 5).map((n) => line('📝 ', i(n.text)))] : []),
    ...(h.reminders.length ? [line(b('Erinnerungen')), ...h.reminders.map((r) => line(`⏰ ${day(r.due, today)}`, r.text ? ': ' : '', r.text ? i(r.text) : ''))] : []),
    ...(h.touches.length
      ? [line(b('Verlauf')), ...h.touches.slice(0, 5).map((t) => line(`• ${day(t.on, today)} — ${KIND[t.kind]}`, sourceMark(t), t.note ? ': ' : '', t.note ? i(t.note) : ''))]
      : []),
  ],
  stats: (s: Stats, today: LocalDate): RichText => {
    const bars = '▁▂▃▄▅▆▇█';
    const max = Math.max(1, ...s.weeks.map((w) => w.touches));
    const spark = s.weeks.map((w) => bars[Math.min(bars.length - 1, Math.round((w.touches / max) * (bars.length - 1)))]).join('');
    return [
      line(b('Dein Netzwerk')),
      line(`Kontakte pro Woche (letzte ${s.weeks.length}, älteste zuerst): ${s.weeks.map((w) => w.touches).join(' · ')}  ${spark}`),
      line(`Diese Woche: ${s.touchesThisWeek} · im Schnitt ${s.averagePerWeek.toFixed(1).replace('.', ',')} pro Woche (seit ${day(s.weeks[0]?.weekStart ?? today, today)})`),
      line(
        s.shareOnA === null
          ? `Anteil A-Kontakte: noch keine Kontakte (Ziel ${percent(s.aimOnA)})`
          : `Anteil A-Kontakte: ${percent(s.shareOnA)} (Ziel ${percent(s.aimOnA)})${s.shareOnA < s.aimOnA ? ' — gib deinen A-Kontakten mehr Zeit' : ' ✓'}`,
      ),
      line(`Überfällig: A ${s.overdue.A} · B ${s.overdue.B}`),
      line(`Netzwerk: A ${s.network.A} · B ${s.network.B} · C ${s.network.C} · D ${s.network.D} · archiviert ${s.network.archived}`),
      line(`Enge Beziehungen (A+B): ${s.dunbar.close} von ~${s.dunbar.limit}${s.dunbar.over ? ' ⚠ mehr, als man pflegen kann' : ''}`),
    ];
  },

  reviewCard: (c: Contact, remaining: number, suggestion: ReviewSuggestion, today: LocalDate): RichText => [
    line(b(`Durchsicht — noch ${remaining}`)),
    line(b(c.name), ` (Stufe ${c.tier})`, c.place ? ` · ${c.place}` : '', ` · ${lastContact(c, today)}`),
    line(suggestion === 'archive' ? 'Vorschlag: archivieren — kein Potenzial oder lange still.' : 'Vorschlag: behalten; stimmt die Stufe noch?'),
  ],
  reviewApplied: (name: string, choice: ReviewChoice) =>
    choice === 'archive' ? l`🗄 ${b(name)} archiviert.` : choice === 'keep' ? l`✓ ${b(name)} behalten.` : l`✓ ${b(name)} ist jetzt Stufe ${choice}.`,
  reviewFinished: (n) => l`✓ Durchsicht fertig — ${String(n)} Kontakte geprüft. Die nächste ist in sechs Monaten.`,
  reviewStopped: () => l`Durchsicht unterbrochen. ${code('/durchsicht')} macht dort weiter.`,

  settingsOverview: (u: User, today: LocalDate, holidays: HolidaysShown): RichText => [
    line(b('Einstellungen')),
    line(`Erinnerung: ${u.nudgeTime} Uhr, ${weekdays(u.nudgeDays)}, ${u.nudgeCount} ${u.nudgeCount === 1 ? 'Person' : 'Personen'} pro Tag`),
    line(`Zeitzone: ${u.timeZone}${u.timeZoneSetByUser ? '' : ' (von deiner Plattform)'}`),
    line(`Sprache: Deutsch${u.languageSetByUser ? '' : ' (von deiner Plattform)'}`),
    line(`Rhythmus: A alle ${days(u.cadences.A)}, B alle ${days(u.cadences.B)}; C und D nie`),
    ...(u.pausedUntil && u.pausedUntil > today ? [deLanguage.pauseLine(u.pausedFrom, u.pausedUntil, today)] : []),
    line(
      'Feiertage: ',
      holidays.region === null ? 'keine' : `${holidays.name ?? holidays.region} (${holidays.region})`,
      holidays.derived ? ' (aus Zeitzone und Sprache)' : '',
    ),
    line('Ändern z. B. mit ', code('/einstellungen zeit 8:30'), ', ', code('/einstellungen tage mo-fr'), ', ', code('/einstellungen rhythmus A 45 Tage'), '.'),
  ],
  settingChanged: (c: SettingsChange) => {
    switch (c.key) {
      case 'time':
        return l`✓ Erinnerung um ${c.value ?? ''} Uhr.`;
      case 'timezone':
        return l`✓ Zeitzone: ${c.value ?? ''}.`;
      case 'days':
        return l`✓ Erinnerungstage: ${weekdays((c.value ?? '').split(',').map(Number))}.`;
      case 'count':
        return l`✓ ${c.value ?? ''} ${c.value === '1' ? 'Person' : 'Personen'} pro Tag.`;
      case 'language':
        return l`✓ Ab jetzt spreche ich Deutsch mit dir.`;
      case 'cadence':
        return l`✓ Stufe-${c.tier ?? ''}-Kontakte: alle ${days(c.cadenceDays ?? 0)}.`;
      default:
        return l`✓ Gespeichert.`;
    }
  },
  holidaysSet: (name, region, next, today) =>
    line(
      `✓ Feiertage von ${name} (${region}): an ihnen keine Erinnerung, und kein Datum, das ich vorschlage, fällt auf einen.`,
      next.length > 0 ? ` Die nächsten: ${next.map((h) => `${day(h.date, today)} ${h.name}`).join(', ')}.` : '',
    ),
  holidaysOff: () => l`✓ Keine Feiertage: Erinnerungen kommen an allen deinen Erinnerungstagen.`,
  unknownHolidayRegion: (got) =>
    l`Die Feiertagsregion ${b(got)} kenne ich nicht — nimm ein Länderkürzel wie ${code('DE')}, ${code('AT')} oder ${code('CH')}, mit Bundesland wie ${code('DE-BY')}, oder ${code('keine')}. Nichts geändert.`,
  paused: (until, today) => l`⏸ Erinnerungen pausiert bis ${day(until, today)}. ${code('/fortsetzen')} beendet die Pause früher.`,
  pausedRange: (from, last, today) =>
    l`⏸ Keine Erinnerungen von ${day(from, today)} bis einschließlich ${day(last, today)}; bis dahin kommen sie wie gewohnt. ${code('/fortsetzen')} hebt die Pause auf.`,
  resumed: () => l`▶ Erinnerungen laufen wieder.`,
  notPaused: () => l`Die Erinnerungen sind nicht pausiert.`,

  forwardWithoutSender: () => l`Ich sehe nicht, wer die weitergeleitete Nachricht geschrieben hat (die Privatsphäre-Einstellungen verbergen es). Trag es z. B. mit ${code('Anna geschrieben')} ein.`,
  confirmForget: (): RichText => [
    l`⚠ Damit löschst du ${b('alles')}, was keepwarm für dich speichert: alle Kontakte mit ihren Notizen, Gesprächen und Erinnerungen und deine Einstellungen. Das lässt sich nicht rückgängig machen.`,
    l`Zum Bestätigen tippe ${code('LÖSCHEN')}. Alles andere bricht ab.`,
  ],
  forgetWord: () => 'LÖSCHEN',
  forgotten: () => l`Alles ist gelöscht. Wenn du wieder schreibst, fängst du neu an.`,
  forgetCancelled: () => l`Nichts wurde gelöscht.`,
  undone: (label) => l`↩ Rückgängig gemacht: ${UNDO[label.key](label)}.`,
  nothingToUndo: () => l`Es gibt nichts rückgängig zu machen.`,

  welcome: (): RichText => [
    l`👋 ${b('keepwarm')} hält dein berufliches Netzwerk warm.`,
    l`Erzähl mir, wen du kennengelernt und mit wem du gesprochen hast; jeden Morgen nenne ich dir ein, zwei Menschen, die einen Anruf wert sind.`,
  ],
  ...deImport,
  ...deLanguage,
  ...deOccasions,
  ...deSources,
  helpOverview: deHelp.overview,
  helpTopic: deHelp.topic,
  ...deSlack,
  helpUnknown: (topic) => l`Zu ${b(topic)} gibt es keine Hilfe. ${code('/hilfe')} zeigt die Befehle.`,
};

function weekdays(daysOfWeek: number[]): string {
  const names = ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'];
  const key = daysOfWeek.join(',');
  if (key === '1,2,3,4,5') return 'Mo–Fr';
  if (key === '1,2,3,4,5,6,7') return 'täglich';
  return daysOfWeek.map((d) => names[d - 1] ?? '?').join(', ');
}
