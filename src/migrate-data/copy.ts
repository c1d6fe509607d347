/**
 * `keepwarm migrate-data`: copies an SQLite database into PostgreSQL, keeping
 * every id, and proves the copy by row counts and a checksum per table
 * (docs/migrate-data.md).
 *
 * The source is read in one read transaction (one snapshot, even while a bot
 * still writes to it); the target is written, its id sequences reset and the
 * result verified in one transaction that commits only when every table
 * matches — so a target holding other data under the same ids is reported
 * and left exactly as it was. Rows already present under the same primary key
 * are skipped, which makes a second run copy nothing and verify the same.
 */
import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { kindOfPostgresType, postgresChecksum, sqliteChecksum, type ColumnKind } from './checksum.ts';
import { quoteIdent, sqliteTables, type CopyTable } from './tables.ts';
import { databaseKind, openDatabase, sqlitePath, type Database } from '../store/db.ts';
import { folderMigrations, migrateToLatest } from '../store/migrate.ts';

/** PostgreSQL takes at most 65,535 bound parameters in one statement. */
export const MAX_PARAMETERS = 65_535;
const DEFAULT_BATCH_ROWS = 1_000;
const PROGRESS_EVERY_ROWS = 20_000;

export interface MigrateDataOptions {
  /** The SQLite database to copy: a file path or `sqlite:` URL. */
  from: string;
  /** The PostgreSQL database to copy into: a `postgres://` URL. */
  to: string;
  /** Rows per INSERT; fewer when a table has so many columns that the parameter limit needs it. */
  batchRows?: number;
  /** Where progress lines go (the command writes them to stderr). */
  progress?: (line: string) => void;
}

export interface TableReport {
  table: string;
  sourceRows: number;
  targetRows: number;
  /** Rows this run inserted (0 for rows the target already had). */
  copied: number;
  /** INSERT statements this run sent for the table. */
  inserts: number;
  sourceChecksum: string;
  targetChecksum: string;
  /** Same row count and same checksum on both sides. */
  equal: boolean;
}

export interface MigrateDataReport {
  tables: TableReport[];
  /** Every table equal: the copy was committed. Otherwise it was rolled back and the target is as it was. */
  ok: boolean;
  /** Migrations this run applied to the target before copying. */
  migrationsApplied: string[];
}

/** A reason not to start copying; the message says what to do. */
export class MigrateDataRefusal extends Error {
  override readonly name = 'MigrateDataRefusal';
}

/** Rows per INSERT for a table of `columns` columns, below PostgreSQL's parameter limit. */
export function rowsPerInsert(columns: number, wanted = DEFAULT_BATCH_ROWS): number {
  return Math.max(1, Math.min(wanted, Math.floor(MAX_PARAMETERS / Math.max(1, columns))));
}

/** A URL fit to print: the password replaced. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}

export async function migrateData(options: MigrateDataOptions): Promise<MigrateDataReport> {
  const progress = options.progress ?? (() => undefined);
  const source = openSource(options.from, options.to);
  let target: Database | undefined;
  try {
    // One snapshot of the source for the copy and its verification.
    source.exec('begin');
    const known = Object.keys(await folderMigrations.getMigrations()).sort();
    const sourceMigrations = appliedSqliteMigrations(source, options.from);
    refuseUnlessSame(sourceMigrations, known, options.from, 'this keepwarm');

    target = await openDatabase(options.to);
    let migrationsApplied: string[];
    try {
      migrationsApplied = await migrateToLatest(target.db);
    } catch (error) {
      throw new MigrateDataRefusal(`cannot bring the target ${redactUrl(options.to)} up to date: ${messageOf(error)}`, { cause: error });
    }
    progress(migrationsApplied.length > 0 ? `target: applied ${migrationsApplied.length} migrations` : 'target: schema already up to date');
    refuseUnlessSame(sourceMigrations, await appliedPostgresMigrations(target.db), options.from, `the target ${redactUrl(options.to)}`);

    const tables = sqliteTables(source);
    const kinds = new Map<string, ColumnKind[]>();
    for (const table of tables) kinds.set(table.name, await targetKinds(target.db, table));
    progress(`source: ${tables.length} tables (${tables.map((t) => t.name).join(', ')})`);

    const report = await inOneTransaction(target.db, async (trx) => {
      const copies = new Map<string, { copied: number; inserts: number }>();
      for (const table of tables) copies.set(table.name, await copyTable(source, trx, table, options.batchRows ?? DEFAULT_BATCH_ROWS, progress));
      await resetSequences(trx, tables, kinds);
      const results: TableReport[] = [];
      for (const table of tables) {
        const columnKinds = kinds.get(table.name)!;
        const from = sqliteChecksum(source, table, columnKinds);
        const to = await postgresChecksum(trx, table, columnKinds);
        const equal = from.rows === to.rows && from.sum === to.sum;
        progress(`verified ${table.name}: ${from.rows} / ${to.rows} rows, checksum ${equal ? 'equal' : 'DIFFERENT'}`);
        results.push({ table: table.name, sourceRows: from.rows, targetRows: to.rows, ...copies.get(table.name)!, sourceChecksum: from.sum, targetChecksum: to.sum, equal });
      }
      return { commit: results.every((r) => r.equal), value: results };
    });
    const ok = report.every((r) => r.equal);
    progress(ok ? 'committed: every table verified' : 'rolled back: the target differs, nothing was written');
    return { tables: report, ok, migrationsApplied };
  } finally {
    if (source.inTransaction) source.exec('commit');
    source.close();
    await target?.close();
  }
}

/** An error's message, with PostgreSQL's detail line (which key collided) when it has one. */
function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const detail = (error as { detail?: unknown }).detail;
  return typeof detail === 'string' && detail !== '' ? `${error.message} (${detail})` : error.message;
}

