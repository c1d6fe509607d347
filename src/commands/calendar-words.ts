/**
 * Calendar words chrono-node does not read, from the lexicons: calendar weeks
 * ("KW 3", "week 3"), parts of a month ("Anfang März", "mid January", "end of
 * February"), a month with its year ("März 2024"), a month after "im"
 * ("im Juni"), day and month without a year ("20.11."), and "next week" as
 * the Monday it starts. Also what no calendar has: "31.02.", "Feb 30".
 */
import { addDays, isoWeekday, startOfIsoWeek } from '../core/dates.ts';
import type { LocalDate } from '../core/types.ts';
import { gather } from './lexicon/index.ts';
import { alternation, foldKey, phrases, plainKey } from './lexicon/compile.ts';

export type Direction = 'past' | 'future' | 'nearest';

export interface CalendarCandidate {
  date: LocalDate;
  index: number;
  text: string;
  yearGiven: boolean;
  monthGiven: boolean;
  /** Said relative to today ("next week"): never moved into another week or year. */
  fixed: boolean;
  /** Where a date without a year lands for a direction, when it is not simply the same day a year on or back. */
  shift?: (direction: Direction, today: LocalDate) => LocalDate;
}

const MONTH_INDEX = new Map<string, number>();
for (const months of gather((l) => [l.dates.months])) {
  months.forEach((names, index) => {
    for (const name of names) {
      MONTH_INDEX.set(foldKey(name), index + 1);
      MONTH_INDEX.set(plainKey(name), index + 1);
    }
  });
}
const MONTH = `(?<month>${alternation(gather((l) => l.dates.months.flat()))})\\.?`;
const YEAR = '(?<year>(?:19|20)\\d{2})';
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

const WEEK = new RegExp(`${B}${alternation(gather((l) => l.dates.calendarWeek))}\\.?\\s*(?<week>\\d{1,2})${E}(?:\\s+${YEAR}${E})?`, 'giu');
const PART = (part: 'early' | 'mid' | 'late') => phrases(gather((l) => l.dates.monthParts[part]));
const MONTH_PART = new RegExp(`${B}(?:(?<early>${PART('early')})|(?<mid>${PART('mid')})|(?<late>${PART('late')}))\\s*${MONTH}${E}(?:\\s+${YEAR}${E})?`, 'giu');
const MONTH_YEAR = new RegExp(`${B}(?:${alternation(gather((l) => l.dates.inMonth))}\\s+)?${MONTH}\\s+${YEAR}${E}`, 'giu');
const IN_MONTH = new RegExp(`${B}${alternation(gather((l) => l.dates.inMonth))}\\s+${MONTH}${E}`, 'giu');
const NEXT_WEEK = new RegExp(`${B}${phrases(gather((l) => l.dates.nextWeek))}${E}`, 'giu');
// "20.11." and "3.4.": day and month without a year.
const DAY_MONTH = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?!\d)/gu;
// What no calendar has: "31.02.", "31.02.2027", "30. Februar", "Feb 30".
const DOTTED_ANY = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2,4})?(?![\d])/gu;
const DAY_NAMED = new RegExp(`${B}(?<day>\\d{1,2})\\.?\\s*${MONTH}${E}`, 'giu');
const NAMED_DAY = new RegExp(`${B}${MONTH}\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?${E}`, 'giu');

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function lastDay(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : (DAYS_IN_MONTH[month - 1] ?? 31);
}

function monthOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  return MONTH_INDEX.get(foldKey(word)) ?? MONTH_INDEX.get(plainKey(word));
}

/** The date a yearless phrase means in `year`; candidates of one year, a year back and on, by direction. */
function byYear(at: (year: number) => LocalDate): (direction: Direction, today: LocalDate) => LocalDate {
  return (direction, today) => {
    const year = Number(today.slice(0, 4));
    const here = at(year);
    const past = here > today ? at(year - 1) : here;
    const future = here < today ? at(year + 1) : here;
    if (direction === 'past') return past;
    if (direction === 'future') return future;
    const back = Date.parse(today) - Date.parse(past);
    const ahead = Date.parse(future) - Date.parse(today);
    return back <= ahead ? past : future;
  };
}

