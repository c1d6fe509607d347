/**
 * The words that name an intent, from the lexicons. A message starts with
 * one of them (`/done`, `done`, `Erledigt!`), or it is a natural phrase handled
 * in natural.ts ("called Bob", "mit Jürgen telefoniert").
 */
import type { DetailField } from './command.ts';
import { collapse } from './normalize.ts';
import { gather, gatherRecord, LEXICONS } from './lexicon/index.ts';
import type { Keyword } from './lexicon/index.ts';
import { lookupWord, phrases, table } from './lexicon/compile.ts';

export type { Keyword } from './lexicon/index.ts';

const BY_WORD = table<Keyword>(gatherRecord((lexicon) => lexicon.intents).flatMap(([keyword, words]) => (words ?? []).map((word) => [word, keyword as Keyword] as const)));
const DETAIL_COMMANDS = table<DetailField>(gatherRecord((lexicon) => lexicon.details.commands).flatMap(([field, words]) => words.map((word) => [word, field as DetailField] as const)));

// Several words naming one intent; tried before single words so "no answer" is not read as "no".
const PHRASES: readonly (readonly [RegExp, Keyword])[] = (['noanswer', 'later'] as const).map((keyword) => [
  new RegExp(`^${phrases(gather((lexicon) => lexicon.intentPhrases[keyword]))}(?=$|[^\\p{L}\\p{N}])`, 'iu'),
  keyword,
]);

/** The intent a single word names (any case, umlauts or their ae/oe/ue spelling). */
export function keywordOf(word: string): Keyword | undefined {
  return lookupWord(BY_WORD, word);
}

/** The detail a command word names: `/email`, `/telefon`, `/adresse`. */
export function detailFieldOf(word: string): DetailField | undefined {
  return lookupWord(DETAIL_COMMANDS, word);
}

export interface LeadingKeyword {
  keyword: Keyword;
  /** What follows the keyword, without the punctuation that separated it. */
  rest: string;
}

/**
 * The intent named at the start of plain text: "done Anna" → done + "Anna",
 * "Erledigt!" → done + "", "no answer Bob" → noanswer + "Bob".
 */
export function leadingKeyword(text: string): LeadingKeyword | undefined {
  for (const [pattern, keyword] of PHRASES) {
    const m = pattern.exec(text);
    if (m) return { keyword, rest: afterKeyword(text.slice(m[0].length)) };
  }
  const word = /^[\p{L}]+/u.exec(text);
  if (!word) return undefined;
  const keyword = keywordOf(word[0]);
  // "Stats?" and "Done!" are the keyword; "Done-Deal" or "Nord-Ost" is not.
  const next = text.charAt(word[0].length);
  if (!keyword || /[\p{L}\p{N}'’\-_]/u.test(next)) return undefined;
  return { keyword, rest: afterKeyword(text.slice(word[0].length)) };
}

function afterKeyword(rest: string): string {
  return collapse(rest.replace(/^[\s,:;.!?]+/u, ''));
}

/** The canonical intent for a help topic: "/help erledigt" → "done". */
export function topicOf(word: string): string {
  const bare = word.replace(/^\//, '');
  const keyword = keywordOf(bare);
  if (keyword === 'later') return 'snooze';
  if (keyword === 'both' || keyword === 'keep') return 'done';
  if (keyword === undefined && detailFieldOf(bare) !== undefined) return 'details';
  return keyword ?? bare.toLowerCase();
}

/** Every lexicon, for tests that walk all words. */
export const lexicons = LEXICONS;