/** The source, read-only: never created when the path is wrong, never changed by the copy. */
function openSource(from: string, to: string): SQLite.Database {
  if (databaseKind(to) !== 'postgres') throw new MigrateDataRefusal(`the target must be a PostgreSQL URL (postgres://…), not ${redactUrl(to)}`);
  if (databaseKind(from) !== 'sqlite') throw new MigrateDataRefusal(`the source must be an SQLite database (a file path or sqlite: URL), not ${redactUrl(from)}`);
  const path = sqlitePath(from);
  if (path === ':memory:') throw new MigrateDataRefusal('the source must be an SQLite file, not an in-memory database');
  if (!existsSync(path)) throw new MigrateDataRefusal(`no SQLite database at ${path}`);
  try {
    const sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
    sqlite.prepare('select count(*) from sqlite_master').get();
    return sqlite;
  } catch (error) {
    throw new MigrateDataRefusal(`cannot read ${path} as an SQLite database: ${messageOf(error)}`, { cause: error });
  }
}

function appliedSqliteMigrations(sqlite: SQLite.Database, from: string): string[] {
  const table = sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`).get();
  if (!table) throw new MigrateDataRefusal(`${sqlitePath(from)} is not a keepwarm database: it records no migrations`);
  return (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function appliedPostgresMigrations(db: Kysely<any>): Promise<string[]> {
  // kysely keeps its bookkeeping in the connection's current schema (src/store/migrate.ts).
  const { rows } = await db.executeQuery<{ name: string }>(CompiledQuery.raw('select name from kysely_migration order by name'));
  return rows.map((r) => r.name);
}

/** Both schemas must be the same version, or the copy would not fit. */
function refuseUnlessSame(source: string[], other: string[], from: string, otherName: string): void {
  const missing = other.filter((name) => !source.includes(name));
  const extra = source.filter((name) => !other.includes(name));
  const path = sqlitePath(from);
  if (missing.length > 0) {
    throw new MigrateDataRefusal(
      `the SQLite database ${path} is older than ${otherName}: migrations ${missing.join(', ')} are not applied to it. ` +
        `Bring it up to date first — start keepwarm once on it, or run  DATABASE_URL=${path} keepwarm migrate  — then run migrate-data again.`,
    );
  }
  if (extra.length > 0) {
    throw new MigrateDataRefusal(
      `the SQLite database ${path} has migrations ${otherName} does not know (${extra.join(', ')}): it was written by a newer keepwarm. Run migrate-data with that version.`,
    );
  }
}

/** The kinds of the table's columns in the target, in the source's column order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function targetKinds(db: Kysely<any>, table: CopyTable): Promise<ColumnKind[]> {
  const { rows } = await db.executeQuery<{ column_name: string; data_type: string }>(
    CompiledQuery.raw(`select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = $1`, [table.name]),
  );
  if (rows.length === 0) throw new MigrateDataRefusal(`the target has no table ${table.name}, though both schemas record the same migrations`);
  const types = new Map(rows.map((r) => [r.column_name, r.data_type]));
  const missing = table.columns.filter((c) => !types.has(c));
  if (missing.length > 0) throw new MigrateDataRefusal(`the target's table ${table.name} lacks the columns ${missing.join(', ')}`);
  return table.columns.map((c) => kindOfPostgresType(types.get(c)!));
}

