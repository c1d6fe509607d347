// The platforms' sending limits as one budget for every instance: the next
// free send slot per scope (a platform, or a Slack workspace), in microseconds.
// Frozen in time: untyped handle, no application imports.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('send_budget')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('next_us', 'bigint', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('send_budget').execute();
}
