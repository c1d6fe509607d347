/**
 * A checksum of a table's rows that comes out the same from SQLite and from
 * PostgreSQL when they hold the same values: SHA-256 over one canonical JSON
 * line per row, rows in primary-key order, columns in a fixed order.
 *
 * The drivers hand the same stored value over differently — PostgreSQL's
 * `bigint` and `numeric` arrive from pg as strings, SQLite's integers as
 * numbers, a PostgreSQL boolean as true/false where SQLite keeps 0/1 — so
 * each value is first put in one form chosen by the column's type on the
 * PostgreSQL side, the same for both. Both sides are read row by row (a
 * statement iterator, a cursor), never whole.
 */
import { createHash, type Hash } from 'node:crypto';
import type SQLite from 'better-sqlite3';
import { CompiledQuery, type Transaction } from 'kysely';
import { quoteIdent, type CopyTable } from './tables.ts';

const FETCH_ROWS = 1_000;

/** How a column's values are compared. */
export type ColumnKind = 'integer' | 'number' | 'boolean' | 'bytes' | 'text';

/** The kind of a PostgreSQL column, from `information_schema.columns.data_type`. */
export function kindOfPostgresType(dataType: string): ColumnKind {
  const type = dataType.toLowerCase();
  if (['smallint', 'integer', 'bigint'].includes(type)) return 'integer';
  if (['numeric', 'real', 'double precision'].includes(type)) return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'bytea') return 'bytes';
  return 'text';
}

const INTEGER = /^-?\d+$/;

/**
 * One value in canonical form: null, or a string tagged with what it is
 * (`n` a number, `s` text, `x` bytes in hex), so the text "5" and the number 5
 * never hash alike.
 */
export function canonicalValue(kind: ColumnKind, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return `x${Buffer.from(value).toString('hex')}`;
  switch (kind) {
    case 'integer':
    case 'number':
    case 'boolean':
      return canonicalNumber(value);
    case 'bytes':
      return typeof value === 'string' ? `x${Buffer.from(value, 'utf8').toString('hex')}` : `s${String(value)}`;
    case 'text':
      return `s${value instanceof Date ? value.toISOString() : String(value)}`;
  }
}

function canonicalNumber(value: unknown): string {
  if (typeof value === 'bigint') return `n${value.toString()}`;
  if (typeof value === 'boolean') return value ? 'n1' : 'n0';
  if (typeof value === 'number') return Number.isInteger(value) ? `n${BigInt(value).toString()}` : `n${String(value)}`;
  const text = String(value);
  // pg's strings for bigint and numeric; a big integer keeps every digit.
  if (INTEGER.test(text)) return `n${BigInt(text).toString()}`;
  const number = Number(text);
  // SQLite stores what it is given: text in a numeric column stays text.
  return text.trim() !== '' && Number.isFinite(number) ? canonicalNumber(number) : `s${text}`;
}

/** Row count and SHA-256 of one table, fed row by row in primary-key order. */
export class TableChecksum {
  readonly #hash: Hash = createHash('sha256');
  rows = 0;

  constructor(private readonly kinds: readonly ColumnKind[]) {}

  /** A row's values in the fixed column order. */
  add(values: readonly unknown[]): void {
    this.#hash.update(`${JSON.stringify(values.map((value, i) => canonicalValue(this.kinds[i] ?? 'text', value)))}\n`);
    this.rows++;
  }

  digest(): string {
    return this.#hash.digest('hex');
  }
}

/** The order rows are hashed in: the primary key (every column without one). */
function hashOrder(table: CopyTable): string[] {
  return table.primaryKey.length > 0 ? table.primaryKey : table.columns;
}

/** The source's side: SQLite sorts text keys byte by byte (its default BINARY collation). */
export function sqliteChecksum(source: SQLite.Database, table: CopyTable, kinds: ColumnKind[]): { rows: number; sum: string } {
  const checksum = new TableChecksum(kinds);
  const statement = source.prepare(`select ${table.columns.map(quoteIdent).join(', ')} from ${quoteIdent(table.name)} order by ${hashOrder(table).map(quoteIdent).join(', ')}`).raw(true);
  for (const row of statement.iterate()) checksum.add(row as unknown[]);
  return { rows: checksum.rows, sum: checksum.digest() };
}

/**
 * The target's side of the checksum, read through a cursor so a large table
 * never sits in memory whole. Text keys sort byte by byte (`COLLATE "C"`),
 * as SQLite sorts them, whatever collation the PostgreSQL database has.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function postgresChecksum(trx: Transaction<any>, table: CopyTable, kinds: ColumnKind[]): Promise<{ rows: number; sum: string }> {
  const checksum = new TableChecksum(kinds);
  const order = hashOrder(table).map((column) => (kinds[table.columns.indexOf(column)] === 'text' ? `${quoteIdent(column)} collate "C"` : quoteIdent(column)));
  await trx.executeQuery(CompiledQuery.raw(`declare migrate_data_rows no scroll cursor for select ${table.columns.map(quoteIdent).join(', ')} from ${quoteIdent(table.name)} order by ${order.join(', ')}`));
  for (;;) {
    const { rows } = await trx.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`fetch forward ${FETCH_ROWS} from migrate_data_rows`));
    for (const row of rows) checksum.add(table.columns.map((c) => row[c]));
    if (rows.length < FETCH_ROWS) break;
  }
  await trx.executeQuery(CompiledQuery.raw('close migrate_data_rows'));
  return { rows: checksum.rows, sum: checksum.digest() };
}
