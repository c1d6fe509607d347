/**
 * The vocabulary of the contact-care method, shared by every layer.
 * Plain data only: no I/O, no clock.
 */

/** ABC(D) ranking: A most care, B standard care, C passive, D no potential. */
export type Tier = 'A' | 'B' | 'C' | 'D';
export const TIERS: readonly Tier[] = ['A', 'B', 'C', 'D'];

/** A calendar date in the user's own time zone, `YYYY-MM-DD`. */
export type LocalDate = string;

/** An instant, always stored and passed as ISO-8601 UTC: `YYYY-MM-DDTHH:MM:SS.sssZ`. */
export type Instant = string;

/**
 * How a contact happened. `attempt` is "tried, did not reach them"; `card` is
 * the year's Christmas card (/cards sent). Neither resets a cadence.
 */
export type TouchKind = 'met' | 'call' | 'meeting' | 'message' | 'email' | 'other' | 'attempt' | 'card';

export type Language = 'en' | 'de';

export type ContactStatus = 'active' | 'archived';

/** Where a contact came from: /met starts the follow-up track, /add and imports do not. */
export type ContactSource = 'met' | 'add' | 'import';

/** Keep-in-touch cadence in days for the tiers that have one; C and D are never nudged. */
export interface TierCadences {
  A: number;
  B: number;
}

export const DEFAULT_CADENCES: TierCadences = { A: 60, B: 180 };
