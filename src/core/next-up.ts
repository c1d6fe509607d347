/**
 * What comes next when nobody is due today ("nobody is due today — next: Anna
 * in 5 days"): the nearest dates on which a contact joins the agenda.
 */
import type { AgendaReason } from './agenda.ts';
import { isActive } from './availability.ts';
import { nextDueOn } from './cadence.ts';
import type { ContactFacts, ReminderFacts } from './contact.ts';
import { daysBetween } from './dates.ts';
import { hasFollowUpTrack } from './follow-up.ts';
import { isNudgedTier } from './method.ts';
import { sortByScoreThenName } from './order.ts';
import type { LocalDate, TierCadences } from './types.ts';

export interface UpcomingItem {
  contact: ContactFacts;
  /** Why the contact will be on the agenda that day. */
  reason: AgendaReason;
  on: LocalDate;
  /** >= 1 */
  inDays: number;
}

const STRENGTH: Readonly<Record<AgendaReason, number>> = { followup: 0, reminder: 1, back: 1, overdue: 2, early: 3 };

interface Upcoming {
  on: LocalDate;
  reason: AgendaReason;
}

/** The earlier of `best` and `date` (moved past a snooze); on the same day the stronger reason. */
function earlier(
  best: Upcoming | null,
  date: LocalDate | null | undefined,
  reason: AgendaReason,
  snoozedUntil: LocalDate | null,
): Upcoming | null {
  if (date === null || date === undefined) return best;
  const on = snoozedUntil !== null && snoozedUntil > date ? snoozedUntil : date;
  if (best === null || on < best.on || (on === best.on && STRENGTH[reason] < STRENGTH[best.reason])) {
    return { on, reason };
  }
  return best;
}

/**
 * Nudge choice rule, looking ahead: for each active contact the first date it
 * joins the agenda — a follow-up step (any tier but D), its cadence due date (A and B only),
 * or a reminder (any tier) — moved to the end of a snooze. Contacts already on
 * today's agenda are left out. Nearest first, then by reason strength, then
 * name; at most `limit` (default 3) items.
 */
export function nextUp(
  contacts: readonly ContactFacts[],
  cadences: TierCadences,
  today: LocalDate,
  options: { limit?: number; reminders?: readonly ReminderFacts[] } = {},
): UpcomingItem[] {
  const limit = options.limit ?? 3;
  if (limit <= 0) return [];
  const firstReminder = new Map<number, LocalDate>();
  for (const r of options.reminders ?? []) {
    const prev = firstReminder.get(r.contactId);
    if (prev === undefined || r.due < prev) firstReminder.set(r.contactId, r.due);
  }

  const items: UpcomingItem[] = [];
  for (const contact of contacts) {
    if (!isActive(contact)) continue;
    const snooze = contact.snoozedUntil;
    let best: Upcoming | null = earlier(null, firstReminder.get(contact.id), 'reminder', snooze);
    if (hasFollowUpTrack(contact.tier)) best = earlier(best, contact.followUp?.due, 'followup', snooze);
    if (isNudgedTier(contact.tier)) best = earlier(best, nextDueOn(contact, cadences), 'overdue', snooze);
    if (best === null || best.on <= today) continue;
    items.push({ contact, reason: best.reason, on: best.on, inDays: daysBetween(today, best.on) });
  }
  const sorted = sortByScoreThenName(
    items,
    (item) => -(item.inDays * 3 + STRENGTH[item.reason]),
    (item) => item.contact,
  );
  return sorted.slice(0, limit);
}
