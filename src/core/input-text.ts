/**
 * Text from outside — chat messages on every platform, button payloads,
 * forwarded names, file names, every import format — is cleaned here, once,
 * at the edge, before anything parses or stores it:
 *
 * - NUL and the other C0 and C1 control characters are dropped; line breaks
 *   (LF, CR LF, a lone CR) and tab stay. PostgreSQL refuses a NUL in text;
 *   SQLite would store it, and nothing downstream expects one.
 * - A lone surrogate becomes U+FFFD: it cannot be written as UTF-8.
 * - A byte-order mark is dropped wherever it is, and so are the bidi
 *   embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
 *   can make a name display as something else ("Trojan Source"). Direction
 *   marks (LRM, RLM) and zero-width joiners stay in the text — scripts need
 *   them — and name keys ignore them (INVISIBLE, used by names.ts).
 *
 * A whole import file (up to 20 MB) goes through here too, so the common case
 * — nothing to clean — costs two native scans and no copy.
 */

declare global {
  // Node 20 has both (ES2024); the ES2023 lib the project compiles against does not declare them.
  interface String {
    isWellFormed(): boolean;
    toWellFormed(): string;
  }
}

const DROPPED = '\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\u202A-\u202E\u2066-\u2069';
const HAS_DROPPED = new RegExp(`[${DROPPED}]`);
const ALL_DROPPED = new RegExp(`[${DROPPED}]`, 'g');

/** Characters a name's search key ignores: zero-width spaces and joiners, soft hyphens, direction marks, BOM (Unicode's format characters, Cf). */
export const INVISIBLE = /\p{Cf}/gu;

/** The one cleaning of text from outside (see above). */
export function cleanInput(text: string): string {
  const wellFormed = text.isWellFormed() ? text : text.toWellFormed();
  return HAS_DROPPED.test(wellFormed) ? wellFormed.replace(ALL_DROPPED, '') : wellFormed;
}

/** `cleanInput` for every string inside plain data (parsed JSON); everything else stays as it is. */
export function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return cleanInput(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => cleanStrings(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) result[cleanInput(key)] = cleanStrings(item);
    return result as T;
  }
  return value;
}
