/**
 * What a failed Bot API call means for keepwarm. grammY's `GrammyError`
 * carries Telegram's own fields (error_code, description, retry_after);
 * `HttpError` means the request never got an answer.
 */
import { GrammyError, HttpError } from 'grammy';
import { DeliveryError } from '../../src/port.ts';

/** 403s that mean the user is out of reach until they write again. */
const BLOCKED = /bot was blocked by the user|user is deactivated|bot can't initiate conversation|bot was kicked|chat not found/i;

export function isBlocked(error: unknown): boolean {
  return error instanceof GrammyError && (error.error_code === 403 || error.error_code === 400) && BLOCKED.test(error.description);
}

/** "message is not modified": the edit asked for what is already shown. */
export function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400 && /message is not modified/i.test(error.description);
}

/** Editing cannot work (deleted, too old, not ours): send a new message instead. */
export function isUneditable(error: unknown): boolean {
  return (
    error instanceof GrammyError &&
    error.error_code === 400 &&
    /message to edit not found|message can't be edited|message_id_invalid|there is no text in the message/i.test(error.description)
  );
}

/**
 * A failure of the Messenger as the scheduler understands it: 429 waits
 * `retry_after`, a blocked user is given up on, 5xx and network trouble are
 * tried again later, any other 4xx is a mistake retrying cannot fix.
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof GrammyError) {
    const what = `Telegram ${error.method}: ${error.error_code} ${error.description}`;
    if (error.error_code === 429) {
      const seconds = error.parameters.retry_after ?? 1;
      return new DeliveryError('rate_limited', what, seconds * 1000);
    }
    if (isBlocked(error)) return new DeliveryError('blocked', what);
    if (error.error_code >= 500) return new DeliveryError('transient', what);
    return new DeliveryError('permanent', what);
  }
  if (error instanceof HttpError) return new DeliveryError('transient', `Telegram unreachable: ${error.message}`);
  return new DeliveryError('transient', error instanceof Error ? error.message : String(error));
}

/** Fields for a log line: the platform's code and words, never the token or user text. */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof GrammyError) return { method: error.method, code: error.error_code, description: error.description };
  if (error instanceof HttpError) return { http: error.message, cause: error.error instanceof Error ? error.error.message : String(error.error) };
  return { err: error instanceof Error ? error.message : String(error) };
}
