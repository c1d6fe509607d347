/**
 * Sending a `Reply` to a Telegram chat: HTML messages below the length limit,
 * the buttons as an inline keyboard under the last of them, an export as a
 * document; or editing an earlier message in place.
 */
import { InputFile, type Api } from 'grammy';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { Reply, ReplyFile } from '../../src/port.ts';
import type { CallbackStore } from './callbacks.ts';
import { renderChunks } from './render.ts';

/** Telegram's chat ids are integers; a numeric string is sent as a number, like every client does. */
export function chatIdOf(chatId: string): number | string {
  return /^-?\d{1,20}$/.test(chatId) ? Number(chatId) : chatId;
}

/** Every Reply button row becomes a keyboard row; payloads over 64 bytes go through the callback store. */
export async function inlineKeyboard(reply: Reply, callbacks: CallbackStore): Promise<InlineKeyboardMarkup | undefined> {
  const rows = (reply.buttons ?? []).filter((row) => row.length > 0);
  if (rows.length === 0) return undefined;
  const keyboard: InlineKeyboardButton[][] = [];
  for (const row of rows) {
    const buttons: InlineKeyboardButton[] = [];
    for (const button of row) buttons.push({ text: button.label, callback_data: await callbacks.encode(button.action) });
    keyboard.push(buttons);
  }
  return { inline_keyboard: keyboard };
}

const HTML = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;

/** Telegram refuses an empty text; buttons alone still need a line to hang under. */
function chunksOf(reply: Reply, markup: InlineKeyboardMarkup | undefined): string[] {
  const chunks = renderChunks(reply.text);
  return chunks.length === 0 && markup ? ['…'] : chunks;
}

/**
 * Sends a reply as new messages. Returns the id of the message that carries
 * the buttons (the last text message), else of the last message sent.
 */
export async function sendReply(api: Api, chatId: string, reply: Reply, callbacks: CallbackStore): Promise<number | undefined> {
  const markup = await inlineKeyboard(reply, callbacks);
  return sendChunks(api, chatId, chunksOf(reply, markup), markup, reply);
}

async function sendChunks(api: Api, chatId: string, chunks: string[], markup: InlineKeyboardMarkup | undefined, reply: Reply): Promise<number | undefined> {
  const chat = chatIdOf(chatId);
  let id: number | undefined;
  for (const [index, chunk] of chunks.entries()) {
    const last = index === chunks.length - 1;
    const sent = await api.sendMessage(chat, chunk, { ...HTML, ...(last && markup ? { reply_markup: markup } : {}) });
    id = sent.message_id;
  }
  if (reply.file) {
    const upload = new InputFile(reply.file.content, reply.file.name);
    // A picture (the /stats chart) is shown in the chat; anything else is a file to download.
    const sent = isPicture(reply.file) ? await api.sendPhoto(chat, upload) : await api.sendDocument(chat, upload);
    id ??= sent.message_id;
  }
  return id;
}

/**
 * Replaces an earlier message's text and keyboard (no buttons in the reply:
 * the old ones disappear). What does not fit in one message follows as new
 * messages. Throws what Telegram says; callers decide what an error means.
 */
export async function editReply(api: Api, chatId: string, messageId: number, reply: Reply, callbacks: CallbackStore): Promise<void> {
  const markup = await inlineKeyboard(reply, callbacks);
  const [first = '…', ...rest] = chunksOf(reply, markup);
  const single = rest.length === 0;
  await api.editMessageText(chatIdOf(chatId), messageId, first, { ...HTML, ...(single && markup ? { reply_markup: markup } : {}) });
  if (!single || reply.file) await sendChunks(api, chatId, rest, markup, reply);
}

/** Takes the buttons off a message that could not be edited, so they are not pressed again. */
export async function removeKeyboard(api: Api, chatId: string, messageId: number): Promise<void> {
  await api.editMessageReplyMarkup(chatIdOf(chatId), messageId);
}

/** PNG and JPEG go as photos; Telegram recompresses photos, which suits a chart and spares the user a download. */
function isPicture(file: ReplyFile): boolean {
  return file.mimeType === 'image/png' || file.mimeType === 'image/jpeg';
}
