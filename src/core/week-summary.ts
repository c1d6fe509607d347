/** The Monday line of the nudge: last week's touches and the share on A contacts (aim 80 %). */
import type { ContactFacts, TouchFacts } from './contact.ts';
import { addDays, startOfIsoWeek } from './dates.ts';
import { isRealTouch } from './touches.ts';
import type { LocalDate } from './types.ts';

export interface WeekSummary {
  /** Monday of the summarised week. */
  weekStart: LocalDate;
  touches: number;
  /** Touches on contacts now tier A / all touches; null without touches. */
  shareOnA: number | null;
}

/** Stats rule for the Monday nudge: the ISO week before the one holding `today`. */
export function lastWeekSummary(
  contacts: readonly Pick<ContactFacts, 'id' | 'tier'>[],
  touches: readonly TouchFacts[],
  today: LocalDate,
): WeekSummary {
  const weekStart = addDays(startOfIsoWeek(today), -7);
  const weekEnd = addDays(weekStart, 6);
  const tierA = new Set(contacts.filter((c) => c.tier === 'A').map((c) => c.id));
  let total = 0;
  let onA = 0;
  for (const touch of touches) {
    if (!isRealTouch(touch.kind) || touch.on < weekStart || touch.on > weekEnd) continue;
    total++;
    if (tierA.has(touch.contactId)) onA++;
  }
  return { weekStart, touches: total, shareOnA: total === 0 ? null : onA / total };
}
