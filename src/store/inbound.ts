/**
 * De-duplication of platform deliveries by their update/event id
 * (docs/storage.md, "De-duplication"). An update is *claimed* when its
 * handling starts and *finished* in the same transaction as the change it
 * makes, so a redelivery of a finished update changes nothing, while an
 * update whose handling failed — the database went away in the middle — is
 * handled again when it comes back: its claim is taken back (released), or,
 * when even that could not be written, taken over after a lease.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** How long a claim that is neither finished nor released blocks redeliveries: its process died holding it. */
export const DELIVERY_LEASE_MS = 10 * 60_000;

export interface Delivery {
  platform: string;
  eventId: string;
}

export type Claim =
  /** Ours to handle; `at` identifies the claim for release. */
  | { kind: 'claimed'; at: string }
  /** Handled before: a redelivery. */
  | { kind: 'duplicate' }
  /** Another handling holds it right now (another instance, or one that failed and has not released it yet). */
  | { kind: 'busy' };

/** Claims an update for handling. The primary key decides, so two instances receiving the same update agree. */
export async function claimDelivery(db: Kysely<DB>, { platform, eventId }: Delivery, now: Date, leaseMs = DELIVERY_LEASE_MS): Promise<Claim> {
  const at = now.toISOString();
  const inserted = await db
    .insertInto('inbound_events')
    .values({ platform, event_id: eventId, received_at: at, handled_at: null })
    .onConflict((oc) => oc.columns(['platform', 'event_id']).doNothing())
    .executeTakeFirst();
  if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) return { kind: 'claimed', at };
  const row = await db.selectFrom('inbound_events').select(['received_at', 'handled_at']).where('platform', '=', platform).where('event_id', '=', eventId).executeTakeFirst();
  if (!row) return { kind: 'busy' }; // released a moment ago: the next look will claim it
  if (row.handled_at !== null) return { kind: 'duplicate' };
  if (Date.parse(row.received_at) > now.getTime() - leaseMs) return { kind: 'busy' };
  // The claim outlived its lease: whoever held it is gone. Taken over with a compare-and-swap, so only one instance does.
  const taken = await db
    .updateTable('inbound_events')
    .set({ received_at: at })
    .where('platform', '=', platform)
    .where('event_id', '=', eventId)
    .where('received_at', '=', row.received_at)
    .where('handled_at', 'is', null)
    .executeTakeFirst();
  return (taken.numUpdatedRows ?? 0n) > 0n ? { kind: 'claimed', at } : { kind: 'busy' };
}

/** Whether an update is handled (`finished`), being handled (`claimed`), or unknown (`none`: released, or never seen). */
export async function deliveryState(db: Kysely<DB>, { platform, eventId }: Delivery): Promise<'finished' | 'claimed' | 'none'> {
  const row = await db.selectFrom('inbound_events').select('handled_at').where('platform', '=', platform).where('event_id', '=', eventId).executeTakeFirst();
  return !row ? 'none' : row.handled_at === null ? 'claimed' : 'finished';
}

/** Marks a claimed update handled (nothing when its change already did). */
export async function finishDelivery(db: Kysely<DB> | Transaction<DB>, { platform, eventId }: Delivery, now: Date | string): Promise<void> {
  await db
    .updateTable('inbound_events')
    .set({ handled_at: typeof now === 'string' ? now : now.toISOString() })
    .where('platform', '=', platform)
    .where('event_id', '=', eventId)
    .where('handled_at', 'is', null)
    .execute();
}

/** Takes a claim back after handling failed, so the platform's redelivery is handled. */
export async function releaseDelivery(db: Kysely<DB>, { platform, eventId }: Delivery, at: string): Promise<void> {
  await db
    .deleteFrom('inbound_events')
    .where('platform', '=', platform)
    .where('event_id', '=', eventId)
    .where('received_at', '=', at)
    .where('handled_at', 'is', null)
    .execute();
}

const handling = new AsyncLocalStorage<Delivery>();

/** Runs the handling of `delivery`: a change committed inside it finishes the delivery in its own transaction. */
export function withDelivery<T>(delivery: Delivery, fn: () => Promise<T>): Promise<T> {
  return handling.run(delivery, fn);
}

/** In a change's transaction: finishes the delivery being handled, if any, so the change and "handled" commit together. */
export async function finishInTransaction(tx: Transaction<DB>, nowIso: string): Promise<void> {
  const delivery = handling.getStore();
  if (delivery) await finishDelivery(tx, delivery, nowIso);
}

/**
 * Records an update id as handled at once; true the first time, false for a
 * redelivery. For what the adapters answer themselves (a hint in a group, a
 * file too large), where there is nothing to finish.
 */
export async function firstDelivery(db: Kysely<DB>, platform: string, eventId: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .insertInto('inbound_events')
    .values({ platform, event_id: eventId, received_at: at, handled_at: at })
    .onConflict((oc) => oc.columns(['platform', 'event_id']).doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Forgets ids older than `keepMs` (Telegram redelivers for 24 h, Slack for minutes). */
export async function pruneInbound(db: Kysely<DB>, now: Date, keepMs = 7 * 24 * 3600_000): Promise<void> {
  await db.deleteFrom('inbound_events').where('received_at', '<', new Date(now.getTime() - keepMs).toISOString()).execute();
}
