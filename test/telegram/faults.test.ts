/**
 * When Telegram misbehaves: redelivered updates, 429 storms, 5xx, dropped
 * connections, a blocked user, a dead API, and a shutdown in the middle of an
 * update. Nothing is doubled, nothing crashes, nothing is left half-done.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/bot/conversation.ts';
import { FakeTelegram, faults, tgUser } from '../doubles/fake-telegram.ts';
import { startHarness, tempDir, until, type Harness } from './harness.ts';

let h: Harness | undefined;
let fake: FakeTelegram | undefined;
afterEach(async () => {
  await h?.close();
  await fake?.close();
  h = undefined;
  fake = undefined;
});

const ada = tgUser(1001, 'Ada', { language_code: 'en' });
const okSends = (harness: Harness, chatId?: number) =>
  harness.fake.calls.filter((c) => c.method === 'sendMessage' && c.errorCode === undefined && !c.fault && (chatId === undefined || c.payload.chat_id === chatId));

describe('redelivery', () => {
  it('an update delivered again after a restart, on the same database file, is logged once and answered once', async () => {
    const dir = tempDir();
    try {
      fake = await FakeTelegram.start();
      const databaseFile = `${dir.path}/keepwarm.db`;
      h = await startHarness({ fake, databaseFile });
      await h.deliver(fake.text(ada, '/add Bob Meyer, tier B'));
      const called = await h.deliver(fake.text(ada, "called Bob yesterday"));
      expect(okSends(h)).toHaveLength(2);
      await h.stopAdapter();

      // Telegram delivers it again (its offset was lost with a crash) to a fresh process.
      h = await startHarness({ fake, databaseFile });
      const again = await h.deliver({ ...called.update });
      expect(again.update.update_id).toBe(called.update.update_id);
      await h.deliver(fake.text(ada, '/show Bob'));
      const replies = okSends(h).map((c) => String(c.payload.text));
      expect(replies.filter((t) => t.includes('Logged a call with'))).toHaveLength(1);
      const touches = h.database.sqlite!.prepare(`select count(*) as n from touches where kind = 'call'`).get();
      expect(touches).toEqual({ n: 1 });
    } finally {
      await h?.close();
      h = undefined;
      dir.remove();
    }
  });

  it('a clean stop finishes the update in flight, then confirms the offset', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered = false;
    h = await startHarness({
      wrap: (conversation: Conversation): Pick<Conversation, 'handle'> => ({
        async handle(incoming, now) {
          entered = true;
          await held;
          return conversation.handle(incoming, now);
        },
      }),
    });
    const update = h.fake.push(h.fake.text(ada, '/met Carla Rossi at Web Summit'));
    await until(() => entered, 'the update to be in the conversation');
    let stopped = false;
    const stopping = h.runtime.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    // The reply went out and the contact was written before stop() resolved.
    expect(okSends(h)).toHaveLength(1);
    expect(h.database.sqlite!.prepare('select count(*) as n from contacts').get()).toEqual({ n: 1 });
    const last = h.fake.calls.at(-1)!;
    expect(last).toMatchObject({ method: 'getUpdates', payload: { offset: update.update_id + 1, limit: 1, timeout: 0 } });
    expect(h.fake.pending).toHaveLength(0);
  });
});

describe('rate limits and server errors on replies', () => {
  it('a 429 storm: every reply is delivered after waiting retry_after, none twice', async () => {
    h = await startHarness();
    const users = [tgUser(2001, 'A'), tgUser(2002, 'B'), tgUser(2003, 'C')];
    h.fake.fail('sendMessage', faults.tooMany(1), 5);
    for (const user of users) h.fake.push(h.fake.text(user, '/help'));
    await h.fake.waitFor('sendMessage', 3);
    await h.runtime.idle();
    expect(h.fake.calls.filter((c) => c.method === 'sendMessage' && c.errorCode === 429)).toHaveLength(5);
    for (const user of users) expect(okSends(h, user.id)).toHaveLength(1);
  });

  it('a wait longer than the bot accepts drops that reply with a log line, and the bot goes on', async () => {
    h = await startHarness();
    h.fake.fail('sendMessage', faults.tooMany(3600));
    await h.deliver(h.fake.text(ada, '/help'));
    expect(h.log.entries.some((e) => e.level === 'warn' && e.message.includes('could not be delivered'))).toBe(true);
    const { calls } = await h.deliver(h.fake.text(ada, '/help'));
    expect(calls.filter((c) => c.method === 'sendMessage' && c.errorCode === undefined)).toHaveLength(1);
  });

  it('a dropped connection is retried and the reply arrives once', async () => {
    h = await startHarness();
    h.fake.fail('sendMessage', faults.drop(), 2);
    const { calls } = await h.deliver(h.fake.text(ada, '/help'));
    expect(calls.filter((c) => c.method === 'sendMessage').map((c) => c.fault ?? 'ok')).toEqual(['drop', 'drop', 'ok']);
  });

  it('a 500 is retried with backoff and the reply arrives once', async () => {
    h = await startHarness();
    h.fake.fail('sendMessage', faults.serverError());
    const { calls } = await h.deliver(h.fake.text(ada, '/help'));
    expect(calls.filter((c) => c.method === 'sendMessage').map((c) => c.errorCode ?? 'ok')).toEqual([500, 'ok']);
  });

  it('a 403 on a reply is logged; the bot keeps answering others', async () => {
    h = await startHarness();
    h.fake.blockedChats.add(1001);
    await h.deliver(h.fake.text(ada, '/help'));
    expect(h.log.entries.some((e) => e.message.includes('blocked the bot'))).toBe(true);
    const bea = tgUser(1002, 'Bea');
    await h.deliver(h.fake.text(bea, '/help'));
    expect(okSends(h, 1002)).toHaveLength(1);
  });

  it('a callback query is answered even when the conversation fails', async () => {
    h = await startHarness({
      wrap: (): Pick<Conversation, 'handle'> => ({
        handle: () => Promise.reject(new Error('boom')),
      }),
    });
    h.fake.messages.set('1001:40', { chatId: 1001, messageId: 40, fromBot: true, text: 'Which Anna?' });
    const { calls } = await h.deliver(h.fake.press(ada, 40, 'pick:0a1b2c3d:1'));
    expect(calls.filter((c) => c.method === 'answerCallbackQuery' && c.errorCode === undefined)).toHaveLength(1);
    expect(h.log.entries.some((e) => e.level === 'error')).toBe(true);
  });
});

describe('a dead Bot API', () => {
  it('polling survives it and picks up again when it is back', async () => {
    h = await startHarness();
    await h.fake.waitFor('getUpdates');
    h.fake.down = true;
    await until(() => h!.log.entries.filter((e) => e.message.includes('getUpdates failed')).length >= 2, 'polling to fail twice');
    h.fake.down = false;
    const { calls } = await h.deliver(h.fake.text(ada, '/help'));
    expect(calls.filter((c) => c.method === 'sendMessage' && c.errorCode === undefined)).toHaveLength(1);
    expect(h.log.entries.some((e) => e.message.includes('polling recovered'))).toBe(true);
  });
});

describe('a revoked token', () => {
  it('stops polling and reports it, so the process can exit with the reason', async () => {
    const fatal: Error[] = [];
    h = await startHarness({ onFatal: (error) => fatal.push(error) });
    h.fake.fail('getUpdates', { code: 401, description: 'Unauthorized' });
    h.fake.push(h.fake.text(ada, '/help'));
    await until(() => fatal.length === 1, 'the fatal report');
    expect(h.log.entries.some((e) => e.level === 'error' && e.message.includes('refused TELEGRAM_BOT_TOKEN'))).toBe(true);
  });

  it('a token refused at start stops keepwarm with a message naming the variable', async () => {
    fake = await FakeTelegram.start();
    fake.fail('getMe', { code: 401, description: 'Unauthorized' });
    await expect(startHarness({ fake })).rejects.toThrow('TELEGRAM_BOT_TOKEN');
  });
});
