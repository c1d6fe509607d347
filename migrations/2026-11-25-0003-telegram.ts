// Telegram: button payloads longer than the 64 bytes `callback_data` allows
// are kept here under a short key and looked up when the button is pressed.
// Frozen in time: written against an untyped handle.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('telegram_callbacks')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('telegram_callbacks_by_time').on('telegram_callbacks').column('created_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('telegram_callbacks').execute();
}
