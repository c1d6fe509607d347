/**
 * The composition root: configuration, database, conversation, adapters and
 * the scheduler wired together. Only this file and the scheduler read the clock.
 */
import os from 'node:os';
import { startConsoleChat } from '../adapters/console/chat.ts';
import { slackConfig } from '../adapters/slack/config.ts';
import { startSlack } from '../adapters/slack/start.ts';
import { createBot } from './bot/bot.ts';
import { warmUpParser } from './commands/parse.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import type { PlatformIdentity } from './core/identity.ts';
import { createLogger, type Logger } from './log.ts';
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

/** Resolves on SIGTERM or SIGINT: the platforms then stop cleanly. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
}

/** `npm start`: every configured platform; with none, the console chat. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const slack = slackConfig(env);
  // Listening from the start, so a signal during start-up still ends in a clean stop.
  const stopSignal = slack ? untilSignal() : undefined;
  const { config, database, log } = await boot(env, slack ? 'info' : 'warn');
  warmUpParser();
  const bot = createBot({ db: database.db, log });
  if (slack && stopSignal) {
    const platforms = [await startSlack({ bot, db: database.db, log, config: slack })];
    log.info({ signal: await stopSignal }, 'stopping');
    for (const platform of platforms) await platform.stop();
    await database.close();
    return 0;
  }
  const interactive = Boolean(process.stdin.isTTY);
  if (interactive) process.stdout.write('keepwarm — type /help to begin, Ctrl-D to leave.\n\n');
  const chat = startConsoleChat({
    bot,
    user: consoleIdentity(config),
    ...(config.locale ? { locale: config.locale } : {}),
    timeZone: consoleTimeZone(config),
    input: process.stdin,
    output: process.stdout,
    interactive,
    filesDir: 'data/exports',
  });
  const stop = async () => {
    await database.close();
  };
  process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
  await chat.done;
  await stop();
  return 0;
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
