/**
 * The outbox: messages written in the same transaction as the decision to
 * send them, then delivered by the sender with retries. A row moves
 * pending -> sending (leased) -> sent | dead | unknown.
 *
 * In-flight policy (docs/scheduler.md): neither platform takes an idempotency
 * key, so a send whose outcome was lost in a crash cannot be checked. keepwarm
 * delivers nudges at most once: a lease that ran out while 'sending' becomes
 * 'unknown' and is logged, never sent again.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Reply } from '../port.ts';
import { claimRows } from './db.ts';
import type { DB, NudgeStatus } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface NewOutboxMessage {
  userId: number;
  nudgeId: number | null;
  platform: string;
  teamId: string;
  platformUserId: string;
  chatId: string;
  /** The message; leave it out for a nudge (nudgeId set): its model is drawn when it is sent. */
  reply?: Reply;
  /** Not sent after this instant (the nudge would arrive too late to be useful). */
  expiresAt: string;
  /** Not sent before this instant; default: at once. */
  notBefore?: string;
}

/** A message taken from the outbox to be sent. */
export interface OutboxMessage extends Omit<NewOutboxMessage, 'notBefore'> {
  id: number;
  attempts: number;
}

export async function enqueue(tx: Db, messages: NewOutboxMessage[], nowIso: string): Promise<void> {
  if (messages.length === 0) return;
  await tx
    .insertInto('outbox')
    .values(
      messages.map((m) => ({
        user_id: m.userId,
        nudge_id: m.nudgeId,
        platform: m.platform,
        team_id: m.teamId,
        platform_user_id: m.platformUserId,
        chat_id: m.chatId,
        payload: m.reply ? JSON.stringify(m.reply) : null,
        status: 'pending',
        next_attempt_at: m.notBefore ?? nowIso,
        lease_until: null,
        expires_at: m.expiresAt,
        sent_at: null,
        message_id: null,
        last_error: null,
        created_at: nowIso,
      })),
    )
    .execute();
}

/**
 * Takes up to `limit` due messages of the given platforms for this sender:
 * a conditional update per row, so two senders never take the same one. It
 * looks at more candidates than it needs, so a sender that loses a row to
 * another (two instances, or workers of one) takes the next one instead of
 * concluding the outbox is empty.
 */
export async function leaseDue(db: Kysely<DB>, platforms: string[], now: Date, limit: number, leaseMs: number): Promise<OutboxMessage[]> {
  if (platforms.length === 0) return [];
  const nowIso = now.toISOString();
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  return db.transaction().execute(async (tx) => {
    const rows = await claimRows(
      tx,
      tx
        .selectFrom('outbox')
        .selectAll()
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', nowIso)
        .where('platform', 'in', platforms)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(Math.max(16, limit * 4)),
    ).execute();
    const taken: OutboxMessage[] = [];
    for (const row of rows) {
      if (taken.length >= limit) break;
      // Compare-and-swap on what was read: still pending, still due, still the
      // same attempt — another sender may have taken, failed and re-queued it since.
      const result = await tx
        .updateTable('outbox')
        .set({ status: 'sending', lease_until: leaseUntil, attempts: row.attempts + 1 })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .where('attempts', '=', row.attempts)
        .where('next_attempt_at', '<=', nowIso)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) continue;
      taken.push({
        id: row.id,
        userId: row.user_id,
        nudgeId: row.nudge_id,
        platform: row.platform,
        teamId: row.team_id,
        platformUserId: row.platform_user_id,
        chatId: row.chat_id,
        ...(row.payload !== null ? { reply: JSON.parse(row.payload) as Reply } : {}),
        attempts: row.attempts + 1,
        expiresAt: row.expires_at,
      });
    }
    return taken;
  });
}

export async function markSent(db: Kysely<DB>, message: OutboxMessage, messageId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('outbox')
      .set({ status: 'sent', sent_at: now.toISOString(), message_id: messageId, lease_until: null })
      .where('id', '=', message.id)
      .execute();
    if (message.nudgeId !== null) {
      await tx.updateTable('nudges').set({ status: 'sent', message_id: messageId }).where('id', '=', message.nudgeId).execute();
    }
  });
}

export async function markRetry(db: Kysely<DB>, message: OutboxMessage, nextAttempt: Date, error: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'pending', next_attempt_at: nextAttempt.toISOString(), lease_until: null, last_error: error.slice(0, 500) })
    .where('id', '=', message.id)
    .execute();
}

/** Gives up on a message; its nudge records why. */
export async function markDead(db: Kysely<DB>, message: OutboxMessage, nudgeStatus: NudgeStatus, error: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('outbox').set({ status: 'dead', lease_until: null, last_error: error.slice(0, 500) }).where('id', '=', message.id).execute();
    if (message.nudgeId !== null) await tx.updateTable('nudges').set({ status: nudgeStatus }).where('id', '=', message.nudgeId).execute();
  });
}

/**
 * Messages whose sender vanished mid-send (lease ran out while 'sending'):
 * their fate is unknown and they are not sent again (at most once). Returns them for logging.
 */
export async function settleLostSends(db: Kysely<DB>, now: Date): Promise<{ id: number; userId: number }[]> {
  const nowIso = now.toISOString();
  return db.transaction().execute(async (tx) => {
    const lost = await tx.selectFrom('outbox').select(['id', 'user_id', 'nudge_id']).where('status', '=', 'sending').where('lease_until', '<', nowIso).execute();
    for (const row of lost) {
      await tx.updateTable('outbox').set({ status: 'unknown', lease_until: null }).where('id', '=', row.id).where('status', '=', 'sending').execute();
      if (row.nudge_id !== null) await tx.updateTable('nudges').set({ status: 'unknown' }).where('id', '=', row.nudge_id).execute();
    }
    return lost.map((r) => ({ id: r.id, userId: r.user_id }));
  });
}

/** When the next pending message is due, to sleep until then. */
export async function nextAttemptAt(db: Kysely<DB>, platforms: string[]): Promise<string | undefined> {
  if (platforms.length === 0) return undefined;
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.min('next_attempt_at').as('next'))
    .where('status', '=', 'pending')
    .where('platform', 'in', platforms)
    .executeTakeFirst();
  return (row?.next as string | null | undefined) ?? undefined;
}
