/**
 * CSV files: LinkedIn's Connections.csv (with its "Notes:" lines before the
 * header), XING's export (German headers, usually `;`), Google and Outlook
 * exports, keepwarm's own CSV, and any file whose header names the columns.
 * csv-parse reads the rows; this module finds the header and the delimiter,
 * stops at the row cap, and maps columns (columns.ts) to contacts.
 */
import { parse } from 'csv-parse/sync';
import { parseTagCell } from '../core/tag-cell.ts';
import { TIERS, type Tier } from '../core/types.ts';
import { fieldOf, isUsableHeader, mapColumns, type ColumnMap, type Field } from './columns.ts';
import { formatBirthday } from '../core/birthday.ts';
import { splitHonorifics, withoutSalutation } from '../core/honorifics.ts';
import { addressGroups, rowAddress, type AddressGroup } from './address-columns.ts';
import { isBlankDate, parseImportBirthday, parseImportDate } from './dates.ts';
import { forEachLine } from './decode.ts';
import { clean, cleanNote, emailOf, MAX_COLUMNS, MAX_IMPORT_ROWS, phoneOf } from './limits.ts';
import { refuse, type ImportIssue, type ImportRecord, type ImportRefusal, type ImportSource, type ParsedImport } from './record.ts';

/** How far down the header may be (LinkedIn puts three lines of notes above it). */
const HEADER_SEARCH_LINES = 30;
const DELIMITERS = [',', ';', '\t'] as const;
/** A single row larger than this is a quote that never closed, or no contact anyway. */
const MAX_RECORD_CHARS = 256 * 1024;

interface Header {
  line: number;
  delimiter: string;
  cells: string[];
  map: ColumnMap;
}