/** The Monday of ISO week `week` of ISO year `year`, or undefined past the year's last week. */
function mondayOfWeek(year: number, week: number): LocalDate | undefined {
  // 4 January is always in week 1.
  const jan4 = `${pad(year, 4)}-01-04`;
  const monday = addDays(startOfIsoWeek(jan4), (week - 1) * 7);
  const inYear = isoWeekday(monday) === 1 && addDays(monday, 3).slice(0, 4) === String(year);
  return week >= 1 && inYear ? monday : undefined;
}

export function calendarCandidates(text: string, today: LocalDate): CalendarCandidate[] {
  const found: CalendarCandidate[] = [];
  const year = Number(today.slice(0, 4));
  for (const m of text.matchAll(WEEK)) {
    const week = Number(m.groups?.['week']);
    const given = m.groups?.['year'];
    const at = (y: number) => mondayOfWeek(y, week) ?? mondayOfWeek(y + 1, week) ?? today;
    if (mondayOfWeek(given ? Number(given) : year, week) === undefined && mondayOfWeek(year + 1, week) === undefined) continue;
    found.push({ date: at(given ? Number(given) : year), index: m.index, text: m[0], yearGiven: given !== undefined, monthGiven: true, fixed: false, shift: byYear(at) });
  }
  for (const m of text.matchAll(MONTH_PART)) {
    const month = monthOf(m.groups?.['month']);
    if (month === undefined) continue;
    const given = m.groups?.['year'];
    const dayIn = (y: number) => (m.groups?.['early'] !== undefined ? 1 : m.groups?.['mid'] !== undefined ? 15 : lastDay(y, month));
    const at = (y: number) => `${pad(y, 4)}-${pad(month)}-${pad(dayIn(y))}`;
    found.push({ date: at(given ? Number(given) : year), index: m.index, text: m[0], yearGiven: given !== undefined, monthGiven: true, fixed: false, shift: byYear(at) });
  }
  for (const m of text.matchAll(MONTH_YEAR)) {
    const month = monthOf(m.groups?.['month']);
    if (month === undefined) continue;
    found.push({ date: `${m.groups?.['year'] ?? ''}-${pad(month)}-01`, index: m.index, text: m[0], yearGiven: true, monthGiven: true, fixed: false });
  }
  for (const m of text.matchAll(IN_MONTH)) {
    const month = monthOf(m.groups?.['month']);
    if (month === undefined) continue;
    found.push({ date: `${pad(year, 4)}-${pad(month)}-01`, index: m.index, text: m[0], yearGiven: false, monthGiven: true, fixed: false });
  }
  for (const m of text.matchAll(NEXT_WEEK)) {
    found.push({ date: addDays(startOfIsoWeek(today), 7), index: m.index, text: m[0], yearGiven: false, monthGiven: false, fixed: true });
  }
  for (const m of text.matchAll(DAY_MONTH)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) continue;
    const at = (y: number) => `${pad(y, 4)}-${pad(month)}-${pad(Math.min(day, lastDay(y, month)))}`;
    found.push({ date: at(year), index: m.index, text: m[0], yearGiven: false, monthGiven: true, fixed: false, shift: byYear(at) });
  }
  return found;
}

function impossible(day: number, month: number, year: number | undefined): boolean {
  if (month < 1 || month > 12 || day < 1) return true;
  return day > (year === undefined ? (DAYS_IN_MONTH[month - 1] ?? 31) : lastDay(year, month));
}

function yearOf(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/**
 * The first date phrase in `text` that no calendar has ("31.02.", "30. Februar",
 * "Feb 30", "31.11.2026"), as typed; undefined when there is none.
 */
export function impossibleDate(text: string): string | undefined {
  for (const m of text.matchAll(DOTTED_ANY)) {
    const month = Number(m[2]);
    if (month > 12 && Number(m[1]) <= 12) continue;
    if (impossible(Number(m[1]), month, yearOf(m[3]))) return m[0];
  }
  for (const pattern of [DAY_NAMED, NAMED_DAY]) {
    for (const m of text.matchAll(pattern)) {
      const month = monthOf(m.groups?.['month']);
      const day = Number(m.groups?.['day']);
      if (month !== undefined && impossible(day, month, undefined)) return m[0];
    }
  }
  return undefined;
}
