/**
 * The scheduler's side: a nudge sent through the Telegram Messenger, answered
 * by button and by reply; the message edited to show what was logged; and
 * every failure reported as a DeliveryError the outbox can act on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/bot/conversation.ts';
import { DeliveryError, type Incoming, type Recipient, type Reply } from '../../src/port.ts';
import { b, line } from '../../src/rich.ts';
import { faults, tgUser, type Fault } from '../doubles/fake-telegram.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
afterEach(async () => h?.close());

const ada = tgUser(1001, 'Ada', { language_code: 'en' });
const toAda: Recipient = { platform: 'telegram', teamId: '', userId: '1001', chatId: '1001' };

function nudge(contactId: number, name: string): Reply {
  return {
    text: [line('📞 Time to call ', b(name), ' (A) — follow up')],
    buttons: [[{ label: '✅ Done', action: `done:${contactId}` }, { label: '💤 3 d', action: `snooze:${contactId}:3` }]],
  };
}

/**
 * Stands in for the nudge answers being built on main (issue 3): a button
 * pressed under a message is answered by editing that message. The adapter's
 * part — editMessageText on `editMessageId` — is what is tested here.
 */
function editsUnderButtons(seen: Incoming[]) {
  return (conversation: Conversation): Pick<Conversation, 'handle'> => ({
    async handle(incoming, now) {
      seen.push(incoming);
      const replies = await conversation.handle(incoming, now);
      if (incoming.action === undefined || incoming.replyToMessageId === undefined) return replies;
      const editMessageId = incoming.replyToMessageId;
      return replies.map((reply, index) => (index === 0 ? { ...reply, editMessageId } : reply));
    },
  });
}

const touchCount = (harness: Harness) => (harness.database.sqlite!.prepare(`select count(*) as n from touches where kind <> 'met'`).get() as { n: number }).n;

describe('a nudge through the Messenger', () => {
  it('is sent as HTML with Done/Snooze as an inline keyboard, and a press edits it to show what was logged', async () => {
    const seen: Incoming[] = [];
    h = await startHarness({ wrap: editsUnderButtons(seen) });
    await h.deliver(h.fake.text(ada, '/met Anna Schmidt at Expo, tier A'));
    const { messageId } = await h.runtime.messenger.send(toAda, nudge(1, 'Anna <Schmidt>'));
    const sentNudge = h.fake.message(1001, Number(messageId));
    expect(sentNudge.html).toBe('📞 Time to call <b>Anna &lt;Schmidt&gt;</b> (A) — follow up');
    expect(sentNudge.replyMarkup).toEqual({
      inline_keyboard: [[{ text: '✅ Done', callback_data: 'done:1' }, { text: '💤 3 d', callback_data: 'snooze:1:3' }]],
    });

    const pressed = await h.deliver(h.fake.press(ada, Number(messageId), 'done:1'));
    expect(seen.at(-1)).toMatchObject({ action: 'done:1', replyToMessageId: messageId });
    expect(pressed.calls.map((c) => c.method)).toEqual(['getUpdates', 'answerCallbackQuery', 'editMessageText']);
    const edit = pressed.calls.find((c) => c.method === 'editMessageText')!.payload;
    expect(edit).toMatchObject({ chat_id: 1001, message_id: Number(messageId), parse_mode: 'HTML' });
    // The nudge now says what was logged, and its buttons are gone.
    expect(h.fake.message(1001, Number(messageId)).text).toContain('Logged contact with Anna Schmidt');
    expect(h.fake.message(1001, Number(messageId)).replyMarkup).toBeUndefined();
    expect(touchCount(h)).toBe(1);
  });

  it('a text reply to the nudge message carries its id to the conversation', async () => {
    const seen: Incoming[] = [];
    h = await startHarness({ wrap: editsUnderButtons(seen) });
    await h.deliver(h.fake.text(ada, '/met Anna Schmidt at Expo, tier A'));
    const { messageId } = await h.runtime.messenger.send(toAda, nudge(1, 'Anna Schmidt'));
    const { calls } = await h.deliver(h.fake.replyTo(ada, Number(messageId), 'done Anna'));
    expect(seen.at(-1)).toMatchObject({ text: 'done Anna', replyToMessageId: messageId });
    expect(calls.find((c) => c.method === 'sendMessage')!.payload.text).toContain('Logged contact with <b>Anna Schmidt</b>');
    expect(touchCount(h)).toBe(1);
  });

  it('Messenger.edit replaces the text and keyboard; the same edit again is no error', async () => {
    h = await startHarness();
    const { messageId } = await h.runtime.messenger.send(toAda, nudge(1, 'Anna'));
    const logged: Reply = { text: [line('✓ ', b('Anna'), ': logged.')] };
    await h.runtime.messenger.edit!(toAda, messageId, logged);
    expect(h.fake.message(1001, Number(messageId))).toMatchObject({ text: '✓ Anna: logged.', html: '✓ <b>Anna</b>: logged.' });
    expect(h.fake.message(1001, Number(messageId)).replyMarkup).toBeUndefined();
    // Telegram answers "message is not modified"; the message already shows it.
    await expect(h.runtime.messenger.edit!(toAda, messageId, logged)).resolves.toBeUndefined();
  });

  it('when the message to edit is gone, the answer comes as a new message', async () => {
    h = await startHarness({
      wrap: (conversation) => ({
        async handle(incoming, now) {
          const replies = await conversation.handle(incoming, now);
          return replies.map((reply) => ({ ...reply, editMessageId: '999' }));
        },
      }),
    });
    const { calls } = await h.deliver(h.fake.text(ada, '/help'));
    expect(calls.filter((c) => c.method === 'editMessageText').map((c) => c.errorCode)).toEqual([400]);
    expect(calls.filter((c) => c.method === 'sendMessage' && c.errorCode === undefined)).toHaveLength(1);
  });

  it('when Telegram will not edit the nudge any more, the answer comes as a new message and the old buttons go', async () => {
    h = await startHarness({ wrap: editsUnderButtons([]) });
    await h.deliver(h.fake.text(ada, '/met Anna Schmidt at Expo, tier A'));
    const { messageId } = await h.runtime.messenger.send(toAda, nudge(1, 'Anna Schmidt'));
    h.fake.fail('editMessageText', faults.badRequest("Bad Request: message can't be edited"));
    const { calls } = await h.deliver(h.fake.press(ada, Number(messageId), 'done:1'));
    expect(calls.filter((c) => c.errorCode === undefined).map((c) => c.method)).toEqual(['getUpdates', 'answerCallbackQuery', 'sendMessage', 'editMessageReplyMarkup']);
    expect(h.fake.botMessages(1001).at(-1)!.text).toContain('Logged contact with Anna Schmidt');
    expect(h.fake.message(1001, Number(messageId)).replyMarkup).toBeUndefined();
    expect(touchCount(h)).toBe(1);
  });

  it('tells the scheduler its rate limits: 28 messages a second (under Telegram\'s ~30), 1 per chat', async () => {
    h = await startHarness();
    expect(h.runtime.messenger.rateLimit).toEqual({ perSecond: 28, perChatPerSecond: 1 });
    await h.close();
    h = await startHarness({ env: { TELEGRAM_SEND_RATE: '20,0.5' } });
    expect(h.runtime.messenger.rateLimit).toEqual({ perSecond: 20, perChatPerSecond: 0.5 });
  });
});

