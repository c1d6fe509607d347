/**
 * The port between the conversation and the platforms (docs/design.md §4). Adapters
 * turn platform updates into `Incoming`, hand them to the conversation, and render the
 * `Reply` values natively. Nothing here knows a platform SDK.
 */
import type { Language } from './core/types.ts';
import type { Platform, PlatformIdentity } from './core/identity.ts';

export type { Platform, PlatformIdentity } from './core/identity.ts';

export interface Incoming {
  from: PlatformIdentity;
  /** The direct-message channel or chat the reply goes to. */
  chatId: string;
  /** What the user typed (slash command or plain text). */
  text?: string;
  /** The payload of a pressed button (see `Button.action`). */
  action?: string;
  /** The platform id of the bot message this one answers (a reply or a button under it). */
  replyToMessageId?: string;
  /** The platform's id for this update or event, so a redelivery changes nothing twice. */
  eventId?: string;
  /**
   * The platform delivers this update again when the adapter refuses it (a
   * Telegram update: webhook non-2xx, or an offset not confirmed). While the
   * database cannot take it, the conversation then throws `RetryLater`
   * instead of answering.
   */
  redeliverable?: boolean;
  /** The platform's idea of the user's language (`de`, `de-DE`, `en_US`), until they set one. */
  locale?: string;
  /** The platform's idea of the user's time zone (IANA), until they set one. */
  timeZone?: string;
  /** A file the user sent (import). */
  file?: IncomingFile;
  /**
   * The user forwarded someone's message: a chat with that person counts as a
   * touch. `name` is the original sender's display name, `at` when they wrote.
   */
  forwardedFrom?: { name: string; at?: Date };
}

export interface IncomingFile {
  name: string;
  content: Buffer;
}

/**
 * Formatted text as data: a list of lines, each a list of spans. Adapters
 * escape every span for their markup, so user text can never become markup.
 */
export interface Span {
  text: string;
  style?: 'bold' | 'italic' | 'code';
}
export type Line = Span[];
export type RichText = Line[];

export interface Button {
  label: string;
  /** Opaque payload handed back in `Incoming.action`; at most 64 bytes (Telegram's limit). */
  action: string;
  style?: 'primary' | 'danger';
}

export interface ReplyFile {
  name: string;
  mimeType: string;
  content: Buffer;
}

export interface Reply {
  text: RichText;
  /** Rows of buttons. */
  buttons?: Button[][];
  file?: ReplyFile;
  /** Replace this earlier bot message instead of sending a new one, where the platform allows. */
  editMessageId?: string;
  language?: Language;
  /**
   * The message this answers held a secret (a password, a secret calendar
   * URL): the adapter deletes it from the chat where the platform lets a bot
   * (Telegram); elsewhere the reply itself asks the user to.
   */
  deleteIncoming?: boolean;
}

/** Where and to whom a message goes when the bot speaks first (the daily nudge). */
export interface Recipient extends PlatformIdentity {
  chatId: string;
}

/**
 * What the scheduler needs from an adapter. Errors are `DeliveryError`s so the
 * sender can decide: wait and retry, give up on this user, or try again later.
 */
export interface Messenger {
  platform: Platform;
  /**
   * The pace the platform tolerates for messages the bot starts itself: at most
   * `perSecond` sends a second through this messenger, and `perChatPerSecond`
   * into one chat (Telegram: about 30 and 1). The scheduler paces its fan-out
   * by it; 429s still happen and come back as `rate_limited` DeliveryErrors.
   */
  rateLimit?: { perSecond: number; perChatPerSecond?: number; per?: 'platform' | 'team' };
  send(to: Recipient, reply: Reply): Promise<{ messageId: string }>;
  edit?(to: Recipient, messageId: string, reply: Reply): Promise<void>;
}

/**
 * A platform keepwarm is running on, as each adapter's start function returns
 * it (console, Telegram, Slack) and main.ts composes them: the scheduler sends
 * through `messenger`, shutdown calls `stop`.
 */
export interface RunningPlatform {
  /** Sends the daily nudge (the scheduler's port). */
  messenger: Messenger;
  /** Stops taking updates and lets the ones in hand finish. */
  stop(): Promise<void>;
  /** Its HTTP server serves keepwarm's /healthz, /readyz and /metrics. */
  servesRoutes: boolean;
}

export type DeliveryFailure =
  /** The platform asked to wait (Telegram 429 retry_after, Slack Retry-After). */
  | 'rate_limited'
  /** The user blocked the bot or left: stop nudging until they write again. */
  | 'blocked'
  /** Network trouble or a 5xx: try again with backoff. */
  | 'transient'
  /** The request itself is wrong: retrying cannot help. */
  | 'permanent';

export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(
    readonly failure: DeliveryFailure,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
