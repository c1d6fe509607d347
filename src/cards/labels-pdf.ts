/**
 * The card list as a PDF of address labels (pdfkit), for the A4 sheets of
 * sheets.ts: one label per card, left to right and top to bottom, as many
 * pages as it takes. DejaVu Sans is embedded (src/fonts), so umlauts, ß and
 * any Latin, Greek or Cyrillic name print as written.
 *
 * Nothing leaves its label: each label keeps an inner margin, and an address
 * too long for it first shrinks (down to 6.5 pt), then wraps at spaces (or
 * inside a word too long for the line), and only what still does not fit is
 * cut with "…". The optional sender line goes on top in small print — the
 * return address of DIN 5008 — shrunk or cut to one line.
 */
import PDFDocument from 'pdfkit';
import type { AddressLineOptions } from '../core/address.ts';
import { FONT_FILES } from '../fonts/index.ts';
import { recipientBlock } from './letter.ts';
import type { CardList } from './list.ts';
import { labelOrigin, labelsPerSheet, type LabelSheet } from './sheets.ts';

const PT_PER_MM = 72 / 25.4;
const LEADING = 1.2;
const MIN_FONT = 6.5;
const SENDER_FONT = 6.5;
const MIN_SENDER_FONT = 5;
const FONT = 'keepwarm-body';

export interface LabelsOptions extends AddressLineOptions {
  /** A return address in small print above each address ("Anna Keller · Lindenstraße 12 · 10115 Berlin"). */
  sender?: string | null;
  /** The document's title in its properties (no names: "Weihnachtskarten 2026"). */
  title?: string;
  /** The document's creation date; now when not given. */
  now?: Date;
}

type Doc = InstanceType<typeof PDFDocument>;

function widthAt(doc: Doc, text: string, size: number): number {
  return doc.font(FONT).fontSize(size).widthOfString(text);
}

/** The longest start of `text` (ending in "…" when cut) that fits `width`. */
function cut(doc: Doc, text: string, size: number, width: number): string {
  if (widthAt(doc, text, size) <= width) return text;
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (widthAt(doc, `${chars.slice(0, mid).join('').trimEnd()}…`, size) <= width) low = mid;
    else high = mid - 1;
  }
  return `${chars.slice(0, low).join('').trimEnd()}…`;
}

/** One line broken into lines of at most `width`: at spaces, or inside a word that is wider than the line. */
export function wrap(doc: Doc, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (widthAt(doc, candidate, size) <= width) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    let rest = word;
    while (widthAt(doc, rest, size) > width) {
      const chars = Array.from(rest);
      let take = 1;
      while (take < chars.length && widthAt(doc, chars.slice(0, take + 1).join(''), size) <= width) take++;
      lines.push(chars.slice(0, take).join(''));
      rest = chars.slice(take).join('');
    }
    current = rest;
  }
  if (current) lines.push(current);
  return lines;
}

interface Fitted {
  size: number;
  lines: string[];
}

/** The largest size at which the block fits the box, wrapped; at the smallest size, cut to the box. */
export function fitBlock(doc: Doc, block: string[], width: number, height: number, largest: number): Fitted {
  for (let size = largest; size >= MIN_FONT; size -= 0.5) {
    const lines = block.flatMap((line) => wrap(doc, line, size, width));
    if (lines.length * size * LEADING <= height) return { size, lines };
  }
  const lines = block.flatMap((line) => wrap(doc, line, MIN_FONT, width));
  const room = Math.max(1, Math.floor(height / (MIN_FONT * LEADING)));
  if (lines.length <= room) return { size: MIN_FONT, lines };
  const kept = lines.slice(0, room);
  kept[room - 1] = cut(doc, `${kept[room - 1]} …`, MIN_FONT, width);
  return { size: MIN_FONT, lines: kept };
}

function senderLine(doc: Doc, sender: string, width: number): Fitted {
  for (let size = SENDER_FONT; size >= MIN_SENDER_FONT; size -= 0.5) {
    if (widthAt(doc, sender, size) <= width) return { size, lines: [sender] };
  }
  return { size: MIN_SENDER_FONT, lines: [cut(doc, sender, MIN_SENDER_FONT, width)] };
}

function drawLabel(doc: Doc, sheet: LabelSheet, index: number, block: string[], sender: string | null): void {
  const origin = labelOrigin(sheet, index);
  const x = (origin.x + sheet.paddingX) * PT_PER_MM;
  let y = (origin.y + sheet.paddingY) * PT_PER_MM;
  const width = (sheet.labelWidth - 2 * sheet.paddingX) * PT_PER_MM;
  let height = (sheet.labelHeight - 2 * sheet.paddingY) * PT_PER_MM;
  if (sender) {
    const line = senderLine(doc, sender, width);
    doc.font(FONT).fontSize(line.size).fillColor('#444444').text(line.lines[0] as string, x, y, { lineBreak: false });
    const under = y + line.size * LEADING;
    doc.moveTo(x, under).lineTo(x + Math.min(width, widthAt(doc, line.lines[0] as string, line.size)), under).lineWidth(0.3).strokeColor('#444444').stroke();
    const used = line.size * LEADING + 3;
    y += used;
    height -= used;
  }
  const fitted = fitBlock(doc, block, width, height, sheet.fontSize);
  // The block sits in the middle of the room left, as a person would place it.
  let lineY = y + Math.max(0, (height - fitted.lines.length * fitted.size * LEADING) / 2);
  doc.font(FONT).fontSize(fitted.size).fillColor('#000000');
  for (const line of fitted.lines) {
    doc.text(line, x, lineY, { lineBreak: false });
    lineY += fitted.size * LEADING;
  }
}

/** The labels of the list's cards as PDF bytes (at least one page, empty when the list is). */
export async function labelsPdf(list: CardList, sheet: LabelSheet, options: LabelsOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: { Title: options.title ?? `${sheet.name} ${list.year}`, Creator: 'keepwarm', Producer: 'keepwarm (pdfkit)', CreationDate: options.now ?? new Date() },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont(FONT, FONT_FILES.regular);
  const sender = options.sender?.replace(/\s+/g, ' ').trim() || null;
  const perPage = labelsPerSheet(sheet);
  if (list.entries.length === 0) doc.addPage({ size: 'A4', margin: 0 });
  list.entries.forEach((entry, index) => {
    if (index % perPage === 0) doc.addPage({ size: 'A4', margin: 0 });
    drawLabel(doc, sheet, index, recipientBlock(entry, options), sender);
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
