/**
 * The nudge choice (docs/design.md §3): who to contact today, strongest reason first.
 *
 *   1. due follow-ups from /met (48-hour rule), oldest due first;
 *   2. reminders due today or earlier, oldest first — for any tier, since the
 *      user asked for them, but never for an archived or snoozed contact;
 *   3. contacts due by their cadence, ranked by how far past the cadence they
 *      are, weighted by tier:
 *        score = daysSinceContact / cadenceDays × weight,  weight A = 2, B = 1,
 *      so an A contact just due (1.0 × 2 = 2) ranks with a B contact at twice
 *      its cadence (2.0 × 1).
 * Ties go by name, then id. A contact appears once, with its strongest reason.
 */
import { isPickable, isReachable } from './availability.ts';
import { cadenceDaysFor, daysSinceContact, isDue, isLost, overdueDays } from './cadence.ts';
import type { ContactFacts, FollowUp, ReminderFacts } from './contact.ts';
import { daysBetween } from './dates.ts';
import { followUpDue } from './follow-up.ts';
import { TIER_WEIGHT, isNudgedTier } from './method.ts';
import { sortByScoreThenName } from './order.ts';
import type { LocalDate, TierCadences } from './types.ts';

export type AgendaReason = 'followup' | 'reminder' | 'overdue';

export interface AgendaItem {
  contact: ContactFacts;
  reason: AgendaReason;
  /** The due step, when reason is 'followup'. */
  followUp?: FollowUp;
  /** The oldest due reminder of the contact, when reason is 'reminder'. */
  reminder?: ReminderFacts;
  /** See overdueDays in cadence.ts; null for C and D. */
  overdueDays: number | null;
  daysSinceContact: number;
  /** 3-months rule: show the "effectively lost" warning. */
  lost: boolean;
  /**
   * What the item was ranked by within its reason: days since the follow-up or
   * reminder was due, or the cadence score for 'overdue'.
   */
  score: number;
}

/**
 * Overdue ranking rule: daysSinceContact / cadenceDays × tier weight (A 2,
 * B 1); null for a contact without a cadence or of tier C/D.
 */
export function overdueScore(contact: ContactFacts, cadences: TierCadences, today: LocalDate): number | null {
  const cadence = cadenceDaysFor(contact, cadences);
  if (cadence === null || !isNudgedTier(contact.tier)) return null;
  return (daysSinceContact(contact, today) / cadence) * TIER_WEIGHT[contact.tier];
}

function itemFor(
  contact: ContactFacts,
  reason: AgendaReason,
  score: number,
  cadences: TierCadences,
  today: LocalDate,
): AgendaItem {
  return {
    contact,
    reason,
    overdueDays: overdueDays(contact, cadences, today),
    daysSinceContact: daysSinceContact(contact, today),
    lost: isLost(contact, today),
    score,
  };
}

/**
 * Nudge choice rule: today's agenda — due follow-ups, then due reminders, then
 * contacts due by their cadence (see the file comment for the formula). The
 * daily nudge takes the first 1–3 items.
 */
export function rankAgenda(
  contacts: readonly ContactFacts[],
  reminders: readonly ReminderFacts[],
  cadences: TierCadences,
  today: LocalDate,
): AgendaItem[] {
  const byId = new Map<number, ContactFacts>();
  const taken = new Set<number>();
  const followUps: AgendaItem[] = [];
  for (const contact of contacts) {
    byId.set(contact.id, contact);
    if (contact.followUp !== null && followUpDue(contact, today)) {
      const item = itemFor(contact, 'followup', daysBetween(contact.followUp.due, today), cadences, today);
      followUps.push({ ...item, followUp: contact.followUp });
      taken.add(contact.id);
    }
  }

  const oldestReminder = new Map<number, ReminderFacts>();
  for (const reminder of reminders) {
    if (reminder.due > today || taken.has(reminder.contactId)) continue;
    const contact = byId.get(reminder.contactId);
    if (contact === undefined || !isReachable(contact, today)) continue;
    const prev = oldestReminder.get(reminder.contactId);
    if (prev === undefined || reminder.due < prev.due || (reminder.due === prev.due && reminder.id < prev.id)) {
      oldestReminder.set(reminder.contactId, reminder);
    }
  }
  const reminderItems: AgendaItem[] = [];
  for (const [contactId, reminder] of oldestReminder) {
    const contact = byId.get(contactId);
    if (contact === undefined) continue;
    const item = itemFor(contact, 'reminder', daysBetween(reminder.due, today), cadences, today);
    reminderItems.push({ ...item, reminder });
    taken.add(contactId);
  }

  const dueItems: AgendaItem[] = [];
  for (const contact of contacts) {
    if (taken.has(contact.id) || !isPickable(contact, today) || !isDue(contact, cadences, today)) continue;
    const score = overdueScore(contact, cadences, today);
    if (score !== null) dueItems.push(itemFor(contact, 'overdue', score, cadences, today));
  }

  const byScore = (item: AgendaItem): number => item.score;
  const contactOf = (item: AgendaItem): ContactFacts => item.contact;
  return [
    ...sortByScoreThenName(followUps, byScore, contactOf),
    ...sortByScoreThenName(reminderItems, byScore, contactOf),
    ...sortByScoreThenName(dueItems, byScore, contactOf),
  ];
}