/** Runs `work` in one transaction on the target; commits only when it says so. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function inOneTransaction<T>(db: Kysely<any>, work: (trx: Transaction<any>) => Promise<{ commit: boolean; value: T }>): Promise<T> {
  const trx = await db.startTransaction().execute();
  try {
    const { commit, value } = await work(trx);
    await (commit ? trx.commit() : trx.rollback()).execute();
    return value;
  } catch (error) {
    await trx.rollback().execute();
    throw error;
  }
}

/** The SQL that reads a table from SQLite in key order, a page at a time after the last key seen. */
function sqlitePage(table: CopyTable, columns: readonly string[]): { first: string; next: string; keyOf: (row: unknown[]) => unknown[]; columnCount: number } {
  const selected = columns.map(quoteIdent).join(', ');
  // A table without a primary key is paged by SQLite's rowid.
  const keys = table.primaryKey.length > 0 ? table.primaryKey.map(quoteIdent) : ['rowid'];
  const select = table.primaryKey.length > 0 ? `select ${selected}` : `select ${selected}, rowid`;
  const order = keys.join(', ');
  const from = `from ${quoteIdent(table.name)}`;
  const keyIndexes = table.primaryKey.length > 0 ? table.primaryKey.map((k) => columns.indexOf(k)) : [columns.length];
  return {
    first: `${select} ${from} order by ${order} limit ?`,
    next: `${select} ${from} where (${order}) > (${keys.map(() => '?').join(', ')}) order by ${order} limit ?`,
    keyOf: (row) => keyIndexes.map((i) => row[i]),
    columnCount: columns.length,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function copyTable(source: SQLite.Database, trx: Transaction<any>, table: CopyTable, batchRows: number, progress: (line: string) => void): Promise<{ copied: number; inserts: number }> {
  const total = (source.prepare(`select count(*) as n from ${quoteIdent(table.name)}`).get() as { n: number }).n;
  if (table.primaryKey.length === 0) {
    // Without a key no row can be told from another: copied only into an empty table, so a second run adds nothing.
    const { rows } = await trx.executeQuery<{ n: string }>(CompiledQuery.raw(`select count(*) as n from ${quoteIdent(table.name)}`));
    if (Number(rows[0]?.n ?? 0) > 0) {
      progress(`${table.name}: has no primary key and the target already has rows: not copied`);
      return { copied: 0, inserts: 0 };
    }
  }
  const perInsert = rowsPerInsert(table.columns.length, batchRows);
  const page = sqlitePage(table, table.columns);
  const first = source.prepare(page.first).raw(true);
  const next = source.prepare(page.next).raw(true);
  const insertHead = `insert into ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) overriding system value values `;
  const conflict = table.primaryKey.length > 0 ? ` on conflict (${table.primaryKey.map(quoteIdent).join(', ')}) do nothing` : '';
  let after: unknown[] | undefined;
  let read = 0;
  let copied = 0;
  let inserts = 0;
  let reported = 0;
  for (;;) {
    const rows = (after ? next.all(...after, perInsert) : first.all(perInsert)) as unknown[][];
    if (rows.length === 0) break;
    after = page.keyOf(rows[rows.length - 1]!);
    const parameters: unknown[] = [];
    const tuples = rows.map((row) => {
      const marks = table.columns.map((_, i) => `$${parameters.length + i + 1}`);
      parameters.push(...row.slice(0, page.columnCount));
      return `(${marks.join(', ')})`;
    });
    let result;
    try {
      result = await trx.executeQuery(CompiledQuery.raw(insertHead + tuples.join(', ') + conflict, parameters));
    } catch (error) {
      // Typically a row that collides with the target's own under another unique key.
      throw new Error(`copying ${table.name} failed: ${messageOf(error)}`, { cause: error });
    }
    copied += Number(result.numAffectedRows ?? 0n);
    inserts++;
    read += rows.length;
    if (read - reported >= PROGRESS_EVERY_ROWS && read < total) {
      progress(`  ${table.name}: ${read} of ${total} rows`);
      reported = read;
    }
  }
  progress(`copied ${table.name}: ${read} rows read, ${copied} new`);
  return { copied, inserts };
}

/**
 * Ids were copied as they were, so each identity or serial sequence still
 * stands at its start: set it past the largest id, or a new row would collide.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function resetSequences(trx: Transaction<any>, tables: CopyTable[], kinds: Map<string, ColumnKind[]>): Promise<void> {
  for (const table of tables) {
    const columnKinds = kinds.get(table.name)!;
    for (const [i, column] of table.columns.entries()) {
      if (columnKinds[i] !== 'integer') continue;
      const { rows } = await trx.executeQuery<{ sequence: string | null }>(CompiledQuery.raw(`select pg_get_serial_sequence($1, $2) as sequence`, [quoteIdent(table.name), column]));
      const sequence = rows[0]?.sequence;
      if (!sequence) continue;
      const c = quoteIdent(column);
      await trx.executeQuery(CompiledQuery.raw(`select setval($1::regclass, coalesce(max(${c}), 1), max(${c}) is not null) from ${quoteIdent(table.name)}`, [sequence]));
    }
  }
}
