// An update's id is claimed when its handling starts and marked handled when
// it is done (in the same transaction as its change), so an update whose
// handling failed while the database was unreachable can be handled again
// when it comes back, instead of counting as seen. Rows already there were
// handled. `store_probe` gives /readyz a write to try while the disk is full.
// Frozen in time: untyped handle, no application imports.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inbound_events').addColumn('handled_at', 'text').execute();
  await sql`update inbound_events set handled_at = received_at`.execute(db);
  await db.schema
    .createTable('store_probe')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('filler', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('store_probe').execute();
  await db.schema.alterTable('inbound_events').dropColumn('handled_at').execute();
}
