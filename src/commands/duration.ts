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
import { gather, gatherRecord } from './lexicon/index.ts';
import type { DurationUnitWord } from './lexicon/types.ts';
import { alternation, lookupWord, phrases, table } from './lexicon/compile.ts';

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

const NUMBER_LIST = gatherRecord((l) => l.durations.numbers);
const NUMBER_WORDS = table(NUMBER_LIST);
const UNIT_OF = table(gatherRecord((l) => l.durations.units).flatMap(([unit, words]) => words.map((w) => [w, unit as DurationUnitWord] as const)));
const ADVERB_OF = table(gather((l) => l.durations.adverbs).map(([word, amount, unit]) => [word, { amount, unit }] as const));

const NUM = `\\d{1,6}|${alternation(NUMBER_LIST.map(([word]) => word)).slice(3, -1)}`;
const UNIT = alternation(gatherRecord((l) => l.durations.units).flatMap(([, words]) => words));
const EVERY_WORDS = alternation(gather((l) => l.durations.every));
const LEAD = `(?:(?:${alternation([...gather((l) => l.durations.lead), ...gather((l) => l.durations.every)])})\\s+)?`;
const OF = gather((l) => l.durations.of);
const HALF = phrases(gather((l) => l.durations.half));
const AGO_BEFORE = gather((l) => l.durations.agoBefore);
const AGO_AFTER = gather((l) => l.durations.agoAfter);
// "3 months ago" and "vor 3 Monaten" are dates, not spans.
const SPAN = new RegExp(
  `(?<![\\p{L}\\p{N}])${AGO_BEFORE.length ? `(?<!${alternation(AGO_BEFORE)}\\s)` : ''}${LEAD}(?:(?<num>${NUM})\\s*${OF.length ? `(?:${alternation(OF)}\\s+)?` : ''}|(?<half>${HALF})\\s+)?(?<unit>${UNIT})(?![\\p{L}\\p{N}])${AGO_AFTER.length ? `(?!\\s+${alternation(AGO_AFTER)})` : ''}`,
  'iu',
);
const ADVERB = new RegExp(`(?<![\\p{L}\\p{N}])${alternation(gather((l) => l.durations.adverbs.map(([word]) => word)))}(?![\\p{L}\\p{N}])`, 'iu');
const EVERY = new RegExp(`^${EVERY_WORDS}\\s`, 'iu');

const UNIT_DURATION: Record<DurationUnitWord, Duration> = {
  day: { amount: 1, unit: 'day' },
  week: { amount: 1, unit: 'week' },
  month: { amount: 1, unit: 'month' },
  quarter: { amount: 3, unit: 'month' },
  year: { amount: 1, unit: 'year' },
};

/**
 * The first span of time in `text`. A bare unit counts only after "every"/"jeden"
 * ("every month"), so the word "week" in a note is not a duration.
 */
export function findDuration(text: string): DurationFound | undefined {
  const span = SPAN.exec(text);
  if (span?.groups) {
    const { num, half, unit } = span.groups;
    const unitWord = lookupWord(UNIT_OF, unit ?? '');
    const base = unitWord === undefined ? undefined : UNIT_DURATION[unitWord];
    const bareUnitAllowed = num !== undefined || half !== undefined || EVERY.test(span[0]);
    if (base && bareUnitAllowed) {
      const duration = half !== undefined ? halfOf(base) : scale(base, num === undefined ? 1 : numberOf(num));
      return { duration, index: span.index, text: span[0] };
    }
  }
  const adverb = ADVERB.exec(text);
  const found = adverb ? lookupWord(ADVERB_OF, adverb[0]) : undefined;
  const base = found === undefined ? undefined : scale(UNIT_DURATION[found.unit], found.amount);
  return adverb && base ? { duration: base, index: adverb.index, text: adverb[0] } : undefined;
}

function numberOf(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (lookupWord(NUMBER_WORDS, word) ?? 1);
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
