/**
 * /stats (docs/design.md §1): touches per week (networking as a steady habit), the
 * share of touches on A contacts against the 80 % aim, overdue counts per
 * tier, and the network size against Dunbar's 150.
 */
import type { ContactFacts, TouchFacts } from './contact.ts';
import { addDays, daysBetween, startOfIsoWeek } from './dates.ts';
import { AIM_ON_A, STATS_WEEKS } from './method.ts';
import { dunbarWarning, networkSize, type DunbarWarning, type NetworkSize } from './network.ts';
import { overdueCounts } from './overdue.ts';
import { isRealTouch } from './touches.ts';
import type { LocalDate, TierCadences } from './types.ts';

export interface WeekCount {
  /** Monday of the ISO week. */
  weekStart: LocalDate;
  touches: number;
}

export interface Stats {
  /** The last 8 ISO weeks (or as many as asked for), oldest first, ending with the week of today. */
  weeks: WeekCount[];
  touchesThisWeek: number;
  /** All touches of the weeks / their number (the current week counts, even when only begun). */
  averagePerWeek: number;
  /** Touches on contacts that are tier A now / all touches of the 8 weeks; null when there are none. */
  shareOnA: number | null;
  aimOnA: number;
  /** Contacts due today or overdue (see overdueByTier). */
  overdue: { A: number; B: number };
  network: NetworkSize;
  dunbar: DunbarWarning;
}

/**
 * Stats rule: the /stats figures for `today`. Only real touches count — an
 * `attempt` is not a touch here either. A touch belongs to the ISO week of its
 * date (weeks run Monday to Sunday, across New Year too); touches outside the
 * 8 weeks (`weekCount`: the /stats picture shows 12) are ignored.
 */
export function computeStats(
  contacts: readonly ContactFacts[],
  touches: readonly TouchFacts[],
  cadences: TierCadences,
  today: LocalDate,
  weekCount: number = STATS_WEEKS,
): Stats {
  const firstWeek = addDays(startOfIsoWeek(today), -7 * (weekCount - 1));
  const weeks: WeekCount[] = [];
  for (let i = 0; i < weekCount; i++) weeks.push({ weekStart: addDays(firstWeek, 7 * i), touches: 0 });

  const tierA = new Set<number>();
  for (const contact of contacts) if (contact.tier === 'A') tierA.add(contact.id);

  let total = 0;
  let onA = 0;
  for (const touch of touches) {
    if (!isRealTouch(touch.kind)) continue;
    const offset = daysBetween(firstWeek, touch.on);
    const week = offset >= 0 ? weeks[Math.floor(offset / 7)] : undefined;
    if (week === undefined) continue;
    week.touches++;
    total++;
    if (tierA.has(touch.contactId)) onA++;
  }

  return {
    weeks,
    touchesThisWeek: weeks[weekCount - 1]?.touches ?? 0,
    averagePerWeek: total / weekCount,
    shareOnA: total === 0 ? null : onA / total,
    aimOnA: AIM_ON_A,
    overdue: overdueCounts(contacts, cadences, today),
    network: networkSize(contacts),
    dunbar: dunbarWarning(contacts),
  };
}
