/** Contacts of one user. Every query is scoped by the owner's user id, its first argument. */
import { sql, type Kysely } from 'kysely';
import type { ContactFacts, FollowUp } from '../core/contact.ts';
import type { ContactSource, ContactStatus, LocalDate, Tier } from '../core/types.ts';
import { nameKey } from '../core/names.ts';
import { nextDueOn } from '../core/cadence.ts';
import { parseStoredAddress, storedAddress, type PostalAddress } from '../core/address.ts';
import type { ContactRow, DB, NewContact } from './schema.ts';
import { beforeImage, type Change } from './change.ts';

/** A contact with everything the conversation shows, beyond what the rules read. */
export interface Contact extends ContactFacts {
  tags: string[];
  company: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  /** `MM-DD` or `YYYY-MM-DD` (src/core/birthday.ts). */
  birthday: string | null;
  address: PostalAddress | null;
  salutation: string | null;
  academicTitle: string | null;
}

/** The columns the domain rules read (ContactFacts): fewer columns, cheaper rows in bulk reads. */
export const FACT_COLUMNS = [
  'id', 'user_id', 'name', 'tier', 'cadence_days', 'status', 'source', 'place', 'snoozed_until', 'met_on',
  'created_on', 'last_touch_on', 'followup_stage', 'followup_due', 'reviewed_on', 'back_on', 'followup_asked_on',
] as const;

export type FactRow = Pick<ContactRow, (typeof FACT_COLUMNS)[number]>;

export function toFacts(row: FactRow): ContactFacts {
  return {
    id: row.id,
    name: row.name,
    tier: row.tier,
    cadenceDays: row.cadence_days,
    status: row.status,
    source: row.source as ContactSource,
    place: row.place,
    snoozedUntil: row.snoozed_until,
    metOn: row.met_on,
    createdOn: row.created_on,
    lastTouchOn: row.last_touch_on,
    followUp: row.followup_stage && row.followup_due ? { stage: row.followup_stage, due: row.followup_due } : null,
    reviewedOn: row.reviewed_on,
    backOn: row.back_on ?? null,
    followUpAskedOn: row.followup_asked_on ?? null,
  };
}

export function toContact(row: ContactRow): Contact {
  return {
    ...toFacts(row),
    tags: parseTags(row.tags),
    company: row.company,
    role: row.role,
    email: row.email,
    phone: row.phone,
    birthday: row.birthday,
    address: parseStoredAddress(row.address),
    salutation: row.salutation,
    academicTitle: row.academic_title,
  };
}

/** Tags as stored (JSON text); anything unreadable is no tags. */
export function parseTags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** All contacts of the user, archived ones included (callers filter by status). */
export async function listContacts(db: Kysely<DB>, userId: number): Promise<Contact[]> {
  const rows = await db.selectFrom('contacts').selectAll().where('user_id', '=', userId).orderBy('id').execute();
  return rows.map(toContact);
}

export async function getContact(db: Kysely<DB>, userId: number, id: number): Promise<Contact | undefined> {
  const row = await db.selectFrom('contacts').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  return row && toContact(row);
}

export async function getContacts(db: Kysely<DB>, userId: number, ids: number[]): Promise<Contact[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('contacts').selectAll().where('user_id', '=', userId).where('id', 'in', ids).execute();
  return rows.map(toContact);
}

