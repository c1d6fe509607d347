/**
 * Answers to the daily nudge — done, no answer, skip, snooze — and the end
 * date shared by snooze and pause ("3 days", "until January 10", "bis 10. Januar").
 */
import { addDays } from '../core/dates.ts';
import type { LocalDate } from '../core/types.ts';
import type { Command, Intent, ParseContext, ParseError } from './command.ts';
import { addDuration, durationDays, findDuration } from './duration.ts';
import { cutDate, findDates, todayOf } from './parse-date.ts';
import { cleanName, splitNameNote } from './name-note.ts';
import { collapse, isNoise, removeSpan } from './normalize.ts';
import { refuse } from './command.ts';

// "done with Bob", "keine Antwort von Anna": the word before the name is not part of it.
const TO_NAME = /^(?:with|from|mit|von|bei)\s+/iu;
const BOTH = /^(?:both|all|beide|beiden|alle|alle\s+beide|alle\s+zwei)(?=$|[\s,.:;!?])/iu;
/** A snooze or pause longer than this is a typo, not a plan. */
const MAX_UNTIL_DAYS = 3650;

/** "done", "done Anna", "done both", "/done Bob, talked about the Q1 offer". */
export function parseDone(arg: string): Command {
  if (isNoise(arg)) return { intent: 'done' };
  const both = BOTH.exec(arg);
  if (both) {
    const note = collapse(arg.slice(both[0].length).replace(/^[\s,.:;!?-]+/u, ''));
    return { intent: 'done', both: true, ...(!isNoise(note) && { note }) };
  }
  const { name, note } = splitNameNote(arg.replace(TO_NAME, ''));
  return { intent: 'done', ...(name !== '' && { name }), ...(note !== undefined && { note }) };
}

/** "no answer", "nicht erreicht Bob", "Bob, Mailbox": an attempt, not a touch. */
export function parseNoAnswer(arg: string): Command {
  if (isNoise(arg)) return { intent: 'noanswer' };
  const { name, note } = splitNameNote(arg.replace(TO_NAME, ''));
  return { intent: 'noanswer', ...(name !== '' && { name }), ...(note !== undefined && { note }) };
}

/** "skip", "skip Anna", "überspringen". */
export function parseSkip(arg: string): Command {
  const name = isNoise(arg) ? '' : cleanName(arg);
  return name === '' ? { intent: 'skip' } : { intent: 'skip', name };
}

/**
 * "snooze 3 days", "/snooze Bob 2 weeks", "/snooze Anna until January 10".
 * `later`/`später` without a date means until tomorrow; plain snooze needs one.
 */
export function parseSnooze(arg: string, ctx: ParseContext, later: boolean): Command | ParseError {
  const until = readUntil(arg, ctx, 'snooze');
  if (until && 'error' in until) return until;
  if (until) return { intent: 'snooze', ...(until.rest !== '' && { name: until.rest }), until: until.until };
  const name = isNoise(arg) ? '' : cleanName(arg);
  if (!later) return refuse('missing_date', { name }, 'snooze');
  return { intent: 'snooze', ...(name !== '' && { name }), until: addDays(todayOf(ctx), 1) };
}

export interface Until {
  until: LocalDate;
  /** The text around the date: the name, for snooze. */
  rest: string;
}

/**
 * The end of a snooze or pause: a span from today ("2 weeks", "für 3 Tage") or
 * a date after today ("until January 10", "bis Freitag"). Undefined when the
 * text names neither; refused when it lies not after today.
 */
export function readUntil(arg: string, ctx: ParseContext, intent: Intent): Until | ParseError | undefined {
  const today = todayOf(ctx);
  const span = findDuration(arg);
  if (span) {
    const rest = leftover(removeSpan(arg, span.index, span.text.length));
    if (durationDays(span.duration) > MAX_UNTIL_DAYS) return refuse('bad_date', { got: span.text, name: rest }, intent);
    const until = addDuration(today, span.duration);
    if (until <= today) return refuse('date_in_past', { got: span.text, date: until, name: rest }, intent);
    return { until, rest };
  }
  const found = findDates(arg, ctx, 'future')[0];
  if (!found) return undefined;
  const rest = leftover(cutDate(arg, found));
  if (found.date <= today) return refuse('date_in_past', { got: found.text, date: found.date, name: rest }, intent);
  if (found.date > addDays(today, MAX_UNTIL_DAYS)) return refuse('bad_date', { got: found.text, date: found.date, name: rest }, intent);
  return { until: found.date, rest };
}

// The words that tied a name to its date: "Bob until", "Anna bis zum".
const JOINERS = /^(?:until|till|til|bis|for|für|fuer|to|um|auf|on|am|by|zum|zur)(?:\s+|$)|(?:\s+|^)(?:until|till|til|bis|for|für|fuer|to|um|auf|on|am|by|zum|zur)$/giu;

function leftover(text: string): string {
  const rest = collapse(text.replace(JOINERS, ' '));
  return isNoise(rest) ? '' : cleanName(rest);
}
