/**
 * What the parsers do to typed text before reading it: whitespace collapsed,
 * words folded (case, umlauts), spans cut out, noise recognised, and table
 * lookups that user words cannot escape.
 */

/** Trims and turns every run of whitespace (tabs, newlines, NBSP, em spaces …) into one space. */
export function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The text with `[index, index + length)` cut out and the seam collapsed. */
export function removeSpan(text: string, index: number, length: number): string {
  return collapse(`${text.slice(0, index)} ${text.slice(index + length)}`);
}

/**
 * Lower case with umlauts spelled out, so `Löschen`, `loeschen` and `/loeschen`
 * (Telegram commands allow only a–z) meet the same keyword.
 */
export function fold(word: string): string {
  return word
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss');
}

/** True when the text holds nothing but punctuation, symbols and emoji. */
export function isNoise(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

/** `table[key]` for own keys only, so user words like "constructor" never reach Object.prototype. */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
