/**
 * The database as the application sees it (kysely's table types). Migrations
 * do not import this: they are frozen in time, this moves with the code.
 * Stored forms: see docs/storage.md.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

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
  inactive: Generated<number>;
  last_review_on: string | null;
  created_on: string;
  created_at: string;
  next_nudge_at: string | null;
  review_invited_on: string | null;
}

export interface ContactsTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  name_key: string;
  tier: string;
  cadence_days: number | null;
  status: Generated<string>;
  source: string;
  place: string | null;
  met_on: string | null;
  tags: Generated<string>;
  company: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  snoozed_until: string | null;
  last_touch_on: string | null;
  due_on: string | null;
  followup_stage: string | null;
  followup_due: string | null;
  reviewed_on: string | null;
  created_on: string;
  created_at: string;
}

export interface TouchesTable {
  id: Generated<number>;
  user_id: number;
  contact_id: number;
  touched_on: string;
  kind: string;
  note: string | null;
  created_at: string;
}

export interface NotesTable {
  id: Generated<number>;
  user_id: number;
  contact_id: number;
  text: string;
  created_at: string;
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
  status: string;
  model: string;
  message_id: string | null;
  created_at: string;
}

export interface NudgeEntriesTable {
  id: Generated<number>;
  nudge_id: number;
  user_id: number;
  contact_id: number;
  reason: string;
  state: Generated<string>;
  answered_at: string | null;
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
  status: string;
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
}

export type UserRow = Selectable<UsersTable>;
export type ContactRow = Selectable<ContactsTable>;
export type NewContact = Insertable<ContactsTable>;
export type ContactUpdate = Updateable<ContactsTable>;
export type TouchRow = Selectable<TouchesTable>;
export type NoteRow = Selectable<NotesTable>;
export type ReminderRow = Selectable<RemindersTable>;
export type IntroductionRow = Selectable<IntroductionsTable>;

/** The tables whose rows belong to one user and can be restored by undo. */
export type UserTable = 'contacts' | 'touches' | 'notes' | 'reminders' | 'introductions' | 'users';
