/**
 * One update in, keepwarm's answers out. Private chats go to the
 * conversation; groups and channels only hear that keepwarm works in a
 * private chat. Every callback query is answered, whatever happens next, and
 * no API error escapes: a failed reply is logged, never a crash.
 */
import type { Api, Context, Middleware } from 'grammy';
import { RetryLater, type Conversation, type NoticeTarget } from '../../src/bot/conversation.ts';
import type { Incoming, Line, Reply } from '../../src/port.ts';
import { plainLine } from '../../src/rich.ts';
import type { Logger } from '../../src/log.ts';
import type { CallbackStore } from './callbacks.ts';
import type { TelegramConfig } from './config.ts';
import { errorFields, isBlocked, isNotModified, isUneditable } from './errors.ts';
import { downloadFile, FileTooLarge } from './files.ts';
import { MAX_DOWNLOAD_BYTES, translate, type DocumentRef } from './incoming.ts';
import { chatIdOf, editReply, removeKeyboard, sendReply } from './outgoing.ts';
import { renderHtml } from './render.ts';

export interface HandlerDeps {
  conversation: Conversation;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  config: TelegramConfig;
  callbacks: CallbackStore;
  now?: () => Date;
}

/** What the flood guard (flood.ts) says: that messages were skipped, in the user's language. */
export function tooFastAnswers(conversation: Conversation, log: Pick<Logger, 'info'>) {
  const notice = (ctx: Context) =>
    conversation.notice(
      {
        platform: 'telegram',
        ...(ctx.from ? { who: { platform: 'telegram', teamId: '', userId: String(ctx.from.id) } } : {}),
        ...(ctx.from?.language_code ? { locale: ctx.from.language_code } : {}),
      },
      'tooFast',
    );
  return {
    async tell(ctx: Context): Promise<void> {
      const chat = ctx.chat?.id;
      if (chat === undefined) return;
      const html = renderHtml([await notice(ctx)]);
      await ctx.api.sendMessage(chat, html, { parse_mode: 'HTML' }).catch((error: unknown) => log.info({ chatId: String(chat), ...errorFields(error) }, 'telegram: the too-fast notice was not delivered'));
    },
    async answerPress(ctx: Context, withText: boolean): Promise<void> {
      const id = ctx.callbackQuery?.id;
      if (id === undefined) return;
      const options = withText ? { text: plainLine(await notice(ctx)).slice(0, 200) } : {};
      await ctx.api.answerCallbackQuery(id, options).catch(() => undefined);
    },
  };
}

