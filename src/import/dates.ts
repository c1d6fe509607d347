/**
 * Dates as contact exports write them: ISO (`2024-03-12`, with or without a
 * time), German (`12.03.2024`, `12.3.24`), LinkedIn's `12 Mar 2024`, English
 * and German month names (`March 12, 2024`, `12. März 2024`), and slashes.
 * `3/12/2024` is read month first (how English-language exports write it)
 * unless the first number cannot be a month. Calendar dates, no zone.
 */
import { isValidBirthday, parseBirthday, type Birthday } from '../core/birthday.ts';
import { isLocalDate } from '../core/dates.ts';
import type { LocalDate } from '../core/types.ts';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, januar: 1, jän: 1, jänner: 1,
  feb: 2, february: 2, februar: 2,
  mar: 3, march: 3, mär: 3, märz: 3, maerz: 3, mrz: 3,
  apr: 4, april: 4,
  may: 5, mai: 5,
  jun: 6, june: 6, juni: 6,
  jul: 7, july: 7, juli: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, okt: 10, oktober: 10,
  nov: 11, november: 11,
  dec: 12, december: 12, dez: 12, dezember: 12,
};

function date(year: number, month: number, day: number): LocalDate | null {
  const full = year < 100 ? 2000 + year : year;
  const text = `${String(full).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return full >= 1900 && isLocalDate(text) ? text : null;
}

function month(word: string): number | undefined {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')];
}

/** A local date from what an export wrote, or null when it cannot be read for sure. */
export function parseImportDate(text: string): LocalDate | null {
  const value = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (m) return date(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (m) return date(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2}|\d{4})$/.exec(value);
  if (m) return date(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(value);
  if (m) return date(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(value);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return a > 12 ? date(year, b, a) : date(year, a, b);
  }
  // 12 Mar 2024, 12. März 2024, 12-Mar-2024
  m = /^(\d{1,2})\.?[\s-]+([\p{L}]+\.?)[\s-]+(\d{4})$/u.exec(value);
  if (m) {
    const mon = month(m[2] ?? '');
    return mon ? date(Number(m[3]), mon, Number(m[1])) : null;
  }
  // March 12, 2024 / Mar 12 2024
  m = /^([\p{L}]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/u.exec(value);
  if (m) {
    const mon = month(m[1] ?? '');
    return mon ? date(Number(m[3]), mon, Number(m[2])) : null;
  }
  return null;
}

/** Outlook writes "no birthday" as a date of zeros: `0/0/00`, `0.0.00`, `00.00.0000`. */
export function isBlankDate(text: string): boolean {
  return /^[\s0./-]*$/.test(text);
}

function monthDay(month: number | undefined, day: number, year: number | null): Birthday | null {
  if (month === undefined) return null;
  const birthday: Birthday = { month, day, year };
  return isValidBirthday(birthday) ? birthday : null;
}

/**
 * A four-digit year of birth. A two-digit one cannot be told apart (85 or
 * 2085?) and a year before 1901 is a placeholder: both give no year.
 */
function birthYear(text: string | undefined): number | null {
  return text && text.length === 4 && Number(text) >= 1901 ? Number(text) : null;
}

/**
 * A birthday as contact exports write it: the ISO forms (`1985-03-12`,
 * `19850312`, `--03-12`, `--0312`, with or without a time), German
 * (`12.03.1985`, `12.3.`), slashes (`3/12/1985` month first unless the first
 * number cannot be a month), and month names in English or German
 * (`12. März 1985`, `March 12`, `12 Mar`). Without a year, or with a
 * two-digit one, it is a birthday without a year. Null when it cannot be read.
 */
export function parseImportBirthday(text: string): Birthday | null {
  const value = text.trim();
  const iso = parseBirthday(value);
  if (iso) return iso;
  let m = /^(\d{1,2})\.\s?(\d{1,2})\.?(?:\s?(\d{2}|\d{4}))?$/.exec(value);
  if (m) return monthDay(Number(m[2]), Number(m[1]), birthYear(m[3]));
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(value);
  if (m) return monthDay(Number(m[2]), Number(m[3]), birthYear(m[1]));
  m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(value);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return a > 12 ? monthDay(b, a, birthYear(m[3])) : monthDay(a, b, birthYear(m[3]));
  }
  // 12. März 1985, 12 Mar, 12-Mar-1985
  m = /^(\d{1,2})\.?[\s-]+([\p{L}]+\.?)(?:[\s-]+(\d{4}))?$/u.exec(value);
  if (m) return monthDay(month(m[2] ?? ''), Number(m[1]), birthYear(m[3]));
  // March 12, 1985 / Mar 12
  m = /^([\p{L}]+\.?)\s+(\d{1,2})(?:,?\s+(\d{4}))?$/u.exec(value);
  if (m) return monthDay(month(m[1] ?? ''), Number(m[2]), birthYear(m[3]));
  return null;
}
