import { describe, expect, it } from 'vitest';
import { advanceFollowUp, followUpAfterTouch, followUpDue, startFollowUp } from '../../src/core/follow-up.ts';
import { contact } from './fixtures.ts';

describe('the 48-hour follow-up of a new acquaintance', () => {
  it('a follow-up is due the day after meeting', () => {
    expect(startFollowUp('2026-03-10')).toEqual({ stage: 'first', due: '2026-03-11' });
  });

  it('a meeting long ago gives a follow-up due in the past, so it is due at once', () => {
    const followUp = startFollowUp('2025-11-02');
    expect(followUp.due).toBe('2025-11-03');
    expect(followUpDue(contact({ tier: 'B', followUp }), '2026-03-10')).toBe(true);
  });

  it('a meeting on New Year’s Eve is followed up on New Year’s Day', () => {
    expect(startFollowUp('2026-12-31').due).toBe('2027-01-01');
  });

  it('the follow-up is not due on the day of the meeting, and is due from the next day on', () => {
    const anna = contact({ tier: 'A', metOn: '2026-03-10', followUp: startFollowUp('2026-03-10') });
    expect(followUpDue(anna, '2026-03-10')).toBe(false);
    expect(followUpDue(anna, '2026-03-11')).toBe(true);
    expect(followUpDue(anna, '2026-03-12')).toBe(true);
  });
});

describe('the follow-up track', () => {
  it('after the first follow-up, the second is due 14 days later', () => {
    expect(advanceFollowUp({ stage: 'first', due: '2026-03-11' }, '2026-03-12')).toEqual({
      stage: 'second',
      due: '2026-03-26',
    });
  });

  it('after the second follow-up, one question confirms the tier the next day', () => {
    expect(advanceFollowUp({ stage: 'second', due: '2026-03-26' }, '2026-03-27')).toEqual({
      stage: 'tier',
      due: '2026-03-28',
    });
  });

  it('after the tier question the track ends', () => {
    expect(advanceFollowUp({ stage: 'tier', due: '2026-03-28' }, '2026-03-28')).toBeNull();
  });

  it('a contact without a track has no follow-up due', () => {
    expect(followUpDue(contact({ tier: 'A' }), '2026-03-10')).toBe(false);
  });

  it('follow-ups are due regardless of the cadence: a contact touched yesterday still gets its second follow-up', () => {
    const anna = contact({ tier: 'A', lastTouchOn: '2026-03-25', followUp: { stage: 'second', due: '2026-03-26' } });
    expect(followUpDue(anna, '2026-03-26')).toBe(true);
  });

  it('the tier question is due like a follow-up', () => {
    const anna = contact({ tier: 'B', followUp: { stage: 'tier', due: '2026-03-28' } });
    expect(followUpDue(anna, '2026-03-28')).toBe(true);
  });

  it('a snoozed, archived or D contact has no follow-up due', () => {
    const followUp = { stage: 'first' as const, due: '2026-03-11' };
    expect(followUpDue(contact({ followUp, snoozedUntil: '2026-03-20' }), '2026-03-12')).toBe(false);
    expect(followUpDue(contact({ followUp, status: 'archived' }), '2026-03-12')).toBe(false);
    expect(followUpDue(contact({ followUp, tier: 'D' }), '2026-03-12')).toBe(false);
  });

  it('a C contact met at an event is followed up like any new acquaintance: the follow-up promised is kept', () => {
    expect(followUpDue(contact({ followUp: { stage: 'first', due: '2026-03-11' }, tier: 'C' }), '2026-03-12')).toBe(true);
  });
});

describe('touches on the follow-up track', () => {
  const first = { stage: 'first' as const, due: '2026-03-11' };

  it('a call after meeting completes the first follow-up', () => {
    expect(followUpAfterTouch(first, { on: '2026-03-11', kind: 'call' })).toEqual({ stage: 'second', due: '2026-03-25' });
  });

  it('an email the evening of the meeting counts as the follow-up (ideally after ~12 hours)', () => {
    expect(followUpAfterTouch(first, { on: '2026-03-10', kind: 'email' })?.stage).toBe('second');
  });

  it('an attempt does not complete a follow-up', () => {
    expect(followUpAfterTouch(first, { on: '2026-03-11', kind: 'attempt' })).toBe(first);
  });

  it('the meeting itself is not its own follow-up', () => {
    expect(followUpAfterTouch(first, { on: '2026-03-10', kind: 'met' })).toBe(first);
  });

  it('a touch does not answer the tier question', () => {
    const tier = { stage: 'tier' as const, due: '2026-03-28' };
    expect(followUpAfterTouch(tier, { on: '2026-03-29', kind: 'call' })).toBe(tier);
  });

  it('a touch without a track leaves no track', () => {
    expect(followUpAfterTouch(null, { on: '2026-03-29', kind: 'call' })).toBeNull();
  });
});
