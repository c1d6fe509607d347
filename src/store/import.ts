/**
 * Imports in the store: the network as the planner sees it, imports waiting
 * for confirmation (table import_plans), and applying a plan inside one
 * Change — one transaction and one undo step, however many contacts.
 *
 * New contacts are written in batches of multi-row INSERTs: one statement per
 * few hundred contacts instead of one per contact (10,000 contacts in a
 * fraction of a second, see bench/import.ts). Their undo step deletes the
 * contacts; their touches, notes and reminders go with them by ON DELETE
 * CASCADE. What an import adds to existing contacts is recorded op by op.
 */
import { CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import { parseStoredAddress, storedAddress } from '../core/address.ts';
import { nextDueOn } from '../core/cadence.ts';
import type { NoteHook } from '../core/hooks.ts';
import { latestTouchOn } from '../core/touches.ts';
import type { LocalDate } from '../core/types.ts';
import type { ExistingContact, ImportPlan, PlanContext, PlannedContact, Target } from '../import/plan.ts';
import type { KeepwarmSettings } from '../import/record.ts';
import { insertIntroduction, insertReminder, insertTouch } from './activity.ts';
import type { Change } from './change.ts';
import { parseTags, updateContact } from './contacts.ts';
import { exportedSettings } from './export.ts';
import type { DB, NewContact } from './schema.ts';
import { getUserById, updateUserSettings, type UserSettingsPatch } from './users.ts';

/** Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const BATCH = 400;
/** Merges applied between two turns of the event loop. */
const MERGES_PER_TURN = 200;
/** Imports nobody confirmed are dropped after a day (the question expires then too). */
const PLAN_LIFETIME_MS = 24 * 3600_000;

/** The user's network as the planner needs it; touches, reminders, introductions and settings only for keepwarm's own files. */
export async function loadPlanContext(db: Kysely<DB>, userId: number, today: LocalDate, full: boolean): Promise<PlanContext> {
  const [contacts, notes] = await Promise.all([
    db
      .selectFrom('contacts')
      .select(['id', 'name', 'email', 'phone', 'company', 'role', 'place', 'tags', 'last_touch_on', 'birthday', 'address', 'salutation', 'academic_title'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute(),
    db.selectFrom('notes').select(['contact_id', 'text']).where('user_id', '=', userId).execute(),
  ]);
  const byId = new Map<number, ExistingContact>();
  for (const c of contacts) {
    byId.set(c.id, {
      id: c.id,
      name: c.name,
      email: c.email,
      phone: c.phone,
      company: c.company,
      role: c.role,
      place: c.place,
      tags: parseTags(c.tags),
      lastTouchOn: c.last_touch_on,
      birthday: c.birthday,
      address: parseStoredAddress(c.address),
      salutation: c.salutation,
      academicTitle: c.academic_title,
      notes: [],
      ...(full ? { touches: [], reminders: [] } : {}),
    });
  }
  for (const n of notes) byId.get(n.contact_id)?.notes.push(n.text);
  const context: PlanContext = { today, existing: [...byId.values()] };
  if (!full) return context;
  const [touches, reminders, intros, user] = await Promise.all([
    db.selectFrom('touches').select(['contact_id', 'touched_on', 'kind', 'note']).where('user_id', '=', userId).execute(),
    db.selectFrom('reminders').select(['contact_id', 'due', 'text']).where('user_id', '=', userId).where('done_at', 'is', null).execute(),
    db.selectFrom('introductions').select(['from_contact_id', 'to_contact_id', 'introduced_on']).where('user_id', '=', userId).execute(),
    getUserById(db, userId),
  ]);
  for (const t of touches) byId.get(t.contact_id)?.touches?.push(`${t.touched_on}|${t.kind}|${t.note ?? ''}`);
  for (const r of reminders) byId.get(r.contact_id)?.reminders?.push(`${r.due}|${r.text ?? ''}`);
  context.introductions = intros.map((i) => `${i.from_contact_id}|${i.to_contact_id}|${i.introduced_on}`);
  if (user) {
    context.settings = exportedSettings(user);
  }
  return context;
}

/** Keeps a read file (`payload`: its ParsedImport, encoded by src/import-thread/payload.ts) until the user confirms; replaces the user's earlier one. Returns its id. */
export async function saveImportPlan(db: Kysely<DB>, userId: number, fileName: string, payload: string, now: Date): Promise<number> {
  await db.deleteFrom('import_plans').where('user_id', '=', userId).execute();
  await db.deleteFrom('import_plans').where('created_at', '<', new Date(now.getTime() - PLAN_LIFETIME_MS).toISOString()).execute();
  const { id } = await db
    .insertInto('import_plans')
    .values({ user_id: userId, file_name: fileName.slice(0, 200), payload, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A kept file: its payload, decoded by whoever plans it (an import thread). */
export async function loadImportPlan(db: Kysely<DB>, userId: number, id: number): Promise<{ fileName: string; payload: string } | undefined> {
  const row = await db.selectFrom('import_plans').select(['file_name', 'payload']).where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  return row && { fileName: row.file_name, payload: row.payload };
}

export async function dropImportPlans(db: Kysely<DB>, userId: number): Promise<void> {
  await db.deleteFrom('import_plans').where('user_id', '=', userId).execute();
}

/** A contact the import created, for the report and the triage that follows. */
export interface CreatedContact {
  id: number;
  name: string;
  company: string | null;
  role: string | null;
  lastContactOn: LocalDate | null;
  archived: boolean;
  /** True when the file gave no tier: the contact has the default tier C. */
  defaultTier: boolean;
}

export interface ImportOutcome {
  created: CreatedContact[];
  merged: number;
  settings: boolean;
}

export interface ApplyOptions {
  today: LocalDate;
  /** The note on the touch made from a file's "connected on"/"last contact" date (null: none). */
  touchNote: string | null;
}

function settingsPatch(settings: Partial<KeepwarmSettings>): UserSettingsPatch {
  const patch: UserSettingsPatch = {};
  if (settings.language !== undefined) patch.language = settings.language;
  if (settings.timeZone !== undefined) patch.time_zone = settings.timeZone;
  if (settings.nudgeTime !== undefined) patch.nudge_time = settings.nudgeTime;
  if (settings.nudgeDays !== undefined) patch.nudge_days = settings.nudgeDays.join(',');
  if (settings.nudgeCount !== undefined) patch.nudge_count = settings.nudgeCount;
  if (settings.cadences !== undefined) {
    patch.cadence_a = settings.cadences.A;
    patch.cadence_b = settings.cadences.B;
  }
  if (settings.pausedUntil !== undefined) patch.paused_until = settings.pausedUntil;
  if (settings.pausedFrom !== undefined) patch.paused_from = settings.pausedFrom;
  if (settings.lastReviewOn !== undefined) patch.last_review_on = settings.lastReviewOn;
  if (settings.holidays !== undefined) patch.holidays = settings.holidays;
  return patch;
}

function contactRow(change: Change, planned: PlannedContact, options: ApplyOptions): NewContact & Record<string, unknown> {
  const { record, tier, key } = planned;
  const kw = record.keepwarm;
  const touches = kw ? kw.touches.map((t) => ({ on: t.on, kind: t.kind })) : [];
  const lastTouchOn = kw ? latestTouchOn(touches) : record.lastContactOn;
  const createdOn = kw?.createdOn ?? options.today;
  const metOn = kw?.metOn ?? null;
  const cadenceDays = kw?.cadenceDays ?? null;
  return {
    user_id: change.userId,
    name: record.name,
    name_key: key,
    tier,
    cadence_days: cadenceDays,
    status: kw?.status ?? 'active',
    source: kw?.source ?? 'import',
    place: record.place,
    met_on: metOn,
    tags: JSON.stringify(record.tags),
    company: record.company,
    role: record.role,
    email: record.emails[0] ?? null,
    phone: record.phones[0] ?? null,
    birthday: record.birthday ?? null,
    address: storedAddress(record.address ?? null),
    salutation: record.salutation ?? null,
    academic_title: record.academicTitle ?? null,
    snoozed_until: kw?.snoozedUntil ?? null,
    last_touch_on: lastTouchOn,
    due_on: nextDueOn({ tier, cadenceDays, lastTouchOn, metOn, createdOn }, change.cadences),
    followup_stage: kw?.followUp?.stage ?? null,
    followup_due: kw?.followUp?.due ?? null,
    reviewed_on: kw?.reviewedOn ?? null,
    created_on: createdOn,
    created_at: change.nowIso,
  };
}

/**
 * Gives timers and network I/O a turn. better-sqlite3 answers synchronously,
 * so a chain of awaits alone never lets the process read another request:
 * a 50,000-contact import would hold every connection unread until it
 * commits. (Other users' queries still wait for the transaction on SQLite's
 * one connection; on PostgreSQL they run meanwhile.)
 */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Inserts rows in batches of BATCH with one multi-row INSERT each. kysely
 * compiles the statement of a batch once; later batches of the same size
 * reuse its SQL with their own parameters (the rows have the same columns in
 * the same order), which saves most of the time a 10,000-row import spends
 * building queries. Returns the ids when `returning` is set.
 */
async function insertMany(change: Change, table: 'contacts' | 'touches' | 'notes' | 'reminders' | 'contact_emails', rows: Record<string, unknown>[], returning: boolean): Promise<number[]> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const tx = change.tx as unknown as Kysely<any>;
  const ids: number[] = [];
  let reusable: { sql: string; columns: string[] } | undefined;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    let result: QueryResult<{ id: number }>;
    if (reusable && batch.length === BATCH) {
      const columns = reusable.columns;
      result = await tx.executeQuery<{ id: number }>(CompiledQuery.raw(reusable.sql, batch.flatMap((row) => columns.map((column) => row[column]))));
    } else {
      const query = tx.insertInto(table).values(batch);
      const compiled = returning ? query.returning('id').compile() : query.compile();
      const columns = Object.keys(batch[0] ?? {});
      // Reused only when its parameters are exactly the rows' values in column order.
      const expected = batch.flatMap((row) => columns.map((column) => row[column]));
      if (batch.length === BATCH && expected.length === compiled.parameters.length && expected.every((v, i) => v === compiled.parameters[i])) {
        reusable = { sql: compiled.sql, columns };
      }
      result = (await tx.executeQuery(compiled)) as QueryResult<{ id: number }>;
    }
    // One multi-row INSERT assigns increasing ids in the order of its rows.
    if (returning) ids.push(...result.rows.map((r) => r.id).sort((a, b) => a - b));
    await nextTurn();
  }
  return ids;
}

/** Items handled between two turns of the event loop while rows are built. */
const ITEMS_PER_TURN = 2000;

/** `each` for every item, with a turn of the event loop every ITEMS_PER_TURN items. */
async function inTurns<T>(items: readonly T[], each: (item: T, index: number) => void): Promise<void> {
  for (let index = 0; index < items.length; index++) {
    if (index > 0 && index % ITEMS_PER_TURN === 0) await nextTurn();
    each(items[index] as T, index);
  }
}

/** Creates the plan's new contacts with their touches, notes and reminders; returns their ids in plan order. */
async function createContacts(change: Change, plan: ImportPlan, options: ApplyOptions): Promise<number[]> {
  const rows: Record<string, unknown>[] = [];
  await inTurns(plan.create, (planned) => rows.push(contactRow(change, planned, options)));
  const ids = await insertMany(change, 'contacts', rows, true);
  if (ids.length !== plan.create.length) throw new Error('import: inserted contacts do not match the plan');
  for (const id of ids) change.undo.push({ op: 'delete', table: 'contacts', id });
  const { userId, nowIso } = change;
  const touches: Record<string, unknown>[] = [];
  const notes: Record<string, unknown>[] = [];
  const reminders: Record<string, unknown>[] = [];
  const emails: Record<string, unknown>[] = [];
  await inTurns(plan.create, ({ record }, index) => {
    const contact_id = ids[index] as number;
    const base = { user_id: userId, contact_id, created_at: nowIso };
    // The first address is contacts.email; every further one is matched by sources too.
    const first = record.emails[0]?.toLowerCase();
    for (const address of new Set(record.emails.slice(1).map((e) => e.toLowerCase()))) {
      if (address !== first) emails.push({ ...base, address });
    }
    if (record.keepwarm) {
      for (const t of record.keepwarm.touches) touches.push({ ...base, touched_on: t.on, kind: t.kind, note: t.note });
      for (const n of record.keepwarm.dated) notes.push({ ...base, text: n.text, created_at: n.at, due_on: n.hook?.dueOn ?? null, hook: n.hook?.kind ?? null });
      for (const r of record.keepwarm.reminders) reminders.push({ ...base, due: r.due, text: r.text, done_at: null });
    } else if (record.lastContactOn) {
      touches.push({ ...base, touched_on: record.lastContactOn, kind: 'other', note: options.touchNote });
    }
    for (const text of record.notes) notes.push({ ...base, text });
  });
  await insertMany(change, 'touches', touches, false);
  await insertMany(change, 'notes', notes, false);
  await insertMany(change, 'reminders', reminders, false);
  await insertMany(change, 'contact_emails', emails, false);
  return ids;
}

async function insertDatedNote(change: Change, contactId: number, text: string, at: string, hook?: NoteHook): Promise<void> {
  const { id } = await change.tx
    .insertInto('notes')
    .values({ user_id: change.userId, contact_id: contactId, text, created_at: at, due_on: hook?.dueOn ?? null, hook: hook?.kind ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  change.undo.push({ op: 'delete', table: 'notes', id });
}

/** Applies a plan inside `change`: all of it, or — when anything fails — nothing. */
export async function applyImport(change: Change, plan: ImportPlan, options: ApplyOptions): Promise<ImportOutcome> {
  // Settings first: restored cadences decide the due dates of the contacts that follow.
  if (plan.settings) await updateUserSettings(change, settingsPatch(plan.settings));
  const ids = await createContacts(change, plan, options);
  for (const [index, merge] of plan.merge.entries()) {
    if (index % MERGES_PER_TURN === MERGES_PER_TURN - 1) await nextTurn();
    await updateContact(change, merge.contactId, merge.patch);
    if (merge.touch) await insertTouch(change, merge.contactId, merge.touch, 'other', options.touchNote);
    for (const text of merge.notes) await insertDatedNote(change, merge.contactId, text, change.nowIso);
    for (const note of merge.keepwarm.dated) await insertDatedNote(change, merge.contactId, note.text, note.at, note.hook);
    for (const t of merge.keepwarm.touches) await insertTouch(change, merge.contactId, t.on, t.kind, t.note);
    for (const r of merge.keepwarm.reminders) await insertReminder(change, merge.contactId, r.due, r.text);
  }
  const idOf = (target: Target): number => ('created' in target ? (ids[target.created] as number) : target.existing);
  for (const intro of plan.introductions) await insertIntroduction(change, idOf(intro.from), idOf(intro.to), intro.note, intro.on);
  return {
    created: plan.create.map(({ record }, index) => ({
      id: ids[index] as number,
      name: record.name,
      company: record.company,
      role: record.role,
      lastContactOn: record.lastContactOn,
      archived: record.keepwarm?.status === 'archived',
      defaultTier: record.tier === null,
    })),
    merged: plan.merge.length,
    settings: plan.settings !== null,
  };
}
