/** Working days: the user's nudge days without the public holidays of their region — every suggested date falls on one. */
import { describe, expect, it } from 'vitest';
import { advanceFollowUp, startFollowUp } from '../../src/core/follow-up.ts';
import { firstNudgeDay, nextNudgeAt } from '../../src/core/nudge-time.ts';
import { isWorkingDay, workingDayOnOrAfter, type WorkingDaySettings } from '../../src/core/working-day.ts';

/** A holiday lookup that knows a few Bavarian days, enough to test the rule without the library. */
const BAVARIA = new Set(['2026-12-25', '2026-12-26', '2027-01-01', '2027-01-06']);
const workdays: WorkingDaySettings = { days: [1, 2, 3, 4, 5], holidayRegion: 'DE-BY', isHoliday: (region, date) => region === 'DE-BY' && BAVARIA.has(date) };

describe('the working-day rule', () => {
  it('a working day is one of the user\'s days and not a public holiday of their region', () => {
    expect(isWorkingDay(workdays, '2026-12-24')).toBe(true); // Thursday
    expect(isWorkingDay(workdays, '2026-12-25')).toBe(false); // Christmas Day, a Friday
    expect(isWorkingDay(workdays, '2026-12-27')).toBe(false); // Sunday
    expect(isWorkingDay(workdays, '2027-01-06')).toBe(false); // Epiphany in Bavaria
  });

  it('without a region only the weekdays count', () => {
    expect(isWorkingDay({ ...workdays, holidayRegion: null }, '2027-01-06')).toBe(true);
  });

  it('the first working day on or after a date skips weekends and holidays', () => {
    expect(workingDayOnOrAfter(workdays, '2026-12-24')).toBe('2026-12-24');
    expect(workingDayOnOrAfter(workdays, '2026-12-25')).toBe('2026-12-28');
    expect(workingDayOnOrAfter(workdays, '2027-01-01')).toBe('2027-01-04');
    expect(workingDayOnOrAfter(workdays, '2027-01-06')).toBe('2027-01-07');
  });

  it('a user who chose Saturdays works on Saturdays', () => {
    expect(workingDayOnOrAfter({ ...workdays, days: [1, 2, 3, 4, 5, 6] }, '2026-12-26')).toBe('2026-12-28');
    expect(workingDayOnOrAfter({ ...workdays, days: [6] }, '2027-01-02')).toBe('2027-01-02');
  });
});

describe('the follow-up track on working days', () => {
  it('met on New Year\'s Eve in Bavaria: the follow-up is suggested on Monday 4 January, the first working day', () => {
    expect(startFollowUp('2026-12-31', workdays)).toEqual({ stage: 'first', due: '2027-01-04' });
  });

  it('a second touch two weeks after a follow-up on 23 December lands on 7 January, not on Epiphany', () => {
    expect(advanceFollowUp({ stage: 'first', due: '2026-12-22' }, '2026-12-23', workdays)).toEqual({ stage: 'second', due: '2027-01-07' });
  });

  it('the tier question the day after a second touch on Christmas Eve comes on Monday 28 December', () => {
    expect(advanceFollowUp({ stage: 'second', due: '2026-12-24' }, '2026-12-24', workdays)).toEqual({ stage: 'tier', due: '2026-12-28' });
  });
});

describe('no nudge on a public holiday', () => {
  const schedule = { ...workdays, time: '09:00', timeZone: 'Europe/Berlin', pausedUntil: null };

  it('the nudge after Christmas Eve comes on Monday 28 December', () => {
    expect(nextNudgeAt(schedule, new Date('2026-12-24T09:30:00Z'), true)).toBe('2026-12-28T08:00:00.000Z');
  });

  it('after New Year and Epiphany, the nudge days are 4, 5 and 7 January', () => {
    expect(firstNudgeDay(schedule, '2027-01-01')).toBe('2027-01-04');
    expect(firstNudgeDay(schedule, '2027-01-06')).toBe('2027-01-07');
  });
});
