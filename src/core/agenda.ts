/**
 * The nudge choice (docs/design.md §3, docs/scheduler.md "Whom it names"): who to
 * contact today, strongest reason first.
 *
 *   1. due follow-ups from /met (48-hour rule), oldest due first;
 *   2. reminders due today or earlier, oldest first — for any tier, since the
 *      user asked for them, but never for an archived or snoozed contact;
 *   3. returns keepwarm promised ("no answer — I'll suggest them again on
 *      Monday"), oldest promise first;
 *   4. contacts due by their cadence, ranked by how far past the cadence they
 *      are, weighted by tier:
 *        score = daysSinceContact / cadenceDays × weight,  weight A = 2, B = 1,
 *      so an A contact just due (1.0 × 2 = 2) ranks with a B contact at twice
 *      its cadence (2.0 × 1), and at equal lateness A comes first;
 *   5. contacts due soon ("early"): due within 30 days and at least half
 *      their cadence since the last contact, soonest first, A before B — what
 *      the nudge fills up with when fewer are overdue than it has calls.
 * Ties go by name, then id. A contact appears once, with its strongest reason.
 */
import { isPickable, isReachable } from './availability.ts';
import { cadenceDaysFor, daysSinceContact, isDue, isLost, nextDueOn, overdueDays } from './cadence.ts';
import type { ContactFacts, FollowUp, ReminderFacts } from './contact.ts';
import { daysBetween } from './dates.ts';
import { followUpDue, isFollowUpLate, isFollowUpStale } from './follow-up.ts';
import { EARLY_AFTER_CADENCE_SHARE, EARLY_WITHIN_DAYS, TIER_WEIGHT, isNudgedTier } from './method.ts';
import { sortByScoreThenName } from './order.ts';
import type { LocalDate, TierCadences } from './types.ts';

export type AgendaReason = 'followup' | 'reminder' | 'back' | 'overdue' | 'early';

export interface AgendaItem {
  contact: ContactFacts;
  reason: AgendaReason;
  /** The due step, when reason is 'followup'. */
  followUp?: FollowUp;
  /** 'followup': not done within 48 hours of its date. */
  late?: boolean;
  /** 'followup': two weeks late — asked about once instead of listed. */
  stale?: boolean;
  /** The oldest due reminder of the contact, when reason is 'reminder'. */
  reminder?: ReminderFacts;
  /** 'back': the day keepwarm promised to name them again. */
  backOn?: LocalDate;
  /** See overdueDays in cadence.ts; null for C and D. */
  overdueDays: number | null;
  /** The cadence's due date; null for C and D. */
  dueOn: LocalDate | null;
  daysSinceContact: number;
  /** 3-months rule: show the "effectively lost" warning. */
  lost: boolean;
  /**
   * What the item was ranked by within its reason: days since the follow-up,
   * reminder or promise was due, the cadence score for 'overdue', nearness
   * for 'early'.
   */
  score: number;
}

export interface AgendaOptions {
  /**
   * The newest daily nudge before today that named each contact: a promised
   * return is kept once a nudge on or after its date has named them.
   */
  lastNamed?: ReadonlyMap<number, LocalDate>;
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

/**
 * Early rule: a pickable contact not yet due, due within 30 days and at least
 * half its cadence since the last contact — worth calling when nobody is
 * overdue. Returns the days until due, or null when not early.
 */
export function earlyDays(contact: ContactFacts, cadences: TierCadences, today: LocalDate): number | null {
  if (!isPickable(contact, today)) return null;
  const cadence = cadenceDaysFor(contact, cadences);
  const due = nextDueOn(contact, cadences);
  if (cadence === null || due === null) return null;
  const until = daysBetween(today, due);
  if (until <= 0 || until > EARLY_WITHIN_DAYS) return null;
  return daysSinceContact(contact, today) >= cadence * EARLY_AFTER_CADENCE_SHARE ? until : null;
}

/** Promise rule: the promised day has come and no nudge since that day has named them. */
export function isPromiseOpen(contact: ContactFacts, today: LocalDate, lastNamed: LocalDate | undefined): boolean {
  const backOn = contact.backOn ?? null;
  return backOn !== null && backOn <= today && (lastNamed === undefined || lastNamed < backOn);
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
    dueOn: nextDueOn(contact, cadences),
    daysSinceContact: daysSinceContact(contact, today),
    lost: isLost(contact, today),
    score,
  };
}

