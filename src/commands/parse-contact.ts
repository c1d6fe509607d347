/**
 * Intents about one named contact (or two, for intro and rename): note, tier,
 * cadence, remind, show, archive, delete, intro, rename.
 */
import type { Command, ParseContext, ParseError } from './command.ts';
import { MAX_NOTE_LENGTH } from './command.ts';
import { durationDays, findDuration } from './duration.ts';
import { tierOf } from './extract.ts';
import { findDates, todayOf } from './parse-date.ts';
import { cleanName, readPeople, splitNameNote } from './name-note.ts';
import { collapse, isNoise } from './normalize.ts';
import { refuse } from './command.ts';
import { gather } from './lexicon/index.ts';
import { alternation, phrases } from './lexicon/compile.ts';

/** A per-contact or per-tier cadence must be at least a day and at most ten years. */
export const MAX_CADENCE_DAYS = 3650;

/** "/note Anna promoted to CFO", "/note Jürgen: Hobby Segeln"; up to MAX_NOTE_LENGTH characters of note. */
export function parseNote(arg: string): Command | ParseError {
  const { name, note, loose } = splitNameNote(arg, true);
  if (name === '') return refuse('missing_name', {}, 'note');
  if (note === undefined) return refuse('missing_note', { name }, 'note');
  if (note.length > MAX_NOTE_LENGTH) return refuse('too_long', { length: String(note.length), max: String(MAX_NOTE_LENGTH) }, 'note');
  return { intent: 'note', name, note, ...(loose && { loose }) };
}

const TIER_LEAD = new RegExp(`^${alternation([...gather((l) => l.tiers.words), ...gather((l) => l.tiers.joiners)])}$`, 'iu');
const KONTAKT = new RegExp(`^([a-z])-?${alternation(gather((l) => l.tiers.contactSuffix))}$`, 'iu');

/** "/tier Bob C", "/tier Anna Schmidt A", "/tier Bob Stufe A", "/tier Bob A-Kontakt". */
export function parseTier(arg: string): Command | ParseError {
  const words = arg.split(' ').filter((w) => w !== '');
  const last = words.at(-1) ?? '';
  const got = KONTAKT.exec(last)?.[1] ?? last;
  const nameWords = words.slice(0, -1);
  // "Stufe A", "to A", "auf A": the word before the letter is not part of the name.
  if (TIER_LEAD.test(nameWords.at(-1) ?? '')) nameWords.pop();
  const name = cleanName(nameWords.join(' '));
  const tier = tierOf(got);
  if (words.length === 0) return refuse('missing_name', {}, 'tier');
  if (!tier) return refuse('bad_tier', { got: words.length === 1 ? '' : got, name: name || cleanName(got) }, 'tier');
  if (name === '') return refuse('missing_name', { tier }, 'tier');
  return { intent: 'tier', name, tier };
}

const CADENCE_JOINER = new RegExp(`\\s+${alternation(gather((l) => l.cadence.joiners))}$`, 'iu');

