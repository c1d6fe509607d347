/**
 * Telegram updates as keepwarm sees them. One keepwarm user per Telegram
 * user (`telegram`, '', the user id); the chat is the private chat with the
 * bot; the update id de-duplicates redeliveries. Pure: no I/O here.
 */
import type { Message, MessageOrigin, Update } from 'grammy/types';
import type { Incoming } from '../../src/port.ts';

/** Bots may download files up to 20 MB through the Bot API. */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

export interface DocumentRef {
  fileId: string;
  name: string;
  size: number | undefined;
}

export type Translated =
  /** Ready for the conversation. */
  | { kind: 'incoming'; incoming: Incoming; callbackQueryId?: string }
  /** A file to fetch first, then hand over as `incoming.file`. */
  | { kind: 'document'; incoming: Incoming; document: DocumentRef }
  /** A message in a group or channel: only the hint that keepwarm works in a private chat. */
  | { kind: 'not-private'; chatId: string; userId?: string; locale?: string; callbackQueryId?: string; replyTo?: number }
  /** The user blocked (kicked) the bot in their private chat. */
  | { kind: 'blocked'; userId: string }
  | { kind: 'ignore'; callbackQueryId?: string };

/** The sender's name as the forwarded message shows it. */
function originName(origin: MessageOrigin): string {
  switch (origin.type) {
    case 'user':
      return [origin.sender_user.first_name, origin.sender_user.last_name].filter(Boolean).join(' ');
    case 'hidden_user':
      return origin.sender_user_name;
    case 'chat':
      return origin.sender_chat.title ?? '';
    case 'channel':
      return origin.chat.title ?? '';
  }
}

function fromMessage(updateId: number, message: Message, botId: number): Translated {
  const from = message.from;
  if (message.chat.type !== 'private' || !from) {
    return {
      kind: 'not-private',
      chatId: String(message.chat.id),
      replyTo: message.message_id,
      ...(from ? { userId: String(from.id), ...(from.language_code ? { locale: from.language_code } : {}) } : {}),
    };
  }
  if (from.is_bot) return { kind: 'ignore' };
  const incoming: Incoming = {
    from: { platform: 'telegram', teamId: '', userId: String(from.id) },
    chatId: String(message.chat.id),
    eventId: String(updateId),
    // Refused (webhook non-2xx, polling offset not confirmed), Telegram delivers it again.
    redeliverable: true,
    ...(from.language_code ? { locale: from.language_code } : {}),
  };
  const repliedTo = message.reply_to_message;
  if (repliedTo && repliedTo.from?.id === botId) incoming.replyToMessageId = String(repliedTo.message_id);
  if (message.forward_origin) {
    incoming.forwardedFrom = { name: originName(message.forward_origin), at: new Date(message.forward_origin.date * 1000) };
  }
  if (message.document) {
    const d = message.document;
    return { kind: 'document', incoming, document: { fileId: d.file_id, name: d.file_name ?? 'file', size: d.file_size } };
  }
  if (!message.forward_origin) incoming.text = message.text ?? message.caption ?? '';
  return { kind: 'incoming', incoming };
}

/** What an update asks of keepwarm; `botId` tells replies to the bot from replies to others. */
export function translate(update: Update, botId: number): Translated {
  if (update.message) return fromMessage(update.update_id, update.message, botId);
  if (update.channel_post) return { kind: 'not-private', chatId: String(update.channel_post.chat.id), replyTo: update.channel_post.message_id };
  const query = update.callback_query;
  if (query) {
    const message = query.message;
    if (!message || query.data === undefined) return { kind: 'ignore', callbackQueryId: query.id };
    if (message.chat.type !== 'private') {
      return {
        kind: 'not-private',
        chatId: String(message.chat.id),
        userId: String(query.from.id),
        callbackQueryId: query.id,
        ...(query.from.language_code ? { locale: query.from.language_code } : {}),
      };
    }
    const incoming: Incoming = {
      from: { platform: 'telegram', teamId: '', userId: String(query.from.id) },
      chatId: String(message.chat.id),
      action: query.data,
      replyToMessageId: String(message.message_id),
      eventId: String(update.update_id),
      redeliverable: true,
      ...(query.from.language_code ? { locale: query.from.language_code } : {}),
    };
    return { kind: 'incoming', incoming, callbackQueryId: query.id };
  }
  const member = update.my_chat_member;
  if (member && member.chat.type === 'private' && member.new_chat_member.status === 'kicked') {
    return { kind: 'blocked', userId: String(member.from.id) };
  }
  return { kind: 'ignore' };
}
