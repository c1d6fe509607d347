/** Sending files through the test chat, and reading the fixtures. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reply } from '../../src/port.ts';
import type { TestChat } from '../doubles/chat.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

let events = 0;

/** The user sends a file (Telegram document, Slack file): what the adapters hand over as `Incoming.file`. */
export async function sendFile(chat: TestChat, name: string, content: Buffer | string, options: { locale?: string } = {}): Promise<Reply[]> {
  const incoming = {
    from: chat.who,
    chatId: `chat-${chat.who.userId}`,
    timeZone: 'Europe/Berlin',
    ...(options.locale ? { locale: options.locale } : {}),
    eventId: `file-${++events}-${chat.who.userId}`,
    file: { name, content: typeof content === 'string' ? Buffer.from(content, 'utf8') : content },
  };
  chat.replies = await chat.bot.handle(incoming, chat.now);
  const error = chat.errors.shift();
  if (error !== undefined) throw error;
  return chat.replies;
}

/** The user's contacts as stored, by name. */
export async function contactsByName(chat: TestChat) {
  const rows = await chat.db.selectFrom('contacts').selectAll().orderBy('id').execute();
  return new Map(rows.map((r) => [r.name, r]));
}
