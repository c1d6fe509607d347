/**
 * Every message of the command corpus (test/fixtures/commands.jsonl, copied
 * from the shared corpus and extended) read with now = Monday 2026-11-23
 * 10:00 in Berlin, in both languages: each field of `expect` must match.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isParseError } from '../../src/commands/command.ts';
import type { Command, ParseContext } from '../../src/commands/command.ts';
import { parseCommand } from '../../src/commands/parse.ts';

interface Case {
  text: string;
  expect: Record<string, unknown>;
}

const FIXTURE = new URL('../fixtures/commands.jsonl', import.meta.url);
const cases: Case[] = readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Case);

const NOW = new Date('2026-11-23T09:00:00Z');

// Corpus field → Command field, where the names differ.
const FIELD: Record<string, string> = { cadence_days: 'cadenceDays' };

function check(command: Command, expected: Record<string, unknown>): void {
  const actual = command as unknown as Record<string, unknown>;
  for (const [field, want] of Object.entries(expected)) {
    if (field === 'error') continue;
    if (field === 'note_contains') {
      expect(String(actual['note'] ?? ''), 'note').toContain(want);
      continue;
    }
    const key = FIELD[field] ?? field;
    if (want === null) expect(actual[key], key).toBeUndefined();
    else expect(actual[key], key).toEqual(want);
  }
}

describe.each(['en', 'de'] as const)('the command corpus, read in %s', (language) => {
  const ctx: ParseContext = { now: NOW, timeZone: 'Europe/Berlin', language };
  it.each(cases)('$text', ({ text, expect: expected }) => {
    const result = parseCommand(text, ctx);
    if (expected['error'] === true) {
      expect(isParseError(result), JSON.stringify(result)).toBe(true);
      return;
    }
    if (isParseError(result)) throw new Error(`refused: ${JSON.stringify(result)}`);
    check(result, expected);
  });
});
