// Imports waiting for the user's confirmation. Frozen in time: written against
// an untyped handle and never importing the application's types.
//
// A file is read once, when it arrives; what was read (the normalised contacts,
// not the file) waits here until the user presses Import — possibly on another
// instance, or after a restart. The pending question (table `pending`) only
// points at this row, so the question stays small however large the file was.
import type { Kysely } from 'kysely';
import { withId } from './support.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('import_plans'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    // The parsed file as JSON (src/import/record.ts ParsedImport).
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_plans_by_user').on('import_plans').column('user_id').execute();
  await db.schema.createIndex('import_plans_by_time').on('import_plans').column('created_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_plans').execute();
}
