import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.ts';
import { nextUp } from '../../src/core/next-up.ts';
import { CADENCES, contact } from './fixtures.ts';

const TODAY = '2026-06-15';

describe('who is next when nobody is due today', () => {
  it('names the nearest due contact and in how many days', () => {
    const anna = contact({ name: 'Anna', tier: 'A', lastTouchOn: addDays(TODAY, -55) });
    const bob = contact({ name: 'Bob', tier: 'B', lastTouchOn: addDays(TODAY, -100) });
    expect(nextUp([bob, anna], CADENCES, TODAY)).toEqual([
      { contact: anna, reason: 'overdue', on: '2026-06-20', inDays: 5 },
      { contact: bob, reason: 'overdue', on: '2026-09-03', inDays: 80 },
    ]);
  });

  it('returns at most `limit` contacts, three by default', () => {
    const many = [1, 2, 3, 4, 5].map((n) => contact({ tier: 'A', lastTouchOn: addDays(TODAY, -n) }));
    expect(nextUp(many, CADENCES, TODAY)).toHaveLength(3);
    expect(nextUp(many, CADENCES, TODAY, { limit: 1 })).toHaveLength(1);
    expect(nextUp(many, CADENCES, TODAY, { limit: 0 })).toEqual([]);
  });

  it('leaves out contacts already due today', () => {
    const due = contact({ tier: 'A', lastTouchOn: addDays(TODAY, -60) });
    expect(nextUp([due], CADENCES, TODAY)).toEqual([]);
  });

  it('a follow-up step counts as an upcoming date', () => {
    const mia = contact({ name: 'Mia', tier: 'B', lastTouchOn: TODAY, followUp: { stage: 'second', due: '2026-06-25' } });
    expect(nextUp([mia], CADENCES, TODAY)).toEqual([{ contact: mia, reason: 'followup', on: '2026-06-25', inDays: 10 }]);
  });

  it('a future reminder counts, for any tier', () => {
    const carla = contact({ tier: 'C', lastTouchOn: TODAY });
    const reminders = [{ id: 1, contactId: carla.id, due: '2026-06-18', text: 'tender' }];
    expect(nextUp([carla], CADENCES, TODAY, { reminders })).toMatchObject([{ reason: 'reminder', inDays: 3 }]);
  });

  it('an overdue contact that is snoozed comes back when the snooze ends', () => {
    const bob = contact({ name: 'Bob', tier: 'A', lastTouchOn: '2026-01-01', snoozedUntil: '2026-06-22' });
    expect(nextUp([bob], CADENCES, TODAY)).toMatchObject([{ reason: 'overdue', on: '2026-06-22', inDays: 7 }]);
  });

  it('C, D and archived contacts are never next', () => {
    const list = [
      contact({ tier: 'C', lastTouchOn: addDays(TODAY, -1), cadenceDays: 7 }),
      contact({ tier: 'D', lastTouchOn: addDays(TODAY, -1) }),
      contact({ tier: 'A', lastTouchOn: addDays(TODAY, -1), status: 'archived' }),
    ];
    expect(nextUp(list, CADENCES, TODAY)).toEqual([]);
  });

  it('on the same day a follow-up comes before a cadence, then names decide', () => {
    const cadence = contact({ name: 'Ada', tier: 'A', lastTouchOn: addDays(TODAY, -58) });
    const followUp = contact({ name: 'Zoe', tier: 'B', lastTouchOn: TODAY, followUp: { stage: 'first', due: '2026-06-17' } });
    const other = contact({ name: 'Bea', tier: 'A', lastTouchOn: addDays(TODAY, -58) });
    expect(nextUp([cadence, other, followUp], CADENCES, TODAY).map((i) => i.contact.name)).toEqual(['Zoe', 'Ada', 'Bea']);
  });

  it('counts days across New Year', () => {
    const anna = contact({ tier: 'A', lastTouchOn: '2026-11-10' });
    expect(nextUp([anna], CADENCES, '2026-12-30')).toMatchObject([{ on: '2027-01-09', inDays: 10 }]);
  });
});
