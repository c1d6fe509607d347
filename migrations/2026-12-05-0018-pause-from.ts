// A pause that starts later (issue 12): `/pause vom 23.12. bis 6.1.` keeps the
// nudges until the first day and stops them through the last. Frozen in time:
// untyped handle, no application imports.
//
// Stored form (docs/storage.md): users.paused_from is a local date
// `YYYY-MM-DD` or null (a pause, if any, runs from now until paused_until).
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('paused_from', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('paused_from').execute();
}
