/** Nudges and their entries: what was sent to whom, and how each person was answered. */
import type { Kysely, Transaction } from 'kysely';
import type { EntryReason, EntryState, PastEntry } from '../core/nudge-choice.ts';
import type { NudgeModel } from '../core/nudge-model.ts';
import type { DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface StoredNudge {
  id: number;
  model: NudgeModel;
  messageId: string | null;
  localDate: string | null;
  entries: { contactId: number; reason: EntryReason; state: EntryState }[];
}

/** How many of a contact's latest entries the ignore rule looks at. */
const HISTORY_DEPTH = 5;

async function load(db: Db, row: { id: number; model: string; message_id: string | null; local_date: string | null }): Promise<StoredNudge> {
  const entries = await db
    .selectFrom('nudge_entries')
    .select(['contact_id', 'reason', 'state'])
    .where('nudge_id', '=', row.id)
    .orderBy('id')
    .execute();
  return {
    id: row.id,
    model: JSON.parse(row.model) as NudgeModel,
    messageId: row.message_id,
    localDate: row.local_date,
    entries: entries.map((e) => ({ contactId: e.contact_id, reason: e.reason, state: e.state })),
  };
}

/** One nudge of this user by id. */
export async function nudgeById(db: Db, userId: number, nudgeId: number): Promise<StoredNudge | undefined> {
  const row = await db
    .selectFrom('nudges')
    .select(['id', 'model', 'message_id', 'local_date'])
    .where('user_id', '=', userId)
    .where('id', '=', nudgeId)
    .executeTakeFirst();
  return row && load(db, row);
}

/** The nudge a message id belongs to (a reply or a button under it), for this user only. */
export async function nudgeByMessage(db: Db, userId: number, messageId: string): Promise<StoredNudge | undefined> {
  const row = await db
    .selectFrom('nudges')
    .select(['id', 'model', 'message_id', 'local_date'])
    .where('user_id', '=', userId)
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  return row && load(db, row);
}

/** The user's newest nudge or /today list, if it still has open entries and was made since `since`. */
export async function latestOpenNudge(db: Db, userId: number, sinceIso: string): Promise<StoredNudge | undefined> {
  const row = await db
    .selectFrom('nudges')
    .select(['id', 'model', 'message_id', 'local_date'])
    .where('user_id', '=', userId)
    .where('created_at', '>=', sinceIso)
    .where('status', 'in', ['sent', 'planned', 'shown'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const nudge = await load(db, row);
  return nudge.entries.some((e) => e.state === 'open') ? nudge : undefined;
}

/** The newest nudge that named this contact and still has it open. */
export async function openEntryFor(db: Db, userId: number, contactId: number, sinceIso: string): Promise<StoredNudge | undefined> {
  const row = await db
    .selectFrom('nudges')
    .innerJoin('nudge_entries', 'nudge_entries.nudge_id', 'nudges.id')
    .select(['nudges.id', 'nudges.model', 'nudges.message_id', 'nudges.local_date'])
    .where('nudges.user_id', '=', userId)
    .where('nudge_entries.contact_id', '=', contactId)
    .where('nudge_entries.state', '=', 'open')
    .where('nudges.created_at', '>=', sinceIso)
    .orderBy('nudges.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && load(db, row);
}

/** Records an answer to one entry; false when it was no longer open (a double press). */
export async function answerEntry(db: Db, nudgeId: number, contactId: number, state: EntryState, nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable('nudge_entries')
    .set({ state, answered_at: nowIso })
    .where('nudge_id', '=', nudgeId)
    .where('contact_id', '=', contactId)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** An on-demand /today list, stored like a nudge so a bare "done" knows whom it means. */
export async function saveShownList(
  tx: Db,
  userId: number,
  model: NudgeModel,
  entries: { contactId: number; reason: EntryReason }[],
  nowIso: string,
): Promise<number> {
  const { id } = await tx
    .insertInto('nudges')
    .values({ user_id: userId, local_date: null, status: 'shown', model: JSON.stringify(model), message_id: null, created_at: nowIso })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (entries.length > 0) {
    await tx
      .insertInto('nudge_entries')
      .values(entries.map((e) => ({ nudge_id: id, user_id: userId, contact_id: e.contactId, reason: e.reason, state: 'open', answered_at: null })))
      .execute();
  }
  return id;
}

/** Each given contact's latest entries, newest first (for the ignore rule). */
export async function recentEntries(db: Db, userIds: number[], contactIds: number[]): Promise<Map<number, PastEntry[]>> {
  const recent = new Map<number, PastEntry[]>();
  if (contactIds.length === 0) return recent;
  const rows = await db
    .selectFrom('nudge_entries')
    .select(['contact_id', 'reason', 'state'])
    .where('user_id', 'in', userIds)
    .where('contact_id', 'in', contactIds)
    .orderBy('contact_id')
    .orderBy('id', 'desc')
    .execute();
  for (const row of rows) {
    const list = recent.get(row.contact_id) ?? [];
    if (list.length < HISTORY_DEPTH) list.push({ reason: row.reason, state: row.state });
    recent.set(row.contact_id, list);
  }
  return recent;
}

/** Contacts picked for their cadence in each user's latest daily nudge before `before`. */
export async function previousPicks(db: Db, userIds: number[], before: string): Promise<Map<number, Set<number>>> {
  const picks = new Map<number, Set<number>>();
  if (userIds.length === 0) return picks;
  const rows = await db
    .selectFrom('nudge_entries')
    .select(['nudge_entries.user_id', 'nudge_entries.contact_id'])
    .where('nudge_entries.reason', '=', 'overdue')
    .where('nudge_entries.nudge_id', 'in', (eb) =>
      eb.selectFrom('nudges').select((e) => e.fn.max('id').as('id')).where('user_id', 'in', userIds).where('local_date', '<', before).groupBy('user_id'),
    )
    .execute();
  for (const row of rows) {
    const set = picks.get(row.user_id) ?? new Set<number>();
    set.add(row.contact_id);
    picks.set(row.user_id, set);
  }
  return picks;
}

/**
 * Entries of daily nudges nobody answered before the next one came count as
 * ignored. (A /today list the user asked for is not held against anyone.)
 */
export async function markUnansweredIgnored(tx: Db, userIds: number[]): Promise<void> {
  if (userIds.length === 0) return;
  await tx
    .updateTable('nudge_entries')
    .set({ state: 'ignored' })
    .where('user_id', 'in', userIds)
    .where('state', '=', 'open')
    .where('nudge_id', 'in', (eb) => eb.selectFrom('nudges').select('id').where('user_id', 'in', userIds).where('local_date', 'is not', null))
    .execute();
}
