/**
 * Console numbers stay true: a number means the button it was printed with,
 * after any other reply; an older list's numbers keep working for a day, then
 * answer that the list expired. The real console chat on the real conversation.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startConsoleChat, type ConsoleChat } from '../../adapters/console/chat.ts';
import { createConversation } from '../../src/bot/conversation.ts';
import { memoryDatabase } from '../doubles/chat.ts';

let chat: ConsoleChat | undefined;
let input: PassThrough;
afterEach(async () => {
  input?.end();
  await chat?.stop();
});

/** Tuesday 24 November 2026, 10:00 in Berlin. */
let clock = new Date('2026-11-24T09:00:00Z');

async function console() {
  const database = await memoryDatabase();
  const conversation = createConversation({ db: database.db });
  input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (d: Buffer) => (out += d.toString()));
  chat = startConsoleChat({ conversation, user: { platform: 'console', teamId: '', userId: 'eve' }, locale: 'en', timeZone: 'Europe/Berlin', input, output, interactive: false, now: () => clock });
  /** Types a line and returns what the chat printed for it (each answer ends with a blank line). */
  return async (line: string): Promise<string> => {
    const before = out.length;
    input.write(`${line}\n`);
    const end = Date.now() + 10_000;
    while (!(out.length > before && out.endsWith('\n\n'))) {
      if (Date.now() > end) throw new Error(`no answer to "${line}"; output so far:\n${out}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return out.slice(before);
  };
}

describe('console numbers', () => {
  it('a number keeps the action it was printed with after other replies, and an older list\'s numbers still work', async () => {
    clock = new Date('2026-11-24T09:00:00Z');
    const say = await console();
    await say('/add Anna Schmidt, tier A, last talked 3 months ago');
    await say('/add Bob Meyer, tier B, last talked 1 year ago');
    const list = await say('/today');
    expect(list).toContain('[1] ✅ Done: Anna Schmidt  [2] 📵 No answer  [3] ⏭ Skip');
    expect(list).toContain('[7] ✅ Done: Bob Meyer  [8] 📵 No answer  [9] ⏭ Skip');
    // A reply without buttons changes nothing about the numbers.
    expect(await say('/note Anna promoted to CFO')).toContain('Note on Anna Schmidt');
    // A new message with buttons numbers on from the last list: the tier buttons cannot steal "2".
    const met = await say('/met Tom at Hack Day');
    expect(met).toContain('[13] A  [14] B  [15] C  [16] D');
    const pressed = await say('2');
    expect(pressed).toContain('Anna Schmidt — 📵 no answer — back Fri 27 Nov');
    expect(pressed).not.toContain('tier');
    // The redrawn list is numbered on, and the first list's "7" still means Done for Bob.
    expect(await say('7')).toContain('Bob Meyer — ✅ done');
    expect(await say('13')).toContain('Tom is now tier A');
  });

  it('the next day numbering starts at 1 again, and a number only the old list had answers that it expired', async () => {
    clock = new Date('2026-11-24T09:00:00Z');
    const say = await console();
    await say('/add Anna Schmidt, tier A, last talked 3 months ago');
    await say('/add Bob Meyer, tier B, last talked 1 year ago');
    await say('/today');
    clock = new Date('2026-11-25T09:00:00Z');
    await say('/settings count 1');
    const today = await say('/today');
    expect(today).toContain('[1] ✅ Done:');
    expect(today).not.toContain('[7]');
    const expired = await say('8');
    expect(expired).toContain('Number 8 belonged to a list that has expired — nothing was changed');
    expect(await say('1')).toContain('✅ done');
  });

  it('a list shown more than a day ago answers that it expired', async () => {
    clock = new Date('2026-11-24T09:00:00Z');
    const say = await console();
    await say('/add Anna Schmidt, tier A, last talked 3 months ago');
    await say('/today');
    clock = new Date('2026-11-25T09:30:00Z');
    expect(await say('1')).toContain('Number 1 belonged to a list that has expired');
  });
});
