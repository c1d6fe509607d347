/**
 * Forgiving name matching (docs/design.md §2): case, accents, first name only, unique
 * prefix — and never a silent guess: several hits come back as `many`, for the
 * bot to ask which one.
 *
 * Spellings. A name is lower-cased, apostrophes are removed ("O'Brien" →
 * "obrien"), ß → ss (and æ, œ, ø, ł, đ, ð, þ, ı to Latin letters), accents are
 * stripped after NFKD, any other punctuation separates words, and titles (Dr.,
 * Prof., Dipl.-Ing., Herr, Frau, Mr, Mrs, Ms, Mx, PhD) are dropped unless the
 * name is nothing else. German umlauts are written three ways — "Jürgen",
 * "Juergen", "Jurgen" — so every word has three spellings:
 *   plain  accents stripped:            jurgen   juergen
 *   alt    ä/ö/ü written ae/oe/ue:      juergen  juergen
 *   fold   plain with ae/oe/ue → a/o/u: jurgen   jurgen
 * Two words are *equal* when their folds are equal (all three spellings of
 * Jürgen). A query word is a *prefix* of a name word when it equals it or its
 * plain form starts one of the name word's spellings ("Jür", "Jue", "Jur" all
 * start Jürgen). The query itself is never folded for prefixes, so "Joe" does
 * not find "John". The price of folding: names that differ only by an e after
 * a, o or u (Michal/Michael) count as the same spelling — both are then asked
 * about when both exist.
 */

import { INVISIBLE } from './input-text.ts';

/** A contact as the matcher sees it. */
export interface NameCandidate<Id = number> {
  id: Id;
  name: string;
}

/** The answer of the matcher: exactly one contact, several to ask about, or none. */
export type NameMatch<Id = number> = { kind: 'one'; id: Id } | { kind: 'many'; ids: Id[] } | { kind: 'none' };

interface Word {
  plain: string;
  alt: string;
  fold: string;
}

interface PreparedName<Id> {
  id: Id;
  /** The whole name folded: the key of level (a). */
  key: string;
  words: readonly Word[];
}

/** Candidates with their spellings computed once; build with prepareCandidates. */
export interface PreparedCandidates<Id = number> {
  readonly names: readonly PreparedName<Id>[];
}

