/**
 * The entry point of the command language: text → Command | ParseError.
 * Pure: the clock, the zone and the language come in the context. Never
 * throws, whatever the text. Holds no word of any language: those are in
 * the lexicons (src/commands/lexicon).
 */
import { isValidTimeZone } from '../core/dates.ts';
import { MAX_COMMAND_LENGTH, MAX_NOTE_LENGTH } from './command.ts';
import type { Command, DetailField, ParseContext, ParseError } from './command.ts';
import { detailFieldOf, keywordOf, leadingKeyword } from './keywords.ts';
import type { Keyword } from './keywords.ts';
import { parseNatural } from './natural.ts';
import { parseCadence, parseIntro, parseNameOnly, parseNote, parseRemind, parseRename, parseTier } from './parse-contact.ts';
import { parseDetail } from './parse-detail.ts';
import { impossibleDate } from './parse-date.ts';
import { parseOccasion, parseOccasionCommand } from './parse-occasion.ts';
import { parseMet } from './parse-met.ts';
import { parseBare, parseExport, parseFind, parseHelp, parseList, parseToday } from './parse-nameless.ts';
import { parseDone, parseNoAnswer, parsePause, parseSkip, parseSnooze } from './parse-nudge.ts';
import { parseSettings } from './parse-settings.ts';
import { parseSourceCommand, sourceWordOf } from './parse-sources.ts';
import { parseTouchCommand, parseTouchPhrase } from './parse-touch.ts';
import { collapse } from './normalize.ts';
import { refuse } from './command.ts';
import { gather } from './lexicon/index.ts';
import { phrases } from './lexicon/compile.ts';

export { warmUpParser } from './parse-date.ts';

// "/met Anna", "/met@KeepWarmBot Anna" (Telegram groups address the bot by name).
const SLASH = /^\/([\p{L}\p{N}_-]*)(?:@[\p{L}\p{N}_.]*)?(?=$|[\s,.:;!?])/u;
// "met with Anna" logs a meeting with someone known; "met Anna" is a new acquaintance.
const MET_WITH = new RegExp(`^${phrases(gather((l) => l.met.withKnown))}\\s`, 'iu');
/** A note's command word and name fit in this many characters before the note itself. */
const NOTE_HEAD = 200;

/** What the first word of a message names: an intent, or a detail (`/email`, `/adresse`). */
type Lead = { keyword: Keyword } | { field: DetailField };

/**
 * Reads one chat message. Slash commands (`/met …`) and plain text (`met …`,
 * "called Bob yesterday", "mit Jürgen telefoniert") in English or German;
 * dates resolved in `ctx.timeZone` against `ctx.now`.
 */
export function parseCommand(text: string, ctx: ParseContext): Command | ParseError {
  try {
    return interpret(text, ctx);
  } catch {
    // A bug must cost one message a "not understood", never the process; the
    // property test fails on this reason, so it cannot hide silently.
    return refuse('not_understood', { reason: 'internal' });
  }
}

function interpret(raw: string, context: ParseContext): Command | ParseError {
  if (typeof raw !== 'string') return refuse('empty');
  const collapsed = collapse(raw);
  if (collapsed === '') return refuse('empty');
  const isNote = leadOf(collapsed)?.keyword === 'note';
  // A note may be pasted meeting notes; it is never read for dates.
  const max = isNote ? MAX_NOTE_LENGTH + NOTE_HEAD : MAX_COMMAND_LENGTH;
  if (collapsed.length > max) {
    return refuse('too_long', { length: String(collapsed.length), max: String(isNote ? MAX_NOTE_LENGTH : MAX_COMMAND_LENGTH) }, isNote ? 'note' : undefined);
  }
  const text = collapse(collapsed.normalize('NFC'));
  const ctx: ParseContext = isValidTimeZone(context.timeZone) ? context : { ...context, timeZone: 'UTC' };
  if (!isNote && !exempt(text)) {
    // "31.02." is no day at all: said so, never read as part of a name.
    const impossible = impossibleDate(text);
    if (impossible !== undefined) return refuse('impossible_date', { got: impossible });
  }
  // The occasion forms the keyword table cannot reach ("/holiday-cards", a birthday said in a sentence) first.
  return parseOccasion(text, ctx) ?? (text.startsWith('/') ? interpretSlash(text, ctx) : interpretPlain(text, ctx));
}

/** Messages whose text is not read for dates: a note, a search, help. */
function exempt(text: string): boolean {
  const lead = leadOf(text);
  return lead !== undefined && 'keyword' in lead && (lead.keyword === 'find' || lead.keyword === 'help');
}

function leadOf(text: string): ({ keyword?: Keyword } & Partial<Lead>) | undefined {
  if (text.startsWith('/')) {
    const word = SLASH.exec(text)?.[1] ?? '';
    const keyword = keywordOf(word);
    if (keyword !== undefined) return { keyword };
    const field = detailFieldOf(word);
    return field === undefined ? undefined : { field };
  }
  const lead = leadingKeyword(text);
  return lead ? { keyword: lead.keyword } : undefined;
}

