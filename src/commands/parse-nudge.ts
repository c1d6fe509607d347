/**
 * Answers to the daily nudge — done, no answer, skip, snooze — for one person
 * or several ("ole und mo erledigt"), and the end date shared by snooze and
 * pause ("3 days", "until January 10", "bis Ende Januar", "nächste Woche"),
 * and a pause's range ("vom 23.12. bis 6.1.").
 */
import { addDays } from '../core/dates.ts';
import type { LocalDate } from '../core/types.ts';
import type { Command, Intent, ParseContext, ParseError } from './command.ts';
import { addDuration, durationDays, findDuration } from './duration.ts';
import { cutDate, findDates, todayOf } from './parse-date.ts';
import { cleanName, readPeople, splitNameNote } from './name-note.ts';
import { collapse, isNoise, removeSpan } from './normalize.ts';
import { refuse } from './command.ts';
import { gather } from './lexicon/index.ts';
import { alternation, phrases } from './lexicon/compile.ts';

// "done with Bob", "keine Antwort von Anna": the word before the name is not part of it.
const TO_NAME = new RegExp(`^${alternation(gather((l) => l.answers.toName))}\\s+`, 'iu');
const BOTH = new RegExp(`^${phrases(gather((l) => l.answers.both))}(?=$|[\\s,.:;!?])`, 'iu');
/** A snooze or pause longer than this is a typo, not a plan. */
const MAX_UNTIL_DAYS = 3650;

type People = { name?: string; names?: string[] };

/** The people an answer names: one, several, or none (the open ones of the nudge). */
function people(arg: string): People & { note?: string; loose?: true } {
  const { name, names, note, loose } = splitNameNote(arg.replace(TO_NAME, ''));
  return { ...(name !== '' && { name }), ...(names && { names }), ...(note !== undefined && { note }), ...(loose && { loose }) };
}

/** "done", "done Anna", "done both", "ole und mo erledigt", "/done Bob, talked about the Q1 offer". */
export function parseDone(arg: string): Command {
  if (isNoise(arg)) return { intent: 'done' };
  const both = BOTH.exec(arg);
  if (both) {
    const note = collapse(arg.slice(both[0].length).replace(/^[\s,.:;!?-]+/u, ''));
    return { intent: 'done', both: true, ...(!isNoise(note) && { note }) };
  }
  return { intent: 'done', ...people(arg) };
}

/** "no answer", "nicht erreicht Bob", "Bob, Mailbox": an attempt, not a touch. */
export function parseNoAnswer(arg: string): Command {
  if (isNoise(arg)) return { intent: 'noanswer' };
  return { intent: 'noanswer', ...people(arg) };
}

/** "skip", "skip Anna", "skip tom and lisa", "überspringen". */
export function parseSkip(arg: string): Command {
  if (isNoise(arg)) return { intent: 'skip' };
  const { names } = readPeople(arg);
  const name = names[0] ?? cleanName(arg);
  if (name === '') return { intent: 'skip' };
  return names.length > 1 ? { intent: 'skip', name, names } : { intent: 'skip', name };
}

/**
 * "snooze 3 days", "/snooze Bob 2 weeks", "verschieb markus auf nächste woche",
 * "beide auf morgen". `later`/`später` without a date means until tomorrow;
 * plain snooze needs a date — and a name, or an open nudge to answer.
 */
export function parseSnooze(arg: string, ctx: ParseContext, later: boolean): Command | ParseError {
  const both = BOTH.exec(arg);
  const rest = both ? collapse(arg.slice(both[0].length)) : arg;
  const until = readUntil(rest, ctx, 'snooze');
  if (until && 'error' in until) return until;
  const whom = (text: string): People & { both?: true } => {
    if (both) return { both: true };
    const { names } = readPeople(text);
    const name = names[0] ?? (isNoise(text) ? '' : cleanName(text));
    return name === '' ? {} : names.length > 1 ? { name, names } : { name };
  };
  if (until) return { intent: 'snooze', ...whom(until.rest), until: until.until };
  if (!later && isNoise(rest) && !both) return refuse('missing_name', {}, 'snooze');
  if (!later) return refuse('missing_date', { name: cleanName(rest) }, 'snooze');
  return { intent: 'snooze', ...whom(rest), until: addDays(todayOf(ctx), 1) };
}

export interface Until {
  until: LocalDate;
  /** The text around the date: the name, for snooze. */
  rest: string;
}

/**
 * The end of a snooze or pause: a span from today ("2 weeks", "für 3 Tage") or
 * a date after today ("until January 10", "bis Freitag", "nächste Woche").
 * Undefined when the text names neither; refused when it lies not after today.
 */
