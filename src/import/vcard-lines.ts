/**
 * The step before the vCard parser: cuts a file into cards and rewrites each
 * card into the vCard 3.0 syntax ical.js reads, fixing what real exports do
 * that the RFCs do not allow (docs/import-export.md):
 *
 * - vCard 2.1 (Outlook, Android): quoted-printable values with soft line
 *   breaks and a CHARSET, bare parameters (`TEL;WORK;VOICE:`), unescaped
 *   commas — decoded and re-escaped as 3.0, and VERSION:2.1 becomes 3.0;
 * - photos, logos, sounds and keys are dropped while reading, line by line,
 *   so a 50 KB base64 photo never becomes a string of its own;
 * - CRLF, LF and CR line ends, folded lines (space or tab), BOMs (decode.ts).
 */
import { forEachLine } from './decode.ts';
import { decodeQuotedPrintable, isQuotedPrintable } from './quoted-printable.ts';

/** One card's text in 3.0 syntax, or why it could not be cut out of the file. */
export interface RawCard {
  line: number;
  text: string;
  /** Set when the card never ended (no END:VCARD). */
  unterminated?: boolean;
}

/** Binary properties: never imported, skipped while reading. */
const SKIPPED = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
/** Properties whose value is a list of components separated by `;`. */
const STRUCTURED = new Set(['N', 'ADR', 'ORG']);
const BASE64_LINE = /^[A-Za-z0-9+/=]+\s*$/;
const BEGIN_CARD = /^\s*BEGIN\s*:\s*VCARD\s*$/i;
const END_CARD = /^\s*END\s*:\s*VCARD\s*$/i;

/** Index of the first `:` outside double quotes: where the value starts. */
function valueStart(line: string): number {
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) return index;
  }
  return -1;
}

