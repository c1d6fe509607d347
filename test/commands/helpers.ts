/** Shared reference for the command tests: Monday 2026-11-23, 10:00 in Berlin. */
import { expect } from 'vitest';
import { isParseError } from '../../src/commands/command.ts';
import type { Command, Intent, ParseContext, ParseError } from '../../src/commands/command.ts';
import { parseCommand } from '../../src/commands/parse.ts';

export const NOW = new Date('2026-11-23T09:00:00Z');
export const BERLIN: ParseContext = { now: NOW, timeZone: 'Europe/Berlin', language: 'en' };

/** Parses and insists on a Command of the given intent. */
export function command<I extends Intent>(text: string, intent: I, ctx: ParseContext = BERLIN): Extract<Command, { intent: I }> {
  const result = parseCommand(text, ctx);
  if (isParseError(result)) throw new Error(`${text} was refused: ${JSON.stringify(result)}`);
  expect(result.intent, text).toBe(intent);
  return result as Extract<Command, { intent: I }>;
}

/** Parses and insists on a refusal. */
export function refusal(text: string, ctx: ParseContext = BERLIN): ParseError {
  const result = parseCommand(text, ctx);
  if (!isParseError(result)) throw new Error(`${text} was accepted: ${JSON.stringify(result)}`);
  return result;
}
