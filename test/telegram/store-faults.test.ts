/**
 * The Telegram adapter while the database cannot take an update (a full disk,
 * through SQLite's max_page_count): the user hears so once, and the update is
 * refused so Telegram delivers it again — by long polling, its offset is not
 * confirmed; by webhook, the answer is 503. Once there is room it is handled,
 * once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fillDatabase } from '../doubles/full-database.ts';
import { tgUser } from '../doubles/fake-telegram.ts';
import { startHarness, tempDir, until, type Harness } from './harness.ts';

let h: Harness | undefined;
const dir = tempDir();
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ada = tgUser(1001, 'Ada', { language_code: 'en' });
const NOTE = 'likes sailing and long stories about regattas '.repeat(9).trim();
const WEBHOOK = { TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/telegram/hook', TELEGRAM_WEBHOOK_PORT: '0', TELEGRAM_WEBHOOK_HOST: '127.0.0.1' };

const texts = (harness: Harness) => harness.fake.ok('sendMessage').map((m) => String(m.text));
const userNotes = (harness: Harness) => (harness.database.sqlite!.prepare(`select count(*) as n from notes where text like 'likes%'`).get() as { n: number }).n;

describe('a full disk on Telegram', () => {
  it('by long polling: one "cannot save" answer, the update stays unconfirmed and is fetched again, then handled once when there is room', async () => {
    h = await startHarness({ databaseFile: `${dir.path}/polling-${Date.now()}.db` });
    await h.deliver(h.fake.text(ada, '/add Anna Schmidt, tier A'));
    const { room } = fillDatabase(h.database.sqlite!, NOTE.length);

    const update = h.fake.push(h.fake.text(ada, `/note Anna ${NOTE}`));
    await until(() => texts(h!).some((t) => t.includes('I cannot save right now')), 'the answer', 15_000);
    // Refused: not confirmed, so Telegram hands it out again (after a pause).
    await until(() => (h!.fake.fetched.get(update) ?? 0) >= 2, 'the update to be fetched again', 15_000);
    expect(h.fake.pending).toContain(update);
    expect(h.fake.confirmedOffset).toBeLessThanOrEqual(update.update_id);
    expect(texts(h).filter((t) => t.includes('I cannot save right now'))).toHaveLength(1);
    expect(h.log.entries.some((e) => e.level === 'warn' && JSON.stringify(e).includes('database or disk is full'))).toBe(true);

    room();
    await until(() => texts(h!).some((t) => t.includes('Note on <b>Anna Schmidt</b>')), 'the note to be saved', 30_000);
    await until(() => !h!.fake.pending.includes(update), 'the update to be confirmed', 15_000);
    expect(userNotes(h)).toBe(1);
    expect(texts(h).filter((t) => t.includes('Note on'))).toHaveLength(1);
  }, 60_000);

  it('by webhook: 503 with one "cannot save" answer, and 200 with the note saved once when it comes again with room', async () => {
    h = await startHarness({ databaseFile: `${dir.path}/webhook-${Date.now()}.db`, env: WEBHOOK });
    const post = (body: unknown) =>
      fetch(`http://127.0.0.1:${h!.runtime.webhookPort}/telegram/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': h!.fake.webhook!.secret_token! },
        body: JSON.stringify(body),
      });
    expect((await post(h.fake.push(h.fake.text(ada, '/add Anna Schmidt, tier A')))).status).toBe(200);
    const { room } = fillDatabase(h.database.sqlite!, NOTE.length);
    const update = h.fake.push(h.fake.text(ada, `/note Anna ${NOTE}`));
    expect((await post(update)).status).toBe(503);
    expect((await post(update)).status).toBe(503);
    expect(texts(h).filter((t) => t.includes('I cannot save right now'))).toHaveLength(1);
    room();
    expect((await post(update)).status).toBe(200);
    expect((await post(update)).status).toBe(200);
    expect(userNotes(h)).toBe(1);
    expect(texts(h).filter((t) => t.includes('Note on'))).toHaveLength(1);
  }, 60_000);
});
