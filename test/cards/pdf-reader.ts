/** Reading a label PDF back with poppler-utils (pdfinfo, pdftotext, pdffonts), as a person checking the print would. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labelOrigin, labelsPerSheet, type LabelSheet } from '../../src/cards/sheets.ts';

/** CI installs poppler-utils (.ci/run); on a machine without it the PDF tests are reported skipped, saying why. */
export const popplerInstalled = spawnSync('pdftotext', ['-v']).status === 0;

const PT_PER_MM = 72 / 25.4;

export interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

export class PdfReader {
  private readonly dir = mkdtempSync(join(tmpdir(), 'keepwarm-pdf-'));
  readonly file = join(this.dir, 'labels.pdf');

  constructor(pdf: Buffer) {
    writeFileSync(this.file, pdf);
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Page count and each page's size in points, from pdfinfo. */
  pages(): { width: number; height: number; name: string }[] {
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', this.file], { encoding: 'utf8' });
    return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]), name: m[3] ?? '' }));
  }

  /** The text inside a rectangle of a page (points), as pdftotext -layout reads it, lines trimmed, empty lines dropped. */
  textIn(page: number, x: number, y: number, width: number, height: number): string[] {
    const out = execFileSync(
      'pdftotext',
      ['-f', String(page), '-l', String(page), '-x', String(Math.round(x)), '-y', String(Math.round(y)), '-W', String(Math.round(width)), '-H', String(Math.round(height)), '-layout', this.file, '-'],
      { encoding: 'utf8' },
    );
    return out.split('\n').map((l) => l.trim()).filter((l) => l !== '' && l !== '\f');
  }

  /** The text of one label of a sheet (index counted over all pages). */
  label(sheet: LabelSheet, index: number): string[] {
    const page = Math.floor(index / labelsPerSheet(sheet)) + 1;
    const { x, y } = labelOrigin(sheet, index);
    // One point inside the label's edges, so a neighbour's text is never caught.
    return this.textIn(page, x * PT_PER_MM + 1, y * PT_PER_MM + 1, sheet.labelWidth * PT_PER_MM - 2, sheet.labelHeight * PT_PER_MM - 2);
  }

  /** Every word with its box (pdftotext -bbox), in points from the page's top left. */
  words(): Word[] {
    const html = execFileSync('pdftotext', ['-bbox', this.file, '-'], { encoding: 'utf8', maxBuffer: 50 * 1024 * 1024 });
    const words: Word[] = [];
    let page = 0;
    for (const m of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      if (m[0] === '<page ') page++;
      else words.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5] ?? '' });
    }
    return words;
  }

  /** The fonts of the document (pdffonts): name, whether embedded. */
  fonts(): { name: string; embedded: boolean }[] {
    const lines = execFileSync('pdffonts', [this.file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    return lines.map((l) => {
      const cells = l.trim().split(/\s+/);
      // name, type…, encoding, emb, sub, uni, object id, generation: emb is the 5th from the end.
      return { name: cells[0] ?? '', embedded: cells[cells.length - 5] === 'yes' };
    });
  }
}

/** The rectangle of a label in points: [x, y, width, height]. */
export function labelRect(sheet: LabelSheet, index: number): { page: number; x: number; y: number; width: number; height: number } {
  const { x, y } = labelOrigin(sheet, index);
  return { page: Math.floor(index / labelsPerSheet(sheet)) + 1, x: x * PT_PER_MM, y: y * PT_PER_MM, width: sheet.labelWidth * PT_PER_MM, height: sheet.labelHeight * PT_PER_MM };
}
