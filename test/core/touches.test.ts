import { describe, expect, it } from 'vitest';
import { overdueDays } from '../../src/core/cadence.ts';
import { applyTouch, isRealTouch, latestTouchOn } from '../../src/core/touches.ts';
import { CADENCES, contact } from './fixtures.ts';

describe('what a touch changes', () => {
  it('an attempt does not reset the cadence', () => {
    const bob = contact({ tier: 'A', lastTouchOn: '2026-01-01' });
    const after = applyTouch(bob, { on: '2026-03-05', kind: 'attempt' });
    expect(after.lastTouchOn).toBe('2026-01-01');
    expect(overdueDays(after, CADENCES, '2026-03-05')).toBe(3);
    expect(isRealTouch('attempt')).toBe(false);
  });

  it('a call resets the cadence', () => {
    const bob = contact({ tier: 'A', lastTouchOn: '2026-01-01' });
    const after = applyTouch(bob, { on: '2026-03-05', kind: 'call' });
    expect(after.lastTouchOn).toBe('2026-03-05');
    expect(overdueDays(after, CADENCES, '2026-03-05')).toBe(-60);
  });

  it('a backdated touch never moves the last contact back', () => {
    const bob = contact({ lastTouchOn: '2026-03-01' });
    expect(applyTouch(bob, { on: '2026-02-01', kind: 'meeting' }).lastTouchOn).toBe('2026-03-01');
  });

  it('the first touch of a contact sets the last contact', () => {
    expect(applyTouch(contact(), { on: '2026-02-01', kind: 'email' }).lastTouchOn).toBe('2026-02-01');
  });

  it('a touch after /met completes the first follow-up and schedules the second', () => {
    const carla = contact({ metOn: '2026-03-10', lastTouchOn: '2026-03-10', followUp: { stage: 'first', due: '2026-03-11' } });
    const after = applyTouch(carla, { on: '2026-03-11', kind: 'message' });
    expect(after.followUp).toEqual({ stage: 'second', due: '2026-03-25' });
    expect(carla.followUp).toEqual({ stage: 'first', due: '2026-03-11' });
  });

  it('the last touch is the latest real touch; attempts are ignored', () => {
    expect(
      latestTouchOn([
        { on: '2026-01-05', kind: 'call' },
        { on: '2026-03-01', kind: 'attempt' },
        { on: '2026-02-10', kind: 'email' },
      ]),
    ).toBe('2026-02-10');
    expect(latestTouchOn([{ on: '2026-03-01', kind: 'attempt' }])).toBeNull();
    expect(latestTouchOn([])).toBeNull();
  });
});
