/** English replies. The keys and their parameters define every catalog (messages.ts). */
import { cadenceDaysFor, daysSinceLastTouch, nextDueOn } from '../core/cadence.ts';
import type { ContactFacts, FollowUp, FollowUpStage } from '../core/contact.ts';
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
import { enHelp } from './en-help.ts';
import { parseError } from './en-errors.ts';
import { enLanguage } from './en-language.ts';
import { enNudge } from './en-nudge.ts';
import { enImport } from './en-import.ts';
import { enOccasions } from './en-occasions.ts';
import { enSources } from './en-sources.ts';
import { enTelegram } from './en-telegram.ts';
import { enSlack } from './en-slack.ts';
import type { HolidaysShown, SettingsChange } from './help-topics.ts';

const day = (date: LocalDate, today: LocalDate) => formatDate(date, 'en', today);

function ago(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** The one wording of a contact's last contact in lists: a logged touch, or none yet. */
function lastContact(c: Contact, today: LocalDate): string {
  const since = daysSinceLastTouch(c, today);
  return since === null ? 'no contact yet' : `last contact ${ago(since)}`;
}

function inDays(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

const TIER_MEANING: Record<Tier, string> = {
  A: 'the most care',
  B: 'standard care',
  C: 'passive: never nudged',
  D: 'no potential: suggested for archiving at review',
};

const KIND: Record<TouchKind, string> = {
  met: 'a meeting',
  call: 'a call',
  meeting: 'a meeting',
  message: 'a message',
  email: 'an email',
  other: 'contact',
  attempt: 'an attempt',
  card: 'a holiday card',
};

const FOLLOW_UP: Record<FollowUpStage, string> = {
  first: 'follow up — you met recently',
  second: 'second touch — two weeks after the follow-up',
  tier: 'confirm the tier',
};

const UNDO: Record<UndoLabel['key'], (l: UndoLabel) => string> = {
  met: (x) => `new contact ${x.name}`,
  add: (x) => `added ${x.name}`,
  touch: (x) => `touch with ${x.name}`,
  attempt: (x) => `attempt to reach ${x.name}`,
  note: (x) => `note on ${x.name}`,
  tier: (x) => `tier of ${x.name}`,
  cadence: (x) => `cadence of ${x.name}`,
  snooze: (x) => `snooze of ${x.name}`,
  skip: (x) => `skip of ${x.name}`,
  remind: (x) => `reminder about ${x.name}`,
  archive: (x) => `archiving ${x.name}`,
  delete: (x) => `deleting ${x.name}`,
  intro: (x) => `introduction of ${x.name} to ${x.other}`,
  settings: () => 'settings change',
  pause: () => 'pause',
  resume: () => 'resume',
  review: (x) => `review of ${x.name}`,
  import: () => 'import',
  answer: (x) => `answer about ${x.name}`,
  reminderDone: () => 'reminder marked done',
  sync: (x) => `what ${x.name} logged by itself`,
  detail: (x) => `details of ${x.name}`,
  rename: (x) => `renaming ${x.other} to ${x.name}`,
  cards: (x) => `holiday cards ${x.name}`,
  birthday: (x) => `birthday of ${x.name}`,
  address: (x) => `address of ${x.name}`,
};

function nextDueLine(contact: ContactFacts, cadences: TierCadences, today: LocalDate): Line {
  const due = nextDueOn(contact, cadences);
  if (due === null) return l`${contact.tier === 'C' || contact.tier === 'D' ? `Tier ${contact.tier}: ${TIER_MEANING[contact.tier]}.` : ''}`;
  const left = daysBetween(today, due);
  if (left < 0) return l`Overdue since ${day(due, today)}.`;
  if (left === 0) return l`Due again today.`;
  return l`Next due ${day(due, today)} (${inDays(left)}).`;
}

/** "📅 from your calendar" after a touch a source logged (docs/sources.md). */
function sourceMark(t: Touch): string {
  return t.fromSource && (t.kind === 'meeting' || t.kind === 'email') ? ` · ${enSources.touchFromSource(t.kind)}` : '';
}

export const en = {
  ...enTelegram,
  lang: 'en' as 'en' | 'de',
  ...enNudge,
  internalError: () => l`Sorry — something went wrong on my side. Nothing was changed; please try again.`,
  cannotSaveNow: () => l`I cannot save right now — nothing was changed. Please try again in a few minutes.`,
  cannotSaveNowRetried: () => l`I cannot save right now — nothing was changed. I will take this message again by myself as soon as I can.`,
  tooFast: () => l`You are sending messages faster than I can answer them, so I skipped some. Give me a minute, then send again what I did not answer.`,
  parseError,

  // Contacts
  metSaved: (p: { name: string; tier: Tier; place: string | undefined; date: LocalDate; today: LocalDate; tags: string[] }) =>
    line(
      '✓ Met ',
      b(p.name),
      p.place ? ` at ${p.place}` : '',
      p.date === p.today ? ' today' : ` on ${day(p.date, p.today)}`,
      ` — tier ${p.tier}`,
      p.tags.length ? ` · ${p.tags.map((t) => `#${t}`).join(' ')}` : '',
      '.',
    ),
  followUpPlanned: (due: LocalDate, today: LocalDate) =>
    due <= today ? l`Follow up today, while the conversation is fresh.` : l`I'll suggest the follow-up on ${day(due, today)}, while the conversation is fresh.`,
  noteKept: (note: string) => l`📝 Note: ${i(note)}`,
  askTier: () => l`Which tier? I saved B; tap to change.`,
  dunbarWarning: (close: number, limit: number) =>
    l`⚠ You now keep ${String(close)} A and B contacts — more than the ~${String(limit)} close relationships anyone can keep. Consider moving some to C.`,
  samePerson: (name: string, existing: Contact[]) =>
    line(
      'You already have ',
      ...existing.flatMap((c, index) => [index > 0 ? ', ' : '', b(c.name), ` (tier ${c.tier}${c.place ? `, ${c.place}` : ''})`]),
      `. Is ${name} the same person?`,
    ),
  sameButton: (c: Contact) => `Same: ${c.name}`,
  newContactButton: (name: string) => `New contact ${name}`,
  metAgain: (name: string, date: LocalDate, today: LocalDate) =>
    l`✓ Logged a meeting with ${b(name)} ${date === today ? 'today' : `on ${day(date, today)}`}.`,
  added: (p: { name: string; tier: Tier; lastTalked: LocalDate | undefined; today: LocalDate }) =>
    line('✓ Added ', b(p.name), ` — tier ${p.tier}`, p.lastTalked ? `, last talked ${day(p.lastTalked, p.today)} (${ago(daysBetween(p.lastTalked, p.today))})` : '', '.'),
  noteAdded: (name: string, note: string) => l`📝 Note on ${b(name)}: ${i(note)}`,
  tierSet: (name: string, before: Tier, after: Tier) =>
    before === after
      ? l`${b(name)} stays tier ${after} (${TIER_MEANING[after]}).`
      : l`${b(name)} is now tier ${after} (${TIER_MEANING[after]}); was ${before}.`,
  cadenceSet: (contact: ContactFacts, cadences: TierCadences, today: LocalDate) =>
    line(b(contact.name), `: every ${days(cadenceDaysFor(contact, cadences) ?? 0)}. `, ...nextDueLine(contact, cadences, today)),
  alreadyArchived: (name: string) => l`${b(name)} is already archived.`,
  archived: (name: string) => l`🗄 ${b(name)} archived — kept, but never nudged or listed. ${code('/undo')} brings them back.`,
  confirmDelete: (name: string) => l`Delete ${b(name)} with all notes, touches and reminders?`,
  deleteButton: (name: string) => `Delete ${name}`,
  deleted: (name: string) => l`🗑 ${b(name)} deleted. ${code('/undo')} brings them back.`,
  introSelf: (name: string) => l`${b(name)} cannot be introduced to themselves.`,
  introLogged: (a: string, other: string, note: string | undefined) =>
    line('🤝 You introduced ', b(a), ' to ', b(other), note ? ' — ' : '', note ? i(note) : '', '. Counted as contact with both.'),

  // Touches and answers
  touchLogged: (p: { name: string; kind: TouchKind; on: LocalDate; note: string | null; today: LocalDate }) =>
    line('✓ Logged ', KIND[p.kind], ' with ', b(p.name), p.on === p.today ? ' today' : ` on ${day(p.on, p.today)}`, p.note ? ' — ' : '', p.note ? i(p.note) : '', '.'),
  followUpDone: (stage: FollowUpStage, next: FollowUp | null, today: LocalDate) =>
    stage === 'first'
      ? l`Follow-up done. I'll suggest a second touch on ${next ? day(next.due, today) : 'a day two weeks on'}.`
      : l`Second touch done. Next: confirm their tier${next ? ` on ${day(next.due, today)}` : ''}.`,
  nextDue: nextDueLine,
  attemptLogged: (name: string, back: LocalDate, today: LocalDate) =>
    l`📵 Noted: tried ${b(name)}, no answer. The cadence is unchanged; I'll suggest them again on ${day(back, today)}.`,
  snoozed: (name: string, until: LocalDate, today: LocalDate, promised: boolean) =>
    promised ? l`💤 ${b(name)} snoozed — I'll suggest them again on ${day(until, today)}.` : l`💤 ${b(name)} snoozed until ${day(until, today)}.`,
  skipped: (name: string) => l`⏭ Skipped ${b(name)} for today.`,
  reminderSet: (name: string, due: LocalDate, note: string | undefined, today: LocalDate) =>
    line('⏰ I will remind you about ', b(name), ` on ${day(due, today)}`, note ? ': ' : '', note ? i(note) : '', '.'),
  reminderQuestion: (text: string | null, due: LocalDate, today: LocalDate) =>
    line('⏰ Also mark the reminder ', text ? i(`'${text}'`) : '', ` (${day(due, today)}) as done?`),
  reminderDoneButton: () => '✅ Yes, done',
  reminderKeepButton: () => 'Keep it open',
  reminderClosed: (text: string | null) => line('⏰ Reminder ', text ? i(`'${text}'`) : '', ' done.'),
  reminderKept: () => l`OK — the reminder stays open.`,
  reminderGone: () => l`That reminder is no longer open — nothing was changed.`,
  answerWho: (intent: string) => l`Whom do you mean? Say e.g. ${code(`${intent === 'noanswer' ? 'no answer' : intent} Anna`)}.`,

  // Buttons
  doneButton: (name: string) => `✅ Done: ${name}`,
  noAnswerButton: () => '📵 No answer',
  skipButton: () => '⏭ Skip',
  snoozeButton: (n: number) => (n % 7 === 0 ? `💤 ${n / 7} wk` : `💤 ${n} d`),
  addButton: (name: string) => `Add ${name}`,
  cancelButton: () => 'Cancel',
  keepButton: () => 'Keep',
  archiveButton: () => 'Archive',
  stopReviewButton: () => 'Stop',
  choiceLabel: (c: Contact) => `${c.name} (${c.tier}${c.place ? `, ${c.place}` : ''}${c.status === 'archived' ? ', archived' : ''})`,

  // Questions
  whichOne: (name: string, count: number) => l`${String(count)} contacts match ${b(name)} — which one?`,
  moreMatches: (n: number) => l`…and ${String(n)} more; type more of the name to narrow it down.`,
  unknownName: (name: string) => l`I don't know ${b(name)} yet.`,
  offerAdd: (name: string) => l`Add ${name} as a new contact (tier B)?`,
  tryFind: () => l`Try ${code('/find')} with part of the name, or ${code('/list')}.`,
  contactGone: () => l`That contact no longer exists.`,
  questionExpired: () => l`That question is no longer open — nothing was changed.`,
  buttonUnknown: () => l`I don't know that button — nothing was changed.`,
  nothingPending: () => l`There is no open question to answer.`,
  pickAButton: () => l`Please pick one of the buttons above.`,
  cancelled: () => l`OK, cancelled. Nothing was changed.`,
  keptAsIs: (name: string) => l`OK, ${b(name)} stays as is.`,

  // Views
  agendaReminder: (text: string | null, due: LocalDate, today: LocalDate) => line('⏰ ', text ? i(text) : 'reminder', due < today ? ` (since ${day(due, today)})` : ''),
  agendaPlace: (place: string, metOn: LocalDate | null, today: LocalDate) => l`📍 met at ${place}${metOn ? ` (${day(metOn, today)})` : ''}`,
  lostWarning: (since: number) => l`⚠ ${String(since)} days without contact — after 3 months a contact is as good as lost.`,
  nobodyDue: () => l`Nobody is due today. 🎉`,
  nobodyOverdue: () => l`Nobody is overdue. 🎉`,
  upcoming: (name: string, on: LocalDate, inN: number, today: LocalDate) => l`Next: ${b(name)} ${inDays(inN)} (${day(on, today)}).`,
  overdueFollowUps: (n: number) => l`${b(`Follow-ups (${n})`)}`,
  followUpEntry: (c: ContactFacts, stage: FollowUpStage, today: LocalDate) =>
    line('• ', b(c.name), ` — ${FOLLOW_UP[stage]}`, c.metOn ? ` (met ${day(c.metOn, today)})` : ''),
  overdueReminders: (n: number) => l`${b(`Reminders (${n})`)}`,
  reminderEntry: (name: string, text: string | null, due: LocalDate, today: LocalDate) =>
    line('• ', b(name), ` — ${day(due, today)}`, text ? ': ' : '', text ? i(text) : ''),
  overdueTierHead: (tier: 'A' | 'B', n: number) => l`${b(`Tier ${tier} (${n})`)}`,
  overdueEntry: (name: string, since: number | null, over: number, lost: boolean) =>
    line('• ', b(name), since === null ? ' — no contact yet' : ` — ${days(since)} since contact`, over > 0 ? `, ${days(over)} over` : ', due today', lost ? ' ⚠' : ''),
  foundNone: (query: string) => l`Nothing found for ${b(query)}.`,
  foundHead: (query: string, n: number) => l`${String(n)} found for ${b(query)}:`,
  contactListEntry: (c: Contact, today: LocalDate) =>
    line(
      '• ',
      b(c.name),
      ` (${c.tier})`,
      c.company ? ` · ${c.company}` : '',
      c.place ? ` · ${c.place}` : '',
      ` · ${lastContact(c, today)}`,
      c.status === 'archived' ? ' · archived' : '',
    ),
  listTierHead: (tier: Tier, n: number) => l`${b(`Tier ${tier} — ${TIER_MEANING[tier]} (${n})`)}`,
  listEmpty: () => l`Your network is empty. Start with ${code('/met Anna at Verbandstagung, tier A')}.`,
  listEmptyTier: (tiers: string) => l`No active contacts in tier ${tiers}.`,
  contactCard: (c: Contact, h: { touches: Touch[]; notes: Note[]; reminders: Reminder[] }, cadences: TierCadences, today: LocalDate): RichText => [
    line(b(c.name), ` — tier ${c.tier} (${TIER_MEANING[c.tier]})`, c.status === 'archived' ? ' · archived' : ''),
    ...(c.company || c.role ? [line([c.role, c.company].filter(Boolean).join(' at '))] : []),
    ...(c.place || c.metOn ? [line('📍 met', c.place ? ` at ${c.place}` : '', c.metOn ? ` on ${day(c.metOn, today)}` : '')] : []),
    line(`Last contact: ${c.lastTouchOn ? `${day(c.lastTouchOn, today)} (${ago(daysSinceLastTouch(c, today) ?? 0)})` : 'none yet'}`),
    line(`Cadence: ${cadenceDaysFor(c, cadences) ? `every ${days(cadenceDaysFor(c, cadences) ?? 0)}` : 'none'}. `, ...nextDueLine(c, cadences, today)),
    ...(c.followUp ? [line(`Follow-up: ${FOLLOW_UP[c.followUp.stage]}, ${day(c.followUp.due, today)}`)] : []),
    ...(c.snoozedUntil && c.snoozedUntil > today ? [line(`💤 Snoozed until ${day(c.snoozedUntil, today)}`)] : []),
    ...(c.tags.length ? [line(c.tags.map((t) => `#${t}`).join(' '))] : []),
    ...(c.email || c.phone ? [line([c.email, c.phone].filter(Boolean).join(' · '))] : []),
    ...enLanguage.cardDetails(c),
    ...(h.notes.length ? [line(b('Notes')), ...h.notes.slice(0, 5).map((n) => line('📝 ', i(n.text)))] : []),
    ...(h.reminders.length ? [line(b('Reminders')), ...h.reminders.map((r) => line(`⏰ ${day(r.due, today)}`, r.text ? ': ' : '', r.text ? i(r.text) : ''))] : []),
    ...(h.touches.length
      ? [line(b('History')), ...h.touches.slice(0, 5).map((t) => line(`• ${day(t.on, today)} — ${KIND[t.kind]}`, sourceMark(t), t.note ? ': ' : '', t.note ? i(t.note) : ''))]
      : []),
  ],
  stats: (s: Stats, today: LocalDate): RichText => {
    const bars = '▁▂▃▄▅▆▇█';
    const max = Math.max(1, ...s.weeks.map((w) => w.touches));
    const spark = s.weeks.map((w) => bars[Math.min(bars.length - 1, Math.round((w.touches / max) * (bars.length - 1)))]).join('');
    return [
      line(b('Your network')),
      line(`Touches per week (last ${s.weeks.length}, oldest first): ${s.weeks.map((w) => w.touches).join(' · ')}  ${spark}`),
      line(`This week: ${s.touchesThisWeek} · average ${s.averagePerWeek.toFixed(1)} a week (since ${day(s.weeks[0]?.weekStart ?? today, today)})`),
      line(
        s.shareOnA === null
          ? `Share on A contacts: no touches yet (aim ${percent(s.aimOnA)})`
          : `Share on A contacts: ${percent(s.shareOnA)} (aim ${percent(s.aimOnA)})${s.shareOnA < s.aimOnA ? ' — give your A contacts more of your time' : ' ✓'}`,
      ),
      line(`Overdue: A ${s.overdue.A} · B ${s.overdue.B}`),
      line(`Network: A ${s.network.A} · B ${s.network.B} · C ${s.network.C} · D ${s.network.D} · archived ${s.network.archived}`),
      line(`Close relationships (A+B): ${s.dunbar.close} of ~${s.dunbar.limit}${s.dunbar.over ? ' ⚠ more than anyone can keep warm' : ''}`),
    ];
  },

  // Review
  reviewCard: (c: Contact, remaining: number, suggestion: ReviewSuggestion, today: LocalDate): RichText => [
    line(b(`Review — ${remaining} to go`)),
    line(b(c.name), ` (tier ${c.tier})`, c.place ? ` · ${c.place}` : '', ` · ${lastContact(c, today)}`),
    line(suggestion === 'archive' ? 'Suggestion: archive — no potential or long silent.' : 'Suggestion: keep; is the tier still right?'),
  ],
  reviewApplied: (name: string, choice: ReviewChoice) =>
    choice === 'archive' ? l`🗄 ${b(name)} archived.` : choice === 'keep' ? l`✓ ${b(name)} kept.` : l`✓ ${b(name)} is now tier ${choice}.`,
  reviewFinished: (n: number) => l`✓ Review finished — ${String(n)} contacts checked. The next review is in six months.`,
  reviewStopped: () => l`Review paused. ${code('/review')} continues where you stopped.`,

  // Settings
  settingsOverview: (u: User, today: LocalDate, holidays: HolidaysShown): RichText => [
    line(b('Settings')),
    line(`Nudge: ${u.nudgeTime} on ${weekdays(u.nudgeDays)}, ${u.nudgeCount} ${u.nudgeCount === 1 ? 'person' : 'people'} a day`),
    line(`Time zone: ${u.timeZone}${u.timeZoneSetByUser ? '' : ' (from your platform)'}`),
    line(`Language: English${u.languageSetByUser ? '' : ' (from your platform)'}`),
    line(`Cadence: A every ${days(u.cadences.A)}, B every ${days(u.cadences.B)}; C and D are never nudged`),
    ...(u.pausedUntil && u.pausedUntil > today ? [enLanguage.pauseLine(u.pausedFrom, u.pausedUntil, today)] : []),
    line(
      'Public holidays: ',
      holidays.region === null ? 'none' : `${holidays.name ?? holidays.region} (${holidays.region})`,
      holidays.derived ? ' (from your time zone and language)' : '',
    ),
    line('Change with e.g. ', code('/settings time 8:30'), ', ', code('/settings days mon-fri'), ', ', code('/settings cadence A 45 days'), '.'),
  ],
  settingChanged: (c: SettingsChange) => {
    switch (c.key) {
      case 'time':
        return l`✓ Nudge time: ${c.value ?? ''}.`;
      case 'timezone':
        return l`✓ Time zone: ${c.value ?? ''}.`;
      case 'days':
        return l`✓ Nudge days: ${weekdays((c.value ?? '').split(',').map(Number))}.`;
      case 'count':
        return l`✓ ${c.value ?? ''} ${c.value === '1' ? 'person' : 'people'} a day.`;
      case 'language':
        return l`✓ I'll speak English with you.`;
      case 'cadence':
        return l`✓ Tier ${c.tier ?? ''} contacts: every ${days(c.cadenceDays ?? 0)}.`;
      default:
        return l`✓ Saved.`;
    }
  },
  holidaysSet: (name: string, region: string, next: { date: LocalDate; name: string }[], today: LocalDate) =>
    line(
      `✓ Public holidays of ${name} (${region}): no nudge on them, and no date I suggest falls on one.`,
      next.length > 0 ? ` Next: ${next.map((h) => `${day(h.date, today)} ${h.name}`).join(', ')}.` : '',
    ),
  holidaysOff: () => l`✓ No public holidays: nudges come on all your nudge days.`,
  unknownHolidayRegion: (got: string) =>
    l`I don't know the holiday region ${b(got)} — use a country code like ${code('DE')}, ${code('AT')} or ${code('NZ')}, with a state like ${code('DE-BY')}, or ${code('none')}. Nothing was changed.`,
  paused: (until: LocalDate, today: LocalDate) => l`⏸ Nudges paused until ${day(until, today)}. ${code('/resume')} ends the pause early.`,
  /** A pause that starts later; `last` is its last day without a nudge. */
  pausedRange: (from: LocalDate, last: LocalDate, today: LocalDate) =>
    l`⏸ No nudges from ${day(from, today)} through ${day(last, today)}; until then they come as usual. ${code('/resume')} cancels the pause.`,
  resumed: () => l`▶ Nudges resumed.`,
  notPaused: () => l`Nudges are not paused.`,

  // Data
  forwardWithoutSender: () => l`I can't see who wrote the forwarded message (their privacy settings hide it). Log it with e.g. ${code('messaged Anna')}.`,
  confirmForget: (): RichText => [
    l`⚠ This erases ${b('everything')} keepwarm holds for you: all contacts, notes, touches, reminders and settings. It cannot be undone.`,
    l`To confirm, type ${code('ERASE')}. Anything else cancels.`,
  ],
  forgetWord: () => 'ERASE',
  forgotten: () => l`Everything is erased. If you write again, you start fresh.`,
  forgetCancelled: () => l`Nothing was erased.`,
  undone: (label: UndoLabel) => l`↩ Undone: ${UNDO[label.key](label)}.`,
  nothingToUndo: () => l`There is nothing to undo.`,

  // Help
  welcome: (): RichText => [
    l`👋 ${b('keepwarm')} keeps your professional network warm.`,
    l`Tell me whom you met and whom you talked to; every morning I name one or two people worth calling today.`,
  ],
  ...enImport,
  ...enLanguage,
  ...enOccasions,
  ...enSources,
  helpOverview: enHelp.overview,
  helpTopic: enHelp.topic,
  ...enSlack,
  helpUnknown: (topic: string) => l`There is no help on ${b(topic)}. ${code('/help')} lists the commands.`,
};

function weekdays(daysOfWeek: number[]): string {
  const names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const key = daysOfWeek.join(',');
  if (key === '1,2,3,4,5') return 'Mon–Fri';
  if (key === '1,2,3,4,5,6,7') return 'every day';
  return daysOfWeek.map((d) => names[d - 1] ?? '?').join(', ');
}
