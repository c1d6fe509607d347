/**
 * Telegram's configuration from the environment. `TELEGRAM_BOT_TOKEN` turns
 * Telegram on; everything else has a default. A malformed variable throws a
 * `ConfigError` naming it, so keepwarm stops at start instead of half-working.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { ConfigError } from '../../src/config.ts';

export interface TelegramWebhookConfig {
  /** The public URL Telegram posts updates to (given to `setWebhook`). */
  url: string;
  /** The path of that URL, served by the local HTTP server. */
  path: string;
  /** Echoed by Telegram in `X-Telegram-Bot-Api-Secret-Token`; requests without it are refused. */
  secret: string;
  /** True when the secret was derived from the token (TELEGRAM_WEBHOOK_SECRET unset). */
  secretDerived: boolean;
  port: number;
  host: string;
}

/** Timings that production leaves at their defaults and tests shorten. */
export interface TelegramTuning {
  /** Long-poll timeout of `getUpdates`, seconds. */
  pollTimeoutSeconds: number;
  /** Any one HTTP request to the Bot API gives up after this many seconds (must exceed the long poll). */
  requestTimeoutSeconds: number;
  /** Retries of a reply after a network error (the Messenger never retries). */
  networkRetries: number;
  /** First wait before such a retry, doubled each time. */
  networkRetryDelayMs: number;
  /** auto-retry: 429/5xx retries of a reply, and the longest `retry_after` it waits for. */
  maxRetryAttempts: number;
  maxRetryDelaySeconds: number;
  /** Polling after a failed `getUpdates`: first wait, grown linearly by the runner. */
  pollRetryMs: number;
  /** How long `startTelegram` keeps trying to reach the Bot API before giving up. */
  startRetrySeconds: number;
}

export interface TelegramConfig {
  token: string;
  /** Bot API server, no trailing slash. */
  apiRoot: string;
  webhook?: TelegramWebhookConfig;
  /** What the scheduler may send: messages per second overall and per chat. */
  sendRate: { perSecond: number; perChatPerSecond: number };
  tuning: TelegramTuning;
}

const DEFAULT_API_ROOT = 'https://api.telegram.org';
const DEFAULT_WEBHOOK_PORT = 8080;
/** A little under Telegram's published ~30 a second: sending at the very edge costs a 429 pause now and then (npm run bench fanout). */
const DEFAULT_SEND_RATE = { perSecond: 28, perChatPerSecond: 1 };

const DEFAULT_TUNING: TelegramTuning = {
  pollTimeoutSeconds: 30,
  requestTimeoutSeconds: 60,
  networkRetries: 3,
  networkRetryDelayMs: 1000,
  maxRetryAttempts: 3,
  maxRetryDelaySeconds: 60,
  pollRetryMs: 200,
  startRetrySeconds: 60,
};

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const httpUrl = z.string().refine((v) => {
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}, 'must be an http(s) URL');

const port = z.coerce.number().int().min(0).max(65535);

const schema = z.object({
  TELEGRAM_BOT_TOKEN: optional(z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, 'must look like 123456:ABC-DEF… (from @BotFather)')),
  TELEGRAM_API_ROOT: optional(httpUrl),
  TELEGRAM_WEBHOOK_URL: optional(httpUrl),
  TELEGRAM_WEBHOOK_SECRET: optional(z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1–256 characters of A-Z, a-z, 0-9, _ and -')),
  TELEGRAM_WEBHOOK_PORT: optional(port),
  TELEGRAM_WEBHOOK_HOST: optional(z.string()),
  PORT: optional(port),
  TELEGRAM_SEND_RATE: optional(
    z.string().regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)?$/, 'must be PER_SECOND or PER_SECOND,PER_CHAT_PER_SECOND, e.g. 30 or 30,1'),
  ),
});

/**
 * A webhook secret derived from the token: stable across restarts and
 * replicas (all set and check the same value) and never the token itself.
 */
export function deriveWebhookSecret(token: string): string {
  return createHmac('sha256', token).update('keepwarm telegram webhook').digest('base64url');
}

/** Telegram's settings, or undefined when `TELEGRAM_BOT_TOKEN` is not set. */
export function telegramConfig(env: NodeJS.ProcessEnv, tuning: Partial<TelegramTuning> = {}): TelegramConfig | undefined {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration — ${problems.join('; ')}`);
  }
  const e = parsed.data;
  if (!e.TELEGRAM_BOT_TOKEN) {
    const orphan = (['TELEGRAM_WEBHOOK_URL', 'TELEGRAM_API_ROOT'] as const).find((name) => e[name] !== undefined);
    if (orphan) throw new ConfigError(`invalid configuration — ${orphan} is set but TELEGRAM_BOT_TOKEN is missing`);
    return undefined;
  }
  const token = e.TELEGRAM_BOT_TOKEN;
  const config: TelegramConfig = {
    token,
    // grammY refuses a trailing slash; nobody should have to know that.
    apiRoot: (e.TELEGRAM_API_ROOT ?? DEFAULT_API_ROOT).replace(/\/+$/, ''),
    sendRate: DEFAULT_SEND_RATE,
    tuning: { ...DEFAULT_TUNING, ...tuning },
  };
  if (e.TELEGRAM_SEND_RATE) {
    const [overall, perChat] = e.TELEGRAM_SEND_RATE.split(',').map(Number);
    if (!overall || overall <= 0) throw new ConfigError('invalid configuration — TELEGRAM_SEND_RATE: the rate must be above 0');
    config.sendRate = { perSecond: overall, perChatPerSecond: perChat && perChat > 0 ? perChat : DEFAULT_SEND_RATE.perChatPerSecond };
  }
  if (e.TELEGRAM_WEBHOOK_URL) {
    const url = new URL(e.TELEGRAM_WEBHOOK_URL);
    config.webhook = {
      url: e.TELEGRAM_WEBHOOK_URL,
      path: url.pathname || '/',
      secret: e.TELEGRAM_WEBHOOK_SECRET ?? deriveWebhookSecret(token),
      secretDerived: e.TELEGRAM_WEBHOOK_SECRET === undefined,
      port: e.TELEGRAM_WEBHOOK_PORT ?? e.PORT ?? DEFAULT_WEBHOOK_PORT,
      host: e.TELEGRAM_WEBHOOK_HOST ?? '0.0.0.0',
    };
  }
  return config;
}
