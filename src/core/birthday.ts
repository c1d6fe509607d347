/**
 * Birthdays (DESIGN §1: occasions are the best reasons to call). A birthday
 * is a month and a day, with the year when it is known. Stored, exported as
 * JSON and written in the chat's answers as `MM-DD` or `YYYY-MM-DD`.
 *
 * 29 February in a year without one falls on 28 February: the greeting stays
 * in the person's own month and comes a day early rather than late — the
 * reading of German law too (§ 188 (3) BGB: a period ending on a day the month
 * lacks ends on its last day). The ICS export writes the same rule
 * (`BYMONTHDAY=-1` in February), so calendar and nudge agree.
 */
import { addDays, isoWeekday, localDateOf, startOfIsoWeek } from './dates.ts';
import type { LocalDate, Tier } from './types.ts';

export interface Birthday {
  month: number;
  day: number;
  /** The year of birth when known. */
  year: number | null;
}

/** The first year taken as a year of birth; earlier ones are placeholders for "no year" (Apple's 1604, 0000, 1900). */
const FIRST_BIRTH_YEAR = 1901;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** A real month and day (29 February only in a leap year, or without a year). */
export function isValidBirthday(birthday: Birthday): boolean {
  const { month, day, year } = birthday;
  if (!Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1) return false;
  if (day > (DAYS_IN_MONTH[month - 1] as number)) return false;
  if (year === null) return true;
  if (!Number.isInteger(year) || year < FIRST_BIRTH_YEAR || year > 9999) return false;
  return !(month === 2 && day === 29 && !isLeapYear(year));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The stored and JSON form: `MM-DD`, or `YYYY-MM-DD` with the year. */
export function formatBirthday(birthday: Birthday): string {
  const monthDay = `${pad(birthday.month)}-${pad(birthday.day)}`;
  return birthday.year === null ? monthDay : `${pad(birthday.year, 4)}-${monthDay}`;
}

/**
 * A birthday from its ISO 8601 forms: `YYYY-MM-DD`, `YYYYMMDD`, `MM-DD`, and
 * the year-less `--MM-DD` and `--MMDD` of vCard 4.0 and Google's exports (a
 * time after a date is ignored). A year before 1901 is a placeholder for "no
 * year" and is dropped. Null when it is none of these, or no real date.
 */
export function parseBirthday(text: string | null | undefined): Birthday | null {
  if (!text) return null;
  const value = text.trim();
  const m =
    /^(\d{4})-?(\d{2})-?(\d{2})(?:T[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value) ??
    /^(?:--)?()(\d{2})-?(\d{2})$/.exec(value);
  if (!m) return null;
  const year = m[1] ? Number(m[1]) : null;
  // A placeholder year (Apple's 1604, 0000, 1900) means "no year"; its 29 February stays.
  const birthday: Birthday = { month: Number(m[2]), day: Number(m[3]), year: year !== null && year >= FIRST_BIRTH_YEAR ? year : null };
  return isValidBirthday(birthday) ? birthday : null;
}

/** The local date of the birthday in `year` (29 February -> 28 February in other years). */
export function birthdayIn(birthday: Birthday, year: number): LocalDate {
  const day = birthday.month === 2 && birthday.day === 29 && !isLeapYear(year) ? 28 : birthday.day;
  return `${pad(year, 4)}-${pad(birthday.month)}-${pad(day)}`;
}

/** Birthday rule: the first birthday on or after `today`. */
export function nextBirthday(birthday: Birthday, today: LocalDate): LocalDate {
  const year = Number(today.slice(0, 4));
  const thisYear = birthdayIn(birthday, year);
  return thisYear >= today ? thisYear : birthdayIn(birthday, year + 1);
}

/** Birthday rule in the user's time zone: the next birthday as seen from `now` in `zone`. */
export function nextBirthdayAt(birthday: Birthday, now: Date, zone: string): LocalDate {
  return nextBirthday(birthday, localDateOf(now, zone));
}

/** The age someone turns on their birthday in the year of `date`; null without a year of birth. */
export function ageTurning(birthday: Birthday, date: LocalDate): number | null {
  return birthday.year === null ? null : Number(date.slice(0, 4)) - birthday.year;
}

/** Whether a local date is a day to send greetings on. */
export type IsWorkingDay = (date: LocalDate) => boolean;

/** The default working days: Monday to Friday. Public holidays come with a region's calendar. */
export const isWeekday: IsWorkingDay = (date) => isoWeekday(date) <= 5;

/** How far back a greeting may move: past two weeks of days off, there is no working day to move to. */
const MAX_DAYS_BACK = 14;

/**
 * Birthday rule of the nudge: greet on the day, or on the last working day
 * before it when it falls on a weekend or a holiday (a Sunday birthday is
 * greeted on Friday). When no working day lies within two weeks before it,
 * the day itself.
 */
export function nudgeDayForBirthday(date: LocalDate, isWorkingDay: IsWorkingDay = isWeekday): LocalDate {
  for (let back = 0; back <= MAX_DAYS_BACK; back++) {
    const day = addDays(date, -back);
    if (isWorkingDay(day)) return day;
  }
  return date;
}

/** A contact as the birthday rules need it (the store's Contact fits). */
export interface BirthdayContact {
  id: number;
  name: string;
  tier: Tier;
  status: string;
  /** The stored form, `MM-DD` or `YYYY-MM-DD`; anything else is no birthday. */
  birthday: string | null;
}

export interface BirthdayEntry<C extends BirthdayContact = BirthdayContact> {
  contact: C;
  /** The birthday itself. */
  on: LocalDate;
  /** The day the nudge greets it (see nudgeDayForBirthday). */
  greetOn: LocalDate;
  /** The age turned, when the year of birth is known. */
  turns: number | null;
}

export interface BirthdayOptions {
  /** Whose birthdays count: A and B by default (C is passive, D has no potential). */
  tiers?: readonly Tier[];
  isWorkingDay?: IsWorkingDay;
}

const DEFAULT_TIERS: readonly Tier[] = ['A', 'B'];

function entriesFrom<C extends BirthdayContact>(contacts: readonly C[], options: BirthdayOptions, dates: (b: Birthday) => LocalDate[], keep: (entry: BirthdayEntry<C>) => boolean): BirthdayEntry<C>[] {
  const tiers = options.tiers ?? DEFAULT_TIERS;
  const isWorkingDay = options.isWorkingDay ?? isWeekday;
  const entries: BirthdayEntry<C>[] = [];
  for (const contact of contacts) {
    if (contact.status !== 'active' || !tiers.includes(contact.tier)) continue;
    const birthday = parseBirthday(contact.birthday);
    if (!birthday) continue;
    for (const on of dates(birthday)) {
      const entry = { contact, on, greetOn: nudgeDayForBirthday(on, isWorkingDay), turns: ageTurning(birthday, on) };
      if (keep(entry)) entries.push(entry);
    }
  }
  return entries.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.contact.name.localeCompare(b.contact.name)));
}

