/**
 * The composition root: configuration, database, conversation, adapters and
 * the scheduler wired together. Only this file and the scheduler read the clock.
 */
import os from 'node:os';
import { inspect } from 'node:util';
import { startConsoleChat } from '../adapters/console/chat.ts';
import { slackConfig } from '../adapters/slack/config.ts';
import { startSlack } from '../adapters/slack/start.ts';
import { telegramConfig } from '../adapters/telegram/config.ts';
import { startTelegram } from '../adapters/telegram/start.ts';
import { createBot } from './bot/bot.ts';
import type { Messenger } from './bot/port.ts';
import { warmUpParser } from './commands/parse.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import type { PlatformIdentity } from './core/identity.ts';
import { createLogger, type Logger } from './log.ts';
import { redactor, secretsIn } from './secrets.ts';
import { userLimiter } from './user-limit.ts';
import { createOps, type Ops } from './ops/ops.ts';
import { standaloneAddress } from './ops/server.ts';
import { startScheduler } from './scheduler/scheduler.ts';
import { openDatabase, type Database } from './store/db.ts';
import { migrateToLatest } from './store/migrate.ts';

export interface Runtime {
  config: Config;
  database: Database;
  log: Logger;
}

/**
 * Opens and migrates the database named by the configuration. `secrets`: more
 * values the logger blanks out beside those of the environment (secretsIn).
 */
export async function boot(env: NodeJS.ProcessEnv, defaultLogLevel = 'info', secrets: readonly string[] = []): Promise<Runtime> {
  const config = loadConfig(env);
  const log = createLogger(config.logLevel ?? defaultLogLevel, undefined, { secrets: [...secretsIn(env), ...secrets] });
  const database = await openDatabase(config.databaseUrl, { synchronous: config.sqliteSynchronous, poolSize: config.poolSize });
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
  const slack = slackConfig(env);
  const onPlatforms = telegram !== undefined || slack !== undefined;
  // Listening from the start, so a signal during start-up still ends in a clean stop.
  const signal = onPlatforms ? untilSignal() : undefined;
  // A webhook secret derived from the token is a secret too.
  const derived = telegram?.webhook?.secretDerived ? [telegram.webhook.secret] : [];
  const { config, database, log } = await boot(env, onPlatforms ? 'info' : 'warn', derived);
  warmUpParser();
  const ops = createOps({ db: database.db, log });
  const bot = createBot({ db: database.db, log, observer: ops.metrics });
  if (signal) {
    const fatal = deferred<Error>();
    const platforms: RunningPlatform[] = [];
    // The platforms' HTTP servers serve /healthz, /readyz and /metrics too, unless OPS_PORT gives them their own.
    const routes = config.opsPort === undefined ? { routes: ops.routes } : {};
    // A signal during start-up ends it: a start still waiting (for the Bot API) gives up at once.
    const starting = new AbortController();
    void signal.then(() => starting.abort(new Error('stopped during start-up')));
    const aborted = new Promise<never>((_, reject) => starting.signal.addEventListener('abort', () => reject(starting.signal.reason as Error), { once: true }));
    aborted.catch(() => undefined);
    try {
      // One bounded share per user, whichever platform they write on.
      const limiter = userLimiter(config.userLimit);
      const { signal: abort } = starting;
      if (telegram) platforms.push(await Promise.race([startTelegram({ bot, db: database.db, log, config: telegram, onFatal: fatal.resolve, limiter, signal: abort, ...routes }), aborted]));
      if (slack) platforms.push(await Promise.race([startSlack({ bot, db: database.db, log, config: slack, limiter, ...routes }), aborted]));
      await ops.listen(standaloneAddress(config, 'platforms', platforms.some((platform) => platform.servesRoutes)));
    } catch (error) {
      await Promise.allSettled(platforms.map((platform) => platform.stop()));
      await database.close();
      await ops.close();
      if (starting.signal.aborted) {
        log.info({ reason: await signal }, 'keepwarm stopping');
        return 0;
      }
      throw error;
    }
    return serve(platforms, database, config, log, Promise.race([signal, fatal.promise]), ops);
  }
  // The console chat opens no port unless OPS_PORT asks for one.
  await ops.listen(standaloneAddress(config, 'console', false));
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
    observer: ops.metrics,
    audience: [{ platform: 'console', userIds: [who.userId] }],
    catchUpMs: config.catchUpMs,
    concurrency: config.sendConcurrency,
    log,
  });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      ops.beginShutdown();
      await scheduler.stop();
      await database.close();
      await ops.close();
    })());
  // `on`, not `once`: a second signal while stopping must not find no listener and end the process half-way.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop().then(() => process.exit(0)));
  await chat.done;
  await stop();
  return 0;
}

interface RunningPlatform {
  messenger: Messenger;
  stop(): Promise<void>;
  /** Its HTTP server serves the ops routes. */
  servesRoutes: boolean;
}

/**
 * Resolves on SIGTERM or SIGINT: the platforms then stop cleanly. The
 * listeners stay: a second signal (sent to the whole process group, or again
 * by an impatient operator) while the drain runs is absorbed. Without a
 * listener the default — or tsx's — would end the process with 143 half-way.
 */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.on('SIGTERM', resolve);
    process.on('SIGINT', resolve);
  });
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Runs the platforms and the nudge scheduler until a signal or a fatal
 * platform error, then stops them cleanly: /readyz turns 503 at once (a load
 * balancer drains the instance), the scheduler's tick and in-flight updates
 * finish before the database closes, and the ops server closes last.
 */
async function serve(platforms: RunningPlatform[], database: Database, config: Config, log: Logger, until: Promise<NodeJS.Signals | Error>, ops: Ops): Promise<number> {
  const scheduler = startScheduler({
    db: database.db,
    messengers: platforms.map((platform) => platform.messenger),
    observer: ops.metrics,
    catchUpMs: config.catchUpMs,
    // PostgreSQL plans several batches at once on its pool; SQLite has one connection.
    parallel: database.kind === 'postgres' ? Math.max(1, Math.min(3, config.poolSize - 1)) : 1,
    concurrency: config.sendConcurrency,
    log,
  });
  const reason = await until;
  ops.beginShutdown();
  log.info({ reason: typeof reason === 'string' ? reason : reason.message }, 'keepwarm stopping');
  await scheduler.stop();
  await Promise.allSettled(platforms.map((platform) => platform.stop()));
  await database.close();
  await ops.close();
  return typeof reason === 'string' ? 0 : 1;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      // Not through the logger, which may not exist yet: its secrets are blanked out here.
      const redact = redactor(secretsIn(process.env));
      if (error instanceof ConfigError) console.error(redact(`keepwarm: ${error.message}`));
      else console.error(redact(`keepwarm failed to start: ${inspect(error)}`));
      process.exit(1);
    },
  );
}
