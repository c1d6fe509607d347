// Slack workspaces keepwarm is installed in. Frozen in time: written against an
// untyped handle and never importing the application's types.
//
// One row per installation, keyed by (enterprise_id, team_id); '' stands for
// "none" (a workspace outside Enterprise Grid has no enterprise; an org-wide
// install has no single team). `installation` is the OAuth result as JSON and
// holds the bot token: a secret (see docs/slack.md). A workspace run with
// SLACK_BOT_TOKEN gets a row too, without an installation, so "this workspace
// revoked us" has one place to live. `inactive` is 0/1, instants ISO-8601 UTC
// text (docs/storage.md).
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('slack_installations')
    .addColumn('enterprise_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('team_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_enterprise_install', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('installation', 'text')
    .addColumn('inactive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('inactive_reason', 'text')
    .addColumn('installed_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('slack_installations_pk', ['enterprise_id', 'team_id'])
    .execute();
  // The Messenger finds a workspace by its team id alone (a Recipient names no enterprise).
  await db.schema.createIndex('slack_installations_by_team').on('slack_installations').column('team_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('slack_installations').execute();
}
