/**
 * Reading calendars as Google, Outlook and Apple export them: recurring events
 * expanded into occurrences, time zones (IANA and Windows names with the
 * file's own VTIMEZONE, across the change to winter time), cancellations,
 * EXDATE and moved occurrences, all-day events, attendees and privacy.
 */
import { describe, expect, it } from 'vitest';
import { CalendarUnreadable, readCalendar } from '../../src/sources/calendar-events.ts';
import { calendarFixture } from './fixtures.ts';

const window = { from: '2026-10-21T18:00:00.000Z', to: '2026-11-22T18:00:00.000Z', floatingZone: 'Europe/Berlin' };
const read = (name: Parameters<typeof calendarFixture>[0]) => readCalendar(calendarFixture(name), window).occurrences;
const titled = (list: ReturnType<typeof read>, prefix: string) => list.filter((o) => o.title.startsWith(prefix));

describe('a Google secret address', () => {
  const events = read('google-secret-address');

  it('expands a weekly event into its occurrences in the window, without the EXDATE', () => {
    const sync = events.filter((o) => o.uid === '7kq2project-sync@google.com');
    expect(sync.map((o) => o.start)).toEqual(['2026-10-27T09:00:00.000Z', '2026-11-12T14:00:00.000Z', '2026-11-17T09:00:00.000Z']);
  });

  it('keeps a moved occurrence under its original recurrence id', () => {
    const moved = events.find((o) => o.title === 'Project sync (moved to Thursday)')!;
    expect(moved.key).toBe('7kq2project-sync@google.com|2026-11-10T10:00:00');
    expect(moved.start).toBe('2026-11-12T14:00:00.000Z');
  });

  it('marks a cancelled occurrence and a cancelled event', () => {
    expect(events.find((o) => o.key.endsWith('2026-11-17T10:00:00'))!.cancelled).toBe(true);
    expect(titled(events, 'Breakfast with Tom')[0]!.cancelled).toBe(true);
    expect(titled(events, 'Project sync')[0]!.cancelled).toBe(false);
  });

  it('reads attendees with their answers, in lower case', () => {
    const review = titled(events, 'Quarterly review')[0]!;
    expect(review.attendees).toEqual([
      { email: 'a.keller@keller-consulting.example', partstat: 'ACCEPTED' },
      { email: 'ada.quill@example.org', partstat: 'DECLINED' },
    ]);
    expect(titled(events, 'Project sync')[0]!.attendees.map((a) => a.email)).toContain('tom.berger@example.com');
  });

  it('reads an all-day event by its date and a private one as private', () => {
    const birthday = titled(events, "Anna Keller's birthday")[0]!;
    expect(birthday).toMatchObject({ allDay: true, startDate: '2026-11-05' });
    expect(titled(events, 'Lunch with Lisa Kranz')[0]!.private).toBe(true);
  });

  it('reads UTC times as given and names the owner from X-WR-CALNAME', () => {
    expect(titled(events, 'Call across time zones')[0]!.start).toBe('2026-11-19T23:30:00.000Z');
    expect(readCalendar(calendarFixture('google-secret-address'), window).ownerHint).toBe('ada.quill@example.org');
  });
});

describe('an Outlook published calendar', () => {
  const events = read('outlook-published');

  it('reads Windows zone names by the VTIMEZONE in the file, summer and winter time alike', () => {
    expect(titled(events, 'Late call Tom Berger (summer')[0]!.start).toBe('2026-10-23T21:30:00.000Z');
    expect(titled(events, 'Late call Tom Berger (winter')[0]!.start).toBe('2026-10-30T22:30:00.000Z');
  });

  it('expands a monthly series with a COUNT and keeps only what falls in the window', () => {
    expect(titled(events, 'Jour fixe').map((o) => o.start)).toEqual(['2026-11-02T09:00:00.000Z']);
  });
});

describe('an Apple iCloud calendar', () => {
  const events = read('apple-icloud');

  it('expands a weekly series up to its UNTIL, each occurrence its own key', () => {
    const walks = titled(events, 'Walk with Lisa');
    expect(walks.map((o) => o.start.slice(0, 10))).toEqual(['2026-10-24', '2026-10-31', '2026-11-07', '2026-11-14']);
    expect(new Set(walks.map((o) => o.key)).size).toBe(4);
  });

  it('reads a multi-day all-day event with attendees by its first date', () => {
    expect(titled(events, 'Web Summit')[0]).toMatchObject({ allDay: true, startDate: '2026-11-02', organizer: 'ada.quill@example.org' });
  });

  it('leaves out the EXDATE of a daily series', () => {
    const planning = titled(events, 'Morning planning').map((o) => o.start.slice(0, 10));
    expect(planning).not.toContain('2026-11-12');
    expect(planning).toContain('2026-11-13');
  });
});

describe('bounds', () => {
  it('stops a runaway rule after its iteration limit', () => {
    const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:r', 'DTSTART:20000101T000000Z', 'DTEND:20000101T000001Z', 'RRULE:FREQ=SECONDLY', 'SUMMARY:x', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    const result = readCalendar(text, { ...window, maxIterations: 1000 });
    expect(result.occurrences).toEqual([]);
  });

  it('keeps at most maxOccurrences and says it left some out', () => {
    const result = readCalendar(calendarFixture('apple-icloud'), { ...window, maxOccurrences: 5 });
    expect(result.occurrences).toHaveLength(5);
    expect(result.truncated).toBe(true);
  });

  it('answers text that is no calendar with CalendarUnreadable', () => {
    expect(() => readCalendar('<html>not a calendar</html>', window)).toThrow(CalendarUnreadable);
  });
});
