import { describe, expect, it } from 'vitest';
import { firstNudgeDay, isWithinCatchUp, nextNudgeAt, nudgeAfter, type NudgeSchedule } from '../../src/core/nudge-time.ts';
import { localTimeOf } from '../../src/core/dates.ts';

const berlin: NudgeSchedule = { time: '09:00', days: [1, 2, 3, 4, 5], timeZone: 'Europe/Berlin', pausedUntil: null };

describe('when the nudge comes', () => {
  it('a new user before 09:00 gets today\'s nudge; after 09:00 the next working day\'s', () => {
    expect(nextNudgeAt(berlin, new Date('2026-11-23T07:00:00Z'), false)).toBe('2026-11-23T08:00:00.000Z');
    expect(nextNudgeAt(berlin, new Date('2026-11-23T08:00:00Z'), false)).toBe('2026-11-24T08:00:00.000Z');
  });

  it('Friday afternoon leads to Monday: weekends are not nudge days by default', () => {
    expect(nextNudgeAt(berlin, new Date('2026-11-27T15:00:00Z'), false)).toBe('2026-11-30T08:00:00.000Z');
  });

  it('moving the time later on a day that already had its nudge does not bring a second one', () => {
    expect(nextNudgeAt({ ...berlin, time: '17:00' }, new Date('2026-11-23T10:00:00Z'), true)).toBe('2026-11-24T16:00:00.000Z');
  });

  it('09:00 stays 09:00 local across both daylight-saving switches', () => {
    const daily = { ...berlin, days: [1, 2, 3, 4, 5, 6, 7] };
    expect(nudgeAfter(daily, '2026-03-28')).toBe('2026-03-29T07:00:00.000Z');
    expect(nudgeAfter(daily, '2026-03-29')).toBe('2026-03-30T07:00:00.000Z');
    expect(nudgeAfter(daily, '2026-10-24')).toBe('2026-10-25T08:00:00.000Z');
    for (const at of ['2026-03-29T07:00:00.000Z', '2026-10-25T08:00:00.000Z']) expect(localTimeOf(at, 'Europe/Berlin')).toBe('09:00');
  });

  it('a nudge time inside the spring-forward gap moves to the first valid minute instead of vanishing', () => {
    const early = { ...berlin, time: '02:30', days: [7] };
    expect(nudgeAfter(early, '2026-03-28')).toBe('2026-03-29T01:30:00.000Z');
    expect(localTimeOf('2026-03-29T01:30:00.000Z', 'Europe/Berlin')).toBe('03:30');
  });

  it('zones with odd offsets: Kolkata (+5:30) and Chatham (+13:45)', () => {
    expect(nudgeAfter({ ...berlin, timeZone: 'Asia/Kolkata' }, '2026-11-23')).toBe('2026-11-24T03:30:00.000Z');
    expect(nudgeAfter({ ...berlin, timeZone: 'Pacific/Chatham' }, '2026-11-23')).toBe('2026-11-23T19:15:00.000Z');
  });

  it('a pause skips every day before its end; nudges resume on the end date', () => {
    const paused = { ...berlin, pausedUntil: '2027-01-06' };
    expect(firstNudgeDay(paused, '2026-12-20')).toBe('2027-01-06');
    expect(nextNudgeAt(paused, new Date('2026-12-20T07:00:00Z'), false)).toBe('2027-01-06T08:00:00.000Z');
  });

  it('a pause that starts later keeps the nudges until its first day and resumes on its end date', () => {
    const ahead = { ...berlin, pausedFrom: '2026-12-23', pausedUntil: '2027-01-07' };
    expect(firstNudgeDay(ahead, '2026-12-21')).toBe('2026-12-21');
    expect(firstNudgeDay(ahead, '2026-12-23')).toBe('2027-01-07');
    expect(nextNudgeAt(ahead, new Date('2026-12-22T10:00:00Z'), true)).toBe('2027-01-07T08:00:00.000Z');
  });

  it('no nudge days means no nudge', () => {
    expect(nextNudgeAt({ ...berlin, days: [] }, new Date('2026-11-23T07:00:00Z'), false)).toBeNull();
  });

  it('a nudge up to 6 hours late is caught up; later the day is skipped', () => {
    expect(isWithinCatchUp('2026-11-23T08:00:00.000Z', new Date('2026-11-23T14:00:00Z'), 6 * 3600_000)).toBe(true);
    expect(isWithinCatchUp('2026-11-23T08:00:00.000Z', new Date('2026-11-23T14:00:01Z'), 6 * 3600_000)).toBe(false);
  });
});
