/**
 * The database as the application sees it (kysely's table types). Migrations
 * do not import this: they are frozen in time, this moves with the code.
 * Stored forms: see docs/storage.md.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { FollowUpStage } from '../core/contact.ts';
import type { NoteHookKind } from '../core/hooks.ts';
import type { EntryReason, EntryState } from '../core/nudge-choice.ts';
import type { ContactSource, ContactStatus, Tier, TouchKind } from '../core/types.ts';

/**
 * A daily nudge's claim (or a /today list): `planned` until sent, `empty` when
 * nobody was due, `skipped_late` past the catch-up window, `shown` for /today,
 * and how sending ended: `sent`, `expired`, `failed`, `blocked`, or `unknown`
 * when a send was in flight at a crash (docs/scheduler.md).
 */
export type NudgeStatus = 'planned' | 'empty' | 'skipped_late' | 'shown' | 'sent' | 'expired' | 'failed' | 'blocked' | 'unknown';

/** An outgoing message: waiting, in flight under a lease, or done (`sent`, `dead`, `unknown`). */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead' | 'unknown';

export interface UsersTable {
  id: Generated<number>;
  platform: string;
  team_id: Generated<string>;
  platform_user_id: string;
  chat_id: string | null;
  language: string | null;
  platform_language: string | null;
  time_zone: string | null;
  platform_time_zone: string | null;
  nudge_time: Generated<string>;
  nudge_days: Generated<string>;
  nudge_count: Generated<number>;
  cadence_a: Generated<number>;
  cadence_b: Generated<number>;
  paused_until: string | null;
  /** A pause that starts later: its first local date (null: from now). */
  paused_from: string | null;
  inactive: Generated<number>;
  last_review_on: string | null;
  created_on: string;
  created_at: string;
  next_nudge_at: string | null;
  review_invited_on: string | null;
  /** Public holidays: null = derived from zone and language, `none`, or a region `DE-BY` (src/holidays). */
  holidays: string | null;
}

export interface ContactsTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  name_key: string;
  tier: Tier;
  cadence_days: number | null;
  status: Generated<ContactStatus>;
  source: ContactSource;
  place: string | null;
  met_on: string | null;
  tags: Generated<string>;
  company: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  /** `MM-DD` or `YYYY-MM-DD` (src/core/birthday.ts). */
  birthday: string | null;
  /** JSON text of a PostalAddress (src/core/address.ts). */
  address: string | null;
  /** Frau, Herr, Ms, Mrs, Mr or Mx (src/core/honorifics.ts). */
  salutation: string | null;
  /** "Dr.", "Prof. Dr." — kept apart from the name for letters and labels. */
  academic_title: string | null;
  snoozed_until: string | null;
  last_touch_on: string | null;
  due_on: string | null;
  followup_stage: FollowUpStage | null;
  followup_due: string | null;
  /** The nudge day keepwarm promised to name the contact again (no answer, snooze). */
  back_on: string | null;
  /** The day the nudge asked once whether to still follow up. */
  followup_asked_on: string | null;
  reviewed_on: string | null;
  created_on: string;
  created_at: string;
}

export interface TouchesTable {
  id: Generated<number>;
  user_id: number;
  contact_id: number;
  touched_on: string;
  kind: TouchKind;
  note: string | null;
  created_at: string;
  /** The calendar event or mail that logged this touch (docs/sources.md); null when the user did. */
  source_item_id: number | null;
}

export interface NotesTable {
  id: Generated<number>;
  user_id: number;
  contact_id: number;
  text: string;
  created_at: string;
  /** A dated hook's day (the month's first for "in March"); a news note's day written. */
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  hook: ColumnType<NoteHookKind | null, NoteHookKind | null | undefined, NoteHookKind | null>;
}

export interface RemindersTable {
  id: Generated<number>;
  user_id: number;
  contact_id: number;
  due: string;
  text: string | null;
  done_at: string | null;
  created_at: string;
}

export interface IntroductionsTable {
  id: Generated<number>;
  user_id: number;
  from_contact_id: number;
  to_contact_id: number;
  note: string | null;
  introduced_on: string;
  created_at: string;
}

