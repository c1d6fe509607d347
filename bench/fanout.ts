/**
 * Issue 4's fan-out benchmark: the morning nudge of 3,000 Telegram users
 * through the real scheduler and the real grammY messenger, against a fake
 * Bot API that refuses (429) anything beyond 300 messages a second.
 * Efficiency = ideal time (3,000 / 300 s) / actual time; lost and doubled
 * messages are counted at the fake and must both be 0.
 */
import { performance } from 'node:perf_hooks';
import { rmSync } from 'node:fs';
import { telegramConfig } from '../adapters/telegram/config.ts';
import { startTelegram } from '../adapters/telegram/start.ts';
import { createConversation } from '../src/bot/conversation.ts';
import { createScheduler } from '../src/scheduler/scheduler.ts';
import { openSqlite } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { FakeTelegram } from '../test/doubles/fake-telegram.ts';
import { heading, table } from './lib.ts';
import { addDueUsers } from '../test/doubles/due-users.ts';

const USERS = 3000;
const PLATFORM_LIMIT = 300;
const FILE = 'bench/out/fanout.db';

async function run(sendRate: number): Promise<string[]> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${FILE}${suffix}`, { force: true });
  const database = openSqlite(FILE);
  await migrateToLatest(database.db);
  await addDueUsers(database.db, { count: USERS, userId: (k) => String(100_000 + k) });
  const fake = await FakeTelegram.start({ sendLimitPerSecond: PLATFORM_LIMIT });
  const log = { info: () => undefined, warn: () => undefined, error: (fields: object, message: string) => console.error(message, fields) };
  const config = telegramConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_SEND_RATE: `${sendRate},1` }, { pollTimeoutSeconds: 1 })!;
  const telegram = await startTelegram({ conversation: createConversation({ db: database.db }), db: database.db, log, config });
  const scheduler = createScheduler({ db: database.db, messengers: [telegram.messenger] });

  const started = performance.now();
  let { send } = await scheduler.tick();
  let sent = send.sent;
  let retried = send.retried;
  // Messages refused with 429 come back after retry_after; tick until the outbox is empty.
  for (let rounds = 0; sent < USERS && rounds < 200; rounds++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    ({ send } = await scheduler.tick());
    sent += send.sent;
    retried += send.retried;
  }
  const seconds = (performance.now() - started) / 1000;

  const perChat = new Map<number, number>();
  for (const message of fake.ok('sendMessage')) perChat.set(Number(message.chat_id), (perChat.get(Number(message.chat_id)) ?? 0) + 1);
  let lost = 0;
  let doubled = 0;
  for (let k = 0; k < USERS; k++) {
    const n = perChat.get(100_000 + k) ?? 0;
    if (n === 0) lost++;
    if (n > 1) doubled++;
  }
  const refused = fake.calls.filter((c) => c.method === 'sendMessage' && c.errorCode === 429).length;
  await telegram.stop();
  await fake.close();
  await database.close();
  const ideal = USERS / PLATFORM_LIMIT;
  return [`${sendRate}/s`, `${seconds.toFixed(2)} s`, `${ideal.toFixed(2)} s`, (ideal / seconds).toFixed(2), String(refused), String(retried), String(lost), String(doubled)];
}

export async function benchFanout(): Promise<void> {
  heading(`nudge fan-out: ${USERS.toLocaleString('en')} Telegram users, real scheduler and grammY messenger, fake Bot API refusing more than ${PLATFORM_LIMIT} messages a second`);
  const rows = [['keepwarm paces at', 'actual', 'ideal', 'efficiency', '429s', 'retried', 'lost', 'doubled']];
  // At the platform's own figure, and just below it as an operator would set it.
  for (const rate of [PLATFORM_LIMIT, Math.round(PLATFORM_LIMIT * 0.97)]) rows.push(await run(rate));
  console.log(table(rows));
  console.log('aim: efficiency >= 0.9 with 0 lost and 0 doubled');
}
