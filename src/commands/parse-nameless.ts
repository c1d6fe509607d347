/**
 * Intents that name no contact — about the whole network or the account:
 * today, list, find, export, help, and those that take no argument.
 */
import type { Tier } from '../core/types.ts';
import type { Command, ExportFormat, ParseError } from './command.ts';
import { tierOf } from './extract.ts';
import { topicOf } from './keywords.ts';
import { readCount } from './setting-values.ts';
import { isNoise } from './normalize.ts';
import { refuse } from './command.ts';
import { gather, gatherRecord } from './lexicon/index.ts';
import { alternation, lookupWord, phrases, table } from './lexicon/compile.ts';

const TODAY_WORDS = new RegExp(`\\s*${alternation(gather((l) => l.today.people))}(?![\\p{L}])`, 'giu');

/** "/today", "/today 3", "heute 2": who to contact now, 1–3 people. */
export function parseToday(arg: string): Command | ParseError {
  if (isNoise(arg)) return { intent: 'today' };
  const got = arg.replace(TODAY_WORDS, '').trim();
  const count = readCount(got);
  return count === undefined ? refuse('bad_count', { got: arg }, 'today') : { intent: 'today', count };
}

const LIST_FILLER = table([...gather((l) => l.tiers.words), ...gather((l) => l.names.and)].map((w) => [w, true] as const));
const LIST_ALL = new RegExp(`^${alternation(gather((l) => l.tiers.all))}$`, 'iu');
const CONTACT_SUFFIX = new RegExp(`[-\\s]?${alternation(gather((l) => l.tiers.contactSuffix))}$`, 'iu');

/** "/list", "/list A", "/list tier B", "/list A-Kontakte", "/list A B", "/liste A und C". */
export function parseList(arg: string): Command | ParseError {
  const tiers: Tier[] = [];
  for (const raw of arg.split(/[\s,;/+]+/u)) {
    const word = raw.replace(CONTACT_SUFFIX, '');
    if (word === '' || lookupWord(LIST_FILLER, word) !== undefined) continue;
    if (LIST_ALL.test(word)) return { intent: 'list' };
    const tier = tierOf(word);
    if (!tier) return refuse('bad_tier', { got: word }, 'list');
    if (!tiers.includes(tier)) tiers.push(tier);
  }
  if (tiers.length === 0) return { intent: 'list' };
  const [tier] = tiers;
  return tiers.length === 1 && tier ? { intent: 'list', tier } : { intent: 'list', tiers };
}

const TAG_QUERY = new RegExp(`^(?:${phrases(gather((l) => l.find.tagWords))}\\s+)?#?(?<tag>[\\p{L}\\p{N}_-]+)$`, 'iu');

/** "/find siemens": the rest of the message is the search text; "/find #fintech" looks for the tag. */
export function parseFind(arg: string): Command | ParseError {
  if (isNoise(arg)) return refuse('not_understood', { missing: 'query' }, 'find');
  const tag = arg.startsWith('#') ? TAG_QUERY.exec(arg)?.groups?.['tag'] : undefined;
  return tag !== undefined ? { intent: 'find', query: arg, tag } : { intent: 'find', query: arg };
}

const FORMATS = table<ExportFormat>(gatherRecord((l) => l.exports.formats));
const EXPORT_FILLER = table(gather((l) => l.exports.filler).map((w) => [w, true] as const));

/** "/export" (json), "/export csv", "/export csv A B", "/export vcf", "/export ics". */
export function parseExport(arg: string): Command | ParseError {
  let format: ExportFormat | undefined;
  const tiers: Tier[] = [];
  for (const word of arg.split(/[\s,;/+]+/u).filter((w) => w !== '' && lookupWord(EXPORT_FILLER, w) === undefined)) {
    const asFormat = lookupWord(FORMATS, word.replace(/^\./u, ''));
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

export type BareIntent = 'overdue' | 'review' | 'resume' | 'stats' | 'undo' | 'start' | 'forget' | 'confirm' | 'cancel';

const POLITE = new RegExp(`^${phrases(gather((l) => l.answers.polite))}$`, 'iu');

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
