/**
 * The entry point of the command language: text → Command | ParseError.
 * Pure: the clock, the zone and the language come in the context. Never
 * throws, whatever the text.
 */
import { isValidTimeZone } from '../core/dates.ts';
import { MAX_COMMAND_LENGTH } from './command.ts';
import type { Command, ParseContext, ParseError } from './command.ts';
import { keywordOf, leadingKeyword } from './keywords.ts';
import type { Keyword } from './keywords.ts';
import { parseNatural } from './natural.ts';
import { parseOccasion, parseOccasionCommand } from './parse-occasion.ts';
import { parseCadence, parseIntro, parseNameOnly, parseNote, parseRemind, parseTier } from './parse-contact.ts';
import { parseMet } from './parse-met.ts';
import { parseBare, parseExport, parseFind, parseHelp, parseList, parsePause, parseToday } from './parse-nameless.ts';
import { parseDone, parseNoAnswer, parseSkip, parseSnooze } from './parse-nudge.ts';
import { parseSettings } from './parse-settings.ts';
import { parseSourceCommand, sourceWordOf } from './parse-sources.ts';
import { parseTouchCommand, parseTouchPhrase } from './parse-touch.ts';
import { collapse } from './normalize.ts';
import { refuse } from './command.ts';

export { warmUpParser } from './parse-date.ts';

// "/met Anna", "/met@KeepWarmBot Anna" (Telegram groups address the bot by name).
const SLASH = /^\/([\p{L}\p{N}_]*)(?:@[\p{L}\p{N}_.]*)?(?=$|[\s,.:;!?])/u;

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
  if (collapsed.length > MAX_COMMAND_LENGTH) {
    return refuse('too_long', { length: String(collapsed.length), max: String(MAX_COMMAND_LENGTH) });
  }
  const text = collapse(collapsed.normalize('NFC'));
  const ctx: ParseContext = isValidTimeZone(context.timeZone) ? context : { ...context, timeZone: 'UTC' };
  return parseOccasion(text, ctx) ?? (text.startsWith('/') ? interpretSlash(text, ctx) : interpretPlain(text, ctx));
}

function interpretSlash(text: string, ctx: ParseContext): Command | ParseError {
  const m = SLASH.exec(text);
  const word = m?.[1] ?? text.slice(1).split(' ')[0] ?? '';
  const sourceWord = m && word !== '' ? sourceWordOf(word) : undefined;
  if (m && sourceWord) return parseSourceCommand(sourceWord, collapse(text.slice(m[0].length).replace(/^[\s,:;]+/u, '')));
  const keyword = m && word !== '' ? keywordOf(word) : undefined;
  if (!m || keyword === undefined) return refuse('unknown_command', { word });
  const arg = collapse(text.slice(m[0].length).replace(/^[\s,:;]+/u, ''));
  return dispatch(keyword, arg, ctx);
}

function interpretPlain(text: string, ctx: ParseContext): Command | ParseError {
  // "sources", "mail inbox on": only when it reads as one ("mail Anna" stays a touch).
  const first = /^[\p{L}]+/u.exec(text)?.[0];
  const sourceWord = first !== undefined && /^$|^\s/u.test(text.slice(first.length)) ? sourceWordOf(first) : undefined;
  if (sourceWord) {
    const source = parseSourceCommand(sourceWord, collapse(text.slice(first!.length)));
    if (!('error' in source)) return source;
  }
  const lead = leadingKeyword(text);
  if (!lead) return parseNatural(text, ctx) ?? refuse('not_understood', { got: text.slice(0, 80) });
  const result = dispatch(lead.keyword, lead.rest, ctx);
  if (!('error' in result)) return result;
  // "heute mit Anna telefoniert" starts with "heute" but is a touch.
  const natural = parseNatural(text, ctx);
  return natural && !('error' in natural) ? natural : result;
}

function dispatch(keyword: Keyword, arg: string, ctx: ParseContext): Command | ParseError {
  switch (keyword) {
    case 'met':
      // "met with Anna" logs a meeting with someone known; "met Anna" is a new acquaintance.
      if (/^(?:up\s+)?with\s/iu.test(arg)) return parseTouchPhrase(`met ${arg}`, ctx) ?? refuse('missing_name', {}, 'touch');
      return parseMet('met', arg, ctx);
    case 'add':
      return parseMet('add', arg, ctx);
    case 'touch':
      return parseTouchCommand(arg, ctx);
    case 'done':
      return parseDone(arg);
    case 'both':
      return parseDone(`both ${arg}`);
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
      return parseNameOnly(keyword, arg);
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
