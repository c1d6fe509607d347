/**
 * The logs as an operator reads them: one JSON object per line, each update's
 * lines carrying its request id and platform, each scheduler tick's lines its
 * tick id — and never a contact's name or a note the user typed, not even
 * when handling fails with an error that quotes them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createConversation } from '../../src/bot/conversation.ts';
import { createLogger, safeError, secretWords } from '../../src/log.ts';
import { startScheduler } from '../../src/scheduler/scheduler.ts';
import type { Database } from '../../src/store/db.ts';
import { testDatabase } from '../doubles/database.ts';
import { blocked, FakeMessenger } from '../doubles/messenger.ts';
import { until } from '../telegram/harness.ts';
import { failingInsertsInto, MONDAY, telegramText } from './helpers.ts';

type Line = Record<string, unknown> & { level: number; time: number; msg: string };

/** A logger as main.ts makes it, writing to an array instead of stderr. */
function capture(level = 'debug') {
  const raw: string[] = [];
  const log = createLogger(level, { write: (line: string) => void raw.push(line) });
  return { log, raw, lines: () => raw.map((line) => JSON.parse(line) as Line) };
}

let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

describe('logs', () => {
  it('are one JSON object per line, and every handled update carries its request id and platform', async () => {
    database = await testDatabase();
    const { log, raw, lines } = capture();
    const bot = createConversation({ db: database.db, log });
    await bot.handle(telegramText('5001', '/add Anna Schmidt, tier A', '7001'), MONDAY);
    await bot.handle({ ...telegramText('5001', '/help'), from: { platform: 'console', teamId: '', userId: 'me' } }, MONDAY);
    await bot.handle({ ...telegramText('5001', '/today'), from: { platform: 'console', teamId: '', userId: 'me' } }, MONDAY);

    expect(raw.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
    const handled = lines().filter((l) => l.msg === 'update handled');
    expect(handled).toHaveLength(3);
    for (const line of handled) {
      expect(line).toMatchObject({ level: 20, app: 'keepwarm', outcome: 'handled' });
      expect(typeof line.time).toBe('number');
      expect(typeof line.ms).toBe('number');
    }
    expect(handled[0]).toMatchObject({ reqId: '7001', platform: 'telegram', intent: 'add' });
    // No event id (the console): a short random id, a new one for each update.
    expect(handled[1]).toMatchObject({ platform: 'console', intent: 'help' });
    expect(handled[1]!.reqId).toMatch(/^[\w-]{8}$/);
    expect(handled[2]!.reqId).toMatch(/^[\w-]{8}$/);
    expect(handled[2]!.reqId).not.toBe(handled[1]!.reqId);
  });

  it('never contain a name or a note the user typed, even when handling fails with an error that quotes them', async () => {
    database = await testDatabase();
    const { log, raw, lines } = capture();
    await createConversation({ db: database.db, log }).handle(telegramText('5001', '/add Zelda Quux, tier A', 'e1'), MONDAY);
    const noNotes = createConversation({ db: database.db.withPlugin(failingInsertsInto('notes')), log });
    const noContacts = createConversation({ db: database.db.withPlugin(failingInsertsInto('contacts')), log });

    const apology = await noNotes.handle(telegramText('5001', '/note Zelda Quux: loves sailing on Lake Constance', 'e2'), MONDAY);
    expect(apology).toHaveLength(1);
    await noContacts.handle(telegramText('5001', '/met Yorick Plimpton at Hafenfest Kiel, tier B', 'e3'), MONDAY);

    const failures = lines().filter((l) => l.level === 50);
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatchObject({ msg: 'handling a message failed', reqId: 'e2', platform: 'telegram', intent: 'note' });
    expect(failures[1]).toMatchObject({ reqId: 'e3', intent: 'met' });
    for (const failure of failures) {
      const err = failure.err as Record<string, unknown>;
      // What an operator needs: what kind of error, its code, where it happened.
      expect(err).toMatchObject({ type: 'Error', code: 'TEST_REFUSED' });
      expect(err.message).toMatch(/^insert refused: /);
      expect(err.stack).toMatch(/^\s+at /);
      // The driver's quote of the row is left out.
      expect(err).not.toHaveProperty('detail');
    }
    const all = raw.join('').toLowerCase();
    for (const secret of ['zelda', 'quux', 'sailing', 'constance', 'yorick', 'plimpton', 'hafenfest', 'kiel']) expect(all).not.toContain(secret);
  });

  it('carry a tick id on every line of a scheduler tick, the sender\'s included', async () => {
    database = await testDatabase();
    const { log, lines } = capture('warn');
    await createConversation({ db: database.db }).handle(telegramText('5001', '/add Anna Schmidt, tier A, last talked 3 months ago', 'e1'), MONDAY);
    const messenger = new FakeMessenger('telegram');
    messenger.failNext('5001', blocked());
    const scheduler = startScheduler({ db: database.db, messengers: [messenger], log, now: () => new Date('2026-11-24T08:00:00Z') });
    try {
      await until(() => lines().some((l) => l.msg === 'nudges planned and sent'), 'a tick to plan and send');
    } finally {
      await scheduler.stop();
    }
    const blockedLine = lines().find((l) => l.msg.startsWith('the user blocked the bot'))!;
    const summary = lines().find((l) => l.msg === 'nudges planned and sent')!;
    expect(blockedLine.tickId).toMatch(/^[\w-]{8}$/);
    expect(summary.tickId).toBe(blockedLine.tickId);
  });
});

describe('safeError', () => {
  it('keeps the type, the code and the frames; blanks out the words given, accents folded too; drops other fields', () => {
    const error = Object.assign(new Error('duplicate key: (name)=(Jürgen Müller) for Jurgen Muller'), { code: '23505', detail: 'Key (name)=(Jürgen Müller) already exists.', constraint: 'contacts_name' });
    const safe = safeError(error, secretWords('/met Jürgen Müller')) as Record<string, unknown>;
    expect(safe).toMatchObject({ type: 'Error', code: '23505', constraint: 'contacts_name' });
    expect(safe.message).toBe('duplicate key: (name)=(… …) for … …');
    expect(safe).not.toHaveProperty('detail');
    expect(String(safe.stack)).not.toContain('duplicate key');
  });

  it('follows the cause, and leaves values that are not errors alone', () => {
    const error = new Error('outer', { cause: Object.assign(new Error('inner Anna'), { code: 'ECONNRESET' }) });
    expect(safeError(error, ['Anna'])).toMatchObject({ message: 'outer', cause: { message: 'inner …', code: 'ECONNRESET' } });
    expect(safeError({ already: 'safe' })).toEqual({ already: 'safe' });
  });
});
