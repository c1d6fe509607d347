/**
 * Pacing sends below a platform's limits: an overall rate per scope (Telegram:
 * about 30 messages a second per bot; Slack: per workspace), shared by every
 * instance through the database, plus a minimum gap per chat (about one a
 * second) and a pause for the whole scope when the platform says "retry after".
 */
import type { SendBudget } from '../store/send-budget.ts';

export interface RateLimit {
  perSecond: number;
  perChatPerSecond?: number;
  /** What the overall rate is for: the whole platform (default) or each team/workspace. */
  per?: 'platform' | 'team';
}

export interface Clock {
  nowMs(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: Clock = { nowMs: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

export interface Pacer {
  /** Resolves when the next message of `scope` may go out, and books that slot. */
  turn(scope: string): Promise<void>;
  /** Resolves when `chatId` may get another message (usually at once: one nudge a day). */
  chat(chatId: string): Promise<void>;
  /** The platform asked to wait: nobody in `scope` sends before `ms` from now, and this sender slows down a little. */
  pause(scope: string, ms: number): Promise<void>;
}


/**
 * After each "retry after", this sender goes 5 % slower (at most a third
 * slower) and creeps back over the next several thousand sends: a configured rate
 * at the platform's very edge should cost one pause, not one every second.
 */
const SLOWDOWN_STEP = 1.05;
const SLOWDOWN_MAX = 1.5;
const RECOVERY_PER_SEND = 0.99995;

export function createPacer(limit: RateLimit, budget: SendBudget, clock: Clock = realClock): Pacer {
  const baseGapUs = 1_000_000 / limit.perSecond;
  let slowdown = 1;
  // Sends already in flight when the first "retry after" came are refused too: one slowdown per pause.
  let pausedUntil = 0;
  const chatGap = limit.perChatPerSecond ? 1000 / limit.perChatPerSecond : 0;
  const chatNext = new Map<string, number>();
  return {
    async turn(scope) {
      const now = clock.nowMs();
      slowdown = Math.max(1, slowdown * RECOVERY_PER_SEND);
      const slotMs = (await budget.reserve(scope, baseGapUs * slowdown, now * 1000)) / 1000;
      if (slotMs > now) await clock.sleep(slotMs - now);
    },
    async chat(chatId) {
      if (chatGap === 0) return;
      const now = clock.nowMs();
      const slot = Math.max(now, chatNext.get(chatId) ?? 0);
      chatNext.set(chatId, slot + chatGap);
      if (chatNext.size > 10_000) for (const [key, at] of chatNext) if (at < now) chatNext.delete(key);
      if (slot > now) await clock.sleep(slot - now);
    },
    async pause(scope, ms) {
      const now = clock.nowMs();
      if (now >= pausedUntil) slowdown = Math.min(SLOWDOWN_MAX, slowdown * SLOWDOWN_STEP);
      pausedUntil = Math.max(pausedUntil, now + ms);
      await budget.hold(scope, (now + ms) * 1000);
    },
  };
}