/** The middleware that connects grammY to keepwarm's conversation. */
export function keepwarmUpdates(deps: HandlerDeps): Middleware<Context> {
  const { conversation, log, config, callbacks } = deps;
  const now = deps.now ?? (() => new Date());

  /** Whom a notice of keepwarm's own is for: a Telegram user, if the update names one. */
  function audience(userId: string | undefined, locale: string | undefined): NoticeTarget {
    return {
      platform: 'telegram',
      ...(userId ? { who: { platform: 'telegram', teamId: '', userId } } : {}),
      ...(locale ? { locale } : {}),
      now: now(),
    };
  }

  /** Sends the replies in order; a failed one is logged and the rest still go out (unless the user blocked us). */
  async function deliver(api: Api, chatId: string, replies: Reply[]): Promise<void> {
    for (const reply of replies) {
      try {
        if (reply.editMessageId !== undefined && /^\d+$/.test(reply.editMessageId)) await edit(api, chatId, Number(reply.editMessageId), reply);
        else await sendReply(api, chatId, reply, callbacks);
      } catch (error) {
        if (isBlocked(error)) {
          log.info({ chatId, ...errorFields(error) }, 'telegram: the user blocked the bot; reply dropped');
          return;
        }
        log.warn({ chatId, ...errorFields(error) }, 'telegram: a reply could not be delivered');
      }
    }
  }

  /** Edits in place; a message that cannot be edited any more gets a fresh one, and its old buttons go. */
  async function edit(api: Api, chatId: string, messageId: number, reply: Reply): Promise<void> {
    try {
      await editReply(api, chatId, messageId, reply, callbacks);
    } catch (error) {
      if (isNotModified(error)) return;
      if (!isUneditable(error)) throw error;
      await sendReply(api, chatId, reply, callbacks);
      await removeKeyboard(api, chatId, messageId).catch(() => undefined);
    }
  }

  async function converse(api: Api, incoming: Incoming, messageId?: number): Promise<void> {
    let replies: Reply[];
    try {
      replies = await conversation.handle(incoming, now());
    } catch (error) {
      // Refused for now (the database cannot take it): the user hears so, then the update is refused for Telegram to deliver again.
      if (error instanceof RetryLater) await deliver(api, incoming.chatId, error.replies);
      throw error;
    }
    // The message held a secret (a password, a secret calendar URL): out of the chat first.
    if (messageId !== undefined && replies.some((reply) => reply.deleteIncoming)) {
      await api.deleteMessage(chatIdOf(incoming.chatId), messageId).catch((error: unknown) => log.warn({ chatId: incoming.chatId, ...errorFields(error) }, 'telegram: a message with a secret could not be deleted'));
    }
    await deliver(api, incoming.chatId, replies);
  }

  async function onDocument(api: Api, incoming: Incoming, document: DocumentRef): Promise<void> {
    const to = audience(incoming.from.userId, incoming.locale);
    const hint = async (line: Line | undefined) => {
      if (line) await deliver(api, incoming.chatId, [{ text: [line] }]);
    };
    const tooLarge = () => conversation.noticeOnce(to, incoming.eventId ?? '', 'telegramFileTooLarge', MAX_DOWNLOAD_BYTES / 1024 / 1024);
    // Refused before downloading anything when Telegram already says how big it is.
    if (document.size !== undefined && document.size > MAX_DOWNLOAD_BYTES) {
      await hint(await tooLarge());
      return;
    }
    let content: Buffer;
    try {
      content = await downloadFile(api, config, document.fileId);
    } catch (error) {
      if (error instanceof FileTooLarge) {
        await hint(await tooLarge());
        return;
      }
      log.warn({ chatId: incoming.chatId, ...errorFields(error) }, 'telegram: a document could not be downloaded');
      await hint(await conversation.notice(to, 'telegramFileFailed'));
      return;
    }
    await converse(api, { ...incoming, file: { name: document.name, content } });
  }

  return async (ctx) => {
    const api = ctx.api;
    const update = translate(ctx.update, ctx.me.id);
    const callbackQueryId = 'callbackQueryId' in update ? update.callbackQueryId : undefined;
    if (callbackQueryId !== undefined && update.kind !== 'not-private') {
      // First, so the button stops spinning whatever happens next.
      await api.answerCallbackQuery(callbackQueryId).catch((error: unknown) => log.info(errorFields(error), 'telegram: callback query not answered'));
    }
    switch (update.kind) {
      case 'incoming': {
        const incoming = update.incoming;
        if (incoming.action !== undefined) incoming.action = await callbacks.decode(incoming.action);
        return converse(api, incoming, incoming.action === undefined ? ctx.message?.message_id : undefined);
      }
      case 'document':
        return onDocument(api, update.incoming, update.document);
      case 'not-private': {
        const to = audience(update.userId, update.locale);
        if (update.callbackQueryId !== undefined) {
          const text = plainLine(await conversation.notice(to, 'telegramPrivateOnly')).slice(0, 200);
          await api.answerCallbackQuery(update.callbackQueryId, { text }).catch(() => undefined);
          return;
        }
        const privateOnly = await conversation.noticeOnce(to, String(ctx.update.update_id), 'telegramPrivateOnly');
        if (!privateOnly) return;
        const html = renderHtml([privateOnly]);
        const replyTo = update.replyTo !== undefined ? { reply_parameters: { message_id: update.replyTo, allow_sending_without_reply: true } } : {};
        await api
          .sendMessage(chatIdOf(update.chatId), html, { parse_mode: 'HTML', ...replyTo })
          .catch((error: unknown) => log.info({ chatId: update.chatId, ...errorFields(error) }, 'telegram: group hint not delivered'));
        return;
      }
      case 'blocked': {
        const userId = await conversation.blocked({ platform: 'telegram', teamId: '', userId: update.userId });
        log.info({ userId }, 'telegram: a user blocked the bot; no more nudges until they write again');
        return;
      }
      case 'ignore':
        return;
    }
  };
}
