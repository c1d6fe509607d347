/**
 * An update the conversation refuses for now — the database cannot take it —
 * so that the platform delivers it again. Thrown by `Bot.handle` only for an
 * update marked `redeliverable`; `replies` is what the user hears meanwhile
 * (the first time only), to be sent before the update is refused.
 */
import type { Reply } from '../port.ts';

export class RetryLater extends Error {
  override readonly name = 'RetryLater';

  constructor(
    /** Why, for logs: names a kind of fault, never user data ("database or disk is full"). */
    readonly reason: string,
    readonly replies: Reply[] = [],
  ) {
    super(`refused for now: ${reason}`);
  }
}

/** The refusal inside `error` (grammY wraps middleware errors in a BotError with `.error`), if any. */
export function retryLaterIn(error: unknown, depth = 0): RetryLater | undefined {
  if (error instanceof RetryLater) return error;
  if (typeof error !== 'object' || error === null || depth > 3) return undefined;
  const inner = (error as { error?: unknown; cause?: unknown }).error ?? (error as { cause?: unknown }).cause;
  return retryLaterIn(inner, depth + 1);
}
