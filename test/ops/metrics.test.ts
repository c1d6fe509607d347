/**
 * /metrics after real work: the bot and the scheduler report to the metrics
 * observer, the outbox depth is counted from the database, and no label ever
 * carries a user id or a name.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createConversation } from '../../src/bot/conversation.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import type { Database } from '../../src/store/db.ts';
import { testDatabase } from '../doubles/database.ts';
import { FakeMessenger, rateLimited } from '../doubles/messenger.ts';
import { failingInsertsInto, MONDAY, sample, telegramText } from './helpers.ts';

let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

describe('metrics', () => {
  it('count updates by platform and outcome, time commands by intent, and follow a scheduler tick', async () => {
    database = await testDatabase();
    const metrics = createMetrics({ db: database.db, depthCacheMs: 0 });
    const bot = createConversation({ db: database.db, observer: metrics });

    await bot.handle(telegramText('5001', '/add Anna Schmidt, tier A, last talked 3 months ago', 'u1'), MONDAY);
    // Telegram delivers the same update again.
    await bot.handle(telegramText('5001', '/add Anna Schmidt, tier A, last talked 3 months ago', 'u1'), MONDAY);
    await bot.handle(telegramText('5002', '/add Bob Meyer, tier A, last talked 4 months ago', 'u2'), MONDAY);
    await bot.handle(telegramText('5001', 'blorp', 'u3'), MONDAY);
    const { text: _typed, ...press } = telegramText('5001', '', 'u4');
    await bot.handle({ ...press, action: 'not-a-known-button' }, MONDAY);
    const broken = createConversation({ db: database.db.withPlugin(failingInsertsInto('contacts')), observer: metrics });
    const apology = await broken.handle(telegramText('5003', '/add Carla Rossi, tier B', 'u5'), MONDAY);
    expect(apology).toHaveLength(1);

    const messenger = new FakeMessenger('telegram');
    messenger.failNext('5002', rateLimited(1500));
    const scheduler = createScheduler({ db: database.db, messengers: [messenger], now: () => new Date('2026-11-24T08:00:00Z'), observer: metrics });
    const { plan, send } = await scheduler.tick();
    expect(plan.planned).toBe(2);
    expect(send).toMatchObject({ sent: 1, retried: 1 });

    const text = await metrics.text();
    expect(sample(text, 'keepwarm_updates_total{platform="telegram",outcome="handled"}')).toBe(4);
    expect(sample(text, 'keepwarm_updates_total{platform="telegram",outcome="duplicate"}')).toBe(1);
    expect(sample(text, 'keepwarm_updates_total{platform="telegram",outcome="failed"}')).toBe(1);
    expect(sample(text, 'keepwarm_command_duration_seconds_count{intent="add"}')).toBe(3);
    expect(sample(text, 'keepwarm_command_duration_seconds_count{intent="parse_error"}')).toBe(1);
    expect(sample(text, 'keepwarm_command_duration_seconds_count{intent="action"}')).toBe(1);
    expect(sample(text, 'keepwarm_nudges_claimed_total')).toBe(2);
    expect(sample(text, 'keepwarm_nudges_sent_total')).toBe(1);
    expect(sample(text, 'keepwarm_nudges_retried_total')).toBe(1);
    expect(sample(text, 'keepwarm_nudges_failed_total')).toBe(0);
    expect(sample(text, 'keepwarm_nudges_blocked_total')).toBe(0);
    expect(sample(text, 'keepwarm_nudges_skipped_late_total')).toBe(0);
    expect(sample(text, 'keepwarm_rate_limit_waits_total{platform="telegram"}')).toBe(1);
    expect(sample(text, 'keepwarm_rate_limit_wait_seconds_total{platform="telegram"}')).toBe(1.5);
    // Bob's nudge waits for its retry.
    expect(sample(text, 'keepwarm_outbox_depth{status="pending"}')).toBe(1);
    expect(sample(text, 'keepwarm_outbox_depth{status="sending"}')).toBe(0);
    // prom-client's process metrics.
    expect(text).toContain('process_cpu_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    // Labels never carry who or whom. (Checked without the sample values: a
    // process metric such as an event-loop lag of 0.000150016 s may hold "5001".)
    const withoutValues = text
      .split('\n')
      .map((line) => (line.startsWith('#') ? line : line.replace(/\s+\S+$/, '')))
      .join('\n');
    for (const secret of ['5001', '5002', '5003', 'Anna', 'Bob', 'Carla', 'blorp']) expect(withoutValues).not.toContain(secret);
  });

  it('count the outbox once per cache period, however often it is scraped', async () => {
    database = await testDatabase();
    const metrics = createMetrics({ db: database.db, depthCacheMs: 60_000, defaultMetrics: false });
    expect(sample(await metrics.text(), 'keepwarm_outbox_depth{status="pending"}')).toBe(0);
    const bot = createConversation({ db: database.db });
    await bot.handle(telegramText('5001', '/add Anna Schmidt, tier A, last talked 3 months ago', 'u1'), MONDAY);
    await createScheduler({ db: database.db, messengers: [], audience: [{ platform: 'telegram' }], now: () => new Date('2026-11-24T08:00:00Z') }).tick();
    // The message is in the outbox now (no messenger drains it), but the count is the cached one.
    expect(sample(await metrics.text(), 'keepwarm_outbox_depth{status="pending"}')).toBe(0);
    const fresh = createMetrics({ db: database.db, depthCacheMs: 0, defaultMetrics: false });
    expect(sample(await fresh.text(), 'keepwarm_outbox_depth{status="pending"}')).toBe(1);
  });

  it('still answer a scrape when the database is away, with the last count', async () => {
    database = await testDatabase();
    const metrics = createMetrics({ db: database.db, depthCacheMs: 0, defaultMetrics: false });
    metrics.handled('console', 'help', 'handled', 0.002);
    expect(sample(await metrics.text(), 'keepwarm_outbox_depth{status="pending"}')).toBe(0);
    await database.close();
    database = undefined;
    const text = await metrics.text();
    expect(sample(text, 'keepwarm_outbox_depth{status="pending"}')).toBe(0);
    expect(sample(text, 'keepwarm_updates_total{platform="console",outcome="handled"}')).toBe(1);
  });

  it('fold label values outside the fixed sets, so no label can grow without bound', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.handled('telegram', 'Anna Schmidt <script>', 'handled', 0.01);
    metrics.rateLimited('fax', 2000);
    const text = await metrics.text();
    expect(sample(text, 'keepwarm_command_duration_seconds_count{intent="other"}')).toBe(1);
    expect(sample(text, 'keepwarm_rate_limit_waits_total{platform="other"}')).toBe(1);
    expect(text).not.toContain('Anna');
    expect(text).not.toContain('keepwarm_outbox_depth');
  });
});
