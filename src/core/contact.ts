/**
 * What the domain rules need to know about a contact, as plain data. The store
 * builds these from rows; the rules in src/core read them and return data.
 */
import type { ContactSource, ContactStatus, LocalDate, Tier, TouchKind } from './types.ts';

/**
 * The follow-up track of a new acquaintance (docs/design.md §1: follow up within 48
 * hours while the conversation is fresh; then a second touch about two weeks
 * later; then one question to confirm or change the tier).
 */
export type FollowUpStage = 'first' | 'second' | 'tier';

export interface FollowUp {
  stage: FollowUpStage;
  /** The local date from which this step is due. */
  due: LocalDate;
}

export interface ContactFacts {
  id: number;
  name: string;
  tier: Tier;
  /** Per-contact cadence in days; overrides the tier's cadence when set. */
  cadenceDays: number | null;
  status: ContactStatus;
  source: ContactSource;
  place: string | null;
  /** The contact is left out of nudges before this local date. */
  snoozedUntil: LocalDate | null;
  metOn: LocalDate | null;
  createdOn: LocalDate;
  /** Local date of the latest real touch (an `attempt` does not count). */
  lastTouchOn: LocalDate | null;
  followUp: FollowUp | null;
  reviewedOn: LocalDate | null;
  /**
   * The nudge day keepwarm promised to name this contact again ("no answer —
   * I'll suggest them again on Monday"); kept until a nudge on or after it has
   * named them. Absent or null: no promise.
   */
  backOn?: LocalDate | null;
  /** The day the nudge asked, once, whether to still follow up (a follow-up two weeks late). */
  followUpAskedOn?: LocalDate | null;
}

export interface ReminderFacts {
  id: number;
  contactId: number;
  due: LocalDate;
  text: string | null;
}

export interface TouchFacts {
  contactId: number;
  on: LocalDate;
  kind: TouchKind;
}