export interface UndoLogTable {
  id: Generated<number>;
  user_id: number;
  label: string;
  ops: string;
  created_at: string;
}

export interface PendingTable {
  user_id: number;
  token: string;
  /** The kind of question; the conversation's union (src/bot/questions.ts) names them. */
  kind: string;
  payload: string;
  expires_at: string;
}

export interface InboundEventsTable {
  platform: string;
  event_id: string;
  /** When handling started (the claim); a takeover after the lease moves it. */
  received_at: string;
  /** When handling finished; null while it runs, or after it failed where the claim could not be taken back. */
  handled_at: string | null;
}

/** /readyz writes and removes a row here while the disk is full, to learn when it takes writes again. */
export interface StoreProbeTable {
  id: string;
  filler: string;
}

export interface NudgesTable {
  id: Generated<number>;
  user_id: number;
  /** The local date of a daily nudge; null for an on-demand /today list. */
  local_date: string | null;
  status: NudgeStatus;
  model: string;
  message_id: string | null;
  created_at: string;
}

export interface NudgeEntriesTable {
  id: Generated<number>;
  nudge_id: number;
  user_id: number;
  contact_id: number;
  reason: EntryReason;
  state: Generated<EntryState>;
  answered_at: string | null;
  /** JSON of the answer's mark (EntryDetail in src/core/nudge-model.ts): next due, snoozed until, tier. */
  detail: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  user_id: number;
  nudge_id: number | null;
  platform: string;
  team_id: string;
  platform_user_id: string;
  chat_id: string;
  payload: string | null;
  status: OutboxStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  lease_until: string | null;
  expires_at: string;
  sent_at: string | null;
  message_id: string | null;
  last_error: string | null;
  created_at: string;
}

export interface ImportPlansTable {
  id: Generated<number>;
  user_id: number;
  file_name: string;
  payload: string;
  created_at: string;
}

export interface SendBudgetTable {
  scope: string;
  /** Microseconds since the epoch; PostgreSQL returns bigint as a string. */
  next_us: number | string;
}

export interface SourcesTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  name: string;
  host: string | null;
  username: string | null;
  secret: string | null;
  origin: Generated<string>;
  options: Generated<string>;
  created_at: string;
  next_sync_at: string;
  last_sync_at: string | null;
  last_result: string | null;
  last_summary: string | null;
  failures: Generated<number>;
  failure_reported_at: string | null;
  claim_token: string | null;
  claimed_until: string | null;
}

export interface SourceCursorsTable {
  id: Generated<number>;
  user_id: number;
  source_id: number;
  folder: string;
  path: string;
  uid_validity: string;
  last_uid: number;
}

export interface SourceItemsTable {
  id: Generated<number>;
  user_id: number;
  source_id: number | null;
  item_key: string;
  contact_id: number;
  kind: string;
  happened_on: string;
  starts_at: string | null;
  all_day: Generated<number>;
  state: string;
  created_at: string;
  updated_at: string;
}

export interface ContactEmailsTable {
  id: Generated<number>;
  user_id: number;
  contact_id: number;
  address: string;
  created_at: string;
}

export interface DB {
  users: UsersTable;
  contacts: ContactsTable;
  touches: TouchesTable;
  notes: NotesTable;
  reminders: RemindersTable;
  introductions: IntroductionsTable;
  undo_log: UndoLogTable;
  pending: PendingTable;
  inbound_events: InboundEventsTable;
  store_probe: StoreProbeTable;
  nudges: NudgesTable;
  nudge_entries: NudgeEntriesTable;
  outbox: OutboxTable;
  send_budget: SendBudgetTable;
  import_plans: ImportPlansTable;
  sources: SourcesTable;
  source_cursors: SourceCursorsTable;
  source_items: SourceItemsTable;
  contact_emails: ContactEmailsTable;
}

export type UserRow = Selectable<UsersTable>;
export type ContactRow = Selectable<ContactsTable>;
export type NewContact = Insertable<ContactsTable>;

/** The tables whose rows belong to one user and can be restored by undo. */
export type UserTable = 'contacts' | 'touches' | 'notes' | 'reminders' | 'introductions' | 'users' | 'contact_emails' | 'nudge_entries';
