/**
 * Pacing sends below a platform's limits: an overall rate (Telegram about 30
 * messages a second per bot) and a minimum gap per chat (about one a second),
 * plus a pause for everyone when the platform says "retry after".
 */
export interface RateLimit {
  perSecond: number;
  perChatPerSecond?: number;
}

export interface Pacer {
  /** Resolves when the next message may go out, and books that slot. */
  turn(): Promise<void>;
  /** Resolves when `chatId` may get another message (usually at once: one nudge a day). */
  chat(chatId: string): Promise<void>;
  /** The platform asked to wait: nobody sends before `ms` from now. */
  pause(ms: number): void;
}

type Clock = { now(): number; sleep(ms: number): Promise<void> };

const realClock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/** Slots are booked in order, so concurrent senders never exceed the rate together. */
export function createPacer(limit: RateLimit, clock: Clock = realClock): Pacer {
  const gap = 1000 / limit.perSecond;
  const chatGap = limit.perChatPerSecond ? 1000 / limit.perChatPerSecond : 0;
  let nextSlot = 0;
  let pausedUntil = 0;
  const chatNext = new Map<string, number>();
  return {
    async turn() {
      const now = clock.now();
      const slot = Math.max(now, nextSlot, pausedUntil);
      nextSlot = slot + gap;
      if (slot > now) await clock.sleep(slot - now);
    },
    async chat(chatId) {
      if (chatGap === 0) return;
      const now = clock.now();
      const slot = Math.max(now, chatNext.get(chatId) ?? 0);
      chatNext.set(chatId, slot + chatGap);
      if (chatNext.size > 10_000) for (const [key, at] of chatNext) if (at < now) chatNext.delete(key);
      if (slot > now) await clock.sleep(slot - now);
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, clock.now() + ms);
      nextSlot = Math.max(nextSlot, pausedUntil);
    },
  };
}
