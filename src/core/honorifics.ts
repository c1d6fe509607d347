/**
 * Salutations and academic titles, kept apart from the name: "Frau Dr. Sabine
 * Weber" is the name Sabine Weber, the salutation Frau and the title Dr. The
 * salutation decides the letter's opening line ("Sehr geehrte Frau Dr. Weber"
 * / "Sehr geehrter Herr Kern"); the title goes on the envelope and into the
 * opening line. Names may still hold a title ("Dr. Jürgen Müller", how people
 * type them); personName() takes it apart for cards.
 */

import type { Language } from './types.ts';

/** A salutation in the form it is stored: the word, spelt one way. */
export type Salutation = 'Frau' | 'Herr' | 'Ms' | 'Mrs' | 'Mr' | 'Mx';
export const SALUTATIONS: readonly Salutation[] = ['Frau', 'Herr', 'Ms', 'Mrs', 'Mr', 'Mx'];

/** Whom a salutation addresses: a woman, a man, or someone who asked for neither. */
export type Addressed = 'female' | 'male' | 'neutral';

/**
 * Salutations as they are typed, per language (one source of truth: the
 * command language's lexicons take theirs from here). Keys are lower case
 * without the final dot: "Hr." is `hr`, "Herrn" (the dative) is `herrn`.
 */
export const SALUTATION_WORDS: Readonly<Record<Language, Readonly<Record<string, Salutation>>>> = {
  de: { frau: 'Frau', fr: 'Frau', herr: 'Herr', herrn: 'Herr', hr: 'Herr', hrn: 'Herr' },
  en: { ms: 'Ms', miss: 'Ms', mrs: 'Mrs', mr: 'Mr', mister: 'Mr', mx: 'Mx' },
};
const ALL_SALUTATIONS: Readonly<Record<string, Salutation>> = Object.assign({}, ...Object.values(SALUTATION_WORDS));

export function addressed(salutation: Salutation): Addressed {
  return salutation === 'Frau' || salutation === 'Ms' || salutation === 'Mrs' ? 'female' : salutation === 'Mx' ? 'neutral' : 'male';
}

/** The stored salutation, when it is one. */
export function toSalutation(text: string | null | undefined): Salutation | null {
  if (!text) return null;
  const key = text.trim().toLowerCase().replace(/\.$/, '');
  return Object.hasOwn(ALL_SALUTATIONS, key) ? (ALL_SALUTATIONS[key] ?? null) : null;
}

/**
 * Academic titles and degrees as they precede a name, each in its usual
 * spelling. A title may be followed by a faculty ("Dr. med.", "Dr. rer. nat.")
 * and several may stand together ("Prof. Dr.").
 */
export const TITLE_WORDS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  de: {
    dr: 'Dr.', 'dr-ing': 'Dr.-Ing.', prof: 'Prof.', professor: 'Prof.', 'dipl-ing': 'Dipl.-Ing.', 'dipl-kfm': 'Dipl.-Kfm.',
    'dipl-kffr': 'Dipl.-Kffr.', 'dipl-kff': 'Dipl.-Kff.', 'dipl-inf': 'Dipl.-Inf.', 'dipl-psych': 'Dipl.-Psych.', 'dipl-volksw': 'Dipl.-Volksw.', mag: 'Mag.', ing: 'Ing.',
  },
  en: { dr: 'Dr.', prof: 'Prof.', professor: 'Prof.' },
};
const ALL_TITLES: Readonly<Record<string, string>> = Object.assign({}, ...Object.values(TITLE_WORDS));
const FACULTIES = new Set(['med', 'dent', 'vet', 'rer', 'nat', 'pol', 'oec', 'phil', 'jur', 'iur', 'theol', 'habil', 'h.c', 'hc', 'sc', 'techn', 'ing', 'mult']);

function titleWord(word: string): string | undefined {
  const key = word.toLowerCase().replace(/\./g, '').replace(/[-\u2011]/g, '-').replace(/-+$/, '');
  return Object.hasOwn(ALL_TITLES, key) ? ALL_TITLES[key] : undefined;
}

export interface Honorifics {
  salutation: Salutation | null;
  /** The academic title(s) as written on an envelope, e.g. "Prof. Dr." or "Dr. med.". */
  title: string | null;
  /** What is left: the name, or "" when the text held only honorifics. */
  rest: string;
}

