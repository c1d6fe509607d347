/**
 * The chats behind the fake Bot API: the update queue, the messages in each
 * chat (the bot's and the user's share one message-id sequence, as on
 * Telegram), files to download, and builders for the updates a user causes —
 * a text, a reply, a button press, a forward, a document, a group message.
 */
import { Buffer } from 'node:buffer';
import { EntityError, parseTelegramHtml } from './telegram-html.ts';

// Bot API payloads are loose JSON; tests read fields directly.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Payload = Record<string, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Update = { update_id: number } & Record<string, any>;

export interface TgUser {
  id: number;
  is_bot: false;
  first_name: string;
  last_name?: string;
  language_code?: string;
}

export function tgUser(id: number, firstName: string, extra: Partial<Omit<TgUser, 'id' | 'is_bot'>> = {}): TgUser {
  return { id, is_bot: false, first_name: firstName, ...extra };
}

export interface StoredMessage {
  chatId: number;
  messageId: number;
  fromBot: boolean;
  /** What the user sees (HTML parsed). */
  text: string;
  /** What the bot sent (before parsing). */
  html?: string;
  replyMarkup?: Payload;
  document?: { name: string; content: Buffer };
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
  }
}

export const MESSAGE_LIMIT = 4096;

export class FakeChats {
  readonly me: Payload;
  protected queue: Update[] = [];
  private nextUpdateId = 1;
  readonly messages = new Map<string, StoredMessage>();
  private readonly nextMessageId = new Map<number, number>();
  readonly files = new Map<string, { path: string; content: Buffer; size: number }>();
  private readonly queries = new Map<string, { answered: boolean }>();
  private queryCounter = 0;
  /** Chats whose user blocked the bot: sending there answers 403. */
  readonly blockedChats = new Set<number>();

  constructor(botId: number, username: string) {
    this.me = {
      id: botId,
      is_bot: true,
      first_name: 'keepwarm',
      username,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
    };
  }

  /** Hook: the update queue changed (wakes long polls). */
  protected updatesChanged(): void {}

  protected dropConfirmed(offset: number): void {
    this.queue = this.queue.filter((u) => u.update_id >= offset);
  }

  /** Unconfirmed updates. */
  get pending(): readonly Update[] {
    return this.queue;
  }

  /** Queues an update (a fresh update_id unless it has one: a redelivery). Returns it. */
  push<U extends Record<string, unknown>>(update: U): Update {
    const full = { update_id: this.nextUpdateId, ...update } as Update;
    this.nextUpdateId = Math.max(this.nextUpdateId, full.update_id + 1);
    this.queue.push(full);
    this.queue.sort((a, b) => a.update_id - b.update_id);
    this.updatesChanged();
    return full;
  }

  private newMessageId(chatId: number): number {
    const id = this.nextMessageId.get(chatId) ?? 1;
    this.nextMessageId.set(chatId, id + 1);
    return id;
  }

  private userMessage(user: TgUser, fields: Payload, chat: Payload = { id: user.id, type: 'private', first_name: user.first_name }): Payload {
    const messageId = this.newMessageId(chat.id as number);
    const message = { message_id: messageId, date: Math.floor(Date.now() / 1000), chat, from: user, ...fields };
    this.messages.set(`${chat.id}:${messageId}`, { chatId: chat.id as number, messageId, fromBot: false, text: String(fields.text ?? '') });
    return message;
  }

  text(user: TgUser, text: string): { message: Payload } {
    return { message: this.userMessage(user, { text }) };
  }

  /** The user answers one of the bot's messages with Telegram's "Reply". */
  replyTo(user: TgUser, messageId: number, text: string): { message: Payload } {
    return { message: this.userMessage(user, { text, reply_to_message: this.wire(this.message(user.id, messageId)) }) };
  }

  /** The user presses a button under one of the bot's messages. */
  press(user: TgUser, messageId: number, data: string): { callback_query: Payload } {
    const id = `cq${++this.queryCounter}`;
    this.queries.set(id, { answered: false });
    const message = this.wire(this.message(user.id, messageId));
    return { callback_query: { id, from: user, chat_instance: `ci${user.id}`, data, message } };
  }

  forward(user: TgUser, origin: Payload, text: string): { message: Payload } {
    return { message: this.userMessage(user, { text, forward_origin: origin }) };
  }

  /** The user sends a file; `size` overrides the size Telegram reports. */
  document(user: TgUser, name: string, content: Buffer, size = content.length): { message: Payload } {
    const fileId = `file${this.files.size + 1}`;
    this.files.set(fileId, { path: `documents/${fileId}-${name}`, content, size });
    return { message: this.userMessage(user, { document: { file_id: fileId, file_unique_id: `u${fileId}`, file_name: name, file_size: size } }) };
  }

  group(user: TgUser, groupId: number, text: string): { message: Payload } {
    return { message: this.userMessage(user, { text }, { id: groupId, type: 'group', title: 'Team' }) };
  }

  /** The user blocked the bot (Telegram tells the bot with my_chat_member). */
  kicked(user: TgUser): { my_chat_member: Payload } {
    const chat = { id: user.id, type: 'private', first_name: user.first_name };
    const date = Math.floor(Date.now() / 1000);
    return {
      my_chat_member: { chat, from: user, date, old_chat_member: { status: 'member', user: this.me }, new_chat_member: { status: 'kicked', user: this.me, until_date: 0 } },
    };
  }

  message(chatId: number, messageId: number): StoredMessage {
    const found = this.messages.get(`${chatId}:${messageId}`);
    if (!found) throw new Error(`fake Telegram: no message ${messageId} in chat ${chatId}`);
    return found;
  }

