/**
 * Natural-language dates through chrono-node, resolved in the user's time zone
 * and calendar, never in the machine's. chrono gets the zone's UTC offset at
 * `now`; the answer is read from its year/month/day components, never from
 * `result.date()` (platforms.md §3.2).
 */
import type { ParsedResult } from 'chrono-node';
// Only the two locales keepwarm speaks: the package root loads all of chrono's
// languages (500-odd modules), which costs every process a second at start.
import * as de from 'chrono-node/de';
import * as en from 'chrono-node/en';
import { DateTime } from 'luxon';
import { addDays, isLocalDate, localDateOf, zoneOffsetMinutes } from '../core/dates.ts';
import type { Language, LocalDate } from '../core/types.ts';
import type { ParseContext } from './command.ts';
import { removeSpan } from './normalize.ts';

/** Past for what happened (met, touch, last talked); future for what is due (snooze, pause, remind). */
export type DateDirection = 'past' | 'future';

export interface DateFound {
  date: LocalDate;
  /** Where the date phrase sits in the text that was searched. */
  index: number;
  /** The date phrase as chrono matched it ("last Friday", "am 3. Dezember"). */
  text: string;
}

/**
 * The text without a found date phrase and without the word that introduced
 * it ("Anna on Friday at X" → "Anna at X", "Bob bis 10. Januar" → "Bob").
 */
export function cutDate(text: string, found: DateFound): string {
  let start = found.index;
  const before = wordBefore(text, start);
  if (before !== '' && (QUALIFIER.test(before) || /^(?:for|für|to|auf)$/iu.test(before))) {
    start = text.slice(0, start).trimEnd().length - before.length;
  }
  return removeSpan(text, start, found.index + found.text.length - start);
}

/** The user's calendar date at `ctx.now`. */
export function todayOf(ctx: ParseContext): LocalDate {
  return localDateOf(ctx.now, ctx.timeZone);
}

/** Parses one English and one German date so the first user message does not pay chrono's cold start. */
export function warmUpParser(): void {
  // A fixed instant: warming up must not read the clock either.
  const reference = new Date(Date.UTC(2026, 0, 1));
  en.casual.parse('yesterday', reference);
  de.casual.parse('gestern', reference);
}

// A bare month or weekday is a date only after one of these words: "on Friday",
// "letzten Freitag", "until June". Without it, "April Jones", "Friday Okafor"
// and "Mo Salah" stay names, and German "so"/"mi" stay words.
const QUALIFIER = /^(?:on|last|next|this|past|coming|until|till|til|by|since|in|before|am|an|letzte[nrsm]?|vergangene[nrsm]?|vorige[nrsm]?|n(?:ä|ae)chste[nrsm]?|kommende[nrsm]?|diese[nrsm]?|bis|seit|ab|im|vom|zum)$/iu;
// With these the user chose the week themselves; otherwise "Friday" is moved
// into the past or future that the intent implies.
const EXPLICIT_WEEK = /(?:^|\s)(?:last|next|this|past|coming|letzte[nrsm]?|vergangene[nrsm]?|vorige[nrsm]?|n(?:ä|ae)chste[nrsm]?|kommende[nrsm]?|diese[nrsm]?)\s/iu;
// "now"/"jetzt" carry no day of their own and eat place names ("at Now Summit").
const NOT_A_DAY = /^(?:now|right now|jetzt|gerade)$/iu;
// chrono reads "3D" as three days; "2w" and "5m" alike.
const UNIT_SUFFIX = /^\d+[a-z]+$/iu;
// English chrono reads "10.1.2027" as October 1st; dotted dates are German.
const DOTTED = /^\d{1,2}\.\d{1,2}\.\d{2,4}$/u;
// chrono reads neither "am 3.4." nor "bis 20.11.": day and month without a year.
const DAY_MONTH = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?![\d])/gu;
// Nor "im Juni": a month after "im" (a bare "Juni" may be a name).
const IM_MONTH = /(?<![\p{L}])im\s+(januar|februar|m(?:ä|ae)rz|april|mai|juni|juli|august|september|oktober|november|dezember)(?![\p{L}])/giu;
const GERMAN_MONTHS = ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'];

interface Candidate extends DateFound {
  yearGiven: boolean;
  weekdayOnly: boolean;
  monthGiven: boolean;
  explicitWeek: boolean;
}

/**
 * Every date phrase in `text` that is really meant as a date, earliest first,
 * not overlapping, each resolved into the direction of the intent: for `past`,
 * "Friday" is last Friday and "December 3" last December; for `future`, the
 * next ones. A relative date keeps its sign ("next week" stays in the future);
 * the caller refuses a date on the wrong side of today.
 */
export function findDates(text: string, ctx: ParseContext, direction: DateDirection): DateFound[] {
  if (text.trim() === '') return [];
  const today = todayOf(ctx);
  const kept: Candidate[] = [];
  for (const candidate of candidates(text, ctx, today)) {
    const overlaps = kept.some((k) => candidate.index < k.index + k.text.length && k.index < candidate.index + candidate.text.length);
    if (!overlaps) kept.push(candidate);
  }
  return kept
    .sort((a, b) => a.index - b.index)
    .map((c) => ({ date: resolve(c, direction, today), index: c.index, text: c.text }));
}

