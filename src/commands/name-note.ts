/**
 * The one rule for where the names in a message end and its note begins
 * ("Bob, talked about Q1", "petra und monika über das Projekt"), and what of
 * a typed name is the name (no quotes, no emoji, no filler around it).
 *
 * Names run until a note word ("about", "wegen"), a mark (colon, dash, a
 * comma not followed by another name) or a word that cannot be part of a
 * name. In text that mixes cases, a lower-case word ends a name ("Anna
 * Schmidt promoted to CFO"); in text typed all in lower case (or all in
 * capitals) any word that is no lexicon word may be one ("anna schmidt").
 * Such a guessed end is marked `loose`: the conversation may move words
 * between name and note when the network knows better (src/bot/refine.ts).
 */
import { collapse, isNoise } from './normalize.ts';
import { gather, isNameless, isNeverAName } from './lexicon/index.ts';
import { alternation, foldKey, lookupWord, phrases, table, whole } from './lexicon/compile.ts';

// Chat decoration after a name ("done Anna!", "Bob 👍") is not part of it; dots
// are kept because "Jr." and "Dr." are.
const TRAILING_NOISE = /(?:[\s,;:!?…\p{Extended_Pictographic}\p{Emoji_Modifier}]|\u{FE0F}|\u{200D})+$/u;
const QUOTED = /^(["'“„‚‘«»])(.+)(["'”“‘’«»])$/u;

const AND = table(gather((l) => l.names.and).map((w) => [w, true] as const));
const PARTICLES = table(gather((l) => l.names.particles).map((w) => [w, true] as const));
const HONORIFICS = table([...gather((l) => Object.keys(l.names.salutations)), ...gather((l) => l.names.titles)].map((w) => [w, true] as const));
const NOTE_WORD = new RegExp(`^${phrases(gather((l) => l.names.noteWords))}(?=$|[\\s:])`, 'iu');
const FILLER = table(gather((l) => l.names.filler).map((w) => [w, true] as const));
// Words that name an intent ("Mailbox", "done"): after a comma they are no further name.
const INTENT_WORDS = table(
  gather((l) => [...Object.values(l.intents).flat(), ...Object.values(l.intentPhrases).flat().filter((p) => !/[\s|?]/u.test(p))]).map((w) => [w, true] as const),
);
const CHANNELS = table(gather((l) => Object.entries(l.channels)));
const CHANNEL_LEAD = new RegExp(`^(?:${alternation(gather((l) => l.touch.channelLead))}\\s+)?(?<channel>[\\p{L}]+)[.!]?$`, 'iu');
const MAX_NAME_WORDS = 5;
/** Past this many names a list is no list but a sentence. */
const MAX_NAMES = 8;

/** A contact name as written, minus surrounding quotes, trailing chat decoration and filler around it. */
export function cleanName(raw: string): string {
  let name = collapse(raw).replace(TRAILING_NOISE, '');
  const quoted = QUOTED.exec(name);
  if (quoted?.[2] !== undefined) return quoted[2].trim();
  const words = name.split(' ');
  while (words.length > 0 && isFillerAround(words[0] ?? '')) words.shift();
  while (words.length > 0 && isFillerAround(words.at(-1) ?? '')) words.pop();
  name = words.join(' ').replace(TRAILING_NOISE, '');
  return words.every((w) => isNeverAName(w) && !isHonorific(w)) || isNameless(name) ? '' : name;
}

/** A filler or function word at the edge of a name ("hab", "noch", "mit"); salutations and titles stay. */
function isFillerAround(word: string): boolean {
  return isNeverAName(word) && !isHonorific(word) && lookupWord(PARTICLES, word) === undefined;
}

function isHonorific(word: string): boolean {
  return lookupWord(HONORIFICS, word) !== undefined;
}

function isAnd(word: string): boolean {
  return lookupWord(AND, word) !== undefined;
}

export interface People {
  /** The names, in order; empty when the text names nobody. */
  names: string[];
  note?: string;
  /** True when a name's end was guessed rather than marked. */
  loose: boolean;
}

/** True when `word` could be a word of a name in text of this case. */
function nameLike(word: string, lowerMode: boolean, first: boolean): boolean {
  if (!/^[\p{L}\p{N}]/u.test(word) && !/^["'“„‚‘«»(<]/u.test(word)) return /^[^\s]/u.test(word) && !/^[-–—:]$/u.test(word) && first;
  if (isHonorific(word)) return true;
  if (isNeverAName(word)) return false;
  return first || lowerMode || /^[\p{Lu}\p{N}]/u.test(word) || !/^\p{L}/u.test(word);
}

/**
 * The people a text names and the note after them: "Tom, Lisa and Omar",
 * "petra und monika über das Projekt", "Herrn Kern und Frau Ott",
 * "Bob, talked about Q1". With `noteRequired`, one capitalised run that
 * would swallow the whole text shrinks to its first word, because German
 * capitalises nouns ("Jürgen Hobby Segeln").
 */
export function readPeople(text: string, noteRequired = false): People {
  const clean = collapse(text);
  if (clean === '') return { names: [], loose: false };
  const lowerMode = !/\p{Lu}/u.test(clean) || !/\p{Ll}/u.test(clean);
  const tokens = clean.split(' ');
  const names: string[][] = [[]];
  let loose = false;
  let noteFrom: number | undefined;
  let i = 0;
  const current = () => names[names.length - 1] as string[];
  const startName = () => {
    if (current().length > 0) names.push([]);
  };
  for (; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (current().length > 0 && NOTE_WORD.test(tokens.slice(i).join(' '))) {
      noteFrom = i;
      break;
    }
    if (/^[-–—:]$/u.test(token)) {
      noteFrom = i + 1;
      break;
    }
    const word = token.replace(/[,:;]+$/u, '');
    const mark = token.slice(word.length);
    if (word === '') continue;
    if (isAnd(word)) {
      startName();
      continue;
    }
    const first = current().length === 0;
    if (first && isFillerAround(word) && !isNeverNameButParticle(word)) continue;
    const particle = !first && lookupWord(PARTICLES, word) !== undefined && nameLike(tokens[i + 1] ?? '', lowerMode, false);
    const fits = particle || nameLike(word, lowerMode, first);
    if (!fits || current().length >= MAX_NAME_WORDS) {
      if (current().length === 0 && names.length === 1) return { names: [], note: clean, loose: false };
      loose = true;
      noteFrom = i;
      break;
    }
    current().push(word);
    if (mark.startsWith(':')) {
      noteFrom = i + 1;
      break;
    }
    if (mark.startsWith(',') || mark.startsWith(';')) {
      if (listContinues(tokens, i + 1, lowerMode)) {
        names.push([]);
        continue;
      }
      noteFrom = i + 1;
      break;
    }
  }
  let found = names.filter((n) => n.length > 0).map((n) => n.join(' '));
  let note = noteFrom === undefined ? '' : tokens.slice(noteFrom).join(' ');
  if (noteRequired && note === '' && found.length === 1) {
    const words = (found[0] ?? '').split(' ');
    if (words.length > 1) {
      found = [words[0] ?? ''];
      note = words.slice(1).join(' ');
      loose = true;
    }
  }
  const names2 = found.map(cleanName).filter((n) => n !== '');
  if (names2.length > MAX_NAMES) return { names: [], note: clean, loose: false };
  const trimmed = collapse(note).replace(/^[,:;\-–—]\s*/u, '');
  return trimmed === '' || isNoise(trimmed) ? { names: names2, loose } : { names: names2, note: trimmed, loose };
}

function isNeverNameButParticle(word: string): boolean {
  return lookupWord(PARTICLES, word) !== undefined && !isNeverAName(word);
}

/** After a comma: is the next part another name ("Tom, Lisa and Omar") rather than a note ("Bob, talked about Q1")? */
function listContinues(tokens: readonly string[], from: number, lowerMode: boolean): boolean {
  const part: string[] = [];
  let sawAnd = false;
  for (let j = from; j < tokens.length; j++) {
    const token = tokens[j] ?? '';
    const word = token.replace(/[,:;.!?]+$/u, '');
    if (isAnd(word)) {
      sawAnd = true;
      break;
    }
    part.push(word);
    if (token !== word && /[,;]$/u.test(token)) {
      sawAnd = true;
      break;
    }
  }
  if (part.length === 0 || part.length > 3) return false;
  const allNames = part.every((w, index) => nameLike(w, lowerMode, index === 0) && !isNeverAName(w) && lookupWord(INTENT_WORDS, w) === undefined);
  // "Tom, Lisa and Omar", "tom, lisa, omar": more names follow; a last part alone must be a short name too.
  return allNames && (sawAnd || part.length <= 2);
}

export interface NameAndNote {
  name: string;
  /** Every name when the text names several. */
  names?: string[];
  note?: string;
  /** The end of the name was guessed (see the file comment). */
  loose?: true;
}

/**
 * Splits "Bob, talked about Q1" / "Jürgen: Hobby Segeln" / "Bob about the offer"
 * / "Anna Schmidt promoted to CFO" into a name and a note; several names
 * ("Tom and Lisa about the merger") come back in `names`.
 */
export function splitNameNote(text: string, noteRequired = false): NameAndNote {
  const people = readPeople(text, noteRequired);
  const [name = ''] = people.names;
  return {
    name,
    ...(people.names.length > 1 && { names: people.names }),
    ...(people.note !== undefined && { note: people.note }),
    ...(people.loose && name !== '' && people.note !== undefined && { loose: true as const }),
  };
}

/**
 * A topic as it is kept with a touch: no filler ("kurz", "noch"), and a
 * channel alone as its name ("auf linkedin" → "LinkedIn"). Undefined when
 * nothing is left.
 */
export function cleanTopic(note: string | undefined): string | undefined {
  if (note === undefined) return undefined;
  const words = collapse(note).split(' ');
  while (words.length > 0 && lookupWord(FILLER, (words[0] ?? '').replace(/[,.!?]+$/u, '')) !== undefined) words.shift();
  while (words.length > 0 && lookupWord(FILLER, (words.at(-1) ?? '').replace(/[,.!?]+$/u, '')) !== undefined) words.pop();
  const rest = words.join(' ');
  if (rest === '' || isNoise(rest)) return undefined;
  const channel = CHANNEL_LEAD.exec(rest)?.groups?.['channel'];
  const canonical = channel === undefined ? undefined : lookupWord(CHANNELS, channel);
  return canonical ?? rest;
}

/** The words of a topic that repeat a name ("schmidt" after "anna") are not the topic. */
export function topicWithout(note: string | undefined, name: string): string | undefined {
  if (note === undefined) return undefined;
  const nameWords = new Set(name.split(/\s+/u).map((w) => foldKey(w)));
  const words = note.split(' ');
  while (words.length > 0 && nameWords.has(foldKey((words[0] ?? '').replace(/[,.!?:]+$/u, '')))) words.shift();
  return cleanTopic(words.join(' '));
}

/** A single word that is a lexicon word of any kind: for refusing "/met frau". */
export { isNameless };
export const WHOLE_AND = new RegExp(whole(alternation(gather((l) => l.names.and))), 'iu');
