/** English texts of the daily nudge and /today. */
import type { FollowUpStage } from '../core/contact.ts';
import type { EntryState } from '../core/nudge-choice.ts';
import type { NudgeEntryView } from '../core/nudge-model.ts';
import type { LocalDate, Tier } from '../core/types.ts';
import type { WeekSummary } from '../core/week-summary.ts';
import { formatDate, percent } from './format.ts';
import { b, code, i, l, line } from '../rich.ts';

const day = (date: LocalDate, today: LocalDate) => formatDate(date, 'en', today);
const ago = (days: number) => (days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`);

const STATE: Record<Exclude<EntryState, 'open'>, string> = {
  done: '✅ done',
  attempt: '📵 no answer — back in a few days',
  skipped: '⏭ skipped today',
  snoozed: '💤 snoozed',
  ignored: 'not answered',
};

export const enNudge = {
  nudgeGreeting: (kind: 'daily' | 'today', calls: number) =>
    kind === 'today'
      ? l`📞 ${calls === 0 ? 'Nobody to call right now.' : calls === 1 ? 'One person to contact now:' : `${calls} people to contact now:`}`
      : l`☀️ Good morning! ${calls === 0 ? '' : calls === 1 ? 'Your call for today:' : `Your ${calls} calls for today:`}`,
  weekLine: (w: WeekSummary) =>
    l`Last week: ${String(w.touches)} ${w.touches === 1 ? 'touch' : 'touches'}${w.shareOnA === null ? '' : `, ${percent(w.shareOnA)} on A contacts (aim 80 %)`}.`,
  pickHead: (index: number, v: NudgeEntryView) =>
    line(`${index}. `, b(v.name), ` (${v.tier}) — `, v.reason === 'reminder' ? 'reminder' : v.noContactYet ? 'no contact yet' : v.daysSince === 0 ? 'due today' : `last contact ${ago(v.daysSince)}`),
  answered: (v: NudgeEntryView, state: Exclude<EntryState, 'open'>, detail: string | undefined) =>
    line(b(v.name), ` — ${STATE[state]}`, detail ? ` (${detail})` : ''),
  followUpsHead: () => l`✍️ ${b('Quick follow-ups')} — a short note while it is fresh:`,
  followUpGroup: (place: string, names: string[]) => line(`• the ${names.length} people you met at `, b(place), ': ', names.join(', ')),
  followUpOne: (v: NudgeEntryView, today: LocalDate, stage: FollowUpStage) =>
    line(
      '• ',
      b(v.name),
      stage === 'second' ? ' — a second touch, two weeks on' : '',
      v.place ? ` (${v.place}${v.metOn ? `, ${day(v.metOn, today)}` : ''})` : v.metOn ? ` (met ${day(v.metOn, today)})` : '',
    ),
  tierQuestionsHead: () => l`🏷 ${b('Still the right tier?')}`,
  tierQuestion: (v: NudgeEntryView) => l`• ${b(v.name)} is tier ${v.tier} — tap to confirm or change.`,
  ignoredHead: () => l`🤔 ${b('Not contacted after three nudges')} — keep, move to C, or archive?`,
  ignoredQuestion: (v: NudgeEntryView) => l`• ${b(v.name)} (${v.tier})`,
  reviewInvite: () => l`🔎 Half a year since your last review — ${code('/review')} walks you through your network.`,
  followUpDoneButton: (name: string) => `✅ ${name}`,
  groupDoneButton: (place: string, n: number) => `✅ All ${n} · ${place}`,
  tierQuestionButton: (name: string, tier: Tier) => `${name}: ${tier}`,
  keepPersonButton: (name: string) => `Keep ${name}`,
  toCButton: (name: string) => `${name} → C`,
  archivePersonButton: (name: string) => `Archive ${name}`,
  whichOpen: (names: string[]) => l`Which one — ${names.join(' or ')}? Say e.g. ${code(`done ${names[0] ?? ''}`)}, or ${code('done both')}.`,
  bothButton: () => 'Both',
  allButton: (n: number) => `All ${n}`,
  groupDone: (n: number, place: string) => l`✅ Followed up with all ${String(n)} from ${place}.`,
  snoozedUntilDetail: (until: LocalDate, today: LocalDate) => `until ${day(until, today)}`,
  nextStepDetail: (due: LocalDate, today: LocalDate) => `next due ${day(due, today)}`,
  noteDetail: (note: string) => note,
  talkAbout: (note: string) => l`💬 talk about: ${i(note)}`,
};
