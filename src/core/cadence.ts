/**
 * Cadence rules (docs/design.md §1): A contacts are due again at the latest after 2
 * months without contact, B after 6 months, C and D never; a per-contact
 * cadence overrides the tier's. Anyone silent for 3 months is effectively lost.
 */
import type { ContactFacts } from './contact.ts';
import { addDays, daysBetween } from './dates.ts';
import { LOST_AFTER_DAYS } from './method.ts';
import type { LocalDate, TierCadences } from './types.ts';

type CadenceFacts = Pick<ContactFacts, 'tier' | 'cadenceDays'>;
type ContactDates = Pick<ContactFacts, 'lastTouchOn' | 'metOn' | 'createdOn'>;

/**
 * Cadence rule: days between touches for this contact. A positive per-contact
 * override wins; otherwise A and B take the tier cadence and C and D have none
 * (null: never nudged). The override applies to any tier, but C and D are never
 * picked anyway (see availability.ts).
 */
export function cadenceDaysFor(contact: CadenceFacts, cadences: TierCadences): number | null {
  const own = contact.cadenceDays;
  if (own !== null && Number.isFinite(own) && own > 0) return own;
  if (contact.tier === 'A') return cadences.A;
  if (contact.tier === 'B') return cadences.B;
  return null;
}

/**
 * Cadence rule: the date the cadence counts from — the last real touch, else
 * the day they met, else the day the contact was added. An `attempt` never sets
 * `lastTouchOn` (see touches.ts), so it does not reset the cadence.
 */
export function lastContactOn(contact: ContactDates): LocalDate {
  return contact.lastTouchOn ?? contact.metOn ?? contact.createdOn;
}

/**
 * What every view shows as a contact's last contact: whole days since the last
 * logged touch (a meeting is one: /met logs it), or null when there was none
 * yet — a contact added without a date has had no contact, even though its
 * cadence counts from the day it was added (`lastContactOn`).
 */
export function daysSinceLastTouch(contact: Pick<ContactFacts, 'lastTouchOn'>, today: LocalDate): number | null {
  return contact.lastTouchOn === null ? null : daysBetween(contact.lastTouchOn, today);
}

/** Cadence rule: whole days from the last contact to today (negative if it lies after today). */
export function daysSinceContact(contact: ContactDates, today: LocalDate): number {
  return daysBetween(lastContactOn(contact), today);
}

/** Cadence rule: the date the contact is due again, or null for C/D without an override. */
export function nextDueOn(contact: CadenceFacts & ContactDates, cadences: TierCadences): LocalDate | null {
  const cadence = cadenceDaysFor(contact, cadences);
  return cadence === null ? null : addDays(lastContactOn(contact), cadence);
}

/**
 * Cadence rule: days past the due date — > 0 overdue, 0 due today, < 0 not yet;
 * null without a cadence. An A contact on 60 days is overdue 61 days after the
 * last touch.
 */
export function overdueDays(
  contact: CadenceFacts & ContactDates,
  cadences: TierCadences,
  today: LocalDate,
): number | null {
  const due = nextDueOn(contact, cadences);
  return due === null ? null : daysBetween(due, today);
}

/**
 * Cadence rule: due today or overdue (overdueDays >= 0). The agenda, /overdue
 * and the overdue counts of /stats all use this one test, so they never
 * disagree about a contact whose due date is today.
 */
export function isDue(contact: CadenceFacts & ContactDates, cadences: TierCadences, today: LocalDate): boolean {
  const days = overdueDays(contact, cadences, today);
  return days !== null && days >= 0;
}

/**
 * Lost warning: a contact not contacted for 3 months (90 days or more) is
 * effectively lost; the nudge shows a warning. Independent of tier and cadence.
 */
export function isLost(contact: ContactDates, today: LocalDate): boolean {
  return daysSinceContact(contact, today) >= LOST_AFTER_DAYS;
}
