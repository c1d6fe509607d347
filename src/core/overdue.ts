/**
 * The /overdue list (docs/design.md §2): who is due by their cadence, A before B, the
 * most overdue first. "Overdue" here includes due today (overdueDays = 0), the
 * same test as the agenda, so /today and /overdue never disagree.
 */
import { isPickable } from './availability.ts';
import { cadenceDaysFor, daysSinceLastTouch, isLost, nextDueOn, overdueDays } from './cadence.ts';
import type { ContactFacts } from './contact.ts';
import { sortByScoreThenName } from './order.ts';
import type { LocalDate, TierCadences } from './types.ts';

export interface OverdueEntry {
  contact: ContactFacts;
  /** >= 0: days past the due date. */
  overdueDays: number;
  /** Days since the last logged touch; null when there was none yet (daysSinceLastTouch). */
  daysSinceContact: number | null;
  cadenceDays: number;
  dueOn: LocalDate;
  /** 3-months rule: effectively lost. */
  lost: boolean;
}

/**
 * Cadence rule for /overdue: pickable contacts (active, not snoozed, A or B)
 * that are due today or overdue — all A first, then all B, each group most
 * overdue first, ties by name.
 */
export function overdueByTier(
  contacts: readonly ContactFacts[],
  cadences: TierCadences,
  today: LocalDate,
): OverdueEntry[] {
  const a: OverdueEntry[] = [];
  const b: OverdueEntry[] = [];
  for (const contact of contacts) {
    if (!isPickable(contact, today)) continue;
    const days = overdueDays(contact, cadences, today);
    const cadence = cadenceDaysFor(contact, cadences);
    const dueOn = nextDueOn(contact, cadences);
    if (days === null || days < 0 || cadence === null || dueOn === null) continue;
    const entry: OverdueEntry = {
      contact,
      overdueDays: days,
      daysSinceContact: daysSinceLastTouch(contact, today),
      cadenceDays: cadence,
      dueOn,
      lost: isLost(contact, today),
    };
    (contact.tier === 'A' ? a : b).push(entry);
  }
  const byDays = (e: OverdueEntry): number => e.overdueDays;
  const contactOf = (e: OverdueEntry): ContactFacts => e.contact;
  return [...sortByScoreThenName(a, byDays, contactOf), ...sortByScoreThenName(b, byDays, contactOf)];
}

/** Cadence rule for /stats: how many A and B contacts are due or overdue. */
export function overdueCounts(
  contacts: readonly ContactFacts[],
  cadences: TierCadences,
  today: LocalDate,
): { A: number; B: number } {
  const counts = { A: 0, B: 0 };
  for (const entry of overdueByTier(contacts, cadences, today)) {
    if (entry.contact.tier === 'A') counts.A++;
    else counts.B++;
  }
  return counts;
}
