/**
 * Slack Web API failures as keepwarm's `DeliveryError`, so the scheduler can
 * decide: wait (429 Retry-After), stop nudging (the user or workspace is gone),
 * try later (5xx, network), or give up (the request itself is wrong).
 */
import { webApi } from '@slack/bolt';
import { DeliveryError } from '../../src/port.ts';

/** The user cannot be reached: stop nudging them until they write again. */
const BLOCKED = new Set(['account_inactive', 'token_revoked', 'invalid_auth', 'user_not_found', 'not_in_channel', 'cannot_dm_bot', 'app_uninstalled']);

/** The whole workspace is gone for keepwarm: mark it inactive. */
export const WORKSPACE_GONE = new Set(['token_revoked', 'account_inactive', 'app_uninstalled']);

/** Slack's own trouble, reported in a 200 body: worth another try later. */
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/** The `error` code of a Slack platform error (`{"ok":false,"error":…}`), if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  return error instanceof webApi.WebAPIPlatformError ? error.data.error : undefined;
}

/** A short description for logs: the error class and Slack's code, never a token or a message body. */
export function describe(error: unknown): string {
  if (error instanceof webApi.WebAPIPlatformError) return `slack error ${error.data.error}`;
  if (error instanceof webApi.WebAPIRateLimitedError) return `rate limited, retry after ${error.retryAfter}s`;
  if (error instanceof webApi.WebAPIHTTPError) return `HTTP ${error.statusCode}`;
  if (error instanceof webApi.WebAPIRequestError) return `request failed: ${error.original.message}`;
  return error instanceof Error ? error.message : String(error);
}

export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const what = describe(error);
  if (error instanceof webApi.WebAPIRateLimitedError) return new DeliveryError('rate_limited', what, error.retryAfter * 1000);
  const code = slackErrorCode(error);
  if (code !== undefined) {
    if (BLOCKED.has(code)) return new DeliveryError('blocked', what);
    if (code === 'ratelimited') return new DeliveryError('rate_limited', what, 1000);
    if (TRANSIENT.has(code)) return new DeliveryError('transient', what);
    return new DeliveryError('permanent', what);
  }
  if (error instanceof webApi.WebAPIHTTPError) return new DeliveryError(error.statusCode >= 500 ? 'transient' : 'permanent', what);
  if (error instanceof webApi.WebAPIRequestError) return new DeliveryError('transient', what);
  return new DeliveryError('permanent', what);
}
