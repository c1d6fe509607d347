/**
 * The two ways keepwarm calls the Bot API. Replies to a user's message retry
 * by themselves (auto-retry: `retry_after` on 429, backoff on 5xx, bounded;
 * plus a bounded retry on network errors). The Messenger, used by the
 * scheduler's outbox, never retries inside: it reports a `DeliveryError` and
 * the outbox decides, so a nudge is neither doubled nor held up in here.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { Api, HttpError, type Transformer } from 'grammy';
import type { TelegramConfig } from './config.ts';

/** Options for grammY's HTTP client, shared by the bot and the Messenger. */
export function clientOptions(config: TelegramConfig) {
  return { apiRoot: config.apiRoot, timeoutSeconds: config.tuning.requestTimeoutSeconds };
}

const sleep = (ms: number, signal?: { addEventListener(type: 'abort', listener: () => void): void }) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted while waiting to retry'));
    });
  });

/**
 * Network errors (connection refused or dropped, timeouts) retried a few
 * times with doubling waits. A dropped request may have reached Telegram, so
 * a retry can in rare cases show a reply twice; losing it would be worse.
 */
function networkRetry(retries: number, firstDelayMs: number): Transformer {
  return async (prev, method, payload, signal) => {
    let delay = firstDelayMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return await prev(method, payload, signal);
      } catch (error) {
        if (!(error instanceof HttpError) || attempt >= retries || signal?.aborted) throw error;
        await sleep(delay, signal);
        delay *= 2;
      }
    }
  };
}

/** Applies `transformer` to every method but polling, which the runner retries on its own terms. */
function exceptPolling(transformer: Transformer): Transformer {
  return (prev, method, payload, signal) => (method === 'getUpdates' ? prev(method, payload, signal) : transformer(prev, method, payload, signal));
}

/** The retry policy of replies, installed on the bot's API (and so on every `ctx.api`). */
export function replyRetries(config: TelegramConfig): Transformer[] {
  const t = config.tuning;
  return [
    exceptPolling(networkRetry(t.networkRetries, t.networkRetryDelayMs)),
    exceptPolling(
      autoRetry({
        maxRetryAttempts: t.maxRetryAttempts,
        maxDelaySeconds: t.maxRetryDelaySeconds,
        // Network errors are retried (boundedly) by networkRetry above;
        // auto-retry alone would retry them forever.
        rethrowHttpErrors: true,
      }),
    ),
  ];
}

/** A Bot API client without any retry, for the Messenger. */
export function plainApi(config: TelegramConfig): Api {
  return new Api(config.token, clientOptions(config));
}
