// The OAuth install links (`state`) of the Slack install flow that were used,
// so each works once (adapters/slack/oauth-state.ts). Frozen in time: written
// against an untyped handle and never importing the application's types.
//
// `state_id` is the random id inside a state, never the state itself;
// `used_at` ISO-8601 UTC text (docs/storage.md). Rows older than a day are
// dropped by the next use (a state lives ten minutes).
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('slack_oauth_states')
    .addColumn('state_id', 'text', (c) => c.primaryKey())
    .addColumn('used_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('slack_oauth_states').execute();
}
