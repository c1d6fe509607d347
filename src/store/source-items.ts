/**
 * What sources saw (table source_items) and the touches they logged. A sync
 * plan (src/sources/plan.ts) is applied inside one Change: the touches it
 * adds, moves and removes are one undo step, and the records of what was
 * seen are written alongside — outside the undo step on purpose, so a touch
 * the user took back is not logged again by the next sync.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { FollowUp } from '../core/contact.ts';
import { followUpAfterTouch } from '../core/follow-up.ts';
import type { LocalDate, TouchKind } from '../core/types.ts';
import type { ItemKind, KnownItem, Observation, SyncPlan } from '../sources/plan.ts';
import type { Change } from './change.ts';
import { updateContact } from './contacts.ts';
import type { DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

const CHUNK = 400;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * The items a plan needs: every item of the user with one of `keys` (whichever
 * source logged it), and — for a complete read — this source's items dated
 * `completeFrom` or later.
 */
export async function knownItems(db: Db, userId: number, sourceId: number, keys: readonly string[], completeFrom: LocalDate | null): Promise<KnownItem[]> {
  const rows = new Map<number, { id: number; source_id: number | null; item_key: string; contact_id: number; happened_on: string; starts_at: string | null; state: string }>();
  const columns = ['id', 'source_id', 'item_key', 'contact_id', 'happened_on', 'starts_at', 'state'] as const;
  for (const part of chunks([...new Set(keys)])) {
    for (const row of await db.selectFrom('source_items').select(columns).where('user_id', '=', userId).where('item_key', 'in', part).execute()) rows.set(row.id, row);
  }
  if (completeFrom !== null) {
    const own = await db.selectFrom('source_items').select(columns).where('source_id', '=', sourceId).where('user_id', '=', userId).where('happened_on', '>=', completeFrom).execute();
    for (const row of own) rows.set(row.id, row);
  }
  const touched = new Set<number>();
  for (const part of chunks([...rows.keys()])) {
    const ids = await db.selectFrom('touches').select('source_item_id').where('user_id', '=', userId).where('source_item_id', 'in', part).execute();
    for (const { source_item_id } of ids) if (source_item_id !== null) touched.add(source_item_id);
  }
  return [...rows.values()].map((r) => ({
    id: r.id,
    sourceId: r.source_id,
    key: r.item_key,
    contactId: r.contact_id,
    on: r.happened_on,
    startsAt: r.starts_at,
    state: r.state as KnownItem['state'],
    hasTouch: touched.has(r.id),
  }));
}

async function insertSourceTouch(change: Change, itemId: number, o: Observation): Promise<void> {
  const { id } = await change.tx
    .insertInto('touches')
    .values({ user_id: change.userId, contact_id: o.contactId, touched_on: o.on, kind: o.kind, note: null, created_at: change.nowIso, source_item_id: itemId })
    .returning('id')
    .executeTakeFirstOrThrow();
  change.undo.push({ op: 'delete', table: 'touches', id });
}

async function touchesOf(change: Change, itemId: number) {
  return change.tx.selectFrom('touches').selectAll().where('user_id', '=', change.userId).where('source_item_id', '=', itemId).execute();
}

async function deleteSourceTouches(change: Change, itemId: number): Promise<void> {
  for (const row of await touchesOf(change, itemId)) {
    change.undo.push({ op: 'insert', table: 'touches', row: { ...row } });
    await change.tx.deleteFrom('touches').where('user_id', '=', change.userId).where('id', '=', row.id).execute();
  }
}

async function moveSourceTouches(change: Change, itemId: number, on: LocalDate): Promise<void> {
  for (const row of await touchesOf(change, itemId)) {
    change.undo.push({ op: 'update', table: 'touches', id: row.id, before: { touched_on: row.touched_on } });
    await change.tx.updateTable('touches').set({ touched_on: on }).where('user_id', '=', change.userId).where('id', '=', row.id).execute();
  }
}

/**
 * Applies a plan inside `change`: items recorded, touches added, moved and
 * removed, and each affected contact's last contact and follow-up track
 * brought up to date (a meeting or mail completes a due follow-up, as a
 * logged touch does). Reminders are left alone: a calendar cannot know
 * whether the reminder's question was asked.
 */
