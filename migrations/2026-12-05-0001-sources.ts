// Sources: calendars and mailboxes whose meetings and mails log touches by
// themselves (docs/sources.md). Frozen in time: untyped handle, no
// application imports.
import type { Kysely } from 'kysely';
import { withId } from './support.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // One connected calendar or mailbox of a user.
  await withId(db, db.schema.createTable('sources'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // ical (a secret iCalendar URL), caldav, imap.
    .addColumn('kind', 'text', (c) => c.notNull())
    // What lists show: the host, never the secret URL.
    .addColumn('name', 'text', (c) => c.notNull())
    // CalDAV server URL or IMAP host; null for an iCalendar URL (it is a secret itself).
    .addColumn('host', 'text')
    .addColumn('username', 'text')
    // AES-256-GCM ciphertext of the password or secret URL; null when the operator's environment holds it.
    .addColumn('secret', 'text')
    // user: connected in the chat; env: the operator's mailbox from the environment.
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('user'))
    // JSON: inbox opt-in, skip private events, port, TLS mode.
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('next_sync_at', 'text', (c) => c.notNull())
    .addColumn('last_sync_at', 'text')
    // ok, or the failure's code (auth_failed, unreachable, too_large, …).
    .addColumn('last_result', 'text')
    // JSON counts of the last successful sync.
    .addColumn('last_summary', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failure_reported_at', 'text')
    // The claim of the instance syncing it now (a lease, so a crashed instance's claim runs out).
    .addColumn('claim_token', 'text')
    .addColumn('claimed_until', 'text')
    .execute();
  await db.schema.createIndex('sources_by_user').on('sources').columns(['user_id']).execute();
  await db.schema.createIndex('sources_due').on('sources').columns(['next_sync_at']).execute();

  // Where a mailbox folder was read up to: UIDVALIDITY and the last UID seen.
  await withId(db, db.schema.createTable('source_cursors'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    // sent or inbox.
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    // A bigint in IMAP: kept as decimal text.
    .addColumn('uid_validity', 'text', (c) => c.notNull())
    .addColumn('last_uid', 'integer', (c) => c.notNull())
    .addUniqueConstraint('source_cursors_once', ['source_id', 'folder'])
    .execute();
  await db.schema.createIndex('source_cursors_by_user').on('source_cursors').columns(['user_id']).execute();

  // What a source saw: one row per event occurrence (UID + recurrence id) or
  // Message-ID, and contact. It stays when its source is disconnected
  // (source_id becomes null), so connecting the same calendar again logs nothing twice.
  await withId(db, db.schema.createTable('source_items'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('source_id', 'integer', (c) => c.references('sources.id').onDelete('set null'))
    // event:UID|RECURRENCE-ID or mail:<message-id>.
    .addColumn('item_key', 'text', (c) => c.notNull())
    // No foreign key: the record outlives a deleted contact, so an undone delete finds it again.
    .addColumn('contact_id', 'integer', (c) => c.notNull())
    // meeting or email.
    .addColumn('kind', 'text', (c) => c.notNull())
    // The local date in the user's zone.
    .addColumn('happened_on', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text')
    .addColumn('all_day', 'integer', (c) => c.notNull().defaultTo(0))
    // upcoming (not yet ended, no touch), logged, removed (gone from the source).
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('source_items_once', ['user_id', 'item_key', 'contact_id'])
    .execute();
  await db.schema.createIndex('source_items_by_source').on('source_items').columns(['source_id', 'happened_on']).execute();
  await db.schema.createIndex('source_items_by_day').on('source_items').columns(['user_id', 'happened_on']).execute();

  // A touch logged by a source points at what logged it (marked in /show).
  await db.schema
    .alterTable('touches')
    .addColumn('source_item_id', 'integer', (c) => c.references('source_items.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('touches_by_source_item').on('touches').columns(['source_item_id']).execute();

  // A contact's further email addresses (the first stays in contacts.email).
  await withId(db, db.schema.createTable('contact_emails'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    // Lower case, as compared.
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('contact_emails_once', ['contact_id', 'address'])
    .execute();
  await db.schema.createIndex('contact_emails_by_user').on('contact_emails').columns(['user_id', 'address']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contact_emails').execute();
  await db.schema.dropIndex('touches_by_source_item').execute();
  await db.schema.alterTable('touches').dropColumn('source_item_id').execute();
  await db.schema.dropTable('source_items').execute();
  await db.schema.dropTable('source_cursors').execute();
  await db.schema.dropTable('sources').execute();
}
