/**
 * keepwarm on Telegram: a grammY bot around the conversation, started by
 * long polling (default) or as a webhook (TELEGRAM_WEBHOOK_URL), with the
 * command menu registered in English and German. `startTelegram` is what
 * main.ts calls; it returns the Messenger for the scheduler and a `stop` that
 * finishes what is in flight.
 */
import { sequentialize } from '@grammyjs/runner';
import { Bot, GrammyError, type Api } from 'grammy';
import type { BotCommand, UserFromGetMe } from 'grammy/types';
import type { Kysely } from 'kysely';
import type { Conversation } from '../../src/bot/conversation.ts';
import { catalog } from '../../src/i18n/index.ts';
import type { HttpRoute } from '../../src/ops/routes.ts';
import type { Logger } from '../../src/log.ts';
import type { RunningPlatform } from '../../src/port.ts';
import { userLimiter, type UserLimiter } from '../../src/user-limit.ts';
import { callbackStore } from './callbacks.ts';
import { clientOptions, plainApi, replyRetries } from './client.ts';
import type { TelegramConfig } from './config.ts';
import { errorFields } from './errors.ts';
import { floodGuard } from './flood.ts';
import { keepwarmUpdates, tooFastAnswers } from './handler.ts';
import { telegramMessenger, type TelegramMessenger } from './messenger.ts';
import { ALLOWED_UPDATES, startPolling } from './polling.ts';
import { startWebhookServer } from './webhook.ts';

/** `T`: the database's schema, which the adapter does not need to know (it only uses its own table). */
export interface TelegramOptions<T = unknown> {
  /** keepwarm's conversation (`createConversation`). */
  conversation: Conversation;
  /** The database, for the adapter's own table (`telegram_callbacks`). */
  db: Kysely<T>;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  config: TelegramConfig;
  /** Polling cannot go on (the token was revoked); main stops the process. */
  onFatal?: (error: Error) => void;
  /** Tests: skip `getMe`. */
  botInfo?: UserFromGetMe;
  /** Mounted on the webhook server, if there is one (keepwarm's /healthz, /readyz, /metrics). */
  routes?: readonly HttpRoute[];
  /** Each user's bounded share (default: DEFAULT_USER_LIMIT, per bot). */
  limiter?: UserLimiter;
  /** Aborted by SIGTERM: a start still waiting for the Bot API gives up at once. */
  signal?: AbortSignal;
  now?: () => Date;
}

export interface TelegramRuntime extends RunningPlatform {
  messenger: TelegramMessenger;
  /** Stops receiving, finishes every update in flight, confirms the offset. */
  stop(): Promise<void>;
  /** Resolves when no received update is being handled (tests, benchmarks). */
  idle(): Promise<void>;
  /** The webhook server's port in webhook mode. */
  webhookPort?: number;
  /** Whether `routes` are served (webhook mode). */
  servesRoutes: boolean;
  /** The grammY bot, for tests and benchmarks. */
  grammy: Bot;
}

/** Every update of one chat waits for the one before: "done" never overtakes "/met". */
function chatKey(ctx: { chat?: { id: number } | undefined; from?: { id: number } | undefined }): string | undefined {
  return ctx.chat?.id.toString() ?? ctx.from?.id.toString();
}

/** The grammY bot with keepwarm's middleware, retries and error boundary; not started. */
function createTelegramBot<T>(options: TelegramOptions<T>): Bot {
  const { config, log } = options;
  const bot = new Bot(config.token, { client: clientOptions(config), ...(options.botInfo ? { botInfo: options.botInfo } : {}) });
  bot.api.config.use(...replyRetries(config));
  // Before the chat's queue: what one user sends too fast never waits in it.
  bot.use(floodGuard({ limiter: options.limiter ?? userLimiter(), ...tooFastAnswers(options.conversation, log) }));
  bot.use(sequentialize(chatKey));
  bot.use(
    keepwarmUpdates({
      conversation: options.conversation,
      log,
      config,
      callbacks: callbackStore(options.db, options.now),
      ...(options.now ? { now: options.now } : {}),
    }),
  );
  // No API error ever stops the bot: the update is logged and the next one handled.
  bot.catch((error) => log.error({ updateId: error.ctx.update.update_id, ...errorFields(error.error) }, 'telegram: an update failed'));
  return bot;
}