/** Active A and B contacts: the close relationships Dunbar's number limits. */
export async function countCloseContacts(db: Kysely<DB>, userId: number): Promise<number> {
  const row = await db
    .selectFrom('contacts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .where('tier', 'in', ['A', 'B'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Just enough to match a typed name against the network. */
export async function contactNames(db: Kysely<DB>, userId: number): Promise<{ id: number; name: string; status: string; salutation: string | null }[]> {
  return db.selectFrom('contacts').select(['id', 'name', 'status', 'salutation']).where('user_id', '=', userId).execute();
}

export interface NewContactFields {
  name: string;
  tier: Tier;
  source: ContactSource;
  place?: string | null;
  metOn?: LocalDate | null;
  tags?: string[];
  company?: string | null;
  role?: string | null;
  email?: string | null;
  phone?: string | null;
  birthday?: string | null;
  address?: PostalAddress | null;
  salutation?: string | null;
  academicTitle?: string | null;
  cadenceDays?: number | null;
  followUp?: FollowUp | null;
  lastTouchOn?: LocalDate | null;
  createdOn: LocalDate;
}

export async function createContact(change: Change, fields: NewContactFields): Promise<number> {
  const row: NewContact = {
    user_id: change.userId,
    name: fields.name,
    name_key: nameKey(fields.name),
    tier: fields.tier,
    cadence_days: fields.cadenceDays ?? null,
    source: fields.source,
    place: fields.place ?? null,
    met_on: fields.metOn ?? null,
    tags: JSON.stringify(fields.tags ?? []),
    company: fields.company ?? null,
    role: fields.role ?? null,
    email: fields.email ?? null,
    phone: fields.phone ?? null,
    birthday: fields.birthday ?? null,
    address: storedAddress(fields.address ?? null),
    salutation: fields.salutation ?? null,
    academic_title: fields.academicTitle ?? null,
    snoozed_until: null,
    last_touch_on: fields.lastTouchOn ?? null,
    due_on: nextDueOn(
      { tier: fields.tier, cadenceDays: fields.cadenceDays ?? null, lastTouchOn: fields.lastTouchOn ?? null, metOn: fields.metOn ?? null, createdOn: fields.createdOn },
      change.cadences,
    ),
    followup_stage: fields.followUp?.stage ?? null,
    followup_due: fields.followUp?.due ?? null,
    reviewed_on: null,
    created_on: fields.createdOn,
    created_at: change.nowIso,
  };
  const { id } = await change.tx.insertInto('contacts').values(row).returning('id').executeTakeFirstOrThrow();
  change.undo.push({ op: 'delete', table: 'contacts', id });
  return id;
}

export interface ContactPatch {
  name?: string;
  tier?: Tier;
  cadenceDays?: number | null;
  status?: ContactStatus;
  place?: string | null;
  snoozedUntil?: LocalDate | null;
  lastTouchOn?: LocalDate | null;
  followUp?: FollowUp | null;
  reviewedOn?: LocalDate | null;
  backOn?: LocalDate | null;
  followUpAskedOn?: LocalDate | null;
  tags?: string[];
  company?: string | null;
  role?: string | null;
  email?: string | null;
  phone?: string | null;
  metOn?: LocalDate | null;
  birthday?: string | null;
  address?: PostalAddress | null;
  salutation?: string | null;
  academicTitle?: string | null;
}

function toRowPatch(patch: ContactPatch): Partial<ContactRow> {
  const row: Partial<ContactRow> = {};
  if (patch.name !== undefined) {
    row.name = patch.name;
    row.name_key = nameKey(patch.name);
  }
  if (patch.tier !== undefined) row.tier = patch.tier;
  if (patch.cadenceDays !== undefined) row.cadence_days = patch.cadenceDays;
  if (patch.status !== undefined) row.status = patch.status;
  if (patch.place !== undefined) row.place = patch.place;
  if (patch.snoozedUntil !== undefined) row.snoozed_until = patch.snoozedUntil;
  if (patch.lastTouchOn !== undefined) row.last_touch_on = patch.lastTouchOn;
  if (patch.followUp !== undefined) {
    row.followup_stage = patch.followUp?.stage ?? null;
    row.followup_due = patch.followUp?.due ?? null;
  }
  if (patch.reviewedOn !== undefined) row.reviewed_on = patch.reviewedOn;
  if (patch.backOn !== undefined) row.back_on = patch.backOn;
  if (patch.followUpAskedOn !== undefined) row.followup_asked_on = patch.followUpAskedOn;
  if (patch.tags !== undefined) row.tags = JSON.stringify(patch.tags);
  if (patch.company !== undefined) row.company = patch.company;
  if (patch.role !== undefined) row.role = patch.role;
  if (patch.email !== undefined) row.email = patch.email;
  if (patch.phone !== undefined) row.phone = patch.phone;
  if (patch.metOn !== undefined) row.met_on = patch.metOn;
  if (patch.birthday !== undefined) row.birthday = patch.birthday;
  if (patch.address !== undefined) row.address = storedAddress(patch.address);
  if (patch.salutation !== undefined) row.salutation = patch.salutation;
  if (patch.academicTitle !== undefined) row.academic_title = patch.academicTitle;
  return row;
}

/** The due date the cadence gives a row, after a patch. */
function dueOnAfter(row: ContactRow, patch: Partial<ContactRow>, change: Change): string | null {
  const merged = { ...row, ...patch };
  return nextDueOn(
    {
      tier: merged.tier,
      cadenceDays: merged.cadence_days,
      lastTouchOn: merged.last_touch_on,
      metOn: merged.met_on,
      createdOn: merged.created_on,
    },
    change.cadences,
  );
}

/** Updates one contact of the user, recording the columns as they were for /undo. */
export async function updateContact(change: Change, id: number, patch: ContactPatch): Promise<void> {
  const rowPatch = toRowPatch(patch);
  if (Object.keys(rowPatch).length === 0) return;
  const current = await change.tx
    .selectFrom('contacts')
    .selectAll()
    .where('user_id', '=', change.userId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const due = dueOnAfter(current, rowPatch, change);
  if (due !== current.due_on) rowPatch.due_on = due;
  change.undo.push({ op: 'update', table: 'contacts', id, before: beforeImage(current, rowPatch) });
  await change.tx.updateTable('contacts').set(rowPatch).where('user_id', '=', change.userId).where('id', '=', id).execute();
}

/**
 * Deletes a contact with its touches, notes, reminders and introductions,
 * recording every row so /undo can bring them all back.
 */
export async function deleteContact(change: Change, id: number): Promise<void> {
  const { tx, userId } = change;
  for (const table of ['touches', 'notes', 'reminders', 'contact_emails'] as const) {
    const rows = await tx.selectFrom(table).selectAll().where('user_id', '=', userId).where('contact_id', '=', id).execute();
    for (const row of rows) change.undo.push({ op: 'insert', table, row: { ...row } });
  }
  const intros = await tx
    .selectFrom('introductions')
    .selectAll()
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('from_contact_id', '=', id), eb('to_contact_id', '=', id)]))
    .execute();
  for (const row of intros) change.undo.push({ op: 'insert', table: 'introductions', row: { ...row } });
  const contact = await tx.selectFrom('contacts').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  if (!contact) return;
  // Undo replays the log backwards: recorded after its children, the contact
  // is restored before them.
  change.undo.push({ op: 'insert', table: 'contacts', row: { ...contact } });
  await tx.deleteFrom('contacts').where('user_id', '=', userId).where('id', '=', id).execute();
}

