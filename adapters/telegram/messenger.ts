/**
 * Telegram's side of the scheduler port: DM a user, edit that message later.
 * No retries in here — every failure becomes a `DeliveryError` (429 with
 * retry_after, blocked, transient, permanent) for the outbox to act on, and
 * `rateLimit` tells the sender how fast it may go.
 */
import type { Api } from 'grammy';
import { DeliveryError, type Messenger, type Recipient, type Reply } from '../../src/port.ts';
import type { CallbackStore } from './callbacks.ts';
import type { TelegramConfig } from './config.ts';
import { isNotModified, toDeliveryError } from './errors.ts';
import { editReply, sendReply } from './outgoing.ts';

export interface TelegramMessenger extends Messenger {
  platform: 'telegram';
  rateLimit: { perSecond: number; perChatPerSecond: number };
}

export function telegramMessenger(api: Api, callbacks: CallbackStore, sendRate: TelegramConfig['sendRate']): TelegramMessenger {
  return {
    platform: 'telegram',
    rateLimit: { ...sendRate },
    async send(to: Recipient, reply: Reply) {
      let id: number | undefined;
      try {
        id = await sendReply(api, to.chatId, reply, callbacks);
      } catch (error) {
        throw toDeliveryError(error);
      }
      if (id === undefined) throw new DeliveryError('permanent', 'an empty reply: nothing to send');
      return { messageId: String(id) };
    },
    async edit(to: Recipient, messageId: string, reply: Reply) {
      if (!/^\d+$/.test(messageId)) throw new DeliveryError('permanent', `not a Telegram message id: ${messageId}`);
      try {
        await editReply(api, to.chatId, Number(messageId), reply, callbacks);
      } catch (error) {
        // Already showing exactly this: the edit has happened.
        if (isNotModified(error)) return;
        throw toDeliveryError(error);
      }
    },
  };
}
