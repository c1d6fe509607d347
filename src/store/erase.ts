/**
 * /forget: every row of a user, in every table, in one transaction. The user
 * row goes first and takes along everything that references it by ON DELETE
 * CASCADE; then every table with a `user_id` column is swept as well — found
 * in the database schema at run time, so a table a later feature adds is
 * erased too even if it forgot the cascade. SQLite runs with secure_delete,
 * so the freed pages are overwritten (a test reads the file's bytes).
 */
import { PostgresAdapter, sql, type Kysely, type TableMetadata } from 'kysely';
import type { DB } from './schema.ts';

/**
 * The tables of the live schema — on PostgreSQL only the connection's own
 * schema: several keepwarm databases may share one server.
 */
export async function ownTables(db: Kysely<DB>): Promise<TableMetadata[]> {
  let schema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    schema = rows[0]?.schema;
  }
  const tables = await db.introspection.getTables();
  return tables.filter((t) => !t.isView && (schema === undefined || t.schema === schema));
}

/** Tables that hold a `user_id` column, from the live schema. */
async function tablesWithUserId(db: Kysely<DB>): Promise<string[]> {
  return (await ownTables(db)).filter((t) => t.columns.some((c) => c.name === 'user_id')).map((t) => t.name);
}

export async function eraseUser(db: Kysely<DB>, userId: number): Promise<void> {
  const tables = await tablesWithUserId(db);
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('users').where('id', '=', userId).execute();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const anyTx = tx as unknown as Kysely<any>;
    for (const table of tables) await anyTx.deleteFrom(table).where('user_id', '=', userId).execute();
  });
}
