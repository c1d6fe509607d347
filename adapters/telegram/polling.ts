/**
 * Long polling through @grammyjs/runner: updates of different chats are
 * handled concurrently, each chat's in order (the bot sequentializes by chat).
 * What is confirmed to Telegram, and when, is confirmations.ts's: an update
 * the database could not take is not confirmed, so Telegram hands it out again.
 * Stopping is clean: the pending `getUpdates` is aborted, every update already
 * fetched is finished, and the offset is confirmed to Telegram so nothing
 * handled is fetched again (and anything redelivered anyway is de-duplicated
 * by its update id).
 */
import { run, type RunnerHandle } from '@grammyjs/runner';
import { GrammyError, type Api, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { refusalOf } from '../../src/bot/conversation.ts';
import type { TelegramConfig } from './config.ts';
import { confirmations } from './confirmations.ts';
import { errorFields } from './errors.ts';
import { chatSlots } from './chat-slots.ts';
import { inFlight } from './in-flight.ts';
import type { Logger } from '../../src/log.ts';

/** The updates keepwarm acts on; everything else Telegram need not send. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'channel_post', 'my_chat_member'] as const;

export interface Poller {
  stop(): Promise<void>;
  /** Resolves when no fetched update is being handled. */
  idle(): Promise<void>;
}

export interface PollingOptions {
  config: TelegramConfig;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** A client without retries, for the final offset confirmation. */
  api: Api;
  /** Called when polling cannot go on (401: the token was revoked). */
  onFatal?: (error: Error) => void;
}

const RESTART_MS = 5000;

export function startPolling(bot: Bot, options: PollingOptions): Poller {
  const { config, log, api } = options;
  const inflight = inFlight();
  const confirming = confirmations();
  const slots = chatSlots();
  let lastSeen = -1;
  let stopping = false;
  let failures = 0;
  let handle: RunnerHandle | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let stopped: Promise<void> | undefined;

  // Polling errors are retried by the runner; this only makes them visible.
  bot.api.config.use(async (prev, method, payload, signal) => {
    if (method !== 'getUpdates') return prev(method, payload, signal);
    const asked = payload as { offset?: number; timeout?: number };
    const { offset, again } = await confirming.beforeFetch(asked.offset ?? 0, signal);
    try {
      const result = await prev(method, { ...payload, offset, ...(again.length > 0 ? { timeout: 0 } : {}) }, signal);
      if (failures > 0 && result.ok) {
        log.info({ failures }, 'telegram: polling recovered');
        failures = 0;
      }
      if (result.ok) (result as { result: Update[] }).result = confirming.afterFetch(result.result as Update[], again);
      return result;
    } catch (error) {
      if (!signal?.aborted) log.warn({ failures: ++failures, ...errorFields(error) }, 'telegram: getUpdates failed; retrying');
      throw error;
    }
  });

  const source = {
    init: () => bot.init(),
    handleUpdate(update: Update): Promise<void> {
      lastSeen = Math.max(lastSeen, update.update_id);
      if (!confirming.take(update)) return Promise.resolve();
      const handled = bot.handleUpdate(update).then(
        () => confirming.settle(update, false),
        (error: unknown) => {
          const refusal = refusalOf(error);
          confirming.settle(update, refusal !== undefined);
          if (refusal !== undefined) log.warn({ updateId: update.update_id, reason: refusal }, 'telegram: an update was refused for now; it is not confirmed and comes again');
          else log.error({ updateId: update.update_id, err: error }, 'telegram: an update failed');
        },
      );
      return slots.hold(update, inflight.track(handled));
    },
    errorHandler: (error: unknown) => log.error({ err: error }, 'telegram: an update failed'),
    api: bot.api,
  };

  function start(): void {
    handle = run(source, {
      runner: {
        fetch: { timeout: config.tuning.pollTimeoutSeconds, allowed_updates: [...ALLOWED_UPDATES] },
        // 100 ms, 200 ms, 300 ms …: a dead API is retried for hours, and
        // polling resumes within seconds of its return.
        retryInterval: 'quadratic',
        silent: true,
      },
    });
    const task = handle.task();
    task?.then(undefined, (error: unknown) => {
      if (stopping) return;
      if (error instanceof GrammyError && error.error_code === 401) {
        log.error(errorFields(error), 'telegram: the Bot API refused TELEGRAM_BOT_TOKEN (401); polling stopped — get a valid token from @BotFather');
        options.onFatal?.(error);
        return;
      }
      const conflict = error instanceof GrammyError && error.error_code === 409;
      log.error(errorFields(error), conflict ? 'telegram: another instance is polling or a webhook is set (409); polling again shortly' : 'telegram: polling stopped; starting again shortly');
      restartTimer = setTimeout(start, RESTART_MS);
    });
  }
  start();

  const idle = () => inflight.idle();

  return {
    idle,
    stop() {
      stopped ??= stop();
      return stopped;
    },
  };

  async function stop(): Promise<void> {
    stopping = true;
    clearTimeout(restartTimer);
    await Promise.resolve(handle?.stop()).catch(() => undefined);
    // The runner stops fetching but does not wait for running handlers.
    await idle();
    const { offset, lost } = confirming.finalOffset(lastSeen);
    if (lost > 0) log.warn({ lost }, 'telegram: updates refused after their offset was confirmed are given up with this stop');
    if (offset !== undefined) {
      // Confirms every update below it (all fetched but those refused), like grammY's own bot.stop().
      await api
        .getUpdates({ offset, limit: 1, timeout: 0 })
        .catch((error: unknown) => log.warn(errorFields(error), 'telegram: could not confirm the update offset; the last updates will be redelivered and de-duplicated'));
    }
  }
}
