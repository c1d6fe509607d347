/**
 * Which updates long polling confirms to Telegram. An update counts as
 * confirmed as soon as getUpdates is called with an offset above its id, and
 * the runner asks for the next batch while the last one is still handled; so:
 *
 * - Before asking with an offset that would confirm updates still being
 *   handled, wait until they are done — at most CONFIRM_WAIT_MS, so one slow
 *   update (an import) holds nobody back for longer; while the database is
 *   failing, without a limit (everything fails fast then).
 * - An update refused because the database cannot take it (RetryLater) is not
 *   confirmed: the next getUpdates asks from its id, after a pause that grows
 *   while the database keeps failing, and Telegram hands it out again.
 * - One refused after its offset was confirmed anyway (it outlasted the wait)
 *   is kept in memory and handed to the bot again with the next batch.
 * - A chat with more than FLOOD_BACKLOG updates in hand is flooding: its
 *   updates are worked off one after another, and waiting for them would keep
 *   every other chat's next updates from being fetched (chat-slots.ts). Its
 *   updates are confirmed without waiting; the per-user limit answers most.
 *
 * Updates fetched again while still being handled here are dropped from the
 * batch; one handled already is answered as a duplicate by the conversation.
 */
import type { Update } from 'grammy/types';
import { chatOfUpdate } from './chat-slots.ts';

export const CONFIRM_WAIT_MS = 1000;
export const FLOOD_BACKLOG = 20;

/** What is used of an abort signal (grammY passes its own polyfilled type). */
interface Signal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
const FIRST_PAUSE_MS = 1000;
const LONGEST_PAUSE_MS = 15_000;

export interface Confirmations {
  /** An update the runner hands over; false when it is being handled already. */
  take(update: Update): boolean;
  /** Its handling ended: done (handled, or failed for good), or refused for now. */
  settle(update: Update, refused: boolean): void;
  /** Before a getUpdates with the runner's `offset`: the offset to ask with, and updates to hand out again from memory. */
  beforeFetch(offset: number, signal?: Signal): Promise<{ offset: number; again: Update[] }>;
  /** A fetched batch without the updates being handled here right now, with `again` merged in, in id order. */
  afterFetch(fetched: Update[], again: Update[]): Update[];
  /** At stop: the offset that confirms everything but what was refused, and how many kept in memory are given up. */
  finalOffset(lastSeen: number): { offset: number | undefined; lost: number };
}

export function confirmations(options: { waitMs?: number; firstPauseMs?: number } = {}): Confirmations {
  const waitMs = options.waitMs ?? CONFIRM_WAIT_MS;
  const firstPauseMs = options.firstPauseMs ?? FIRST_PAUSE_MS;
  const inFlight = new Map<number, Update>();
  /** Refused before their offset was confirmed: Telegram still has them. */
  const held = new Map<number, Update>();
  /** Refused after their offset was confirmed: only here. */
  const kept = new Map<number, Update>();
  let sentOffset = 0;
  let failing = false;
  let pauseMs = firstPauseMs;
  /** Who waits for the next settle (a getUpdates about to confirm updates in hand). */
  const waiting = new Set<() => void>();

  /** Resolves at the next settle, after `ms`, or on abort. */
  function nextSettle(ms: number, signal?: Signal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      signal?.addEventListener('abort', done, { once: true });
      waiting.add(done);
    });
  }

  const pause = (ms: number, signal?: Signal) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });

  return {
    take(update) {
      if (inFlight.has(update.update_id)) return false;
      inFlight.set(update.update_id, update);
      return true;
    },
    settle(update, refused) {
      inFlight.delete(update.update_id);
      if (refused) {
        failing = true;
        (update.update_id >= sentOffset ? held : kept).set(update.update_id, update);
      } else {
        failing = false;
        pauseMs = firstPauseMs;
      }
      for (const done of [...waiting]) done();
    },
    async beforeFetch(offset, signal) {
      const started = Date.now();
      const unsettledBelow = () => {
        const backlog = new Map<string | undefined, number>();
        for (const update of inFlight.values()) backlog.set(chatOfUpdate(update), (backlog.get(chatOfUpdate(update)) ?? 0) + 1);
        return [...inFlight.values()].some((update) => update.update_id < offset && (backlog.get(chatOfUpdate(update)) ?? 0) <= FLOOD_BACKLOG);
      };
      while (unsettledBelow() && !signal?.aborted) {
        const left = failing ? 60_000 : waitMs - (Date.now() - started);
        if (left <= 0) break;
        await nextSettle(left, signal);
      }
      if (failing && held.size + kept.size > 0 && !signal?.aborted) {
        await pause(pauseMs, signal);
        pauseMs = Math.min(pauseMs * 2, LONGEST_PAUSE_MS);
      }
      let ask = offset;
      for (const id of held.keys()) ask = Math.min(ask, id);
      held.clear();
      const again = [...kept.values()];
      kept.clear();
      sentOffset = Math.max(sentOffset, ask);
      return { offset: ask, again };
    },
    afterFetch(fetched, again) {
      const fresh = fetched.filter((update) => !inFlight.has(update.update_id));
      return again.length === 0 ? fresh : [...again, ...fresh].sort((a, b) => a.update_id - b.update_id);
    },
    finalOffset(lastSeen) {
      const lost = kept.size;
      if (held.size > 0) return { offset: Math.min(...held.keys()), lost };
      return { offset: lastSeen >= 0 ? lastSeen + 1 : undefined, lost };
    },
  };
}