/** `%text%` for LIKE, with the user's own % and _ taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function lowerLike(column: string, pattern: string) {
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/**
 * Recomputes the due dates of the user's contacts after their tier cadences
 * changed (`change.cadences` already holds the new ones).
 */
export async function refreshDueDates(change: Change): Promise<void> {
  const rows = await change.tx.selectFrom('contacts').selectAll().where('user_id', '=', change.userId).execute();
  for (const row of rows) {
    const due = dueOnAfter(row, {}, change);
    if (due === row.due_on) continue;
    change.undo.push({ op: 'update', table: 'contacts', id: row.id, before: { due_on: row.due_on } });
    await change.tx.updateTable('contacts').set({ due_on: due }).where('user_id', '=', change.userId).where('id', '=', row.id).execute();
  }
}

/** Case-insensitive search in names, places, companies, roles, tags and notes. */
export async function searchContacts(db: Kysely<DB>, userId: number, query: string): Promise<Contact[]> {
  const pattern = containsPattern(query.toLowerCase());
  const keyPattern = containsPattern(nameKey(query));
  const rows = await db
    .selectFrom('contacts')
    .selectAll()
    .where('user_id', '=', userId)
    .where((eb) =>
      eb.or([
        sql<boolean>`name_key like ${keyPattern} escape '\\'`,
        lowerLike('name', pattern),
        lowerLike('place', pattern),
        lowerLike('company', pattern),
        lowerLike('role', pattern),
        lowerLike('tags', pattern),
        eb('id', 'in', eb.selectFrom('notes').select('contact_id').where('user_id', '=', userId).where(lowerLike('text', pattern))),
      ]),
    )
    .orderBy('name')
    .limit(50)
    .execute();
  return rows.map(toContact);
}
