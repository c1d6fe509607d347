/** Telegram updates as keepwarm's Incoming: who, where, what, and which update. */
import { describe, expect, it } from 'vitest';
import { translate } from '../../adapters/telegram/incoming.ts';
import { FakeTelegram, tgUser } from '../doubles/fake-telegram.ts';

const BOT = 123;
const anna = tgUser(1001, 'Anna', { last_name: 'Schmidt', language_code: 'de' });
/** The fake builds the update shapes the Bot API sends; its server is not needed here. */
async function fakeChats() {
  const fake = await FakeTelegram.start();
  await fake.close();
  return fake;
}

describe('translate', () => {
  it('a private text: one keepwarm user per Telegram user, the chat, the update id (redelivered when refused) and the language', async () => {
    const fake = await fakeChats();
    const update = fake.push(fake.text(anna, '/met@KeepwarmTestBot Bob at Expo'));
    expect(translate(update as never, BOT)).toEqual({
      kind: 'incoming',
      incoming: {
        from: { platform: 'telegram', teamId: '', userId: '1001' },
        chatId: '1001',
        eventId: String(update.update_id),
        redeliverable: true,
        locale: 'de',
        text: '/met@KeepwarmTestBot Bob at Expo',
      },
    });
  });

  it('a reply to a bot message carries its id; a reply to one of the user\'s own does not', async () => {
    const fake = await fakeChats();
    const own = fake.push(fake.text(anna, 'hello')).message.message_id as number;
    fake.messages.set(`1001:50`, { chatId: 1001, messageId: 50, fromBot: true, text: 'nudge' });
    const toBot = translate(fake.push(fake.replyTo(anna, 50, 'done')) as never, BOT);
    expect(toBot).toMatchObject({ kind: 'incoming', incoming: { replyToMessageId: '50', text: 'done' } });
    const toSelf = translate(fake.push(fake.replyTo(anna, own, 'again')) as never, BOT);
    expect(toSelf).toMatchObject({ kind: 'incoming', incoming: { text: 'again' } });
    expect(toSelf.kind === 'incoming' ? toSelf.incoming.replyToMessageId : 'not incoming').toBeUndefined();
  });

  it('a button press: the payload as action, the message it was under as replyToMessageId', async () => {
    const fake = await fakeChats();
    fake.messages.set(`1001:7`, { chatId: 1001, messageId: 7, fromBot: true, text: 'Which Anna?' });
    const update = fake.push(fake.press(anna, 7, 'pick:0a1b2c3d:4'));
    expect(translate(update as never, BOT)).toMatchObject({
      kind: 'incoming',
      callbackQueryId: update.callback_query.id,
      incoming: { action: 'pick:0a1b2c3d:4', replyToMessageId: '7', eventId: String(update.update_id), chatId: '1001' },
    });
  });

  it.each([
    ['user', { type: 'user', date: 1_700_000_000, sender_user: { id: 5, is_bot: false, first_name: 'Bob', last_name: 'Meyer' } }, 'Bob Meyer'],
    ['hidden_user', { type: 'hidden_user', date: 1_700_000_000, sender_user_name: 'Carla R.' }, 'Carla R.'],
    ['chat', { type: 'chat', date: 1_700_000_000, sender_chat: { id: -5, type: 'group', title: 'Fintech Circle' } }, 'Fintech Circle'],
    ['channel', { type: 'channel', date: 1_700_000_000, chat: { id: -6, type: 'channel', title: 'Heat Pump News' }, message_id: 3 }, 'Heat Pump News'],
  ])('a message forwarded from a %s names its sender and the time it was written', async (_type, origin, name) => {
    const fake = await fakeChats();
    const result = translate(fake.push(fake.forward(anna, origin, 'see you at the fair')) as never, BOT);
    expect(result).toMatchObject({ kind: 'incoming', incoming: { forwardedFrom: { name, at: new Date(1_700_000_000_000) } } });
    expect(result.kind === 'incoming' && result.incoming.text).toBeUndefined();
  });

  it('a document is fetched before the conversation sees it', async () => {
    const fake = await fakeChats();
    const result = translate(fake.push(fake.document(anna, 'contacts.vcf', Buffer.from('BEGIN:VCARD'))) as never, BOT);
    expect(result).toMatchObject({ kind: 'document', document: { name: 'contacts.vcf', size: 11 }, incoming: { chatId: '1001' } });
  });

  it('a group message gets only the private-chat hint, in the sender\'s language', async () => {
    const fake = await fakeChats();
    expect(translate(fake.push(fake.group(anna, -100, '/today')) as never, BOT)).toMatchObject({ kind: 'not-private', chatId: '-100', userId: '1001', locale: 'de' });
  });

  it('the user blocking the bot is noticed', async () => {
    const fake = await fakeChats();
    expect(translate(fake.push(fake.kicked(anna)) as never, BOT)).toEqual({ kind: 'blocked', userId: '1001' });
  });
});
