/** Nudges and their entries: what was sent to whom, and how each person was answered. */
import type { Kysely, Transaction } from 'kysely';
import { addDays } from '../core/dates.ts';
import type { EntryReason, EntryState, PastEntry } from '../core/nudge-choice.ts';
import type { EntryDetail, NudgeModel } from '../core/nudge-model.ts';
import type { LocalDate } from '../core/types.ts';
import type { Change } from './change.ts';
import type { DB, NudgeStatus } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface StoredNudge {
  id: number;
  model: NudgeModel;
  messageId: string | null;
  localDate: string | null;
  entries: { contactId: number; reason: EntryReason; state: EntryState; detail: EntryDetail | null }[];
}

/** How many of a contact's latest entries the ignore and rotation rules look at. */
const HISTORY_DEPTH = 5;

/** Daily nudges the user saw (or may have seen): their entries count as named. */
const SEEN: NudgeStatus[] = ['planned', 'sent', 'unknown'];

/** How far back the rotation looks for the previous two nudges (a pause of a few weeks included). */
const HISTORY_DAYS = 31;

function parseDetail(text: string | null): EntryDetail | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as EntryDetail) : null;
  } catch {
    return null;
  }
}

async function load(db: Db, row: { id: number; model: string; message_id: string | null; local_date: string | null }): Promise<StoredNudge> {
  const entries = await db
    .selectFrom('nudge_entries')
    .select(['contact_id', 'reason', 'state', 'detail'])
    .where('nudge_id', '=', row.id)
    .orderBy('id')
    .execute();
  return {
    id: row.id,
    model: JSON.parse(row.model) as NudgeModel,
    messageId: row.message_id,
    localDate: row.local_date,
    entries: entries.map((e) => ({ contactId: e.contact_id, reason: e.reason, state: e.state, detail: parseDetail(e.detail) })),
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

/**
 * Records an answer to one entry inside a change, so /undo opens it again;
 * false when it was answered already (a double press). An entry left
 * unanswered when the next nudge came (`ignored`) can still be answered.
 *
 * The same person still open (not yet superseded by a newer nudge) in the
 * other nudges and /today lists since `alsoSince` gets the same mark: one answer, one mark per person, whichever
 * message it came from — so the morning nudge does not count someone
 * answered in a /today list as left unanswered, nor the other way round.
 */
export async function answerEntry(
  change: Change,
  nudgeId: number,
  contactId: number,
  state: EntryState,
  detail: EntryDetail | null,
  alsoSince?: string,
): Promise<boolean> {
  const rows = await change.tx
    .selectFrom('nudge_entries')
    .innerJoin('nudges', 'nudges.id', 'nudge_entries.nudge_id')
    .select(['nudge_entries.id', 'nudge_entries.nudge_id', 'nudge_entries.state', 'nudge_entries.answered_at', 'nudge_entries.detail'])
    .where('nudge_entries.user_id', '=', change.userId)
    .where('nudge_entries.contact_id', '=', contactId)
    // This entry open or left unanswered; the others only while still open (an older nudge superseded by a newer one stays as it was).
    .where((eb) =>
      alsoSince === undefined
        ? eb.and([eb('nudges.id', '=', nudgeId), eb('nudge_entries.state', 'in', ['open', 'ignored'])])
        : eb.or([
          eb.and([eb('nudges.id', '=', nudgeId), eb('nudge_entries.state', 'in', ['open', 'ignored'])]),
          eb.and([eb('nudges.created_at', '>=', alsoSince), eb('nudge_entries.state', '=', 'open')]),
        ]),
    )
    .execute();
  if (!rows.some((r) => r.nudge_id === nudgeId)) return false;
  for (const row of rows) {
    // Questions about the person (tier, keep?) are not answered by an answer about a call.
    if (row.nudge_id !== nudgeId && !(await isAnswerable(change, row.nudge_id, contactId))) continue;
    change.undo.push({ op: 'update', table: 'nudge_entries', id: row.id, before: { state: row.state, answered_at: row.answered_at, detail: row.detail } });
    await change.tx
      .updateTable('nudge_entries')
      .set({ state, answered_at: change.nowIso, detail: detail === null ? null : JSON.stringify(detail) })
      .where('id', '=', row.id)
      .where('user_id', '=', change.userId)
      .execute();
  }
  return true;
}

async function isAnswerable(change: Change, nudgeId: number, contactId: number): Promise<boolean> {
  const nudge = await change.tx.selectFrom('nudges').select('model').where('id', '=', nudgeId).where('user_id', '=', change.userId).executeTakeFirst();
  const view = nudge ? (JSON.parse(nudge.model) as NudgeModel).entries?.find((v) => v.contactId === contactId) : undefined;
  return view !== undefined && view.reason !== 'ignored' && !(view.reason === 'followup' && view.stage === 'tier');
}

/** The nudges and lists whose entries for this contact were answered at `atIso` (to redraw each of them). */
export async function nudgesAnsweredAt(db: Db, userId: number, contactId: number, atIso: string): Promise<number[]> {
  const rows = await db
    .selectFrom('nudge_entries')
    .select('nudge_id')
    .distinct()
    .where('user_id', '=', userId)
    .where('contact_id', '=', contactId)
    .where('answered_at', '=', atIso)
    .execute();
  return rows.map((r) => r.nudge_id);
}

/** Keeps the platform's id of a /today list once a button under it is pressed, so answers edit it in place. */
export async function adoptMessage(db: Db, userId: number, nudgeId: number, messageId: string): Promise<void> {
  await db.updateTable('nudges').set({ message_id: messageId }).where('user_id', '=', userId).where('id', '=', nudgeId).where('message_id', 'is', null).execute();
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

/**
 * Each given contact's latest entries in the daily nudges before `before` that
 * the user saw, newest first (the ignore and rotation rules).
 */
export async function recentEntries(db: Db, userIds: number[], contactIds: number[], before: LocalDate): Promise<Map<number, PastEntry[]>> {
  const recent = new Map<number, PastEntry[]>();
  if (contactIds.length === 0) return recent;
  const rows = await db
    .selectFrom('nudge_entries')
    .innerJoin('nudges', 'nudges.id', 'nudge_entries.nudge_id')
    .select(['nudge_entries.contact_id', 'nudge_entries.reason', 'nudge_entries.state', 'nudges.local_date'])
    .where('nudge_entries.user_id', 'in', userIds)
    .where('nudge_entries.contact_id', 'in', contactIds)
    .where('nudges.local_date', '<', before)
    .where('nudges.status', 'in', SEEN)
    .orderBy('nudge_entries.contact_id')
    .orderBy('nudges.local_date', 'desc')
    .orderBy('nudge_entries.id', 'desc')
    .execute();
  for (const row of rows) {
    if (row.local_date === null) continue;
    const list = recent.get(row.contact_id) ?? [];
    if (list.length < HISTORY_DEPTH) list.push({ date: row.local_date, reason: row.reason, state: row.state });
    recent.set(row.contact_id, list);
  }
  return recent;
}

/** Each user's two latest daily nudges before `before` (within a month), newest first: the rotation's "previous nudge". */
export async function lastNudgeDates(db: Db, userIds: number[], before: LocalDate): Promise<Map<number, LocalDate[]>> {
  const dates = new Map<number, LocalDate[]>();
  if (userIds.length === 0) return dates;
  const rows = await db
    .selectFrom('nudges')
    .select(['user_id', 'local_date'])
    .where('user_id', 'in', userIds)
    .where('local_date', '<', before)
    .where('local_date', '>=', addDays(before, -HISTORY_DAYS))
    .where('status', 'in', SEEN)
    .orderBy('user_id')
    .orderBy('local_date', 'desc')
    .execute();
  for (const row of rows) {
    if (row.local_date === null) continue;
    const list = dates.get(row.user_id) ?? [];
    if (list.length < 2) list.push(row.local_date);
    dates.set(row.user_id, list);
  }
  return dates;
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

/** The nudges (or /today lists) the given entries of this user belong to. */
export async function nudgesOfEntries(db: Db, userId: number, entryIds: number[]): Promise<number[]> {
  if (entryIds.length === 0) return [];
  const rows = await db.selectFrom('nudge_entries').select('nudge_id').distinct().where('user_id', '=', userId).where('id', 'in', entryIds).execute();
  return rows.map((r) => r.nudge_id);
}