  /** The bot's messages in a chat, oldest first. */
  botMessages(chatId: number): StoredMessage[] {
    return [...this.messages.values()].filter((m) => m.chatId === chatId && m.fromBot).sort((a, b) => a.messageId - b.messageId);
  }

  private wire(message: StoredMessage): Payload {
    return {
      message_id: message.messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: message.chatId, type: message.chatId < 0 ? 'group' : 'private' },
      ...(message.fromBot ? { from: this.me } : {}),
      text: message.text,
      ...(message.replyMarkup ? { reply_markup: message.replyMarkup } : {}),
    };
  }

  private checkChat(chatId: unknown): number {
    const id = Number(chatId);
    if (!Number.isSafeInteger(id)) throw new ApiError(400, 'Bad Request: chat not found');
    if (this.blockedChats.has(id)) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    return id;
  }

  private content(p: Payload): { text: string; html: string } {
    const html = String(p.text ?? '');
    let text = html;
    if (p.parse_mode === 'HTML') {
      try {
        text = parseTelegramHtml(html).text;
      } catch (error) {
        if (error instanceof EntityError) throw new ApiError(400, `Bad Request: can't parse entities: ${error.message}`);
        throw error;
      }
    }
    if (text.trim() === '') throw new ApiError(400, 'Bad Request: message text is empty');
    if (text.length > MESSAGE_LIMIT) throw new ApiError(400, 'Bad Request: message is too long');
    return { text, html };
  }

  private checkMarkup(markup: Payload | undefined): void {
    for (const row of (markup?.inline_keyboard ?? []) as Payload[][]) {
      for (const button of row) {
        const data = String(button.callback_data ?? '');
        if (data === '' || Buffer.byteLength(data) > 64) throw new ApiError(400, 'Bad Request: BUTTON_DATA_INVALID');
      }
    }
  }

  protected chatMethod(method: string, p: Payload): unknown {
    switch (method) {
      case 'sendMessage': {
        const chatId = this.checkChat(p.chat_id);
        const { text, html } = this.content(p);
        this.checkMarkup(p.reply_markup);
        const messageId = this.newMessageId(chatId);
        const stored: StoredMessage = { chatId, messageId, fromBot: true, text, html, ...(p.reply_markup ? { replyMarkup: p.reply_markup } : {}) };
        this.messages.set(`${chatId}:${messageId}`, stored);
        return this.wire(stored);
      }
      case 'editMessageText':
      case 'editMessageReplyMarkup': {
        const chatId = this.checkChat(p.chat_id);
        const stored = this.messages.get(`${chatId}:${Number(p.message_id)}`);
        if (!stored) throw new ApiError(400, 'Bad Request: message to edit not found');
        if (!stored.fromBot) throw new ApiError(400, "Bad Request: message can't be edited");
        const next = method === 'editMessageText' ? this.content(p) : { text: stored.text, html: stored.html ?? stored.text };
        this.checkMarkup(p.reply_markup);
        if (next.html === stored.html && JSON.stringify(p.reply_markup ?? null) === JSON.stringify(stored.replyMarkup ?? null)) {
          throw new ApiError(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
        }
        stored.text = next.text;
        stored.html = next.html;
        if (p.reply_markup) stored.replyMarkup = p.reply_markup;
        else delete stored.replyMarkup;
        return this.wire(stored);
      }
      case 'answerCallbackQuery': {
        const query = this.queries.get(String(p.callback_query_id));
        if (!query || query.answered) throw new ApiError(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
        query.answered = true;
        return true;
      }
      case 'getFile': {
        const file = this.files.get(String(p.file_id));
        if (!file) throw new ApiError(400, 'Bad Request: invalid file_id');
        return { file_id: p.file_id, file_unique_id: `u${p.file_id}`, file_size: file.size, file_path: file.path };
      }
      case 'sendDocument': {
        const chatId = this.checkChat(p.chat_id);
        const document = p.document as { name: string; content: Buffer } | undefined;
        if (!document?.content) throw new ApiError(400, 'Bad Request: there is no document in the request');
        const messageId = this.newMessageId(chatId);
        this.messages.set(`${chatId}:${messageId}`, { chatId, messageId, fromBot: true, text: '', document });
        return { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, from: this.me, document: { file_id: `sent${messageId}`, file_unique_id: `s${messageId}`, file_name: document.name } };
      }
      case 'deleteMessage': {
        // A bot may delete a user's message in a private chat (within 48 hours).
        const chatId = this.checkChat(p.chat_id);
        if (!this.messages.delete(`${chatId}:${Number(p.message_id)}`)) throw new ApiError(400, 'Bad Request: message to delete not found');
        return true;
      }
      case 'sendPhoto': {
        const chatId = this.checkChat(p.chat_id);
        const photo = p.photo as { name: string; content: Buffer } | undefined;
        if (!photo?.content) throw new ApiError(400, 'Bad Request: there is no photo in the request');
        const messageId = this.newMessageId(chatId);
        this.messages.set(`${chatId}:${messageId}`, { chatId, messageId, fromBot: true, text: '', document: photo });
        const size = { file_id: `photo${messageId}`, file_unique_id: `p${messageId}`, width: 960, height: 540 };
        return { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, from: this.me, photo: [size] };
      }
      default:
        throw new ApiError(404, 'Not Found');
    }
  }

  /** Whether a message is still in the chat (not deleted). */
  holds(chatId: number, messageId: number): boolean {
    return this.messages.has(`${chatId}:${messageId}`);
  }
}
