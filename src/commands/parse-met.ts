/**
 * /met (new acquaintances) and /add (someone already known), in any order:
 * "Anna Berg at Verbandstagung, tier A, CFO at Siemens", "Monika Wagner Stufe
 * B zuletzt gesprochen am 3. November", "Tom Berger und Lisa Kranz auf der
 * Messe Essen". The first segment holds the names, and anywhere in it a tier,
 * a "last talked" date, a date and the place; later comma segments are a tier,
 * a date, a place or the note.
 */
import type { LocalDate, Tier } from '../core/types.ts';
import type { Command, ParseContext, ParseError } from './command.ts';
import { extractTags, placeSegment, splitNamePlace, startsWithTierWord, tierInside, tierSegment } from './extract.ts';
import type { TierReading } from './extract.ts';
import { bareYear, cutDate, findDates, todayOf } from './parse-date.ts';
import type { DateFound } from './parse-date.ts';
import { cleanName, readPeople, WHOLE_AND } from './name-note.ts';
import { collapse, isNoise } from './normalize.ts';
import { refuse } from './command.ts';
import { gather } from './lexicon/index.ts';
import { phrases } from './lexicon/compile.ts';

const LAST_TALKED_WORDS = phrases(gather((l) => l.met.lastTalked));
// "last talked 4 months ago", "zuletzt gesprochen vor 3 Wochen", at the start of a segment.
const LAST_TALKED = new RegExp(`^${LAST_TALKED_WORDS}\\s*:?\\s*`, 'iu');
// The same anywhere in the first segment: "Monika Wagner zuletzt gesprochen am 3. November".
const LAST_TALKED_INSIDE = new RegExp(`(?:^|\\s)${LAST_TALKED_WORDS}\\s*:?\\s*`, 'iu');

interface Pieces {
  tier?: Tier;
  badTier?: string;
  place?: string;
  date?: DateFound;
  badDate?: string;
  monthNeeded?: string;
  notes: string[];
}

/**
 * Reads the arguments of /met or /add. Every /met has a date (today unless
 * given); for /add a date is "last talked" and may be absent. Either is
 * refused when in the future.
 */
export function parseMet(intent: 'met' | 'add', arg: string, ctx: ParseContext): Command | ParseError {
  const { tags, rest } = extractTags(arg);
  // A dash separates like a comma: "/met Anna - CFO at Siemens".
  const segments = rest.split(/\s*,\s*|\s+[-–—]\s+/u).filter((s) => s !== '');
  const pieces: Pieces = { notes: [] };
  const nameText = readFirstSegment(segments[0] ?? '', ctx, pieces);
  for (const segment of segments.slice(1)) readSegment(segment, ctx, pieces);

  // "Tom Berger und Lisa Kranz": several new acquaintances at one event.
  const names = intent === 'met' && WHOLE_AND.test(nameText) ? readPeople(nameText).names : [cleanName(nameText)].filter((n) => n !== '');
  const name = names[0] ?? '';
  if (name === '') return refuse('missing_name', { tier: pieces.tier, place: pieces.place }, intent);
  if (pieces.badTier !== undefined) return refuse('bad_tier', { got: pieces.badTier, name }, intent);
  if (pieces.monthNeeded !== undefined) return refuse('month_needed', { got: pieces.monthNeeded, year: pieces.monthNeeded, name }, intent);
  if (pieces.badDate !== undefined) return refuse('bad_date', { got: pieces.badDate, name }, intent);
  const today = todayOf(ctx);
  if (pieces.date && pieces.date.date > today) {
    return refuse('date_in_future', { got: pieces.date.text, date: pieces.date.date, name }, intent);
  }
  const date: LocalDate | undefined = pieces.date?.date ?? (intent === 'met' ? today : undefined);
  const note = pieces.notes.join(', ');
  const optional = {
    ...(pieces.place !== undefined && { place: pieces.place }),
    ...(pieces.tier !== undefined && { tier: pieces.tier }),
    ...(note !== '' && { note }),
  };
  if (intent === 'met') return { intent, name, ...(names.length > 1 && { names }), date: date ?? today, tags, ...optional };
  return { intent, name, tags, ...(date !== undefined && { date }), ...optional };
}

/** "Sophie Martin yesterday at the Handelskammer tier A": names, date, place, tier — in any order. */
function readFirstSegment(segment: string, ctx: ParseContext, pieces: Pieces): string {
  // "/met , tier A" or "/met tier A": a tier where the name should be is no name.
  const onlyTier = startsWithTierWord(segment) ? tierSegment(segment) : undefined;
  if (onlyTier) {
    applyTier(onlyTier, pieces);
    return '';
  }
  let text = segment;
  const tier = tierInside(text);
  if (tier) {
    applyTier(tier.reading, pieces);
    text = tier.rest;
  }
  const last = LAST_TALKED_INSIDE.exec(text);
  if (last && last.index > 0) {
    const after = text.slice(last.index + last[0].length);
    const found = findDates(after, ctx, 'past')[0];
    const year = found ? undefined : bareYear(after.split(' ')[0] ?? '');
    if (found && found.index <= 4) {
      pieces.date = found;
      text = collapse(`${text.slice(0, last.index)} ${cutDate(after, found)}`);
    } else if (year !== undefined) {
      pieces.monthNeeded = year;
      text = text.slice(0, last.index);
    } else {
      pieces.badDate = collapse(after) || last[0].trim();
      text = text.slice(0, last.index);
    }
  }
  if (!pieces.date) {
    const found = findDates(text, ctx, 'past')[0];
    if (found) {
      pieces.date = found;
      text = cutDate(text, found);
    }
  }
  const { name, place } = splitNamePlace(text);
  const cleanedPlace = place === undefined ? undefined : cleanPlace(place);
  if (cleanedPlace !== undefined) pieces.place = cleanedPlace;
  return collapse(name);
}

function readSegment(segment: string, ctx: ParseContext, pieces: Pieces): void {
  const tier = tierSegment(segment);
  if (tier) return applyTier(tier, pieces);
  const lastTalked = LAST_TALKED.exec(segment);
  const dateText = lastTalked ? segment.slice(lastTalked[0].length) : segment;
  const found = pieces.date ? undefined : wholeDate(dateText, ctx);
  if (found) {
    pieces.date = found;
    return;
  }
  if (lastTalked) {
    const year = bareYear(dateText);
    if (year !== undefined && collapse(dateText) === year) pieces.monthNeeded = year;
    else pieces.badDate = dateText;
    return;
  }
  const place = pieces.place === undefined ? placeSegment(segment) : undefined;
  const cleanedPlace = place === undefined ? undefined : cleanPlace(place);
  if (cleanedPlace !== undefined) {
    pieces.place = cleanedPlace;
    return;
  }
  pieces.notes.push(segment);
}

/** A date that is the whole segment ("yesterday", "vor 3 Monaten"); a date inside a note stays in the note. */
function wholeDate(text: string, ctx: ParseContext): DateFound | undefined {
  const found = findDates(text, ctx, 'past')[0];
  return found && isNoise(cutDate(text, found)) ? found : undefined;
}

function applyTier(reading: TierReading, pieces: Pieces): void {
  if ('tier' in reading) pieces.tier = reading.tier;
  else pieces.badTier = reading.bad;
}

/** The place without trailing punctuation; a place of punctuation alone is none. */
function cleanPlace(place: string): string | undefined {
  const clean = collapse(place).replace(/[.!?;:]+$/u, '');
  return isNoise(clean) ? undefined : clean;
}
