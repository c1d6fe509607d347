/** What long polling confirms to Telegram, and when (adapters/telegram/confirmations.ts). */
import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { confirmations, FLOOD_BACKLOG } from '../../adapters/telegram/confirmations.ts';

const update = (id: number) => ({ update_id: id }) as Update;
const message = (id: number, chat: number) => ({ update_id: id, message: { chat: { id: chat } } }) as Update;

describe('confirmations', () => {
  it('the next getUpdates waits for the updates in hand before confirming them', async () => {
    const c = confirmations({ waitMs: 5_000, firstPauseMs: 0 });
    c.take(update(10));
    let asked: number | undefined;
    const next = c.beforeFetch(11).then((r) => (asked = r.offset));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toBeUndefined();
    c.settle(update(10), false);
    await next;
    expect(asked).toBe(11);
  });

  it('waits at most its limit for a slow update, so one import holds nobody back', async () => {
    const c = confirmations({ waitMs: 30, firstPauseMs: 0 });
    c.take(update(10));
    expect((await c.beforeFetch(11)).offset).toBe(11);
  });

  it("a flooding chat's backlog is confirmed without waiting, so the next chat's updates can be fetched", async () => {
    const c = confirmations({ waitMs: 5_000, firstPauseMs: 0 });
    for (let id = 1; id <= FLOOD_BACKLOG + 1; id++) c.take(message(id, 7));
    expect((await c.beforeFetch(FLOOD_BACKLOG + 2)).offset).toBe(FLOOD_BACKLOG + 2);
  });

  it("another chat's update in hand is still waited for beside a flooding chat", async () => {
    const c = confirmations({ waitMs: 5_000, firstPauseMs: 0 });
    for (let id = 1; id <= FLOOD_BACKLOG + 1; id++) c.take(message(id, 7));
    c.take(message(100, 8));
    let asked: number | undefined;
    const next = c.beforeFetch(101).then((r) => (asked = r.offset));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toBeUndefined();
    c.settle(message(100, 8), false);
    await next;
    expect(asked).toBe(101);
  });

  it('a refused update is not confirmed: the next getUpdates asks from its id', async () => {
    const c = confirmations({ firstPauseMs: 0 });
    c.take(update(10));
    c.take(update(11));
    const next = c.beforeFetch(12);
    c.settle(update(11), false);
    c.settle(update(10), true);
    expect(await next).toEqual({ offset: 10, again: [] });
    // Fetched again: 11 is not in hand any more, so it goes to the bot (which knows it as a duplicate).
    expect(c.afterFetch([update(10), update(11), update(12)], []).map((u) => u.update_id)).toEqual([10, 11, 12]);
    expect(c.finalOffset(12)).toEqual({ offset: 13, lost: 0 });
  });

  it('one refused after its offset was confirmed anyway is handed out again from memory, in id order', async () => {
    const c = confirmations({ waitMs: 10, firstPauseMs: 0 });
    c.take(update(10));
    expect((await c.beforeFetch(11)).offset).toBe(11); // it outlasted the wait: confirmed
    c.settle(update(10), true);
    const { offset, again } = await c.beforeFetch(11);
    expect(offset).toBe(11);
    expect(c.afterFetch([update(11)], again).map((u) => u.update_id)).toEqual([10, 11]);
  });

  it('an update fetched again while still in hand is dropped from the batch', () => {
    const c = confirmations();
    expect(c.take(update(10))).toBe(true);
    expect(c.afterFetch([update(10), update(11)], []).map((u) => u.update_id)).toEqual([11]);
    expect(c.take(update(10))).toBe(false);
  });

  it('a stop confirms everything but a refused update', () => {
    const c = confirmations();
    c.take(update(10));
    c.settle(update(10), true);
    expect(c.finalOffset(15)).toEqual({ offset: 10, lost: 0 });
  });
});
