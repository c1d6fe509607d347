/**
 * Each user's bounded share of keepwarm. One user sending 2,000 messages at
 * once must not make everyone else wait, so every user has a token bucket:
 * `burst` messages at once (a batch of forwarded contacts fits), then
 * `perSecond` more each second. What comes faster is declined — and the
 * user is told so, once a window (`noticeEveryMs`), never silently.
 *
 * Pure and in memory (per process): the adapters ask `admit` before a
 * message reaches the conversation or the database.
 */

export interface UserLimit {
  /** Messages a user may send at once. */
  burst: number;
  /** Messages a user may send each second after that. */
  perSecond: number;
  /** A declined user is told at most once in this long. */
  noticeEveryMs: number;
}

/** A batch of forwarded messages (Telegram forwards up to 100 at once) mostly fits; a flood does not. */
export const DEFAULT_USER_LIMIT: UserLimit = { burst: 60, perSecond: 1, noticeEveryMs: 60_000 };

/** `admitted`: go on. `notice`: declined, and the user should hear why now. `declined`: declined, already told. */
export type Admission = 'admitted' | 'notice' | 'declined';

export interface UserLimiter {
  admit(user: string): Admission;
}

interface Bucket {
  tokens: number;
  at: number;
  noticedAt: number;
}

/** Buckets kept at most; the least recently seen go first (a full bucket is the same as none). */
const MAX_USERS = 100_000;

export function userLimiter(limit: UserLimit = DEFAULT_USER_LIMIT, clock: () => number = Date.now): UserLimiter {
  const buckets = new Map<string, Bucket>();
  return {
    admit(user) {
      const now = clock();
      const bucket = buckets.get(user) ?? { tokens: limit.burst, at: now, noticedAt: -Infinity };
      bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
      bucket.at = now;
      // Most recently seen last, so the oldest are dropped first.
      buckets.delete(user);
      buckets.set(user, bucket);
      if (buckets.size > MAX_USERS) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 'admitted';
      }
      if (now - bucket.noticedAt < limit.noticeEveryMs) return 'declined';
      bucket.noticedAt = now;
      return 'notice';
    },
  };
}
