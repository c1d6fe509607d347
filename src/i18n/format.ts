/** Dates and numbers as a user reads them, in their language. */
import { DateTime } from 'luxon';
import type { Language, LocalDate } from '../core/types.ts';

const cache = new Map<string, string>();

/** `Mon 23 Nov` / `Mo., 23. Nov.`, with the year when it is not the current one. */
export function formatDate(date: LocalDate, language: Language, today?: LocalDate): string {
  const withYear = today !== undefined && date.slice(0, 4) !== today.slice(0, 4);
  const key = `${date}|${language}|${withYear}`;
  let formatted = cache.get(key);
  if (formatted === undefined) {
    const dt = DateTime.fromISO(date, { zone: 'utc' }).setLocale(language === 'de' ? 'de-DE' : 'en-GB');
    const pattern = language === 'de' ? (withYear ? 'ccc, d. LLL yyyy' : 'ccc, d. LLL') : withYear ? 'ccc d LLL yyyy' : 'ccc d LLL';
    formatted = dt.toFormat(pattern);
    if (cache.size > 5000) cache.clear();
    cache.set(key, formatted);
  }
  return formatted;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** A stored birthday (`MM-DD` or `YYYY-MM-DD`) as read: `12 March 1985` / `12. März 1985`, without a year when none is known. */
export function formatBirthdayText(stored: string, language: Language): string {
  const m = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(stored);
  if (!m) return stored;
  // 2000 is a leap year: 29 February has a month name too.
  const dt = DateTime.fromObject({ year: 2000, month: Number(m[2]), day: Number(m[3]) }, { zone: 'utc' }).setLocale(language === 'de' ? 'de-DE' : 'en-GB');
  const dayMonth = dt.toFormat(language === 'de' ? 'd. LLLL' : 'd LLLL');
  return m[1] ? `${dayMonth} ${m[1]}` : dayMonth;
}
