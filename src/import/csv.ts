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
import { clean, cleanNote, emailOf, MAX_IMPORT_ROWS, phoneOf } from './limits.ts';
import { refuse, type ImportIssue, type ImportRecord, type ImportRefusal, type ImportSource, type ParsedImport } from './record.ts';

/** How far down the header may be (LinkedIn puts three lines of notes above it). */
const HEADER_SEARCH_LINES = 30;
const DELIMITERS = [',', ';', '\t'] as const;
/** A single row larger than this is a quote that never closed, not a contact. */
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
}

export function parseCsv(text: string, options: { fileName?: string } = {}): ParsedImport | ImportRefusal {
  const header = findHeader(text);
  if (!header) return refuse('no_header', { name: options.fileName ?? '' });
  // The line each row ends on, in step with the rows (csv-parse counts lines).
  const ends: number[] = [];
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
      on_record: (record, context) => {
        ends.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    const code = (error as CsvError).code ?? '';
    // The row that broke starts after the last one read.
    if (code.startsWith('CSV_')) return refuse('broken_quoting', { line: (ends.at(-1) ?? header.line - 1) + 1 });
    throw error;
  }
  const body = rows.slice(1).map((record, index) => ({ record, end: ends[index + 1] ?? 0 }));
  if (body.length > MAX_IMPORT_ROWS) return refuse('too_many_rows', { max: MAX_IMPORT_ROWS });
  const issues: ImportIssue[] = [];
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
