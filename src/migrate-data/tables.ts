/**
 * What `keepwarm migrate-data` copies, read from the live SQLite schema rather
 * than from a list in the code, so a table a later migration adds is copied
 * too: every table but SQLite's own and kysely's migration bookkeeping, in an
 * order that inserts parents before the rows that reference them.
 */
import type SQLite from 'better-sqlite3';

/** One table to copy: its columns in declaration order, its primary key, the tables it references. */
export interface CopyTable {
  name: string;
  columns: string[];
  /** Primary-key columns in key order; empty for a table without a declared key. */
  primaryKey: string[];
  /** Other tables this one has foreign keys to (a reference to itself is left out). */
  parents: string[];
}

/** kysely's own tables: the target gets them from running the migrations, not from the copy. */
const BOOKKEEPING = new Set(['kysely_migration', 'kysely_migration_lock']);

function isCopiedTable(name: string): boolean {
  return !name.startsWith('sqlite_') && !BOOKKEEPING.has(name);
}

interface ColumnInfo {
  name: string;
  /** 1-based position in the primary key, 0 when not part of it. */
  pk: number;
}

interface ForeignKeyInfo {
  table: string;
}

/** The tables of an SQLite database, parents first (see {@link orderByForeignKeys}). */
export function sqliteTables(sqlite: SQLite.Database): CopyTable[] {
  const names = (sqlite.prepare(`select name from sqlite_master where type = 'table' order by name`).all() as { name: string }[])
    .map((row) => row.name)
    .filter(isCopiedTable);
  const tables = names.map((name): CopyTable => {
    const columns = sqlite.prepare(`select name, pk from pragma_table_info(?) order by cid`).all(name) as ColumnInfo[];
    const keys = sqlite.prepare(`select "table" from pragma_foreign_key_list(?)`).all(name) as ForeignKeyInfo[];
    return {
      name,
      columns: columns.map((c) => c.name),
      primaryKey: columns
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      parents: [...new Set(keys.map((k) => k.table).filter((parent) => parent !== name))],
    };
  });
  return orderByForeignKeys(tables);
}

/**
 * Parents before children (Kahn's algorithm, ties by name so the order is the
 * same on every run). A cycle between tables cannot be inserted row by row
 * without deferred constraints, which keepwarm's schema never declares: it
 * stops the copy with the tables involved named.
 */
export function orderByForeignKeys(tables: CopyTable[]): CopyTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const waitingFor = new Map(tables.map((t) => [t.name, new Set(t.parents.filter((p) => byName.has(p)))]));
  const ordered: CopyTable[] = [];
  while (waitingFor.size > 0) {
    const ready = [...waitingFor].filter(([, parents]) => parents.size === 0).map(([name]) => name).sort();
    if (ready.length === 0) {
      throw new Error(`the foreign keys of these tables form a cycle, so no copy order satisfies them: ${[...waitingFor.keys()].sort().join(', ')}`);
    }
    for (const name of ready) {
      ordered.push(byName.get(name)!);
      waitingFor.delete(name);
      for (const parents of waitingFor.values()) parents.delete(name);
    }
  }
  return ordered;
}

/** Quotes an identifier for either database ("a""b"). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
