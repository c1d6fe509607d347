/**
 * Intents that name no contact — about the whole network or the account:
 * today, list, find, export, help, pause, and those that take no argument.
 */
import type { Tier } from '../core/types.ts';
import type { Command, ExportFormat, ParseContext, ParseError } from './command.ts';
import { tierOf } from './extract.ts';
import { topicOf } from './keywords.ts';
import { readUntil } from './parse-nudge.ts';
import { findDates, todayOf } from './parse-date.ts';
import { addDays } from '../core/dates.ts';
import { readCount } from './setting-values.ts';
import { fold, isNoise, lookup } from './normalize.ts';
import { refuse } from './command.ts';

/** "/today", "/today 3", "heute 2": who to contact now, 1–3 people. */
export function parseToday(arg: string): Command | ParseError {
  if (isNoise(arg)) return { intent: 'today' };
  const got = arg.replace(/\s*(?:people|persons|contacts|leute|personen|kontakte|now|jetzt)\b/giu, '').trim();
  const count = readCount(got);
  return count === undefined ? refuse('bad_count', { got: arg }, 'today') : { intent: 'today', count };
}

/** "/list", "/list A", "/list tier B", "/list A-Kontakte". */
export function parseList(arg: string): Command | ParseError {
  const word = arg.replace(/^(?:tier|stufe|kategorie|klasse)\s+/iu, '').replace(/[-\s]?(?:kontakte?|contacts?)$/iu, '').trim();
  if (word === '' || /^(?:all|alle|everyone)$/iu.test(word)) return { intent: 'list' };
  const tier = tierOf(word);
  return tier ? { intent: 'list', tier } : refuse('bad_tier', { got: word }, 'list');
}

/** "/find siemens": the rest of the message is the search text. */
export function parseFind(arg: string): Command | ParseError {
  return isNoise(arg) ? refuse('not_understood', { missing: 'query' }, 'find') : { intent: 'find', query: arg };
}

const FORMATS: Record<string, ExportFormat> = {
  json: 'json', csv: 'csv', excel: 'csv', vcf: 'vcf', vcard: 'vcf', vcards: 'vcf', ics: 'ics', ical: 'ics', icalendar: 'ics',
  calendar: 'ics', kalender: 'ics',
};

/** "/export" (json), "/export csv", "/export csv A B", "/export vcf", "/export ics". */
export function parseExport(arg: string): Command | ParseError {
  let format: ExportFormat | undefined;
  const tiers: Tier[] = [];
  for (const word of arg.split(/[\s,;/+]+/u).filter((w) => w !== '' && !/^(?:tier|tiers|stufe|as|als|format)$/iu.test(w))) {
    const asFormat = lookup(FORMATS, fold(word.replace(/^\./u, '')));
    const tier = tierOf(word);
    if (asFormat && !format) format = asFormat;
    else if (tier) {
      if (!tiers.includes(tier)) tiers.push(tier);
    } else if (word.length === 1) return refuse('bad_tier', { got: word }, 'export');
    else return refuse('bad_format', { got: word }, 'export');
  }
  return { intent: 'export', format: format ?? 'json', tiers };
}

/** "/help", "/help met", "hilfe erledigt" (topic "done"). */
export function parseHelp(arg: string): Command {
  const word = arg.split(' ')[0] ?? '';
  return isNoise(word) ? { intent: 'help' } : { intent: 'help', topic: topicOf(word) };
}

// "vom 23.12. bis 6.1.", "from December 23 to January 6", "ab heute bis 15. Januar".
const PAUSE_RANGE = /^(?:vom|von|ab|from)\s+(.+?)\s+(?:bis(?:\s+(?:zum|einschließlich))?|to|until|till|through|-|–)\s+(.+)$/iu;

/**
 * A pause over a range of days, both named: nudges stop on the first (or now,
 * when it has come) and resume the day after the last.
 */
function parsePauseRange(first: string, last: string, ctx: ParseContext): Command | ParseError {
  const today = todayOf(ctx);
  const to = findDates(last, ctx, 'future')[0];
  if (!to) return refuse('bad_date', { got: last }, 'pause');
  const end = to.date;
  if (end > addDays(today, MAX_PAUSE_DAYS)) return refuse('bad_date', { got: to.text, date: end }, 'pause');
  // The start is the latest reading on or before the end: "vom 1.1." said on 8 January is this
  // year's (the pause runs already), "vom 23.12. bis 6.1." said in December is the coming one.
  const starts = [findDates(first, ctx, 'past')[0], findDates(first, ctx, 'future')[0]].filter((d) => d !== undefined && d.date <= end);
  const from = starts.sort((a, b) => (a!.date < b!.date ? 1 : -1))[0];
  if (!from) return refuse('bad_date', { got: first }, 'pause');
  return { intent: 'pause', until: addDays(end, 1), ...(from.date > today ? { from: from.date } : {}) };
}

/** A pause longer than this is a mistake in the date, not a holiday. */
const MAX_PAUSE_DAYS = 366;

/** "/pause until January 6", "/pause 2 weeks", "pausieren bis 6. Januar", "/pause vom 23.12. bis 6.1.". */
export function parsePause(arg: string, ctx: ParseContext): Command | ParseError {
  const range = PAUSE_RANGE.exec(arg.trim());
  if (range) return parsePauseRange(range[1]!, range[2]!, ctx);
  const until = readUntil(arg, ctx, 'pause');
  if (until === undefined) return refuse('missing_date', { got: arg }, 'pause');
  if ('error' in until) return until;
  return { intent: 'pause', until: until.until };
}

export type BareIntent = 'overdue' | 'review' | 'resume' | 'stats' | 'undo' | 'start' | 'forget' | 'confirm' | 'cancel';

const POLITE = /^(?:please|pls|bitte|thanks|thank you|danke|now|jetzt|all|alles|everything)$/iu;

/**
 * Intents without an argument; what follows them is ignored ("/stats please",
 * "/start <payload>"), except after forget, yes and no: "/forget Anna" likely
 * means /delete and forget erases everything, and "ja, aber …" is no plain yes.
 */
export function parseBare(intent: BareIntent, arg: string): Command | ParseError {
  const extra = arg.replace(/[\s,.:;!?]+$/u, '');
  const strict = intent === 'forget' || intent === 'confirm' || intent === 'cancel';
  if (strict && !isNoise(extra) && !POLITE.test(extra)) {
    return refuse('not_understood', { got: extra }, intent);
  }
  // TypeScript does not distribute a union-typed `intent` over the Command union.
  return { intent } as Command;
}
