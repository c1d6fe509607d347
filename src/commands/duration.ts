/**
 * Spans of time as people write them: "3 weeks", "2 Monate", "every 45 days",
 * "alle 3 Wochen", "monthly", "vierteljährlich". A cadence counts a month as
 * 30 days, a week as 7 and a year as 365 (docs/design.md §1: "2 months" = 60 days);
 * a snooze or pause moves along the calendar instead ("2 months" from
 * 23 November is 23 January).
 */
import { DateTime } from 'luxon';
import { addDays } from '../core/dates.ts';
import type { LocalDate } from '../core/types.ts';
import { lookup } from './normalize.ts';

export type DurationUnit = 'day' | 'week' | 'month' | 'year';

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

export interface DurationFound {
  duration: Duration;
  index: number;
  text: string;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  ein: 1, eine: 1, einen: 1, einem: 1, einer: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, fuenf: 5, sechs: 6, sieben: 7, acht: 8,
  neun: 9, zehn: 10, elf: 11, zwölf: 12, zwoelf: 12, other: 2, couple: 2,
};

const UNITS: readonly (readonly [RegExp, Duration])[] = [
  [/^(?:days?|tage?n?|tg)$/iu, { amount: 1, unit: 'day' }],
  [/^(?:weeks?|wks?|wochen?)$/iu, { amount: 1, unit: 'week' }],
  [/^(?:months?|monate?n?|monats)$/iu, { amount: 1, unit: 'month' }],
  [/^(?:quarters?|quartale?n?)$/iu, { amount: 3, unit: 'month' }],
  [/^(?:years?|yrs?|jahre?n?|jahres)$/iu, { amount: 1, unit: 'year' }],
];

const ADVERBS: readonly (readonly [RegExp, Duration])[] = [
  [/^(?:daily|täglich|taeglich)$/iu, { amount: 1, unit: 'day' }],
  [/^(?:weekly|wöchentlich|woechentlich)$/iu, { amount: 1, unit: 'week' }],
  [/^(?:bi-?weekly|fortnightly|zweiwöchentlich|zweiwoechentlich)$/iu, { amount: 2, unit: 'week' }],
  [/^(?:monthly|monatlich)$/iu, { amount: 1, unit: 'month' }],
  [/^(?:bi-?monthly|zweimonatlich)$/iu, { amount: 2, unit: 'month' }],
  [/^(?:quarterly|vierteljährlich|vierteljaehrlich|quartalsweise)$/iu, { amount: 3, unit: 'month' }],
  [/^(?:half-?yearly|semi-?annually|halbjährlich|halbjaehrlich)$/iu, { amount: 6, unit: 'month' }],
  [/^(?:yearly|annually|jährlich|jaehrlich)$/iu, { amount: 1, unit: 'year' }],
];

const NUM = `\\d{1,6}|${Object.keys(NUMBER_WORDS).join('|')}`;
const UNIT = 'days?|tage?n?|weeks?|wks?|wochen?|months?|monate?n?|monats|quarters?|quartale?n?|years?|yrs?|jahre?n?|jahres';
const LEAD = '(?:(?:for|für|fuer|in|um|every|each|alle|jede[nrsm]?|all)\\s+)?';
// "3 months ago" and "vor 3 Monaten" are dates, not spans.
const SPAN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?<!vor\\s)${LEAD}(?:(?<num>${NUM})\\s*(?:of\\s+)?|(?<half>half an?|an? half|ein(?:\\s+|en\\s+)?halbes|halbes)\\s+)?(?<unit>${UNIT})(?![\\p{L}\\p{N}])(?!\\s+ago)`,
  'iu',
);
const ADVERB = /(?<![\p{L}\p{N}])(?:daily|täglich|taeglich|weekly|wöchentlich|woechentlich|bi-?weekly|fortnightly|zweiwöchentlich|zweiwoechentlich|monthly|monatlich|bi-?monthly|zweimonatlich|quarterly|vierteljährlich|vierteljaehrlich|quartalsweise|half-?yearly|semi-?annually|halbjährlich|halbjaehrlich|yearly|annually|jährlich|jaehrlich)(?![\p{L}\p{N}])/iu;
const EVERY = /^(?:every|each|alle|jede[nrsm]?|all)\s/iu;

/**
 * The first span of time in `text`. A bare unit counts only after "every"/"jeden"
 * ("every month"), so the word "week" in a note is not a duration.
 */
export function findDuration(text: string): DurationFound | undefined {
  const span = SPAN.exec(text);
  if (span?.groups) {
    const { num, half, unit } = span.groups;
    const base = UNITS.find(([re]) => re.test(unit ?? ''))?.[1];
    const bareUnitAllowed = num !== undefined || half !== undefined || EVERY.test(span[0]);
    if (base && bareUnitAllowed) {
      const duration = half !== undefined ? halfOf(base) : scale(base, num === undefined ? 1 : numberOf(num));
      return { duration, index: span.index, text: span[0] };
    }
  }
  const adverb = ADVERB.exec(text);
  const base = adverb && ADVERBS.find(([re]) => re.test(adverb[0]))?.[1];
  return adverb && base ? { duration: base, index: adverb.index, text: adverb[0] } : undefined;
}

function numberOf(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (lookup(NUMBER_WORDS, word.toLowerCase()) ?? 1);
}

function scale(base: Duration, times: number): Duration {
  return { amount: base.amount * times, unit: base.unit };
}

function halfOf(base: Duration): Duration {
  if (base.unit === 'year') return { amount: 6 * base.amount, unit: 'month' };
  if (base.unit === 'month') return { amount: 15 * base.amount, unit: 'day' };
  return { amount: Math.max(1, Math.round((base.unit === 'week' ? 7 : 1) * base.amount / 2)), unit: 'day' };
}

const DAYS_PER_UNIT: Record<DurationUnit, number> = { day: 1, week: 7, month: 30, year: 365 };

/** Length in days for a cadence: a month counts as 30 days, a week 7, a year 365. */
export function durationDays(duration: Duration): number {
  return duration.amount * DAYS_PER_UNIT[duration.unit];
}

/** The calendar date `duration` after `date` (months and years along the calendar). */
export function addDuration(date: LocalDate, duration: Duration): LocalDate {
  if (duration.unit === 'day') return addDays(date, duration.amount);
  if (duration.unit === 'week') return addDays(date, 7 * duration.amount);
  const unit = duration.unit === 'month' ? 'months' : 'years';
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ [unit]: duration.amount }).toISODate() ?? date;
}
