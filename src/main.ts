/**
 * The composition root: configuration, database, conversation, adapters and
 * the scheduler wired together. Only this file and the scheduler read the clock.
 */
import os from 'node:os';
import { startConsoleChat } from '../adapters/console/chat.ts';
import { telegramConfig } from '../adapters/telegram/config.ts';
import { startTelegram } from '../adapters/telegram/start.ts';
import { createBot } from './bot/bot.ts';
import { warmUpParser } from './commands/parse.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import type { PlatformIdentity } from './core/identity.ts';
import { createLogger, type Logger } from './log.ts';
import { startScheduler } from './scheduler/scheduler.ts';
import { openDatabase, type Database } from './store/db.ts';
import { migrateToLatest } from './store/migrate.ts';

export interface Runtime {
  config: Config;
  database: Database;
  log: Logger;
}

/** Opens and migrates the database named by the configuration. */
export async function boot(env: NodeJS.ProcessEnv, defaultLogLevel = 'info'): Promise<Runtime> {
  const config = loadConfig(env);
  const log = createLogger(config.logLevel ?? defaultLogLevel);
  const database = await openDatabase(config.databaseUrl);
  await migrateToLatest(database.db);
  return { config, database, log };
}

export function consoleIdentity(config: Config, name?: string): PlatformIdentity {
  let fallback = 'me';
  try {
    fallback = os.userInfo().username || 'me';
  } catch {
    // No user database entry (some containers): keep 'me'.
  }
  return { platform: 'console', teamId: '', userId: name ?? config.consoleUser ?? fallback };
}

export function consoleTimeZone(config: Config): string {
  return config.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** `npm start`: every configured platform; with none, the console chat. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const telegram = telegramConfig(env);
  const { config, database, log } = await boot(env, telegram ? 'info' : 'warn');
  warmUpParser();
  const bot = createBot({ db: database.db, log });
  const platforms: RunningPlatform[] = [];
  const fatal = deferred<Error>();
  if (telegram) platforms.push(await startTelegram({ bot, db: database.db, log, config: telegram, onFatal: fatal.resolve }));
  if (platforms.length > 0) return serve(platforms, database, log, fatal.promise);
  const interactive = Boolean(process.stdin.isTTY);
  if (interactive) process.stdout.write('keepwarm — type /help to begin, Ctrl-D to leave.\n\n');
  const who = consoleIdentity(config);
  const chat = startConsoleChat({
    bot,
    user: who,
    ...(config.locale ? { locale: config.locale } : {}),
    timeZone: consoleTimeZone(config),
    input: process.stdin,
    output: process.stdout,
    interactive,
    filesDir: 'data/exports',
  });
  const scheduler = startScheduler({
    db: database.db,
    messengers: [chat.messenger],
    audience: [{ platform: 'console', userIds: [who.userId] }],
    catchUpMs: config.catchUpMs,
    concurrency: config.sendConcurrency,
    log,
  });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await scheduler.stop();
      await database.close();
    })());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop().then(() => process.exit(0)));
  await chat.done;
  await stop();
  return 0;
}

interface RunningPlatform {
  stop(): Promise<void>;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Runs the platforms until SIGINT/SIGTERM, then stops them cleanly: in-flight updates finish before the database closes. */
async function serve(platforms: RunningPlatform[], database: Database, log: Logger, fatal: Promise<Error>): Promise<number> {
  const signal = new Promise<string>((resolve) => {
    for (const name of ['SIGINT', 'SIGTERM'] as const) process.once(name, () => resolve(name));
  });
  const reason = await Promise.race([signal, fatal]);
  log.info({ reason: typeof reason === 'string' ? reason : reason.message }, 'keepwarm stopping');
  await Promise.allSettled(platforms.map((platform) => platform.stop()));
  await database.close();
  return typeof reason === 'string' ? 0 : 1;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof ConfigError) console.error(`keepwarm: ${error.message}`);
      else console.error('keepwarm failed to start:', error);
      process.exit(1);
    },
  );
}
