/**
 * The test backend: a conversation with the real bot on an in-memory SQLite
 * database, read like the chat itself —
 *   await chat.say('/met Anna at X, tier A'); expect(chat.text()).toContain('Anna');
 */
import type { Kysely } from 'kysely';
import { createConversation, type Conversation } from '../../src/bot/conversation.ts';
import type { Button, Incoming, Reply } from '../../src/port.ts';
import { plainText } from '../../src/rich.ts';
import type { PlatformIdentity } from '../../src/core/identity.ts';
import type { SourcesAccess } from '../../src/bot/conversation.ts';
import type { Database } from '../../src/store/db.ts';
import { testDatabase } from './database.ts';
import type { DB } from '../../src/store/schema.ts';

/** Monday 2026-11-23 10:00 in Berlin: the reference moment of the command corpus. */
export const MONDAY_10_BERLIN = new Date('2026-11-23T09:00:00Z');

/** A fresh migrated database: SQLite in memory, or a new PostgreSQL schema under `npm run test:pg`. */
export const memoryDatabase = testDatabase;

export interface ChatOptions {
  user?: string;
  /** Calendars and mailboxes for the conversation (test/sources/chat.test.ts). */
  sources?: SourcesAccess;
  platform?: PlatformIdentity['platform'];
  locale?: string;
  timeZone?: string;
  now?: Date;
}

export class TestChat {
  replies: Reply[] = [];
  now: Date;
  private eventCounter = 0;

  constructor(
    readonly bot: Conversation,
    readonly db: Kysely<DB>,
    /** What the bot logged as failures, filled by the logger the bot was given. */
    readonly errors: unknown[],
    readonly who: PlatformIdentity,
    private readonly locale: string | undefined,
    private readonly timeZone: string,
    now: Date,
  ) {
    this.now = now;
  }

  private base(): Incoming {
    return {
      from: this.who,
      chatId: `chat-${this.who.userId}`,
      timeZone: this.timeZone,
      ...(this.locale ? { locale: this.locale } : {}),
    };
  }

  async say(text: string): Promise<Reply[]> {
    this.replies = this.check(await this.bot.handle({ ...this.base(), text, eventId: `e${++this.eventCounter}-${this.who.userId}` }, this.now));
    return this.replies;
  }

  /** A failure inside the bot becomes an apology to the user; in a test it must fail loudly. */
  private check(replies: Reply[]): Reply[] {
    const error = this.errors.shift();
    if (error !== undefined) throw error;
    return replies;
  }

  /** Presses the first button (of the last replies) whose label contains `label`. */
  async press(label: string): Promise<Reply[]> {
    const button = this.buttons().find((b) => b.label.includes(label));
    if (!button) throw new Error(`no button "${label}" in: ${this.buttons().map((b) => b.label).join(' | ')}`);
    return this.pressAction(button.action);
  }

  async pressAction(action: string): Promise<Reply[]> {
    this.replies = this.check(await this.bot.handle({ ...this.base(), action }, this.now));
    return this.replies;
  }

  buttons(): Button[] {
    return this.replies.flatMap((r) => (r.buttons ?? []).flat());
  }

  /** All replies of the last message as plain text. */
  text(): string {
    return this.replies.map((r) => plainText(r.text)).join('\n');
  }

  advanceDays(days: number): void {
    this.now = new Date(this.now.getTime() + days * 86_400_000);
  }
}

export async function startChat(options: ChatOptions = {}): Promise<TestChat & { database: Database }> {
  const database = await memoryDatabase();
  const chat = await chatOn(database, options);
  return Object.assign(chat, { database });
}

/** Another user (or the same) on an existing database. */
export async function chatOn(database: Database, options: ChatOptions = {}): Promise<TestChat> {
  const errors: unknown[] = [];
  const bot = createConversation({
    db: database.db,
    log: { error: (fields) => errors.push((fields as { err?: unknown }).err ?? fields), warn: () => undefined },
    ...(options.sources ? { sources: options.sources } : {}),
  });
  const chat = new TestChat(
    bot,
    database.db,
    errors,
    { platform: options.platform ?? 'console', teamId: '', userId: options.user ?? 'tester' },
    options.locale,
    options.timeZone ?? 'Europe/Berlin',
    options.now ?? MONDAY_10_BERLIN,
  );
  return chat;
}