function cellsOf(line: string, delimiter: string): string[] {
  try {
    const rows = parse(line, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
    return rows[0] ?? [];
  } catch {
    return [];
  }
}

/** The first line, among the first few, that names columns keepwarm knows — with the delimiter that makes the most sense of it. */
export function findHeader(text: string): Header | undefined {
  let found: Header | undefined;
  forEachLine(text, (line, number) => {
    if (number > HEADER_SEARCH_LINES) return false;
    if (line.trim() === '') return true;
    let best: (Header & { known: number }) | undefined;
    for (const delimiter of DELIMITERS) {
      const cells = cellsOf(line, delimiter);
      if (cells.length < 1) continue;
      const map = mapColumns(cells);
      if (!isUsableHeader(map)) continue;
      const known = cells.filter((c) => fieldOf(c) !== undefined).length;
      if (!best || known > best.known) best = { line: number, delimiter, cells, map, known };
    }
    if (best) {
      found = { line: best.line, delimiter: best.delimiter, cells: best.cells, map: best.map };
      return false;
    }
    return true;
  });
  return found;
}

/** LinkedIn or XING by their headers and profile links; anything else is a plain CSV. */
function sourceOf(header: Header, rows: string[][]): ImportSource {
  const headers = header.cells.map((c) => c.toLowerCase()).join('|');
  const urls = (header.map.url ?? []).flatMap((index) => rows.slice(0, 50).map((row) => (row[index] ?? '').toLowerCase()));
  if (headers.includes('xing') || urls.some((u) => u.includes('xing.com'))) return 'xing';
  if (headers.includes('connected on') || urls.some((u) => u.includes('linkedin.com'))) return 'linkedin';
  return 'csv';
}

/** A cell written by keepwarm's CSV export with a leading `'` against spreadsheet formulas. */
function unguard(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

function cells(row: string[], map: ColumnMap, field: Field): string[] {
  return (map[field] ?? []).map((index) => unguard((row[index] ?? '').trim())).filter((v) => v !== '');
}

/** "Mr.", "Herr Dr.", "Prof. Dr.": a title cell that names no job. */
function isHonorific(text: string): boolean {
  return /^(sir|madam)\.?$/i.test(text) || splitHonorifics(text).rest === '';
}

function toRecord(row: string[], map: ColumnMap, addresses: AddressGroup[], line: number, issues: ImportIssue[]): ImportRecord | null {
  if (row.every((cell) => cell.trim() === '')) return null;
  const first = (field: Field) => cells(row, map, field)[0] ?? '';
  const emails = [...new Set(cells(row, map, 'email').flatMap((c) => c.split(/[;,\s]+/)).map(emailOf).filter((e): e is string => e !== null))];
  const phones = [...new Set(cells(row, map, 'phone').map(phoneOf).filter((p): p is string => p !== null))];
  const written = clean(first('name')) || clean([first('first'), first('middle'), first('last')].filter(Boolean).join(' ')) || emails[0] || '';
  const { name, salutation: inName } = withoutSalutation(written);
  if (name === '') {
    issues.push({ line, code: 'no_name', skipped: true });
    return null;
  }
  const tierText = clean(first('tier')).toUpperCase().replace(/^(TIER|STUFE)\s*/, '');
  let tier: Tier | null = null;
  if (tierText !== '') {
    if ((TIERS as readonly string[]).includes(tierText)) tier = tierText as Tier;
    else issues.push({ line, code: 'bad_tier', detail: clean(first('tier'), 20), skipped: false });
  }
  const dateText = first('lastContact');
  let lastContactOn: string | null = null;
  if (dateText !== '') {
    lastContactOn = parseImportDate(dateText);
    if (lastContactOn === null) issues.push({ line, code: 'bad_date', detail: clean(dateText, 40), skipped: false });
  }
  const role = clean(first('role'));
  const tags = cells(row, map, 'tags').flatMap(parseTagCell).map((t) => clean(t.replace(/^#/, ''), 40)).filter(Boolean);
  const place = clean(first('place'));
  const occasions = occasionFields(row, map, line, issues);
  const record: ImportRecord = {
    line,
    name,
    emails,
    phones,
    company: clean(first('company')) || null,
    role: role && !isHonorific(role) ? role : null,
    tier,
    lastContactOn,
    notes: cells(row, map, 'notes').map(cleanNote).filter(Boolean),
    tags: [...new Set(tags)],
    place: place || null,
    ...occasions,
    salutation: occasions.salutation ?? inName,
    address: rowAddress(row, addresses),
  };
  return record;
}

/** Birthday, salutation and academic title of a row (a "Title" column with only Mr./Dr. in it counts as both). */
function occasionFields(row: string[], map: ColumnMap, line: number, issues: ImportIssue[]): Pick<ImportRecord, 'birthday' | 'salutation' | 'academicTitle'> {
  const first = (field: Field) => cells(row, map, field)[0] ?? '';
  let birthday: string | null = null;
  const birthdayText = first('birthday');
  if (!isBlankDate(birthdayText)) {
    const parsed = parseImportBirthday(birthdayText);
    if (parsed) birthday = formatBirthday(parsed);
    else issues.push({ line, code: 'bad_date', detail: clean(birthdayText, 40), skipped: false });
  }
  const said = splitHonorifics(clean(first('salutation')));
  const title = splitHonorifics(clean(first('title')));
  const honorificTitle = title.rest === '' ? title : { salutation: null, title: null };
  const academic = clean(first('academicTitle'));
  return {
    birthday,
    salutation: said.salutation ?? honorificTitle.salutation,
    academicTitle: (academic && (splitHonorifics(academic).title ?? academic)) || said.title || honorificTitle.title,
  };
}

/** Where a row starts: the line it ends on, less the line breaks inside its quoted cells. */
function startLine(row: string[], endLine: number): number {
  let breaks = 0;
  for (const cell of row) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) breaks++;
  return endLine - breaks;
}

interface CsvError {
  code?: string;
  lines?: number;
  /** The text of the record being read when the error came (with the `raw` option). */
  raw?: string;
}

/**
 * A row whose quotes do not pair up (`"Ann Open,ann@example.org,"Acme`):
 * csv-parse, relaxed about quotes inside a cell, reads such a row as one
 * cell that starts with the quote and runs on over the delimiters. A cell
 * that starts with a quote yet stands in the raw row as written — whole,
 * between delimiters — was never read as quoted: its quotes are broken. (A
 * cell correctly quoted has its quotes doubled or stripped in the raw row.)
 */
function quotesBroken(record: string[], raw: string, delimiter: string): boolean {
  const row = raw.replace(/\r?\n$/, '');
  for (const cell of record) {
    if (!cell.startsWith('"')) continue;
    for (let at = row.indexOf(cell); at >= 0; at = row.indexOf(cell, at + 1)) {
      const before = at === 0 || row.startsWith(delimiter, at - delimiter.length);
      const after = at + cell.length === row.length || row.startsWith(delimiter, at + cell.length);
      if (before && after) return true;
    }
  }
  return false;
}

export function parseCsv(text: string, options: { fileName?: string } = {}): ParsedImport | ImportRefusal {
  const header = findHeader(text);
  if (!header) return refuse('no_header', { name: options.fileName ?? '' });
  if (header.cells.length > MAX_COLUMNS) return refuse('too_many_columns', { name: options.fileName ?? '', count: header.cells.length, max: MAX_COLUMNS });
  // The line each row ends on, in step with the rows (csv-parse counts lines).
  const ends: number[] = [];
  const issues: ImportIssue[] = [];
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter: header.delimiter,
      from_line: header.line,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_CHARS,
      // Header + the cap + one more: reaching it means "too many"; parsing stops there.
      to: MAX_IMPORT_ROWS + 2,
      raw: true,
      // With `raw`, each record comes with the text it was read from (csv-parse's types do not say so).
      on_record: (withRaw, context) => {
        const { record, raw } = withRaw as unknown as { record: string[]; raw: string };
        if (quotesBroken(record, raw, header.delimiter)) {
          issues.push({ line: startLine(record, context.lines), code: 'broken_row', skipped: true });
          return null;
        }
        ends.push(context.lines);
        return record;
      },
    }) as unknown as string[][];
  } catch (error) {
    const { code = '', raw = '"' } = error as CsvError;
    // The row that broke starts after the last one read.
    const line = (ends.at(-1) ?? header.line - 1) + 1;
    // Too long without a quote in it: a long line, not a quote running on.
    if (code === 'CSV_MAX_RECORD_SIZE' && !raw.includes('"')) return refuse('row_too_long', { line, max: MAX_RECORD_CHARS / 1024 });
    if (code.startsWith('CSV_')) return refuse('broken_quoting', { line });
    throw error;
  }
  const body = rows.slice(1).map((record, index) => ({ record, end: ends[index + 1] ?? 0 }));
  if (body.length > MAX_IMPORT_ROWS) return refuse('too_many_rows', { max: MAX_IMPORT_ROWS });
  const records: ImportRecord[] = [];
  const width = header.cells.length;
  const addresses = addressGroups(header.cells);
  for (const { record, end } of body) {
    const line = startLine(record, end);
    if (record.length > width && record.slice(width).some((cell) => cell.trim() !== '')) {
      issues.push({ line, code: 'extra_cells', skipped: false });
    }
    const contact = toRecord(record, header.map, addresses, line, issues);
    if (contact) records.push(contact);
  }
  return { source: sourceOf(header, body.map((r) => r.record)), records, issues };
}
