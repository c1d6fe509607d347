/**
 * Who may be picked for a nudge (docs/design.md §3): snoozed, archived, C and D
 * contacts are never picked.
 */
import type { ContactFacts } from './contact.ts';
import { isNudgedTier } from './method.ts';
import type { LocalDate } from './types.ts';

/** Archive rule: archived contacts are kept for history but never listed or nudged. */
export function isActive(contact: Pick<ContactFacts, 'status'>): boolean {
  return contact.status === 'active';
}

/**
 * Snooze rule: a snoozed contact is left out before `snoozedUntil` and is back
 * on that date.
 */
export function isSnoozed(contact: Pick<ContactFacts, 'snoozedUntil'>, today: LocalDate): boolean {
  return contact.snoozedUntil !== null && today < contact.snoozedUntil;
}

/**
 * Reachability for explicit asks (reminders): active and not snoozed, any tier.
 */
export function isReachable(contact: Pick<ContactFacts, 'status' | 'snoozedUntil'>, today: LocalDate): boolean {
  return isActive(contact) && !isSnoozed(contact, today);
}

/**
 * Nudge choice rule: a contact may be picked when active, not snoozed and of
 * tier A or B — C contacts are passive and D has no potential, so they are
 * never picked.
 */
export function isPickable(
  contact: Pick<ContactFacts, 'status' | 'snoozedUntil' | 'tier'>,
  today: LocalDate,
): boolean {
  return isReachable(contact, today) && isNudgedTier(contact.tier);
}
