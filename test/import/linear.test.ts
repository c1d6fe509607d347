/**
 * Reading and planning an import cost time in proportion to the file, never
 * to its square: files built to make a quadratic loop explode (issue 16) are
 * read and planned within the test's time limit, and what comes out is right.
 * Before the fix, the first file alone took 130 s and the others minutes.
 */
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS } from '../../src/import/limits.ts';
import { parseImportFile } from '../../src/import/parse.ts';
import { planImport, type ExistingContact } from '../../src/import/plan.ts';
import { isRefusal, type ParsedImport } from '../../src/import/record.ts';

const TODAY = '2026-11-23';

function read(name: string, text: string): ParsedImport {
  const parsed = parseImportFile({ name, content: Buffer.from(text, 'utf8') }, TODAY);
  if (isRefusal(parsed)) throw new Error(`refused: ${JSON.stringify(parsed)}`);
  return parsed;
}

function rows(count: number, row: (i: number) => string): string {
  return Array.from({ length: count }, (_, i) => row(i)).join('\n');
}

describe('an import costs time in proportion to the file', () => {
  it('a quoted-printable vCard value with 160,000 soft line breaks (960 KB) is read as one value', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:Q' + '=\r\n=41'.repeat(160_000) + '\r\nEND:VCARD\r\n';
    const parsed = read('qp.vcf', text);
    expect(parsed.records).toHaveLength(1);
    // The whole value was joined (Q then A…), then cut to the longest name kept.
    expect(parsed.records[0]!.name).toMatch(/^QA{199}$/);
  });

  it('a vCard value folded over 200,000 lines is read as one value', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Schmidt\r\nNOTE:start' + '\r\n  word'.repeat(200_000) + '\r\nEND:VCARD\r\n';
    const parsed = read('folded.vcf', text);
    expect(parsed.records[0]!.notes[0]).toMatch(/^start( word){200}/);
  });

  it(`${MAX_IMPORT_ROWS.toLocaleString('en')} rows about one person, each with a note of its own, become one contact with every note`, () => {
    const parsed = read('notes.csv', `Name,Notes\n${rows(MAX_IMPORT_ROWS, (i) => `Anna Schmidt,note ${i}`)}`);
    const plan = planImport(parsed, { today: TODAY, existing: [] });
    expect(plan.create).toHaveLength(1);
    expect(plan.duplicates).toBe(MAX_IMPORT_ROWS - 1);
    expect(plan.create[0]!.record.notes).toHaveLength(MAX_IMPORT_ROWS);
    expect(plan.create[0]!.record.notes.at(-1)).toBe(`note ${MAX_IMPORT_ROWS - 1}`);
  });

  it(`${MAX_IMPORT_ROWS.toLocaleString('en')} namesakes with an address each are that many contacts; one without an address among them is ambiguous`, () => {
    const parsed = read('emails.csv', `Name,Email\n${rows(MAX_IMPORT_ROWS - 1, (i) => `Anna Schmidt,anna${i}@example.org`)}\nAnna Schmidt,`);
    const plan = planImport(parsed, { today: TODAY, existing: [] });
    expect(plan.create).toHaveLength(MAX_IMPORT_ROWS - 1);
    expect(plan.issues).toEqual([{ line: MAX_IMPORT_ROWS + 1, code: 'ambiguous', detail: 'Anna Schmidt', skipped: true }]);
  });

  it(`${MAX_IMPORT_ROWS.toLocaleString('en')} rows that all add to one known contact add each new note and tag once`, () => {
    const parsed = read('known.csv', `Name,Email,Notes,Tags\n${rows(MAX_IMPORT_ROWS, (i) => `Anna Schmidt,anna@example.org,note ${i % 25_000},tag${i}`)}`);
    const anna: ExistingContact = { id: 7, name: 'Anna Schmidt', email: 'anna@example.org', phone: null, company: null, role: null, place: null, tags: ['known'], lastTouchOn: null, notes: ['note 1'] };
    const plan = planImport(parsed, { today: TODAY, existing: [anna] });
    expect(plan.create).toHaveLength(0);
    expect(plan.merge).toHaveLength(1);
    expect(plan.merge[0]!.notes).toHaveLength(25_000 - 1);
    expect(plan.merge[0]!.patch.tags).toHaveLength(MAX_IMPORT_ROWS + 1);
  });
});
