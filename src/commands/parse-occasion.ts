/**
 * The occasion commands (issue 14): the card list, birthdays and postal
 * addresses set by chat. Kept apart from the main parser so the command
 * language can be rewritten around it; parse.ts asks here first, and
 * undefined means "not an occasion command, read the text as before".
 *
 *   /weihnachtskarten, /cards, /holiday-cards, /cards A B C, /cards sent
 *   /birthday Anna 12.3.   /geburtstag Anna 12. März 1985
 *   "Anna hat am 12. März Geburtstag", "Anna's birthday is March 12"
 *   /address Anna Keller: Hauptstr. 5, 80331 München   (/adresse)
 */
import { parseAddressText } from '../core/address.ts';
import { formatBirthday, isValidBirthday, type Birthday } from '../core/birthday.ts';
import { TIERS, type Tier } from '../core/types.ts';
import type { Command, ParseContext, ParseError } from './command.ts';
import { refuse } from './command.ts';
import { todayOf } from './parse-date.ts';
import { cleanName } from './name-note.ts';
import { collapse, fold, lookup } from './normalize.ts';

export type OccasionWord = 'cards' | 'birthday' | 'address';

/** The intent words (keywords.ts lists them with the others, folded). */
export const OCCASION_WORDS: Readonly<Record<OccasionWord, readonly string[]>> = {
  cards: ['cards', 'holidaycards', 'holiday_cards', 'christmascards', 'weihnachtskarten', 'karten'],
  birthday: ['birthday', 'bday', 'geburtstag'],
  address: ['address', 'adresse', 'anschrift'],
};

// "/holiday-cards": a hyphen ends a command word everywhere else.
const HYPHENATED = /^\/?(?:holiday|christmas)-cards(?=$|[\s,.:;!?])/iu;
const SENT = /^(?:sent|done|mailed|posted|verschickt|versendet|gesendet|erledigt|abgeschickt)[.!]?$/iu;

/**
 * The hook parse.ts asks first: the forms the keyword table cannot reach
 * ("/holiday-cards", a birthday said in a sentence), or undefined.
 */
export function parseOccasion(text: string, ctx: ParseContext): Command | ParseError | undefined {
  const hyphenated = HYPHENATED.exec(text);
  if (hyphenated) return parseCards(collapse(text.slice(hyphenated[0].length).replace(/^[\s,:;]+/u, '')));
  return plainBirthday(text, ctx);
}

/** An occasion keyword's argument, read (parse.ts dispatches here). */
export function parseOccasionCommand(word: OccasionWord, arg: string, ctx: ParseContext): Command | ParseError {
  switch (word) {
    case 'cards':
      return parseCards(arg);
    case 'birthday':
      return parseBirthdayCommand(arg, ctx);
    case 'address':
      return parseAddressCommand(arg);
  }
}

/** "", "A", "A B C", "A,B", "sent". */
export function parseCards(arg: string): Command | ParseError {
  if (SENT.test(arg)) return { intent: 'cards', tiers: [], sent: true };
  const words = arg.split(/[\s,;+&]+|\band\b|\bund\b/iu).filter((w) => w !== '');
  const tiers: Tier[] = [];
  for (const word of words) {
    const tier = word.toUpperCase().replace(/^(?:TIER|STUFE)/u, '');
    if (!(TIERS as readonly string[]).includes(tier)) return refuse('bad_tier', { got: word.slice(0, 40) }, 'cards');
    if (!tiers.includes(tier as Tier)) tiers.push(tier as Tier);
  }
  return { intent: 'cards', tiers: tiers.sort(), sent: false };
}

/** Month names and abbreviations, English and German, folded (März → maerz). */
export const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, januar: 1, jaenner: 1, janner: 1,
  feb: 2, february: 2, februar: 2, feber: 2,
  mar: 3, march: 3, maerz: 3, marz: 3, mrz: 3,
  apr: 4, april: 4,
  may: 5, mai: 5,
  jun: 6, june: 6, juni: 6,
  jul: 7, july: 7, juli: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, okt: 10, october: 10, oktober: 10,
  nov: 11, november: 11,
  dec: 12, dez: 12, december: 12, dezember: 12,
};

const MONTH = '([\\p{L}]{3,9})\\.?';
const YEAR = '(?:,?\\s*(\\d{4}))?';
// The date forms, each anchored at the end so a name may stand before it.
const NUMERIC = /(?:^|\s)(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4})\.?)?$|(?:^|\s)(\d{1,2})\.(\d{1,2})$/u;
const ISO = /(?:^|\s)(\d{4})-(\d{2})-(\d{2})$|(?:^|\s)--(\d{2})-?(\d{2})$/u;
const DAY_MONTH = new RegExp(`(?:^|\\s)(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}${YEAR}$`, 'iu');
const MONTH_DAY = new RegExp(`(?:^|\\s)${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?${YEAR}$`, 'iu');

interface FoundBirthday {
  birthday: Birthday;
  /** Where the date starts in the text. */
  index: number;
}

