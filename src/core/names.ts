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

import { SALUTATION_WORDS, TITLE_WORDS } from './honorifics.ts';
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

// Salutations and titles of every language (src/core/honorifics.ts), word by word: "Dipl.-Ing." is "dipl" and "ing".
const TITLES = new Set([
  ...Object.values(SALUTATION_WORDS).flatMap((words) => Object.keys(words)),
  ...Object.values(TITLE_WORDS).flatMap((words) => Object.keys(words).flatMap((key) => key.split('-'))),
  'phd',
]);
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

/** Whole words only: every query word equals a different word of the name (no prefixes). */
export function matchWholeWords<Id>(query: string, candidates: readonly NameCandidate<Id>[] | PreparedCandidates<Id>): Id[] {
  const q = wordsOf(query);
  if (q.length === 0) return [];
  const names = 'names' in candidates ? candidates.names : prepareCandidates(candidates).names;
  return names.filter((c) => q.length <= c.words.length && c.words.length <= 30 && assign(q, c.words, q.length)).map((c) => c.id);
}

/**
 * Edits between two words (insert, delete, replace, or swap two neighbours),
 * giving up past `limit`: enough to tell "Tomas" from "Thomas" cheaply.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** How many edits a word of this length may be off and still be meant: none below 4 letters, one up to 6, two beyond. */
function allowedEdits(length: number): number {
  return length < 4 ? 0 : length <= 6 ? 1 : 2;
}

function nearWord(q: Word, c: Word): boolean {
  if (isPrefix(q, c)) return true;
  const limit = allowedEdits(q.fold.length);
  if (limit === 0) return false;
  // "katarin" is the start of "katharina" with an h missing: compare with the name word cut to the query's length too.
  const cut = c.fold.slice(0, q.fold.length + 1);
  return editDistance(q.fold, c.fold, limit) <= limit || (q.fold.length >= 5 && editDistance(q.fold, cut, limit) <= limit);
}

/**
 * Name rule (docs/design.md §2): the contacts a typed name nearly means —
 * "Tomas" for Thomas Becker, "katarin" for Katharina, "Markus Vogl" for Markus
 * Vogel — for a "did you mean …?" when nothing matches exactly. Every query
 * word must be close to a different word of the name (a typo or two, by its
 * length), and at least one must not be a mere prefix. Best first, at most `max`.
 */
export function nearMisses<Id>(query: string, candidates: readonly NameCandidate<Id>[] | PreparedCandidates<Id>, max = 3): Id[] {
  const q = wordsOf(query);
  if (q.length === 0) return [];
  const names = 'names' in candidates ? candidates.names : prepareCandidates(candidates).names;
  const scored: { id: Id; score: number }[] = [];
  for (const c of names) {
    if (q.length > c.words.length || c.words.length > 30) continue;
    const used = new Set<number>();
    let score = 0;
    let ok = true;
    for (const qw of q) {
      let found = -1;
      for (let j = 0; j < c.words.length; j++) {
        const cw = c.words[j];
        if (cw === undefined || used.has(j) || !nearWord(qw, cw)) continue;
        found = j;
        break;
      }
      if (found < 0) {
        ok = false;
        break;
      }
      used.add(found);
      const cw = c.words[found] as Word;
      score += qw.fold === cw.fold ? 0 : editDistance(qw.fold, cw.fold, 3);
    }
    if (ok) scored.push({ id: c.id, score });
  }
  return scored.sort((a, b) => a.score - b.score).slice(0, max).map((s) => s.id);
}