function candidates(text: string, ctx: ParseContext, today: LocalDate): Candidate[] {
  const reference = { instant: ctx.now, timezone: zoneOffsetMinutes(ctx.now, ctx.timeZone) };
  const found: Candidate[] = [];
  for (const language of parserOrder(ctx.language)) {
    for (const result of runChrono(language, text, reference)) {
      if (language === 'en' && DOTTED.test(result.text)) continue;
      const candidate = fromChrono(result, text);
      if (candidate) found.push(candidate);
    }
  }
  found.push(...germanCandidates(text, today));
  // Longest first at the same position, so "am 3. Dezember" beats "3."; the
  // user's own language first at equal length (a stable sort keeps that order).
  return found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
}

function parserOrder(language: Language): Language[] {
  return language === 'de' ? ['de', 'en'] : ['en', 'de'];
}

function runChrono(language: Language, text: string, reference: { instant: Date; timezone: number }): ParsedResult[] {
  const parser = language === 'de' ? de.casual : en.casual;
  try {
    return parser.parse(text, reference, { forwardDate: false });
  } catch {
    // A parser bug on odd input must not take the message down; no date is the safe reading.
    return [];
  }
}

function fromChrono(result: ParsedResult, text: string): Candidate | undefined {
  const s = result.start;
  const phrase = result.text.trim();
  if (NOT_A_DAY.test(phrase) || UNIT_SUFFIX.test(phrase)) return undefined;
  const dayGiven = s.isCertain('day');
  const weekdayGiven = s.isCertain('weekday');
  const monthGiven = s.isCertain('month');
  const yearGiven = s.isCertain('year');
  // Time only ("at 5pm", "um 10 Uhr"): times of day are not what these intents record.
  // "a year ago" is certain only in its year, and still a day.
  if (!dayGiven && !weekdayGiven && !monthGiven && !yearGiven) return undefined;
  const bareWord = !dayGiven && !yearGiven;
  if (bareWord && !qualified(text, result.index, phrase)) return undefined;
  const date = localDate(s.get('year'), s.get('month'), s.get('day'));
  if (!date) return undefined;
  const before = wordBefore(text, result.index);
  return {
    date,
    index: result.index,
    text: phrase,
    yearGiven,
    weekdayOnly: weekdayGiven && !dayGiven,
    monthGiven,
    explicitWeek: EXPLICIT_WEEK.test(` ${before} ${phrase} `),
  };
}

function qualified(text: string, index: number, phrase: string): boolean {
  const firstWord = phrase.split(' ')[0] ?? '';
  return QUALIFIER.test(wordBefore(text, index)) || (phrase.includes(' ') && QUALIFIER.test(firstWord));
}

function wordBefore(text: string, index: number): string {
  return text.slice(0, index).trimEnd().split(' ').at(-1) ?? '';
}

/** German forms chrono misses, without a year: "20.11." and "im Juni". */
function germanCandidates(text: string, today: LocalDate): Candidate[] {
  const year = Number(today.slice(0, 4));
  const found: Candidate[] = [];
  const add = (date: LocalDate | undefined, index: number, phrase: string): void => {
    if (date) found.push({ date, index, text: phrase, yearGiven: false, weekdayOnly: false, monthGiven: true, explicitWeek: false });
  };
  for (const m of text.matchAll(DAY_MONTH)) add(localDate(year, Number(m[2]), Number(m[1])), m.index, m[0]);
  for (const m of text.matchAll(IM_MONTH)) {
    const month = GERMAN_MONTHS.indexOf((m[1] ?? '').toLowerCase().replace('ae', 'ä')) + 1;
    add(localDate(year, month, 1), m.index, m[0]);
  }
  return found;
}

function localDate(year: number | null, month: number | null, day: number | null): LocalDate | undefined {
  if (year === null || month === null || day === null) return undefined;
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isLocalDate(date) ? date : undefined;
}

function resolve(c: Candidate, direction: DateDirection, today: LocalDate): LocalDate {
  if (c.yearGiven || c.explicitWeek) return c.date;
  if (c.weekdayOnly) return shiftWeeks(c.date, direction, today);
  if (c.monthGiven) return shiftYears(c.date, direction, today);
  return c.date;
}

function shiftWeeks(date: LocalDate, direction: DateDirection, today: LocalDate): LocalDate {
  let d = date;
  // A weekday named on that very weekday: "met on Monday" is today, "snooze until Monday" is a week on.
  if (direction === 'past') while (d > today) d = addDays(d, -7);
  else while (d <= today) d = addDays(d, 7);
  return d;
}

function shiftYears(date: LocalDate, direction: DateDirection, today: LocalDate): LocalDate {
  const step = direction === 'past' ? (date > today ? -1 : 0) : date < today ? 1 : 0;
  if (step === 0) return date;
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ years: step }).toISODate() ?? date;
}
