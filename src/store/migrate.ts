/** Runs the migrations in ../../migrations (the same files for SQLite and PostgreSQL). */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, PostgresAdapter, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const migrationFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');

/**
 * Every `migrations/*.ts` file with an `up` export, by file name. Loaded from
 * here rather than by kysely's FileMigrationProvider so the import goes through
 * the same TypeScript loader as the rest of the app (tsx, vitest).
 */
export const folderMigrations: MigrationProvider = {
  async getMigrations() {
    const migrations: Record<string, Migration> = {};
    for (const file of (await readdir(migrationFolder)).sort()) {
      if (!/\.(ts|js|mjs)$/.test(file) || file.endsWith('.d.ts')) continue;
      const module = (await import(pathToFileURL(path.join(migrationFolder, file)).href)) as Partial<Migration>;
      if (typeof module.up === 'function') migrations[file.replace(/\.[^.]+$/, '')] = module as Migration;
    }
    return migrations;
  },
};

/**
 * On PostgreSQL the migration bookkeeping lives in the connection's current
 * schema: kysely otherwise looks for its tables in every schema and can mistake
 * another schema's for ours (several keepwarm databases on one server).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrator(db: Kysely<any>): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema;
  }
  return new Migrator({ db, provider: folderMigrations, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
}

/** Brings the schema up to date; throws with the failing migration's name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const result = await (await migrator(db)).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'before any migration ran';
    throw new Error(`migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
