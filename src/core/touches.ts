/**
 * What a logged touch changes on a contact. An `attempt` ("tried, did not
 * reach them") is recorded by the store but never resets the cadence.
 */
import type { ContactFacts } from './contact.ts';
import { followUpAfterTouch } from './follow-up.ts';
import type { LocalDate, TouchKind } from './types.ts';
import { EVERY_DAY, type WorkingDaySettings } from './working-day.ts';

/**
 * Cadence rule: every kind of touch except `attempt` and `card` counts as
 * contact. A card goes to everyone on the list at once: counting it would
 * push every A and B call back by a full cadence in December.
 */
export function isRealTouch(kind: TouchKind): boolean {
  return kind !== 'attempt' && kind !== 'card';
}

/**
 * Cadence rule: the latest date among real touches (attempts ignored), or null
 * when there is none — what the store keeps as `lastTouchOn`.
 */
export function latestTouchOn(touches: Iterable<{ on: LocalDate; kind: TouchKind }>): LocalDate | null {
  let latest: LocalDate | null = null;
  for (const touch of touches) {
    if (isRealTouch(touch.kind) && (latest === null || touch.on > latest)) latest = touch.on;
  }
  return latest;
}

/**
 * Cadence rule and follow-up track: the contact after a touch. A real touch
 * moves `lastTouchOn` forward (a backdated touch never moves it back) and
 * completes a pending first or second follow-up, the next step on a working
 * day; an attempt changes nothing.
 */
export function applyTouch(contact: ContactFacts, touch: { on: LocalDate; kind: TouchKind }, workdays: WorkingDaySettings = EVERY_DAY): ContactFacts {
  if (!isRealTouch(touch.kind)) return contact;
  const last = contact.lastTouchOn;
  return {
    ...contact,
    lastTouchOn: last === null || touch.on > last ? touch.on : last,
    followUp: followUpAfterTouch(contact.followUp, touch, workdays),
  };
}
