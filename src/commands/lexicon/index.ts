/**
 * The lexicons of the input languages. Every message is read with all of
 * them (a German user may type "done"), the user's own tried first where an
 * order matters (dates). Adding a language: a lexicon here, a catalog in
 * src/i18n (CONTRIBUTING.md, "Adding a language").
 */
import type { Language } from '../../core/types.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { foldKey, plainKey } from './compile.ts';
import type { Lexicon } from './types.ts';

export type { DetailField, Keyword, Lexicon, LoggedKind, Phrase, TouchPhrase } from './types.ts';

export const LEXICONS: readonly Lexicon[] = [en, de];

/** The lexicons with the user's language first. */
export function byPreference(language: Language): readonly Lexicon[] {
  return [...LEXICONS].sort((a, b) => Number(b.language === language) - Number(a.language === language));
}

/** One list from every lexicon. */
export function gather<T>(pick: (lexicon: Lexicon) => readonly T[] | undefined): T[] {
  return LEXICONS.flatMap((lexicon) => [...(pick(lexicon) ?? [])]);
}

/** One record from every lexicon (the first lexicon's entry wins). */
export function gatherRecord<T>(pick: (lexicon: Lexicon) => Readonly<Record<string, T>>): [string, T][] {
  return LEXICONS.flatMap((lexicon) => Object.entries(pick(lexicon)));
}

// Words that are never a name on their own, in every spelling.
const NOT_NAMES = new Set<string>();
for (const lexicon of LEXICONS) {
  const words = [
    ...lexicon.names.filler,
    ...lexicon.names.functionWords,
    ...lexicon.names.and,
    ...lexicon.names.noteWords.filter((w) => !w.includes(' ')),
    ...Object.keys(lexicon.names.salutations),
    ...lexicon.names.titles,
    ...lexicon.dates.dayWords,
    ...lexicon.dates.qualifiers,
  ];
  for (const word of words) {
    NOT_NAMES.add(foldKey(word));
    NOT_NAMES.add(plainKey(word));
  }
}

/**
 * True for a word no contact is called: filler, function words, day words,
 * salutations and titles of any language ("habe", "noch", "Frau", "today").
 */
export function isNeverAName(word: string): boolean {
  const key = foldKey(word.replace(/[.,:;!?]+$/u, ''));
  return key === '' || NOT_NAMES.has(key) || NOT_NAMES.has(plainKey(word));
}

const NOUNS = new Set(LEXICONS.flatMap((lexicon) => lexicon.names.nouns.flatMap((word) => [foldKey(word), plainKey(word)])));

/** True when a would-be name holds nothing but such words or words for a person ("frau", "hab noch", "today", "person"). */
export function isNameless(name: string): boolean {
  const words = name.split(/[\s,.;:!?"“”„()]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.every((word) => isNeverAName(word) || NOUNS.has(foldKey(word)) || NOUNS.has(plainKey(word)));
}