export async function applySyncPlan(change: Change, sourceId: number, plan: SyncPlan): Promise<void> {
  const { tx, userId, nowIso } = change;
  const added = new Map<number, { on: LocalDate; kind: TouchKind }[]>();
  const affected = new Set<number>();
  const noteAdded = (o: Observation) => {
    affected.add(o.contactId);
    added.set(o.contactId, [...(added.get(o.contactId) ?? []), { on: o.on, kind: o.kind }]);
  };

  for (const part of chunks(plan.insert)) {
    const rows = await tx
      .insertInto('source_items')
      .values(part.map(({ observation: o, state }) => ({
        user_id: userId,
        source_id: sourceId,
        item_key: o.key,
        contact_id: o.contactId,
        kind: o.kind,
        happened_on: o.on,
        starts_at: o.startsAt,
        all_day: o.allDay ? 1 : 0,
        state,
        created_at: nowIso,
        updated_at: nowIso,
      })))
      .returning(['id', 'item_key', 'contact_id'])
      .execute();
    const ids = new Map(rows.map((r) => [`${r.item_key}\u0000${r.contact_id}`, r.id]));
    // The touches of new items in one statement per chunk: a first sync of a big mailbox adds thousands.
    const touches = part.filter((i) => i.touch).map(({ observation: o }) => {
      noteAdded(o);
      return { user_id: userId, contact_id: o.contactId, touched_on: o.on, kind: o.kind, note: null, created_at: nowIso, source_item_id: ids.get(`${o.key}\u0000${o.contactId}`)! };
    });
    if (touches.length > 0) {
      const inserted = await tx.insertInto('touches').values(touches).returning('id').execute();
      for (const { id } of inserted) change.undo.push({ op: 'delete', table: 'touches', id });
    }
  }

  for (const { item, observation: o, state, touch } of plan.update) {
    await tx
      .updateTable('source_items')
      .set({ source_id: sourceId, happened_on: o.on, starts_at: o.startsAt, all_day: o.allDay ? 1 : 0, state, updated_at: nowIso })
      .where('user_id', '=', userId)
      .where('id', '=', item.id)
      .execute();
    if (touch === 'add') {
      await insertSourceTouch(change, item.id, o);
      noteAdded(o);
    } else if (touch === 'move') {
      await moveSourceTouches(change, item.id, o.on);
      affected.add(o.contactId);
    } else if (touch === 'remove') {
      await deleteSourceTouches(change, item.id);
      affected.add(o.contactId);
    }
  }

  for (const item of plan.remove) {
    await tx.updateTable('source_items').set({ state: 'removed', updated_at: nowIso }).where('user_id', '=', userId).where('id', '=', item.id).execute();
    if (item.hasTouch) {
      await deleteSourceTouches(change, item.id);
      affected.add(item.contactId);
    }
  }

  await refreshContacts(change, [...affected], added);
}

const sameFollowUp = (a: FollowUp | null, b: FollowUp | null) => a?.stage === b?.stage && a?.due === b?.due;

/**
 * Each affected contact's last contact from its touches as they are now, and
 * its follow-up track after the added touches — read for all of them in a few
 * statements, written only where something changed.
 */
async function refreshContacts(change: Change, contactIds: number[], added: Map<number, { on: LocalDate; kind: TouchKind }[]>): Promise<void> {
  const { tx, userId } = change;
  for (const part of chunks(contactIds)) {
    const [rows, latest] = await Promise.all([
      tx.selectFrom('contacts').select(['id', 'last_touch_on', 'followup_stage', 'followup_due']).where('user_id', '=', userId).where('id', 'in', part).execute(),
      tx
        .selectFrom('touches')
        .select((eb) => ['contact_id', eb.fn.max('touched_on').as('last')])
        .where('user_id', '=', userId)
        .where('contact_id', 'in', part)
        .where('kind', 'not in', ['attempt', 'card'])
        .groupBy('contact_id')
        .execute(),
    ]);
    const lastOf = new Map(latest.map((r) => [r.contact_id, (r.last as string | null) ?? null]));
    for (const row of rows) {
      const lastTouchOn = lastOf.get(row.id) ?? null;
      const before: FollowUp | null = row.followup_stage && row.followup_due ? { stage: row.followup_stage as FollowUp['stage'], due: row.followup_due } : null;
      let followUp = before;
      for (const touch of [...(added.get(row.id) ?? [])].sort((x, y) => x.on.localeCompare(y.on))) followUp = followUpAfterTouch(followUp, touch);
      const patch: { lastTouchOn?: LocalDate | null; followUp?: FollowUp | null } = {};
      if (lastTouchOn !== row.last_touch_on) patch.lastTouchOn = lastTouchOn;
      if (!sameFollowUp(before, followUp)) patch.followUp = followUp;
      if (Object.keys(patch).length > 0) await updateContact(change, row.id, patch);
    }
  }
}

/** A touch a source logged: for the morning's "logged by themselves" line. */
export interface LoggedTouch {
  contactId: number;
  kind: ItemKind;
  on: LocalDate;
}

/** Touches sources logged at or after `sinceIso` (when they were written) and that still stand. */
export async function touchesLoggedSince(db: Db, userId: number, sinceIso: string): Promise<LoggedTouch[]> {
  const rows = await db
    .selectFrom('touches')
    .select(['contact_id', 'kind', 'touched_on'])
    .where('user_id', '=', userId)
    .where('source_item_id', 'is not', null)
    .where('created_at', '>=', sinceIso)
    .orderBy('touched_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ contactId: r.contact_id, kind: r.kind as ItemKind, on: r.touched_on }));
}

/** A meeting with a contact on a day, for the morning's "📅 today" lines. */
export interface DayEvent {
  contactId: number;
  /** ISO instant; the time of day is shown in the user's zone. */
  startsAt: string | null;
  allDay: boolean;
}

/** The user's meetings with contacts on a local date, earliest first (one line per meeting and contact). */
export async function eventsOn(db: Db, userId: number, date: LocalDate): Promise<DayEvent[]> {
  const rows = await db
    .selectFrom('source_items')
    .select(['contact_id', 'starts_at', 'all_day'])
    .where('user_id', '=', userId)
    .where('kind', '=', 'meeting')
    .where('happened_on', '=', date)
    .where('state', 'in', ['upcoming', 'logged'])
    .orderBy(sql`coalesce(starts_at, '')`)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ contactId: r.contact_id, startsAt: r.starts_at, allDay: r.all_day === 1 }));
}
