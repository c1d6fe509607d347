/**
 * Forgetting what is no longer needed, once an hour: platform update ids past
 * any redelivery, /today lists a bare "done" can no longer refer to, and
 * outbox rows long settled. Daily nudges stay: they are the claims that keep
 * a day from being nudged twice, and the history the anti-nagging rules read.
 */
import type { Kysely } from 'kysely';
import { pruneInbound } from './inbound.ts';
import type { DB } from './schema.ts';

const DAY_MS = 86_400_000;

export async function pruneHistory(db: Kysely<DB>, now: Date): Promise<void> {
  await pruneInbound(db, now);
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS).toISOString();
  await db.deleteFrom('nudges').where('local_date', 'is', null).where('created_at', '<', weekAgo).execute();
  const monthAgo = new Date(now.getTime() - 30 * DAY_MS).toISOString();
  await db.deleteFrom('outbox').where('status', 'in', ['sent', 'dead', 'unknown']).where('created_at', '<', monthAgo).execute();
  // Pending for a platform no instance serves any more: expired long ago, never to be sent.
  await db.deleteFrom('outbox').where('status', '=', 'pending').where('expires_at', '<', monthAgo).execute();
}