function splitParams(head: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let index = 0; index < head.length; index++) {
    const char = head[index];
    if (char === '"') quoted = !quoted;
    else if (char === ';' && !quoted) {
      parts.push(head.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(head.slice(start));
  return parts;
}

/** `item1.EMAIL;TYPE=x` -> `EMAIL`. */
function propertyName(head: string): string {
  const semicolon = head.indexOf(';');
  const name = semicolon < 0 ? head : head.slice(0, semicolon);
  const dot = name.lastIndexOf('.');
  return (dot < 0 ? name : name.slice(dot + 1)).trim().toUpperCase();
}

/** A 2.1 value (or a decoded quoted-printable one) written with 3.0 escapes: one native pass, however long the value. */
function escape3(value: string, structured: boolean): string {
  return value.replace(/\\;?|[,;]|\r\n?|\n/g, (match) => {
    // 2.1 escapes only ";"; any other backslash is a literal one.
    if (match === '\\;') return '\\;';
    if (match === '\\') return '\\\\';
    if (match === ',') return '\\,';
    if (match === ';') return structured ? ';' : '\\;';
    return '\\n';
  });
}

/** One logical (unfolded) content line in 3.0 syntax. A line that is no property stays as it is, for the parser to refuse the card. */
export function rewriteLine(line: string, version21: boolean): string {
  const colon = valueStart(line);
  if (colon <= 0) return line;
  const head = line.slice(0, colon);
  let value = line.slice(colon + 1);
  const [name = '', ...params] = splitParams(head);
  const property = propertyName(head);
  if (property === 'VERSION') return version21 ? 'VERSION:3.0' : line;
  const qp = isQuotedPrintable(head);
  let charset = 'utf-8';
  const kept: string[] = [];
  const types: string[] = [];
  for (const param of params) {
    const trimmed = param.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    if (eq < 0) {
      // vCard 2.1 bare parameter: TEL;WORK;VOICE, EMAIL;PREF;INTERNET.
      const upper = trimmed.toUpperCase();
      if (upper === 'QUOTED-PRINTABLE' || upper === '8BIT' || upper === '7BIT' || upper === 'BASE64' || upper === 'B') continue;
      if (/^[A-Za-z0-9-]+$/.test(trimmed)) types.push(trimmed);
      continue;
    }
    const key = trimmed.slice(0, eq).trim().toUpperCase();
    const paramValue = trimmed.slice(eq + 1).trim();
    if (key === 'CHARSET') charset = paramValue.replace(/"/g, '');
    else if (key === 'ENCODING' && /^(quoted-printable|8bit|7bit)$/i.test(paramValue)) continue;
    else if (key === 'TYPE' && /^[A-Za-z0-9-,]+$/.test(paramValue)) types.push(...paramValue.split(','));
    else kept.push(`${key}=${paramValue}`);
  }
  if (types.length > 0) kept.push(`TYPE=${types.join(',')}`);
  if (qp) value = escape3(decodeQuotedPrintable(value, charset), STRUCTURED.has(property));
  else if (version21) value = escape3(value, STRUCTURED.has(property));
  return [name.trim(), ...kept].join(';') + ':' + value;
}

/**
 * Cuts `text` into cards in 3.0 syntax. Stops (returning what it has plus
 * `overflow: true`) once more than `limit` cards were seen.
 */
export function splitCards(text: string, limit: number): { cards: RawCard[]; overflow: boolean } {
  const cards: RawCard[] = [];
  let card: { line: number; lines: string[]; version21: boolean } | null = null;
  // The logical line being read: its pieces, joined once when it is complete,
  // so a value continued over 100,000 lines costs no more than its length.
  let current: string[] | null = null;
  let currentQp = false;
  // Inside a skipped property: its folded lines, and 2.1's unindented base64
  // lines up to a blank line. Base64 has no ':', every property line has one.
  let skipping = false;
  let overflow = false;

  const flush = () => {
    if (card && current !== null) card.lines.push(current.join(''));
    current = null;
  };
  const finish = (unterminated: boolean) => {
    flush();
    if (!card) return;
    const { version21 } = card;
    const body = card.lines.map((l) => rewriteLine(l, version21));
    cards.push({ line: card.line, text: ['BEGIN:VCARD', ...body, 'END:VCARD', ''].join('\r\n'), ...(unterminated ? { unterminated } : {}) });
    card = null;
  };

  forEachLine(text, (line, number) => {
    if (!card) {
      if (BEGIN_CARD.test(line)) {
        if (cards.length >= limit) {
          overflow = true;
          return false;
        }
        card = { line: number, lines: [], version21: false };
      }
      return true;
    }
    const folded = line.startsWith(' ') || line.startsWith('\t');
    if (skipping) {
      if (folded || BASE64_LINE.test(line) || line.trim() === '') return true;
      skipping = false;
    }
    // A quoted-printable soft line break first: its next line is literal, leading space and all.
    if (current !== null && currentQp && (current.at(-1) as string).endsWith('=')) {
      current[current.length - 1] = (current.at(-1) as string).slice(0, -1);
      current.push(line);
      return true;
    }
    if (current !== null && folded) {
      current.push(line.slice(1));
      return true;
    }
    flush();
    if (line.trim() === '') return true;
    // Only lines that start with E or B can end or begin a card: most lines skip both tests.
    const first = line.charCodeAt(0) | 0x20;
    if ((first === 0x65 || first === 0x20) && END_CARD.test(line)) {
      finish(false);
      return true;
    }
    if ((first === 0x62 || first === 0x20) && BEGIN_CARD.test(line)) {
      // The previous card never ended: keep it as a broken one, start anew.
      finish(true);
      if (cards.length >= limit) {
        overflow = true;
        return false;
      }
      card = { line: number, lines: [], version21: false };
      return true;
    }
    const colon = valueStart(line);
    const head = colon > 0 ? line.slice(0, colon) : line;
    const property = propertyName(head);
    if (SKIPPED.has(property)) {
      skipping = true;
      return true;
    }
    if (property === 'VERSION' && line.slice(colon + 1).trim() === '2.1') card.version21 = true;
    current = [line];
    currentQp = isQuotedPrintable(head);
    return true;
  });
  if (card) finish(true);
  return { cards, overflow };
}
