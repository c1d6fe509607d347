/** Deutsche Texte der täglichen Erinnerung und von /today. */
import type { EntryState } from '../core/nudge-choice.ts';
import type { EntryDetail, NudgeEntryView } from '../core/nudge-model.ts';
import type { LocalDate } from '../core/types.ts';
import { formatDate, percent } from './format.ts';
import { b, code, i, l, line } from '../rich.ts';
import type { enNudge } from './en-nudge.ts';

const day = (date: LocalDate, today: LocalDate) => formatDate(date, 'de', today);
const ago = (days: number) => (days <= 0 ? 'heute' : days === 1 ? 'gestern' : `vor ${days} Tagen`);
const tage = (n: number) => (n === 1 ? '1 Tag' : `${n} Tage`);
const tagen = (n: number) => (n === 1 ? '1 Tag' : `${n} Tagen`);

function reasonOf(v: NudgeEntryView): string {
  const last = v.noContactYet ? 'noch kein Kontakt' : `letzter Kontakt ${ago(v.daysSince)}`;
  switch (v.reason) {
    case 'reminder':
      return 'Erinnerung';
    case 'back':
      return `wieder dran wie versprochen · ${last}`;
    case 'early':
      return v.overdueDays !== undefined ? `vorgezogen — fällig in ${tagen(-v.overdueDays)} · ${last}` : `vorgezogen · ${last}`;
    default:
      if (v.overdueDays === undefined) return v.daysSince === 0 && !v.noContactYet ? 'heute fällig' : last;
      return v.overdueDays === 0 ? `heute fällig · ${last}` : `${tage(v.overdueDays)} überfällig · ${last}`;
  }
}

function mark(v: NudgeEntryView, state: Exclude<EntryState, 'open'>, d: EntryDetail | undefined, today: LocalDate): string {
  switch (state) {
    case 'done':
      if (d?.nextStage === 'second' && d.nextDue) return `✅ erledigt (zweiter Kontakt ${day(d.nextDue, today)})`;
      if (d?.nextStage === 'tier' && d.nextDue) return `✅ erledigt (Stufenfrage ${day(d.nextDue, today)})`;
      return d?.nextDue ? `✅ erledigt (wieder fällig ${day(d.nextDue, today)})` : '✅ erledigt';
    case 'attempt':
      return d?.until ? `📵 nicht erreicht — wieder dran ${day(d.until, today)}` : '📵 nicht erreicht';
    case 'snoozed':
      return d?.until ? `💤 zurückgestellt bis ${day(d.until, today)}` : '💤 zurückgestellt';
    case 'skipped':
      return d?.until ? `⏭ übersprungen — wieder dran ${day(d.until, today)}` : '⏭ heute übersprungen';
    case 'tiered':
      return d?.tier === undefined ? '🏷 Stufe beantwortet' : d.tierChanged ? `🏷 jetzt Stufe ${d.tier}` : `🏷 Stufe ${d.tier} bestätigt`;
    case 'kept':
      return v.reason === 'stale' ? '🔁 weiter nachfassen' : '👍 behalten';
    case 'archived':
      return '🗄 archiviert';
    case 'dropped':
      return '✖ Nachfassen gestrichen';
    case 'ignored':
      return 'nicht beantwortet';
  }
}

export const deNudge: typeof enNudge = {
  nudgeGreeting: (kind, calls) =>
    kind === 'today'
      ? l`📞 ${calls === 0 ? 'Gerade ist niemand dran.' : calls === 1 ? 'Jetzt eine Person anrufen:' : `Jetzt ${calls} Personen anrufen:`}`
      : l`☀️ Guten Morgen! ${calls === 0 ? '' : calls === 1 ? 'Dein Anruf für heute:' : `Deine ${calls} Anrufe für heute:`}`,
  weekLine: (w) =>
    l`Letzte Woche: ${String(w.touches)} ${w.touches === 1 ? 'Kontakt' : 'Kontakte'}${w.shareOnA === null ? '' : `, ${percent(w.shareOnA)} mit A-Kontakten (Ziel 80 %)`}.`,
  pickHead: (index, v) => line(`${index}. `, b(v.name), ` (${v.tier}) — `, reasonOf(v)),
  answered: (v, state, detail, today) => line(b(v.name), ` — ${mark(v, state, detail, today)}`),
  followUpsHead: () => l`✍️ ${b('Kurz nachfassen')} — eine kurze Nachricht, solange es frisch ist:`,
  followUpGroup: (place, names) => line(`• die ${names.length} Personen von `, b(place), ': ', names.join(', ')),
  followUpOne: (v, today, stage) =>
    line(
      '• ',
      b(v.name),
      stage === 'second' ? ' — ein zweiter Kontakt, zwei Wochen später' : '',
      v.place ? ` (${v.place}${v.metOn ? `, ${day(v.metOn, today)}` : ''})` : v.metOn ? ` (kennengelernt ${day(v.metOn, today)})` : '',
      v.late && v.followUpDue ? ` — ⏰ verspätet, fällig war ${day(v.followUpDue, today)}` : '',
    ),
  tierQuestionsHead: () => l`🏷 ${b('Stimmt die Stufe noch?')}`,
  tierQuestion: (v) => l`• ${b(v.name)} ist Stufe ${v.tier} — zum Bestätigen oder Ändern tippen.`,
  staleHead: () => l`🤔 ${b('Noch nachfassen?')} Zwei Wochen überfällig — ohne Antwort streiche ich es:`,
  staleQuestion: (v, today) =>
    line('• ', b(v.name), v.place ? ` (${v.place}${v.metOn ? `, ${day(v.metOn, today)}` : ''})` : v.metOn ? ` (kennengelernt ${day(v.metOn, today)})` : '', v.followUpDue ? ` — fällig war ${day(v.followUpDue, today)}` : ''),
  staleKeepButton: (name) => `🔁 Weiter nachfassen: ${name}`,
  staleDropButton: () => '✖ Streichen',
  ignoredHead: () => l`🤔 ${b('Nach drei Erinnerungen nicht kontaktiert')} — behalten, auf C setzen oder archivieren?`,
  ignoredQuestion: (v) => l`• ${b(v.name)} (${v.tier})`,
  reviewInvite: () => l`🔎 Deine letzte Durchsicht ist ein halbes Jahr her — ${code('/durchsicht')} geht dein Netzwerk mit dir durch.`,
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
  alreadyAnswered: (v, state, detail, today) => line('Schon beantwortet — ', b(v.name), `: ${mark(v, state, detail, today)}. Nichts geändert.`),
  staleKept: (name) => l`🔁 Gut — ich schlage das Nachfassen bei ${b(name)} weiter vor.`,
  staleDropped: (name, tier) => l`✖ Gut — kein Nachfassen bei ${b(name)}; bleibt als Stufe ${tier} in deinem Netzwerk.`,
  consoleNumberExpired: (n) => l`Die Nummer ${String(n)} gehörte zu einer abgelaufenen Liste — nichts geändert. ${code('/heute')} zeigt, wer jetzt dran ist.`,
  talkAbout: (note) => l`💬 Gesprächsthema: ${i(note)}`,
};
