/**
 * What goes on the envelope and how the card opens, for one entry of the card
 * list. The recipient block follows DIN 5008 for German salutations ("Frau
 * Dr. Sabine Weber", "Herrn Max Kern" — the accusative of the envelope) and
 * English usage for English ones ("Ms Sabine Weber", "Dr Max Kern"); an
 * office address names the company first. The opening line is the card's
 * first line: "Sehr geehrte Frau Dr. Weber," / "Dear Ms Weber,".
 *
 * These phrases are the content of a document in the user's language, one
 * typed table per language, like the message catalogs.
 */
import { addressLines, type AddressLineOptions } from '../core/address.ts';
import { addressed, titleForOpening, type Salutation } from '../core/honorifics.ts';
import type { Language } from '../core/types.ts';
import type { CardEntry } from './list.ts';

const GERMAN: readonly Salutation[] = ['Frau', 'Herr'];

/** The salutation word on the envelope: German ones as DIN 5008 writes them, English ones as stored. */
function envelopeWord(salutation: Salutation): string {
  return salutation === 'Herr' ? 'Herrn' : salutation;
}

/** The recipient's line: salutation, title and name. */
export function recipientLine(entry: CardEntry): string {
  const { salutation, title, full } = entry.person;
  if (salutation && GERMAN.includes(salutation)) return [envelopeWord(salutation), title, full].filter(Boolean).join(' ');
  // English usage: a title takes the place of Mr/Ms ("Dr Max Kern").
  if (title) return `${title} ${full}`;
  return [salutation, full].filter(Boolean).join(' ');
}

/** The lines of the address block, recipient first (company first for an office address). */
export function recipientBlock(entry: CardEntry, options: AddressLineOptions = {}): string[] {
  const lines: string[] = [];
  if (entry.address?.kind === 'work' && entry.company) lines.push(entry.company);
  lines.push(recipientLine(entry));
  if (entry.address) lines.push(...addressLines(entry.address, options));
  return lines;
}

interface Phrases {
  female: (title: string, family: string) => string;
  male: (title: string, family: string) => string;
  /** No salutation, or one that names no gender: the whole name. */
  neutral: (title: string, full: string) => string;
  /** How a salutation reads in this language. */
  word: Record<Salutation, string>;
}

const join = (...parts: string[]) => parts.filter(Boolean).join(' ');

const PHRASES: Record<Language, Phrases> = {
  de: {
    female: (title, family) => `Sehr geehrte ${join('Frau', title, family)},`,
    male: (title, family) => `Sehr geehrter ${join('Herr', title, family)},`,
    neutral: (title, full) => `Guten Tag ${join(title, full)},`,
    word: { Frau: 'Frau', Ms: 'Frau', Mrs: 'Frau', Herr: 'Herr', Mr: 'Herr', Mx: '' },
  },
  en: {
    female: (title, family) => `Dear ${title ? join(englishTitle(title), family) : family},`,
    male: (title, family) => `Dear ${title ? join(englishTitle(title), family) : family},`,
    neutral: (title, full) => `Dear ${join(title ? englishTitle(title) : '', full)},`,
    word: { Frau: 'Ms', Ms: 'Ms', Mrs: 'Mrs', Herr: 'Mr', Mr: 'Mr', Mx: 'Mx' },
  },
};

/** English letters write "Dr" and "Professor". */
function englishTitle(title: string): string {
  return title === 'Prof.' ? 'Professor' : title.replace(/\.$/, '');
}

/** The salutation as the letter's language says it ("Ms" in German is "Frau"). */
export function salutationIn(salutation: Salutation | null, language: Language): string {
  return salutation ? PHRASES[language].word[salutation] : '';
}

/**
 * The card's opening line: "Sehr geehrte Frau Dr. Weber," / "Sehr geehrter
 * Herr Kern," / "Guten Tag Alex Roth," — in English "Dear Ms Weber," /
 * "Dear Dr Kern,". Only the highest title is said (Prof. over Dr.).
 */
export function openingLine(entry: CardEntry, language: Language): string {
  const phrases = PHRASES[language];
  const { salutation, family, full } = entry.person;
  const title = titleForOpening(entry.person.title) ?? '';
  const who = salutation ? addressed(salutation) : 'neutral';
  if (who === 'neutral') return phrases.neutral(title, full);
  if (language === 'en' && !title) return `Dear ${join(phrases.word[salutation as Salutation], family)},`;
  return who === 'female' ? phrases.female(title, family) : phrases.male(title, family);
}