function oldestDueReminders(reminders: readonly ReminderFacts[], today: LocalDate): Map<number, ReminderFacts> {
  const oldest = new Map<number, ReminderFacts>();
  for (const reminder of reminders) {
    if (reminder.due > today) continue;
    const prev = oldest.get(reminder.contactId);
    if (prev === undefined || reminder.due < prev.due || (reminder.due === prev.due && reminder.id < prev.id)) {
      oldest.set(reminder.contactId, reminder);
    }
  }
  return oldest;
}

/**
 * Nudge choice rule: today's agenda — due follow-ups, due reminders, promised
 * returns, contacts due by their cadence, then those due soon (see the file
 * comment). The daily nudge cuts it to the user's 1–3 calls (nudge-choice.ts).
 */
export function rankAgenda(
  contacts: readonly ContactFacts[],
  reminders: readonly ReminderFacts[],
  cadences: TierCadences,
  today: LocalDate,
  options: AgendaOptions = {},
): AgendaItem[] {
  const taken = new Set<number>();
  const followUps: AgendaItem[] = [];
  for (const contact of contacts) {
    if (contact.followUp !== null && followUpDue(contact, today)) {
      const item = itemFor(contact, 'followup', daysBetween(contact.followUp.due, today), cadences, today);
      followUps.push({
        ...item,
        followUp: contact.followUp,
        ...(isFollowUpLate(contact.followUp, today) ? { late: true } : {}),
        ...(isFollowUpStale(contact.followUp, today) ? { stale: true } : {}),
      });
      taken.add(contact.id);
    }
  }

  const byId = new Map(contacts.map((c) => [c.id, c]));
  const reminderItems: AgendaItem[] = [];
  for (const [contactId, reminder] of oldestDueReminders(reminders, today)) {
    const contact = byId.get(contactId);
    if (contact === undefined || taken.has(contactId) || !isReachable(contact, today)) continue;
    reminderItems.push({ ...itemFor(contact, 'reminder', daysBetween(reminder.due, today), cadences, today), reminder });
    taken.add(contactId);
  }

  const backItems: AgendaItem[] = [];
  const dueItems: AgendaItem[] = [];
  const earlyItems: AgendaItem[] = [];
  for (const contact of contacts) {
    if (taken.has(contact.id) || !isPickable(contact, today)) continue;
    if (isPromiseOpen(contact, today, options.lastNamed?.get(contact.id))) {
      const backOn = contact.backOn as LocalDate;
      backItems.push({ ...itemFor(contact, 'back', daysBetween(backOn, today), cadences, today), backOn });
      continue;
    }
    if (isDue(contact, cadences, today)) {
      const score = overdueScore(contact, cadences, today);
      if (score !== null) dueItems.push(itemFor(contact, 'overdue', score, cadences, today));
      continue;
    }
    const until = earlyDays(contact, cadences, today);
    // Soonest first; on the same day A before B.
    if (until !== null) earlyItems.push(itemFor(contact, 'early', -until * 2 + (contact.tier === 'A' ? 1 : 0), cadences, today));
  }

  const byScore = (item: AgendaItem): number => item.score;
  const contactOf = (item: AgendaItem): ContactFacts => item.contact;
  return [
    ...sortByScoreThenName(followUps, byScore, contactOf),
    ...sortByScoreThenName(reminderItems, byScore, contactOf),
    ...sortByScoreThenName(backItems, byScore, contactOf),
    ...sortByScoreThenName(dueItems, byScore, contactOf),
    ...sortByScoreThenName(earlyItems, byScore, contactOf),
  ];
}