export function readUntil(arg: string, ctx: ParseContext, intent: Intent): Until | ParseError | undefined {
  const today = todayOf(ctx);
  const span = findDuration(arg);
  const found = findDates(arg, ctx, 'future')[0];
  // A calendar phrase that starts earlier wins over a span inside it ("KW 2", not "2 …").
  if (span && !(found && found.index < span.index + span.text.length && span.index >= found.index && found.text.length > span.text.length)) {
    const rest = leftover(removeSpan(arg, span.index, span.text.length));
    if (durationDays(span.duration) > MAX_UNTIL_DAYS) return refuse('bad_date', { got: span.text, name: rest }, intent);
    const until = addDuration(today, span.duration);
    if (until <= today) return refuse('date_in_past', { got: span.text, date: until, name: rest }, intent);
    return { until, rest };
  }
  if (!found) return undefined;
  const rest = leftover(cutDate(arg, found));
  if (found.date <= today) return refuse('date_in_past', { got: found.text, date: found.date, name: rest }, intent);
  if (found.date > addDays(today, MAX_UNTIL_DAYS)) return refuse('bad_date', { got: found.text, date: found.date, name: rest }, intent);
  return { until: found.date, rest };
}

// The words that tied a name to its date: "Bob until", "Anna bis zum".
const JOINER = alternation(gather((l) => l.dates.untilJoiners));
const JOINERS = new RegExp(`^${JOINER}(?:\\s+|$)|(?:\\s+|^)${JOINER}$`, 'giu');

function leftover(text: string): string {
  const rest = collapse(text.replace(JOINERS, ' ').replace(JOINERS, ' '));
  return isNoise(rest) ? '' : cleanName(rest);
}

const FROM = alternation(gather((l) => l.dates.rangeFrom));
const TO = alternation(gather((l) => l.dates.rangeTo.filter((w) => w !== '-')));
// "vom 23.12. bis 6.1.", "from Dec 23 to Jan 6", "ab 23.12. bis Anfang Januar", "23.12.-6.1.".
const RANGE = new RegExp(`^(?:${FROM}\\s+)?(?<from>.+?)(?:\\s+${TO}\\s+|\\s*[-–]\\s*)(?<to>.+)$`, 'iu');
const HAS_FROM = new RegExp(`^${FROM}\\s`, 'iu');
const DAY_ONLY = /^(\d{1,2})\.?$/u;
/** How far back the first day of a range that has already begun may lie. */
const MAX_BEGUN_DAYS = 31;

/**
 * "/pause until January 6", "/pause 2 weeks", "/pause vom 23.12. bis 6.1.",
 * "/pause from Dec 23 to Jan 6", "/pause bis Ende Januar": the pause starts on
 * its first day (today when none is said); `until` is the day nudges resume —
 * a range's last day is paused too, so it resumes the day after.
 */
export function parsePause(arg: string, ctx: ParseContext): Command | ParseError {
  const range = readRange(arg, ctx);
  if (range) return range;
  const until = readUntil(arg, ctx, 'pause');
  if (until === undefined) return refuse('missing_date', { got: arg }, 'pause');
  if ('error' in until) return until;
  return { intent: 'pause', until: until.until };
}

function readRange(arg: string, ctx: ParseContext): Command | ParseError | undefined {
  const m = RANGE.exec(arg);
  const fromText = m?.groups?.['from'];
  const toText = m?.groups?.['to'];
  if (!m || fromText === undefined || toText === undefined) return undefined;
  const end = findDates(toText, ctx, 'future')[0];
  // "vom 23.12. bis irgendwann": a range, but its end is no date.
  if (!end) return HAS_FROM.test(arg) ? refuse('bad_date', { got: toText }, 'pause') : undefined;
  if (!isNoise(cutDate(toText, end))) return undefined;
  const today = todayOf(ctx);
  let start: LocalDate | undefined;
  const dayOnly = DAY_ONLY.exec(fromText.trim());
  if (dayOnly) {
    // "vom 1. bis 15. Dezember": the first day in the last day's month.
    start = `${end.date.slice(0, 8)}${String(Number(dayOnly[1])).padStart(2, '0')}`;
  } else {
    // The start is the latest reading on or before the end: "vom 1.1." said on 8 January is this
    // year's (the pause runs already), "vom 23.12. bis 6.1." said in December is the coming one.
    // A range that has begun is one the user is in: its start lies weeks back, not months
    // ("vom 6.1. bis 23.12." said in December has its days the wrong way round).
    const readings = [findDates(fromText, ctx, 'past')[0], findDates(fromText, ctx, 'future')[0]].filter(
      (d): d is NonNullable<typeof d> => d !== undefined && isNoise(cutDate(fromText, d)) && d.date >= addDays(today, -MAX_BEGUN_DAYS),
    );
    if (readings.length === 0) return HAS_FROM.test(arg) ? refuse('bad_date', { got: fromText }, 'pause') : undefined;
    const onOrBefore = readings.filter((d) => d.date <= end.date).sort((a, b) => (a.date < b.date ? 1 : -1))[0];
    start = (onOrBefore ?? readings[readings.length - 1]!).date;
  }
  if (end.date < start) return refuse('bad_range', { from: start, until: end.date, got: arg }, 'pause');
  if (end.date > addDays(today, MAX_UNTIL_DAYS)) return refuse('bad_date', { got: end.text, date: end.date }, 'pause');
  const until = addDays(end.date, 1);
  return start > today ? { intent: 'pause', from: start, until } : { intent: 'pause', until };
}
