import { describe, expect, it } from 'vitest';
import { isReviewDue, reviewDueOn, reviewOrder, reviewSuggestion } from '../../src/core/review.ts';
import { contact } from './fixtures.ts';

describe('the review twice a year', () => {
  it('the first review is due 6 months (182 days) after the user started', () => {
    expect(reviewDueOn(null, '2026-01-01')).toBe('2026-07-02');
    expect(isReviewDue(null, '2026-01-01', '2026-07-01')).toBe(false);
    expect(isReviewDue(null, '2026-01-01', '2026-07-02')).toBe(true);
  });

  it('later reviews are due 6 months after the last one', () => {
    expect(isReviewDue('2026-09-01', '2026-01-01', '2026-12-01')).toBe(false);
    expect(reviewDueOn('2026-09-01', '2026-01-01')).toBe('2027-03-02');
    expect(isReviewDue('2026-09-01', '2026-01-01', '2027-03-02')).toBe(true);
  });

  it('a review long overdue stays due', () => {
    expect(isReviewDue(null, '2020-01-01', '2026-01-01')).toBe(true);
  });
});

describe('the review walk', () => {
  it('never-reviewed contacts come first, then the longest ago reviewed', () => {
    const recent = contact({ name: 'Recent', reviewedOn: '2026-05-01' });
    const never = contact({ name: 'Never', reviewedOn: null });
    const old = contact({ name: 'Old', reviewedOn: '2025-11-01' });
    expect(reviewOrder([recent, never, old]).map((c) => c.name)).toEqual(['Never', 'Old', 'Recent']);
  });

  it('among equals, the oldest added comes first, then by name', () => {
    const list = [
      contact({ name: 'Zed', createdOn: '2026-02-01' }),
      contact({ name: 'Bea', createdOn: '2026-03-01' }),
      contact({ name: 'Ada', createdOn: '2026-03-01' }),
    ];
    expect(reviewOrder(list).map((c) => c.name)).toEqual(['Zed', 'Ada', 'Bea']);
  });

  it('archived contacts are not reviewed again', () => {
    expect(reviewOrder([contact({ status: 'archived' })])).toEqual([]);
  });
});

describe('review suggestions', () => {
  const today = '2026-06-15';

  it('D contacts are suggested for archiving', () => {
    expect(reviewSuggestion(contact({ tier: 'D', lastTouchOn: today }), today)).toBe('archive');
  });

  it('C contacts silent for more than two years are suggested for archiving', () => {
    expect(reviewSuggestion(contact({ tier: 'C', lastTouchOn: '2024-06-15' }), today)).toBe('keep'); // 730 days
    expect(reviewSuggestion(contact({ tier: 'C', lastTouchOn: '2024-06-14' }), today)).toBe('archive');
  });

  it('A and B contacts are kept, however long silent: their tier is the user’s call', () => {
    expect(reviewSuggestion(contact({ tier: 'A', lastTouchOn: '2020-01-01' }), today)).toBe('keep');
    expect(reviewSuggestion(contact({ tier: 'B', lastTouchOn: '2020-01-01' }), today)).toBe('keep');
  });
});
