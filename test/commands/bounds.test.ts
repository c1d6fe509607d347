/**
 * Bounds of the parser: empty and over-long input, and the promise that no
 * input of any length or alphabet makes it throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_COMMAND_LENGTH } from '../../src/commands/command.ts';
import type { Intent, ParseErrorCode } from '../../src/commands/command.ts';
import { parseCommand, warmUpParser } from '../../src/commands/parse.ts';
import { BERLIN, command, refusal } from './helpers.ts';

// `satisfies` makes a new intent or error code fail the type-check here until it is listed.
const INTENTS = new Set(Object.keys({
  met: 1, add: 1, touch: 1, done: 1, noanswer: 1, skip: 1, snooze: 1, note: 1, tier: 1, cadence: 1, remind: 1, today: 1,
  overdue: 1, show: 1, find: 1, list: 1, intro: 1, review: 1, archive: 1, delete: 1, settings: 1, pause: 1, resume: 1,
  stats: 1, export: 1, forget: 1, undo: 1, help: 1, start: 1, confirm: 1, cancel: 1, keep: 1, rename: 1, detail: 1, cards: 1, birthday: 1, address: 1,
  calendar: 1, caldav: 1, mail: 1, sourceOption: 1, sources: 1, disconnect: 1, sync: 1,
} satisfies Record<Intent, 1>));
const CODES = new Set(Object.keys({
  empty: 1, too_long: 1, not_understood: 1, unknown_command: 1, missing_name: 1, missing_other: 1, missing_note: 1,
  missing_date: 1, bad_date: 1, date_in_past: 1, date_in_future: 1, bad_tier: 1, tier_without_cadence: 1, bad_cadence: 1,
  bad_setting: 1, bad_time: 1, bad_timezone: 1, bad_days: 1, bad_count: 1, bad_language: 1, bad_holidays: 1, bad_format: 1,
  missing_value: 1, impossible_date: 1, month_needed: 1, bad_range: 1, bad_email: 1, bad_phone: 1, bad_address: 1,
  bad_birthday: 1,
  bad_source: 1,
} satisfies Record<ParseErrorCode, 1>));

describe('input bounds', () => {
  it('an empty or blank message is refused as empty', () => {
    expect(refusal('')).toEqual({ error: 'empty', params: {} });
    expect(refusal(' \n\t\u00a0\u2003 ').error).toBe('empty');
  });

  it(`a message longer than ${MAX_COMMAND_LENGTH} characters is refused before any date parsing`, () => {
    const long = `/met Anna ${'gestern am Freitag '.repeat(40)}`;
    expect(refusal(long)).toMatchObject({ error: 'too_long', params: { max: String(MAX_COMMAND_LENGTH) } });
  });

  it('whitespace runs are collapsed before the length is measured', () => {
    expect(command(`/met${' \u00a0\t'.repeat(1000)}Anna${'\n'.repeat(1000)}yesterday`, 'met')).toMatchObject({ name: 'Anna', date: '2026-11-22' });
  });

  it('a message of exactly the limit is read', () => {
    const text = `/find ${'x'.repeat(MAX_COMMAND_LENGTH - 6)}`;
    expect(text).toHaveLength(MAX_COMMAND_LENGTH);
    command(text, 'find');
  });

  it('words that name Object.prototype members are just words', () => {
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(refusal(word).error).toBe('not_understood');
      expect(refusal(`/${word}`).error).toBe('unknown_command');
      expect(refusal(`/export ${word}`).error).toBe('bad_format');
    }
  });

  it('warming up parses without a clock and without throwing', () => {
    expect(() => warmUpParser()).not.toThrow();
  });
});

function wellFormed(text: string): boolean {
  const result = parseCommand(text, BERLIN);
  if ('error' in result) {
    return CODES.has(result.error) && result.params['reason'] !== 'internal' && Object.values(result.params).every((v) => typeof v === 'string');
  }
  return INTENTS.has(result.intent);
}

const PREFIXES = ['', '/', '/met ', 'met ', '/snooze ', '/settings ', '/settings days ', '/every ', '/remind ', 'called ', 'mit ', 'done ', '/export ', '/tier ', '/intro '];
const PIECES = [
  ' ', '  ', '\u00a0', '\u2003', '\u3000', '\t', '\n', '\r\n', '\u200b', '\u200f', '\u202e', '\u0000', '\u001b', '#', ',', ':', '-', '/', '@', '.',
  'Müller', 'gestern', 'am', 'letzten', 'Freitag', 'Mo', 'so', 'bis', '3.', '10.', 'Januar', 'at the', 'auf der', 'tier', 'Stufe', 'A', 'Z',
  'yesterday', 'last', 'Friday', 'until', '2 weeks', 'ago', 'every', 'monthly', 'mon-fri', '8:30', 'pm', '👍', '🇩🇪', '👨‍👩‍👧', 'שלום', 'مرحبا', '\ud800', '\udfff',
];

describe('the parser never throws', () => {
  it('for any string of any code point, up to 5,000 characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 5000 }), wellFormed), { numRuns: 200 });
  });

  it('for any string of UTF-16 code units, lone surrogates included', () => {
    const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(fc.property(fc.string({ unit, maxLength: 600 }), wellFormed), { numRuns: 200 });
  });

  it('for emoji, RTL text and grapheme clusters', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), wellFormed), { numRuns: 200 });
  });

  it('for command-shaped text built from the words the parser looks for', () => {
    const text = fc
      .tuple(fc.constantFrom(...PREFIXES), fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }))
      .map(([prefix, pieces]) => prefix + pieces.join(' '));
    fc.assert(fc.property(text, wellFormed), { numRuns: 500 });
  });

  it('for long runs of German whitespace and words', () => {
    const text = fc.array(fc.constantFrom(' ', '\u00a0', '\u2003', '\t', '\n', 'Müller', 'gestern', 'am', 'Freitag', '3.', 'Januar'), { maxLength: 2500 }).map((a) => a.join(''));
    fc.assert(fc.property(text, wellFormed), { numRuns: 100 });
  });
});
