/**
 * Dates are local calendar dates in the user's zone, resolved against `now`;
 * the machine runs in UTC (vitest.config.ts), so a leak of its zone shows.
 */
import { describe, expect, it } from 'vitest';
import type { ParseContext } from '../../src/commands/command.ts';
import { BERLIN, command, refusal } from './helpers.ts';

function at(iso: string, timeZone: string): ParseContext {
  return { now: new Date(iso), timeZone, language: 'en' };
}

describe('dates are resolved in the user time zone', () => {
  // 11:00 UTC is already 00:45 on Tuesday the 24th in the Chatham Islands (UTC+13:45).
  const chatham = at('2026-11-23T11:00:00Z', 'Pacific/Chatham');
  // 07:00 UTC is still 23:00 on Sunday the 22nd in Los Angeles.
  const losAngeles = at('2026-11-23T07:00:00Z', 'America/Los_Angeles');

  it('"yesterday" just after midnight in Chatham is the 23rd, not the UTC 22nd', () => {
    expect(command('/met Anna yesterday', 'met', chatham).date).toBe('2026-11-23');
    expect(command('/met Anna', 'met', chatham).date).toBe('2026-11-24');
  });

  it('"yesterday" late in the evening in Los Angeles is the 21st, not the UTC 22nd', () => {
    expect(command('/met Anna yesterday', 'met', losAngeles).date).toBe('2026-11-21');
    expect(command('/touch Tom', 'touch', losAngeles).date).toBe('2026-11-22');
  });

  it('"until tomorrow" is the next local day', () => {
    expect(command('/snooze Bob until tomorrow', 'snooze', chatham).until).toBe('2026-11-25');
    expect(command('/snooze Bob until tomorrow', 'snooze', losAngeles).until).toBe('2026-11-23');
  });

  it('on the night the clocks go forward, "yesterday" is still the day before', () => {
    const springForward = at('2026-03-29T00:30:00Z', 'Europe/Berlin');
    expect(command('/met Anna yesterday', 'met', springForward).date).toBe('2026-03-28');
    expect(command('/touch Tom 3 months ago', 'touch', springForward).date).toBe('2025-12-29');
  });

  it('German and English date words are understood whatever the user language', () => {
    const german: ParseContext = { ...BERLIN, language: 'de' };
    expect(command('/met Anna yesterday', 'met', german).date).toBe('2026-11-22');
    expect(command('/met Anna gestern', 'met', BERLIN).date).toBe('2026-11-22');
    expect(command('/met Anna vorgestern', 'met', BERLIN).date).toBe('2026-11-21');
  });
});

describe('what happened lies in the past, what is due in the future', () => {
  it('a bare weekday for met or touch is the last one ("Friday" = last Friday)', () => {
    expect(command('/met Anna on Friday', 'met').date).toBe('2026-11-20');
    expect(command('mit Anna am Mittwoch telefoniert', 'touch').date).toBe('2026-11-18');
  });

  it('a weekday named on that weekday is today for met and a week on for snooze', () => {
    expect(command('/met Anna on Monday', 'met').date).toBe('2026-11-23');
    expect(command('/snooze Bob until Monday', 'snooze').until).toBe('2026-11-30');
  });

  it('a month and day without a year is the last one for met and the next one for remind', () => {
    expect(command('/met Anna on December 3', 'met').date).toBe('2025-12-03');
    expect(command('/remind Bob on October 3', 'remind').date).toBe('2027-10-03');
    expect(command('/snooze Anna until January 10', 'snooze').until).toBe('2027-01-10');
  });

  it('German day.month. without a year is understood', () => {
    expect(command('/met Anna am 20.11.', 'met').date).toBe('2026-11-20');
    expect(command('/snooze Anna bis 3.1.', 'snooze').until).toBe('2027-01-03');
  });

  it('a date in the future is refused for met, add and touch', () => {
    expect(refusal('/met Anna tomorrow')).toMatchObject({ error: 'date_in_future', intent: 'met', params: { got: 'tomorrow', date: '2026-11-24' } });
    expect(refusal('/add Bob, last talked next week').error).toBe('date_in_future');
    expect(refusal('/touch Tom next week').error).toBe('date_in_future');
  });

  it('a date before today is refused for snooze, pause and remind', () => {
    expect(refusal('/snooze Bob until last week')).toMatchObject({
      error: 'date_in_past',
      intent: 'snooze',
      params: { got: 'last week', date: '2026-11-16', name: 'Bob' },
    });
    expect(refusal('/pause until last Friday').error).toBe('date_in_past');
    expect(refusal('/remind Bob last Friday').error).toBe('date_in_past');
  });

  it('a reminder may be due today', () => {
    expect(command('/remind Bob today call about the tender', 'remind').date).toBe('2026-11-23');
  });

  it('a future date inside a touch note stays in the note', () => {
    expect(command('called Bob about the meeting next Friday', 'touch')).toMatchObject({ date: '2026-11-23', note: 'about the meeting next Friday' });
  });

  it('a time of day is ignored for dates', () => {
    expect(command('/met Anna yesterday at 5pm at the Summit', 'met')).toMatchObject({ date: '2026-11-22', place: 'Summit' });
    expect(command('/met Anna at 3D Expo', 'met')).toMatchObject({ date: '2026-11-23', place: '3D Expo' });
  });
});

describe('a pause over a range of days', () => {
  const january8 = { ...BERLIN, now: new Date('2027-01-08T09:00:00Z') };

  it('said ahead of it, starts on its first day and ends after its last: "vom 23.12. bis 6.1."', () => {
    expect(command('/pause vom 23.12. bis 6.1.', 'pause')).toMatchObject({ from: '2026-12-23', until: '2027-01-07' });
    expect(command('/pause from December 23 to January 6', 'pause')).toMatchObject({ from: '2026-12-23', until: '2027-01-07' });
  });

  it('a range that has begun, or begins today, pauses from now', () => {
    const running = command('/pause vom 1.1. bis 15.1.', 'pause', january8);
    expect(running.until).toBe('2027-01-16');
    expect(running.from).toBeUndefined();
    expect(command('/pause ab heute bis 15. Januar', 'pause', january8).from).toBeUndefined();
  });

  it('a range with a date that cannot be read is refused', () => {
    expect(refusal('/pause vom 23.12. bis irgendwann')).toMatchObject({ error: 'bad_date', intent: 'pause' });
  });
});
