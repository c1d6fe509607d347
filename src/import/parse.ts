/**
 * One file in, its contacts out — or a refusal saying why not. Which reader
 * runs is decided by the content first (a vCard begins with BEGIN:VCARD, a
 * keepwarm export with `{`), then by the file name; a text file of unknown
 * kind is tried as CSV. Pure: no database, no clock (`today` is passed).
 */
import { cleanInput } from '../core/input-text.ts';
import type { LocalDate } from '../core/types.ts';
import { parseCsv } from './csv.ts';
import { decodeFile } from './decode.ts';
import { looksLikeKeepwarmJson, parseKeepwarmJson } from './keepwarm-json.ts';
import { MAX_IMPORT_BYTES } from './limits.ts';
import { refuse, type ImportRefusal, type ParsedImport } from './record.ts';
import { parseVcard } from './vcard.ts';

export interface ImportFile {
  name: string;
  content: Buffer;
}

const VCARD_START = /^\s*BEGIN\s*:\s*VCARD/i;

function extension(name: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(name.trim());
  return match ? (match[1] ?? '').toLowerCase() : '';
}

/** Reads an import file. Never throws for any input: a bad file is a refusal. */
export function parseImportFile(file: ImportFile, today: LocalDate): ParsedImport | ImportRefusal {
  const name = cleanInput(file.name).slice(0, 200);
  if (file.content.length > MAX_IMPORT_BYTES) return refuse('too_large', { size: file.content.length, max: MAX_IMPORT_BYTES });
  const decoded = decodeFile(file.content);
  if (decoded.kind === 'empty') return refuse('empty', { name });
  if (decoded.kind === 'zip') return refuse('zip', { name });
  if (decoded.kind === 'binary') return refuse('binary', { name });
  // Every format is read from cleaned text: no control characters, lone surrogates or bidi overrides reach a field.
  const text = cleanInput(decoded.text);
  const ext = extension(name);
  let result: ParsedImport | ImportRefusal;
  if (VCARD_START.test(text.slice(0, 4096)) || ext === 'vcf' || ext === 'vcard') result = parseVcard(text);
  else if (looksLikeKeepwarmJson(text) || ext === 'json') result = parseKeepwarmJson(text, today);
  else {
    result = parseCsv(text, { fileName: name });
    // Not a CSV by name, and no header either: a kind of file keepwarm does not read.
    if ('refused' in result && result.refused === 'no_header' && !['csv', 'tsv', 'txt'].includes(ext)) return refuse('unknown_type', { name });
  }
  if ('refused' in result) return result;
  if (result.records.length === 0 && result.issues.length === 0) return refuse('nothing_readable', { name });
  return result;
}