function interpretSlash(text: string, ctx: ParseContext): Command | ParseError {
  const m = SLASH.exec(text);
  const word = m?.[1] ?? text.slice(1).split(' ')[0] ?? '';
  const arg = m ? collapse(text.slice(m[0].length).replace(/^[\s,:;]+/u, '')) : '';
  const sourceWord = m && word !== '' ? sourceWordOf(word) : undefined;
  if (m && sourceWord) return parseSourceCommand(sourceWord, arg);
  const keyword = m && word !== '' ? keywordOf(word) : undefined;
  if (m && keyword !== undefined) return dispatch(keyword, arg, ctx);
  const field = m && word !== '' ? detailFieldOf(word) : undefined;
  if (field !== undefined) return detailOf(field, arg, ctx);
  return refuse('unknown_command', { word });
}

const PLAIN_WORD = /^([\p{L}-]+)(?=$|[\s,.:;!?])/u;

function interpretPlain(text: string, ctx: ParseContext): Command | ParseError {
  // "sources", "mail inbox on": only when it reads as one ("mail Anna" stays a touch).
  const first = /^[\p{L}]+/u.exec(text)?.[0];
  const sourceWord = first !== undefined && /^$|^\s/u.test(text.slice(first.length)) ? sourceWordOf(first) : undefined;
  if (sourceWord) {
    const source = parseSourceCommand(sourceWord, collapse(text.slice(first!.length)));
    if (!('error' in source)) return source;
  }
  const lead = leadingKeyword(text);
  const word = lead ? undefined : PLAIN_WORD.exec(text);
  const field = word?.[1] === undefined ? undefined : detailFieldOf(word[1]);
  if (!lead && field === undefined) return parseNatural(text, ctx) ?? refuse('not_understood', { got: text.slice(0, 80) });
  const result = lead ? dispatch(lead.keyword, lead.rest, ctx) : detailOf(field ?? 'email', collapse(text.slice(word?.[0].length ?? 0).replace(/^[\s,:;]+/u, '')), ctx);
  if (!('error' in result)) return result;
  // "heute mit Anna telefoniert" starts with "heute" but is a touch.
  const natural = parseNatural(text, ctx);
  // ... and "heute angerufen" is a touch without a name, not a count of people.
  return natural && (!('error' in natural) || natural.intent === 'touch') ? natural : result;
}

/**
 * A detail said with its command word. A birthday or a postal address is
 * read as an occasion first (parse-occasion.ts: the stored birthday, the
 * parsed address); what it cannot read — a name without a colon before the
 * street — the detail reader tries. Otherwise the occasion's refusal stands,
 * unless the value is missing altogether ("/address Anna").
 */
function detailOf(field: DetailField, arg: string, ctx: ParseContext): Command | ParseError {
  if (field !== 'birthday' && field !== 'address') return parseDetail(field, arg);
  const occasion = parseOccasionCommand(field, arg, ctx);
  if (!('error' in occasion)) return occasion;
  const detail = parseDetail(field, arg);
  if ('error' in detail) return detail.error === 'missing_value' ? detail : occasion;
  // A birthday the occasion reader refused (a year to come) stays refused.
  return field === 'address' ? detail : occasion;
}

function dispatch(keyword: Keyword, arg: string, ctx: ParseContext): Command | ParseError {
  switch (keyword) {
    case 'met':
      if (MET_WITH.test(arg)) return parseTouchPhrase(`met ${arg}`, ctx) ?? refuse('missing_name', {}, 'touch');
      return parseMet('met', arg, ctx);
    case 'add':
      return parseMet('add', arg, ctx);
    case 'touch':
      return parseTouchCommand(arg, ctx);
    case 'done':
      return parseDone(arg);
    case 'both': {
      // "beide auf morgen": both, postponed; "both" alone: both done.
      const snoozed = parseSnooze(`both ${arg}`, ctx, false);
      return 'error' in snoozed ? parseDone(`both ${arg}`) : snoozed;
    }
    case 'noanswer':
      return parseNoAnswer(arg);
    case 'skip':
      return parseSkip(arg);
    case 'snooze':
      return parseSnooze(arg, ctx, false);
    case 'later':
      return parseSnooze(arg, ctx, true);
    case 'note':
      return parseNote(arg);
    case 'tier':
      return parseTier(arg);
    case 'cadence':
      return parseCadence(arg);
    case 'remind':
      return parseRemind(arg, ctx);
    case 'today':
      return parseToday(arg);
    case 'show':
    case 'archive':
    case 'delete':
    case 'keep':
      return parseNameOnly(keyword, arg);
    case 'rename':
      return parseRename(arg);
    case 'detail':
      return refuse('unknown_command', { word: arg });
    case 'find':
      return parseFind(arg);
    case 'list':
      return parseList(arg);
    case 'intro':
      return parseIntro(arg);
    case 'settings':
      return parseSettings(arg);
    case 'pause':
      return parsePause(arg, ctx);
    case 'export':
      return parseExport(arg);
    case 'help':
      return parseHelp(arg);
    case 'cards':
    case 'birthday':
    case 'address':
      return parseOccasionCommand(keyword, arg, ctx);
    case 'overdue':
    case 'review':
    case 'resume':
    case 'stats':
    case 'undo':
    case 'start':
    case 'forget':
    case 'confirm':
    case 'cancel':
      return parseBare(keyword, arg);
  }
}