describe('Messenger failures are DeliveryErrors, never retried inside', () => {
  const cases: [string, Fault, string, number | undefined][] = [
    ['429 with retry_after', faults.tooMany(7), 'rate_limited', 7000],
    ['403 bot was blocked by the user', faults.blocked(), 'blocked', undefined],
    ['403 user is deactivated', faults.deactivated(), 'blocked', undefined],
    ["403 bot can't initiate conversation", { code: 403, description: "Forbidden: bot can't initiate conversation with a user" }, 'blocked', undefined],
    ['500', faults.serverError(), 'transient', undefined],
    ['a dropped connection', faults.drop(), 'transient', undefined],
    ['400', faults.badRequest("Bad Request: can't parse entities"), 'permanent', undefined],
  ];
  it.each(cases)('%s → %s', async (_name, fault, failure, retryAfterMs) => {
    h = await startHarness();
    h.fake.fail('sendMessage', fault);
    const error = await h.runtime.messenger.send(toAda, nudge(1, 'Anna')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ failure, retryAfterMs });
    // One attempt: the outbox decides when to try again.
    expect(h.fake.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
  });

  it('a user who blocked the bot: send fails with "blocked"; the block itself marks them inactive until they write again', async () => {
    h = await startHarness();
    await h.deliver(h.fake.text(ada, '/start'));
    h.fake.blockedChats.add(1001);
    await expect(h.runtime.messenger.send(toAda, nudge(1, 'Anna'))).rejects.toMatchObject({ failure: 'blocked' });
    await h.deliver(h.fake.kicked(ada));
    const inactive = () => (h.database.sqlite!.prepare('select inactive from users').get() as { inactive: number }).inactive;
    expect(inactive()).toBe(1);
    h.fake.blockedChats.delete(1001);
    await h.deliver(h.fake.text(ada, '/today'));
    expect(inactive()).toBe(0);
  });
});

/** Tuesday 24 November 2026, 09:00 UTC (a Telegram user's zone): a working day, whatever the wall clock says. */
const TUESDAY_9 = new Date('2026-11-24T09:00:00Z');

