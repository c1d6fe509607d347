/**
 * Which days are working days, for greeting a birthday that falls on a day
 * off on the working day before it. The one place to swap: Saturday and
 * Sunday off for now; a holiday calendar by region (date-holidays, branch
 * `nudge`) replaces it here without touching the birthday rules.
 */
import { isWeekday, type IsWorkingDay } from '../core/birthday.ts';
import type { User } from '../store/users.ts';

export function workingDaysOf(_user: User): IsWorkingDay {
  return isWeekday;
}
