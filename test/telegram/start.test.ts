/**
 * Starting against a Bot API that does not answer (issue 16): keepwarm says
 * so in the log at once, gives up after the documented minute (here
 * shortened), and a SIGTERM meanwhile ends it cleanly with exit 0.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { telegramConfig } from '../../adapters/telegram/config.ts';
import { startTelegram } from '../../adapters/telegram/start.ts';
import { createConversation } from '../../src/bot/conversation.ts';
import { openSqlite } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { FakeTelegram, faults } from '../doubles/fake-telegram.ts';
import { startKeepwarm, stopAll } from '../doubles/keepwarm-process.ts';
import { capturingLog, FAST, tempDir, until } from './harness.ts';

let fake: FakeTelegram;
const dir = tempDir();
beforeAll(async () => {
  fake = await FakeTelegram.start();
});
afterEach(() => {
  stopAll();
  fake.clearFaults();
});
afterAll(async () => {
  await fake.close();
  dir.remove();
});

describe('start-up against a Bot API that does not answer', () => {
  it('logs that it is unreachable at the first failure and gives up after startRetrySeconds', async () => {
    fake.fail('getMe', faults.drop(), 1000);
    const database = openSqlite(':memory:');
    await migrateToLatest(database.db);
    const log = capturingLog();
    const config = telegramConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot }, { ...FAST, startRetrySeconds: 2 })!;
    try {
      await expect(startTelegram({ conversation: createConversation({ db: database.db }), db: database.db, log, config })).rejects.toThrow(/Bot API .*not reachable/);
    } finally {
      await database.close();
    }
    const warnings = log.entries.filter((e) => e.message === 'telegram: the Bot API is not reachable yet; retrying');
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    // Every try was a getMe; none after giving up.
    const tries = fake.calls.filter((c) => c.method === 'getMe').length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.calls.filter((c) => c.method === 'getMe').length).toBe(tries);
  });

  it('ends with exit 0 on SIGTERM while it waits for the Bot API', async () => {
    fake.fail('getMe', faults.drop(), 100_000);
    const keepwarm = startKeepwarm({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_URL: `${dir.path}/start.db` });
    await until(() => keepwarm.logs().some((l) => l.msg === 'telegram: the Bot API is not reachable yet; retrying'), 'the first failure to be logged', 40_000);
    keepwarm.child.kill('SIGTERM');
    expect(await keepwarm.exit).toEqual({ code: 0, signal: null });
    expect(keepwarm.logs().some((l) => l.msg === 'keepwarm stopping')).toBe(true);
  }, 90_000);
});
