import { describe, expect, it } from 'vitest';
import type { TouchFacts } from '../../src/core/contact.ts';
import { computeStats } from '../../src/core/stats.ts';
import type { TouchKind } from '../../src/core/types.ts';
import { CADENCES, contact } from './fixtures.ts';

function touch(contactId: number, on: string, kind: TouchKind = 'call'): TouchFacts {
  return { contactId, on, kind };
}

describe('/stats', () => {
  it('an empty network has eight empty weeks, no share on A and no warning', () => {
    const stats = computeStats([], [], CADENCES, '2026-06-17');
    expect(stats.weeks).toHaveLength(8);
    expect(stats.weeks.every((w) => w.touches === 0)).toBe(true);
    expect(stats).toMatchObject({
      touchesThisWeek: 0,
      averagePerWeek: 0,
      shareOnA: null,
      aimOnA: 0.8,
      overdue: { A: 0, B: 0 },
      network: { A: 0, B: 0, C: 0, D: 0, active: 0, archived: 0 },
      dunbar: { close: 0, limit: 150, over: false },
    });
  });

  it('shows the last 8 ISO weeks, oldest first, ending with the current week (Monday starts)', () => {
    const stats = computeStats([], [], CADENCES, '2026-06-17'); // a Wednesday
    expect(stats.weeks[0]?.weekStart).toBe('2026-04-27');
    expect(stats.weeks[7]?.weekStart).toBe('2026-06-15');
  });

  it('ISO weeks run across New Year: 2026-12-28 .. 2027-01-03 is one week', () => {
    const anna = contact({ tier: 'A' });
    const stats = computeStats(
      [anna],
      [
        touch(anna.id, '2026-12-27'), // Sunday: the week before
        touch(anna.id, '2026-12-28'), // Monday
        touch(anna.id, '2026-12-31'),
        touch(anna.id, '2027-01-01'),
        touch(anna.id, '2027-01-03'), // Sunday: same week
      ],
      CADENCES,
      '2027-01-03', // a Sunday: still the week of Monday 2026-12-28
    );
    expect(stats.weeks[7]).toEqual({ weekStart: '2026-12-28', touches: 4 });
    expect(stats.weeks[6]).toEqual({ weekStart: '2026-12-21', touches: 1 });
    expect(stats.touchesThisWeek).toBe(4);
  });

  it('touches before the 8 weeks are not counted', () => {
    const bob = contact();
    const stats = computeStats([bob], [touch(bob.id, '2026-04-26'), touch(bob.id, '2026-04-27')], CADENCES, '2026-06-17');
    expect(stats.weeks[0]?.touches).toBe(1);
    expect(stats.averagePerWeek).toBe(1 / 8);
  });

  it('the average is all touches of the 8 weeks divided by 8', () => {
    const bob = contact();
    const touches = ['2026-05-04', '2026-05-05', '2026-05-20', '2026-06-16'].map((on) => touch(bob.id, on));
    expect(computeStats([bob], touches, CADENCES, '2026-06-17').averagePerWeek).toBe(0.5);
  });

  it('the share on A counts touches on contacts that are A now, against the 80 % aim', () => {
    const anna = contact({ tier: 'A' });
    const bob = contact({ tier: 'B' });
    const touches = [
      touch(anna.id, '2026-06-01'),
      touch(anna.id, '2026-06-08'),
      touch(anna.id, '2026-06-15'),
      touch(bob.id, '2026-06-16'),
    ];
    const stats = computeStats([anna, bob], touches, CADENCES, '2026-06-17');
    expect(stats.shareOnA).toBe(0.75);
    expect(stats.aimOnA).toBe(0.8);
  });

  it('an attempt is not a touch: it counts neither per week nor in the share on A', () => {
    const anna = contact({ tier: 'A' });
    const bob = contact({ tier: 'B' });
    const stats = computeStats(
      [anna, bob],
      [touch(anna.id, '2026-06-16', 'attempt'), touch(anna.id, '2026-06-16', 'attempt'), touch(bob.id, '2026-06-16')],
      CADENCES,
      '2026-06-17',
    );
    expect(stats.touchesThisWeek).toBe(1);
    expect(stats.shareOnA).toBe(0);
  });

  it('only attempts means no share on A at all', () => {
    const anna = contact({ tier: 'A' });
    expect(computeStats([anna], [touch(anna.id, '2026-06-16', 'attempt')], CADENCES, '2026-06-17').shareOnA).toBeNull();
  });

  it('counts overdue contacts per tier and the network against 150', () => {
    const list = [
      contact({ tier: 'A', lastTouchOn: '2026-01-01' }),
      contact({ tier: 'A', lastTouchOn: '2026-06-01' }),
      contact({ tier: 'B', lastTouchOn: '2025-01-01' }),
      contact({ tier: 'C', lastTouchOn: '2020-01-01' }),
      contact({ tier: 'B', lastTouchOn: '2020-01-01', status: 'archived' }),
    ];
    const stats = computeStats(list, [], CADENCES, '2026-06-17');
    expect(stats.overdue).toEqual({ A: 1, B: 1 });
    expect(stats.network).toEqual({ A: 2, B: 1, C: 1, D: 0, active: 4, archived: 1 });
    expect(stats.dunbar).toEqual({ close: 3, limit: 150, over: false });
  });
});
