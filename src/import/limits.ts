/**
 * How much one import may be. A file over the size limit is refused before it
 * is read; a file with more rows or cards than the cap is refused as soon as
 * the parser reaches the cap, so a million-row CSV is never held in memory.
 */

/** The largest file keepwarm reads: 20 MB (a phone's whole address book with photos fits). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The most contacts one file may hold: far above any real network, well below abuse. */
export const MAX_IMPORT_ROWS = 50_000;

/** The most columns a CSV header may name: far above any export (LinkedIn has 7, Outlook some 90). */
export const MAX_COLUMNS = 1000;

/** Longest name, company or role kept; longer values are cut. */
export const MAX_FIELD_LENGTH = 200;

/** Longest note kept from a file. */
export const MAX_NOTE_LENGTH = 4000;

/** How many problems the preview lists line by line (the rest are counted). */
export const MAX_LISTED_ISSUES = 10;

/** Whitespace collapsed and trimmed, cut to `max` characters (never in the middle of a surrogate pair). */
export function clean(value: string | null | undefined, max = MAX_FIELD_LENGTH): string {
  if (value === null || value === undefined) return '';
  const text = value.replace(/\s+/g, ' ').trim();
  return text.length <= max ? text : Array.from(text).slice(0, max).join('').trim();
}

/** Like `clean` but keeps line breaks: for notes. */
export function cleanNote(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((row) => row.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text.length <= MAX_NOTE_LENGTH ? text : Array.from(text).slice(0, MAX_NOTE_LENGTH).join('').trim();
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** A trimmed address when it looks like one (`mailto:` dropped), else null. */
export function emailOf(value: string | null | undefined): string | null {
  const text = clean(value, 320).replace(/^mailto:/i, '');
  return EMAIL.test(text) ? text : null;
}

/** A phone number when the text has at least three digits (`tel:` dropped), else null. */
export function phoneOf(value: string | null | undefined): string | null {
  const text = clean(value, 60).replace(/^tel:/i, '');
  return (text.match(/\d/g)?.length ?? 0) >= 3 ? text : null;
}
