/**
 * Where keepwarm already serves HTTP, the ops endpoints live on the same
 * port: bolt's HTTP receiver (Slack over HTTP) and the Telegram webhook
 * server. The platform's own requests work as before and are counted.
 */
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { telegramConfig } from '../../adapters/telegram/config.ts';
import { startTelegram, type TelegramRuntime } from '../../adapters/telegram/start.ts';
import { startSlack, type RunningSlack } from '../../adapters/slack/start.ts';
import { createConversation } from '../../src/bot/conversation.ts';
import { createOps, type Ops } from '../../src/ops/endpoints.ts';
import type { Database } from '../../src/store/db.ts';
import { testDatabase } from '../doubles/database.ts';
import { FakeSlack } from '../doubles/fake-slack.ts';
import { FakeTelegram, tgUser } from '../doubles/fake-telegram.ts';
import { SlackSender } from '../doubles/slack-requests.ts';
import { capturingLog, FAST } from '../telegram/harness.ts';
import { sample } from './helpers.ts';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function opsOnDatabase(): Promise<{ ops: Ops; database: Database }> {
  const database = await testDatabase();
  cleanup.push(() => database.close());
  return { ops: createOps({ db: database.db, metrics: { defaultMetrics: false } }), database };
}

async function get(port: number, path: string) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, body: await response.text() };
}

describe('on the Slack HTTP receiver', () => {
  async function startSlackWithOps(): Promise<{ slack: RunningSlack; ops: Ops; sender: SlackSender; fake: FakeSlack }> {
    const fake = await FakeSlack.start();
    cleanup.push(() => fake.stop());
    const team = fake.addTeam({ id: 'T1', token: 'xoxb-t1' });
    const { ops, database } = await opsOnDatabase();
    const log = pino({ level: 'silent' });
    const bot = createConversation({ db: database.db, log, observer: ops.metrics });
    const slack = await startSlack({
      conversation: bot,
      db: database.db,
      log,
      routes: ops.routes,
      config: { mode: 'http', auth: { kind: 'token', botToken: team.token }, signingSecret: 'secret', appToken: undefined, port: 0, apiUrl: fake.apiUrl, sendPerSecond: 50, apiRetries: 0 },
    });
    cleanup.push(() => slack.stop());
    return { slack, ops, fake, sender: new SlackSender(`http://127.0.0.1:${slack.port}`, 'secret', fake) };
  }

  it('serves /healthz, /readyz and /metrics next to /slack/events, and counts the commands it handles', async () => {
    const { slack, ops, sender, fake } = await startSlackWithOps();
    expect(slack.servesRoutes).toBe(true);
    expect(await get(slack.port!, '/healthz')).toEqual({ status: 200, body: 'ok\n' });
    expect(await get(slack.port!, '/readyz')).toEqual({ status: 200, body: '{"status":"ready"}\n' });

    const { response, responseUrl } = await sender.command('T1', 'U1', '/help', '');
    expect(response.status).toBe(200);
    await fake.waitFor(() => fake.responses.find((r) => r.path === responseUrl), 'the answer to /help');
    const metrics = await get(slack.port!, '/metrics');
    expect(metrics.status).toBe(200);
    expect(sample(metrics.body, 'keepwarm_updates_total{platform="slack",outcome="handled"}')).toBe(1);
    expect(sample(metrics.body, 'keepwarm_command_duration_seconds_count{intent="help"}')).toBe(1);

    ops.beginShutdown();
    expect((await get(slack.port!, '/readyz')).status).toBe(503);
    expect((await get(slack.port!, '/healthz')).status).toBe(200);
  });

  it('are not served in Socket Mode with one bot token, where bolt runs no HTTP server: main starts its own then', async () => {
    const fake = await FakeSlack.start();
    cleanup.push(() => fake.stop());
    fake.addTeam({ id: 'T1', token: 'xoxb-t1' });
    const socket = fake.socketMode();
    const { ops, database } = await opsOnDatabase();
    const log = pino({ level: 'silent' });
    const slack = await startSlack({
      conversation: createConversation({ db: database.db, log }),
      db: database.db,
      log,
      routes: ops.routes,
      config: { mode: 'socket', auth: { kind: 'token', botToken: 'xoxb-t1' }, signingSecret: undefined, appToken: 'xapp-test', port: 0, apiUrl: fake.apiUrl, sendPerSecond: 50, apiRetries: 0 },
    });
    cleanup.push(() => slack.stop());
    await socket.ready;
    expect(slack.servesRoutes).toBe(false);
    expect(slack.port).toBeUndefined();
  });

  it('leaves every other path to bolt', async () => {
    const { slack } = await startSlackWithOps();
    expect((await get(slack.port!, '/nowhere')).status).toBe(404);
  });
});

describe('on the Telegram webhook server', () => {
  async function startWebhookWithOps(): Promise<{ runtime: TelegramRuntime; ops: Ops; fake: FakeTelegram; secret: string }> {
    const fake = await FakeTelegram.start();
    cleanup.push(() => fake.close());
    const { ops, database } = await opsOnDatabase();
    const secret = 'webhook-secret_1';
    const config = telegramConfig(
      {
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/telegram/hook',
        TELEGRAM_WEBHOOK_PORT: '0',
        TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
        TELEGRAM_WEBHOOK_SECRET: secret,
      },
      FAST,
    )!;
    const log = capturingLog();
    const bot = createConversation({ db: database.db, log, observer: ops.metrics });
    const runtime = await startTelegram({ conversation: bot, db: database.db, log, config, routes: ops.routes });
    cleanup.push(() => runtime.stop());
    return { runtime, ops, fake, secret };
  }

  it('serves /healthz, /readyz and /metrics without the secret, while updates still need it', async () => {
    const { runtime, fake, secret } = await startWebhookWithOps();
    const port = runtime.webhookPort!;
    expect(runtime.servesRoutes).toBe(true);
    expect(await get(port, '/healthz')).toEqual({ status: 200, body: 'ok\n' });
    expect(await get(port, '/readyz')).toEqual({ status: 200, body: '{"status":"ready"}\n' });

    const update = fake.push(fake.text(tgUser(1001, 'Ada', { language_code: 'en' }), '/help'));
    const post = (headers: Record<string, string>) =>
      fetch(`http://127.0.0.1:${port}/telegram/hook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(update) });
    expect((await post({})).status).toBe(401);
    expect((await post({ 'X-Telegram-Bot-Api-Secret-Token': secret })).status).toBe(200);

    const metrics = await get(port, '/metrics');
    expect(sample(metrics.body, 'keepwarm_updates_total{platform="telegram",outcome="handled"}')).toBe(1);
    expect(sample(metrics.body, 'keepwarm_command_duration_seconds_count{intent="help"}')).toBe(1);
    expect((await get(port, '/elsewhere')).status).toBe(404);
  });

  it('does not serve them when polling: main starts its own server then', async () => {
    const fake = await FakeTelegram.start();
    cleanup.push(() => fake.close());
    const { ops, database } = await opsOnDatabase();
    const config = telegramConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot }, FAST)!;
    const log = capturingLog();
    const runtime = await startTelegram({ conversation: createConversation({ db: database.db }), db: database.db, log, config, routes: ops.routes });
    cleanup.push(() => runtime.stop());
    expect(runtime.servesRoutes).toBe(false);
    expect(runtime.webhookPort).toBeUndefined();
  });
});
