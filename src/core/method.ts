/**
 * The numbers of the contact-care method (docs/design.md §1), in one place. Every rule
 * in src/core reads its defaults from here; user settings (cadences per tier,
 * per contact) are passed in separately.
 */
import type { Tier } from './types.ts';

/** Anyone not contacted for 3 months is effectively lost (warning in the nudge). */
export const LOST_AFTER_DAYS = 90;

/** New acquaintances: follow up the day after meeting, within 48 hours. */
export const FIRST_FOLLOW_UP_AFTER_DAYS = 1;

/** The second touch of the follow-up track comes two weeks after the first. */
export const SECOND_FOLLOW_UP_AFTER_DAYS = 14;

/** A follow-up not done within 48 hours of its date is marked late in the nudge. */
export const FOLLOW_UP_LATE_AFTER_DAYS = 2;

/** Two weeks past its date a follow-up is asked about once ("still follow up with Ole?"). */
export const FOLLOW_UP_ASK_AFTER_DAYS = 14;

/** "No answer": the person is suggested again on the first nudge day this many days on. */
export const RETRY_AFTER_ATTEMPT_DAYS = 3;

/**
 * When fewer than the day's calls are overdue, the nudge fills up with those
 * due soonest — due within this many days and at least half their cadence
 * since the last contact, so nobody just called is suggested again.
 */
export const EARLY_WITHIN_DAYS = 30;
export const EARLY_AFTER_CADENCE_SHARE = 0.5;

/** One day after the second touch, one question confirms or changes the tier. */
export const TIER_QUESTION_AFTER_DAYS = 1;

/** The whole network is reviewed twice a year. */
export const REVIEW_EVERY_DAYS = 182;

/** At review, a C contact silent for more than two years is suggested for archiving. */
export const ARCHIVE_SILENT_C_AFTER_DAYS = 730;

/** Dunbar's number: nobody keeps more than ~150 close relationships (A + B). */
export const DUNBAR_LIMIT = 150;

/** A contacts should get ~80 % of the time spent on contact care. */
export const AIM_ON_A = 0.8;

/** /stats shows touches per ISO week for this many weeks, ending with the current one. */
export const STATS_WEEKS = 8;

/**
 * How much a day past the cadence weighs per tier when ranking the overdue list
 * (A over B). C and D have no cadence and are never ranked.
 */
export const TIER_WEIGHT: Readonly<Record<'A' | 'B', number>> = { A: 2, B: 1 };

/** The tiers that get nudged; C is passive and D has no potential. */
export function isNudgedTier(tier: Tier): tier is 'A' | 'B' {
  return tier === 'A' || tier === 'B';
}
