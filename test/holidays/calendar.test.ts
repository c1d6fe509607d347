/** The holiday calendar from date-holidays: regions, defaults from zone and language, and the days themselves. */
import { describe, expect, it } from 'vitest';
import { effectiveRegion, holidayCalendar, workingDaysOf } from '../../src/holidays/index.ts';
import { workingDayOnOrAfter } from '../../src/core/working-day.ts';

describe('the holiday calendar', () => {
  it('knows Bavaria\'s public holidays: Christmas, New Year and Epiphany, but not Christmas Eve (a bank holiday from 2 pm)', async () => {
    const calendar = await holidayCalendar();
    for (const date of ['2026-12-25', '2026-12-26', '2027-01-01', '2027-01-06']) expect(calendar.isHoliday('DE-BY', date)).toBe(true);
    expect(calendar.isHoliday('DE-BY', '2026-12-24')).toBe(false);
    // Epiphany is a holiday in Bavaria, not in all of Germany.
    expect(calendar.isHoliday('DE', '2027-01-06')).toBe(false);
  });

  it('knows New Zealand\'s Easter and the Monday after an ANZAC Day on Sunday', async () => {
    const calendar = await holidayCalendar();
    for (const date of ['2027-03-26', '2027-03-29', '2027-04-26']) expect(calendar.isHoliday('NZ', date)).toBe(true);
    expect(calendar.isHoliday('NZ', '2027-03-30')).toBe(false);
  });

  it('reads a region as written and refuses one it does not know', async () => {
    const calendar = await holidayCalendar();
    expect(calendar.region('de-by')).toBe('DE-BY');
    expect(calendar.region('NZ')).toBe('NZ');
    expect(calendar.region('DE-XX')).toBeUndefined();
    expect(calendar.region('QQ')).toBeUndefined();
    expect(calendar.regionName('DE-BY', 'de')).toBe('Bayern, Deutschland');
  });

  it('derives the default region from the time zone, the language deciding between countries; none without a clue', async () => {
    const calendar = await holidayCalendar();
    expect(calendar.defaultRegion('de', 'Europe/Berlin')).toBe('DE');
    expect(calendar.defaultRegion('en', 'Europe/Berlin')).toBe('DE');
    expect(calendar.defaultRegion('en', 'Pacific/Auckland')).toBe('NZ');
    expect(calendar.defaultRegion('de', 'Europe/Zurich')).toBe('CH');
    expect(calendar.defaultRegion('de', 'UTC')).toBe('DE');
    expect(calendar.defaultRegion('en', 'UTC')).toBeNull();
  });

  it('a chosen region wins over the default; none switches holidays off', async () => {
    const calendar = await holidayCalendar();
    expect(effectiveRegion(calendar, 'DE-BY', 'de', 'Europe/Berlin')).toBe('DE-BY');
    expect(effectiveRegion(calendar, 'none', 'de', 'Europe/Berlin')).toBeNull();
    expect(effectiveRegion(calendar, null, 'de', 'Europe/Berlin')).toBe('DE');
  });

  it('gives the working-day rule a user\'s days and region', async () => {
    const workdays = await workingDaysOf({ nudgeDays: [1, 2, 3, 4, 5], holidays: 'DE-BY', language: 'de', timeZone: 'Europe/Berlin' });
    expect(workingDayOnOrAfter(workdays, '2027-01-06')).toBe('2027-01-07');
  });
});
