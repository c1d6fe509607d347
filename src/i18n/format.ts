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
