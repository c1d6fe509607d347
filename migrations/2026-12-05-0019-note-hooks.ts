// Dated hooks: a note that names a future time ("speaks at the forum in
// March") keeps that date, and a note of news (a promotion, a new job) is
// marked, so the nudge can bring the person up when it comes due. Both
// nullable: notes written before, and notes without a date, have neither.
// Frozen in time: an untyped handle, no application types.
//
// Stored forms (docs/storage.md): due_on `YYYY-MM-DD`; hook `dated` or `news`.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one column at a time.
  await db.schema.alterTable('notes').addColumn('due_on', 'text').execute();
  await db.schema.alterTable('notes').addColumn('hook', 'text').execute();
  await db.schema.createIndex('notes_due').on('notes').columns(['user_id', 'due_on']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('notes_due').execute();
  await db.schema.alterTable('notes').dropColumn('hook').execute();
  await db.schema.alterTable('notes').dropColumn('due_on').execute();
}
