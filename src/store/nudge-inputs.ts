/**
 * What choosing a nudge needs, loaded for many users at once: only the
 * contacts that can be on today's agenda (an index lookup on due dates), their
 * reminders, and the history the anti-nagging rules read.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ReminderFacts, TouchFacts } from '../core/contact.ts';
import type { NudgeHistory, PastEntry } from '../core/nudge-choice.ts';
import type { LocalDate, Tier } from '../core/types.ts';
import { FACT_COLUMNS, toFacts, type FactRow } from './contacts.ts';
import type { ContactFacts } from '../core/contact.ts';
import { addDays } from '../core/dates.ts';
import { EARLY_WITHIN_DAYS } from '../core/method.ts';
import { lastNudgeDates, recentEntries } from './nudges.ts';
import type { DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface NudgeInputs {
  contacts: ContactFacts[];
  reminders: ReminderFacts[];
  history: NudgeHistory;
}

/** SQLite allows 32,766 bound values a statement; PostgreSQL 65,535. Lists are cut well below. */
const CHUNK = 900;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * The agenda material of each user for the local date `today`. Contacts that
 * are neither due (or due within the early window), nor in a due follow-up
 * step, nor promised back, nor holding a due reminder cannot be on the agenda
 * and are not read.
 */
export async function loadNudgeInputs(db: Db, userIds: number[], today: LocalDate): Promise<Map<number, NudgeInputs>> {
  const inputs = new Map<number, NudgeInputs>();
  for (const id of userIds) inputs.set(id, { contacts: [], reminders: [], history: { lastNudges: [], recent: new Map() } });
  if (userIds.length === 0) return inputs;

  const rows = new Map<number, FactRow>();
  const reminders: ReminderFacts[] = [];
  for (const ids of chunks(userIds)) {
    const base = db.selectFrom('contacts').select(FACT_COLUMNS).where('user_id', 'in', ids).where('status', '=', 'active');
    for (const row of await base.where('due_on', '<=', addDays(today, EARLY_WITHIN_DAYS)).execute()) rows.set(row.id, row);
    for (const row of await base.where('followup_due', '<=', today).execute()) rows.set(row.id, row);
    for (const row of await base.where('back_on', '<=', today).execute()) rows.set(row.id, row);
    const due = await db
      .selectFrom('reminders')
      .select(['id', 'contact_id', 'due', 'text'])
      .where('user_id', 'in', ids)
      .where('done_at', 'is', null)
      .where('due', '<=', today)
      .execute();
    for (const r of due) reminders.push({ id: r.id, contactId: r.contact_id, due: r.due, text: r.text });
  }
  const missing = [...new Set(reminders.map((r) => r.contactId))].filter((id) => !rows.has(id));
  for (const ids of chunks(missing)) {
    for (const row of await db.selectFrom('contacts').select(FACT_COLUMNS).where('id', 'in', ids).where('user_id', 'in', userIds).execute()) rows.set(row.id, row);
  }

  const owner = new Map<number, number>();
  for (const row of rows.values()) {
    owner.set(row.id, row.user_id);
    inputs.get(row.user_id)?.contacts.push(toFacts(row));
  }
  for (const reminder of reminders) {
    const userId = owner.get(reminder.contactId);
    if (userId !== undefined) inputs.get(userId)?.reminders.push(reminder);
  }

  const contactIds = [...rows.keys()];
  const recent = new Map<number, PastEntry[]>();
  for (const ids of chunks(contactIds)) for (const [id, list] of await recentEntries(db, userIds, ids, today)) recent.set(id, list);
  const lastNudges = new Map<number, LocalDate[]>();
  for (const ids of chunks(userIds)) for (const [id, dates] of await lastNudgeDates(db, ids, today)) lastNudges.set(id, dates);
  for (const [userId, input] of inputs) {
    const own = new Map(input.contacts.filter((c) => recent.has(c.id)).map((c) => [c.id, recent.get(c.id)!]));
    input.history = { lastNudges: lastNudges.get(userId) ?? [], recent: own };
  }
  return inputs;
}

/** The newest note of each given contact of the given users. */
export async function latestNotesOf(db: Db, userIds: number[], contactIds: number[]): Promise<Map<number, string>> {
  const latest = new Map<number, string>();
  for (const ids of chunks(contactIds)) {
    const rows = await db
      .selectFrom('notes')
      .select(['contact_id', 'text'])
      .where('user_id', 'in', userIds)
      .where('contact_id', 'in', ids)
      .orderBy('id', 'desc')
      .execute();
    for (const row of rows) if (!latest.has(row.contact_id)) latest.set(row.contact_id, row.text);
  }
  return latest;
}

/** Touches between two local dates, with the tier of their contact, per user (the Monday line). */
export async function touchesWithTier(
  db: Db,
  userIds: number[],
  from: LocalDate,
  to: LocalDate,
): Promise<Map<number, { contacts: { id: number; tier: Tier }[]; touches: TouchFacts[] }>> {
  const out = new Map<number, { contacts: { id: number; tier: Tier }[]; touches: TouchFacts[] }>();
  for (const ids of chunks(userIds)) {
    const rows = await db
      .selectFrom('touches')
      .innerJoin('contacts', 'contacts.id', 'touches.contact_id')
      .select(['touches.user_id', 'touches.contact_id', 'touches.touched_on', 'touches.kind', 'contacts.tier'])
      .where('touches.user_id', 'in', ids)
      .where('touches.touched_on', '>=', from)
      .where('touches.touched_on', '<=', to)
      .execute();
    for (const row of rows) {
      const entry = out.get(row.user_id) ?? { contacts: [], touches: [] };
      entry.contacts.push({ id: row.contact_id, tier: row.tier });
      entry.touches.push({ contactId: row.contact_id, on: row.touched_on, kind: row.kind });
      out.set(row.user_id, entry);
    }
  }
  return out;
}
