/**
 * Natural-language dates through chrono-node, resolved in the user's time zone
 * and calendar, never in the machine's. chrono gets the zone's UTC offset at
 * `now`; the answer is read from its year/month/day components, never from
 * `result.date()` (platforms.md §3.2). Calendar words chrono does not know
 * come from the lexicons (calendar-words.ts): "KW 3", "Anfang März",
 * "März 2024", "nächste Woche", "20.11.".
 */
import type { ParsedResult } from 'chrono-node';
import { DateTime } from 'luxon';
import { addDays, daysBetween, isLocalDate, localDateOf, zoneOffsetMinutes } from '../core/dates.ts';
import type { LocalDate } from '../core/types.ts';
import type { ParseContext } from './command.ts';
import { calendarCandidates, type CalendarCandidate } from './calendar-words.ts';
import { removeSpan } from './normalize.ts';
import { byPreference, gather } from './lexicon/index.ts';
import { alternation, phrases, whole } from './lexicon/compile.ts';

export { impossibleDate } from './calendar-words.ts';

/**
 * Past for what happened (met, touch, last talked); future for what is due
 * (snooze, pause, remind); nearest for a meeting said without a tense
 * ("lunch with Anna on Thursday": this week's Thursday, before or after today).
 */
export type DateDirection = 'past' | 'future' | 'nearest';

export interface DateFound {
  date: LocalDate;
  /** Where the date phrase sits in the text that was searched. */
  index: number;
  /** The date phrase as chrono matched it ("last Friday", "am 3. Dezember"). */
  text: string;
}

const QUALIFIER = new RegExp(`^${alternation(gather((l) => l.dates.qualifiers))}$`, 'iu');
const EXPLICIT_WEEK = new RegExp(`(?:^|\\s)${alternation(gather((l) => l.dates.explicitWeek))}\\s`, 'iu');
const NOT_A_DAY = new RegExp(`^${phrases(gather((l) => l.dates.notADay))}$`, 'iu');
// Words that introduce a date and go with it when it is cut out: "bis", "for".
const CUT_WITH = new RegExp(`^${alternation([...gather((l) => l.dates.qualifiers), ...gather((l) => l.dates.untilJoiners), ...gather((l) => l.durations.lead)])}$`, 'iu');
// chrono reads "3D" as three days; "2w" and "5m" alike.
const UNIT_SUFFIX = /^\d+[a-z]+$/iu;
// English chrono reads "10.1.2027" as October 1st; dotted dates are day first.
const DOTTED = /^\d{1,2}\.\d{1,2}\.\d{2,4}$/u;
const YEAR_ONLY = new RegExp(whole('(?:19|20)\\d{2}'), 'u');

/**
 * The text without a found date phrase and without the word that introduced
 * it ("Anna on Friday at X" → "Anna at X", "Bob bis 10. Januar" → "Bob").
 */
export function cutDate(text: string, found: DateFound): string {
  let start = found.index;
  // Every word that ties the date in goes with it: "am kommenden" before "Freitag".
  for (let before = wordBefore(text, start); before !== '' && CUT_WITH.test(before); before = wordBefore(text, start)) {
    start = text.slice(0, start).trimEnd().length - before.length;
  }
  return removeSpan(text, start, found.index + found.text.length - start);
}

/** The user's calendar date at `ctx.now`. */
export function todayOf(ctx: ParseContext): LocalDate {
  return localDateOf(ctx.now, ctx.timeZone);
}

/** Parses one date in each language so the first user message does not pay chrono's cold start. */
export function warmUpParser(): void {
  // A fixed instant: warming up must not read the clock either.
  const reference = new Date(Date.UTC(2026, 0, 1));
  for (const lexicon of byPreference('en')) lexicon.chrono.parse(lexicon.dates.dayWords[1] ?? 'x', reference);
}

interface Candidate extends CalendarCandidate {
  weekdayOnly: boolean;
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

/** The first year standing alone ("letzter Kontakt 2024"): a date that needs its month. */
export function bareYear(text: string): string | undefined {
  return YEAR_ONLY.exec(text.trim())?.[0];
}

function candidates(text: string, ctx: ParseContext, today: LocalDate): Candidate[] {
  const reference = { instant: ctx.now, timezone: zoneOffsetMinutes(ctx.now, ctx.timeZone) };
  const found: Candidate[] = [];
  // The lexicons' own calendar words first: at equal length they win over chrono's reading.
  for (const c of calendarCandidates(text, today)) found.push({ ...c, weekdayOnly: false, explicitWeek: c.fixed });
  for (const lexicon of byPreference(ctx.language)) {
    for (const result of runChrono(lexicon.chrono.parse.bind(lexicon.chrono), text, reference)) {
      if (lexicon.language !== 'de' && DOTTED.test(result.text)) continue;
      const candidate = fromChrono(result, text);
      if (candidate) found.push(candidate);
    }
  }
  // Longest first at the same position, so "am 3. Dezember" beats "3."; the
  // user's own language first at equal length (a stable sort keeps that order).
  return found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
}

type Parse = (text: string, reference: { instant: Date; timezone: number }, option: { forwardDate: boolean }) => ParsedResult[];

function runChrono(parse: Parse, text: string, reference: { instant: Date; timezone: number }): ParsedResult[] {
  try {
    return parse(text, reference, { forwardDate: false });
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
    fixed: false,
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

export function localDate(year: number | null, month: number | null, day: number | null): LocalDate | undefined {
  if (year === null || month === null || day === null) return undefined;
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isLocalDate(date) ? date : undefined;
}

function resolve(c: Candidate, direction: DateDirection, today: LocalDate): LocalDate {
  if (c.yearGiven || c.explicitWeek || c.fixed) return c.date;
  if (c.weekdayOnly) return shiftWeeks(c.date, direction, today);
  if (c.monthGiven) return c.shift ? c.shift(direction, today) : shiftYears(c.date, direction, today);
  return c.date;
}

function nearest(past: LocalDate, future: LocalDate, today: LocalDate): LocalDate {
  return daysBetween(past, today) <= daysBetween(today, future) ? past : future;
}

function shiftWeeks(date: LocalDate, direction: DateDirection, today: LocalDate): LocalDate {
  let past = date;
  while (past > today) past = addDays(past, -7);
  let future = date;
  while (future <= today) future = addDays(future, 7);
  // A weekday named on that very weekday: "met on Monday" is today, "snooze until Monday" is a week on.
  if (direction === 'past') return past;
  if (direction === 'future') return future;
  return past === today ? today : nearest(past, future, today);
}

function plusYears(date: LocalDate, years: number): LocalDate {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ years }).toISODate() ?? date;
}

function shiftYears(date: LocalDate, direction: DateDirection, today: LocalDate): LocalDate {
  const past = date > today ? plusYears(date, -1) : date;
  const future = date < today ? plusYears(date, 1) : date;
  if (direction === 'past') return past;
  if (direction === 'future') return future;
  return nearest(past, future, today);
}

