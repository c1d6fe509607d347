/**
 * kysely's SQLite dialect with two changes that matter for keepwarm:
 *
 * - transactions start with BEGIN IMMEDIATE, so two processes on one file
 *   (two schedulers, a CLI beside the bot) queue on busy_timeout instead of
 *   failing with SQLITE_BUSY when a read transaction tries to become a write,
 *   and migrations run in one such transaction;
 * - prepared statements are cached by SQL text; kysely's own driver prepares
 *   every query anew, which costs more than running most of ours.
 */
import type Database from 'better-sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

const STATEMENT_CACHE_SIZE = 500;

class CachingConnection implements DatabaseConnection {
  readonly #statements = new Map<string, Database.Statement>();

  constructor(readonly sqlite: Database.Database) {}

  #prepare(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) {
        // Oldest first: Map keeps insertion order.
        const oldest = this.#statements.keys().next().value;
        if (oldest !== undefined) this.#statements.delete(oldest);
      }
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.#prepare(compiled.sql);
    const parameters = compiled.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(...parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(...parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query)) throw new Error('SQLite streams only select queries');
    for (const row of this.#prepare(compiled.sql).iterate(...(compiled.parameters as unknown[]))) {
      yield { rows: [row as R] };
    }
  }
}

/** SQLite has one connection; callers queue for it. */
class Mutex {
  #tail: Promise<void> = Promise.resolve();

  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return acquired;
  }
}

class ImmediateSqliteDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #connection: CachingConnection;
  #release: (() => void) | undefined;

  constructor(sqlite: Database.Database) {
    this.#connection = new CachingConnection(sqlite);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    this.#release = await this.#mutex.lock();
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // SQLite rolls a transaction back by itself after some errors (SQLITE_FULL,
    // SQLITE_IOERR, SQLITE_BUSY …); a ROLLBACK then fails with "cannot rollback -
    // no transaction is active", and kysely would throw that instead of the cause.
    if (!this.#connection.sqlite.inTransaction) return;
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    this.#connection.sqlite.close();
  }
}

/**
 * SQLite's DDL is transactional. Saying so makes kysely's migrator run each
 * migration run in one transaction — BEGIN IMMEDIATE here — which is what keeps
 * several processes starting at once on a new file from migrating it twice
 * (kysely's own SQLite adapter assumes one process and takes no lock).
 */
class KeepwarmSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class KeepwarmSqliteDialect implements Dialect {
  constructor(private readonly sqlite: Database.Database) {}

  createDriver(): Driver {
    return new ImmediateSqliteDriver(this.sqlite);
  }

  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }

  createAdapter() {
    return new KeepwarmSqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}
