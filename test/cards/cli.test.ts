/** `keepwarm cards` as a real process: a network of 40 imported, its labels and CSV written, files 0600. */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfReader, popplerInstalled } from './pdf-reader.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'keepwarm-cli-cards-'));
const env = { ...process.env, DATABASE_URL: join(dir, 'test.db'), TZ: 'Europe/Berlin', LANG: 'de_DE.UTF-8', LOG_LEVEL: 'silent' };
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'keepwarm.mjs');
// Each process starts tsx and opens the database: slow on a busy machine, so a minute each.
const SLOW = 60_000;

function keepwarm(...args: string[]) {
  return run(process.execPath, [BIN, ...args], { env, maxBuffer: 10 * 1024 * 1024, encoding: 'buffer' });
}

/** 40 A and B contacts (5 without an address), 3 C and D ones, as a German spreadsheet. */
function networkCsv(): string {
  const rows = ['Anrede;Vorname;Nachname;Straße;PLZ;Ort;Stufe'];
  for (let i = 1; i <= 40; i++) {
    const address = i > 35 ? ';;' : `Lindenstraße ${i};10115;Berlin`;
    rows.push(`${i % 2 ? 'Frau' : 'Herr'};Person${i};Müller${String(i).padStart(2, '0')};${address};${i % 3 ? 'B' : 'A'}`);
  }
  rows.push(';Carla;Passiv;Weg 1;10115;Berlin;C', ';Dieter;Ohne;Weg 2;10115;Berlin;D', ';Cem;Auch;Weg 3;10115;Berlin;C');
  return rows.join('\r\n') + '\r\n';
}

beforeAll(async () => {
  const file = join(dir, 'netzwerk.csv');
  writeFileSync(file, networkCsv());
  await keepwarm('import', file, '--user', 'ida', '--yes');
}, SLOW);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('keepwarm cards', () => {
  it.skipIf(!popplerInstalled)(
    'writes the labels of the A and B contacts to a 0600 file and names who has no address',
    async () => {
      const out = join(dir, 'karten.pdf');
      const { stderr } = await keepwarm('cards', '--user', 'ida', '--format', 'pdf', '--out', out, '--sender', 'Ida Beispiel · Hauptstraße 1 · 10115 Berlin');
      expect(statSync(out).mode & 0o777).toBe(0o600);
      const text = stderr.toString('utf8');
      expect(text).toContain('35 labels on 2 pages of Avery Zweckform 3422');
      expect(text).toContain('5 without an address: Person36 Müller36, Person37 Müller37, Person38 Müller38, Person39 Müller39, Person40 Müller40');
      const pdf = new PdfReader(readFileSync(out));
      try {
        expect(pdf.pages()).toHaveLength(2);
        const words = pdf.words().map((w) => w.text);
        expect(words.filter((w) => w === 'Herrn' || w === 'Frau')).toHaveLength(35);
        expect(words).not.toContain('Passiv');
      } finally {
        pdf.close();
      }
    },
    SLOW,
  );

  it.skipIf(!popplerInstalled)(
    'L7163 sheets and only tier A; an existing file is kept unless --force, and comes back 0600',
    async () => {
      const out = join(dir, 'a.pdf');
      writeFileSync(out, 'old');
      chmodSync(out, 0o644);
      await expect(keepwarm('cards', '--user', 'ida', '--labels', 'L7163', '--tier', 'A', '--out', out)).rejects.toMatchObject({ code: 1 });
      expect(readFileSync(out, 'utf8')).toBe('old');
      const { stderr } = await keepwarm('cards', '--user', 'ida', '--labels', 'l7163', '--tier', 'A', '--out', out, '--force');
      expect(stderr.toString('utf8')).toContain('11 labels on 1 page of Avery L7163');
      expect(statSync(out).mode & 0o777).toBe(0o600);
      const pdf = new PdfReader(readFileSync(out));
      try {
        expect(pdf.pages()).toHaveLength(1);
      } finally {
        pdf.close();
      }
    },
    SLOW,
  );

  it(
    'the CSV goes to stdout when no file is named: BOM, semicolons, German headers, one row per card',
    async () => {
      const { stdout } = await keepwarm('cards', '--user', 'ida', '--format', 'csv');
      const text = stdout.toString('utf8');
      expect(text.startsWith('\ufeffAnrede;Titel;Vorname;Nachname;')).toBe(true);
      const lines = text.split('\r\n').filter(Boolean);
      expect(lines).toHaveLength(36);
      expect(lines[1]).toContain('"Sehr geehrte Frau Müller01,"');
    },
    SLOW,
  );

  it(
    'a wrong option is a usage error that names it; an unknown user changes nothing',
    async () => {
      const failure = (...args: string[]) =>
        keepwarm(...args).then(
          () => ({ code: 0, stderr: '' }),
          (error: { code: number; stderr: Buffer }) => ({ code: error.code, stderr: error.stderr.toString('utf8') }),
        );
      expect(await failure('cards', '--user', 'ida', '--labels', '9999')).toMatchObject({ code: 2, stderr: expect.stringContaining('--labels 9999: use 3422, 3475, L7163') });
      expect(await failure('cards', '--user', 'ida', '--format', 'docx')).toMatchObject({ code: 2, stderr: expect.stringContaining('--format docx: use pdf or csv') });
      expect(await failure('cards', '--user', 'nobody', '--format', 'csv')).toMatchObject({ code: 1, stderr: expect.stringContaining('no user console:nobody') });
    },
    SLOW,
  );
});
