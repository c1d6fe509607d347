// The first day of a pause, for a pause said as a range ("/pause vom 23.12.
// bis 6.1."): nudges stop on `paused_from` and come back on `paused_until`.
// Null when a pause starts at once (every pause before this one). Frozen in
// time: an untyped handle, no application types.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('paused_from', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('paused_from').execute();
}