/**
 * "/every Müller 2 months" (60 days), "/every Carla 3 weeks", "every 45 days",
 * "alle 3 Wochen", "monthly", "vierteljährlich". Refuses 0, a negative
 * span ("-3 weeks") and more than ten years.
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
  // "-3 weeks", "−2 Wochen": a minus before the span.
  const minus = /[-−–]\s*$/u.exec(arg.slice(0, span.index));
  const before = minus ? arg.slice(0, minus.index) : arg.slice(0, span.index);
  const name = cleanName(collapse(`${before} ${arg.slice(span.index + span.text.length)}`).replace(CADENCE_JOINER, ''));
  if (minus) return refuse('bad_cadence', { got: `-${span.text.trim()}`, name, days: String(-durationDays(span.duration)) }, 'cadence');
  return cadenceCommand(name, durationDays(span.duration), span.text);
}

function cadenceCommand(name: string, days: number, got: string): Command | ParseError {
  if (name === '') return refuse('missing_name', { days: String(days) }, 'cadence');
  if (days < 1 || days > MAX_CADENCE_DAYS) return refuse('bad_cadence', { got, days: String(days), name }, 'cadence');
  return { intent: 'cadence', name, cadenceDays: days };
}

// "remind me to call Bob …", "erinnere mich an Bob …": only the name matters.
const REMIND_LEAD = new RegExp(`^${phrases(gather((l) => l.remind.lead))}\\s+`, 'iu');
const NOTE_LEAD = new RegExp(`^${alternation(gather((l) => l.remind.noteLead))}\\s+`, 'iu');

/** "/remind Bob on December 3 ask about the tender": a name, a date not before today, a note. */
export function parseRemind(arg: string, ctx: ParseContext): Command | ParseError {
  const body = arg.replace(REMIND_LEAD, '');
  const found = findDates(body, ctx, 'future')[0];
  if (!found) {
    const name = splitNameNote(body).name;
    return refuse(name === '' ? 'missing_name' : 'missing_date', { name }, 'remind');
  }
  // cleanName drops the words that tied the name to the date ("Bob on", "anna in der").
  const before = cleanName(body.slice(0, found.index));
  const after = collapse(body.slice(found.index + found.text.length));
  // Usually "NAME DATE NOTE"; "on Friday Bob: ask about X" puts the name after the date.
  const { name, note } = isNoise(before) ? splitNameNote(after) : { name: cleanName(before), note: noteOf(after) };
  if (name === '') return refuse('missing_name', { date: found.date }, 'remind');
  if (found.date < todayOf(ctx)) return refuse('date_in_past', { got: found.text, date: found.date, name }, 'remind');
  return { intent: 'remind', name, date: found.date, ...(note !== undefined && note !== '' && { note }) };
}

function noteOf(text: string): string | undefined {
  const note = collapse(text.replace(/^(?:[,.:;!?-]+|\s)+/u, '').replace(NOTE_LEAD, ''));
  return note === '' ? undefined : note;
}

/** show, delete, archive, keep: the whole argument is the name (archive and keep may name nobody: the open question's person). */
export function parseNameOnly(intent: 'show' | 'archive' | 'delete' | 'keep', arg: string): Command | ParseError {
  const name = isNoise(arg) ? '' : cleanName(arg);
  // TypeScript does not distribute a union-typed `intent` over the Command union.
  return name === '' ? refuse('missing_name', {}, intent) : ({ intent, name } as Command);
}

// "Anna to Bob", "Anna und Bob", "Anna mit Bob" …
const INTRO_JOIN = new RegExp(`\\s+${phrases(gather((l) => l.intro.join))}\\s+`, 'iu');
// "Anna mit Bob bekannt machen", "Anna und Bob einander vorstellen".
const INTRO_VERB = new RegExp(`\\s+${phrases(gather((l) => l.intro.verbs))}$`, 'iu');

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

const RENAME_JOIN = new RegExp(`\\s+${alternation(gather((l) => l.rename.join))}\\s+`, 'iu');

/**
 * "/rename Bob to Robert Meyer", "/umbenennen Tom Berger in Thomas Berger",
 * "/rename Bob Robert Meyer": without a joining word the old name is guessed
 * (its first word; the conversation takes the longest start the network knows).
 */
export function parseRename(arg: string): Command | ParseError {
  const text = collapse(arg);
  if (isNoise(text)) return refuse('missing_name', {}, 'rename');
  const join = RENAME_JOIN.exec(text);
  if (join) {
    const name = cleanName(text.slice(0, join.index));
    const newName = cleanName(text.slice(join.index + join[0].length));
    if (name === '') return refuse('missing_name', {}, 'rename');
    if (newName === '') return refuse('missing_other', { name }, 'rename');
    return { intent: 'rename', name, newName };
  }
  const words = text.split(' ');
  const name = cleanName(words[0] ?? '');
  const newName = cleanName(words.slice(1).join(' '));
  if (name === '') return refuse('missing_name', {}, 'rename');
  if (newName === '') return refuse('missing_other', { name }, 'rename');
  return { intent: 'rename', name, newName, guessed: true };
}

/** The names of a plain list: "petra und monika" → both (for callers that take several). */
export function namesOf(text: string): string[] {
  return readPeople(text).names;
}
