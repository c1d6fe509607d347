/**
 * Each update's claim on its id (store/inbound.ts), as the conversation uses
 * it: claim before handling; when handling failed, take the claim back so the
 * platform's redelivery is handled. A claim that cannot be taken back right
 * now — the database is the very thing that failed — is remembered and taken
 * back as soon as the database answers again, and at once when the same
 * update arrives here again. A claim another instance holds is waited for a
 * little: it is either finished (a redelivery) or released (ours to handle).
 */
import type { Kysely } from 'kysely';
import { claimDelivery, deliveryState, finishDelivery, releaseDelivery, type Delivery } from '../store/inbound.ts';
import type { DB } from '../store/schema.ts';

export type Claimed = { kind: 'claimed'; at: string } | { kind: 'duplicate' } | { kind: 'busy' };

export interface Deliveries {
  /** Claims the update; waits up to `busyWaitMs` for a claim another handling holds. */
  claim(delivery: Delivery, now: Date): Promise<Claimed>;
  /** After handling: marks it handled (a change usually did already); kept for later when the database fails right now. */
  finish(delivery: Delivery, now: Date): Promise<void>;
  /** After a failure: takes the claim back, now or as soon as the database answers. */
  release(delivery: Delivery, at: string): Promise<void>;
  /** Claims still to be taken back or finished (tests). */
  readonly unsettled: number;
}

const RETRY_MS = 1000;

export interface DeliveryOptions {
  /** How long a claim held elsewhere is waited for (default 3 s). */
  busyWaitMs?: number;
  pollMs?: number;
}

export function createDeliveries(db: Kysely<DB>, options: DeliveryOptions = {}): Deliveries {
  const busyWaitMs = options.busyWaitMs ?? 3000;
  const pollMs = options.pollMs ?? 100;
  // What could not be written when it happened, by platform and id.
  const unsettled = new Map<string, () => Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  const keyOf = (d: Delivery) => `${d.platform}\u0000${d.eventId}`;

  async function settle(key: string): Promise<void> {
    const action = unsettled.get(key);
    if (!action) return;
    await action();
    unsettled.delete(key);
  }

  function later(delivery: Delivery, action: () => Promise<void>): void {
    unsettled.set(keyOf(delivery), action);
    timer ??= setInterval(() => {
      void (async () => {
        for (const key of [...unsettled.keys()]) await settle(key).catch(() => undefined);
        if (unsettled.size === 0) {
          clearInterval(timer);
          timer = undefined;
        }
      })();
    }, RETRY_MS);
    timer.unref();
  }

  return {
    get unsettled() {
      return unsettled.size;
    },
    async claim(delivery, now) {
      // Our own claim from a failed attempt is taken back first; if the database still fails, so does this.
      await settle(keyOf(delivery));
      const deadline = Date.now() + busyWaitMs;
      for (;;) {
        const claim = await claimDelivery(db, delivery, now);
        if (claim.kind !== 'busy' || Date.now() >= deadline) return claim;
        await new Promise((resolve) => setTimeout(resolve, pollMs));
        if ((await deliveryState(db, delivery)) === 'finished') return { kind: 'duplicate' };
      }
    },
    async finish(delivery, now) {
      try {
        await finishDelivery(db, delivery, now);
      } catch {
        later(delivery, () => finishDelivery(db, delivery, now));
      }
    },
    async release(delivery, at) {
      try {
        await releaseDelivery(db, delivery, at);
      } catch {
        later(delivery, () => releaseDelivery(db, delivery, at));
      }
    },
  };
}