const TITLES = new Set(['dr', 'prof', 'dipl', 'ing', 'herr', 'frau', 'mr', 'mrs', 'ms', 'mx', 'phd']);
const LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i',
};
const APOSTROPHES = /['\u2019\u02bc`\u00b4]/g;
const SPECIAL_LETTERS = /[ßæœøłđðþı]/g;
const UMLAUT = /([aou])\u0308/g;
const MARKS = /\p{M}+/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;
const FOLDABLE = /([aou])e/g;

function fold(text: string): string {
  return text.replace(FOLDABLE, '$1');
}

/**
 * A name's words, remembered: every message matches against all of a user's
 * contacts, and the same names come back message after message.
 */
const wordCache = new Map<string, { words: readonly Word[]; key: string }>();
function spellingsOf(name: string): { words: readonly Word[]; key: string } {
  let entry = wordCache.get(name);
  if (entry === undefined) {
    const words = computeWords(name);
    entry = { words, key: words.map((w) => w.fold).join(' ') };
    if (wordCache.size >= 50_000) wordCache.clear();
    wordCache.set(name, entry);
  }
  return entry;
}

function wordsOf(name: string): readonly Word[] {
  return spellingsOf(name).words;
}

function computeWords(name: string): Word[] {
  // A zero-width space, joiner or soft hyphen inside a word does not split it.
  const decomposed = name
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(SPECIAL_LETTERS, (ch) => LETTERS[ch] ?? ch)
    .normalize('NFKD');
  const plainWords = decomposed.replace(MARKS, '').split(SEPARATORS);
  const altWords = decomposed.replace(UMLAUT, '$1e').replace(MARKS, '').split(SEPARATORS);
  // Replacing ä by ae never adds a separator, so both splits line up word by word.
  const words: Word[] = [];
  let titles = 0;
  for (let i = 0; i < plainWords.length; i++) {
    const plain = plainWords[i] ?? '';
    if (plain === '') continue;
    if (TITLES.has(plain)) titles++;
    words.push({ plain, alt: altWords[i] ?? plain, fold: fold(plain) });
  }
  return titles > 0 && titles < words.length ? words.filter((w) => !TITLES.has(w.plain)) : words;
}

/**
 * Name rule: the search key of a name — lower case, accents and titles
 * dropped, punctuation as single spaces, German umlauts folded — so that
 * "Dr. Jürgen Müller", "Juergen Mueller" and "jurgen muller" share one key.
 * Two names with the same key are the same spelling (level (a) of matching).
 */
export function nameKey(name: string): string {
  return wordsOf(name).map((w) => w.fold).join(' ');
}

/**
 * Ordering of lists: the name with accents and titles dropped, but not folded
 * ("Dr. Zoë Adler" sorts as "zoe adler"); ties in every ranking go by this key.
 */
export function nameSortKey(name: string): string {
  return wordsOf(name).map((w) => w.plain).join(' ');
}

/** Name rule: compute every candidate's spellings once, for repeated matching. */
export function prepareCandidates<Id>(candidates: readonly NameCandidate<Id>[]): PreparedCandidates<Id> {
  const names = candidates.map((c) => {
    const { words, key } = spellingsOf(c.name);
    return { id: c.id, key, words };
  });
  return { names };
}

function isPrefix(q: Word, c: Word): boolean {
  return q.fold === c.fold || c.plain.startsWith(q.plain) || c.alt.startsWith(q.plain) || c.fold.startsWith(q.plain);
}

/** Name words in use by query words during one `assign`; scratch space, reset on every call. */
const owner: number[] = [];
let seen = 0;

function fits(q: Word, c: Word, prefix: boolean): boolean {
  return prefix ? isPrefix(q, c) : q.fold === c.fold;
}

/** Kuhn's augmenting path: give query word `i` a name word, moving earlier ones if needed. */
function augment(q: readonly Word[], c: readonly Word[], prefixFrom: number, i: number): boolean {
  const qw = q[i];
  if (qw === undefined) return false;
  for (let j = 0; j < c.length; j++) {
    const cw = c[j];
    if (cw === undefined || (seen & (1 << j)) !== 0 || !fits(qw, cw, i >= prefixFrom)) continue;
    seen |= 1 << j;
    const holder = owner[j] ?? -1;
    if (holder < 0 || augment(q, c, prefixFrom, holder)) {
      owner[j] = i;
      return true;
    }
  }
  return false;
}

/**
 * Do the query words match distinct words of the name, in any order? Words
 * must be equal, except that a word at index >= `prefixFrom` may be a prefix.
 * A bipartite matching (at most 30 name words), so an odd query can never
 * make it slow; no allocation per call.
 */
function assign(q: readonly Word[], c: readonly Word[], prefixFrom: number): boolean {
  owner.length = 0;
  for (let j = 0; j < c.length; j++) owner.push(-1);
  for (let i = 0; i < q.length; i++) {
    seen = 0;
    if (!augment(q, c, prefixFrom, i)) return false;
  }
  return true;
}

const NO_MATCH = 4;

/** 1: whole name, 2: whole words, 3: word prefixes, NO_MATCH otherwise. */
function levelOf(q: readonly Word[], qKey: string, c: PreparedName<unknown>): number {
  if (c.key === qKey) return 1;
  if (q.length > c.words.length || c.words.length > 30) return NO_MATCH;
  // (b) first or last name, or "Anna Sch": whole words, the last of several may be a prefix.
  if (assign(q, c.words, q.length > 1 ? q.length - 1 : q.length)) return 2;
  if (assign(q, c.words, 0)) return 3;
  return NO_MATCH;
}

/**
 * Name rule (docs/design.md §2): find the contacts a typed name means. Levels, and the
 * first level with any hit wins:
 *   (a) the whole name is equal ("jurgen mueller" = "Dr. Jürgen Müller");
 *   (b) whole words: first name, last name, or several words where the last
 *       may be a prefix ("Anna Sch" finds Anna Schmidt);
 *   (c) prefixes: every query word starts a different word of the name
 *       ("Jür", "An Sch").
 * Word order does not matter ("Schmidt Anna"). One hit is `one`; several hits
 * on the winning level are `many` — two Annas are asked about, never guessed.
 * Linear in the candidates; pass prepareCandidates(…) to reuse spellings.
 */
export function matchContacts<Id>(
  query: string,
  candidates: readonly NameCandidate<Id>[] | PreparedCandidates<Id>,
): NameMatch<Id> {
  const q = wordsOf(query);
  if (q.length === 0) return { kind: 'none' };
  const qKey = q.map((w) => w.fold).join(' ');
  const names = 'names' in candidates ? candidates.names : prepareCandidates(candidates).names;
  let best = NO_MATCH;
  let ids: Id[] = [];
  for (const c of names) {
    const level = levelOf(q, qKey, c);
    if (level === NO_MATCH || level > best) continue;
    if (level < best) {
      best = level;
      ids = [];
    }
    ids.push(c.id);
  }
  const first = ids[0];
  if (first === undefined) return { kind: 'none' };
  return ids.length === 1 ? { kind: 'one', id: first } : { kind: 'many', ids };
}
