// The core schema. Frozen in time: written against an untyped handle and never
// importing the application's types.
//
// Stored forms (docs/storage.md): instants are ISO-8601 UTC text
// ('2026-11-23T09:00:00.000Z'), local calendar dates are 'YYYY-MM-DD' text,
// booleans are integers 0/1, lists and structured values are JSON text. Text
// compares the same way in SQLite and PostgreSQL, so every query is portable.
import type { Kysely } from 'kysely';
import { withId } from './support.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('users'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('platform_user_id', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text')
    .addColumn('language', 'text')
    .addColumn('platform_language', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('platform_time_zone', 'text')
    .addColumn('nudge_time', 'text', (c) => c.notNull().defaultTo('09:00'))
    .addColumn('nudge_days', 'text', (c) => c.notNull().defaultTo('1,2,3,4,5'))
    .addColumn('nudge_count', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('cadence_a', 'integer', (c) => c.notNull().defaultTo(60))
    .addColumn('cadence_b', 'integer', (c) => c.notNull().defaultTo(180))
    .addColumn('paused_until', 'text')
    .addColumn('inactive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_review_on', 'text')
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('users_identity', ['platform', 'team_id', 'platform_user_id'])
    .execute();

  await withId(db, db.schema.createTable('contacts'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('cadence_days', 'integer')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('met_on', 'text')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('company', 'text')
    .addColumn('role', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('snoozed_until', 'text')
    .addColumn('last_touch_on', 'text')
    // Derived from the last contact and the cadence, kept so "who is due" is an index lookup.
    .addColumn('due_on', 'text')
    .addColumn('followup_stage', 'text')
    .addColumn('followup_due', 'text')
    .addColumn('reviewed_on', 'text')
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_by_user').on('contacts').columns(['user_id', 'status', 'tier']).execute();
  await db.schema.createIndex('contacts_due').on('contacts').columns(['user_id', 'due_on']).execute();
  await db.schema.createIndex('contacts_follow_up').on('contacts').columns(['user_id', 'followup_due']).execute();

  await withId(db, db.schema.createTable('touches'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('touched_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('touches_by_contact').on('touches').columns(['contact_id', 'touched_on']).execute();
  await db.schema.createIndex('touches_by_user').on('touches').columns(['user_id', 'touched_on']).execute();

  await withId(db, db.schema.createTable('notes'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notes_by_contact').on('notes').columns(['contact_id', 'id']).execute();
  await db.schema.createIndex('notes_by_user').on('notes').column('user_id').execute();

  await withId(db, db.schema.createTable('reminders'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reminders_by_user').on('reminders').columns(['user_id', 'due']).execute();
  await db.schema.createIndex('reminders_by_contact').on('reminders').column('contact_id').execute();

  await withId(db, db.schema.createTable('introductions'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('from_contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('to_contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('note', 'text')
    .addColumn('introduced_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('introductions_by_user').on('introductions').column('user_id').execute();
  await db.schema.createIndex('introductions_from').on('introductions').column('from_contact_id').execute();
  await db.schema.createIndex('introductions_to').on('introductions').column('to_contact_id').execute();

  // One entry per undoable change: the inverse operations as JSON.
  await withId(db, db.schema.createTable('undo_log'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('ops', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('undo_log_by_user').on('undo_log').columns(['user_id', 'id']).execute();

  // The one open question a user has been asked ("which Anna?", "really delete?").
  // In the database, not in memory, so the answer may reach another instance.
  await db.schema
    .createTable('pending')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  // Platform update/event ids already handled: a redelivery changes nothing twice.
  await db.schema
    .createTable('inbound_events')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inbound_events_pk', ['platform', 'event_id'])
    .execute();
  await db.schema.createIndex('inbound_events_by_time').on('inbound_events').column('received_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['inbound_events', 'pending', 'undo_log', 'introductions', 'reminders', 'notes', 'touches', 'contacts', 'users']) {
    await db.schema.dropTable(table).execute();
  }
}
