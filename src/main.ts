/**
 * The composition root: configuration, database, conversation, adapters and
 * the scheduler wired together. Only this file and the scheduler read the clock.
 */
import os from 'node:os';
import { inspect } from 'node:util';
import { startConsoleChat } from '../adapters/console/chat.ts';
import { slackConfig } from '../adapters/slack/config.ts';
import { telegramConfig } from '../adapters/telegram/config.ts';
import { createConversation } from './bot/conversation.ts';
import { catalog } from './i18n/index.ts';
import type { RunningPlatform } from './port.ts';
import { warmUpParser } from './commands/parse.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { parseIdentity, type PlatformIdentity } from './core/identity.ts';
import { createLogger, type Logger } from './log.ts';
import { redactor, secretsIn } from './secrets.ts';
import { userLimiter } from './user-limit.ts';
import { createOps, type Ops } from './ops/endpoints.ts';
import { standaloneAddress } from './ops/server.ts';
import { startScheduler, type SchedulerOptions } from './scheduler/scheduler.ts';
import type { SourceSync } from './sources/runner.ts';
import { openDatabase, type Database } from './store/db.ts';
import { languageOf } from './store/users.ts';
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
  const database = await openDatabase(config.databaseUrl, { synchronous: config.sqliteSynchronous, poolSize: config.poolSize, log });
  await migrateToLatest(database.db);
  return { config, database, log };
}

/**
 * The sync of calendars and mailboxes, configured from the environment; the
 * operator's mailbox (KEEPWARM_IMAP_*) is connected for `owner` first.
 */
export async function sourceSync(runtime: Runtime, owner: PlatformIdentity | undefined): Promise<SourceSync> {
  const { config, database, log } = runtime;
  const { createSourceSync } = await import('./sources/runner.ts');
  const mailbox = config.operatorMailbox;
  if (mailbox) {
    const { ensureOperatorMailbox } = await import('./sources/operator.ts');
    const who = mailbox.owner ? parseIdentity(mailbox.owner) : owner;
    if (who) await ensureOperatorMailbox(database.db, mailbox, who, new Date());
    else log.warn({}, 'KEEPWARM_IMAP_HOST is set but not whose mailbox it is: set KEEPWARM_IMAP_FOR (e.g. telegram:12345)');
  }
  return createSourceSync({
    db: database.db,
    box: config.secretBox,
    limits: { allowPrivate: config.allowPrivateHosts },
    env: mailbox ? { operatorMailboxPassword: mailbox.password } : {},
    log,
  });
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
  // The console user owns the operator's mailbox unless KEEPWARM_IMAP_FOR names another.
  const who = signal ? undefined : consoleIdentity(config);
  const sources = await sourceSync({ config, database, log }, who);
  const conversation = createConversation({
    db: database.db,
    log,
    observer: ops.metrics,
    sources: { box: config.secretBox, runSource: sources.runSource, runForUser: sources.runForUser },
  });
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
      // Each platform's code loads only when it is configured: the console chat
      // and the `keepwarm` commands never pay for grammY's and Bolt's modules.
      if (telegram) {
        const { startTelegram } = await import('../adapters/telegram/start.ts');
        platforms.push(await Promise.race([startTelegram({ conversation, db: database.db, log, config: telegram, onFatal: fatal.resolve, limiter, signal: abort, ...routes }), aborted]));
      }
      if (slack) {
        const { startSlack } = await import('../adapters/slack/start.ts');
        platforms.push(await Promise.race([startSlack({ conversation, db: database.db, log, config: slack, limiter, ...routes }), aborted]));
      }
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
    // PostgreSQL plans several batches at once on its pool; SQLite has one connection.
    const parallel = database.kind === 'postgres' ? Math.max(1, Math.min(3, config.poolSize - 1)) : 1;
    return serve(platforms, { database, config, log, ops }, Promise.race([signal, fatal.promise]), { parallel, sources });
  }
  // The console chat opens no port unless OPS_PORT asks for one.
  await ops.listen(standaloneAddress(config, 'console', false));
  const interactive = Boolean(process.stdin.isTTY);
  const t = catalog(languageOf(config.locale));
  if (interactive) process.stdout.write(`${t.consoleBanner()}\n\n`);
  const chat = startConsoleChat({
    conversation,
    user: who ?? consoleIdentity(config),
    ...(config.locale ? { locale: config.locale } : {}),
    timeZone: consoleTimeZone(config),
    input: process.stdin,
    output: process.stdout,
    interactive,
    filesDir: 'data/exports',
    words: { prompt: t.consolePrompt(), savedTo: t.consoleSavedTo },
  });
  const endOfInput = chat.done.then(() => 'end of input' as const);
  return serve([chat], { database, config, log, ops }, Promise.race([endOfInput, untilSignal()]), {
    sources,
    audience: [{ platform: 'console', userIds: [(who ?? consoleIdentity(config)).userId] }],
  });
}

/**
 * Resolves on SIGTERM or SIGINT: the platforms then stop cleanly. The
 * listeners stay for the whole life of the process: a signal repeated while
 * stopping (tsx, which `npm start` runs, sends it again when the first one is
 * not acknowledged within 30 ms) must not find none — Node would then end the
 * process with 143 in the middle of the clean stop.
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
 * Runs the platforms and the nudge scheduler until a signal, a fatal platform
 * error or the end of the console's input, then stops them cleanly: /readyz
 * turns 503 at once (a load balancer drains the instance), the scheduler's
 * tick and in-flight updates finish before the database closes, and the ops
 * server closes last. Exit code 1 after a fatal error, else 0.
 */
async function serve(
  platforms: RunningPlatform[],
  runtime: Runtime & { ops: Ops },
  until: Promise<NodeJS.Signals | Error | 'end of input'>,
  scheduling: Pick<SchedulerOptions, 'audience' | 'parallel' | 'sources'>,
): Promise<number> {
  const { database, config, log, ops } = runtime;
  const scheduler = startScheduler({
    db: database.db,
    messengers: platforms.map((platform) => platform.messenger),
    observer: ops.metrics,
    catchUpMs: config.catchUpMs,
    ...scheduling,
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
