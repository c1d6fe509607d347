/** Touches, notes, reminders and introductions of one user's contacts. */
import type { Kysely } from 'kysely';
import type { ReminderFacts, TouchFacts } from '../core/contact.ts';
import type { NoteHook } from '../core/hooks.ts';
import type { LocalDate, TouchKind } from '../core/types.ts';
import type { DB } from './schema.ts';
import type { Change } from './change.ts';

export interface Touch {
  id: number;
  contactId: number;
  on: LocalDate;
  kind: TouchKind;
  note: string | null;
  /** A calendar or mailbox logged it (touches.source_item_id), not the user. */
  fromSource?: boolean;
}

export interface Note {
  id: number;
  contactId: number;
  text: string;
  at: string;
}

export interface Reminder extends ReminderFacts {
  doneAt: string | null;
}

export async function insertTouch(change: Change, contactId: number, on: LocalDate, kind: TouchKind, note: string | null): Promise<number> {
  const { id } = await change.tx
    .insertInto('touches')
    .values({ user_id: change.userId, contact_id: contactId, touched_on: on, kind, note, created_at: change.nowIso })
    .returning('id')
    .executeTakeFirstOrThrow();
  change.undo.push({ op: 'delete', table: 'touches', id });
  return id;
}

/** A note; with a hook (a date it names, or news to congratulate on) when it has one (src/commands/note-hook.ts). */
export async function insertNote(change: Change, contactId: number, text: string, hook: NoteHook | null = null): Promise<number> {
  const { id } = await change.tx
    .insertInto('notes')
    .values({ user_id: change.userId, contact_id: contactId, text, created_at: change.nowIso, due_on: hook?.dueOn ?? null, hook: hook?.kind ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  change.undo.push({ op: 'delete', table: 'notes', id });
  return id;
}

export async function insertReminder(change: Change, contactId: number, due: LocalDate, text: string | null): Promise<number> {
  const { id } = await change.tx
    .insertInto('reminders')
    .values({ user_id: change.userId, contact_id: contactId, due, text, done_at: null, created_at: change.nowIso })
    .returning('id')
    .executeTakeFirstOrThrow();
  change.undo.push({ op: 'delete', table: 'reminders', id });
  return id;
}

/**
 * Marks one open reminder of the user as done (an answer to it: Done on the
 * nudge's reminder entry, or Yes to "also mark it as done?"). Returns it, or
 * undefined when it is not the user's or no longer open.
 */
export async function completeReminder(change: Change, reminderId: number): Promise<Reminder | undefined> {
  const row = await change.tx
    .selectFrom('reminders')
    .select(['id', 'contact_id', 'due', 'text', 'done_at'])
    .where('user_id', '=', change.userId)
    .where('id', '=', reminderId)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  change.undo.push({ op: 'update', table: 'reminders', id: row.id, before: { done_at: null } });
  await change.tx.updateTable('reminders').set({ done_at: change.nowIso }).where('user_id', '=', change.userId).where('id', '=', row.id).execute();
  return { id: row.id, contactId: row.contact_id, due: row.due, text: row.text, doneAt: change.nowIso };
}

/** The contact's open reminders due on or before `until`, oldest first. */
export async function openRemindersOf(db: Kysely<DB> | Change['tx'], userId: number, contactId: number, until: LocalDate): Promise<Reminder[]> {
  const rows = await db
    .selectFrom('reminders')
    .select(['id', 'contact_id', 'due', 'text', 'done_at'])
    .where('user_id', '=', userId)
    .where('contact_id', '=', contactId)
    .where('done_at', 'is', null)
    .where('due', '<=', until)
    .orderBy('due')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, contactId: r.contact_id, due: r.due, text: r.text, doneAt: r.done_at }));
}

/** One reminder of the user, open or done. */
export async function getReminder(db: Kysely<DB>, userId: number, reminderId: number): Promise<Reminder | undefined> {
  const r = await db.selectFrom('reminders').select(['id', 'contact_id', 'due', 'text', 'done_at']).where('user_id', '=', userId).where('id', '=', reminderId).executeTakeFirst();
  return r && { id: r.id, contactId: r.contact_id, due: r.due, text: r.text, doneAt: r.done_at };
}

export async function insertIntroduction(change: Change, fromId: number, toId: number, note: string | null, on: LocalDate): Promise<number> {
  const { id } = await change.tx
    .insertInto('introductions')
    .values({ user_id: change.userId, from_contact_id: fromId, to_contact_id: toId, note, introduced_on: on, created_at: change.nowIso })
    .returning('id')
    .executeTakeFirstOrThrow();
  change.undo.push({ op: 'delete', table: 'introductions', id });
  return id;
}

/** Open reminders (not done), oldest due first. */
export async function openReminders(db: Kysely<DB>, userId: number): Promise<Reminder[]> {
  const rows = await db
    .selectFrom('reminders')
    .select(['id', 'contact_id', 'due', 'text', 'done_at'])
    .where('user_id', '=', userId)
    .where('done_at', 'is', null)
    .orderBy('due')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, contactId: r.contact_id, due: r.due, text: r.text, doneAt: r.done_at }));
}

/** Touches on or after `since`, for /stats. */
export async function touchesSince(db: Kysely<DB>, userId: number, since: LocalDate): Promise<TouchFacts[]> {
  const rows = await db
    .selectFrom('touches')
    .select(['contact_id', 'touched_on', 'kind'])
    .where('user_id', '=', userId)
    .where('touched_on', '>=', since)
    .execute();
  return rows.map((r) => ({ contactId: r.contact_id, on: r.touched_on, kind: r.kind }));
}

/** Everything about one contact, newest first, for /show and the export. */
export async function contactHistory(db: Kysely<DB>, userId: number, contactId: number) {
  const [touches, notes, reminders] = await Promise.all([
    db.selectFrom('touches').selectAll().where('user_id', '=', userId).where('contact_id', '=', contactId)
      .orderBy('touched_on', 'desc').orderBy('id', 'desc').execute(),
    db.selectFrom('notes').selectAll().where('user_id', '=', userId).where('contact_id', '=', contactId).orderBy('id', 'desc').execute(),
    db.selectFrom('reminders').selectAll().where('user_id', '=', userId).where('contact_id', '=', contactId)
      .where('done_at', 'is', null).orderBy('due').execute(),
  ]);
  return {
    touches: touches.map((t): Touch => ({ id: t.id, contactId: t.contact_id, on: t.touched_on, kind: t.kind, note: t.note, ...(t.source_item_id !== null ? { fromSource: true } : {}) })),
    notes: notes.map((n): Note => ({ id: n.id, contactId: n.contact_id, text: n.text, at: n.created_at })),
    reminders: reminders.map((r): Reminder => ({ id: r.id, contactId: r.contact_id, due: r.due, text: r.text, doneAt: r.done_at })),
  };
}
