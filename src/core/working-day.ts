/**
 * Working days (docs/scheduler.md "Working days"): the days a user gets a nudge
 * and on which every date keepwarm suggests falls — their nudge days (Monday to
 * Friday by default) that are not public holidays of their region. A second
 * touch, a "no answer, back in three days" or a snooze lands on a working day,
 * so the nudge of that day can keep the promise.
 *
 * Pure: the holiday lookup is passed in (src/holidays answers it from the
 * date-holidays library), so this rule is tested without it and can be used by
 * anything that needs "the next working day" (birthday greetings too).
 */
import { addDays, isoWeekday } from './dates.ts';
import type { LocalDate } from './types.ts';

/** Whether `date` is a public holiday in `region` (`DE-BY`, `NZ`). */
export type HolidayLookup = (region: string, date: LocalDate) => boolean;

export interface WorkingDaySettings {
  /** ISO weekdays the user works, 1 = Monday (their nudge days). */
  days: readonly number[];
  /** The holiday region (`DE-BY`), or null: only the weekdays count. */
  holidayRegion: string | null;
  isHoliday: HolidayLookup;
}

/** How far ahead a working day is looked for: a year covers any choice of days and holidays. */
const SEARCH_DAYS = 366;

/** Working-day rule: one of the user's days and not a public holiday of their region. */
export function isWorkingDay(settings: WorkingDaySettings, date: LocalDate): boolean {
  if (!settings.days.includes(isoWeekday(date))) return false;
  return settings.holidayRegion === null || !settings.isHoliday(settings.holidayRegion, date);
}

/**
 * Working-day rule: the first working day on or after `date` — `date` itself
 * when it is one. With no weekday chosen there is none, and `date` is
 * returned unchanged (the user asked for no nudges at all).
 */
export function workingDayOnOrAfter(settings: WorkingDaySettings, date: LocalDate): LocalDate {
  if (settings.days.length === 0) return date;
  for (let offset = 0; offset < SEARCH_DAYS; offset++) {
    const candidate = addDays(date, offset);
    if (isWorkingDay(settings, candidate)) return candidate;
  }
  return date;
}

/** Settings with no holidays and every weekday: dates stay as they are (sources, old callers). */
export const EVERY_DAY: WorkingDaySettings = { days: [1, 2, 3, 4, 5, 6, 7], holidayRegion: null, isHoliday: () => false };