/** The command menu, per language. */
function botCommands(language: 'en' | 'de'): BotCommand[] {
  return Object.entries(catalog(language).telegramCommands).map(([command, description]) => ({ command, description }));
}

async function registerCommands(api: Api, log: Pick<Logger, 'info' | 'warn' | 'error'>): Promise<void> {
  const scope = { type: 'all_private_chats' } as const;
  try {
    await api.setMyCommands(botCommands('en'), { scope });
    await api.setMyCommands(botCommands('de'), { scope, language_code: 'de' });
  } catch (error) {
    log.warn(errorFields(error), 'telegram: the command menu could not be registered; commands still work when typed');
  }
}

/**
 * getMe until it answers: a Bot API that is down at start is waited for up
 * to `startRetrySeconds` (a minute; docs/telegram.md), each failure logged;
 * a wrong token is not waited for, and `signal` (SIGTERM) ends the wait.
 * Not grammY's `bot.init()`: it retries a network error forever, silently.
 */
async function initialize(bot: Bot, config: TelegramConfig, log: Pick<Logger, 'info' | 'warn' | 'error'>, signal?: AbortSignal): Promise<void> {
  // No retries inside: every failure is seen, and logged, here.
  const api = plainApi(config);
  const deadline = Date.now() + config.tuning.startRetrySeconds * 1000;
  for (let attempt = 1, delay = 250; ; attempt++, delay = Math.min(delay * 2, 5000)) {
    signal?.throwIfAborted();
    try {
      // A Bot API that never answers is given up on at the deadline too.
      const limit = AbortSignal.timeout(Math.max(deadline - Date.now(), 1000));
      const either = signal ? AbortSignal.any([limit, signal]) : limit;
      // grammY types its signal with a shim of the same interface.
      bot.botInfo = await api.getMe(either as unknown as Parameters<Api['getMe']>[0]);
      return;
    } catch (error) {
      signal?.throwIfAborted();
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
        throw new Error(`Telegram refused TELEGRAM_BOT_TOKEN (${error.error_code} ${error.description}) — get the token from @BotFather`, { cause: error });
      }
      const retryable = !(error instanceof GrammyError) || error.error_code >= 500 || error.error_code === 429;
      if (!retryable) throw error;
      if (Date.now() + delay > deadline) {
        throw new Error(`the Bot API at ${config.apiRoot} was not reachable for ${config.tuning.startRetrySeconds} s — check the network, or TELEGRAM_API_ROOT`, { cause: error });
      }
      log.warn({ attempt, ...errorFields(error) }, 'telegram: the Bot API is not reachable yet; retrying');
      await sleep(delay, signal);
    }
  }
}

/** Waits `ms`, or rejects at once when `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

export async function startTelegram<T>(options: TelegramOptions<T>): Promise<TelegramRuntime> {
  const { config, log } = options;
  const bot = createTelegramBot(options);
  await initialize(bot, config, log, options.signal);
  await registerCommands(bot.api, log);
  const api = plainApi(config);
  const messenger = telegramMessenger(api, callbackStore(options.db, options.now), config.sendRate);

  if (config.webhook) {
    const webhook = config.webhook;
    const server = await startWebhookServer(bot, webhook, log, options.routes);
    try {
      await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
    } catch (error) {
      await server.stop();
      throw error;
    }
    log.info({ username: bot.botInfo.username, path: webhook.path, port: server.port, secretDerived: webhook.secretDerived }, 'telegram: webhook set');
    return { messenger, grammy: bot, webhookPort: server.port, servesRoutes: options.routes !== undefined, stop: () => server.stop(), idle: () => server.idle() };
  }

  // A webhook left from an earlier deployment would make getUpdates fail with 409.
  await bot.api.deleteWebhook();
  const poller = startPolling(bot, { config, log, api, ...(options.onFatal ? { onFatal: options.onFatal } : {}) });
  log.info({ username: bot.botInfo.username }, 'telegram: polling for updates');
  return { messenger, grammy: bot, servesRoutes: false, stop: () => poller.stop(), idle: () => poller.idle() };
}
