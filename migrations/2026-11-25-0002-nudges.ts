// The daily nudge: when each user is due, one claim per (user, local date),
// the people named in it, and the outbox its message leaves through.
// Frozen in time: untyped handle, no application imports.
import type { Kysely } from 'kysely';
import { withId } from './support.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The instant of the user's next nudge (null: none planned). Kept by the
  // store whenever the nudge time, days, zone or pause change, so the minute
  // tick finds everyone due with one indexed range query.
  await db.schema.alterTable('users').addColumn('next_nudge_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('review_invited_on', 'text').execute();
  await db.schema.createIndex('users_next_nudge').on('users').columns(['next_nudge_at']).execute();

  // One row per nudge. local_date is set for the daily nudge (the claim: at
  // most one per user and local date) and null for an on-demand /today list.
  await withId(db, db.schema.createTable('nudges'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('local_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('message_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('nudges_once_a_day', ['user_id', 'local_date'])
    .execute();
  await db.schema.createIndex('nudges_by_message').on('nudges').columns(['user_id', 'message_id']).execute();

  await withId(db, db.schema.createTable('nudge_entries'))
    .addColumn('nudge_id', 'integer', (c) => c.notNull().references('nudges.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('nudge_entries_by_nudge').on('nudge_entries').columns(['nudge_id']).execute();
  await db.schema.createIndex('nudge_entries_by_contact').on('nudge_entries').columns(['contact_id', 'nudge_id']).execute();
  await db.schema.createIndex('nudge_entries_open').on('nudge_entries').columns(['user_id', 'state']).execute();

  // Outgoing messages, written in the same transaction as the claim and sent
  // afterwards with retries. status: pending -> sending -> sent | dead | unknown.
  await withId(db, db.schema.createTable('outbox'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('nudge_id', 'integer', (c) => c.references('nudges.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('platform_user_id', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    // The message to send; null for a nudge, which is drawn from its model when sent.
    .addColumn('payload', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('message_id', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_by_user').on('outbox').columns(['user_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbox').execute();
  await db.schema.dropTable('nudge_entries').execute();
  await db.schema.dropTable('nudges').execute();
  await db.schema.dropIndex('users_next_nudge').execute();
  await db.schema.alterTable('users').dropColumn('review_invited_on').execute();
  await db.schema.alterTable('users').dropColumn('next_nudge_at').execute();
}
