/**
 * Composing nudges: the same choice for the morning message and for /today,
 * for one user or a batch of thousands sharing a local date.
 */
import type { Kysely, Transaction } from 'kysely';
import { rankAgenda, type AgendaItem } from '../core/agenda.ts';
import { addDays, isoWeekday, startOfIsoWeek } from '../core/dates.ts';
import { chooseNudge, type NudgeChoice } from '../core/nudge-choice.ts';
import { buildNudgeModel, type NudgeModel } from '../core/nudge-model.ts';
import { isReviewDue, reviewDueOn } from '../core/review.ts';
import type { LocalDate } from '../core/types.ts';
import { lastWeekSummary } from '../core/week-summary.ts';
import { latestNotesOf, loadNudgeInputs, touchesWithTier, type NudgeInputs } from '../store/nudge-inputs.ts';
import type { DB } from '../store/schema.ts';
import { sourceDigests } from './source-digest.ts';
import type { User } from '../store/users.ts';
import { addBirthdays } from './birthdays.ts';
import { addDueHooks } from './hooks.ts';

export interface ComposedNudge {
  model: NudgeModel;
  choice: NudgeChoice;
  agenda: AgendaItem[];
}

/** Review rule for the nudge: invite once per due review, not every morning. */
function shouldInviteToReview(user: User, today: LocalDate): boolean {
  if (!isReviewDue(user.lastReviewOn, user.createdOn, today)) return false;
  return user.reviewInvitedOn === null || user.reviewInvitedOn < reviewDueOn(user.lastReviewOn, user.createdOn);
}

/**
 * Who one user's nudge names: the ranked agenda cut by the choice rules. A
 * promised return counts as kept once a nudge on or after its day named them.
 */
function chooseFor(input: NudgeInputs, user: User, today: LocalDate, count: number): { choice: NudgeChoice; agenda: AgendaItem[] } {
  const lastNamed = new Map<number, LocalDate>();
  for (const [id, entries] of input.history.recent) if (entries[0]) lastNamed.set(id, entries[0].date);
  const agenda = rankAgenda(input.contacts, input.reminders, user.cadences, today, { lastNamed });
  return { choice: chooseNudge(agenda, count, input.history), agenda };
}

/**
 * The nudges (or /today lists) of `users` for `today`: whom each names, then
 * the lines around them — notes to talk about, Monday's week line, the review
 * invitation. A further kind of line is one more step here, fed in batch.
 */
export async function composeNudges(
  db: Kysely<DB> | Transaction<DB>,
  users: User[],
  today: LocalDate,
  kind: NudgeModel['kind'],
  countOf: (user: User) => number,
): Promise<Map<number, ComposedNudge>> {
  const ids = users.map((u) => u.id);
  const inputs = await loadNudgeInputs(db, ids, today);
  await addDueHooks(db, inputs, today);
  const chosen = new Map<number, { choice: NudgeChoice; agenda: AgendaItem[] }>();
  const named: number[] = [];
  for (const user of users) {
    const input = inputs.get(user.id);
    if (!input) continue;
    const entry = chooseFor(input, user, today, countOf(user));
    chosen.set(user.id, entry);
    for (const item of [...entry.choice.picks, ...entry.choice.followUps]) named.push(item.contact.id);
  }
  const notes = await latestNotesOf(db, ids, named);
  const monday = kind === 'daily' && isoWeekday(today) === 1;
  const weekStart = addDays(startOfIsoWeek(today), -7);
  const weeks = monday ? await touchesWithTier(db, ids, weekStart, addDays(weekStart, 6)) : new Map();
  // Calendars and mailboxes: the morning's "🔄 logged by themselves" and "📅 today" lines.
  const digests = kind === 'daily' ? await sourceDigests(db, users, today) : new Map();

  const composed = new Map<number, ComposedNudge>();
  for (const user of users) {
    const entry = chosen.get(user.id);
    if (!entry) continue;
    const week = monday ? weeks.get(user.id) : undefined;
    const model = buildNudgeModel({
      kind,
      date: today,
      choice: entry.choice,
      notes,
      ...(monday ? { week: lastWeekSummary(week?.contacts ?? [], week?.touches ?? [], today) } : {}),
      reviewInvite: kind === 'daily' && shouldInviteToReview(user, today),
      agenda: entry.agenda,
    });
    const digest = digests.get(user.id);
    composed.set(user.id, { model: digest ? { ...model, sources: digest } : model, ...entry });
  }
  await addBirthdays(db, users, composed, today, kind);
  return composed;
}
