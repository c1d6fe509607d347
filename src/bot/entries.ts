/**
 * The mechanics of answering a nudge entry (docs/scheduler.md "Answers"): the
 * answer and its mark are written in the same change as what it does to the
 * contact, so one /undo takes both back; and the dates an answer promises
 * fall on the user's next nudge days, where the nudge can keep them.
 */
import { firstNudgeDay } from '../core/nudge-time.ts';
import type { EntryReason, EntryState } from '../core/nudge-choice.ts';
import type { EntryDetail } from '../core/nudge-model.ts';
import type { LocalDate } from '../core/types.ts';
import type { Change } from '../store/change.ts';
import { answerEntry } from '../store/nudges.ts';
import type { Ctx } from './context.ts';

/** The entry of a nudge (or a /today list) that an answer settles. */
export interface EntryRef {
  nudgeId: number;
  contactId: number;
  reason: EntryReason;
  /** The person's other open entries since this instant get the same mark (answers about a call only). */
  alsoSince?: string;
}

/** Records the answer on its entry, inside the change that carries it out. */
export async function markEntry(change: Change, entry: EntryRef | undefined, state: Exclude<EntryState, 'open'>, detail: EntryDetail | null): Promise<void> {
  if (entry) await answerEntry(change, entry.nudgeId, entry.contactId, state, detail, entry.alsoSince);
}

/**
 * Promise rule: the first nudge day on or after `date` — a working day of the
 * user's (their nudge days without public holidays) and not in a pause. A
 * date keepwarm promises is one the nudge can keep.
 */
export function nudgeDayFrom(ctx: Ctx, date: LocalDate): LocalDate {
  const schedule = { ...ctx.workdays, time: ctx.user.nudgeTime, timeZone: ctx.user.timeZone, pausedUntil: ctx.user.pausedUntil, pausedFrom: ctx.user.pausedFrom };
  return firstNudgeDay(schedule, date) ?? date;
}
