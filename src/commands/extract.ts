/**
 * Pieces that several intents share: `#tags`, tier words ("tier A", "Stufe A",
 * "A-Kontakt") and the place after "at"/"auf der"/"beim".
 */
import type { Tier } from '../core/types.ts';
import { collapse } from './normalize.ts';

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

const TIER_WORD = '(?:tier|stufe|kategorie|klasse|category|class|prio(?:rit(?:y|ät|aet))?)';
// "tier A", "Stufe: B", "A-Kontakt", "B contact", or a bare letter.
const TIER_SEGMENT = new RegExp(`^(?:${TIER_WORD}\\s*[:=]?\\s*(?<got>\\S+)|(?<letter>[a-z])[-\\s]?(?:kontakte?|contacts?))$`, 'iu');
const TIER_AT_END = new RegExp(`\\s${TIER_WORD}\\s*[:=]?\\s*(?<got>\\S+)$`, 'iu');

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

/** A tier phrase closing a segment, "Anna at X tier A": the reading and the segment without it. */
export function tierAtEnd(segment: string): { reading: TierReading; rest: string } | undefined {
  const m = TIER_AT_END.exec(segment);
  const got = m?.groups?.['got'];
  if (!m || got === undefined) return undefined;
  return { reading: readTier(got), rest: collapse(segment.slice(0, m.index)) };
}

function readTier(got: string): TierReading {
  const tier = tierOf(got);
  return tier ? { tier } : { bad: got };
}

// Longest first, so "auf der" wins over "auf" and "at the" over "at".
const PLACE_WORDS = [
  'at the', 'at', 'auf der', 'auf dem', 'auf', 'im', 'in der', 'in dem', 'in the', 'in', 'beim', 'bei der', 'bei dem', 'bei',
  'on the', 'on', 'an der', 'am', 'während der', 'during the', 'during', 'zur', 'zum', 'via',
];
const PLACE_ALTERNATION = PLACE_WORDS.map((w) => w.replace(' ', '\\s+')).join('|');
const PLACE_AFTER_NAME = new RegExp(`^(?<name>.+?)\\s+(?:${PLACE_ALTERNATION})\\s+(?<place>.+)$`, 'iu');
const PLACE_ONLY = new RegExp(`^(?:${PLACE_ALTERNATION})\\s+(?<place>.+)$`, 'iu');

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
