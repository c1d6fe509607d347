import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.ts';
import { overdueByTier, overdueCounts } from '../../src/core/overdue.ts';
import { CADENCES, contact } from './fixtures.ts';

const TODAY = '2026-06-15';

describe('/overdue', () => {
  const list = [
    contact({ name: 'Bea', tier: 'B', lastTouchOn: addDays(TODAY, -400) }),
    contact({ name: 'Ari', tier: 'A', lastTouchOn: addDays(TODAY, -61) }),
    contact({ name: 'Abe', tier: 'A', lastTouchOn: addDays(TODAY, -100) }),
    contact({ name: 'Bob', tier: 'B', lastTouchOn: addDays(TODAY, -181) }),
    contact({ name: 'Cid', tier: 'C', lastTouchOn: addDays(TODAY, -900) }),
    contact({ name: 'Amy', tier: 'A', lastTouchOn: addDays(TODAY, -10) }),
  ];

  it('lists A before B, the most overdue first in each tier', () => {
    expect(overdueByTier(list, CADENCES, TODAY).map((e) => [e.contact.name, e.overdueDays])).toEqual([
      ['Abe', 40],
      ['Ari', 1],
      ['Bea', 220],
      ['Bob', 1],
    ]);
  });

  it('each entry says since when and how long it has been', () => {
    const [abe] = overdueByTier(list, CADENCES, TODAY);
    expect(abe).toMatchObject({ cadenceDays: 60, dueOn: '2026-05-06', daysSinceContact: 100, lost: true });
  });

  it('includes contacts due today', () => {
    const due = contact({ tier: 'A', lastTouchOn: addDays(TODAY, -60) });
    expect(overdueByTier([due], CADENCES, TODAY)).toHaveLength(1);
  });

  it('never lists archived or snoozed contacts', () => {
    const gone = contact({ tier: 'A', lastTouchOn: '2025-01-01', status: 'archived' });
    const later = contact({ tier: 'A', lastTouchOn: '2025-01-01', snoozedUntil: '2026-07-01' });
    expect(overdueByTier([gone, later], CADENCES, TODAY)).toEqual([]);
  });

  it('equally overdue contacts are listed by name', () => {
    const last = addDays(TODAY, -70);
    const entries = overdueByTier(
      [contact({ name: 'Zora', tier: 'A', lastTouchOn: last }), contact({ name: 'Dr. Adam', tier: 'A', lastTouchOn: last })],
      CADENCES,
      TODAY,
    );
    expect(entries.map((e) => e.contact.name)).toEqual(['Dr. Adam', 'Zora']);
  });

  it('counts the overdue contacts per tier', () => {
    expect(overdueCounts(list, CADENCES, TODAY)).toEqual({ A: 2, B: 2 });
    expect(overdueCounts([], CADENCES, TODAY)).toEqual({ A: 0, B: 0 });
  });
});