describe('the real daily nudge on Telegram', () => {
  it('the scheduler sends it through the adapter; Done edits it in place, a reply "done Bob" applies to it', async () => {
    const { createScheduler } = await import('../../src/scheduler/scheduler.ts');
    const now = () => TUESDAY_9;
    h = await startHarness({ now });
    await h.deliver(h.fake.text(ada, '/add Anna Schmidt, tier A, last talked 3 months ago'));
    await h.deliver(h.fake.text(ada, '/add Bob Meyer, tier B, last talked 1 year ago'));
    // The nudge time has come.
    h.database.sqlite!.prepare('update users set next_nudge_at = ?').run(new Date(TUESDAY_9.getTime() - 1000).toISOString());
    const scheduler = createScheduler({ db: h.database.db, messengers: [h.runtime.messenger], now });
    const { send } = await scheduler.tick();
    expect(send.sent).toBe(1);
    const sent = h.fake.botMessages(1001).at(-1)!;
    expect(sent.html).toContain('<b>Bob Meyer</b> (B)');
    expect(sent.html).toContain('<b>Anna Schmidt</b> (A)');

    const done = sent.replyMarkup!.inline_keyboard.flat().find((button: { text: string }) => button.text === '✅ Done: Anna Schmidt') as { callback_data?: string };
    const pressed = await h.deliver(h.fake.press(ada, sent.messageId, done.callback_data!));
    expect(pressed.calls.map((c) => c.method)).toEqual(['getUpdates', 'answerCallbackQuery', 'editMessageText']);
    expect(h.fake.message(1001, sent.messageId).text).toContain('Anna Schmidt — ✅ done');

    const { calls } = await h.deliver(h.fake.replyTo(ada, sent.messageId, 'done Bob'));
    expect(calls.find((c) => c.method === 'sendMessage')!.payload.text).toContain('Logged contact with <b>Bob Meyer</b>');
    expect(h.fake.message(1001, sent.messageId).text).toContain('Bob Meyer — ✅ done');
    expect(touchCount(h)).toBe(4);

    // /undo takes the answer back: Bob is open in the edited nudge again, with his Done button.
    await h.deliver(h.fake.text(ada, '/undo'));
    const undone = h.fake.message(1001, sent.messageId);
    expect(undone.text).toMatch(/\d\. Bob Meyer \(B\) — \d+ days overdue/u);
    expect(undone.text).not.toContain('Bob Meyer — ✅ done');
    expect(undone.text).toContain('Anna Schmidt — ✅ done');
    expect(undone.replyMarkup!.inline_keyboard.flat().map((button: { text: string }) => button.text)).toContain('✅ Done: Bob Meyer');
    expect(touchCount(h)).toBe(3);
  });
});

describe('/today on Telegram', () => {
  it('Done in a /today list edits that list in place, like the nudge, with one mark per person', async () => {
    h = await startHarness({ now: () => TUESDAY_9 });
    await h.deliver(h.fake.text(ada, '/add Anna Schmidt, tier A, last talked 3 months ago'));
    await h.deliver(h.fake.text(ada, '/add Bob Meyer, tier B, last talked 1 year ago'));
    await h.deliver(h.fake.text(ada, '/today'));
    const list = h.fake.botMessages(1001).at(-1)!;
    expect(list.text).toContain('2 people to contact now');
    const keyboard = list.replyMarkup!.inline_keyboard.flat() as { text: string; callback_data?: string }[];

    const done = keyboard.find((button) => button.text === '✅ Done: Anna Schmidt')!;
    const pressed = await h.deliver(h.fake.press(ada, list.messageId, done.callback_data!));
    expect(pressed.calls.map((c) => c.method)).toEqual(['getUpdates', 'answerCallbackQuery', 'editMessageText']);
    expect(h.fake.message(1001, list.messageId).text).toContain('Anna Schmidt — ✅ done (next due Sat 23 Jan 2027)');

    const noAnswer = keyboard.filter((button) => button.text === '📵 No answer')[1]!;
    await h.deliver(h.fake.press(ada, list.messageId, noAnswer.callback_data!));
    const after = h.fake.message(1001, list.messageId).text;
    expect(after).toContain('Bob Meyer — 📵 no answer — back Fri 27 Nov');
    expect(after).not.toContain('Bob Meyer — ✅ done');
    // Pressing Done for Anna again changes nothing and says how she was answered.
    const again = await h.deliver(h.fake.press(ada, list.messageId, done.callback_data!));
    expect(again.calls.find((c) => c.method === 'sendMessage')!.payload.text).toContain('Already answered');
    // Two from /add, Anna's done once, Bob's attempt.
    expect(touchCount(h)).toBe(4);
  });
});
