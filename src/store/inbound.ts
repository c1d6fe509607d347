/** De-duplication of platform deliveries by their update/event id. */
import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

/**
 * Records an update id; true the first time, false for a redelivery. The
 * primary key decides, so two instances receiving the same update agree.
 */
export async function firstDelivery(db: Kysely<DB>, platform: string, eventId: string, now: Date): Promise<boolean> {
  const result = await db
    .insertInto('inbound_events')
    .values({ platform, event_id: eventId, received_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['platform', 'event_id']).doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Forgets ids older than `keepMs` (Telegram redelivers for 24 h, Slack for minutes). */
export async function pruneInbound(db: Kysely<DB>, now: Date, keepMs = 7 * 24 * 3600_000): Promise<void> {
  await db.deleteFrom('inbound_events').where('received_at', '<', new Date(now.getTime() - keepMs).toISOString()).execute();
}

/** Undoes `firstDelivery` when handling failed, so the platform's retry is handled. */
export async function forgetDelivery(db: Kysely<DB>, platform: string, eventId: string): Promise<void> {
  await db.deleteFrom('inbound_events').where('platform', '=', platform).where('event_id', '=', eventId).execute();
}
