/**
 * Webhook requests that carry the right secret but no update Telegram would
 * send (issue 16): a body over 1 MB gets a 413 answer (not a reset
 * connection), an update that cannot be handled gets 400 (not 500, which
 * would make Telegram send it again and again), and the bot goes on.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { tgUser } from '../doubles/fake-telegram.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
afterEach(async () => h?.close());

const SECRET = 'hostile-secret_1';
const WEBHOOK = { TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/telegram/hook', TELEGRAM_WEBHOOK_PORT: '0', TELEGRAM_WEBHOOK_HOST: '127.0.0.1', TELEGRAM_WEBHOOK_SECRET: SECRET };

/** Posts `body` and resolves with the status, or with the error when the connection broke instead. */
function post(body: Buffer | string): Promise<{ status?: number; error?: string }> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port: h.runtime.webhookPort, path: '/telegram/hook', method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode! }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(body);
  });
}

describe('webhook requests with the right secret but no proper update', () => {
  it('a body over 1 MB is answered 413, and the next update is handled', async () => {
    h = await startHarness({ env: WEBHOOK });
    const big = Buffer.from(JSON.stringify({ update_id: 1, message: { text: 'x'.repeat(2 * 1024 * 1024) } }));
    expect(await post(big)).toEqual({ status: 413 });
    const ada = tgUser(1001, 'Ada', { language_code: 'en' });
    expect(await post(JSON.stringify({ update_id: 2, ...h.fake.text(ada, '/help') }))).toEqual({ status: 200 });
    expect(h.fake.ok('sendMessage')).toHaveLength(1);
  });

  it('a button press without `from` is answered 400, and the next update is handled', async () => {
    h = await startHarness({ env: WEBHOOK });
    const ada = tgUser(1002, 'Ada', { language_code: 'en' });
    await post(JSON.stringify({ update_id: 10, ...h.fake.text(ada, '/add Anna Schmidt') }));
    const press = h.fake.press(ada, 1, 'tier:1:A');
    delete (press.callback_query as Record<string, unknown>).from;
    expect(await post(JSON.stringify({ update_id: 11, ...press }))).toEqual({ status: 400 });
    expect(await post(JSON.stringify({ update_id: 12, ...h.fake.text(ada, '/help') }))).toEqual({ status: 200 });
  });
});
