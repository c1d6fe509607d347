/**
 * The one rule for where a contact name ends and a note begins ("Bob, talked
 * about Q1"), and what of a typed name is the name (no quotes, no emoji).
 */
import { collapse, isNoise } from './normalize.ts';

// Chat decoration after a name ("done Anna!", "Bob 👍") is not part of it; dots
// are kept because "Jr." and "Dr." are.
const TRAILING_NOISE = /(?:[\s,;:!?…\p{Extended_Pictographic}\p{Emoji_Modifier}]|\u{FE0F}|\u{200D})+$/u;
const QUOTED = /^(["'“„‚‘«»])(.+)(["'”“‘’«»])$/u;

/** A contact name as written, minus surrounding quotes and trailing chat decoration. */
export function cleanName(raw: string): string {
  let name = collapse(raw).replace(TRAILING_NOISE, '');
  const quoted = QUOTED.exec(name);
  if (quoted?.[2] !== undefined) name = quoted[2].trim();
  return name;
}

// Words that open a note after a name: "called Bob about the offer", "mit
// Jürgen über das Angebot telefoniert". They stay in the note.
const NOTE_WORDS = /\s(?:about|regarding|re:?|concerning|wegen|über|bzgl\.?|bezüglich|zum thema)\s/iu;
// Punctuation that separates a name from a note; dropped from both.
const NOTE_MARKS = /\s*(?::|,|\s[-–—]\s)\s*/u;
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'della', 'du', 'le', 'la', 'zu', 'ten', 'ter', 'af', 'bin', 'al', 'el', 'dos', 'st.']);
const MAX_NAME_WORDS = 5;

/** A head like "Dr. Jürgen Müller" or "bob": every word after the first looks like part of a name. */
function looksLikeName(head: string): boolean {
  const words = head.split(' ');
  if (words.length > MAX_NAME_WORDS) return false;
  return words.slice(1).every((word, i) => isNameWord(word, words[i + 2]));
}

function isNameWord(word: string, next: string | undefined): boolean {
  if (/^\p{Lu}/u.test(word) || !/^\p{L}/u.test(word)) return true;
  return PARTICLES.has(word.toLowerCase()) && next !== undefined && /^\p{Lu}/u.test(next);
}

export interface NameAndNote {
  name: string;
  note?: string;
}

/**
 * Splits "Bob, talked about Q1" / "Jürgen: Hobby Segeln" / "Bob about the offer"
 * / "Anna Schmidt promoted to CFO" into a name and a note. An explicit mark
 * (colon, comma, dash) or a note word (about, wegen, über …) ends the name when
 * what precedes it looks like a name; otherwise the name is the first word plus
 * the capitalised words that follow it ("Anna Schmidt"). With `noteRequired`, a
 * name that would swallow the whole text shrinks to its first word, because
 * German capitalises nouns ("Jürgen Hobby Segeln").
 */
export function splitNameNote(text: string, noteRequired = false): NameAndNote {
  const clean = collapse(text);
  if (clean === '') return { name: '' };
  const explicit = splitAtMarker(clean);
  if (explicit) return explicit;
  const words = clean.split(' ');
  let count = 1;
  while (count < Math.min(words.length, MAX_NAME_WORDS) && isNameWord(words[count] ?? '', words[count + 1])) count++;
  if (noteRequired && count === words.length) count = 1;
  return withNote(words.slice(0, count).join(' '), words.slice(count).join(' '));
}

function splitAtMarker(text: string): NameAndNote | undefined {
  const mark = NOTE_MARKS.exec(text);
  const word = NOTE_WORDS.exec(text);
  // The earlier one ends the name; a note word stays in the note, a mark does not.
  const cut = word && (!mark || word.index < mark.index) ? { at: word.index, skip: 1 } : mark && { at: mark.index, skip: mark[0].length };
  if (!cut || cut.at === 0) return undefined;
  const head = text.slice(0, cut.at);
  return looksLikeName(head) ? withNote(head, text.slice(cut.at + cut.skip)) : undefined;
}

function withNote(name: string, note: string): NameAndNote {
  const trimmedNote = collapse(note).replace(/^[,:;\-–—]\s*/u, '');
  return trimmedNote === '' || isNoise(trimmedNote)
    ? { name: cleanName(name) }
    : { name: cleanName(name), note: trimmedNote };
}
