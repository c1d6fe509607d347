/**
 * Dates as contact exports write them: ISO (`2024-03-12`, with or without a
 * time), German (`12.03.2024`, `12.3.24`), LinkedIn's `12 Mar 2024`, English
 * and German month names (`March 12, 2024`, `12. März 2024`), and slashes.
 * `3/12/2024` is read month first (how English-language exports write it)
 * unless the first number cannot be a month. Calendar dates, no zone.
 */
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
