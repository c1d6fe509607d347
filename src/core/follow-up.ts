/**
 * The follow-up track of a new acquaintance from /met (docs/design.md §1): follow up
 * within 48 hours while the conversation is fresh (due the day after meeting),
 * a second touch two weeks later, then one question to confirm or change the
 * tier. Follow-ups apply regardless of the cadence, and to every tier but D:
 * the tier of someone just met is a first guess, and the thank-you note after
 * a meeting is owed to a C contact too (docs/scheduler.md "Promises kept").
 *
 * Every due date of the track falls on a working day (src/core/working-day.ts),
 * so the nudge of that day can name it.
 */
import { isReachable } from './availability.ts';
import type { ContactFacts, FollowUp } from './contact.ts';
import { addDays, daysBetween } from './dates.ts';
import {
  FIRST_FOLLOW_UP_AFTER_DAYS,
  FOLLOW_UP_ASK_AFTER_DAYS,
  FOLLOW_UP_LATE_AFTER_DAYS,
  SECOND_FOLLOW_UP_AFTER_DAYS,
  TIER_QUESTION_AFTER_DAYS,
} from './method.ts';
import type { LocalDate, Tier, TouchKind } from './types.ts';
import { EVERY_DAY, workingDayOnOrAfter, type WorkingDaySettings } from './working-day.ts';

/** Follow-up rule: D contacts (no potential) get no track and are promised none; every other tier does. */
export function hasFollowUpTrack(tier: Tier): boolean {
  return tier !== 'D';
}

/**
 * 48-hour rule: the track starts with the first follow-up due the first
 * working day after meeting. A meeting long ago simply gives a due date in
 * the past, so the follow-up is due at once.
 */
export function startFollowUp(metOn: LocalDate, workdays: WorkingDaySettings = EVERY_DAY): FollowUp {
  return { stage: 'first', due: workingDayOnOrAfter(workdays, addDays(metOn, FIRST_FOLLOW_UP_AFTER_DAYS)) };
}

/**
 * Follow-up track: the step after the current one is done on `touchedOn` —
 * first → second (14 days later), second → the tier question (the next day),
 * tier question → end of the track (null). Each on a working day.
 */
export function advanceFollowUp(followUp: FollowUp, touchedOn: LocalDate, workdays: WorkingDaySettings = EVERY_DAY): FollowUp | null {
  switch (followUp.stage) {
    case 'first':
      return { stage: 'second', due: workingDayOnOrAfter(workdays, addDays(touchedOn, SECOND_FOLLOW_UP_AFTER_DAYS)) };
    case 'second':
      return { stage: 'tier', due: workingDayOnOrAfter(workdays, addDays(touchedOn, TIER_QUESTION_AFTER_DAYS)) };
    case 'tier':
      return null;
  }
}

/**
 * Follow-up track: what a logged touch does to the track. A real touch (not an
 * `attempt`, and not the `met` touch of the meeting itself) completes the
 * first or second follow-up, even before it was due. The tier question is
 * answered only by a tier choice, never by a touch, so it stays.
 */
export function followUpAfterTouch(
  followUp: FollowUp | null,
  touch: { on: LocalDate; kind: TouchKind },
  workdays: WorkingDaySettings = EVERY_DAY,
): FollowUp | null {
  if (followUp === null || followUp.stage === 'tier') return followUp;
  if (touch.kind === 'attempt' || touch.kind === 'card' || touch.kind === 'met') return followUp;
  return advanceFollowUp(followUp, touch.on, workdays);
}

type TrackFacts = Pick<ContactFacts, 'followUp' | 'status' | 'snoozedUntil' | 'tier' | 'followUpAskedOn'>;

/**
 * Stale follow-up rule: a first follow-up or second touch two weeks past its
 * date is asked about once ("still follow up with Ole?") instead of sitting in
 * every nudge as if it were fresh.
 */
export function isFollowUpStale(followUp: FollowUp | null, today: LocalDate): boolean {
  return followUp !== null && followUp.stage !== 'tier' && daysBetween(followUp.due, today) >= FOLLOW_UP_ASK_AFTER_DAYS;
}

/**
 * Stale follow-up rule: asked on an earlier day and not kept — the follow-up
 * is dropped from the nudge; the contact goes on by its cadence.
 */
export function isFollowUpDropped(contact: Pick<ContactFacts, 'followUp' | 'followUpAskedOn'>, today: LocalDate): boolean {
  const asked = contact.followUpAskedOn ?? null;
  return asked !== null && asked < today && isFollowUpStale(contact.followUp, today);
}

/** Late rule: a follow-up not done within 48 hours — two days or more past its date — is marked late. */
export function isFollowUpLate(followUp: FollowUp | null, today: LocalDate): boolean {
  return followUp !== null && followUp.stage !== 'tier' && daysBetween(followUp.due, today) >= FOLLOW_UP_LATE_AFTER_DAYS;
}

/**
 * 48-hour rule and follow-up track: the contact's current step is due (its
 * date is today or past), the contact is reachable (active, not snoozed) and
 * of a tier with a track, and the step was not dropped after the stale
 * question. Unlike the cadence, it does not wait for the contact to be overdue.
 */
export function followUpDue(contact: TrackFacts, today: LocalDate): boolean {
  return (
    contact.followUp !== null &&
    contact.followUp.due <= today &&
    isReachable(contact, today) &&
    hasFollowUpTrack(contact.tier) &&
    !isFollowUpDropped(contact, today)
  );
}