/** A birthday written at the end of `text`: "12.3.", "12.3.1985", "12. März", "March 12, 1985", "1985-03-12". */
export function findBirthdayAtEnd(text: string): FoundBirthday | undefined {
  const trimmed = text.replace(/[\s!]+$/u, '');
  const numeric = NUMERIC.exec(trimmed);
  if (numeric) {
    const [day, month, year] = numeric[1] !== undefined ? [numeric[1], numeric[2], numeric[3]] : [numeric[4], numeric[5], undefined];
    return found({ day: Number(day), month: Number(month), year: year ? Number(year) : null }, numeric.index);
  }
  const bare = trimmed.replace(/\.$/u, '');
  const iso = ISO.exec(bare);
  if (iso) {
    const birthday = iso[1] !== undefined ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) } : { year: null, month: Number(iso[4]), day: Number(iso[5]) };
    return found(birthday, iso.index);
  }
  const dayMonth = DAY_MONTH.exec(bare);
  if (dayMonth) {
    const month = lookup(MONTHS, fold(dayMonth[2] ?? ''));
    if (month !== undefined) return found({ day: Number(dayMonth[1]), month, year: dayMonth[3] ? Number(dayMonth[3]) : null }, dayMonth.index);
  }
  const monthDay = MONTH_DAY.exec(bare);
  if (monthDay) {
    const month = lookup(MONTHS, fold(monthDay[1] ?? ''));
    if (month !== undefined) return found({ day: Number(monthDay[2]), month, year: monthDay[3] ? Number(monthDay[3]) : null }, monthDay.index);
  }
  return undefined;
}

function found(birthday: Birthday, index: number): FoundBirthday {
  return { birthday, index };
}

/** A year of birth must be a real one: after 1900 and not after this year. */
function checkBirthday(birthday: Birthday, ctx: ParseContext, got: string, name: string): Command | ParseError {
  const thisYear = Number(todayOf(ctx).slice(0, 4));
  const yearOk = birthday.year === null || (birthday.year > 1900 && birthday.year <= thisYear);
  if (!yearOk || !isValidBirthday(birthday)) return refuse('bad_birthday', { got: got.slice(0, 40), name }, 'birthday');
  return { intent: 'birthday', name, birthday: formatBirthday(birthday) };
}

/** "/birthday Anna 12.3.", "/birthday Anna Keller: 12. März 1985", "/geburtstag Anna am 12.3.". */
export function parseBirthdayCommand(arg: string, ctx: ParseContext): Command | ParseError {
  if (arg === '') return refuse('missing_name', {}, 'birthday');
  const date = findBirthdayAtEnd(arg);
  if (!date) {
    const [head = '', ...rest] = arg.split(':');
    return refuse('bad_birthday', { got: collapse(rest.join(':') || arg).slice(0, 40), name: rest.length > 0 ? cleanName(head) : undefined }, 'birthday');
  }
  const name = cleanName(arg.slice(0, date.index).replace(/[\s,:;-]+$/u, '').replace(/\s+(?:am|on|is|ist)$/iu, ''));
  if (name === '') return refuse('missing_name', {}, 'birthday');
  return checkBirthday(date.birthday, ctx, collapse(arg.slice(date.index)), name);
}

// "Anna hat am 12. März Geburtstag", "Anna Keller hat am 12.3. Geburtstag".
const DE_HAS = /^(?<name>.{1,80}?)\s+hat\s+(?:am\s+)?(?<date>.{3,40}?)\s+geburtstag[\s.!]*$/iu;
// "Annas Geburtstag ist am 12. März", "Geburtstag von Anna: 12.3.".
const DE_IS = /^(?:(?<name>.{1,80}?)s\s+geburtstag|geburtstag\s+von\s+(?<name2>.{1,80}?))(?:\s+ist)?(?:\s+am|:)?\s+(?<date>.{3,40})$/iu;
// "Anna's birthday is March 12", "Anna's birthday: 12.3.", "Anna was born on 12 March 1985".
const EN_IS = /^(?:(?<name>.{1,80}?)['’]s?\s+birthday(?:\s+is)?(?:\s+on|:)?|(?<name2>.{1,80}?)\s+(?:was\s+born|has\s+(?:her|his|their|a)\s+birthday)\s+on)\s+(?<date>.{3,40})$/iu;

/** A birthday said in plain text, or undefined when the text says none. */
function plainBirthday(text: string, ctx: ParseContext): Command | ParseError | undefined {
  for (const pattern of [DE_HAS, DE_IS, EN_IS]) {
    const m = pattern.exec(text);
    const groups = m?.groups;
    if (!groups) continue;
    const name = cleanName(groups['name'] ?? groups['name2'] ?? '');
    const got = collapse(groups['date'] ?? '');
    const date = findBirthdayAtEnd(got);
    if (name === '') return refuse('missing_name', {}, 'birthday');
    if (!date || date.index > 0) return refuse('bad_birthday', { got: got.slice(0, 40), name }, 'birthday');
    return checkBirthday(date.birthday, ctx, got, name);
  }
  return undefined;
}

/** "/address Anna Keller: Hauptstr. 5, 80331 München". The colon ends the name: streets hold spaces too. */
export function parseAddressCommand(arg: string): Command | ParseError {
  if (arg === '') return refuse('missing_name', {}, 'address');
  const colon = arg.indexOf(':');
  if (colon < 0) return refuse('bad_address', { got: arg.slice(0, 60) }, 'address');
  const name = cleanName(arg.slice(0, colon));
  const text = collapse(arg.slice(colon + 1));
  if (name === '') return refuse('missing_name', {}, 'address');
  const address = parseAddressText(text);
  if (!address) return refuse('bad_address', { got: text.slice(0, 60), name }, 'address');
  return { intent: 'address', name, address };
}
