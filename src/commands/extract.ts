/**
 * Pieces that several intents share: `#tags`, tier words ("tier A", "Stufe A",
 * "A-Kontakt") anywhere in a phrase, and the place after "at"/"auf der"/"beim".
 */
import type { Tier } from '../core/types.ts';
import { collapse } from './normalize.ts';
import { gather } from './lexicon/index.ts';
import { alternation, phrases } from './lexicon/compile.ts';

// A tag starts a word: "C#" and "Robert#1" are not tags.
const TAG = /(?<=^|\s)#([\p{L}\p{N}_-]+)(?=$|[\s,.;:!?])/gu;

/** The `#tags` (without `#`, in order, once each) and the text without them. */
export function extractTags(text: string): { tags: string[]; rest: string } {
  const tags: string[] = [];
  for (const m of text.matchAll(TAG)) {
    const tag = m[1] ?? '';
    if (!tags.includes(tag)) tags.push(tag);
  }
  return { tags, rest: collapse(text.replace(TAG, ' ')) };
}

const TIER_WORD = alternation(gather((l) => l.tiers.words));
const CONTACT = alternation(gather((l) => l.tiers.contactSuffix));
// "tier A", "Stufe: B", "A-Kontakt", "B contact", or a bare letter.
const TIER_SEGMENT = new RegExp(`^(?:${TIER_WORD}\\s*[:=]?\\s*(?<got>\\S+)|(?<letter>[a-z])[-\\s]?${CONTACT})$`, 'iu');
// Inside a phrase only a real tier letter counts ("tier A"), so "class reunion" stays words.
const TIER_INSIDE = new RegExp(`(?:^|\\s)(?:${TIER_WORD}\\s*[:=]?\\s*(?<got>[a-d])|(?<letter>[a-d])[-\\s]?${CONTACT})[.!]?(?=$|[\\s,])`, 'iu');
// At the end anything after the tier word is the tier that was meant ("Stufe Z").
const TIER_AT_END = new RegExp(`(?:^|\\s)${TIER_WORD}\\s*[:=]?\\s*(?<got>\\S+)$`, 'iu');
const TIER_WORD_ONLY = new RegExp(`^${TIER_WORD}\\s`, 'iu');

/** A tier letter A–D in any case, with trailing punctuation ignored ("a", "B.", "C!"). */
export function tierOf(token: string): Tier | undefined {
  const letter = token.replace(/[.!,;:)]+$/u, '').toUpperCase();
  return letter === 'A' || letter === 'B' || letter === 'C' || letter === 'D' ? letter : undefined;
}

/** Reading of a tier phrase: the tier, or what stood where the tier should be. */
export type TierReading = { tier: Tier } | { bad: string };

/** A comma segment that is only a tier: "tier A", "Stufe B", "A-Kontakt", "C". */
export function tierSegment(segment: string): TierReading | undefined {
  const m = TIER_SEGMENT.exec(segment.trim());
  const got = m?.groups?.['got'] ?? m?.groups?.['letter'];
  if (got !== undefined) return readTier(got);
  if (/^[a-d][.!]?$/iu.test(segment.trim())) return readTier(segment.trim());
  return undefined;
}

/** True when a segment starts with a tier word ("Stufe A …"). */
export function startsWithTierWord(segment: string): boolean {
  return TIER_WORD_ONLY.test(segment);
}

/**
 * A tier phrase anywhere in a phrase ("Monika Wagner Stufe B zuletzt …"), or a
 * wrong one at its end ("Stufe Z"): the reading and the phrase without it.
 */
export function tierInside(segment: string): { reading: TierReading; rest: string } | undefined {
  const inside = TIER_INSIDE.exec(segment);
  const letter = inside?.groups?.['letter'];
  const got = inside?.groups?.['got'] ?? letter;
  // "a contact of Anna" is no tier: the letter form needs a capital or a hyphen ("A-Kontakt", "B contact").
  const plainArticle = letter !== undefined && letter === letter.toLowerCase() && !inside?.[0].includes('-');
  if (inside && got !== undefined && !plainArticle) {
    return { reading: readTier(got), rest: collapse(`${segment.slice(0, inside.index)} ${segment.slice(inside.index + inside[0].length)}`) };
  }
  const end = TIER_AT_END.exec(segment);
  const bad = end?.groups?.['got'];
  if (!end || bad === undefined) return undefined;
  return { reading: readTier(bad), rest: collapse(segment.slice(0, end.index)) };
}

function readTier(got: string): TierReading {
  const tier = tierOf(got);
  return tier ? { tier } : { bad: got };
}

const PLACE = phrases(gather((l) => l.met.places));
const PLACE_AFTER_NAME = new RegExp(`^(?<name>.+?)\\s+${PLACE}\\s+(?<place>.+)$`, 'iu');
const PLACE_ONLY = new RegExp(`^${PLACE}\\s+(?<place>.+)$`, 'iu');

/**
 * "Anna Berg at the Verbandstagung" → name "Anna Berg", place "Verbandstagung".
 * The first place word after the name starts the place; the name keeps at
 * least one word, so "/met At Smith" is not a place.
 */
export function splitNamePlace(segment: string): { name: string; place?: string } {
  const m = PLACE_AFTER_NAME.exec(segment);
  const name = m?.groups?.['name'];
  const place = m?.groups?.['place'];
  if (name === undefined || place === undefined) return { name: segment };
  return { name, place };
}

/** A segment that is only a place ("at Siemens", "beim Stammtisch"): the place. */
export function placeSegment(segment: string): string | undefined {
  return PLACE_ONLY.exec(segment)?.groups?.['place'];
}