/**
 * Salutation and titles at the start of a text ("Herrn Dr. Max Kern",
 * "Frau Prof. Dr. Weber", "Dr. med. Anna Roth", "Mr Tom Berger") and the
 * rest. Outlook's "Title" column and vCard's name prefix hold only these.
 */
export function splitHonorifics(text: string): Honorifics {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let salutation: Salutation | null = null;
  const titles: string[] = [];
  let index = 0;
  for (; index < words.length; index++) {
    const word = words[index] as string;
    const asSalutation = toSalutation(word);
    if (asSalutation && salutation === null && titles.length === 0) {
      salutation = asSalutation;
      continue;
    }
    const asTitle = titleWord(word);
    if (asTitle) {
      titles.push(asTitle);
      continue;
    }
    // "med." after "Dr.": a faculty belongs to the title before it.
    if (titles.length > 0 && word.endsWith('.') && FACULTIES.has(word.toLowerCase().slice(0, -1))) {
      titles[titles.length - 1] += ` ${word.toLowerCase()}`;
      continue;
    }
    break;
  }
  return { salutation, title: titles.length > 0 ? titles.join(' ') : null, rest: words.slice(index).join(' ') };
}

/** Particles that belong to a family name ("von Weber", "van der Berg", "de la Cruz"). */
const PARTICLES = new Set(['von', 'vom', 'zu', 'zum', 'zur', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'ten', 'ter', 'dos', 'das', 'af', 'av']);

export interface PersonName {
  /** The name without salutation or title: "Sabine Weber". */
  full: string;
  given: string;
  /** The last word with the particles before it: "Weber", "von Weber". */
  family: string;
  salutation: Salutation | null;
  title: string | null;
}

/**
 * A contact's name taken apart for a letter: the salutation and title stored
 * with the contact win; a title written in the name ("Dr. Jürgen Müller") is
 * used when none is stored, and left out of the name either way.
 */
export function personName(name: string, stored: { salutation?: string | null; title?: string | null } = {}): PersonName {
  const inName = splitHonorifics(name);
  const full = inName.rest || name.trim();
  const words = full.split(/\s+/);
  let first = words.length - 1;
  while (first > 1 && PARTICLES.has((words[first - 1] as string).toLowerCase())) first--;
  return {
    full,
    given: words.slice(0, first).join(' '),
    family: words.slice(first).join(' '),
    salutation: toSalutation(stored.salutation) ?? inName.salutation,
    title: stored.title?.trim() || inName.title,
  };
}

/**
 * The part of a title used in the opening line: the highest one, without
 * faculty — "Prof. Dr. med." is addressed as "Prof.", "Dr. rer. nat." as
 * "Dr."; diplomas are not said ("Dipl.-Ing." is left out).
 */
export function titleForOpening(title: string | null): string | null {
  if (!title) return null;
  const words = title.split(/\s+/);
  if (words.some((w) => titleWord(w) === 'Prof.')) return 'Prof.';
  if (words.some((w) => titleWord(w) === 'Dr.' || titleWord(w) === 'Dr.-Ing.')) return 'Dr.';
  return null;
}

/**
 * A name without the salutation it starts with ("Herr Max Kern" -> "Max
 * Kern", Herr): salutations are never part of a name. A title stays ("Dr.
 * Max Kern"); a name that is nothing but a salutation stays as it is.
 */
export function withoutSalutation(name: string): { name: string; salutation: Salutation | null } {
  const match = /^(\S+)\s+(\S.*)$/.exec(name.trim());
  const salutation = match ? toSalutation(match[1]) : null;
  return salutation && match ? { name: (match[2] as string).trim(), salutation } : { name, salutation: null };
}

/**
 * A name typed all in lower case, written as a name: "anna schmidt" → "Anna
 * Schmidt", "jan de vries" → "Jan de Vries", "anna keller-schmidt" → "Anna
 * Keller-Schmidt". A name with any capital letter is left as typed.
 */
export function properCase(name: string): string {
  if (/\p{Lu}/u.test(name)) return name;
  return name
    .split(' ')
    .map((word, index) => (index > 0 && PARTICLES.has(word) ? word : word.replace(/(^|[-'’])(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())))
    .join(' ');
}
