/** English texts of the daily nudge and /today. */
import type { FollowUpStage } from '../core/contact.ts';
import type { EntryState } from '../core/nudge-choice.ts';
import type { EntryDetail, NudgeEntryView } from '../core/nudge-model.ts';
import type { LocalDate, Tier } from '../core/types.ts';
import type { WeekSummary } from '../core/week-summary.ts';
import { formatDate, percent } from './format.ts';
import { b, code, i, l, line } from '../rich.ts';

const day = (date: LocalDate, today: LocalDate) => formatDate(date, 'en', today);
const ago = (days: number) => (days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`);
const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** Why a call is in the list — the reason line that also explains the order (docs/scheduler.md). */
function reasonOf(v: NudgeEntryView): string {
  const last = v.noContactYet ? 'no contact yet' : `last contact ${ago(v.daysSince)}`;
  switch (v.reason) {
    case 'reminder':
      return 'reminder';
    case 'back':
      return `back as promised · ${last}`;
    case 'early':
      return v.overdueDays !== undefined ? `early — due in ${days(-v.overdueDays)} · ${last}` : `early · ${last}`;
    default:
      if (v.overdueDays === undefined) return v.daysSince === 0 && !v.noContactYet ? 'due today' : last;
      return v.overdueDays === 0 ? `due today · ${last}` : `${days(v.overdueDays)} overdue · ${last}`;
  }
}

/** The one mark an answered person gets in the redrawn message. */
function mark(v: NudgeEntryView, state: Exclude<EntryState, 'open'>, d: EntryDetail | undefined, today: LocalDate): string {
  switch (state) {
    case 'done':
      if (d?.nextStage === 'second' && d.nextDue) return `✅ done (second touch ${day(d.nextDue, today)})`;
      if (d?.nextStage === 'tier' && d.nextDue) return `✅ done (tier question ${day(d.nextDue, today)})`;
      return d?.nextDue ? `✅ done (next due ${day(d.nextDue, today)})` : '✅ done';
    case 'attempt':
      return d?.until ? `📵 no answer — back ${day(d.until, today)}` : '📵 no answer';
    case 'snoozed':
      return d?.until ? `💤 snoozed until ${day(d.until, today)}` : '💤 snoozed';
    case 'skipped':
      return d?.until ? `⏭ skipped — back ${day(d.until, today)}` : '⏭ skipped today';
    case 'tiered':
      return d?.tier === undefined ? '🏷 tier answered' : d.tierChanged ? `🏷 now tier ${d.tier}` : `🏷 tier ${d.tier} confirmed`;
    case 'kept':
      return v.reason === 'stale' ? '🔁 still following up' : '👍 kept';
    case 'archived':
      return '🗄 archived';
    case 'dropped':
      return '✖ follow-up dropped';
    case 'ignored':
      return 'not answered';
  }
}

export const enNudge = {
  nudgeGreeting: (kind: 'daily' | 'today', calls: number) =>
    kind === 'today'
      ? l`📞 ${calls === 0 ? 'Nobody to call right now.' : calls === 1 ? 'One person to contact now:' : `${calls} people to contact now:`}`
      : l`☀️ Good morning! ${calls === 0 ? '' : calls === 1 ? 'Your call for today:' : `Your ${calls} calls for today:`}`,
  weekLine: (w: WeekSummary) =>
    l`Last week: ${String(w.touches)} ${w.touches === 1 ? 'touch' : 'touches'}${w.shareOnA === null ? '' : `, ${percent(w.shareOnA)} on A contacts (aim 80 %)`}.`,
  pickHead: (index: number, v: NudgeEntryView) => line(`${index}. `, b(v.name), ` (${v.tier}) — `, reasonOf(v)),
  answered: (v: NudgeEntryView, state: Exclude<EntryState, 'open'>, detail: EntryDetail | undefined, today: LocalDate) =>
    line(b(v.name), ` — ${mark(v, state, detail, today)}`),
  followUpsHead: () => l`✍️ ${b('Quick follow-ups')} — a short note while it is fresh:`,
  followUpGroup: (place: string, names: string[]) => line(`• the ${names.length} people you met at `, b(place), ': ', names.join(', ')),
  followUpOne: (v: NudgeEntryView, today: LocalDate, stage: FollowUpStage) =>
    line(
      '• ',
      b(v.name),
      stage === 'second' ? ' — a second touch, two weeks on' : '',
      v.place ? ` (${v.place}${v.metOn ? `, ${day(v.metOn, today)}` : ''})` : v.metOn ? ` (met ${day(v.metOn, today)})` : '',
      v.late && v.followUpDue ? ` — ⏰ late, due ${day(v.followUpDue, today)}` : '',
    ),
  tierQuestionsHead: () => l`🏷 ${b('Still the right tier?')}`,
  tierQuestion: (v: NudgeEntryView) => l`• ${b(v.name)} is tier ${v.tier} — tap to confirm or change.`,
  staleHead: () => l`🤔 ${b('Still follow up?')} Two weeks late — without an answer I'll drop it:`,
  staleQuestion: (v: NudgeEntryView, today: LocalDate) =>
    line('• ', b(v.name), v.place ? ` (${v.place}${v.metOn ? `, ${day(v.metOn, today)}` : ''})` : v.metOn ? ` (met ${day(v.metOn, today)})` : '', v.followUpDue ? ` — due ${day(v.followUpDue, today)}` : ''),
  staleKeepButton: (name: string) => `🔁 Still follow up ${name}`,
  staleDropButton: () => '✖ Drop it',
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
  alreadyAnswered: (v: NudgeEntryView, state: Exclude<EntryState, 'open'>, detail: EntryDetail | undefined, today: LocalDate) =>
    line('Already answered — ', b(v.name), `: ${mark(v, state, detail, today)}. Nothing was changed.`),
  staleKept: (name: string) => l`🔁 OK — I'll keep suggesting the follow-up with ${b(name)}.`,
  staleDropped: (name: string, tier: Tier) => l`✖ OK — no follow-up for ${b(name)}; they stay in your network as tier ${tier}.`,
  consoleNumberExpired: (n: number) => l`Number ${String(n)} belonged to a list that has expired — nothing was changed. ${code('/today')} shows who is due now.`,
  talkAbout: (note: string) => l`💬 talk about: ${i(note)}`,
};
