/**
 * Spans of time: a cadence counts a month as 30 days, a week as 7 and a year
 * as 365; a snooze or pause moves along the calendar.
 */
import { describe, expect, it } from 'vitest';
import { addDuration, durationDays, findDuration } from '../../src/commands/duration.ts';
import { command, refusal } from './helpers.ts';

function days(text: string): number | undefined {
  const found = findDuration(text);
  return found && durationDays(found.duration);
}

describe('cadence', () => {
  it('a month counts as 30 days', () => {
    expect(command('/every Müller 2 months', 'cadence').cadenceDays).toBe(60);
    expect(command('/every Müller 2 Monate', 'cadence').cadenceDays).toBe(60);
    expect(days('monthly')).toBe(30);
    expect(days('monatlich')).toBe(30);
  });

  it('a week counts as 7 days and a year as 365', () => {
    expect(command('/every Carla 3 weeks', 'cadence').cadenceDays).toBe(21);
    expect(days('alle 3 Wochen')).toBe(21);
    expect(days('weekly')).toBe(7);
    expect(days('wöchentlich')).toBe(7);
    expect(days('every year')).toBe(365);
    expect(days('jährlich')).toBe(365);
  });

  it('quarterly is 90 days and half-yearly 180', () => {
    expect(days('quarterly')).toBe(90);
    expect(days('vierteljährlich')).toBe(90);
    expect(days('halbjährlich')).toBe(180);
    expect(days('ein halbes Jahr')).toBe(180);
  });

  it('number words count in English and German', () => {
    expect(days('every two weeks')).toBe(14);
    expect(days('alle zwei Wochen')).toBe(14);
    expect(days('every other week')).toBe(14);
    expect(days('every 45 days')).toBe(45);
    expect(days('every month')).toBe(30);
  });

  it('a bare number is days', () => {
    expect(command('/every Bob 45', 'cadence').cadenceDays).toBe(45);
  });

  it('zero and more than ten years are refused', () => {
    expect(refusal('/every Bob 0 days')).toMatchObject({ error: 'bad_cadence', params: { days: '0', name: 'Bob' } });
    expect(refusal('/every Bob 11 years')).toMatchObject({ error: 'bad_cadence', params: { days: '4015' } });
    expect(command('/every Bob 10 years', 'cadence').cadenceDays).toBe(3650);
  });

  it('a word that is no span is refused and named', () => {
    expect(refusal('/every Bob sometimes')).toEqual({ error: 'bad_cadence', intent: 'cadence', params: { got: 'sometimes', name: 'Bob' } });
  });

  it('"3 months ago" is a date, not a span', () => {
    expect(findDuration('3 months ago')).toBeUndefined();
    expect(findDuration('vor 3 Monaten')).toBeUndefined();
  });

  it('a unit word alone in a note is no span', () => {
    expect(findDuration('met last week at the fair')).toBeUndefined();
  });
});

describe('snooze and pause spans', () => {
  it('days and weeks count exactly from today', () => {
    expect(command('snooze 3 days', 'snooze').until).toBe('2026-11-26');
    expect(command('/snooze Bob 2 weeks', 'snooze').until).toBe('2026-12-07');
    expect(command('/pause für 3 Tage', 'pause').until).toBe('2026-11-26');
  });

  it('months move along the calendar', () => {
    expect(command('/snooze Bob 2 months', 'snooze').until).toBe('2027-01-23');
    expect(addDuration('2027-01-31', { amount: 1, unit: 'month' })).toBe('2027-02-28');
  });

  it('a zero span is refused, it would end today', () => {
    expect(refusal('/snooze Bob 0 days').error).toBe('date_in_past');
  });

  it('a span longer than ten years is refused', () => {
    expect(refusal('/snooze Bob 20 years').error).toBe('bad_date');
  });
});
