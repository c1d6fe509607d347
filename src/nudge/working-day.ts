/**
 * Which days are working days for greeting a birthday: the user's nudge days
 * without the public holidays of their region (src/holidays, date-holidays),
 * the same rule as every other date keepwarm suggests. A birthday on a day off
 * is greeted on the working day before it (src/core/birthday.ts).
 */
import type { IsWorkingDay } from '../core/birthday.ts';
import { isWorkingDay } from '../core/working-day.ts';
import { workingDaysWith, type HolidayCalendar } from '../holidays/index.ts';
import type { User } from '../store/users.ts';

export function birthdayWorkingDays(calendar: HolidayCalendar, user: User): IsWorkingDay {
  const settings = workingDaysWith(calendar, user);
  return (date) => isWorkingDay(settings, date);
}
