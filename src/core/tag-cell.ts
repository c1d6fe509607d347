/**
 * Several tags in one text cell (the CSV export's Tags column, a Tags column
 * of any CSV): separated by commas or semicolons, as people write them by
 * hand; a tag that holds a comma, semicolon or double quote itself is put in
 * double quotes (a quote inside doubled), so `fintech, "M&A, Europe"` is two
 * tags. Written by the export, read by the import: the same tags come back.
 */

const NEEDS_QUOTES = /[,;"]/;

/** The cell for `tags`: `fintech, "M&A, Europe", berlin`. */
export function formatTagCell(tags: readonly string[]): string {
  return tags.map((tag) => (NEEDS_QUOTES.test(tag) ? `"${tag.replace(/"/g, '""')}"` : tag)).join(', ');
}

/** The tags of a cell: split at commas and semicolons outside double quotes, each trimmed, empty ones dropped. */
export function parseTagCell(cell: string): string[] {
  const tags: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < cell.length; i++) {
    const char = cell[i]!;
    if (quoted) {
      if (char !== '"') current += char;
      else if (cell[i + 1] === '"') {
        current += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && current.trim() === '') {
      current = '';
      quoted = true;
    } else if (char === ',' || char === ';') {
      tags.push(current.trim());
      current = '';
    } else current += char;
  }
  tags.push(current.trim());
  return tags.filter((tag) => tag !== '');
}
