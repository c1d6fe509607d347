/**
 * The real grammY bot of keepwarm, started by `startTelegram` against the
 * fake Bot API, on a real SQLite database — what `npm start` runs, minus the
 * process. Timings are shortened so a failing test fails fast.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { telegramConfig, type TelegramTuning } from '../../adapters/telegram/config.ts';
import type { Logger } from '../../src/log.ts';
import { startTelegram, type TelegramRuntime } from '../../adapters/telegram/start.ts';
import { createConversation, type Conversation, type SourcesAccess } from '../../src/bot/conversation.ts';
import { openSqlite, type Database } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { migratedSqliteInMemory } from '../doubles/database.ts';
import { FakeTelegram, type RecordedCall, type Update } from '../doubles/fake-telegram.ts';

/** Waits until `condition` holds (checked every few milliseconds); fails after `timeoutMs`. */
export async function until(condition: () => boolean, what = 'condition', timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const FAST: Partial<TelegramTuning> = {
  pollTimeoutSeconds: 1,
  requestTimeoutSeconds: 5,
  networkRetries: 3,
  networkRetryDelayMs: 20,
  maxRetryAttempts: 3,
  maxRetryDelaySeconds: 5,
  startRetrySeconds: 2,
};

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  fields: object;
  message: string;
}

export function capturingLog(): Pick<Logger, 'info' | 'warn' | 'error'> & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    info: (fields, message) => entries.push({ level: 'info', fields, message }),
    warn: (fields, message) => entries.push({ level: 'warn', fields, message }),
    error: (fields, message) => entries.push({ level: 'error', fields, message }),
  };
}

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'keepwarm-tg-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface Harness {
  fake: FakeTelegram;
  runtime: TelegramRuntime;
  database: Database;
  log: ReturnType<typeof capturingLog>;
  /**
   * Queues an update and waits until keepwarm has fetched and handled it.
   * Returns the update and the Bot API calls made meanwhile.
   */
  deliver(update: Record<string, unknown>): Promise<{ update: Update; calls: RecordedCall[] }>;
  /** Stops the adapter (clean shutdown) and closes the database; the fake stays up. */
  stopAdapter(): Promise<void>;
  /** Everything, fake included. */
  close(): Promise<void>;
}

export interface HarnessOptions {
  fake?: FakeTelegram;
  /** A database file shared across restarts; in memory when absent. */
  databaseFile?: string;
  env?: Record<string, string>;
  tuning?: Partial<TelegramTuning>;
  /** Wraps keepwarm's conversation (spies, stand-ins). */
  wrap?: (conversation: Conversation) => Pick<Conversation, 'handle'>;
  /** Calendars and mailboxes for the conversation (test/sources/platforms.test.ts). */
  sources?: SourcesAccess;
  onFatal?: (error: Error) => void;
  /** The clock the adapter hands the conversation (a test's own "today"); the wall clock when absent. */
  now?: () => Date;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = options.fake ?? (await FakeTelegram.start());
  let database: Database;
  if (options.databaseFile) {
    database = openSqlite(options.databaseFile);
    await migrateToLatest(database.db);
  } else {
    database = await migratedSqliteInMemory();
  }
  const log = capturingLog();
  const config = telegramConfig(
    { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, ...options.env },
    { ...FAST, ...options.tuning },
  )!;
  const conversation = createConversation({ db: database.db, log, ...(options.sources ? { sources: options.sources } : {}) });
  const runtime = await startTelegram({
    conversation: options.wrap ? { ...conversation, ...options.wrap(conversation) } : conversation,
    db: database.db,
    log,
    config,
    ...(options.onFatal ? { onFatal: options.onFatal } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  let stopped = false;
  const stopAdapter = async () => {
    if (stopped) return;
    stopped = true;
    await runtime.stop();
    await database.close();
  };
  return {
    fake,
    runtime,
    database,
    log,
    stopAdapter,
    async deliver(payload) {
      const before = fake.calls.length;
      const update = fake.push(payload);
      // Handed out and then confirmed by the next getUpdates: by then the runner has it in hand.
      await until(() => (fake.fetched.get(update) ?? 0) > 0 && !fake.pending.includes(update), `update ${update.update_id} to be fetched`);
      await runtime.idle();
      return { update, calls: fake.calls.slice(before) };
    },
    async close() {
      await stopAdapter();
      await fake.close();
    },
  };
}
