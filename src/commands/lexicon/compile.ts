/**
 * Lexicon words and phrases (notation: types.ts) turned into the regular
 * expressions and lookup keys the parsers use. Every word is matched as
 * typed and in its ASCII spellings: "später", "spaeter" and "spater"; "ß" or
 * "ss"; "e-mail" or "email". Patterns are case-insensitive (flags `iu`).
 */
import type { Phrase } from './types.ts';

const SPELLINGS: Readonly<Record<string, string>> = {
  ä: '(?:ä|ae|a)',
  ö: '(?:ö|oe|o)',
  ü: '(?:ü|ue|u)',
  ß: '(?:ß|ss)',
  é: '(?:é|e)',
  è: '(?:è|e)',
  '-': '[-\u2010\u2011]?',
  "'": "['\u2019]?",
  '.': '\\.?',
  ' ': '\\s+',
};

/** One word (or words with spaces) as a pattern source. */
export function wordSource(word: string): string {
  let source = '';
  for (const ch of word.toLowerCase()) source += SPELLINGS[ch] ?? ch.replace(/[\\^$*+?()[\]{}|/]/g, '\\$&');
  return source;
}

/** Alternatives as one group, longest first so "auf der" wins over "auf". */
export function alternation(words: readonly string[]): string {
  const unique = [...new Set(words)].sort((a, b) => b.length - a.length);
  return `(?:${unique.map(wordSource).join('|')})`;
}

/** A phrase: slots separated by spaces; `a|b` alternatives; a slot ending in `?` may be left out. */
export function phraseSource(phrase: Phrase): string {
  let source = '';
  let started = false;
  for (const slot of phrase.trim().split(/\s+/u)) {
    const optional = slot.length > 1 && slot.endsWith('?');
    const group = alternation((optional ? slot.slice(0, -1) : slot).split('|'));
    if (!started) source += optional ? `(?:${group}\\s+)?` : group;
    else source += optional ? `(?:\\s+${group})?` : `\\s+${group}`;
    if (!optional) started = true;
  }
  return source;
}

/** Several phrases as one group, longest first. */
export function phrases(list: readonly Phrase[]): string {
  const unique = [...new Set(list)].sort((a, b) => b.length - a.length);
  return unique.length === 0 ? '(?!)' : `(?:${unique.map(phraseSource).join('|')})`;
}

const LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const LETTER_AFTER = '(?![\\p{L}\\p{N}])';

/** A source that must stand as whole words. */
export function whole(source: string): string {
  return `${LETTER_BEFORE}${source}${LETTER_AFTER}`;
}

/** The lookup key of a word: lower case, umlauts spelt out, ß as ss, hyphens and final dots dropped. */
export function foldKey(word: string): string {
  return word
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[-\u2010\u2011'\u2019]/g, '')
    .replace(/\.+$/u, '');
}

/** The same key with umlauts dropped instead of spelt out ("uberfallig"), and with accents dropped. */
export function plainKey(word: string): string {
  return word
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[-\u2010\u2011'\u2019]/g, '')
    .replace(/\.+$/u, '');
}

/** A lookup table from words in every spelling to a value; later entries never replace earlier ones. */
export function table<T>(entries: Iterable<readonly [string, T]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [word, value] of entries) {
    for (const key of [foldKey(word), plainKey(word)]) if (!map.has(key)) map.set(key, value);
  }
  return map;
}

/** Looks a word up in a table made by `table`. */
export function lookupWord<T>(map: ReadonlyMap<string, T>, word: string): T | undefined {
  return map.get(foldKey(word)) ?? map.get(plainKey(word));
}
