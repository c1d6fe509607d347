/**
 * Webhook mode (TELEGRAM_WEBHOOK_URL): setWebhook with a secret token at
 * start, and only requests carrying that secret reach the bot.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/bot/conversation.ts';
import { deriveWebhookSecret } from '../../adapters/telegram/config.ts';
import { tgUser } from '../doubles/fake-telegram.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
afterEach(async () => h?.close());

const ada = tgUser(1001, 'Ada', { language_code: 'en' });
const WEBHOOK = { TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/telegram/hook', TELEGRAM_WEBHOOK_PORT: '0', TELEGRAM_WEBHOOK_HOST: '127.0.0.1' };

async function startWebhook(env: Record<string, string> = {}) {
  let handled = 0;
  const counting = (conversation: Conversation): Pick<Conversation, 'handle'> => ({
    handle(incoming, now) {
      handled++;
      return conversation.handle(incoming, now);
    },
  });
  h = await startHarness({ env: { ...WEBHOOK, ...env }, wrap: counting });
  return { handled: () => handled };
}

function post(body: unknown, headers: Record<string, string> = {}, path = '/telegram/hook') {
  return fetch(`http://127.0.0.1:${h.runtime.webhookPort}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('webhook mode', () => {
  it('sets the webhook with a secret token derived from the bot token, and does not poll', async () => {
    await startWebhook();
    expect(h.fake.webhook).toEqual({
      url: 'https://bot.example.com/telegram/hook',
      secret_token: deriveWebhookSecret(h.fake.token),
      allowed_updates: ['message', 'callback_query', 'channel_post', 'my_chat_member'],
    });
    expect(h.fake.calls.map((c) => c.method)).not.toContain('getUpdates');
  });

  it('an update with the right secret is handled and answered; the same update again is answered once', async () => {
    const { handled } = await startWebhook({ TELEGRAM_WEBHOOK_SECRET: 'right-secret_1' });
    expect(h.fake.webhook!.secret_token).toBe('right-secret_1');
    const update = h.fake.push(h.fake.text(ada, '/met Anna Schmidt at Expo'));
    const response = await post(update, { 'X-Telegram-Bot-Api-Secret-Token': 'right-secret_1' });
    expect(response.status).toBe(200);
    expect(handled()).toBe(1);
    expect(h.fake.ok('sendMessage')).toHaveLength(1);
    expect(h.fake.ok('sendMessage')[0]!.text).toContain('Met <b>Anna Schmidt</b>');
    // Telegram retries a webhook delivery it thinks failed.
    expect((await post(update, { 'X-Telegram-Bot-Api-Secret-Token': 'right-secret_1' })).status).toBe(200);
    expect(h.fake.ok('sendMessage')).toHaveLength(1);
  });

  it.each([
    ['a wrong secret', { 'X-Telegram-Bot-Api-Secret-Token': 'wrong-secret' }],
    ['no secret', {}],
  ])('%s gets 401 and never reaches the bot', async (_name, headers) => {
    const { handled } = await startWebhook({ TELEGRAM_WEBHOOK_SECRET: 'right-secret_1' });
    const update = h.fake.push(h.fake.text(ada, '/met Mallory at Expo'));
    const response = await post(update, headers);
    expect(response.status).toBe(401);
    expect(handled()).toBe(0);
    expect(h.fake.calls.map((c) => c.method)).not.toContain('sendMessage');
    expect(h.database.sqlite!.prepare('select count(*) as n from inbound_events').get()).toEqual({ n: 0 });
    expect(h.database.sqlite!.prepare('select count(*) as n from users').get()).toEqual({ n: 0 });
  });

  it('other paths and methods, and bodies that are not updates, are refused', async () => {
    const secret = { 'X-Telegram-Bot-Api-Secret-Token': deriveWebhookSecret('123:abc') };
    const { handled } = await startWebhook();
    expect((await post({ update_id: 1 }, secret, '/elsewhere')).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${h.runtime.webhookPort}/telegram/hook`)).status).toBe(405);
    expect((await post({ hello: 'world' }, secret)).status).toBe(400);
    expect(handled()).toBe(0);
  });

  it('stops cleanly: the port is closed afterwards', async () => {
    await startWebhook();
    const port = h.runtime.webhookPort;
    await h.stopAdapter();
    await expect(fetch(`http://127.0.0.1:${port}/telegram/hook`, { method: 'POST', body: '{}' })).rejects.toThrow();
  });
});
