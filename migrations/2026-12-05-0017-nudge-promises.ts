// The nudge keeps its promises (issue 12, docs/scheduler.md): the user's
// holiday region, the day keepwarm promised to name a contact again, the day
// it asked once about a follow-up gone stale, and what an answer to a nudge
// entry showed. Frozen in time: untyped handle, no application imports.
//
// Stored forms (docs/storage.md): users.holidays is null (derive the region
// from zone and language), `none`, or a region code `DE-BY`; back_on and
// followup_asked_on are local dates `YYYY-MM-DD`; nudge_entries.detail is a
// JSON object of the answer's mark ({"nextDue":…, "until":…, "tier":…}).
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one column at a time.
  await db.schema.alterTable('users').addColumn('holidays', 'text').execute();
  await db.schema.alterTable('contacts').addColumn('back_on', 'text').execute();
  await db.schema.alterTable('contacts').addColumn('followup_asked_on', 'text').execute();
  await db.schema.alterTable('nudge_entries').addColumn('detail', 'text').execute();
  // The planner reads the promised returns of thousands of users at once, like the due dates.
  await db.schema.createIndex('contacts_back_on').on('contacts').columns(['user_id', 'back_on']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('contacts_back_on').execute();
  await db.schema.alterTable('nudge_entries').dropColumn('detail').execute();
  await db.schema.alterTable('contacts').dropColumn('followup_asked_on').execute();
  await db.schema.alterTable('contacts').dropColumn('back_on').execute();
  await db.schema.alterTable('users').dropColumn('holidays').execute();
}
