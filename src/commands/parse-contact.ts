/**
 * Intents about one named contact (or two, for intro): note, tier, cadence,
 * remind, show, archive, delete, intro.
 */
import type { Command, ParseContext, ParseError } from './command.ts';
import { durationDays, findDuration } from './duration.ts';
import { tierOf } from './extract.ts';
import { findDates, todayOf } from './parse-date.ts';
import { cleanName, splitNameNote } from './name-note.ts';
import { collapse, isNoise, removeSpan } from './normalize.ts';
import { refuse } from './command.ts';

/** A per-contact or per-tier cadence must be at least a day and at most ten years. */
export const MAX_CADENCE_DAYS = 3650;

/** "/note Anna promoted to CFO", "/note Jürgen: Hobby Segeln". */
export function parseNote(arg: string): Command | ParseError {
  const { name, note } = splitNameNote(arg, true);
  if (name === '') return refuse('missing_name', {}, 'note');
  if (note === undefined) return refuse('missing_note', { name }, 'note');
  return { intent: 'note', name, note };
}

/** "/tier Bob C", "/tier Anna Schmidt A", "/tier Bob Stufe A", "/tier Bob A-Kontakt". */
export function parseTier(arg: string): Command | ParseError {
  const words = arg.split(' ').filter((w) => w !== '');
  const last = words.at(-1) ?? '';
  const kontakt = /^([a-z])-?(?:kontakt|contact)$/iu.exec(last);
  const got = kontakt?.[1] ?? last;
  const nameWords = words.slice(0, -1);
  // "Stufe A", "to A", "auf A": the word before the letter is not part of the name.
  if (/^(?:tier|stufe|kategorie|klasse|category|class|to|auf|zu|nach|->|=|:)$/iu.test(nameWords.at(-1) ?? '')) nameWords.pop();
  const name = cleanName(nameWords.join(' '));
  const tier = tierOf(got);
  if (words.length === 0) return refuse('missing_name', {}, 'tier');
  if (!tier) return refuse('bad_tier', { got: words.length === 1 ? '' : got, name: name || cleanName(got) }, 'tier');
  if (name === '') return refuse('missing_name', { tier }, 'tier');
  return { intent: 'tier', name, tier };
}

/**
 * "/every Müller 2 months" (60 days), "/every Carla 3 weeks", "every 45 days",
 * "alle 3 Wochen", "monthly", "vierteljährlich". Refuses 0 and more than ten years.
 */
export function parseCadence(arg: string): Command | ParseError {
  const span = findDuration(arg);
  if (!span) {
    const words = arg.split(' ').filter((w) => w !== '');
    if (words.length === 0) return refuse('missing_name', {}, 'cadence');
    const got = words.length > 1 ? (words.at(-1) ?? '') : '';
    const name = cleanName(words.length > 1 ? words.slice(0, -1).join(' ') : arg);
    const bare = /^\d+$/u.test(got) ? Number(got) : undefined;
    if (bare === undefined) return refuse('bad_cadence', { got, name }, 'cadence');
    return cadenceCommand(name, bare, got);
  }
  const name = cleanName(removeSpan(arg, span.index, span.text.length).replace(/\s+(?:every|alle|jede[nrsm]?|to|auf|=|:)$/iu, ''));
  return cadenceCommand(name, durationDays(span.duration), span.text);
}

function cadenceCommand(name: string, days: number, got: string): Command | ParseError {
  if (name === '') return refuse('missing_name', { days: String(days) }, 'cadence');
  if (days < 1 || days > MAX_CADENCE_DAYS) return refuse('bad_cadence', { got, days: String(days), name }, 'cadence');
  return { intent: 'cadence', name, cadenceDays: days };
}

// "remind me to call Bob …", "erinnere mich an Bob …": only the name matters.
const REMIND_LEAD = /^(?:(?:me|mich|uns|us)\s+)?(?:(?:to\s+(?:call|email|e-mail|text|contact|write|ping|reach\s+out\s+to)|about|of|an|dass\s+ich|daran)\s+)?/iu;

/** "/remind Bob on December 3 ask about the tender": a name, a date not before today, a note. */
export function parseRemind(arg: string, ctx: ParseContext): Command | ParseError {
  const body = arg.replace(REMIND_LEAD, '');
  const found = findDates(body, ctx, 'future')[0];
  if (!found) {
    const name = splitNameNote(body).name;
    return refuse(name === '' ? 'missing_name' : 'missing_date', { name }, 'remind');
  }
  const before = trimJoiner(collapse(body.slice(0, found.index)));
  const after = collapse(body.slice(found.index + found.text.length));
  // Usually "NAME DATE NOTE"; "on Friday Bob: ask about X" puts the name after the date.
  const { name, note } = isNoise(before) ? splitNameNote(after) : { name: cleanName(before), note: noteOf(after) };
  if (name === '') return refuse('missing_name', { date: found.date }, 'remind');
  if (found.date < todayOf(ctx)) return refuse('date_in_past', { got: found.text, date: found.date, name }, 'remind');
  return { intent: 'remind', name, date: found.date, ...(note !== undefined && note !== '' && { note }) };
}

function trimJoiner(text: string): string {
  return text.replace(/(?:^|\s+)(?:on|am|at|um|by|bis|until|for|für|zum|zur|in)$/iu, '');
}

function noteOf(text: string): string | undefined {
  const note = collapse(text.replace(/^(?:[,.:;!?-]+|\s)+/u, '').replace(/^(?:to|and|und|that|dass)\s+/iu, ''));
  return note === '' ? undefined : note;
}

/** show, archive, delete: the whole argument is the name. */
export function parseNameOnly(intent: 'show' | 'archive' | 'delete', arg: string): Command | ParseError {
  const name = isNoise(arg) ? '' : cleanName(arg);
  // TypeScript does not distribute a union-typed `intent` over the Command union.
  return name === '' ? refuse('missing_name', {}, intent) : ({ intent, name } as Command);
}

// "Anna to Bob", "Anna und Bob", "Anna mit Bob" …
const INTRO_JOIN = /\s+(?:to|and|with|und|mit|an|bei|&|\+|<->|<>|->|→)\s+/iu;
// "Anna mit Bob bekannt machen", "Anna und Bob einander vorstellen".
const INTRO_VERB = /\s+(?:(?:miteinander|einander)\s+)?(?:bekannt\s+machen|vorstellen|verbinden|vernetzen|verkuppeln|introduce)$/iu;

/** "/intro Anna to Bob, both work on heat pumps", "Anna mit Bob bekannt machen". */
export function parseIntro(arg: string): Command | ParseError {
  const split = /\s*[,:]\s*/u.exec(arg);
  const head = (split ? arg.slice(0, split.index) : arg).replace(INTRO_VERB, '');
  const note = split ? collapse(arg.slice(split.index + split[0].length)) : '';
  const join = INTRO_JOIN.exec(head);
  const name = cleanName(join ? head.slice(0, join.index) : head);
  const other = join ? cleanName(head.slice(join.index + join[0].length)) : '';
  if (name === '') return refuse('missing_name', {}, 'intro');
  if (other === '') return refuse('missing_other', { name }, 'intro');
  return { intent: 'intro', name, other, ...(note !== '' && { note }) };
}
