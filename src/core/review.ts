/**
 * The network review (docs/design.md §1): once or twice a year, walk through every
 * contact, delete dead entries, recheck tiers. keepwarm reminds every 6 months
 * and suggests what to archive.
 */
import { isActive } from './availability.ts';
import { daysSinceContact } from './cadence.ts';
import type { ContactFacts } from './contact.ts';
import { addDays, daysBetween } from './dates.ts';
import { ARCHIVE_SILENT_C_AFTER_DAYS, REVIEW_EVERY_DAYS } from './method.ts';
import { nameSortKey } from './names.ts';
import { compareText } from './order.ts';
import type { LocalDate } from './types.ts';

export type ReviewSuggestion = 'archive' | 'keep';

/**
 * Review rule: the order of the /review walk — active contacts only, never
 * reviewed first, then the longest ago reviewed, then the oldest added, then
 * by name and id.
 */
export function reviewOrder<C extends Pick<ContactFacts, 'id' | 'name' | 'status' | 'reviewedOn' | 'createdOn'>>(
  contacts: readonly C[],
): C[] {
  const keyed = contacts.filter(isActive).map((contact) => ({ contact, key: nameSortKey(contact.name) }));
  keyed.sort((x, y) => {
    const a = x.contact;
    const b = y.contact;
    if (a.reviewedOn !== b.reviewedOn) {
      if (a.reviewedOn === null) return -1;
      if (b.reviewedOn === null) return 1;
      return compareText(a.reviewedOn, b.reviewedOn);
    }
    return (
      compareText(a.createdOn, b.createdOn) || compareText(x.key, y.key) || compareText(a.name, b.name) || a.id - b.id
    );
  });
  return keyed.map((k) => k.contact);
}

/**
 * Review rule: the date the next review is due — 6 months (182 days) after the
 * last review, or after `since` (the user's start) when there was none.
 */
export function reviewDueOn(lastReviewOn: LocalDate | null, since: LocalDate): LocalDate {
  return addDays(lastReviewOn ?? since, REVIEW_EVERY_DAYS);
}

/** Review rule: the network is reviewed every 6 months; true from the due date on. */
export function isReviewDue(lastReviewOn: LocalDate | null, since: LocalDate, today: LocalDate): boolean {
  return daysBetween(reviewDueOn(lastReviewOn, since), today) >= 0;
}

/**
 * Review rule: what to suggest for a contact — 'archive' for D (no potential)
 * and for C contacts not contacted for more than two years (730 days); 'keep'
 * for everyone else, A and B included however long silent (their tier is
 * rechecked by the user, not guessed).
 */
export function reviewSuggestion(
  contact: Pick<ContactFacts, 'tier' | 'lastTouchOn' | 'metOn' | 'createdOn'>,
  today: LocalDate,
): ReviewSuggestion {
  if (contact.tier === 'D') return 'archive';
  if (contact.tier === 'C' && daysSinceContact(contact, today) > ARCHIVE_SILENT_C_AFTER_DAYS) return 'archive';
  return 'keep';
}