/**
 * Birthday rule of the Monday line: the birthdays of active A and B contacts
 * in the ISO week (Monday to Sunday) that holds `today`, in date order.
 */
export function birthdaysInWeek<C extends BirthdayContact>(contacts: readonly C[], today: LocalDate, options: BirthdayOptions = {}): BirthdayEntry<C>[] {
  const monday = startOfIsoWeek(today);
  const sunday = addDays(monday, 6);
  const years = [...new Set([Number(monday.slice(0, 4)), Number(sunday.slice(0, 4))])];
  return entriesFrom(contacts, options, (b) => years.map((year) => birthdayIn(b, year)), (e) => e.on >= monday && e.on <= sunday);
}

/**
 * Birthday rule of the daily nudge: whom to greet on `today` — everyone whose
 * birthday is today, or whose birthday falls on the days off that follow it
 * (on a Friday: Saturday's and Sunday's birthdays too). Active A and B
 * contacts by default.
 */
export function birthdayGreetingsOn<C extends BirthdayContact>(contacts: readonly C[], today: LocalDate, options: BirthdayOptions = {}): BirthdayEntry<C>[] {
  const year = Number(today.slice(0, 4));
  // A birthday greeted today is at most MAX_DAYS_BACK days ahead, possibly in the next year.
  return entriesFrom(contacts, options, (b) => [birthdayIn(b, year), birthdayIn(b, year + 1)], (e) => e.greetOn === today);
}
