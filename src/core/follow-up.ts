/**
 * The follow-up track of a new acquaintance from /met (docs/design.md §1): follow up
 * within 48 hours while the conversation is fresh (due the day after meeting),
 * a second touch two weeks later, then one question to confirm or change the
 * tier. Follow-ups apply regardless of the cadence.
 */
import { isPickable } from './availability.ts';
import type { ContactFacts, FollowUp } from './contact.ts';
import { addDays } from './dates.ts';
import { FIRST_FOLLOW_UP_AFTER_DAYS, SECOND_FOLLOW_UP_AFTER_DAYS, TIER_QUESTION_AFTER_DAYS } from './method.ts';
import type { LocalDate, TouchKind } from './types.ts';

/**
 * 48-hour rule: the track starts with the first follow-up due the day after
 * meeting. A meeting long ago simply gives a due date in the past, so the
 * follow-up is due at once.
 */
export function startFollowUp(metOn: LocalDate): FollowUp {
  return { stage: 'first', due: addDays(metOn, FIRST_FOLLOW_UP_AFTER_DAYS) };
}

/**
 * Follow-up track: the step after the current one is done on `touchedOn` —
 * first → second (14 days later), second → the tier question (the next day),
 * tier question → end of the track (null).
 */
export function advanceFollowUp(followUp: FollowUp, touchedOn: LocalDate): FollowUp | null {
  switch (followUp.stage) {
    case 'first':
      return { stage: 'second', due: addDays(touchedOn, SECOND_FOLLOW_UP_AFTER_DAYS) };
    case 'second':
      return { stage: 'tier', due: addDays(touchedOn, TIER_QUESTION_AFTER_DAYS) };
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
export function followUpAfterTouch(followUp: FollowUp | null, touch: { on: LocalDate; kind: TouchKind }): FollowUp | null {
  if (followUp === null || followUp.stage === 'tier') return followUp;
  if (touch.kind === 'attempt' || touch.kind === 'card' || touch.kind === 'met') return followUp;
  return advanceFollowUp(followUp, touch.on);
}

/**
 * 48-hour rule and follow-up track: the contact's current step is due (its
 * date is today or past) and the contact is pickable (active, not snoozed,
 * A or B). Unlike the cadence, it does not wait for the contact to be overdue.
 */
export function followUpDue(
  contact: Pick<ContactFacts, 'followUp' | 'status' | 'snoozedUntil' | 'tier'>,
  today: LocalDate,
): boolean {
  return contact.followUp !== null && contact.followUp.due <= today && isPickable(contact, today);
}
